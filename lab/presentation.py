"""Presentation mode, for projectors: larger text and charts, secondary controls hidden.

Turned on by the sidebar switch or by ``?present=1`` in a link.
"""

from __future__ import annotations

import copy

import streamlit as st

from lab.language import t

SCALE = 1.35  # charts and their text grow by this much

# Our own constant CSS (never user text): rem-based sizes follow the root font size; captions,
# expanders and the toolbar are the secondary material a projector does not need.
_CSS = """
<style>
html { font-size: 21px; }
.stMainBlockContainer { max-width: 100%; padding-left: 2rem; padding-right: 2rem; }
[data-testid="stCaptionContainer"], [data-testid="stExpander"],
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
    """Draw the sidebar switch and, when on, apply the larger style."""
    st.session_state["present"] = presenting()
    st.sidebar.toggle(t("present"), key="present", on_change=_switch, help=t("present.help"))
    if presenting():
        st.html(_CSS)
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]


def scaled(spec: dict) -> dict:
    """Return the figure dict ``spec``, enlarged for a projector when presentation mode is on."""
    if not presenting():
        return spec
    spec = copy.deepcopy(spec)
    layout = spec.setdefault("layout", {})
    layout["font"] = {
        **layout.get("font", {}),
        "size": layout.get("font", {}).get("size", 18) * SCALE,
    }
    layout["height"] = layout.get("height", 400) * SCALE
    title = layout.get("title")
    if isinstance(title, dict) and title.get("font", {}).get("size"):
        title["font"]["size"] *= SCALE
    for item in [*spec.get("data", []), *layout.get("annotations", [])]:
        for font in ("textfont", "font"):
            if isinstance(item.get(font), dict) and item[font].get("size"):
                item[font]["size"] *= SCALE
    return spec
