"""The top of every lesson page: its title, "what you learn here" and "try this"."""

from __future__ import annotations

import streamlit as st

from lab.language import t
from lab.presentation import presenting


def page_header(prefix: str) -> None:
    """Start a page: title, "what you learn here" and "try this", from ``<prefix>.*`` strings.

    In presentation mode the two paragraphs fold into an expander, so the lesson's inputs and
    charts come onto the projector's first screen; the teacher can open it.
    """
    st.title(t(f"{prefix}.title"))
    where = st.expander(t("header.about")) if presenting() else st.container()
    where.markdown(t(f"{prefix}.learn"))
    where.caption(t(f"{prefix}.try"))
