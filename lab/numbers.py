"""How numbers are printed, everywhere in the app: one module, so each word means one thing.

- :func:`bar`: on a chart's bar or in a narrow cell, 3 decimals (scientific when tiny or huge).
- :func:`fixed`: a metric, ``decimals`` after the point.
- :func:`sig`: ``digits`` significant digits (6 by default), for captions and hover text.
- :func:`sci`: scientific, ``1.4e-17``, for the size of an error (``0`` when it is none).
- :func:`full`: every digit the value holds: the shortest text that reads back to the same
  number in its own dtype (``repr`` for a Python float), for downloads and "full precision".
- :func:`exact`: the shortest of ``%g`` and :func:`full` that reads back exactly, for links.

Non-finite values read ``∞``, ``−∞`` and ``NaN`` on screen; :func:`full` and :func:`exact`
write ``inf``, ``-inf`` and ``NaN``, which our parser and spreadsheets read back.
"""

from __future__ import annotations

import math

import numpy as np

_SCREEN_NON_FINITE = {math.inf: "∞", -math.inf: "−∞"}


def _unsigned_zero(text: str) -> str:
    """Return ``text`` without the minus of a number that rounds to zero ("−0.0000" → "0.0000").

    A loss of 1e-300 or -0.0 is zero to the digits shown, and a sign would only puzzle.
    """
    return text[1:] if text.startswith("-") and not text.strip("-0.e+") else text


def _non_finite(value: float) -> str | None:
    if value != value:
        return "NaN"
    return _SCREEN_NON_FINITE.get(value)


def bar(value: float, digits: int = 3) -> str:
    """Return ``value`` as printed on a bar: 3 decimals, or scientific when tiny or huge."""
    special = _non_finite(value)
    if special is not None:
        return special
    if value != 0 and (abs(value) < 10 ** (-digits) or abs(value) >= 1e5):
        return f"{value:.{max(1, digits - 1)}e}"
    return _unsigned_zero(f"{value:.{digits}f}")


def fixed(value: float, decimals: int = 4) -> str:
    """Return ``value`` with ``decimals`` decimals (a metric); ``∞`` and ``NaN`` as words."""
    special = _non_finite(float(value))
    return special if special is not None else _unsigned_zero(f"{value:.{decimals}f}")


def sig(value: float, digits: int = 6) -> str:
    """Return ``value`` with ``digits`` significant digits; ``∞`` and ``NaN`` as words."""
    special = _non_finite(float(value))
    return special if special is not None else _unsigned_zero(f"{value:.{digits}g}")


def sci(value: float, decimals: int = 1) -> str:
    """Return ``value`` in scientific notation (an error's size: ``1.4e-17``); ``0`` for zero."""
    value = float(value)
    special = _non_finite(value)
    if special is not None:
        return special
    return "0" if value == 0 else f"{value:.{decimals}e}"


def full(value: float | np.floating) -> str:
    """Return every digit ``value`` holds: the shortest text that reads back to it in its dtype.

    A NumPy float32 prints as float32 (``0.1``, not ``0.10000000149011612``); non-finite values
    as ``inf``, ``-inf`` and ``NaN``.
    """
    text = str(value) if isinstance(value, np.floating) else repr(float(value))
    return "NaN" if text == "nan" else text


def exact(value: float) -> str:
    """Return ``%g`` of ``value`` when it reads back exactly, else every digit (:func:`full`)."""
    short = f"{value:g}"
    return short if float(short) == value else full(value)
