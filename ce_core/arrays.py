"""Turning array-likes into float arrays, the one way every ce_core function does it."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

FLOAT_DTYPES = (np.float16, np.float32, np.float64)


def as_float_array(x: ArrayLike, name: str = "input") -> np.ndarray:
    """Return ``x`` as a float16, float32 or float64 array (integers and bools become float64)."""
    try:
        a = np.asarray(x)
    except (ValueError, TypeError) as exc:  # ragged lists, objects NumPy cannot hold
        raise ValueError(f"{name} must be a list or array of numbers of one shape") from exc
    if a.dtype in FLOAT_DTYPES:
        return a
    if a.dtype.kind in "biu":
        return a.astype(np.float64)
    if a.dtype.kind == "f":  # longdouble: keep to float64, the widest dtype we promise
        return cast(a, np.float64)
    raise ValueError(f"{name} must hold real numbers, got values of type {a.dtype}")


def cast(a: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Return ``a`` in ``dtype``; values beyond its range become +-inf, silently.

    That is the dtype's true answer (``np.float16(1e5)`` is ``inf``), as SciPy and PyTorch give
    it; NumPy would also warn "overflow encountered in cast".
    """
    with np.errstate(over="ignore"):
        return a.astype(dtype, copy=False)


def cast_finite(a: np.ndarray, dtype: np.dtype, name: str) -> np.ndarray:
    """Return ``a`` in ``dtype``, or raise ValueError if an entry is inf, NaN or too large for it.

    For weights: an infinite weight has no meaning (and ``0 * inf`` makes the loss NaN).
    """
    out = cast(a, dtype)
    bad = np.flatnonzero(~np.isfinite(out))
    if bad.size:
        limit = np.finfo(dtype).max
        raise ValueError(
            f"{name} must hold finite numbers no larger than {limit:.3g}, "
            f"got {float(a.flat[bad[0]]):g}"
        )
    return out


def work_dtype(dtype: np.dtype) -> np.dtype:
    """Return the dtype to compute in: float16 accumulates in float32, the rest stay native."""
    return np.dtype(np.float32) if dtype == np.float16 else np.dtype(dtype)


def check_axis(a: np.ndarray, axis: int, name: str = "input") -> int:
    """Return ``axis`` normalised to a non-negative index, or raise ValueError."""
    if isinstance(axis, bool) or not isinstance(axis, int | np.integer):
        raise ValueError(f"axis must be a whole number (or None where allowed), got {axis!r}")
    if a.ndim == 0:
        raise ValueError(
            f"{name} must have at least one dimension (a list of numbers), got a scalar"
        )
    if not -a.ndim <= axis < a.ndim:
        raise ValueError(f"axis {axis} is out of range for {name} with {a.ndim} dimension(s)")
    return axis % a.ndim


def check_temperature(temperature: float) -> float:
    """Return ``temperature`` as a float, or raise ValueError unless it is finite and > 0."""
    try:
        t = float(temperature)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"temperature must be a number, got {temperature!r}") from exc
    if not (np.isfinite(t) and t > 0):
        raise ValueError(f"temperature must be finite and greater than 0, got {t}")
    return t
