"""Entropy, cross-entropy, KL divergence, and checking that typed numbers are probabilities."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import (
    ProbabilityError,
    check_probabilities,
    cross_entropy,
    cross_entropy_of_distributions,
    entropy,
    kl_divergence,
    loss_from_probabilities,
    normalise,
    one_hot,
    perplexity,
    softmax,
)
from ce_core.info import MESSAGES

LECTURE = [0.1, 0.1, 0.1, 0.2, 0.5]


def distributions(k=None, zeros=True):
    """Probability vectors of ``k`` (default 1 to 8) classes: non-negative weights / their sum."""
    k = st.integers(1, 8) if k is None else k
    low = 0.0 if zeros else 1e-3
    weights = k.flatmap(lambda n: hnp.arrays(np.float64, n, elements=st.floats(low, 10)))
    return weights.filter(lambda w: w.sum() > 0).map(lambda w: w / w.sum())


def pairs(zeros=True):
    return st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            distributions(st.just(n), zeros=zeros), distributions(st.just(n), zeros=zeros)
        )
    )


# loss_from_probabilities


def test_lecture_example_loss_is_exactly_minus_ln_a_j():
    assert loss_from_probabilities(LECTURE, 3) == 1.6094379124341003
    assert loss_from_probabilities(LECTURE, 3) == -np.log(np.array(LECTURE)[3])


@given(distributions(), st.data())
def test_loss_from_probabilities_is_minus_log_of_the_true_class(a, data):
    j = data.draw(st.integers(0, a.size - 1))
    with np.errstate(divide="ignore"):
        assert loss_from_probabilities(a, j) == -np.log(a[j])


def test_loss_from_probabilities_of_a_zero_probability_is_inf_without_warning():
    assert loss_from_probabilities([1.0, 0.0], 1) == math.inf


def test_loss_from_probabilities_agrees_with_cross_entropy_of_the_log_probabilities():
    assert loss_from_probabilities(LECTURE, 3) == pytest.approx(
        float(cross_entropy(np.log(LECTURE), 3)), rel=1e-15
    )


@pytest.mark.parametrize("j", [-1, 5, 1.0, True, "3"])
def test_loss_from_probabilities_refuses_a_class_out_of_range(j):
    with pytest.raises(ValueError, match="out of bounds"):
        loss_from_probabilities(LECTURE, j)


def test_loss_from_probabilities_refuses_numbers_that_are_not_a_distribution():
    with pytest.raises(ProbabilityError) as info:
        loss_from_probabilities([0.5, 0.6], 0)
    assert info.value.code == "not_normalised"


# check_probabilities


@pytest.mark.parametrize(
    "a", [LECTURE, [1.0], [0.0, 1.0], [1 / 3] * 3, [0.333, 0.333, 0.334], [0.5, 0.5 + 5e-7]]
)
def test_valid_distributions_pass_and_come_back_as_arrays(a):
    out = check_probabilities(a)
    assert isinstance(out, np.ndarray)
    np.testing.assert_array_equal(out, a)


@pytest.mark.parametrize(
    ("a", "code", "params"),
    [
        ([], "empty", {}),
        ([0.5, np.nan, 0.5], "not_finite", {"position": 2, "value": "nan"}),
        ([np.inf, 0.5], "not_finite", {"position": 1, "value": "inf"}),
        ([0.5, 0.7, -0.2], "negative", {"position": 3, "value": "-0.2"}),
        ([1.5, -0.5], "negative", {"position": 2, "value": "-0.5"}),  # negative is checked first
        ([0.0, 1.2, 0.0], "above_one", {"position": 2, "value": "1.2"}),
        ([0.5, 0.6], "not_normalised", {"total": "1.1", "tol": "1e-06"}),
        ([0.33, 0.33, 0.33], "not_normalised", {"total": "0.99", "tol": "1e-06"}),
        ([0.0, 0.0], "not_normalised", {"total": "0", "tol": "1e-06"}),
    ],
)
def test_invalid_distributions_raise_a_coded_probability_error(a, code, params):
    with pytest.raises(ProbabilityError) as info:
        check_probabilities(a)
    assert (info.value.code, info.value.params) == (code, params)
    assert str(info.value) == MESSAGES[code].format(**params)


def test_probability_error_is_a_value_error_with_a_readable_message():
    with pytest.raises(
        ValueError, match=r"Probability 3 is -0.2: probabilities cannot be negative"
    ):
        check_probabilities([0.5, 0.7, -0.2])


def test_tolerance_decides_what_counts_as_adding_up_to_one():
    check_probabilities([0.5, 0.51], tol=0.02)
    with pytest.raises(ProbabilityError):
        check_probabilities([0.5, 0.5 + 2e-6])


@pytest.mark.parametrize(
    ("tol", "message"),
    [(-1.0, "at least 0"), (np.nan, "at least 0"), (np.inf, "finite"), ("a", "a number")],
)
def test_check_probabilities_refuses_a_tolerance_that_is_not_a_finite_number_at_least_0(
    tol, message
):
    with pytest.raises(ValueError, match=f"tolerance tol must be .*{message}"):
        check_probabilities([0.5, 0.5], tol=tol)
    with pytest.raises(ValueError, match="tolerance"):
        loss_from_probabilities([0.5, 0.5], 0, tol=tol)


def test_a_tolerance_beyond_float16_is_compared_without_an_overflow_warning():
    a = np.array([0.5, 0.5], dtype=np.float16)
    np.testing.assert_array_equal(check_probabilities(a, tol=1e5), a)


def test_check_probabilities_refuses_a_table():
    with pytest.raises(ValueError, match="list of numbers"):
        check_probabilities([[0.5, 0.5]])


@given(distributions())
def test_every_normalised_distribution_passes_the_check(a):
    check_probabilities(a)


# normalise


def test_normalise_divides_by_the_sum():
    np.testing.assert_array_equal(normalise([1, 1, 2]), [0.25, 0.25, 0.5])
    np.testing.assert_allclose(normalise([[1.0, 3.0], [2.0, 2.0]]), [[0.25, 0.75], [0.5, 0.5]])
    np.testing.assert_allclose(
        normalise([[1.0, 3.0], [1.0, 1.0]], axis=0), [[0.5, 0.75], [0.5, 0.25]]
    )


@pytest.mark.parametrize(
    ("a", "code", "params"),
    [
        ([0.0, 0.0], "zero_sum", {}),
        ([[1.0, 1.0], [0.0, 0.0]], "zero_sum", {}),
        ([], "empty", {}),
        ([1.0, -1.0], "negative", {"position": 2, "value": "-1"}),
        ([1.0, np.inf], "not_finite", {"position": 2, "value": "inf"}),
    ],
)
def test_normalise_refuses_what_cannot_become_a_distribution(a, code, params):
    with pytest.raises(ProbabilityError) as info:
        normalise(a)
    assert (info.value.code, info.value.params) == (code, params)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_normalise_weights_whose_sum_overflows_without_a_warning(dtype):
    big = np.finfo(dtype).max / 2
    a = np.array([[big, big, 0.0], [big, 1.5 * big, 0.5 * big]], dtype=dtype)
    expected = [[1 / 2, 1 / 2, 0.0], [1 / 3, 1 / 2, 1 / 6]]
    np.testing.assert_allclose(normalise(a), expected, rtol=1e-6)
    assert normalise(a).dtype == dtype


@given(hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(0, 1e300)))
def test_normalised_weights_pass_the_probability_check(w):
    if w.sum() == 0 or not np.isfinite(w.sum()):
        return
    check_probabilities(normalise(w), tol=1e-12)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_normalise_and_measures_keep_the_dtype(dtype):
    a = np.array([1.0, 3.0], dtype=dtype)
    assert normalise(a).dtype == dtype
    p = normalise(a)
    for value in (
        entropy(p),
        perplexity(p),
        kl_divergence(p, p),
        cross_entropy_of_distributions(p, p),
    ):
        assert value.dtype == dtype


# entropy and perplexity


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        ([1.0], 0.0),
        ([1.0, 0.0, 0.0], 0.0),
        ([0.5, 0.5], math.log(2)),
        ([0.25] * 4, math.log(4)),
        (LECTURE, -(3 * 0.1 * math.log(0.1) + 0.2 * math.log(0.2) + 0.5 * math.log(0.5))),
    ],
)
def test_entropy_gives_known_values(p, expected):
    assert entropy(p) == pytest.approx(expected, rel=1e-15, abs=0)


def test_entropy_matches_a_50_digit_oracle():
    p = np.array([1e-300, 1e-20, 0.3, 0.7 - 1e-20])
    with mpmath.workdps(50):
        exact = -sum(mpmath.mpf(v) * mpmath.log(mpmath.mpf(v)) for v in p)
    assert entropy(p) == pytest.approx(float(exact), rel=1e-15)


def test_entropy_of_rows_removes_the_class_axis():
    p = np.array([[0.5, 0.5], [1.0, 0.0], [0.9, 0.1]])
    np.testing.assert_allclose(entropy(p), [math.log(2), 0.0, entropy([0.9, 0.1])])
    np.testing.assert_allclose(entropy(p.T, axis=0), entropy(p))


@given(distributions())
def test_entropy_lies_between_0_and_ln_k(p):
    h = entropy(p)
    assert -1e-15 <= h <= math.log(p.size) + 1e-12


@given(distributions())
def test_perplexity_is_exp_entropy_between_1_and_k(p):
    assert perplexity(p) == pytest.approx(math.exp(entropy(p)), rel=1e-15)
    assert 1 - 1e-12 <= perplexity(p) <= p.size * (1 + 1e-12)


def test_perplexity_of_uniform_over_k_classes_is_k():
    assert perplexity([0.2] * 5) == pytest.approx(5.0, rel=1e-14)


def test_a_negative_entry_gives_nan_entropy_without_warning():
    assert math.isnan(entropy([1.5, -0.5]))


@pytest.mark.parametrize(
    "p",
    [[1e308], np.array([3e38], dtype=np.float32), np.array([6e4, 0.5], dtype=np.float16)],
)
def test_entries_far_above_one_give_minus_inf_entropy_without_an_overflow_warning(p):
    # p ln p passes finfo.max (or float16's 65504 once rounded): -inf, in p's dtype.
    h = entropy(p)
    assert h == -np.inf and h.dtype == np.asarray(p).dtype
    assert perplexity(p) == 0.0


# cross-entropy and KL divergence


@given(pairs())
def test_cross_entropy_is_entropy_plus_kl_divergence(pair):
    q, p = pair
    h_qp = cross_entropy_of_distributions(q, p)
    total = entropy(q) + kl_divergence(q, p)
    if math.isinf(h_qp):
        assert total == math.inf
    else:
        assert h_qp == pytest.approx(total, rel=1e-12, abs=1e-12)


@given(pairs())
def test_kl_divergence_is_never_negative_and_zero_from_itself(pair):
    q, p = pair
    assert kl_divergence(q, p) >= -1e-12
    assert kl_divergence(q, q) == pytest.approx(0.0, abs=1e-15)


def test_kl_divergence_is_not_symmetric():
    q, p = [0.5, 0.5], [0.9, 0.1]
    assert kl_divergence(q, p) == pytest.approx(0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(5))
    assert kl_divergence(p, q) == pytest.approx(0.9 * math.log(1.8) + 0.1 * math.log(0.2))
    assert kl_divergence(q, p) != pytest.approx(kl_divergence(p, q))


@pytest.mark.parametrize(
    ("q", "p", "kl", "h"),
    [
        ([0.0, 1.0], [0.0, 1.0], 0.0, 0.0),  # 0 ln(0/0) = 0
        ([0.0, 1.0], [0.5, 0.5], math.log(2), math.log(2)),
        ([0.5, 0.5], [1.0, 0.0], math.inf, math.inf),  # q > 0 where p = 0
        ([1.0, 0.0], [1.0, 0.0], 0.0, 0.0),
    ],
)
def test_zero_probabilities_follow_the_conventions(q, p, kl, h):
    assert kl_divergence(q, p) == pytest.approx(kl, abs=1e-16)
    assert cross_entropy_of_distributions(q, p) == pytest.approx(h, abs=1e-16)


def test_kl_divergence_stays_accurate_for_nearly_equal_distributions():
    q = np.array([0.5 + 1e-9, 0.5 - 1e-9])
    p = np.array([0.5, 0.5])
    with mpmath.workdps(50):
        exact = sum(
            mpmath.mpf(a) * mpmath.log(mpmath.mpf(a) / mpmath.mpf(b))
            for a, b in zip(q, p, strict=True)
        )
    assert kl_divergence(q, p) == pytest.approx(float(exact), rel=1e-6)


def test_terms_of_inf_and_minus_inf_add_up_to_nan_without_a_warning():
    # not distributions: the measures do not check, and say NaN quietly
    assert math.isnan(kl_divergence([1.0, 1.0], [0.0, np.inf]))
    assert math.isnan(cross_entropy_of_distributions([1.0, -1.0], [0.0, 0.0]))


def test_kl_divergence_survives_a_ratio_that_overflows():
    assert kl_divergence([1.0, 0.0], [1e-320, 1.0]) == pytest.approx(-math.log(1e-320), rel=1e-3)


@given(distributions(), st.data())
def test_cross_entropy_of_a_one_hot_target_is_minus_ln_p_j(p, data):
    j = data.draw(st.integers(0, p.size - 1))
    with np.errstate(divide="ignore"):
        assert cross_entropy_of_distributions(one_hot(j, p.size), p) == -np.log(p[j])


@given(hnp.arrays(np.float64, st.integers(2, 6), elements=st.floats(-20, 20)), st.data())
def test_cross_entropy_of_distributions_matches_the_loss_on_softmax(z, data):
    q = data.draw(distributions(st.just(z.size)))
    expected = cross_entropy(z, q)
    assert cross_entropy_of_distributions(q, softmax(z)) == pytest.approx(expected, rel=1e-9)


def test_measures_refuse_distributions_of_different_lengths():
    with pytest.raises(ValueError, match="same shape"):
        kl_divergence([0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match="same shape"):
        cross_entropy_of_distributions([0.5, 0.5], [1.0])


def test_measures_refuse_a_scalar():
    with pytest.raises(ValueError, match="at least one dimension"):
        entropy(0.5)
