"""The sigmoid page's inputs: defaults, presets, and the x slider kept in step with the x box.

All of it lives in ``st.session_state`` under the widgets' own keys: ``bn_x`` (the logit as
text, any number), ``bn_x_slider`` (the same logit on a -10 … 10 slider), ``bn_label`` (``"1"``,
``"0"`` or ``"soft"``), ``bn_soft`` (the soft label), ``bn_z0`` and ``bn_z1`` (two logits as
text) and ``bn_class`` (the true class of the two-class check, 0 or 1). ``URL_FIELDS`` keeps them
in the link under the same keys (the slider follows ``bn_x``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from ce_core import format_vector, parse_vector
from lab import urlstate
from pages.binary.model import check_one_number

SLIDER_MIN, SLIDER_MAX = -10.0, 10.0
SLIDER_STEP = 0.1  # the slider's, the arrow keys' and the dragged x's (lab.live.sigmoid) step
LABELS = ("1", "0", "soft")
CLASSES = (0, 1)

DEFAULTS = {
    "bn_x": "2",
    "bn_x_slider": 2.0,
    "bn_label": "1",
    "bn_soft": 0.7,
    "bn_z0": "0.5",
    "bn_z1": "2.5",
    "bn_class": 1,
}

# Each preset also sets the two-class check to z = (0, x) with class y, the same example seen
# as a softmax over two logits.
PRESETS = {
    "unsure": (0.0, "1"),
    "confident_right": (6.0, "1"),
    "confident_wrong": (-6.0, "1"),
    "overflow": (-800.0, "1"),
}

_SYNCED = "_bn_x_synced"  # the text of bn_x the slider last agreed with


def _text(value: float) -> str:
    return format_vector([value], digits=6)


def _slider_value(x: float) -> float:
    return float(np.clip(round(x, 1), SLIDER_MIN, SLIDER_MAX))


def init() -> None:
    """Give every input its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault(_SYNCED, st.session_state["bn_x"])


def _set_x(x: float) -> None:
    state = st.session_state
    state["bn_x"] = state[_SYNCED] = _text(x)
    state["bn_x_slider"] = _slider_value(x)


def apply_preset(name: str) -> None:
    """Callback: load preset ``name``: the logit, the label, and z = (0, x) with that class."""
    x, label = PRESETS[name]
    _set_x(x)
    st.session_state.update(
        {"bn_label": label, "bn_z0": "0", "bn_z1": _text(x), "bn_class": int(label)}
    )


def reset() -> None:
    """Callback: every input back to its default."""
    st.session_state.update(DEFAULTS)
    st.session_state[_SYNCED] = DEFAULTS["bn_x"]


def dragged(x: float) -> None:
    """Callback of the live charts' release: the dragged x into the box and the slider."""
    _set_x(x)


def slider_moved() -> None:
    """Callback of the slider: write its value into the x box."""
    state = st.session_state
    state["bn_x"] = state[_SYNCED] = _text(state["bn_x_slider"])


def follow_text(x: float) -> None:
    """Move the slider to a newly typed valid ``x`` (clipped); call it before drawing the slider."""
    state = st.session_state
    if state.get("bn_x") != state.get(_SYNCED):
        state[_SYNCED] = state.get("bn_x")
        state["bn_x_slider"] = _slider_value(x)


def label_value(label: str | None, soft: float) -> float:
    """Return the label y the inputs mean: 1, 0, or the soft label."""
    return float(soft) if label == "soft" else float(label or DEFAULTS["bn_label"])


def curve_of(label: str | None) -> int:
    """Return which loss curve the current point lies on: 0 for y = 1, 1 for y = 0, 2 if soft."""
    return {"1": 0, "0": 1}.get(label or DEFAULTS["bn_label"], 2)


def fallback(key: str) -> float:
    """Return the default number of text box ``key``, for a page opened with invalid input."""
    return float(parse_vector(DEFAULTS[key])[0])


# ---- the link ---------------------------------------------------------------------------------
MAX_TEXT = 60  # one number with every digit a float64 holds, and room for spaces


def _number_field(key: str) -> urlstate.Field:
    """Return the field of a one-number box: only text the box itself would accept is taken."""
    field = urlstate.text(key, max_chars=MAX_TEXT, default=DEFAULTS[key])

    def read(value: str) -> str:
        text = field.read(value)
        check_one_number(parse_vector(text, allow_nan=False, allow_inf=False, max_count=1))
        return text

    return replace(field, read=read)


def _soft_field() -> urlstate.Field:
    """Return the field of the soft label: a multiple of 0.05 in [0, 1], like its slider."""
    field = urlstate.number("bn_soft", 0.0, 1.0, default=DEFAULTS["bn_soft"])
    field = replace(field, when=lambda: st.session_state.get("bn_label") == "soft")

    def read(value: str) -> float:
        steps = field.read(value) / 0.05
        if abs(steps - round(steps)) > 1e-9:
            raise ValueError("bn_soft")
        return round(round(steps) * 0.05, 2) + 0.0  # + 0.0 turns -0 into 0

    return replace(field, read=read)


URL_FIELDS = (
    _number_field("bn_x"),
    urlstate.choice("bn_label", LABELS, default=DEFAULTS["bn_label"]),
    _soft_field(),
    _number_field("bn_z0"),
    _number_field("bn_z1"),
    urlstate.choice("bn_class", CLASSES, default=DEFAULTS["bn_class"]),
)
