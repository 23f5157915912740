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
    page = ctx.pages_manager.intended_page_name or ""
    query, info = ctx.query_string, ctx.context_info
    raise RerunException(RerunData(query_string=query, page_name=page, context_info=info))


leave_folder_routing()

from lab import style
from lab.language import init_language, language_switch, t
from lab.lessons import script
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


def page(name: str, icon: str, **kwargs) -> st.Page:
    return st.Page(script(name), title=t(f"nav.{name}"), icon=icon, url_path=name, **kwargs)


playground = page("playground", ":material/bar_chart:")


def home() -> None:
    """Send "/" to the Playground, keeping the query string (the default page has no path)."""
    st.switch_page(playground, query_params=st.query_params.to_dict())


navigation = st.navigation(
    {
        t("nav.learn"): [
            playground,
            page("derivation", ":material/function:"),
            page("stability", ":material/warning:"),
        ],
        t("nav.more"): [
            page("binary", ":material/call_split:"),
            page("training", ":material/model_training:"),
            page("batch", ":material/table:"),
        ],
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
