"""The derivation page's inputs: the Playground's example, the lecture note, a pair of logits.

The page shows the Playground's example through the Playground's own widget keys ``z`` (logits
as text), ``y`` (true class, from 1) and ``T`` (temperature); ``dv_pair`` is its own.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ce_core import (
    InputError,
    StepSweep,
    format_vector,
    logits_from_probabilities,
    parse_vector,
    step_sweep,
)
from lab import urlstate
from lab.inputs import error_text
from pages.playground import state as playground_state

SHARED_KEYS = ("z", "y", "T")


def adopt_playground_inputs() -> None:
    """Hand this page's widgets the values the Playground's widgets of the same keys hold.

    Streamlit keeps a ``persist_state`` value under the widget of the page that set it; on the
    first run after a page switch a widget of another page with the same key would start from
    its default. Writing each value back under its key, before the widgets are drawn, avoids it.
    """
    for key in SHARED_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


URL_FIELDS = (
    urlstate.text("z", default=playground_state.DEFAULTS["z"]),
    urlstate.integer("y", 1, 1_000_000, default=playground_state.DEFAULTS["y"]),
    urlstate.choice("T", playground_state.TEMPERATURES, default=playground_state.DEFAULTS["T"]),
    urlstate.text("dv_pair", max_chars=200, default=""),
)


def reset() -> None:
    """Callback: the example and the sigmoid pair back to their defaults."""
    for key in SHARED_KEYS:
        st.session_state[key] = playground_state.DEFAULTS[key]
    st.session_state["dv_pair"] = ""


def use_lecture_example() -> None:
    """Callback: the lecture note's example, a = (0.1, 0.1, 0.1, 0.2, 0.5), j = 4, as z = ln a."""
    lecture = playground_state.PRESETS["lecture"]
    a = parse_vector(lecture["a"])
    st.session_state["z"] = format_vector(logits_from_probabilities(a), digits=None)
    st.session_state["y"] = lecture["y"]
    st.session_state["T"] = 1.0


def pair_input(label: str, help: str, placeholder: str, z: np.ndarray) -> tuple[float, float]:
    """Draw the box for two logits of the sigmoid comparison; return them.

    Left empty, it gives the example's first two logits. A bad entry shows a translated error
    under the box and gives them too.
    """
    text = st.text_input(
        label, key="dv_pair", help=help, placeholder=placeholder, persist_state="session"
    )
    if text.strip():
        try:
            pair = parse_vector(text, allow_inf=True, max_count=2)
            if pair.size != 2:
                raise InputError("pair_count", "type exactly two logits", count=pair.size)
        except ValueError as exc:
            st.error(error_text(exc), icon=":material/error:")
        else:
            return float(pair[0]), float(pair[1])
    return float(z[0]), float(z[1])


@st.cache_data(max_entries=64, show_spinner=False)
def cached_step_sweep(
    z: np.ndarray, target: int, temperature: float, classes: tuple[int, ...]
) -> StepSweep:
    """Return ``step_sweep`` (a few hundred loss evaluations), computed once per example."""
    return step_sweep(z, target, temperature, classes=classes)
