"""The Playground's input column: the input mode, the logits (or probabilities), the class names,
the true class and the temperature. Drawing them returns what they hold, checked."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from ce_core import check_logits
from lab import urlstate
from lab.inputs import checked_target, error_text, vector_input
from lab.language import t
from pages.playground import state
from pages.playground.model import check_distribution


@dataclass(frozen=True)
class Typed:
    """What the inputs hold: valid values (the last valid ones after a bad entry)."""

    mode: str
    values: np.ndarray  #: logits, or probabilities in the "probs" mode
    ok: bool  #: False while the box holds a bad entry (``values`` are then the last valid)
    names: list[str]
    target: int  #: the true class, counting from 1
    temperature: float


def _sliders() -> np.ndarray:
    k = st.slider(t("playground.k"), 2, state.MAX_SLIDERS, key="k", persist_state="session")
    z = [
        st.slider(
            t("playground.slider", n=i + 1),
            state.SLIDER_MIN,
            state.SLIDER_MAX,
            step=0.1,
            key=f"z{i}",
            persist_state="session",
        )
        for i in range(k)
    ]
    return check_logits(z)


def _values(mode: str) -> tuple[np.ndarray | None, bool]:
    """Draw the box (or sliders) of ``mode``; return its values and whether they are valid."""
    if mode == "sliders":
        return _sliders(), True
    if mode == "probs":
        values, ok = vector_input("a", t("playground.a"), check=check_distribution)
        if not ok and state.normalisable():
            st.button(
                t("playground.normalise", total=state.probability_sum()),
                key="normalise",
                on_click=state.normalise,
                icon=":material/balance:",
            )
        return values, ok
    help_text = t("playground.z.help", max_count=state.MAX_CLASSES)
    return vector_input(
        "z", t("playground.z"), help=help_text, max_count=state.MAX_CLASSES, check=check_logits
    )


def draw() -> Typed:
    """Draw the input column; bad entries show their error under the box and fall back."""
    urlstate.share_and_reset("playground", state.URL_FIELDS, state.reset)
    mode = st.segmented_control(
        t("playground.mode"),
        state.MODES,
        key="mode",
        format_func=lambda m: t(f"playground.mode.{m}"),
        on_change=state.carry_over,
        persist_state="session",
    )
    values, ok = _values(mode)
    if values is None:  # nothing valid typed yet in this session
        values = state.fallback_values(mode)
    names_text = st.text_input(
        t("playground.names"), key="names", help=t("playground.names.help"), persist_state="session"
    )
    try:  # each check right after its box, so that its error stands under it
        names = state.class_names(names_text, len(values))
    except ValueError as exc:
        st.error(error_text(exc), icon=":material/error:")
        names = []
    target = st.number_input(
        t("playground.y"), min_value=1, step=1, key="y", persist_state="session"
    )
    target = checked_target(target, len(values), memory="_valid_y")
    if mode == "probs":  # T does not apply to probabilities: shown, greyed
        st.select_slider(
            t("playground.T"),
            state.TEMPERATURES,
            key="T",
            help=t("playground.T.help"),
            persist_state="session",
            disabled=True,
        )
    # With logits, T is the live widget's slider (under the bars it scales), which moves the
    # charts while the hand moves: one control for one value.
    temperature = st.session_state.setdefault("T", state.DEFAULTS["T"])
    return Typed(mode, values, ok, names, target, temperature)
