r"""The naive binary cross-entropy against the stable one, in float32 and float64.

Written as in the textbook, :math:`-(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x)))` breaks
where :math:`e^{-x}` overflows (:math:`x < -\ln(\text{largest float})`) or :math:`1 - \sigma(x)`
rounds to 0; :func:`~ce_core.binary_cross_entropy_with_logits` does not. This module names each
failure and gives the logits where the Binary lesson shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import binary_cross_entropy_with_logits, naive_binary_cross_entropy
from ce_core.arrays import as_float_array
from pages.binary.model import check_label


def naive_status(naive: ArrayLike, stable: ArrayLike) -> np.ndarray:
    """Return, per element, how the naive loss fails: ``"ok"``, ``"zero"``, ``"inf"`` or ``"nan"``.

    ``"zero"`` is a naive 0 where the stable loss is positive: the answer vanished to rounding.

    Examples
    --------
    >>> naive_status([np.inf, 0.0, np.nan, 1.0], [800.0, 4e-18, 1e-18, 1.0]).tolist()
    ['inf', 'zero', 'nan', 'ok']
    """
    naive = np.asarray(naive, dtype=np.float64)
    stable = np.asarray(stable, dtype=np.float64)
    status = np.full(naive.shape, "ok", dtype=object)
    status[(naive == 0) & (stable > 0)] = "zero"
    status[np.isinf(naive)] = "inf"
    status[np.isnan(naive)] = "nan"
    return status


@dataclass(frozen=True)
class NaiveVersusStable:
    """The naive and the stable binary cross-entropy at the same logits, in one dtype."""

    x: np.ndarray  #: the logits, in ``dtype``
    y: float  #: the label
    naive: np.ndarray  #: -(y ln σ + (1 - y) ln(1 - σ)), computed as written
    stable: np.ndarray  #: max(x, 0) - x y + ln(1 + e^-|x|)
    status: np.ndarray  #: naive_status(naive, stable)

    @property
    def dtype(self) -> np.dtype:
        """Return the dtype both losses were computed in."""
        return self.x.dtype


def naive_versus_stable(x: ArrayLike, y: float, dtype: type = np.float64) -> NaiveVersusStable:
    r"""Return both binary cross-entropies of logits ``x`` and label ``y``, computed in ``dtype``.

    Examples
    --------
    >>> r = naive_versus_stable([-800.0, 40.0], 1.0)
    >>> r.naive, r.stable, r.status.tolist()
    (array([inf, nan]), array([8.00000000e+02, 4.24835426e-18]), ['inf', 'nan'])
    """
    with np.errstate(over="ignore"):  # a float64 beyond float32's range becomes ±inf, as it would
        x = np.asarray(as_float_array(x, "x"), dtype=dtype)
    y = check_label(y)
    target = np.full_like(x, y)
    naive = naive_binary_cross_entropy(x, target)
    stable = binary_cross_entropy_with_logits(x, target, reduction="none")
    naive, stable = np.atleast_1d(naive), np.atleast_1d(stable)
    return NaiveVersusStable(np.atleast_1d(x), y, naive, stable, naive_status(naive, stable))


def exp_overflow_limit(dtype: type = np.float64) -> float:
    r"""Return :math:`\ln(\text{largest float})`: below :math:`-` this, :math:`e^{-x}` overflows.

    Examples
    --------
    >>> round(exp_overflow_limit(np.float32), 2), round(exp_overflow_limit(np.float64), 2)
    (88.72, 709.78)
    """
    return float(np.log(np.float64(np.finfo(dtype).max)))


def spacing_at_one(dtype: type = np.float64) -> float:
    """Return the gap between 1 and the next number of ``dtype`` (machine epsilon).

    Examples
    --------
    >>> spacing_at_one()
    2.220446049250313e-16
    """
    return float(np.finfo(dtype).eps)


def stability_grid(dtype: type = np.float64, points: int = 1200) -> np.ndarray:
    r"""Return logits spanning where the naive loss breaks in ``dtype``: :math:`\pm 1.2 \ln(\max)`.

    :math:`e^{-x}` overflows below :math:`-\ln(\text{max})` (-88.7 in float32, -709.8 in float64),
    so the grid reaches a little beyond, rounded up to a multiple of 10. Its step is a round
    number (1, 2 or 5 times a power of 10) giving at most about ``points`` points, so logits such as
    -800, -40 and 0 lie on it; it is symmetric about 0.

    Examples
    --------
    >>> g = stability_grid(np.float32, 10)
    >>> g.tolist(), g.dtype
    ([-150.0, -100.0, -50.0, 0.0, 50.0, 100.0, 150.0], dtype('float32'))
    >>> g = stability_grid(np.float64)
    >>> g.size, float(g[1] - g[0]), float(g[-1]), 800.0 in g
    (861, 2.0, 860.0, True)
    """
    limit = 10 * np.ceil(1.2 * exp_overflow_limit(dtype) / 10)
    wanted = 2 * limit / max(int(points), 2)
    power = 10.0 ** np.floor(np.log10(wanted))
    step = min(m * power for m in (1, 2, 5, 10) if m * power >= wanted * (1 - 1e-9))
    count = int(np.ceil(limit / step - 1e-9))
    return (np.arange(-count, count + 1) * step).astype(dtype)
