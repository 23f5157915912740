"""The top of every lesson page: its title, "what you learn here" and "try this"."""

from __future__ import annotations

import streamlit as st

from lab.language import t


def page_header(prefix: str) -> None:
    """Start a page: title, "what you learn here" and "try this", from ``<prefix>.*`` strings."""
    st.title(t(f"{prefix}.title"))
    st.markdown(t(f"{prefix}.learn"))
    st.caption(t(f"{prefix}.try"))
