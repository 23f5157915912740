"""Cross-Entropy Lab: the table of contents. Each lesson is a folder ``pages/<lesson>/``.

``streamlit run app.py`` finds :data:`app` below and serves it; every visitor's run then executes
this file as a script, which draws the menu, the switches and the page asked for.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lab import style
from lab.header import next_lesson
from lab.language import init_language, language_switch, t
from lab.lessons import EXTRA_PAGES, LESSONS, script
from lab.presentation import init_presentation, presentation_switch, presenting
from lab.streamlit_fixes.memory import fewer_arenas, reclaim_forever
from lab.streamlit_fixes.net import no_delay_once

ICON = str(Path(__file__).parent / "assets" / "icon.png")  # served locally: works offline
ICONS = {
    "playground": ":material/bar_chart:",
    "derivation": ":material/function:",
    "stability": ":material/warning:",
    "binary": ":material/call_split:",
    "training": ":material/model_training:",
    "batch": ":material/table:",
    "exercises": ":material/edit_note:",
}


@asynccontextmanager
async def _routed_by_navigation_only(_app: st.App) -> AsyncIterator[None]:
    """At server start, before any visitor: pages are routed by ``st.navigation`` alone.

    Streamlit keeps its older routing by the ``pages/`` folder on until a first
    ``st.navigation`` has run, so the first visitors of a new server were routed by the folder,
    which finds no ``pages/*.py`` and showed them "Page not found" (README, "The first visitors
    of a new server").
    """
    PagesManager.uses_pages_directory = False
    # and the sessions of a class that has left give their memory back (memory.py)
    fewer_arenas()
    janitor = asyncio.create_task(reclaim_forever())
    try:
        yield
    finally:
        janitor.cancel()


app = st.App(__file__, lifespan=_routed_by_navigation_only)


def table_of_contents() -> None:
    """Draw the menu, the language and presentation switches, and run the page asked for."""
    no_delay_once()  # Streamlit leaves Nagle's algorithm on: each rerun was 40 ms late (net.py)
    init_language()
    init_presentation()
    st.set_page_config(
        page_title="Cross-Entropy Lab",
        page_icon=ICON,
        layout="wide",
        initial_sidebar_state="collapsed" if presenting() else "auto",  # a projector wants room
    )
    lessons = {
        name: st.Page(script(name), title=t(f"nav.{name}"), icon=ICONS[name], url_path=name)
        for name in (*LESSONS, *EXTRA_PAGES)
    }

    def home() -> None:
        """Send "/" to the Playground, keeping the query string (the default page has no path)."""
        st.switch_page(lessons["playground"], query_params=st.query_params.to_dict())

    navigation = st.navigation(
        {
            t("nav.learn"): [lessons[name] for name in LESSONS[:3]],
            t("nav.more"): [lessons[name] for name in LESSONS[3:]],
            t("nav.practice"): [lessons[name] for name in EXTRA_PAGES],
            "": [
                st.Page(
                    home,
                    title=t("nav.playground"),
                    url_path="home",
                    default=True,
                    visibility="hidden",
                )
            ],
        }
    )
    language_switch()
    presentation_switch()
    style.apply()
    st.sidebar.caption(t("sidebar.about"))
    navigation.run()
    next_lesson(navigation.url_path, lessons)


if get_script_run_ctx() is not None:  # a visitor's run, not the server importing `app`
    table_of_contents()
