r"""The two ideas that make softmax safe, shown on numbers: shifting, and log-softmax.

* Shift invariance: :math:`e^{z_i - c} / \sum_k e^{z_k - c} = e^{z_i} / \sum_k e^{z_k}` for any
  constant :math:`c` (the factor :math:`e^{-c}` cancels), which is why subtracting
  :math:`m = \max_k z_k` is allowed.
* log-softmax: :math:`\ln a_j = z_j - m - \ln \sum_k e^{z_k - m}` stays finite where
  :math:`\ln(\mathrm{softmax}(z)_j)` is :math:`\ln 0 = -\infty` because :math:`a_j` underflowed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import InputError, log_softmax, naive_softmax, softmax, softmax_steps
from pages.stability.model import store_as


@dataclass(frozen=True)
class ShiftCheck:
    """Softmax of ``z`` and of ``z - c``: equal in exact arithmetic, equal to rounding in floats."""

    z: np.ndarray  #: the logits, in the dtype
    shifted: np.ndarray  #: z - c, in the dtype
    a: np.ndarray  #: softmax(z)
    a_shifted: np.ndarray  #: softmax(z - c)
    naive_shifted: np.ndarray  #: the textbook formula on z - c, which may break
    max_difference: float  #: max_i |a_i - a_shifted_i|

    @property
    def naive_breaks(self) -> bool:
        """Return whether the textbook formula on ``z - c`` gives an inf or NaN."""
        return not bool(np.all(np.isfinite(self.naive_shifted)))

    @property
    def overflows(self) -> bool:
        """Return whether ``z`` or ``z - c`` left the dtype's range (became inf from a number)."""
        left = np.isposinf(self.z) | (np.isinf(self.shifted) & ~np.isneginf(self.z))
        return bool(np.any(left))


def shift_check(z: ArrayLike, c: float, dtype: str | type | np.dtype) -> ShiftCheck:
    r"""Return softmax of ``z`` and of ``z - c`` in ``dtype`` and their largest difference.

    :math:`e^{z_i - c} / \sum_k e^{z_k - c} = e^{z_i} / \sum_k e^{z_k}`: the :math:`e^{-c}` cancels.

    Examples
    --------
    >>> check = shift_check([2.0, 3.0, 4.0], -1000.0, "float64")
    >>> check.shifted.tolist(), check.max_difference
    ([1002.0, 1003.0, 1004.0], 0.0)
    >>> check.naive_shifted.tolist()
    [nan, nan, nan]
    """
    z = store_as(z, dtype).ravel()
    with np.errstate(over="ignore", invalid="ignore"):
        shifted = (z - z.dtype.type(c)).astype(z.dtype)
    a, a_shifted = softmax(z), softmax(shifted)
    with np.errstate(invalid="ignore"):
        difference = np.abs(a.astype(np.float64) - a_shifted.astype(np.float64))
    return ShiftCheck(z, shifted, a, a_shifted, naive_softmax(shifted), float(np.max(difference)))


@dataclass(frozen=True)
class LogComparison:
    """ln(softmax(z))_j beside log_softmax(z)_j, and the loss each gives."""

    z: np.ndarray  #: the logits, in the dtype
    target: int  #: j, counting from 0
    m: float  #: max_k z_k
    total: float  #: sum_k e^(z_k - m), in [1, K]
    log_sum: float  #: ln sum_k e^(z_k - m), as log1p of the sum without the max (exact near 1)
    a_j: float  #: softmax(z)_j, which may underflow to 0
    log_of_softmax: float  #: ln(a_j): -inf once a_j is 0
    log_softmax: float  #: z_j - m - ln sum_k e^(z_k - m): finite for a finite z_j
    loss_naive: float  #: -ln(a_j)
    loss_stable: float  #: -log_softmax_j

    @property
    def naive_breaks(self) -> bool:
        """Return whether ln(softmax(z)_j) is not finite (a_j underflowed to 0)."""
        return not math.isfinite(self.log_of_softmax)


def log_comparison(z: ArrayLike, target: int, dtype: str | type | np.dtype) -> LogComparison:
    r"""Return :math:`\ln(\mathrm{softmax}(z)_j)` beside :math:`\mathrm{log\_softmax}(z)_j`.

    Both are computed in ``dtype``, and so is the loss each gives, :math:`-\ln a_j`.

    .. math:: \mathrm{log\_softmax}(z)_j = z_j - m - \ln \sum_k e^{z_k - m}, \quad m = \max_k z_k

    ``target`` counts from 0; InputError ``class_out_of_range`` when it is not a class.

    Examples
    --------
    >>> c = log_comparison([0.0, -800.0], 1, "float64")
    >>> c.a_j, c.log_of_softmax, c.log_softmax, c.loss_naive, c.loss_stable
    (0.0, -inf, -800.0, inf, 800.0)
    """
    z = store_as(z, dtype).ravel()
    whole = isinstance(target, int | np.integer) and not isinstance(target, bool)
    if not (whole and 0 <= target < z.size):
        raise InputError("class_out_of_range", k=z.size, value=target + 1)
    steps = softmax_steps(z, stable=True)
    rest = np.delete(steps.exp, int(np.argmax(z))).astype(np.float64)
    a_j = float(softmax(z)[target])
    with np.errstate(all="ignore"):
        log_sum = float(np.log1p(np.sum(rest)))
        log_of_softmax = float(np.log(z.dtype.type(a_j)))
    log_softmax_j = float(log_softmax(z)[target])
    return LogComparison(
        z=z,
        target=int(target),
        m=float(steps.shift[0]),
        total=float(steps.total[0]),
        log_sum=log_sum,
        a_j=a_j,
        log_of_softmax=log_of_softmax,
        log_softmax=log_softmax_j,
        loss_naive=0.0 - log_of_softmax,  # 0 - x, not -x: a loss of 0 is +0, not -0
        loss_stable=0.0 - log_softmax_j,
    )
