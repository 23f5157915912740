"""The stability page's inputs: defaults and presets, in ``st.session_state`` under widget keys.

``st_dtype`` (float type), ``st_z`` (logits as text), ``st_shift_z`` and ``st_shift`` (the shift
invariance example and the constant c), ``st_log_z`` and ``st_log_y`` (log_softmax example and its
true class, counting from 1).
"""

from __future__ import annotations

import streamlit as st

from ce_core import DTYPES, parse_vector

DTYPE_NAMES = tuple(DTYPES)
SHIFT_MIN, SHIFT_MAX = -1000.0, 1000.0
MAX_LOGITS = 20

DEFAULTS = {
    "st_dtype": "float32",
    "st_z": "90, 89, 10",
    "st_shift_z": "2, 3, 4",
    "st_shift": -1000.0,
    "st_log_z": "0, -800",
    "st_log_y": 2,
}

#: name -> (logits, float type to switch to or None to keep the current one)
PRESETS = {
    "fine": ("2, 1, 0.1", None),
    "float16": ("12, 11, 0", "float16"),
    "float32": ("90, 89, 10", "float32"),
    "float64": ("1000, 999, 0", "float64"),
    "underflow": ("-1000, -1001, -1002", None),
    "masked": ("2, 1, -inf", None),
}


def init() -> None:
    """Give every input its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def apply_preset(name: str) -> None:
    """Callback: load preset ``name`` into the logits (and the float type it is about)."""
    z, dtype = PRESETS[name]
    st.session_state["st_z"] = z
    if dtype is not None:
        st.session_state["st_dtype"] = dtype


def current_dtype() -> str:
    """Return the chosen float type (the segmented control cannot be cleared, but be safe)."""
    value = st.session_state.get("st_dtype")
    return value if value in DTYPES else DEFAULTS["st_dtype"]


def fallback(key: str):
    """Return the default values of the text box ``key``, for a page opened with invalid input."""
    return parse_vector(DEFAULTS[key])


def remember_target(target: int) -> None:
    """Keep ``target`` as the last true class that was valid."""
    st.session_state["_valid_st_log_y"] = target


def last_valid_target(num_classes: int) -> int:
    """Return the last valid true class (counting from 1), brought within ``num_classes``."""
    return min(int(st.session_state.get("_valid_st_log_y", DEFAULTS["st_log_y"])), num_classes)
