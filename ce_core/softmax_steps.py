r"""The textbook softmax, step by step: where an ``inf`` or NaN is born when the shift is left out.

:math:`a_i = e^{z_i} / \sum_k e^{z_k}` is correct mathematics and a broken program: ``e^{z_i}``
overflows once a logit passes ``ln(finfo.max)`` (11.09 in float16, 88.72 in float32, 709.78 in
float64), and ``inf / inf`` is NaN. :func:`softmax_steps` keeps every intermediate so that a page
can point at the step that broke; :func:`ce_core.softmax` is the version to use.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, check_axis


def naive_softmax(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return the textbook :math:`e^{z_i} / \sum_k e^{z_k}` with no shift, in the input's dtype.

    This is the formula that breaks: it overflows to ``inf`` (and ``inf / inf = NaN``) once a
    logit passes ``ln(finfo.max)``: 11.09 in float16, 88.72 in float32, 709.78 in float64; and it
    underflows to ``0 / 0 = NaN`` when every logit is very negative. It does so silently: no
    warning escapes. Kept for teaching; never use it for a loss.

    Examples
    --------
    >>> naive_softmax(np.array([1000.0, 0.0]))
    array([nan,  0.])
    >>> naive_softmax(np.array([12.0, 0.0], dtype=np.float16))
    array([nan,  0.], dtype=float16)
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    with np.errstate(all="ignore"):
        e = np.exp(z)
        return e / np.sum(e, axis=axis, keepdims=True, dtype=z.dtype)


@dataclass(frozen=True)
class SoftmaxSteps:
    """Every intermediate of one softmax, so that a page can show where an inf or NaN is born."""

    z: np.ndarray  #: the logits
    shift: np.ndarray  #: what was subtracted (the max, or 0 for the naive formula), kept dims
    shifted: np.ndarray  #: z - shift
    exp: np.ndarray  #: e^(z - shift)
    total: np.ndarray  #: the sum of the exponentials, kept dims
    a: np.ndarray  #: exp / total: the softmax
    stable: bool  #: whether the max was subtracted
    axis: int = -1  #: the axis the softmax runs along

    def first_non_finite(self) -> str | None:
        """Return the first step (``shifted``, ``exp``, ``total``, ``a``) where inf or NaN is born.

        Born means computed from finite values: an inf or NaN that was typed is only passed on,
        and a typed ``-inf`` (a masked class) is meant to go through ``z - max`` as ``-inf`` and
        come out as ``e^{-inf} = 0``.
        """
        masked = np.isneginf(self.z)
        z_ok = np.isfinite(self.z) | masked
        shifted_ok = np.isfinite(self.shifted) | (masked & np.isneginf(self.shifted))
        exp_ok = np.isfinite(self.exp)
        total_ok = np.isfinite(self.total)
        born = {
            "shifted": ~shifted_ok & z_ok,
            "exp": ~exp_ok & shifted_ok,
            "total": ~total_ok & np.all(exp_ok, axis=self.axis, keepdims=True),
            "a": ~np.isfinite(self.a) & exp_ok & total_ok,
        }
        return next((name for name, cells in born.items() if cells.any()), None)


def softmax_steps(z: ArrayLike, stable: bool = True, axis: int = -1) -> SoftmaxSteps:
    r"""Return the steps :math:`z \to z - m \to e^{z - m} \to \Sigma \to a`, in the input's dtype.

    With ``stable=False`` the shift is 0 (the textbook formula, as :func:`naive_softmax`), so the
    step where the input's dtype overflows is visible. Each step is computed in the input's own
    dtype, exactly as a program written that way would (no warnings escape).

    Examples
    --------
    >>> steps = softmax_steps(np.array([100.0, 0.0], dtype=np.float32), stable=False)
    >>> steps.exp, steps.first_non_finite()
    (array([inf,  1.], dtype=float32), 'exp')
    >>> softmax_steps(np.array([100.0, 0.0], dtype=np.float32)).first_non_finite() is None
    True
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    with np.errstate(all="ignore"):
        if stable:
            # initial=-inf: an empty row has no max; its shift is 0 like any non-finite max
            shift = np.max(z, axis=axis, keepdims=True, initial=-np.inf)
            shift = np.where(np.isfinite(shift), shift, 0).astype(z.dtype)
        else:
            shift = np.zeros_like(np.sum(z, axis=axis, keepdims=True))
        shifted = z - shift
        e = np.exp(shifted)
        total = np.sum(e, axis=axis, keepdims=True, dtype=z.dtype)
        a = e / total
    return SoftmaxSteps(z, shift, shifted, e, total, a, stable, axis)
