"""Cross-Entropy Lab: the table of contents. Each lesson is a folder ``pages/<lesson>/``."""

from pathlib import Path

import streamlit as st

from lab.streamlit_fixes.routing import leave_folder_routing

leave_folder_routing()  # before anything is drawn: see routing.py

from lab.language import init_language, language_switch, t
from lab.lessons import script
from lab.presentation import init_presentation, presentation_switch
from lab.streamlit_fixes.net import no_delay_once

no_delay_once()  # Streamlit leaves Nagle's algorithm on: each rerun was 40 ms late (net.py)
ICON = str(Path(__file__).parent / "assets" / "icon.png")  # served locally: works offline
st.set_page_config(page_title="Cross-Entropy Lab", page_icon=ICON, layout="wide")
init_language()
init_presentation()


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
        t("nav.practice"): [page("exercises", ":material/edit_note:")],
        "": [
            st.Page(
                home, title=t("nav.playground"), url_path="home", default=True, visibility="hidden"
            )
        ],
    }
)
language_switch()
presentation_switch()
st.sidebar.caption(t("sidebar.about"))
navigation.run()
