"""The stability page's inputs: defaults and presets, in ``st.session_state`` under widget keys.

``st_dtype`` (float type), ``st_z`` (logits as text), ``st_shift_z`` and ``st_shift`` (the shift
invariance example and the constant c, any number in ``SHIFT_MIN..SHIFT_MAX``), ``st_log_z`` and
``st_log_y`` (log_softmax example and its true class, counting from 1). ``URL_FIELDS`` keeps
them all in the link, under the same keys.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from ce_core import check_logits, parse_vector
from lab import urlstate
from pages.stability.model import DTYPES

DTYPE_NAMES = tuple(DTYPES)
SHIFT_MIN, SHIFT_MAX = -1000.0, 1000.0  # wide enough to overflow float64: e^1000 > 1.8e308
SHIFT_STEP = 1.0  # the + and − of the box for c; any number in between may be typed
#: c one click away: none, the lecture's max-shift, one that breaks the naive formula
SHIFT_CHOICES = {"zero": 0.0, "max": None, "overflow": SHIFT_MIN}
MAX_LOGITS = 20

DEFAULTS = {
    "st_dtype": "float32",
    "st_z": "90, 89, 10",
    "st_shift_z": "2, 3, 4",
    "st_shift": 0.0,
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


def shift_logits() -> np.ndarray:
    """Return the shift tab's logits as typed now, or its last valid ones (its defaults if none)."""
    try:
        return check_logits(
            parse_vector(
                st.session_state.get("st_shift_z") or "", allow_nan=False, max_count=MAX_LOGITS
            )
        )
    except ValueError:
        last = st.session_state.get("_valid_st_shift_z")
        return fallback("st_shift_z") if last is None else last


def max_shift(z: np.ndarray) -> float:
    """Return c = max z, the stable softmax's shift (finite: not every class may be −inf)."""
    return float(np.max(z)) + 0.0


def shift_allowed(c: float) -> bool:
    """Return whether the box for c can hold ``c`` (``SHIFT_MIN <= c <= SHIFT_MAX``)."""
    return SHIFT_MIN <= c <= SHIFT_MAX


def apply_shift(name: str) -> None:
    """Callback: set c to the ``SHIFT_CHOICES`` entry ``name`` (``max``: max z of the logits as
    typed when the button was clicked, which may be in this very rerun; nothing if out of range)."""
    c = SHIFT_CHOICES[name]
    if c is None:
        c = max_shift(shift_logits())
    if shift_allowed(c):
        st.session_state["st_shift"] = c


def current_dtype() -> str:
    """Return the chosen float type (the segmented control cannot be cleared, but be safe)."""
    value = st.session_state.get("st_dtype")
    return value if value in DTYPES else DEFAULTS["st_dtype"]


def fallback(key: str):
    """Return the default values of the text box ``key``, for a page opened with invalid input."""
    return parse_vector(DEFAULTS[key])


def reset() -> None:
    """Callback: every input back to its default."""
    st.session_state.update(DEFAULTS)


# ---- the link ---------------------------------------------------------------------------------
MAX_TEXT = 500  # 20 logits with every digit a float64 holds fit in about 480 characters


def _logits_field(key: str) -> urlstate.Field:
    """Return the field of a logits box: only text the box itself would accept is taken."""
    field = urlstate.text(key, max_chars=MAX_TEXT, default=DEFAULTS[key])

    def read(value: str) -> str:
        text = field.read(value)
        check_logits(parse_vector(text, allow_nan=False, max_count=MAX_LOGITS))
        return text

    return replace(field, read=read)


def _shift_field() -> urlstate.Field:
    """Return the field of c: a number in ``[SHIFT_MIN, SHIFT_MAX]``; older links wrote a whole
    number (the slider moved by 1), which reads the same."""
    field = urlstate.number("st_shift", SHIFT_MIN, SHIFT_MAX, default=DEFAULTS["st_shift"])
    return replace(field, read=lambda value: field.read(value) + 0.0)  # + 0.0: -0 becomes 0


URL_FIELDS = (
    urlstate.choice("st_dtype", DTYPE_NAMES, default=DEFAULTS["st_dtype"]),
    _logits_field("st_z"),
    _logits_field("st_shift_z"),
    _shift_field(),
    _logits_field("st_log_z"),
    urlstate.integer("st_log_y", 1, MAX_LOGITS, default=DEFAULTS["st_log_y"]),
)
