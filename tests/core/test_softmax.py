"""Laws and edge cases of softmax, log_softmax, logsumexp, naive_softmax, steps, Jacobian."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import log_softmax, logsumexp, naive_softmax, softmax, softmax_jacobian, softmax_steps

PROPERTY = settings(max_examples=150, deadline=None)
FLOATS = [np.float16, np.float32, np.float64]
EPS = {np.float16: 2.0**-10, np.float32: 2.0**-23, np.float64: 2.0**-52}
# Logits whose naive exponentials stay finite in every dtype (float16 overflows past 11.09).
LIMIT = {np.float16: 10.0, np.float32: 80.0, np.float64: 700.0}


def logits(dtype, max_k: int = 8, limit: float | None = None, two_d: bool = False):
    """Finite logit arrays of ``dtype``, 1-D of up to ``max_k`` classes or 2-D batches of them."""
    bound = LIMIT[dtype] if limit is None else limit
    elements = st.floats(-bound, bound, width=np.finfo(dtype).bits)
    shape = hnp.array_shapes(
        min_dims=2 if two_d else 1, max_dims=2 if two_d else 1, min_side=1, max_side=max_k
    )
    return hnp.arrays(dtype, shape, elements=elements)


def dyadic_logits(max_k: int = 8):
    """Multiples of 1/8 below 2**20: adding an integer to them, and subtracting, is exact."""
    return st.lists(st.integers(-(2**20), 2**20), min_size=1, max_size=max_k).map(
        lambda v: np.array(v, dtype=np.float64) / 8
    )


# ---- softmax is a probability distribution ------------------------------------------------------


@pytest.mark.parametrize("dtype", FLOATS)
@PROPERTY
@given(data=st.data())
def test_softmax_is_in_unit_interval_and_sums_to_one(dtype, data):
    z = data.draw(logits(dtype, two_d=True, limit=1e4 if dtype != np.float16 else 6e4))
    axis = data.draw(st.sampled_from([0, 1, -1]))
    a = softmax(z, axis=axis)
    assert a.dtype == dtype and a.shape == z.shape
    assert np.all((a >= 0) & (a <= 1))
    k = z.shape[axis]
    # each element carries at most half an ulp of rounding (plus float16's subnormal spacing)
    tolerance = (k + 2) * EPS[dtype] + k * float(np.finfo(dtype).smallest_subnormal)
    np.testing.assert_allclose(a.sum(axis=axis, dtype=np.float64), 1.0, rtol=0, atol=tolerance)


@PROPERTY
@given(z=logits(np.float64, limit=1e300))
def test_softmax_of_the_largest_logit_is_the_largest_probability(z):
    a = softmax(z)
    assert a[np.argmax(z)] == a.max()
    assert a.max() >= 1 / len(z) * (1 - 4 * EPS[np.float64])


@PROPERTY
@given(z=dyadic_logits(), c=st.integers(-(2**30), 2**30))
def test_softmax_is_exactly_shift_invariant_when_the_shift_is_exact(z, c):
    np.testing.assert_array_equal(softmax(z + c), softmax(z))
    np.testing.assert_array_equal(log_softmax(z + c), log_softmax(z))
    # logsumexp adds c to its result, rounding once more
    slack = 4 * EPS[np.float64] * (abs(float(z.max())) + abs(c) + math.log(len(z)) + 1)
    assert abs(logsumexp(z + c) - (logsumexp(z) + c)) <= slack


@PROPERTY
@given(z=logits(np.float64, limit=100.0), c=st.floats(-1e3, 1e3))
def test_softmax_is_shift_invariant(z, c):
    # z + c is rounded, which moves every logit by up to ulp(|z| + |c|)
    slack = 4 * (100 + abs(c)) * EPS[np.float64]
    np.testing.assert_allclose(softmax(z + c), softmax(z), rtol=slack, atol=1e-300)
    np.testing.assert_allclose(log_softmax(z + c), log_softmax(z), rtol=0, atol=slack * 10)


# ---- temperature --------------------------------------------------------------------------------


@PROPERTY
@given(
    z=logits(np.float64, limit=50.0),
    temperature=st.floats(0.05, 20.0),
)
def test_softmax_with_temperature_equals_softmax_of_scaled_logits(z, temperature):
    # z / T is rounded: each exponent moves by up to |z / T| ulp, at most 1000 ulp here
    slack = 8 * 1000 * EPS[np.float64]
    np.testing.assert_allclose(
        softmax(z, temperature=temperature), softmax(z / temperature), rtol=slack, atol=1e-300
    )
    np.testing.assert_allclose(
        log_softmax(z, temperature=temperature),
        log_softmax(z / temperature),
        rtol=slack,
        atol=slack,
    )


def test_low_temperature_tends_to_argmax_and_high_temperature_to_uniform():
    z = np.array([1.0, 3.0, 2.0])
    np.testing.assert_array_equal(softmax(z, temperature=1e-3), [0.0, 1.0, 0.0])
    np.testing.assert_allclose(softmax(z, temperature=1e6), np.full(3, 1 / 3), rtol=1e-5)


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("temperature", [1e-300, 1e-30, 1e-3, 1e30, 1e300])
def test_extreme_temperatures_give_argmax_or_uniform_without_warnings(dtype, temperature):
    z = np.array([0.0, -3.0, 2.0, -np.inf], dtype=dtype)
    a = softmax(z, temperature=temperature)
    expected = [0, 0, 1, 0] if temperature < 1 else [1 / 3, 1 / 3, 1 / 3, 0]
    np.testing.assert_allclose(a, expected, rtol=EPS[dtype])
    assert log_softmax(z, temperature=temperature)[3] == -np.inf
    jacobian = softmax_jacobian(z, temperature=temperature)
    assert jacobian.dtype == dtype and not np.any(np.isnan(jacobian))
    tie = softmax_jacobian(np.array([1.0, 1.0], dtype=dtype), temperature=temperature)
    with np.errstate(over="ignore", under="ignore"):  # 0.25 / T, rounded to the dtype
        expected_tie = dtype(0.25 / temperature)
    np.testing.assert_array_equal(
        tie, [[expected_tie, -expected_tie], [-expected_tie, expected_tie]]
    )


# ---- log_softmax and logsumexp ------------------------------------------------------------------


@pytest.mark.parametrize("dtype", FLOATS)
@PROPERTY
@given(data=st.data())
def test_log_softmax_equals_log_of_softmax_where_softmax_is_normal(dtype, data):
    z = data.draw(logits(dtype, limit=1e3 if dtype != np.float16 else 60.0))
    a = softmax(z).astype(np.float64)
    ls = log_softmax(z)
    assert ls.dtype == dtype
    assert np.all(ls <= 0) and np.all(np.isfinite(ls))
    normal = a >= np.finfo(dtype).tiny  # below it a has lost relative precision, or is 0
    # log(a) inherits a's relative rounding as an absolute error; ls itself is exact to ulps
    expected = np.log(a[normal])
    tolerance = 4 * EPS[dtype] * np.maximum(1.0, np.abs(expected))
    assert np.all(np.abs(ls[normal].astype(np.float64) - expected) <= tolerance)


def test_log_softmax_is_finite_where_log_of_softmax_is_minus_inf():
    np.testing.assert_array_equal(log_softmax([1000.0, 1.0]), [0.0, -999.0])
    with np.errstate(divide="ignore"):
        assert np.log(softmax([1000.0, 1.0]))[1] == -np.inf


@PROPERTY
@given(z=logits(np.float64, limit=1e300, max_k=12))
def test_logsumexp_lies_between_max_and_max_plus_log_k(z):
    lse = logsumexp(z)
    m = z.max()
    assert m <= lse <= m + math.log(len(z)) * (1 + 4 * EPS[np.float64]) + abs(m) * EPS[np.float64]


@PROPERTY
@given(z=logits(np.float64, limit=700.0, two_d=True))
def test_softmax_is_exp_of_logits_minus_logsumexp(z):
    lse = logsumexp(z, axis=1)
    assert lse.shape == (z.shape[0],)
    np.testing.assert_allclose(log_softmax(z), z - lse[:, None], rtol=0, atol=2e-12)
    np.testing.assert_allclose(softmax(z), np.exp(z - lse[:, None]), rtol=2e-12, atol=1e-300)


def test_logsumexp_of_equal_large_logits_adds_log_k():
    assert float(logsumexp([1000.0, 1000.0])) == 1000.6931471805599
    assert float(logsumexp([1e30] * 3)) == 1e30
    assert float(logsumexp([0.0] * 4)) == math.log(4)


# ---- edges: -inf, +inf, NaN, empty --------------------------------------------------------------


def test_minus_inf_logit_gets_probability_zero_and_log_probability_minus_inf():
    z = [0.0, -np.inf, math.log(3.0)]
    np.testing.assert_allclose(softmax(z), [0.25, 0.0, 0.75], rtol=2e-16)
    ls = log_softmax(z)
    assert ls[1] == -np.inf
    np.testing.assert_allclose(ls[[0, 2]], np.log([0.25, 0.75]), rtol=2e-16)
    assert math.isclose(float(logsumexp(z)), math.log(4.0), rel_tol=2e-16)


@pytest.mark.parametrize("dtype", FLOATS)
def test_all_minus_inf_row_gives_nan_softmax_and_minus_inf_logsumexp(dtype):
    z = np.array([[-np.inf, -np.inf, -np.inf], [1.0, 0.0, -np.inf]], dtype=dtype)
    a = softmax(z)
    assert np.all(np.isnan(a[0])) and np.all(np.isfinite(a[1]))
    assert np.all(np.isnan(log_softmax(z)[0]))
    lse = logsumexp(z)
    assert lse.dtype == dtype and lse[0] == -np.inf and np.isfinite(lse[1])


def test_plus_inf_gives_nan_softmax_and_plus_inf_logsumexp():
    z = [1.0, np.inf, 0.0]
    assert np.all(np.isnan(softmax(z)))
    assert np.all(np.isnan(log_softmax(z)))
    assert logsumexp(z) == np.inf


def test_float16_log_softmax_below_its_range_is_minus_inf_without_a_warning():
    ls = log_softmax(np.array([60000.0, -60000.0], dtype=np.float16))
    assert ls.dtype == np.float16
    np.testing.assert_array_equal(ls, [0.0, -np.inf])


def test_nan_propagates_to_its_row_only():
    z = np.array([[1.0, np.nan], [1.0, 2.0]])
    assert np.all(np.isnan(softmax(z)[0])) and np.all(np.isfinite(softmax(z)[1]))
    assert np.isnan(logsumexp(z)[0]) and np.isfinite(logsumexp(z)[1])


def test_empty_class_axis_gives_empty_softmax_and_minus_inf_logsumexp():
    z = np.zeros((3, 0))
    assert softmax(z).shape == (3, 0)
    assert log_softmax(z).shape == (3, 0)
    np.testing.assert_array_equal(logsumexp(z), np.full(3, -np.inf))


def test_all_very_negative_logits_give_uniform_softmax():
    z = np.full(4, -1000.0)
    np.testing.assert_array_equal(softmax(z), np.full(4, 0.25))
    with pytest.warns(RuntimeWarning):  # what the naive formula would do: 0 / 0
        np.exp(z) / np.sum(np.exp(z))
    assert np.all(np.isnan(naive_softmax(z)))


# ---- dtypes and axes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        (np.array([1.0, 2.0], dtype=np.float16), np.float16),
        (np.array([1.0, 2.0], dtype=np.float32), np.float32),
        (np.array([1.0, 2.0], dtype=np.float64), np.float64),
        ([1, 2], np.float64),
        (np.array([1, 2], dtype=np.int8), np.float64),
        (np.array([1, 2], dtype=np.uint32), np.float64),
        ([True, False], np.float64),
        ([1.0, 2.0], np.float64),
    ],
)
def test_every_function_keeps_float_dtype_and_turns_integers_into_float64(values, dtype):
    assert softmax(values).dtype == dtype
    assert log_softmax(values).dtype == dtype
    assert logsumexp(values).dtype == dtype
    assert naive_softmax(values).dtype == dtype
    assert softmax_steps(values).a.dtype == dtype
    assert softmax_jacobian(values).dtype == dtype


@PROPERTY
@given(z=logits(np.float64, limit=50.0, two_d=True))
def test_softmax_along_axis_zero_is_softmax_of_the_transpose(z):
    np.testing.assert_array_equal(softmax(z, axis=0), softmax(z.T).T)
    np.testing.assert_array_equal(log_softmax(z, axis=0), log_softmax(z.T).T)
    np.testing.assert_array_equal(logsumexp(z, axis=0), logsumexp(z.T))


def test_three_dimensional_input_works_along_any_axis():
    z = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 7
    for axis in range(3):
        a = softmax(z, axis=axis)
        np.testing.assert_allclose(a.sum(axis=axis), 1.0, rtol=1e-15)
        np.testing.assert_allclose(np.log(a), log_softmax(z, axis=axis), rtol=1e-14)


def test_float16_row_of_gpt2_vocabulary_size_sums_to_one():
    k = 50_257
    z = np.random.default_rng(0).normal(0.0, 3.0, k).astype(np.float16)
    z[123] = 20.0  # one clear winner, as after training
    a = softmax(z)
    assert a.dtype == np.float16
    # each element is float32 softmax rounded once: within one float16 ulp of the float64 value
    exact = softmax(z.astype(np.float64))
    assert np.all(np.abs(a - exact) <= np.spacing(exact.astype(np.float16)).astype(np.float64))
    # so the sum is off only by rounding each element: half an ulp (or subnormal spacing) each
    tolerance = 2.0**-11 + k * 2.0**-25
    assert abs(float(a.sum(dtype=np.float32)) - 1.0) <= tolerance
    uniform = softmax(np.zeros(k, dtype=np.float16))
    assert abs(float(uniform.sum(dtype=np.float32)) - 1.0) <= tolerance


# ---- naive_softmax ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dtype", "finite_at", "nan_at"),
    [(np.float16, 11.0, 11.1), (np.float32, 88.7, 88.8), (np.float64, 709.7, 709.8)],
)
def test_naive_softmax_overflows_exactly_past_log_of_the_largest_float(dtype, finite_at, nan_at):
    below = naive_softmax(np.array([finite_at, 0.0], dtype=dtype))
    above = naive_softmax(np.array([nan_at, 0.0], dtype=dtype))
    assert below.dtype == above.dtype == dtype
    assert np.all(np.isfinite(below)) and below[0] > 0.99
    assert np.isnan(above[0]) and above[1] == 0.0
    np.testing.assert_allclose(softmax(np.array([nan_at, 0.0], dtype=dtype))[0], 1.0)
    assert math.log(float(np.finfo(dtype).max)) == pytest.approx((finite_at + nan_at) / 2, abs=0.05)


@pytest.mark.parametrize("dtype", FLOATS)
@PROPERTY
@given(data=st.data())
def test_naive_softmax_returns_what_its_dtype_produces(dtype, data):
    z = data.draw(
        hnp.arrays(
            dtype,
            st.integers(1, 6),
            elements=st.floats(width=np.finfo(dtype).bits, allow_nan=False),
        )
    )
    with np.errstate(all="ignore"):
        e = np.exp(z)
        expected = e / np.sum(e, dtype=dtype)
    np.testing.assert_array_equal(naive_softmax(z), expected)


@pytest.mark.parametrize("dtype", FLOATS)
@PROPERTY
@given(data=st.data())
def test_naive_softmax_agrees_with_softmax_where_it_does_not_overflow(dtype, data):
    z = data.draw(logits(dtype, limit=LIMIT[dtype] / 2))
    np.testing.assert_allclose(
        naive_softmax(z).astype(np.float64),
        softmax(z).astype(np.float64),
        rtol=8 * EPS[dtype] * max(1.0, float(np.max(np.abs(z)))),
        atol=float(np.finfo(dtype).smallest_subnormal) * 4,
    )


def test_naive_softmax_underflows_to_nan_where_softmax_is_uniform():
    z = np.full(3, -1000.0)
    assert np.all(np.isnan(naive_softmax(z)))
    np.testing.assert_allclose(softmax(z), np.full(3, 1 / 3), rtol=1e-16)
    np.testing.assert_array_equal(naive_softmax(np.array([1000.0, 0.0])), [np.nan, 0.0])


# ---- softmax_steps ------------------------------------------------------------------------------


def test_stable_steps_hold_every_intermediate():
    z = np.array([2.0, 1.0, 0.1])
    steps = softmax_steps(z)
    assert steps.stable
    np.testing.assert_array_equal(steps.z, z)
    np.testing.assert_array_equal(steps.shift, [2.0])
    np.testing.assert_array_equal(steps.shifted, z - 2.0)
    np.testing.assert_array_equal(steps.exp, np.exp(z - 2.0))
    np.testing.assert_array_equal(steps.total, [np.exp(z - 2.0).sum()])
    np.testing.assert_array_equal(steps.a, np.exp(z - 2.0) / np.exp(z - 2.0).sum())
    np.testing.assert_allclose(steps.a, softmax(z), rtol=1e-15)
    assert steps.first_non_finite() is None


@pytest.mark.parametrize(
    ("z", "stable", "first"),
    [
        (np.array([100.0, 0.0], dtype=np.float32), False, "exp"),
        (np.array([100.0, 0.0], dtype=np.float32), True, None),
        (np.array([1000.0, 0.0]), False, "exp"),
        (np.array([-1000.0, -1000.0]), False, "a"),  # the sum underflows to 0: 0 / 0
        (np.array([-1000.0, -1000.0]), True, None),
        (np.array([12.0, 0.0], dtype=np.float16), False, "exp"),
        (np.array([0.0, -np.inf]), True, None),  # a masked class: e^-inf = 0, nothing broke
        (np.array([0.0, -np.inf]), False, None),
        (np.array([-np.inf, -np.inf]), True, "a"),  # every class masked: 0 / 0
        (np.array([np.nan, 1.0]), True, None),  # typed, not born
        (np.array([np.inf, 1.0]), False, None),
        (np.array([[1.0, 1000.0], [-np.inf, 0.0]]), False, "exp"),
        (np.array([[2.0, 1.0], [1e308, 1e308]]), True, None),
        (np.array([[2.0, 1.0], [1e308, 1e308]]), False, "exp"),
        (np.array([[1e308], [1e308]]), True, None),
        (np.array([1e308, 1e308], dtype=np.float64).reshape(2, 1), True, None),
    ],
)
def test_steps_name_the_step_where_inf_or_nan_is_born(z, stable, first):
    steps = softmax_steps(z, stable=stable)
    assert steps.first_non_finite() == first
    assert steps.a.dtype == z.dtype and steps.exp.dtype == z.dtype


@pytest.mark.parametrize("axis", [0, 1])
def test_a_sum_that_overflows_is_born_in_total_along_the_softmax_axis(axis):
    # e^11 = 59874 fits in float16 (max 65504); two of them summed do not
    z = np.full((2, 2), 11.0, dtype=np.float16)
    steps = softmax_steps(z, stable=False, axis=axis)
    assert np.isfinite(steps.exp).all() and np.isinf(steps.total).all()
    assert steps.first_non_finite() == "total"


def test_naive_steps_match_naive_softmax_and_shift_by_zero():
    z = np.array([[1.0, 710.0], [3.0, 2.0]])
    steps = softmax_steps(z, stable=False, axis=1)
    assert not steps.stable
    np.testing.assert_array_equal(steps.shift, np.zeros((2, 1)))
    np.testing.assert_array_equal(steps.a, naive_softmax(z, axis=1))


@pytest.mark.parametrize("stable", [True, False])
def test_steps_of_an_empty_row_are_empty_like_softmax(stable):
    # the max of an empty row used to raise NumPy's "zero-size array to reduction operation"
    z = np.zeros((3, 0), dtype=np.float32)
    steps = softmax_steps(z, stable=stable)
    np.testing.assert_array_equal(steps.shift, np.zeros((3, 1), dtype=np.float32))
    assert steps.a.shape == softmax(z).shape == (3, 0) and steps.a.dtype == np.float32
    assert steps.first_non_finite() is None


def test_longdouble_beyond_float64_becomes_inf_without_an_overflow_warning():
    z = np.array([np.longdouble("1e4000"), 0.0], dtype=np.longdouble)
    assert logsumexp(z) == np.inf and logsumexp(z).dtype == np.float64


@PROPERTY
@given(z=logits(np.float64, limit=1e3, two_d=True))
def test_stable_steps_agree_with_softmax(z):
    steps = softmax_steps(z, axis=0)
    np.testing.assert_array_equal(steps.shift, z.max(axis=0, keepdims=True))
    # the steps round z - max as a plain program would, which moves e^(z - max) by |z - max| ulp
    slack = 4 * EPS[np.float64] * (z.shape[0] + float(np.ptp(z)))
    np.testing.assert_allclose(steps.a, softmax(z, axis=0), rtol=slack, atol=1e-300)


# ---- the Jacobian -------------------------------------------------------------------------------


@PROPERTY
@given(z=logits(np.float64, limit=30.0), temperature=st.sampled_from([1.0, 0.5, 3.0]))
def test_jacobian_is_symmetric_with_rows_summing_to_zero(z, temperature):
    jacobian = softmax_jacobian(z, temperature=temperature)
    a = softmax(z, temperature=temperature)
    assert jacobian.shape == (len(z), len(z))
    np.testing.assert_array_equal(jacobian, jacobian.T)
    np.testing.assert_allclose(jacobian.sum(axis=1), 0.0, atol=4 * len(z) * EPS[np.float64])
    np.testing.assert_allclose(
        jacobian, (np.diag(a) - np.outer(a, a)) / temperature, rtol=1e-15, atol=1e-300
    )
    assert np.all(np.diag(jacobian) >= 0)


@PROPERTY
@given(z=logits(np.float64, limit=10.0), temperature=st.sampled_from([1.0, 0.7, 2.0]))
def test_jacobian_matches_central_differences_of_softmax(z, temperature):
    h = 1e-6
    numeric = np.empty((len(z), len(z)))
    for k in range(len(z)):
        step = np.zeros(len(z))
        step[k] = h
        plus = softmax(z + step, temperature=temperature)
        minus = softmax(z - step, temperature=temperature)
        numeric[:, k] = (plus - minus) / (2 * h)
    np.testing.assert_allclose(softmax_jacobian(z, temperature=temperature), numeric, atol=1e-8)


def test_jacobian_of_two_equal_logits():
    np.testing.assert_array_equal(softmax_jacobian([0.0, 0.0]), [[0.25, -0.25], [-0.25, 0.25]])
    np.testing.assert_array_equal(softmax_jacobian([5.0, -np.inf]), [[0.0, 0.0], [0.0, 0.0]])


# ---- errors -------------------------------------------------------------------------------------

FUNCTIONS_WITH_TEMPERATURE = [softmax, log_softmax, softmax_jacobian]


@pytest.mark.parametrize("function", FUNCTIONS_WITH_TEMPERATURE)
@pytest.mark.parametrize(
    ("temperature", "shown"),
    [(0, "0"), (0.0, "0"), (-1, "-1"), (np.inf, "inf"), (-np.inf, "inf"), (np.nan, "nan")],
)
def test_temperature_must_be_finite_and_positive(function, temperature, shown):
    with pytest.raises(ValueError, match="temperature") as raised:
        function([1.0, 2.0], temperature=temperature)
    assert shown in str(raised.value)


@pytest.mark.parametrize("function", FUNCTIONS_WITH_TEMPERATURE)
@pytest.mark.parametrize("temperature", ["hot", None, [1.0, 2.0]])
def test_temperature_that_is_not_a_number_is_a_value_error(function, temperature):
    with pytest.raises(ValueError, match="temperature"):
        function([1.0, 2.0], temperature=temperature)


ALL_FUNCTIONS = [softmax, log_softmax, logsumexp, naive_softmax, softmax_steps, softmax_jacobian]


@pytest.mark.parametrize("function", ALL_FUNCTIONS)
@pytest.mark.parametrize(
    ("z", "shown"),
    [
        (["a", "b"], "<U1"),
        ("logits", "<U6"),
        ([[1.0, 2.0], [3.0]], "one shape"),
        ([1 + 2j, 3.0], "complex"),
        ([None, 1.0], "object"),
    ],
)
def test_inputs_that_are_not_real_numbers_are_value_errors(function, z, shown):
    with pytest.raises(ValueError, match="logits") as raised:
        function(z)
    assert shown in str(raised.value)


@pytest.mark.parametrize(
    "function", [softmax, log_softmax, logsumexp, naive_softmax, softmax_steps]
)
def test_scalar_input_and_bad_axis_are_value_errors(function):
    with pytest.raises(ValueError, match="scalar"):
        function(3.0)
    with pytest.raises(ValueError, match="axis 2"):
        function([1.0, 2.0], axis=2)


def test_jacobian_needs_one_dimensional_logits():
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        softmax_jacobian([[1.0, 2.0], [3.0, 4.0]])
