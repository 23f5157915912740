"""The derivation page's inputs: the Playground's example, the lecture note, a pair of logits.

The page shows the Playground's example through the Playground's own widget keys ``z`` (logits
as text), ``y`` (true class, from 1) and ``T`` (temperature); ``dv_pair`` is its own.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ce_core import logits_from_probabilities, parse_vector
from lab import urlstate
from pages.derivation.model import StepSweep, step_sweep
from pages.playground import state as playground

SHARED_KEYS = ("z", "y", "T")
PAIR_CHARS = 200  # two logits in a link: more is not something one shared


def init() -> None:
    """Give this page's own input its default; the Playground's ``init`` gives z, y and T theirs.

    It also writes z, y and T back under their keys: Streamlit keeps a ``persist_state`` value
    under the widget of the page that set it, so without that a widget of the same key on this
    page would start from its default on the first run after a page switch.
    """
    playground.init()
    st.session_state.setdefault("dv_pair", "")
    follow_the_playground()


def follow_the_playground() -> None:
    """Show the example the Playground shows, even when it was given as probabilities or sliders.

    The Playground's probabilities ``a`` become the logits ``ln a`` (readable: shifted so the
    largest is 0); its sliders, their values. Done once per change there, so what is typed
    here stays until the Playground changes again.
    """
    state = st.session_state
    mode = state.get("mode", "text")
    if mode == "text":
        return
    source = (mode, state.get("a") if mode == "probs" else playground.slider_text())
    if state.get("_derivation_follows") == source:
        return
    state["_derivation_follows"] = source
    z = playground.current_logits(mode)
    if z is not None and z.size >= 2:
        state["z"] = playground.readable_logits(z)


URL_FIELDS = (
    urlstate.text("z", default=playground.DEFAULTS["z"]),
    urlstate.integer("y", 1, playground.MAX_CLASS_IN_LINK, default=playground.DEFAULTS["y"]),
    urlstate.choice("T", playground.TEMPERATURES, default=playground.DEFAULTS["T"]),
    urlstate.text("dv_pair", max_chars=PAIR_CHARS, default=""),
)


def reset() -> None:
    """Callback: the example and the sigmoid pair back to their defaults."""
    for key in SHARED_KEYS:
        st.session_state[key] = playground.DEFAULTS[key]
    st.session_state["dv_pair"] = ""


def use_lecture_example() -> None:
    """Callback: the lecture note's example, a = (0.1, 0.1, 0.1, 0.2, 0.5), j = 4, as logits
    ln a written as a person would type them (``-1.609438, …, 0``: shifted, 6 decimals)."""
    lecture = playground.PRESETS["lecture"]
    a = parse_vector(lecture["a"])
    st.session_state["z"] = playground.readable_logits(logits_from_probabilities(a))
    st.session_state["y"] = lecture["y"]
    st.session_state["T"] = 1.0


@st.cache_data(max_entries=64, show_spinner=False)
def cached_step_sweep(
    z: np.ndarray, target: int, temperature: float, classes: tuple[int, ...]
) -> StepSweep:
    """Return ``step_sweep`` (a few hundred loss evaluations), computed once per example."""
    return step_sweep(z, target, temperature, classes=classes)
