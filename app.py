"""Cross-Entropy Lab: the table of contents. Each lesson is a folder ``pages/<lesson>/``."""

import sys
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import RerunData, RerunException, get_script_run_ctx
from streamlit.runtime.scriptrunner.script_runner import PagesManager, _mpa_v1


def leave_folder_routing() -> None:
    """Rerun the asked-for page through ``st.navigation`` if the legacy folder routing ran us.

    Streamlit routes by the ``pages/`` folder until the first ``st.navigation`` runs; finding no
    ``pages/*.py`` it queues "Page not found" for a first visitor of ``/playground``. Raising
    here, before this script reads any file (reading lets that message out), discards it with
    the run's output. Written here, not in lab/: importing a module reads files.
    README, "The first visitors of a new server".
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_code is not _mpa_v1.__code__:
        frame = frame.f_back
    ctx = get_script_run_ctx()
    if frame is None or ctx is None:
        return
    PagesManager.uses_pages_directory = False
    asked = ctx.pages_manager  # a page asked for by name (a link), not by hash, was not found
    if asked.intended_page_name and not asked.intended_page_script_hash:
        raise RerunException(
            RerunData(
                query_string=ctx.query_string,
                page_name=asked.intended_page_name,
                context_info=ctx.context_info,
            )
        )


leave_folder_routing()

from lab import style
from lab.header import next_lesson
from lab.language import init_language, language_switch, t
from lab.lessons import LESSONS, script
from lab.presentation import init_presentation, presentation_switch, presenting
from lab.streamlit_fixes.net import no_delay_once

no_delay_once()  # Streamlit leaves Nagle's algorithm on: each rerun was 40 ms late (net.py)
ICON = str(Path(__file__).parent / "assets" / "icon.png")  # served locally: works offline
init_language()
init_presentation()
st.set_page_config(
    page_title="Cross-Entropy Lab",
    page_icon=ICON,
    layout="wide",
    initial_sidebar_state="collapsed" if presenting() else "auto",  # a projector wants room
)


ICONS = {
    "playground": ":material/bar_chart:",
    "derivation": ":material/function:",
    "stability": ":material/warning:",
    "binary": ":material/call_split:",
    "training": ":material/model_training:",
    "batch": ":material/table:",
}
lessons = {
    name: st.Page(script(name), title=t(f"nav.{name}"), icon=ICONS[name], url_path=name)
    for name in LESSONS
}


def home() -> None:
    """Send "/" to the Playground, keeping the query string (the default page has no path)."""
    st.switch_page(lessons["playground"], query_params=st.query_params.to_dict())


navigation = st.navigation(
    {
        t("nav.learn"): [lessons[name] for name in LESSONS[:3]],
        t("nav.more"): [lessons[name] for name in LESSONS[3:]],
        "": [
            st.Page(
                home, title=t("nav.playground"), url_path="home", default=True, visibility="hidden"
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
