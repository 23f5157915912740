"""What the sigmoid page computes: one logit explained, two classes, naive against stable."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ce_core import InputError, binary_cross_entropy_with_logits
from pages.binary.model import (
    binary_loss_curve,
    check_label,
    check_one_number,
    compare_two_class,
    explain_binary,
    sigmoid_curves,
    tangent_line,
)
from pages.binary.naive_versus_stable import (
    exp_overflow_limit,
    naive_status,
    naive_versus_stable,
    spacing_at_one,
    stability_grid,
)

mpmath.mp.dps = 60


def exact_loss(x: float, y: float) -> float:
    """Return -(y ln σ(x) + (1 - y) ln(1 - σ(x))) to 60 digits, rounded to float64."""
    x = mpmath.mpf(x)
    log_s, log_one_minus_s = -mpmath.log1p(mpmath.exp(-x)), -mpmath.log1p(mpmath.exp(x))
    return float(-(y * log_s + (1 - y) * log_one_minus_s))


def test_unsure_logit_gives_one_half_and_ln_two():
    p = explain_binary(0.0, 1.0)
    assert (p.sigma, p.one_minus_sigma, p.sigma_grad) == (0.5, 0.5, 0.25)
    assert p.loss == math.log(2) and p.naive_loss == pytest.approx(math.log(2), rel=1e-15)
    assert p.grad == -0.5
    assert p.log_sigma == p.log_one_minus_sigma == -math.log(2)


@pytest.mark.parametrize("x", [-800.0, -40.0, -6.0, -0.3, 2.0, 6.0, 40.0, 800.0])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.7])
def test_explained_loss_matches_a_sixty_digit_oracle(x, y):
    p = explain_binary(x, y)
    expected = exact_loss(x, y)
    assert p.loss == pytest.approx(expected, rel=4e-16, abs=1e-300)
    assert p.grad == pytest.approx(float(1 / (1 + mpmath.exp(-x)) - y), rel=4e-16, abs=1e-300)
    assert p.log_sigma == pytest.approx(float(-mpmath.log(1 + mpmath.exp(-x))), rel=4e-16)


def test_overflow_logit_keeps_the_loss_where_the_naive_formula_breaks():
    p = explain_binary(-800.0, 1.0)
    assert p.sigma == 0.0 and p.one_minus_sigma == 1.0
    assert p.log_sigma == -800.0 and p.loss == 800.0 and p.grad == -1.0
    assert p.naive_loss == math.inf
    q = explain_binary(40.0, 1.0)
    assert q.sigma == 1.0 and q.one_minus_sigma == pytest.approx(math.exp(-40), rel=1e-15)
    assert math.isnan(q.naive_loss) and q.loss == pytest.approx(math.exp(-40), rel=1e-15)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_label_outside_zero_one_is_refused(bad):
    with pytest.raises(InputError) as info:
        explain_binary(0.0, bad)
    assert info.value.code == "label_range"
    with pytest.raises(InputError):
        check_label(bad)


def test_exactly_one_number_is_accepted():
    assert check_one_number(np.array([3.5])) == 3.5
    for values in ([], [1.0, 2.0]):
        with pytest.raises(InputError) as info:
            check_one_number(values)
        assert info.value.code == "one_number"
        assert info.value.params == {"count": len(values)}


def test_sigmoid_curves_rise_and_their_slope_peaks_at_one_quarter():
    x, s, ds = sigmoid_curves()
    assert x[0] == -10 and x[-1] == 10 and x.size == 401
    assert np.all(np.diff(s) > 0)
    assert ds.max() == 0.25 and x[np.argmax(ds)] == 0
    np.testing.assert_allclose(ds, s * s[::-1], rtol=1e-14)  # σ(x) σ(-x)


def test_loss_curve_and_tangent():
    x = np.array([-800.0, 0.0, 3.0])
    np.testing.assert_array_equal(
        binary_loss_curve(x, 0.3),
        binary_cross_entropy_with_logits(x, np.full(3, 0.3), reduction="none"),
    )
    xs, ys = tangent_line(2.0, 1.0, -0.5, half_width=1.0)
    assert xs == [1.0, 3.0] and ys == [1.5, 0.5]


@given(
    st.floats(-60, 60, allow_nan=False),
    st.floats(-60, 60, allow_nan=False),
    st.sampled_from([0, 1]),
)
def test_two_class_softmax_is_the_sigmoid_of_the_difference(z0, z1, target):
    c = compare_two_class(z0, z1, target)
    assert c.d == z1 - z0
    eps = spacing_at_one()
    # The sigmoid side only adds the rounding of d = z1 - z0: at most |d| eps / 2 in d, which
    # moves the loss by as much and every probability and gradient by a quarter of that.
    rounding = 2 * eps * (1 + abs(c.d))
    np.testing.assert_allclose(c.softmax, c.sigmoid, rtol=0, atol=rounding)
    assert c.ce_loss == pytest.approx(c.bce_loss, rel=rounding, abs=1e-300)
    np.testing.assert_allclose(c.ce_grad, c.bce_grad, rtol=0, atol=rounding)
    assert c.bce_grad[0] == -c.bce_grad[1]
    assert c.largest_difference <= rounding * max(1.0, c.ce_loss)


@given(st.integers(-2000, 2000), st.integers(-2000, 2000), st.sampled_from([0, 1]))
def test_two_class_sides_agree_to_a_few_ulp_when_the_difference_is_exact(n0, n1, target):
    c = compare_two_class(n0 / 64, n1 / 64, target)  # multiples of 1/64: z1 - z0 is exact
    eps = spacing_at_one()
    assert c.largest_difference <= 2 * eps * max(1.0, c.ce_loss)
    np.testing.assert_allclose(c.softmax, c.sigmoid, rtol=4 * eps, atol=1e-300)


def test_two_class_check_by_hand():
    c = compare_two_class(0.5, 2.5, 1)
    s = 1 / (1 + math.exp(-2))
    assert c.softmax[1] == pytest.approx(s, rel=1e-16)
    assert c.sigmoid.tolist() == pytest.approx([1 - s, s], rel=1e-15)
    assert c.bce_loss == pytest.approx(math.log1p(math.exp(-2)), rel=1e-16)
    assert c.bce_grad.tolist() == pytest.approx([1 - s, s - 1], rel=1e-15)
    np.testing.assert_array_equal(c.probability_difference, c.softmax - c.sigmoid)
    with pytest.raises(InputError):
        compare_two_class(0.0, 1.0, 2)


def test_naive_status_names_each_failure():
    status = naive_status([np.inf, 0.0, np.nan, 1.0, 0.0, -np.inf], [8, 4e-18, 1, 1, 0, 1])
    assert status.tolist() == ["inf", "zero", "nan", "ok", "ok", "inf"]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_naive_breaks_at_large_logits_where_the_stable_loss_holds(dtype):
    x = [-800.0, -40.0, 40.0, 800.0]
    one = naive_versus_stable(x, 1.0, dtype)
    assert one.dtype == dtype and one.naive.dtype == dtype and one.stable.dtype == dtype
    assert one.status.tolist() == ["inf", "ok", "nan", "nan"]
    assert one.stable.tolist() == pytest.approx([800, 40, math.exp(-40), 0], rel=1e-6)
    zero = naive_versus_stable(x, 0.0, dtype)
    assert zero.status.tolist() == ["nan", "zero", "inf", "inf"]
    assert zero.stable.tolist() == pytest.approx([0, math.exp(-40), 40, 800], rel=1e-6)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stability_grid_reaches_past_the_overflow_of_e_to_the_minus_x(dtype):
    grid = stability_grid(dtype)
    assert grid.dtype == dtype and 0 in grid and grid[0] == -grid[-1]
    limit = exp_overflow_limit(dtype)
    assert limit < grid[-1] < 1.3 * limit + 10
    sweep = naive_versus_stable(grid, 1.0, dtype)
    assert sweep.status[0] == "inf" and sweep.status[grid.size // 2] == "ok"
    assert np.all(np.isfinite(sweep.stable))


def test_float_facts():
    assert exp_overflow_limit(np.float64) == pytest.approx(709.782712893384)
    assert exp_overflow_limit(np.float32) == pytest.approx(88.72283935546875)
    assert spacing_at_one(np.float32) == 2.0**-23


def test_two_class_difference_of_equal_infinities_is_zero():
    c = compare_two_class(1e308, -1e308, 1)  # z1 - z0 overflows to -inf: both losses are inf
    assert c.ce_loss == c.bce_loss == math.inf
    assert c.loss_difference == 0.0 and c.largest_difference == 0.0


def test_float64_logits_beyond_float32_become_infinite_quietly():
    r = naive_versus_stable([1e308, -1e308], 1.0, np.float32)
    assert np.isinf(r.x).all() and r.stable.tolist() == [0.0, math.inf]
