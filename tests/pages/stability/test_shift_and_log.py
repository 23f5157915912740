"""Shift invariance and log_softmax against ln(softmax), in each float type."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ce_core import InputError, log_softmax, softmax
from pages.stability.model import DTYPES
from pages.stability.shift_and_log import log_comparison, shift_check

NAMES = list(DTYPES)


# ---- shift invariance -------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("c", [-1000.0, -37.0, 0.0, 1.0, 500.0, 1000.0])
def test_integer_shift_of_the_lecture_example_changes_nothing(name, c):
    check = shift_check([2.0, 3.0, 4.0], c, name)
    assert check.shifted.tolist() == [2 - c, 3 - c, 4 - c]
    assert check.max_difference == 0
    assert check.a.tolist() == check.a_shifted.tolist()
    assert check.a.astype(float) == pytest.approx(softmax([2.0, 3.0, 4.0]), rel=1e-3)


def test_naive_formula_on_shifted_logits_breaks_though_softmax_does_not():
    check = shift_check([2.0, 3.0, 4.0], -1000.0, "float64")
    assert check.naive_breaks and np.isnan(check.naive_shifted).all()
    assert not shift_check([2.0, 3.0, 4.0], 0.0, "float64").naive_breaks
    under = shift_check([2.0, 3.0, 4.0], 1000.0, "float32")  # e^(-996) underflows: 0 / 0
    assert under.naive_breaks and under.max_difference == 0


def test_rounding_of_z_minus_c_is_the_only_difference():
    check = shift_check([0.1, 0.2, 0.3], 0.7, "float32")
    assert 0 <= check.max_difference < 1e-6


# ---- log(softmax) vs log_softmax --------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_log_of_underflowed_softmax_is_minus_inf_but_log_softmax_is_exact(name):
    c = log_comparison([0.0, -800.0], 1, name)
    assert c.a_j == 0 and c.log_of_softmax == -math.inf and c.loss_naive == math.inf
    assert c.log_softmax == -800.0 and c.loss_stable == 800.0
    assert c.naive_breaks
    assert c.m == 0 and c.total == 1 and c.log_sum == 0


def test_log_comparison_agrees_when_nothing_underflows():
    z = [2.0, 1.0, 0.1]
    c = log_comparison(z, 0, "float64")
    assert not c.naive_breaks
    assert c.log_of_softmax == pytest.approx(c.log_softmax, rel=1e-15)
    assert c.log_softmax == pytest.approx(2 - math.log(sum(math.exp(v) for v in z)), rel=1e-15)
    assert c.log_softmax == float(log_softmax(z)[0])
    assert math.copysign(1, log_comparison([0.0, -800.0], 0, "float64").loss_stable) == 1  # +0
    assert c.z[0] - c.m - c.log_sum == pytest.approx(c.log_softmax, rel=1e-15)


def test_log_comparison_refuses_a_class_that_does_not_exist():
    with pytest.raises(InputError) as info:
        log_comparison([0.0, 1.0], 2, "float64")
    assert info.value.code == "class_out_of_range" and info.value.params == {"k": 2, "value": 3}
    for target in (-1, 1.5, True):
        with pytest.raises(InputError):
            log_comparison([0.0, 1.0], target, "float64")


def test_shift_that_leaves_the_float_range_is_reported():
    check = shift_check([60000.0, 0.0], -10000.0, "float16")
    assert check.overflows and math.isnan(check.max_difference)
    assert not shift_check([2.0, 3.0, 4.0], -1000.0, "float16").overflows
    assert not shift_check([2.0, -np.inf], 5.0, "float64").overflows  # a masked class is fine
