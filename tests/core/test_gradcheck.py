"""Finite-difference gradients: they agree with the analytic ones, and the step size draws a V."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import (
    cross_entropy,
    cross_entropy_grad,
    gradient_check_sweep,
    numerical_grad,
    relative_error,
)

EPS_VALUES = np.logspace(-12, -1, 12)


def test_numerical_grad_of_a_quadratic_is_exact_up_to_round_off():
    z = np.array([[1.0, -2.0], [3.0, 0.5]])
    grad = numerical_grad(lambda v: float(np.sum(v**2)), z)
    assert grad.shape == (2, 2)
    np.testing.assert_allclose(grad, 2 * z, rtol=1e-9)


def test_numerical_grad_works_on_a_scalar_point():
    assert numerical_grad(np.exp, np.array(0.0)) == pytest.approx(1.0, rel=1e-9)


def test_numerical_grad_does_not_change_the_point():
    z = np.array([0.5, 1.5])
    before = z.copy()
    numerical_grad(lambda v: float(np.prod(v)), z)
    np.testing.assert_array_equal(z, before)


def test_numerical_grad_uses_the_documented_steps():
    """With f(z) = z^3 the central difference is 3 z^2 + h^2: the step can be read back."""
    z = np.array([0.5, 4.0])
    grad = numerical_grad(lambda v: float(np.sum(v**3)), z, eps=1e-2)
    h = 1e-2 * np.maximum(1, np.abs(z))
    np.testing.assert_allclose(grad, 3 * z**2 + h**2, rtol=1e-10)


def test_default_step_is_the_cube_root_of_machine_epsilon():
    z = np.array([2.0])
    default = numerical_grad(lambda v: float(np.sum(v**3)), z)
    explicit = numerical_grad(lambda v: float(np.sum(v**3)), z, eps=np.cbrt(np.finfo(float).eps))
    np.testing.assert_array_equal(default, explicit)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_numerical_grad_keeps_the_dtype(dtype):
    z = np.array([0.5, -1.0], dtype=dtype)
    assert numerical_grad(lambda v: v.sum() * 2, z).dtype == dtype


def test_float32_shows_float32_round_off():
    z64 = np.array([2.0, 1.0, 0.1, -1.0, 3.0])

    def f(v):
        return cross_entropy(v, 3)

    exact = cross_entropy_grad(z64, 3)
    error64 = relative_error(exact, numerical_grad(f, z64, eps=1e-4))
    error32 = relative_error(exact, numerical_grad(f, z64.astype(np.float32), eps=1e-4))
    assert error64 < 1e-8
    assert error32 > 1e-5  # float32 differences of a value near 1 are worth ~1e-7 / 1e-4


@pytest.mark.parametrize("eps", [0.0, -1e-3, np.inf, np.nan, "small"])
def test_a_bad_step_raises_value_error(eps):
    with pytest.raises(ValueError, match="eps"):
        numerical_grad(np.sum, np.array([1.0]), eps=eps)


def test_a_step_too_small_for_the_dtype_raises_value_error():
    with pytest.raises(ValueError, match="too small"):
        numerical_grad(np.sum, np.array([1.0], dtype=np.float16), eps=1e-12)


logits = hnp.arrays(np.float64, st.integers(2, 8), elements=st.floats(-10, 10))


@settings(deadline=None)
@given(logits, st.data())
def test_numerical_grad_of_cross_entropy_matches_cross_entropy_grad(z, data):
    target = data.draw(st.integers(0, z.size - 1))
    numeric = numerical_grad(lambda v: cross_entropy(v, target), z)
    analytic = cross_entropy_grad(z, target)
    assert relative_error(analytic, numeric) < 1e-8


@settings(deadline=None)
@given(
    hnp.arrays(np.float64, (3, 4), elements=st.floats(-5, 5)),
    st.lists(st.integers(0, 3), min_size=3, max_size=3),
    st.floats(0, 0.5),
)
def test_numerical_grad_of_a_batch_with_options_matches_cross_entropy_grad(z, target, smoothing):
    options = {"weight": [1.0, 2.0, 0.5, 1.5], "label_smoothing": smoothing}
    numeric = numerical_grad(lambda v: cross_entropy(v, target, **options), z)
    assert relative_error(cross_entropy_grad(z, target, **options), numeric) < 1e-8


# relative_error


@pytest.mark.parametrize(
    ("analytic", "numeric", "expected"),
    [
        ([1.0, -2.0], [1.0, -2.0], 0.0),
        ([0.0, 0.0], [0.0, 0.0], 0.0),
        ([1.0], [-1.0], 1.0),
        ([1.0, 0.0], [1.0, 1e-3], 1e-3 / 2),
        ([3.0, 1e-12], [3.0, 2e-12], 1e-12 / 6),  # a tiny component does not count as wrong
        ([], [], 0.0),
    ],
)
def test_relative_error_gives_known_values(analytic, numeric, expected):
    assert relative_error(analytic, numeric) == pytest.approx(expected, rel=1e-12, abs=0)


def test_relative_error_of_gradients_near_the_overflow_threshold_is_exact_without_warnings():
    # |a - n| and |a| + |n| used to overflow to inf (a warning, and inf / inf = NaN)
    assert relative_error([1e308], [-1e308]) == 1.0
    assert relative_error([1e308, 0.0], [1e308, 1e292]) == pytest.approx(0.5e-16, rel=1e-12)
    assert np.isnan(relative_error([np.nan, 1e308], [0.0, 1e308]))


def test_relative_error_is_nan_for_nan_and_refuses_other_shapes():
    assert np.isnan(relative_error([np.nan, 1.0], [1.0, 1.0]))
    with pytest.raises(ValueError, match="shapes"):
        relative_error([1.0, 2.0], [1.0])


@given(
    hnp.arrays(np.float64, 5, elements=st.floats(-1e6, 1e6)),
    hnp.arrays(np.float64, 5, elements=st.floats(-1e6, 1e6)),
)
def test_relative_error_is_symmetric_and_between_0_and_1(a, n):
    error = relative_error(a, n)
    assert 0 <= error <= 1
    assert error == relative_error(n, a)


# The V


def _sweep(dtype, z, target):
    z = np.asarray(z, dtype=dtype)
    return gradient_check_sweep(
        lambda v: cross_entropy(v, target),
        lambda v: cross_entropy_grad(v, target),
        z,
        EPS_VALUES,
    )


def _assert_v_shape(errors, lowest_between):
    best = int(np.argmin(errors))
    assert lowest_between[0] <= EPS_VALUES[best] <= lowest_between[1], errors
    # both arms rise well above the bottom of the V (in float32 the right arm has one point)
    assert errors[0] > 1000 * errors[best] and errors[-1] > 10 * errors[best], errors
    # the right arm is truncation error: it rises steadily, about h^2
    right = errors[best + 1 :]
    assert np.all(np.diff(right) > 0), errors


LECTURE = [2.0, 1.0, 0.1, -1.0, 3.0]


def test_float64_sweep_is_a_v_with_its_bottom_near_1e_5():
    errors = _sweep(np.float64, LECTURE, 3)
    assert errors.dtype == np.float64 and errors.shape == EPS_VALUES.shape
    _assert_v_shape(errors, (1e-6, 1e-5))
    assert errors.min() < 1e-9


def test_float32_sweep_is_a_v_with_its_bottom_near_1e_2():
    errors = _sweep(np.float32, LECTURE, 3)
    _assert_v_shape(errors, (1e-3, 1e-2))
    assert 1e-7 < errors.min() < 1e-4  # float32 cannot do better than about eps^(2/3)
    # steps below float32's resolution of the logits leave z unchanged: no difference at all
    np.testing.assert_array_equal(errors[EPS_VALUES < 1e-8], 1.0)


@pytest.mark.parametrize("seed", range(5))
def test_sweep_bottom_is_where_theory_says_for_random_logits(seed):
    z = np.random.default_rng(seed).normal(scale=3, size=6)
    _assert_v_shape(_sweep(np.float64, z, 2), (1e-6, 1e-4))
    _assert_v_shape(_sweep(np.float32, z, 2), (1e-3, 1e-1))


def test_sweep_gives_nan_for_steps_the_dtype_cannot_hold():
    errors = gradient_check_sweep(np.sum, np.ones_like, np.ones(2, np.float16), [1e-12, 1e-2])
    assert np.isnan(errors[0]) and errors[1] < 0.05  # float16: 1 + 0.01 is 1.00977


@pytest.mark.parametrize(
    ("z", "shown"),
    [
        (np.array(-np.inf, dtype=np.float16), "holds -inf (entry 0"),
        (np.array([[0.0], [np.inf]], dtype=np.float16), "holds inf (entry 1"),
        ([1.0, np.nan], "holds nan (entry 1"),
    ],
)
def test_a_point_that_is_not_finite_is_a_value_error_not_a_warning(z, shown):
    # with eps=1e-45 float16 rounds the step to 0, and 0 * inf used to warn "invalid value"
    with pytest.raises(ValueError, match="finite differences need a finite point") as raised:
        numerical_grad(np.sum, z, eps=1e-45)
    assert shown in str(raised.value)
    with pytest.raises(ValueError, match="finite point"):
        gradient_check_sweep(np.sum, np.ones_like, z, [1e-3])
