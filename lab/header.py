"""The frame of every lesson page: its title, "what you learn here" and "try this" at the top,
and the link to the next lesson at the bottom."""

from __future__ import annotations

import streamlit as st

from lab.language import t
from lab.lessons import EXTRA_PAGES, LESSONS
from lab.presentation import presenting


def page_header(prefix: str) -> None:
    """Start a page: title, "what you learn here" and "try this", from ``<prefix>.*`` strings.

    In presentation mode the two paragraphs fold into an expander, so the lesson's inputs and
    charts come onto the projector's first screen; the teacher can open it. Elsewhere they are
    shown, except on a phone, where the expander stands in their place (``lab.style``: the page
    width is only known in the browser) and the inputs come before a screen of prose.
    """
    st.title(t(f"{prefix}.title"))
    if presenting():
        folded = st.expander(t("header.about"))
    else:
        shown = st.container(key="intro_shown")
        shown.markdown(t(f"{prefix}.learn"))
        shown.caption(t(f"{prefix}.try"))
        folded = st.container(key="intro_folded").expander(t("header.about"))
    folded.markdown(t(f"{prefix}.learn"))
    folded.caption(t(f"{prefix}.try"))


def next_lesson(current: str, pages: dict[str, st.Page]) -> None:
    """Draw a "next lesson →" link at the bottom of lesson ``current`` (none after the last).

    ``pages`` maps each lesson to its ``st.Page``; the lecture note's order is ``LESSONS``, and
    the exercises come after it.
    """
    order = (*LESSONS, *EXTRA_PAGES)  # after the last lesson, the exercises
    if current not in order or current == order[-1]:
        return
    following = order[order.index(current) + 1]
    st.divider()
    st.page_link(
        pages[following],
        label=t("next_lesson", title=t(f"nav.{following}")),
        icon=":material/arrow_forward:",
    )
