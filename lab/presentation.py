"""Presentation mode, for a projector: the lesson on one screen at 1280×720, nothing hidden.

Turned on by the sidebar switch or by ``?present=1`` in a link. The sidebar starts collapsed
(its arrow brings it back), Streamlit's tall blank header goes, text is larger and charts are
scaled by :func:`lab.charts.chart`. Nothing a lecture needs is hidden: secondary material sits
in expanders the teacher can open.
"""

from __future__ import annotations

import streamlit as st

from lab.language import t

# Our own constant CSS (never user text). 18 px is the largest root size at which a lesson's
# inputs, numbers and main charts share one 1280×720 screen (tests/e2e/test_screens.py).
_CSS = """
<style>
html { font-size: 18px; }
[data-testid="stHeader"] { height: 2.25rem; background: transparent; }
.stMainBlockContainer { max-width: 100%; padding: 2.25rem 1.5rem 2rem 1.5rem; }
[data-testid="stMain"] h1 { font-size: 1.9rem; padding: 0 0 0.25rem 0; }
[data-testid="stToolbar"] { display: none; }
</style>
"""


def presenting() -> bool:
    """Return whether presentation mode is on in this session."""
    return bool(st.session_state.get("_present"))


def init_presentation() -> None:
    """Read ``?present=1`` once per session."""
    if "_present" not in st.session_state:
        st.session_state["_present"] = st.query_params.get("present") in ("1", "true")


def _switch() -> None:
    st.session_state["_present"] = st.session_state["present"]


def presentation_switch() -> None:
    """Draw the sidebar switch and, when on, apply the projector's style."""
    st.session_state["present"] = presenting()
    st.sidebar.toggle(t("present"), key="present", on_change=_switch, help=t("present.help"))
    if presenting():
        st.html(_CSS)
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]
