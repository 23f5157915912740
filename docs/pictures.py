"""Retake the README's pictures: every lesson as a class sees it.

Each lesson on the projector (1280×720, presentation mode), in English and in Chinese, the first
screen only (what the room sees without scrolling), and the Playground on a phone (390×844,
touch, the first screen). Starts the app on a free port (127.0.0.1), drives Debian's Chromium
and writes ``docs/<lesson>_<lang>.png`` and ``docs/playground_phone_<lang>.png``::

    .venv/bin/python docs/pictures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import free_port, start_server, stop_server  # noqa: E402

from lab.lessons import LESSONS  # noqa: E402
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.helpers import FIRST_LOAD_MS, RUN_COUNTER, wait_charts_drawn, wait_idle  # noqa: E402

DOCS = ROOT / "docs"
PROJECTOR = {"viewport": {"width": 1280, "height": 720}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
}


def shoot(page: Page, url: str, path: Path) -> None:
    """Open ``url``, wait until it has run and drawn every chart, and save its first screen."""
    page.goto(url)
    wait_idle(page, 1, FIRST_LOAD_MS)
    wait_charts_drawn(page)
    page.wait_for_timeout(500)  # Plotly's and the widget's last frame
    page.screenshot(path=str(path))
    print(path.relative_to(ROOT))


def main() -> None:
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in ("en", "zh"):
                projector = browser.new_context(**PROJECTOR, locale="en-US")
                projector.add_init_script(RUN_COUNTER)  # wait_idle counts the script's runs
                page = projector.new_page()
                for lesson in LESSONS:
                    url = f"http://127.0.0.1:{port}/{lesson}?lang={lang}&present=1"
                    shoot(page, url, DOCS / f"{lesson}_{lang}.png")
                projector.close()
                phone = browser.new_context(**PHONE, locale="en-US")
                phone.add_init_script(RUN_COUNTER)
                url = f"http://127.0.0.1:{port}/playground?lang={lang}"
                shoot(phone.new_page(), url, DOCS / f"playground_phone_{lang}.png")
                phone.close()
            browser.close()
    finally:
        stop_server(server)


if __name__ == "__main__":
    main()
