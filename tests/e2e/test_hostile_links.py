"""A shared link must not make the visitor's browser do anything: every query parameter of every
page, filled with Markdown, HTML, LaTeX and Plotly-label payloads, in real Chromium.

Fails on any request to a host that is not the app's, on any rendered ``<img>`` or ``<a>`` that
came from the link, and on any dialog.
"""

from __future__ import annotations

from importlib import import_module
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Request

from lab.lessons import LESSONS

from .conftest import AppServer, Opener

EVIL = "a.invalid"  # a host that cannot exist: any request to it is the link's doing
PAYLOAD = (
    f"![i](http://{EVIL}/md.png) <img src=http://{EVIL}/html.png> [l](http://{EVIL}/md-link) "
    f"<a href='http://{EVIL}/a'>a</a> $\\href{{http://{EVIL}/tex}}{{t}}$ "
    f"\\includegraphics{{http://{EVIL}/tex.png}} :red[evilred] **evilbold** <b>b</b><br>"
    f"http://{EVIL}/bare www.{EVIL}"
)
# Short enough to be accepted as class names, so that they reach the labels, LaTeX and charts.
NAMES = ",".join(
    [f"<a href='http://{EVIL}/n'>n</a>", f"![i](http://{EVIL}/i.png)", "$evilmath$", "**evilbold**"]
)
CASES = {lesson: [{}] for lesson in LESSONS} | {
    "playground": [{}, {"mode": "probs"}, {"z": "1,2,3,4", "names": NAMES, "y": "2"}],
}


def _keys(lesson: str) -> list[str]:
    """Return the query keys of a lesson's link (its ``state``, or its ``link`` module)."""
    state = import_module(f"pages.{lesson}.state")
    fields = getattr(state, "URL_FIELDS", None) or import_module(f"pages.{lesson}.link").URL_FIELDS
    return [field.key for field in fields]


# Markup that would change how text looks: each word must only ever show inside its markup.
MARKED = {"evilbold": "**evilbold**", "evilred": ":red[evilred]", "evilmath": "$evilmath$"}
_SHOWN_AS_MARKUP = """
(marked) => {
  const text = document.querySelector('[data-testid=stMain]').innerText;
  const count = (s) => text.split(s).length - 1;
  return Object.entries(marked).filter(([word, literal]) => count(word) !== count(literal))
    .map(([word]) => word);
}
"""

_FROM_LINK = f"""
() => Array.from(document.querySelectorAll(
  `[src*="{EVIL}"], [*|href*="{EVIL}"], [style*="{EVIL}"]`  /* SVG links use xlink:href */
)).map((el) => el.outerHTML.slice(0, 120))
"""


@pytest.mark.parametrize("prefix", ["", "1, 2, "])
@pytest.mark.parametrize(
    ("lesson", "extra"), [(lesson, extra) for lesson, cases in CASES.items() for extra in cases]
)
def test_link_full_of_markup_makes_the_browser_fetch_nothing_and_render_no_link(
    lesson: str,
    extra: dict,
    prefix: str,
    shared_context: BrowserContext,
    app_server: AppServer,
    open_page: Opener,
):
    page: Page = shared_context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []
    app_host = urlsplit(app_server.url).netloc

    def watch(request: Request) -> None:
        if urlsplit(request.url).netloc not in (app_host, ""):
            outside.append(request.url)

    page.on("request", watch)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = {key: prefix + PAYLOAD for key in _keys(lesson)} | extra
    try:
        open_page(page, lesson, "en", **query)
        page.wait_for_timeout(500)  # images and fonts a page asks for come after the run
        assert page.evaluate(_FROM_LINK) == []
        assert page.evaluate(_SHOWN_AS_MARKUP, MARKED) == []
        assert outside == []
        assert dialogs == []
    finally:
        page.close()
