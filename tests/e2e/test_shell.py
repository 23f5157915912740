"""The app's shell (``app.py``: grouped menu, language switch) for every visitor of a new server."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

from lab.i18n import translate

from .conftest import ARTIFACTS, VIEWPORT, Opener, serve_app
from .helpers import CJK, expect, widget

VISITS = [("playground", "en"), ("playground", "zh"), ("derivation", "zh")]


def test_visitors_arriving_together_at_a_new_server_all_get_the_shell(browser: Browser):
    """A class opening the link together, right after the teacher started the app."""
    with serve_app(ARTIFACTS / "e2e" / "streamlit-new-server.log") as server:
        context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        try:
            opener = Opener(server)
            pages = [opener.start(context.new_page(), path, lang) for path, lang in VISITS]
            for page in pages:
                opener.finish(page)
            latin = re.compile(r"^[^\u4e00-\u9fff]+$")
            for (path, lang), page in zip(VISITS, pages, strict=True):
                # the pages are loaded and idle: what is missing now will not come
                expect(widget(page, "lang")).to_have_count(1, timeout=2_000)
                current = page.locator("[data-testid=stSidebarNavLink][aria-current=page] p")
                expect(current).to_have_text(translate(f"nav.{path}", lang), timeout=2_000)
                heading = page.locator("[data-testid=stMain] h1").first
                expect(heading).to_have_text(CJK if lang == "zh" else latin, timeout=2_000)
                dialogs = page.locator("[role=dialog]").all_text_contents()
                assert dialogs == [], f"/{path} shows a dialog: {dialogs}"  # "Page not found"
        finally:
            context.close()
