"""explain.py: one example explained, at temperatures and inputs where the dtype runs out."""

from __future__ import annotations

import numpy as np
import pytest

from ce_core import InputError
from pages.playground.model import check_distribution, explain_logits, neg_log_curve, top_classes


def test_a_tiny_temperature_gives_an_infinite_gradient_without_a_warning():
    # (a - y) / T with T = 1e-300: T is 0 in float32, and the gradient is beyond float32.
    p = explain_logits(np.array([0.0, -100.0, 100.0], dtype=np.float32), 1, temperature=1e-300)
    assert p.grad.dtype == np.float32
    np.testing.assert_array_equal(p.grad, [0.0, -np.inf, np.inf])
    assert p.loss == np.inf and p.predicted == 2


def test_a_huge_temperature_gives_a_uniform_distribution_and_a_zero_gradient_in_float16():
    # T = 1e300 is inf in float16: the division used to overflow in the cast.
    p = explain_logits(np.array([0.0, 100.0, -100.0], dtype=np.float16), 0, temperature=1e300)
    assert p.grad.dtype == p.a.dtype == np.float16
    np.testing.assert_array_equal(p.grad, [0.0, 0.0, 0.0])
    np.testing.assert_allclose(p.a.astype(np.float64), [1 / 3] * 3, rtol=1e-3)
    assert p.loss == pytest.approx(np.log(3), rel=1e-3)


@pytest.mark.parametrize("temperature", [1e-45, 1.0, 2.5])
def test_the_gradient_is_a_minus_y_over_t(temperature):
    z = np.array([1.0, 2.0, 0.5])
    p = explain_logits(z, 0, temperature=temperature)
    np.testing.assert_allclose(p.grad, (p.a - [1.0, 0.0, 0.0]) / temperature)


def test_neg_log_curve_reads_a_nan_smallest_as_the_default():
    default = neg_log_curve()
    for p, expected in zip(neg_log_curve(np.nan), default, strict=True):
        np.testing.assert_array_equal(p, expected)
    assert neg_log_curve(0.0)[0][0] == 1e-300 and neg_log_curve(np.inf)[0][0] == 1e-3


def test_top_classes_needs_one_row_of_probabilities():
    np.testing.assert_array_equal(top_classes(np.full(30, 1 / 30), 29, count=2), [0, 1, 29])
    with pytest.raises(ValueError, match=r"list of numbers, got shape \(3, 30\)"):
        top_classes(np.full((3, 30), 1 / 30), 0)


def test_one_probability_is_refused_as_too_few_classes():
    # "1" sums to 1, so it is a distribution, but there is nothing to classify.
    with pytest.raises(InputError) as caught:
        check_distribution([1])
    assert caught.value.code == "too_few_classes" and caught.value.params == {"count": 1}
    np.testing.assert_array_equal(check_distribution([0.25, 0.75]), [0.25, 0.75])
    with pytest.raises(ValueError, match="add up to"):
        check_distribution([0.5, 0.6])
