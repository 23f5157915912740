r"""Where the textbook softmax breaks, in which step, and why the shifted one does not.

The naive formula :math:`a_i = e^{z_i} / \sum_k e^{z_k}` works in exact arithmetic, but a
float has a largest value and a smallest positive one:

* :math:`e^{z}` overflows to ``inf`` once :math:`z > \ln(\text{finfo.max})` (11.09 in float16,
  88.72 in float32, 709.78 in float64), and then ``inf / inf = NaN``;
* :math:`e^{z}` underflows to 0 once :math:`z < \ln(\text{smallest subnormal} / 2)` (-17.33,
  -103.97, -745.13), and when every logit is that small the sum is 0 and ``0 / 0 = NaN``.

Subtracting :math:`m = \max_k z_k` first changes nothing in exact arithmetic (softmax is
invariant to adding a constant to every logit) and avoids both: every exponent is :math:`\le 0`
and the largest exponential is exactly 1, so the sum lies in :math:`[1, K]`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import SoftmaxSteps, naive_softmax, softmax, softmax_steps
from ce_core.arrays import as_float_array

#: The float types the lab compares, by name.
DTYPES = {"float16": np.float16, "float32": np.float32, "float64": np.float64}
#: The steps of a softmax, in the order they are computed (names of :class:`SoftmaxSteps`).
SOFTMAX_STEPS = ("z", "shifted", "exp", "total", "a")


def as_dtype(dtype: str | type | np.dtype) -> np.dtype:
    """Return ``dtype`` (a name such as ``"float32"``, or a NumPy float type) as a NumPy dtype."""
    try:
        result = np.dtype(DTYPES.get(dtype, dtype) if isinstance(dtype, str) else dtype)
    except TypeError as exc:
        raise ValueError(f"unknown float type {dtype!r}: use float16, float32 or float64") from exc
    if result not in DTYPES.values():
        raise ValueError(f"unknown float type {dtype!r}: use float16, float32 or float64")
    return result


def store_as(z: ArrayLike, dtype: str | type | np.dtype) -> np.ndarray:
    """Return ``z`` stored in ``dtype``: too large a value becomes ``±inf``, as NumPy stores it.

    Examples
    --------
    >>> store_as([70000.0, 1.0], "float16")
    array([inf,  1.], dtype=float16)
    """
    with np.errstate(over="ignore"):
        return as_float_array(z, "logits").astype(as_dtype(dtype))


@dataclass(frozen=True)
class DtypeLimits:
    """The numbers that decide where a dtype's naive softmax breaks."""

    name: str  #: "float16", "float32" or "float64"
    max: float  #: the largest finite number
    smallest_subnormal: float  #: the smallest positive number
    overflow: float  #: ln(max): e^z is inf for z above this
    underflow: float  #: ln(smallest_subnormal / 2): e^z rounds to 0 for z below this


def dtype_limits(dtype: str | type | np.dtype) -> DtypeLimits:
    r"""Return the overflow and underflow thresholds of ``dtype``'s exponential.

    :math:`e^z` overflows above :math:`\ln(\text{max})`, and rounds to 0 below
    :math:`\ln(\text{smallest subnormal}) - \ln 2` (half the smallest positive number rounds to
    0, ties to even). Computed from ``np.finfo``, in float64.

    Examples
    --------
    >>> [round(dtype_limits(d).overflow, 2) for d in ("float16", "float32", "float64")]
    [11.09, 88.72, 709.78]
    >>> [round(dtype_limits(d).underflow, 2) for d in ("float16", "float32", "float64")]
    [-17.33, -103.97, -745.13]
    """
    dtype = as_dtype(dtype)
    info = np.finfo(dtype)
    tiny = float(info.smallest_subnormal)
    return DtypeLimits(
        name=dtype.name,
        max=float(info.max),
        smallest_subnormal=tiny,
        overflow=float(np.log(np.float64(info.max))),
        underflow=float(np.log(tiny) - np.log(2.0)),
    )


@dataclass(frozen=True)
class Diagnosis:
    """One softmax, step by step, with every cell where inf or NaN appears or 0 underflows.

    The masks have one entry per class for the steps ``z``, ``shifted``, ``exp`` and ``a``, and
    one entry for ``total``. A ``-inf`` logit masks its class on purpose (``e^{-inf} = 0``): the
    ``-inf`` it carries through ``z - m`` is not counted as broken.
    """

    steps: SoftmaxSteps  #: every intermediate, in the dtype
    born: dict[str, np.ndarray]  #: where a non-finite value appears from finite inputs
    carried: dict[str, np.ndarray]  #: where an inf or NaN is passed on from an earlier step
    underflow: dict[str, np.ndarray]  #: where e^(finite) rounded to exactly 0, and a sum of zeros
    first_step: str | None  #: the first step where a non-finite value is born, or None
    nan_step: str | None  #: the first step holding a NaN, or None
    nan_cause: str | None  #: "inf/inf" or "0/0": what divided into that NaN, or None
    a_total: float  #: sum of the a's (in float64): 1 when nothing broke
    masked: np.ndarray  #: classes typed as -inf on purpose (probability exactly 0)

    @property
    def first_classes(self) -> list[int]:
        """Return the classes (from 0) where the first non-finite value is born."""
        if self.first_step in (None, "total"):
            return []
        return [int(k) for k in np.flatnonzero(self.born[self.first_step])]

    @property
    def first_value(self) -> float | None:
        """Return the first non-finite value born: ``inf``, ``-inf`` or ``nan``."""
        if self.first_step is None:
            return None
        values = getattr(self.steps, self.first_step).ravel()
        return float(values[np.flatnonzero(self.born[self.first_step].ravel())[0]])


def _born_and_carried(
    typed: np.ndarray, stored: np.ndarray, steps: SoftmaxSteps, masked: np.ndarray
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Return, per step, where it is finite, where inf or NaN is born and where it is carried."""
    finite = {
        "z": np.isfinite(stored),
        "shifted": np.isfinite(steps.shifted),
        "exp": np.isfinite(steps.exp),
        "total": np.isfinite(steps.total),
        "a": np.isfinite(steps.a),
    }
    # A cell is born broken when it is not finite although everything it was computed from was
    # finite (a masked -inf counts as finite: it is meant to become e^{-inf} = 0).
    inputs_ok = {
        "z": np.isfinite(typed),
        "shifted": finite["z"],
        "exp": finite["shifted"],
        "total": np.full(1, finite["exp"].all()),
        "a": finite["exp"] & finite["total"],
    }
    mask_carry = {"z": masked, "shifted": masked & np.isneginf(steps.shifted)}
    born: dict[str, np.ndarray] = {}
    carried: dict[str, np.ndarray] = {}
    for name in SOFTMAX_STEPS:
        bad = ~finite[name].ravel()
        if name in mask_carry:
            bad &= ~mask_carry[name]
        born[name] = bad & inputs_ok[name].ravel()
        carried[name] = bad & ~born[name]
    return finite, born, carried


def diagnose_softmax(z: ArrayLike, dtype: str | type | np.dtype, stable: bool) -> Diagnosis:
    r"""Return the steps of softmax of 1-D ``z`` in ``dtype`` and where each one breaks.

    ``stable=False`` is the textbook :math:`e^{z_i} / \sum_k e^{z_k}`, ``stable=True`` subtracts
    :math:`m = \max_k z_k` first (as :func:`softmax_steps`). ``z`` is first stored in ``dtype``;
    a value too large for it becomes ``inf`` at the step ``"z"``.

    Examples
    --------
    >>> d = diagnose_softmax([90.0, 89.0, 10.0], "float32", stable=False)
    >>> d.first_step, d.first_classes, d.nan_step, d.nan_cause
    ('exp', [0, 1], 'a', 'inf/inf')
    >>> diagnose_softmax([90.0, 89.0, 10.0], "float32", stable=True).first_step is None
    True
    >>> d = diagnose_softmax([-1000.0, -1001.0], "float64", stable=False)
    >>> d.first_step, d.nan_cause, d.underflow["exp"].tolist()
    ('a', '0/0', [True, True])
    """
    typed = as_float_array(z, "logits").ravel()
    stored = store_as(typed, dtype)
    steps = softmax_steps(stored, stable=stable)
    masked = np.isneginf(typed) & np.isneginf(stored)
    finite, born, carried = _born_and_carried(typed, stored, steps, masked)
    first_step = next((name for name in SOFTMAX_STEPS if born[name].any()), None)
    nan_step = next(
        (name for name in SOFTMAX_STEPS if np.isnan(getattr(steps, name)).any()),
        None,
    )
    nan_cause = None
    if nan_step == "a":
        nan_cause = "0/0" if float(steps.total[0]) == 0 else "inf/inf"
    with np.errstate(invalid="ignore"):
        exp_underflow = (steps.exp == 0) & finite["shifted"]
    underflow = {
        "exp": exp_underflow,
        "total": np.full(1, bool(exp_underflow.any()) and float(steps.total[0]) == 0),
    }
    a_total = float(np.sum(steps.a, dtype=np.float64))
    return Diagnosis(
        steps, born, carried, underflow, first_step, nan_step, nan_cause, a_total, masked
    )


def _first_logit(rows: np.ndarray, stable: bool) -> np.ndarray:
    a = softmax(rows, axis=1) if stable else naive_softmax(rows, axis=1)
    return a[:, 0]


def overflow_sweep(x: ArrayLike, dtype: str | type | np.dtype) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``(naive, stable)``: :math:`a_1` of the logits :math:`(x, 0)` for each ``x``.

    The naive :math:`a_1 = e^x / (e^x + 1)` is NaN once :math:`e^x` overflows; the stable one
    tends to 1. Both are computed in ``dtype``.

    Examples
    --------
    >>> naive, stable = overflow_sweep([2.0, 12.0], "float16")
    >>> naive.tolist(), stable.tolist()
    ([0.880859375, nan], [0.880859375, 1.0])
    """
    x = store_as(x, dtype).ravel()
    rows = np.stack([x, np.zeros_like(x)], axis=1)
    return _first_logit(rows, stable=False), _first_logit(rows, stable=True)


def underflow_sweep(
    x: ArrayLike, dtype: str | type | np.dtype, num_classes: int = 3
) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``(naive, stable)``: :math:`a_1` when all ``num_classes`` logits equal :math:`-x`.

    The naive one is :math:`0 / 0 = \mathrm{NaN}` once :math:`e^{-x}` underflows to 0; the
    stable one is :math:`1/K` for every ``x``.

    Examples
    --------
    >>> naive, stable = underflow_sweep([100.0, 800.0], "float64", num_classes=2)
    >>> naive.tolist(), stable.tolist()
    ([0.5, nan], [0.5, 0.5])
    """
    x = store_as(x, dtype).ravel()
    rows = np.repeat(-x[:, None], num_classes, axis=1)
    return _first_logit(rows, stable=False), _first_logit(rows, stable=True)


def sweep_grid(start: float = 1.0, stop: float = 1000.0, num: int = 150) -> np.ndarray:
    """Return ``num`` log-spaced values from ``start`` to ``stop``, plus every dtype's thresholds.

    Each dtype's thresholds ``t`` (overflow, and minus underflow) are added as the two values of
    that dtype on either side of ``t``, so that a sweep in that dtype changes state exactly where
    the dtype breaks (and the values do not move when the sweep stores them in the dtype).

    Examples
    --------
    >>> x = sweep_grid(1, 1000, 10)
    >>> bool(np.all(np.diff(x) > 0)), float(x[0]), float(x[-1])
    (True, 1.0, 1000.0)
    """
    marks = []
    for name, dtype in DTYPES.items():
        limits = dtype_limits(name)
        for t in (limits.overflow, -limits.underflow):
            near = dtype(t)
            marks += [float(np.nextafter(near, dtype(0))), float(near)]
            marks += [float(np.nextafter(near, dtype(np.inf))), t]
    x = np.concatenate([np.geomspace(start, stop, num), marks])
    return np.unique(x[(x >= start) & (x <= stop)])
