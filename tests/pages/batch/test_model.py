"""A batch as PyTorch sees it: targets, the mean's denominator, smoothing, the double softmax."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ce_core import (
    InputError,
    cross_entropy,
    cross_entropy_of_distributions,
    cross_entropy_with_grad,
    entropy,
    kl_divergence,
    numerical_grad,
    softmax,
)
from pages.batch.model import (
    check_class_weights,
    class_targets,
    double_softmax_loss_range,
    double_softmax_with_grad,
    gradient_norms,
    mean_denominator,
    target_distribution,
)

RNG = np.random.default_rng(2024)
Z = RNG.normal(size=(6, 4)) * 2
TARGET = np.array([0, 3, -100, 2, 2, -100])
W = np.array([0.5, 1.0, 2.0, 4.0])


def test_labels_from_one_become_indices_from_zero_and_blanks_ignore_index():
    assert class_targets([1, 4, math.nan, 2], ignore_index=-1).tolist() == [0, 3, -1, 1]


@pytest.mark.parametrize("weight", [None, W])
def test_sum_divided_by_the_denominator_is_the_mean(weight):
    d = mean_denominator(TARGET, 4, weight=weight)
    total = cross_entropy(Z, TARGET, weight=weight, reduction="sum")
    assert cross_entropy(Z, TARGET, weight=weight) == total / d.value
    assert d.kept.tolist() == [True, True, False, True, True, False]


def test_weighted_denominator_is_the_weights_of_the_kept_targets_not_n():
    d = mean_denominator(TARGET, 4, weight=W)
    assert (d.kind, d.value) == ("weights", 0.5 + 4.0 + 2.0 + 2.0)
    assert d.terms.tolist() == [0.5, 4.0, 2.0, 2.0]
    count = mean_denominator(TARGET, 4)
    assert (count.kind, count.value, count.terms.tolist()) == ("count", 4.0, [1.0] * 4)


def test_every_row_ignored_gives_denominator_zero_and_a_nan_mean():
    target = [-100] * 3
    assert mean_denominator(target, 4, weight=W).value == 0.0
    assert math.isnan(cross_entropy(Z[:3], target, weight=W))
    assert cross_entropy(Z[:3], target, reduction="sum") == 0.0


def test_probability_targets_divide_by_n_even_with_weights():
    q = softmax(RNG.normal(size=(6, 4)), axis=1)
    d = mean_denominator(q, 4, weight=W)
    assert (d.kind, d.value) == ("rows", 6.0)
    total = cross_entropy(Z, q, weight=W, reduction="sum")
    assert cross_entropy(Z, q, weight=W) == pytest.approx(total / 6, rel=1e-15)


def test_ignore_index_may_be_a_real_class():
    target = np.array([0, 1, 0, 2])
    d = mean_denominator(target, 3, ignore_index=0)
    assert d.kept.tolist() == [False, True, False, True] and d.value == 2.0


@pytest.mark.parametrize("eps", [0.0, 0.1, 1.0])
def test_target_distribution_sums_to_one_and_gives_the_row_loss(eps):
    t = target_distribution(TARGET, 4, label_smoothing=eps)
    kept = TARGET != -100
    assert np.isnan(t[~kept]).all()
    assert np.allclose(t[kept].sum(axis=1), 1.0, rtol=0, atol=1e-15)
    rows = cross_entropy(Z, TARGET, label_smoothing=eps, reduction="none")
    a = softmax(Z, axis=1)
    h_ta = cross_entropy_of_distributions(t[kept], a[kept])
    assert h_ta == pytest.approx(rows[kept], rel=1e-12)
    assert entropy(t[kept]) + kl_divergence(t[kept], a[kept]) == pytest.approx(h_ta, rel=1e-12)


def test_target_distribution_of_probabilities_is_smoothed_too():
    q = np.array([[1.0, 0.0], [0.25, 0.75]])
    assert target_distribution(q, 2, label_smoothing=0.5).tolist() == [
        [0.75, 0.25],
        [0.375, 0.625],
    ]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"reduction": "sum"},
        {"reduction": "none"},
        {"weight": W, "label_smoothing": 0.2},
    ],
)
def test_double_softmax_is_cross_entropy_of_the_softmax_with_the_chain_rule(options):
    loss, grad = double_softmax_with_grad(Z, TARGET, **options)
    a = softmax(Z, axis=1)
    expected = cross_entropy(a, TARGET, **options)
    assert np.allclose(loss, expected, rtol=1e-14, equal_nan=True)

    def total(z):
        return float(np.sum(cross_entropy(softmax(z, axis=1), TARGET, **options)))

    assert grad == pytest.approx(numerical_grad(total, Z), abs=1e-7)


def test_double_softmax_loss_stays_in_its_one_nat_window():
    low, high = double_softmax_loss_range(4)
    assert (low, high) == (math.log(math.e + 3) - 1, math.log(math.e + 3))
    z = RNG.normal(size=(500, 4)) * 30
    target = RNG.integers(0, 4, size=500)
    rows, _ = double_softmax_with_grad(z, target, reduction="none")
    assert np.all((rows >= low - 1e-12) & (rows <= high + 1e-12))
    best, _ = double_softmax_with_grad([[800.0, 0, 0, 0]], [0], reduction="none")
    worst, _ = double_softmax_with_grad([[800.0, 0, 0, 0]], [1], reduction="none")
    assert best[0] == pytest.approx(low, rel=1e-15) and worst[0] == pytest.approx(high, rel=1e-15)
    with pytest.raises(ValueError):
        double_softmax_loss_range(1)


def test_double_softmax_flattens_the_gradient():
    _, right = cross_entropy_with_grad(Z, TARGET)
    _, wrong = double_softmax_with_grad(Z, TARGET)
    assert gradient_norms(wrong).max() < gradient_norms(right).max()


def test_gradient_norms_are_row_lengths():
    assert gradient_norms([[3.0, -4.0], [0.0, 0.0]]).tolist() == [5.0, 0.0]


def test_class_weights_are_checked():
    assert check_class_weights([1, 2], 2).tolist() == [1.0, 2.0]
    for weight, code, position in (
        ([1.0], "class_weight_count", None),
        ([1.0, -2.0], "class_weight_negative", 2),
        ([math.nan, 1.0], "class_weight_not_finite", 1),
    ):
        with pytest.raises(InputError) as info:
            check_class_weights(weight, 2)
        assert info.value.code == code
        assert info.value.params.get("position") == position


def test_double_softmax_matches_pytorch():
    torch = pytest.importorskip("torch")
    options = {"weight": W, "label_smoothing": 0.1, "reduction": "mean"}
    loss, grad = double_softmax_with_grad(Z, TARGET, **options)
    z = torch.tensor(Z, requires_grad=True)
    expected = torch.nn.functional.cross_entropy(
        torch.softmax(z, dim=1),
        torch.tensor(TARGET),
        weight=torch.tensor(W),
        label_smoothing=0.1,
    )
    expected.backward()
    assert float(loss) == pytest.approx(expected.item(), rel=1e-13)
    assert grad == pytest.approx(z.grad.numpy(), rel=1e-11, abs=1e-16)
