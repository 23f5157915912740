"""The Playground's inputs: defaults, presets, and carrying values over between input modes.

All of it lives in ``st.session_state`` under the widgets' own keys: ``mode``, ``z`` (logits as
text), ``k`` and ``z0`` … ``z19`` (sliders), ``a`` (probabilities as text), ``y`` (true class,
counting from 1), ``T`` (temperature) and ``names``.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ce_core import (
    InputError,
    format_vector,
    logits_from_probabilities,
    parse_class_names,
    parse_vector,
    softmax,
)
from ce_core import normalise as normalise_probabilities
from lab import numbers, urlstate
from lab.live import logits_into_box

MODES = ("text", "sliders", "probs")
SLIDER_MIN, SLIDER_MAX, MAX_SLIDERS = -10.0, 10.0, 20
MAX_CLASSES = 1000  # typed logits or probabilities: the charts show the 20 most useful
PROBABILITY_TOL = 1e-4  # typed probabilities may add up to 1 within this (4 printed digits)
MAX_NAME_CHARS = 40  # ce_core.parse_class_names' limit for one name
# The names box holds one name per class, each with its comma.
MAX_NAMES_TEXT = MAX_CLASSES * (MAX_NAME_CHARS + 1)
READABLE_DECIMALS = 6  # logits carried over from probabilities, e.g. ln 0.2 - ln 0.5
MAX_CLASS_IN_LINK = 1_000_000  # a true class in a link beyond this is not a class anyone typed
# A log scale from 0.05 to 20 through the round values a teacher reaches for (1-1.5-2-3-5-7).
TEMPERATURES = (
    0.05,
    0.07,
    0.1,
    0.15,
    0.2,
    0.3,
    0.5,
    0.7,
    1.0,
    1.5,
    2.0,
    3.0,
    5.0,
    7.0,
    10.0,
    15.0,
    20.0,
)

DEFAULTS = {
    "mode": "text",
    "z": "2, 1, 0.1, -1, 3",
    "a": "0.1, 0.1, 0.1, 0.2, 0.5",
    "k": 5,
    "y": 1,
    "T": 1.0,
    "names": "",
}

PRESETS = {
    "lecture": {"mode": "probs", "a": "0.1, 0.1, 0.1, 0.2, 0.5", "y": 4},
    "confident_right": {"mode": "text", "z": "8, 1, 0.5, -1, 0", "y": 1},
    "confident_wrong": {"mode": "text", "z": "8, 1, 0.5, -1, 0", "y": 3},
    "uniform": {"mode": "text", "z": "0, 0, 0, 0, 0", "y": 1},
    "overflow": {"mode": "text", "z": "1000, 0, -1000", "y": 1},
    "masked": {"mode": "text", "z": "2, 1, -inf, 0.5", "y": 2},
}


def init() -> None:
    """Give every input its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    for i in range(MAX_SLIDERS):
        st.session_state.setdefault(f"z{i}", 0.0)
    st.session_state.setdefault("_mode_before", st.session_state["mode"])
    # z, y and T are shared with the Derivation page's widgets of the same keys: written back
    # under their keys, they reach this page's widgets on the first run after a page switch.
    for key in ("z", "y", "T"):
        st.session_state[key] = st.session_state[key]


def apply_preset(name: str) -> None:
    """Callback: load preset ``name`` (temperature back to 1, class names cleared)."""
    values = {"T": 1.0, "names": "", **PRESETS[name]}
    st.session_state.update(values)
    st.session_state["_mode_before"] = values["mode"]


def reset() -> None:
    """Callback: every input back to its default."""
    st.session_state.update(DEFAULTS)
    for i in range(MAX_SLIDERS):
        st.session_state[f"z{i}"] = 0.0
    st.session_state["_mode_before"] = DEFAULTS["mode"]


def current_logits(mode: str) -> np.ndarray | None:
    """Return the logits the inputs of ``mode`` hold now, or None if they do not parse."""
    state = st.session_state
    try:
        if mode == "sliders":
            return np.array([state[f"z{i}"] for i in range(state["k"])], dtype=float)
        if mode == "probs":
            return logits_from_probabilities(parse_vector(state["a"]))
        return parse_vector(state["z"], allow_nan=False)
    except ValueError:
        return None


def readable_logits(z: np.ndarray) -> str:
    """Return logits as a person would type them: shifted so the largest is 0 (the softmax is
    the same: the lecture's max-shift), 6 decimals (the loss keeps its 4 printed decimals).

    >>> readable_logits(np.log([0.1, 0.1, 0.1, 0.2, 0.5]))
    '-1.609438, -1.609438, -1.609438, -0.916291, 0'
    """
    finite = z[np.isfinite(z)]
    shift = float(np.max(finite)) if finite.size else 0.0
    return format_vector(np.round(z - shift, READABLE_DECIMALS) + 0.0, digits=None)


def carry_over() -> None:
    """Callback of the mode switch: bring the values of the old mode into the new one."""
    state = st.session_state
    old, new = state.get("_mode_before", "text"), state.get("mode")
    if new is None:  # the switch was clicked off: stay where we were
        state["mode"] = new = old
    state["_mode_before"] = new
    if new == old:
        return
    z = current_logits(old)
    if z is None or z.size < 2:
        return
    if new == "text":
        state["z"] = format_vector(z, digits=6)
    elif new == "sliders":
        finite = np.where(np.isfinite(z), z, SLIDER_MIN)
        state["k"] = int(min(max(z.size, 2), MAX_SLIDERS))
        for i, v in enumerate(finite[:MAX_SLIDERS]):
            state[f"z{i}"] = float(np.clip(np.round(v, 1), SLIDER_MIN, SLIDER_MAX))
    else:
        state["a"] = format_vector(softmax(z), digits=6)


def release_logits(z: np.ndarray) -> None:
    """Callback of the live widget: put the dragged logits into the inputs of the current mode.

    The box gets the shortest text that reads back exactly (the URL and downloads follow it);
    the sliders get the values rounded to their 0.1 steps, within their range.
    """
    state = st.session_state
    if state.get("mode") == "sliders":
        _put_sliders([float(np.clip(np.round(v, 1), SLIDER_MIN, SLIDER_MAX)) for v in z])
    else:
        logits_into_box("z", z)


def release_temperature(value: float) -> None:
    """Callback of the live widget's temperature slider."""
    if value in TEMPERATURES:
        st.session_state["T"] = value


def _typed_probabilities() -> np.ndarray | None:
    try:
        return parse_vector(st.session_state.get("a", ""), allow_nan=False, allow_inf=False)
    except ValueError:
        return None


def normalisable() -> bool:
    """Return whether the typed probabilities parse, are >= 0 and have a positive finite sum."""
    a = _typed_probabilities()
    if a is None or a.size < 2 or not np.all(a >= 0):
        return False
    with np.errstate(over="ignore"):  # 1e308 + 1e308: not normalisable
        return bool(0 < np.sum(a) < np.inf)


def probability_sum() -> str:
    """Return the sum of the typed probabilities, formatted for the "normalise" button."""
    a = _typed_probabilities()
    if a is None:
        return "?"
    with np.errstate(over="ignore"):
        return numbers.sig(float(np.sum(a)))


def normalise() -> None:
    """Callback: replace the typed probabilities by themselves divided by their sum."""
    a = _typed_probabilities()
    if a is not None:
        st.session_state["a"] = format_vector(normalise_probabilities(a), digits=6)


def class_names(text: str, num_classes: int) -> list[str]:
    """Return the typed class names: none, or exactly one per class (else InputError)."""
    names = parse_class_names(text)
    if names and len(names) != num_classes:
        raise InputError("names_count", "one name per class", count=len(names), k=num_classes)
    return names


def fallback_values(mode: str) -> np.ndarray:
    """Return the default values of ``mode``, for a page opened with invalid input."""
    key = "a" if mode == "probs" else "z"
    return parse_vector(DEFAULTS[key])


def slider_text() -> str:
    """Return the sliders' logits as the link writes them (``1,-2,3.5``)."""
    state = st.session_state
    return ",".join(f"{state[f'z{i}']:g}" for i in range(state["k"]))


def _slider_values() -> str | None:
    return slider_text() if st.session_state.get("mode") == "sliders" else None


def _read_sliders(value: str) -> list[float]:
    z = parse_vector(value, allow_nan=False, allow_inf=False, max_count=MAX_SLIDERS)
    if z.size < 2 or np.any((z < SLIDER_MIN) | (z > SLIDER_MAX)):
        raise ValueError("sliders")
    return [float(v) for v in z]


def _put_sliders(z: list[float]) -> None:
    st.session_state["k"] = len(z)
    for i, v in enumerate(z):
        st.session_state[f"z{i}"] = v


def _in_mode(*modes: str):
    return lambda: st.session_state.get("mode") in modes


URL_FIELDS = (
    urlstate.choice("mode", MODES, default=DEFAULTS["mode"]),
    urlstate.text("z", when=_in_mode("text")),
    urlstate.text("a", when=_in_mode("probs")),
    urlstate.Field(
        "sliders", _read_sliders, str, get=_slider_values, put=_put_sliders, old_key="s"
    ),
    urlstate.integer("y", 1, MAX_CLASS_IN_LINK, default=DEFAULTS["y"]),
    urlstate.choice("T", TEMPERATURES, default=DEFAULTS["T"], when=_in_mode("text", "sliders")),
    urlstate.text("names", max_chars=MAX_NAMES_TEXT, default=DEFAULTS["names"]),
)
