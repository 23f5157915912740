"""Where the naive softmax breaks, step by step; thresholds, sweeps, shifts, log_softmax."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ce_core import softmax_steps
from pages.stability.model import (
    DTYPES,
    SOFTMAX_STEPS,
    diagnose_softmax,
    dtype_limits,
    overflow_sweep,
    store_as,
    sweep_grid,
    underflow_sweep,
)

NAMES = list(DTYPES)


# ---- thresholds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "overflow", "underflow"),
    [("float16", 11.09, -17.33), ("float32", 88.72, -103.97), ("float64", 709.78, -745.13)],
)
def test_thresholds_to_two_decimals(name, overflow, underflow):
    limits = dtype_limits(name)
    assert round(limits.overflow, 2) == overflow
    assert round(limits.underflow, 2) == underflow
    assert limits.max == float(np.finfo(name).max)


def _bisect(predicate, lo: float, hi: float) -> float:
    """Return the boundary in [lo, hi] where predicate turns from False to True (float64 x)."""
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if predicate(mid) else (mid, hi)
    return hi


@pytest.mark.parametrize("name", NAMES)
def test_thresholds_are_where_numpy_exp_really_overflows_and_underflows(name):
    dtype = DTYPES[name]
    spacing = {"float16": 2**-6, "float32": 1e-4, "float64": 1e-9}[name]  # of x near the edge
    with np.errstate(over="ignore", under="ignore"):
        overflow = _bisect(lambda x: not np.isfinite(np.exp(dtype(x))), 0.0, 1000.0)
        underflow = -_bisect(lambda x: np.exp(dtype(-x)) == 0, 0.0, 1000.0)
    limits = dtype_limits(name)
    assert limits.overflow == pytest.approx(overflow, abs=spacing)
    assert limits.underflow == pytest.approx(underflow, abs=spacing)


def test_unknown_float_type_is_a_value_error():
    with pytest.raises(ValueError, match="float16, float32 or float64"):
        dtype_limits("int8")
    with pytest.raises(ValueError, match="float16, float32 or float64"):
        dtype_limits("float128x")


def test_store_as_turns_too_large_values_into_inf_silently():
    assert store_as([70000.0, -70000.0, 1.5], "float16").tolist() == [np.inf, -np.inf, 1.5]
    assert store_as([1e39], "float32").tolist() == [np.inf]
    assert store_as([1e39], "float64").tolist() == [1e39]


# ---- diagnosis, step by step ------------------------------------------------------------------

# logits, dtype -> (first step, classes, first value, NaN step, NaN cause) of the naive formula
NAIVE = [
    ([2, 1, 0.1], "float16", (None, [], None, None, None)),
    ([12, 11, 0], "float16", ("exp", [0], math.inf, "a", "inf/inf")),
    ([12, 11, 0], "float32", (None, [], None, None, None)),
    ([90, 89, 10], "float32", ("exp", [0, 1], math.inf, "a", "inf/inf")),
    ([90, 89, 10], "float64", (None, [], None, None, None)),
    ([1000, 999, 0], "float64", ("exp", [0, 1], math.inf, "a", "inf/inf")),
    ([-1000, -1001, -1002], "float64", ("a", [0, 1, 2], math.nan, "a", "0/0")),
    ([2, 1, -math.inf], "float32", (None, [], None, None, None)),
    ([11, 11, 11], "float16", ("total", [], math.inf, None, None)),
    ([70000, 0], "float16", ("z", [0], math.inf, "a", "inf/inf")),
]


def _same(a, b):
    return (a is None and b is None) or a == b or (a != a and b != b)


@pytest.mark.parametrize(("z", "name", "expected"), NAIVE)
def test_naive_formula_breaks_where_expected(z, name, expected):
    d = diagnose_softmax(z, name, stable=False)
    got = (d.first_step, d.first_classes, d.first_value, d.nan_step, d.nan_cause)
    assert all(_same(g, e) for g, e in zip(got, expected, strict=True)), got


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "z", [[2, 1, 0.1], [12, 11, 0], [90, 89, 10], [1000, 999, 0], [-1000, -1001, -1002]]
)
def test_stable_formula_never_breaks_on_the_presets(z, name):
    d = diagnose_softmax(z, name, stable=True)
    assert d.first_step is None and d.nan_step is None
    assert not any(d.born[step].any() or d.carried[step].any() for step in SOFTMAX_STEPS)
    assert d.a_total == pytest.approx(1, abs=2e-3)
    assert d.steps.a.dtype == DTYPES[name]


@pytest.mark.parametrize("stable", [False, True])
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    "z",
    [
        [90, 89, 10],
        [1000, 999, 0],
        [-1000, -1001, -1002],
        [3, 2, 1],
        [2, 1, -np.inf],  # a masked class
        [-np.inf, -np.inf],  # every class masked: 0 / 0
        [1000, -np.inf, 0],
    ],
)
def test_first_step_agrees_with_softmax_steps(z, name, stable):
    expected = softmax_steps(np.array(z, dtype=name), stable=stable).first_non_finite()
    assert diagnose_softmax(z, name, stable=stable).first_step == expected


def test_masked_class_is_not_broken_and_gets_probability_zero():
    for stable in (False, True):
        d = diagnose_softmax([2.0, 1.0, -np.inf], "float64", stable=stable)
        assert d.first_step is None
        assert d.masked.tolist() == [False, False, True]
        assert d.steps.a[2] == 0
        assert not d.carried["shifted"].any() and not d.underflow["exp"].any()


def test_overflow_marks_born_and_carried_cells():
    d = diagnose_softmax([90.0, 89.0, 10.0], "float32", stable=False)
    assert d.born["exp"].tolist() == [True, True, False]
    assert d.carried["total"].tolist() == [True]
    assert d.carried["a"].tolist() == [True, True, False]
    assert not d.born["a"].any()
    assert d.steps.a[2] == 0  # finite / inf: a finite answer, but a wrong one


def test_underflow_marks_zero_exponentials_and_a_zero_sum():
    d = diagnose_softmax([-1000.0, -1001.0, -1002.0], "float32", stable=False)
    assert d.underflow["exp"].all() and d.underflow["total"].tolist() == [True]
    assert d.born["a"].all()
    stable = diagnose_softmax([1000.0, 0.0, -1000.0], "float64", stable=True)
    assert stable.underflow["exp"].tolist() == [False, True, True]
    assert stable.first_step is None


def test_sum_overflow_leaves_probabilities_that_do_not_add_up_to_one():
    d = diagnose_softmax([11.0, 11.0, 11.0], "float16", stable=False)
    assert d.first_step == "total" and d.first_classes == []
    assert d.a_total == 0.0


def test_shift_overflow_in_float16_is_born_but_harmless():
    d = diagnose_softmax([60000.0, -60000.0], "float16", stable=True)
    assert d.first_step == "shifted" and d.first_value == -math.inf
    assert d.steps.a.tolist() == [1.0, 0.0]


# ---- sweeps -----------------------------------------------------------------------------------


def _spacing(name: str, t: float) -> float:
    """Return the gap between two values of ``name`` near ``t``: how exactly x can sit there."""
    return float(np.spacing(abs(DTYPES[name](t))))


def _first_break(x, values):
    broken = np.flatnonzero(~np.isfinite(values))
    return x[broken[0]] if broken.size else None


@pytest.mark.parametrize("name", NAMES)
def test_overflow_sweep_breaks_at_ln_max_and_stable_never(name):
    x = sweep_grid()
    naive, stable = overflow_sweep(x, name)
    limits = dtype_limits(name)
    tolerance = _spacing(name, limits.overflow)
    assert _first_break(x, naive) == pytest.approx(limits.overflow, abs=tolerance)
    assert np.all(np.isfinite(stable)) and stable[-1] == 1
    assert np.all(~np.isfinite(naive[x > limits.overflow + tolerance]))


@pytest.mark.parametrize("name", NAMES)
def test_underflow_sweep_is_nan_below_the_threshold_and_stable_is_uniform(name):
    x = sweep_grid()
    naive, stable = underflow_sweep(x, name)
    limits = dtype_limits(name)
    tolerance = _spacing(name, limits.underflow)
    assert -_first_break(x, naive) == pytest.approx(limits.underflow, abs=tolerance)
    assert stable == pytest.approx(np.full(x.size, 1 / 3), rel=1e-3)


def test_sweep_grid_holds_every_threshold():
    x = sweep_grid()
    for name in NAMES:
        limits = dtype_limits(name)
        assert limits.overflow in x and -limits.underflow in x
    assert x[0] == 1 and x[-1] == 1000 and np.all(np.diff(x) > 0)
