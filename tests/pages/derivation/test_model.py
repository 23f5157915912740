"""The derivation's factors: each one is what the chain rule says, for any logits."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import InputError
from pages.derivation.model import chain_rule, check_gradient, step_sweep, two_class_sigmoid

LECTURE_A = [0.1, 0.1, 0.1, 0.2, 0.5]
LECTURE_Z = np.log(LECTURE_A)


def plain_softmax(z, temperature=1.0):
    """Softmax written out with math.exp, independent of ce_core."""
    top = max(z)
    e = [math.exp((v - top) / temperature) for v in z]
    return [v / sum(e) for v in e]


def test_lecture_note_factors_are_the_note_numbers():
    c = chain_rule(LECTURE_Z, 3)
    assert c.inverse == pytest.approx(-5.0, rel=1e-14)
    assert c.diagonal == pytest.approx(0.16, rel=1e-14)
    assert c.grad_target == pytest.approx(-0.8, rel=1e-14)
    assert c.other == 4  # the most probable class other than j
    assert c.off_diagonal == pytest.approx(-0.1, rel=1e-14)
    assert c.grad_other == pytest.approx(0.5, rel=1e-14)
    np.testing.assert_allclose(c.grad, [0.1, 0.1, 0.1, -0.8, 0.5], atol=1e-15)
    np.testing.assert_array_equal(c.dloss_da, [0, 0, 0, c.inverse, 0])
    assert c.loss == pytest.approx(-math.log(0.2), rel=1e-15)


def test_jacobian_is_diag_minus_outer_and_its_checks_hold():
    c = chain_rule(LECTURE_Z, 3)
    a = np.array(LECTURE_A)
    np.testing.assert_allclose(c.jacobian, np.diag(a) - np.outer(a, a), atol=1e-16)
    assert c.symmetry_error == 0.0
    assert c.row_sum_error < 1e-16
    np.testing.assert_allclose(c.chain, c.grad, atol=1e-15)
    assert c.chain_error < 1e-15


def test_temperature_adds_one_over_t_everywhere():
    z = [2.0, 1.0, 0.1, -1.0, 3.0]
    c = chain_rule(z, 0, temperature=2.0)
    a = np.array(plain_softmax(z, 2.0))
    y = np.array([1.0, 0, 0, 0, 0])
    np.testing.assert_allclose(c.a, a, rtol=1e-14)
    np.testing.assert_allclose(c.grad_u, a - y, atol=1e-15)
    np.testing.assert_allclose(c.grad, (a - y) / 2, atol=1e-15)
    np.testing.assert_allclose(c.jacobian, (np.diag(a) - np.outer(a, a)) / 2, atol=1e-16)
    np.testing.assert_allclose(c.chain, c.grad, atol=1e-15)
    # the per-class factors stay those of softmax(u), u = z / T
    assert c.grad_target == pytest.approx(a[0] - 1, rel=1e-14)


@settings(max_examples=60, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(2, 12), elements=st.floats(-30, 30)),
    st.data(),
)
def test_chain_rule_factors_multiply_to_a_minus_y(z, data):
    target = data.draw(st.integers(0, z.size - 1))
    c = chain_rule(z, target)
    assert c.invertible  # |z| <= 30: a_j >= e^-60 / 12, far from 0
    assert c.grad_target == pytest.approx(c.a[target] - 1, rel=1e-12, abs=1e-15)
    assert c.grad_other == pytest.approx(c.a[c.other], rel=1e-10, abs=1e-15)
    assert c.chain_error < 1e-12
    assert c.symmetry_error == 0.0
    assert c.row_sum_error < 1e-15
    assert c.other != target
    assert c.a[c.other] == max(c.a[k] for k in range(z.size) if k != target)


def test_true_class_that_underflows_cannot_be_inverted_but_a_minus_y_is_exact():
    c = chain_rule([1000.0, 0.0], 1)
    assert c.a[1] == 0.0
    assert c.loss == 1000.0  # from log-softmax, not -ln 0
    assert not c.invertible and c.inverse == -np.inf
    assert math.isnan(c.grad_target) and math.isnan(c.grad_other)
    assert np.all(np.isnan(c.chain)) and math.isnan(c.chain_error)
    np.testing.assert_array_equal(c.grad, [1.0, -1.0])


def test_masked_true_class_has_an_infinite_loss():
    c = chain_rule([2.0, 1.0, -np.inf, 0.5], 2)
    assert c.loss == np.inf and not c.invertible
    assert c.grad[2] == -1.0


@pytest.mark.parametrize(
    ("z", "code"),
    [([1.0], "too_few_classes"), ([1.0, np.nan], "nan_logit"), ([1.0, np.inf], "positive_inf")],
)
def test_unusable_logits_raise_input_error(z, code):
    with pytest.raises(InputError) as caught:
        chain_rule(z, 0)
    assert caught.value.code == code


def test_gradient_check_agrees_with_the_formula():
    check = check_gradient(LECTURE_Z, 3)
    np.testing.assert_array_equal(check.classes, np.arange(5))
    np.testing.assert_allclose(check.analytic, [0.1, 0.1, 0.1, -0.8, 0.5], atol=1e-15)
    np.testing.assert_allclose(check.numeric, check.analytic, atol=1e-9)
    np.testing.assert_array_equal(check.difference, np.abs(check.analytic - check.numeric))
    assert check.error < 1e-9
    assert check.step == pytest.approx(np.cbrt(np.finfo(np.float64).eps))


def test_gradient_check_with_temperature_and_a_subset_of_classes():
    z = np.linspace(-3, 3, 40)
    check = check_gradient(z, 5, temperature=0.5, classes=[0, 5, 39])
    np.testing.assert_array_equal(check.classes, [0, 5, 39])
    a = np.array(plain_softmax(list(z), 0.5))
    expected = (a - np.eye(40)[5]) / 0.5
    np.testing.assert_allclose(check.analytic, expected[[0, 5, 39]], atol=1e-14)
    assert check.error < 1e-8


def test_gradient_check_leaves_out_masked_classes_and_refuses_a_masked_target():
    check = check_gradient([2.0, -np.inf, 0.5], 0)
    np.testing.assert_array_equal(check.classes, [0, 2])
    with pytest.raises(InputError) as caught:
        check_gradient([2.0, -np.inf, 0.5], 1)
    assert caught.value.code == "masked_target"


def test_step_sweep_draws_a_v_in_both_dtypes():
    sweep = step_sweep(LECTURE_Z, 3)
    assert sweep.steps[0] == pytest.approx(1e-12) and sweep.steps[-1] == pytest.approx(1e-1)
    for name, low, high in (("float64", 1e-7, 1e-4), ("float32", 1e-4, 1e-1)):
        errors = sweep.errors[name]
        assert errors.shape == sweep.steps.shape and np.all(np.isfinite(errors))
        best = int(np.argmin(errors))
        assert 0 < best < errors.size - 1  # falling on the right, rising on the left
        assert sweep.best[name] == sweep.steps[best]
        assert low <= sweep.best[name] <= high
        assert errors[best] < errors[0] / 10 and errors[best] < errors[-1] / 10
    assert np.min(sweep.errors["float64"]) < 1e-10 < np.min(sweep.errors["float32"])


def test_step_sweep_has_no_float32_curve_for_logits_beyond_float32():
    sweep = step_sweep([1e39, 0.0, 1.0], 1)
    assert np.all(np.isnan(sweep.errors["float32"])) and math.isnan(sweep.best["float32"])
    assert np.any(np.isfinite(sweep.errors["float64"]))


def test_step_sweep_has_no_curve_when_the_temperature_pushes_the_logits_beyond_float64():
    # 1e308 / 0.05 is beyond float64: this division used to warn (found by the page fuzz suite).
    sweep = step_sweep([1e308, -1e308], 0, 0.05)
    for name in ("float32", "float64"):
        assert np.all(np.isnan(sweep.errors[name])) and math.isnan(sweep.best[name])


def test_two_class_softmax_is_the_sigmoid_of_the_difference():
    pair = two_class_sigmoid(0.5, 2.5)
    assert pair.d == 2.0
    expected = 1 / (1 + math.exp(-2.0))
    assert pair.softmax[1] == pytest.approx(expected, rel=1e-15)
    assert pair.sigmoid[1] == pytest.approx(expected, rel=1e-15)
    assert pair.difference < 1e-16
    assert pair.slope == pytest.approx(expected * (1 - expected), rel=1e-14)
    assert pair.jacobian == pytest.approx(pair.slope, rel=1e-14)
    assert pair.slope_product == pytest.approx(pair.slope, rel=1e-14)


def test_two_class_sigmoid_with_temperature_and_masked_logits():
    pair = two_class_sigmoid(1.0, 2.0, temperature=0.5)
    assert pair.d == 2.0
    assert pair.jacobian == pytest.approx(pair.slope, rel=1e-13)
    masked = two_class_sigmoid(-np.inf, 1.0)
    np.testing.assert_array_equal(masked.softmax, [0.0, 1.0])
    np.testing.assert_array_equal(masked.sigmoid, [0.0, 1.0])
    with pytest.raises(InputError) as caught:
        two_class_sigmoid(-np.inf, -np.inf)
    assert caught.value.code == "all_masked"
