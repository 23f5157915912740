"""End-to-end fixtures: the app served once per session, driven by Debian's Chromium.

* The browser is ``/usr/bin/chromium`` (``playwright install`` cannot download one here); set
  ``CE_LAB_CHROMIUM=/path/to/chromium`` to use another. If it is missing, the end-to-end tests are
  skipped, except under ``CI=true`` where they fail: CI must not go green without a browser.
  To check that behaviour: ``CI=true CE_LAB_CHROMIUM=/nonexistent python -m pytest tests/e2e``.
* ``app_server`` starts ``streamlit run app.py`` on a free port once per session, waits for
  ``/_stcore/health`` and kills the server's whole process group at teardown. Its output goes to
  ``artifacts/e2e/streamlit.log`` (the page hides tracebacks; failures quote the log's end).
* ``open_page(page, path, lang="en", **query)`` loads ``/<path>?lang=...&...``, waits until the app
  is idle and every chart is drawn, and fails if an exception box is shown.
* Screenshots go to ``artifacts/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .helpers import (
    FIRST_LOAD_MS,
    FIRST_SETTLE_MS,
    RUN_COUNTER,
    SETTLE_MS,
    expect_no_exception,
    wait_charts_drawn,
    wait_idle,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVER_LOG = ARTIFACTS / "e2e" / "streamlit.log"
FAILURES = ARTIFACTS / "e2e" / "failures"
HERE = Path(__file__).resolve().parent

HEALTH_TIMEOUT = 60.0
VIEWPORT = {"width": 1400, "height": 1000}

expect.set_options(timeout=10_000)


def in_ci() -> bool:
    """Return whether we run under CI (``CI=true``, as GitHub Actions and most CIs set it)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``e2e`` (deselect them with ``-m "not e2e"``)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failing browser test, keep a screenshot of its page in ``artifacts/e2e/failures/``."""
    report = yield
    funcargs = getattr(item, "funcargs", {})
    shown = [v for v in funcargs.values() if isinstance(v, Page)]
    page = shown[0] if shown else getattr(funcargs.get("pages"), "last", None)
    if report.failed and call.when == "call" and page is not None and HERE in item.path.parents:
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in item.name)
        with contextlib.suppress(Exception):  # a closed page: the report matters more
            page.screenshot(path=str(FAILURES / f"{name}.png"), timeout=5_000)
    return report


@pytest.fixture(scope="session", autouse=True)
def _no_stale_failure_screenshots() -> None:
    """Start each session without the failure screenshots of an earlier one."""
    shutil.rmtree(FAILURES, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Return the Chromium to drive; skip (or, under CI, fail) when it is not there."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    message = (
        f"Chromium not found at {CHROMIUM} (set CE_LAB_CHROMIUM, or `apt-get install chromium`): "
        "the end-to-end browser tests cannot run"
    )
    if in_ci():
        pytest.fail(f"{message}, and CI=true requires them.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser_type_launch_args(chromium_executable: str) -> dict:
    """Launch Debian's Chromium instead of a Playwright-downloaded browser."""
    return {"executable_path": chromium_executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A desktop viewport and an English browser (the language comes from ``?lang=``)."""
    return {**browser_context_args, "viewport": VIEWPORT, "locale": "en-US"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class AppServer:
    """The running app: its base URL and the end of its log."""

    url: str
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        """Return the last ``lines`` lines the server printed."""
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def serve_app(log_path: Path = SERVER_LOG, script: str = "app.py") -> Iterator[AppServer]:
    """Serve ``script`` (the app) on a free local port until the ``with`` block ends."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    command = [
        *(sys.executable, "-m", "streamlit", "run", script),
        *("--server.headless", "true", "--server.port", str(port)),
        *("--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"),
        *("--server.fileWatcherType", "none"),
    ]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so teardown can end all of it
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    server = AppServer(url, log_path)
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(
                    f"streamlit exited with code {process.returncode}:\n{server.log_tail()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit not healthy after {HEALTH_TIMEOUT:.0f} s:\n{server.log_tail()}",
                    pytrace=False,
                )
            time.sleep(0.2)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def app_server(chromium_executable: str) -> Iterator[AppServer]:
    """The app, served once for the whole session."""
    with serve_app() as server:
        yield server


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


class Opener:
    """Loads pages of the app; ``opener(page, path, lang="en", **query)`` returns it ready to read.

    Ready means: the script has run and the app is idle, Plotly has drawn every chart (20 s for a
    first load, which fetches Plotly), and no exception box is shown. :meth:`start` and
    :meth:`finish` split that in two, so several pages can load at once.
    """

    def __init__(self, server: AppServer) -> None:
        self._server = server
        self._settle: dict[Page, float] = {}
        self.warm = False  # a first page has loaded: the server's first-visit routing is over

    def start(self, page: Page, path: str, lang: str | None = "en", **query: str) -> Page:
        """Navigate ``page`` to ``/<path>?lang=<lang>&<query>`` without waiting for the app."""
        params = ({"lang": lang} if lang else {}) | query
        # The server's first session runs the page twice, with a pause in between (lab.ui's
        # routing fix), so the first page waits longer for quiet.
        self._settle[page] = SETTLE_MS if self._settle else FIRST_SETTLE_MS
        page.add_init_script(RUN_COUNTER)
        page.goto(f"{self._server.url}/{path}?{urlencode(params, safe=',')}", wait_until="commit")
        return page

    def finish(self, page: Page) -> Page:
        """Wait until the page :meth:`start` opened is ready; fail on an exception box."""
        wait_idle(page, 1, FIRST_LOAD_MS, self._settle.get(page, SETTLE_MS))
        self.warm = True
        wait_charts_drawn(page, FIRST_LOAD_MS)
        expect_no_exception(page, self._server.log_tail)
        return page

    def __call__(self, page: Page, path: str, lang: str | None = "en", **query: str) -> Page:
        return self.finish(self.start(page, path, lang, **query))


@pytest.fixture(scope="session")
def open_page(app_server: AppServer) -> Opener:
    """Return ``open_page(page, path, lang="en", **query)``: load an app page, ready to read."""
    return Opener(app_server)


@pytest.fixture(scope="module")
def shared_context(browser: Browser, browser_context_args: dict) -> Iterator[BrowserContext]:
    """One browser context per module (each page in it is still a session of its own)."""
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


Key = tuple[str, str]


class PageCache:
    """Pages of the app loaded ahead of time, a few at once, and kept for the module's tests.

    ``plan`` lists the ``(path, lang)`` pages the module will ask for, in order; while a test
    waits for one page, the next ``ahead`` ones are already loading. :meth:`get` shares a page
    between tests that only read it; :meth:`take` hands it to a test that changes it.
    """

    def __init__(self, context: BrowserContext, opener: Opener, plan=(), ahead: int = 2) -> None:
        self._context = context
        self._opener = opener
        self._plan: list[Key] = list(plan)
        self._ahead = ahead
        self._loading: dict[Key, list[Page]] = {}
        self._ready: dict[Key, tuple[Page, BaseException | None]] = {}
        self._pages: list[Page] = []
        self.last: Page | None = None  # for the failure screenshot

    def _start(self, key: Key) -> None:
        page = self._context.new_page()
        self._pages.append(page)
        self._opener.start(page, *key)
        self._loading.setdefault(key, []).append(page)

    def _prefetch(self) -> None:
        if not self._opener.warm:  # sessions opened together on a new server (see test_shell.py)
            return
        in_flight = sum(len(pages) for pages in self._loading.values())
        while self._plan and in_flight < self._ahead:
            key = self._plan.pop(0)
            if key not in self._ready and key not in self._loading:
                self._start(key)
                in_flight += 1

    def get(self, path: str, lang: str) -> Page:
        """Return ``/<path>?lang=<lang>``, ready (a failed check fails every test that uses it)."""
        key = (path, lang)
        if key in self._plan:
            self._plan.remove(key)
        if key not in self._ready:
            if not self._loading.get(key):
                self._start(key)
            page = self._loading[key].pop(0)
            if not self._loading[key]:
                del self._loading[key]
            self._prefetch()
            try:
                self._ready[key] = (self._opener.finish(page), None)
            except (AssertionError, PlaywrightError) as exc:
                self._ready[key] = (page, exc)
        self._prefetch()
        page, error = self._ready[key]
        self.last = page
        if error is not None:
            raise error
        return page

    def take(self, path: str, lang: str, refill: bool = False) -> Page:
        """Hand the page to a test that changes it; ``refill`` starts loading a new one."""
        try:
            return self.get(path, lang)
        finally:
            self._ready.pop((path, lang), None)
            if refill:
                self._start((path, lang))

    def close(self) -> None:
        for page in self._pages:
            page.close()


@pytest.fixture(scope="module")
def pages(
    request: pytest.FixtureRequest, shared_context: BrowserContext, open_page: Opener
) -> Iterator[PageCache]:
    """Return the module's :class:`PageCache`, loading the module's ``PRELOAD`` pages ahead."""
    cache = PageCache(shared_context, open_page, getattr(request.module, "PRELOAD", ()))
    yield cache
    cache.close()
