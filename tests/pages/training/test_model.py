"""Gradient descent on logits and softmax regression: the rule, the limits, the chain rule."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ce_core import cross_entropy, cross_entropy_with_grad, numerical_grad, relative_error, softmax
from pages.training.datasets import make_dataset
from pages.training.model import (
    add_features,
    decision_regions,
    descend_logits,
    predict_classes,
    sample_steps,
    smoothed_target,
    softmax_regression_grad,
    train_softmax_regression,
)

Z0 = [2.0, 1.0, 0.1, -1.0, 3.0]


def test_every_step_follows_the_rule_with_cross_entropy_with_grad():
    run = descend_logits(Z0, 0, learning_rate=0.3, steps=20, label_smoothing=0.1)
    for step in range(20):
        loss, grad = cross_entropy_with_grad(run.z[step], 0, label_smoothing=0.1)
        assert run.loss[step] == loss
        assert run.grad_norm[step] == pytest.approx(np.linalg.norm(grad), rel=1e-15)
        np.testing.assert_array_equal(run.z[step + 1], run.z[step] - 0.3 * grad)
    np.testing.assert_allclose(run.a, softmax(run.z, axis=1), rtol=1e-15)
    assert run.z.shape == (21, 5) and run.loss.shape == (21,)


def test_first_step_by_hand():
    # z = (0, 0, 0), class 0: a = 1/3 each, a - y = (-2/3, 1/3, 1/3); with eta = 3 z becomes
    # (2, -1, -1).
    run = descend_logits([0.0, 0.0, 0.0], 0, learning_rate=3.0, steps=1)
    np.testing.assert_allclose(run.z[1], [2.0, -1.0, -1.0], atol=1e-15)
    assert run.loss[0] == pytest.approx(math.log(3), rel=1e-15)
    assert run.grad_norm[0] == pytest.approx(math.sqrt(6) / 3, rel=1e-15)


@pytest.mark.parametrize("learning_rate", [0.001, 0.1, 1.0, 2.0])
def test_small_learning_rates_lower_the_loss_at_every_step(learning_rate):
    run = descend_logits(Z0, 0, learning_rate, 300)
    assert np.all(np.diff(run.loss) < 0)


def test_without_smoothing_a_j_tends_to_1_but_the_loss_never_reaches_0():
    run = descend_logits(Z0, 0, learning_rate=10.0, steps=500)
    assert run.a[-1, 0] > 0.9999
    assert np.all(run.loss > 0) and np.all(run.grad_norm > 0)
    assert np.all(np.diff(run.a[:, 0]) > 0)
    assert run.min_loss == 0.0
    np.testing.assert_array_equal(run.optimum, [1, 0, 0, 0, 0])
    assert run.first_zero_loss is None


@pytest.mark.parametrize(("eps", "k"), [(0.1, 5), (0.3, 3), (0.5, 4)])
def test_with_smoothing_a_j_stops_at_1_minus_eps_plus_eps_over_k(eps, k):
    run = descend_logits(
        np.linspace(1, -1, k), k - 1, learning_rate=3.0, steps=2000, label_smoothing=eps
    )
    optimum = 1 - eps + eps / k
    assert run.a[-1, k - 1] == pytest.approx(optimum, abs=1e-9)
    assert run.a[-1, 0] == pytest.approx(eps / k, abs=1e-9)
    entropy_of_q = -(optimum * math.log(optimum) + (k - 1) * eps / k * math.log(eps / k))
    assert run.min_loss == pytest.approx(entropy_of_q, rel=1e-12)
    assert run.loss[-1] == pytest.approx(entropy_of_q, rel=1e-9)
    assert run.grad_norm[-1] < 1e-12  # a finite optimum: the gradient really reaches 0


def test_losses_beyond_float64_are_reported():
    run = descend_logits([1000.0, 0.0], 0, learning_rate=1.0, steps=3)
    assert run.first_zero_loss == 0 and run.first_infinite_loss is None
    run = descend_logits([1e308, -1e308], 1, learning_rate=1.0, steps=3)
    assert run.first_infinite_loss == 0 and run.first_zero_loss is None
    assert np.all(np.isfinite(run.z)) and run.grad_norm[-1] == pytest.approx(math.sqrt(2))


def test_smoothed_target_sums_to_one():
    q = smoothed_target(2, 4, 0.2)
    np.testing.assert_allclose(q, [0.05, 0.05, 0.85, 0.05])
    assert q.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        smoothed_target(0, 3, 1.5)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"z0": [1.0]}, "at least 2"),
        ({"z0": [1.0, np.inf]}, "finite"),
        ({"z0": [1.0, np.nan]}, "finite"),
        ({"learning_rate": 0.0}, "greater than 0"),
        ({"learning_rate": np.nan}, "greater than 0"),
        ({"steps": -1}, "between 0"),
        ({"steps": 10**6}, "between 0"),
        ({"steps": 2.5}, "whole number"),
        ({"target": 7}, "out of bounds"),
        ({"label_smoothing": 2.0}, "between 0 and 1"),
    ],
)
def test_descend_logits_refuses_bad_input(kwargs, fragment):
    args = {"z0": Z0, "target": 0, "learning_rate": 1.0, "steps": 5, **kwargs}
    with pytest.raises(ValueError, match=fragment):
        descend_logits(**args)


@given(steps=st.integers(0, 10_000), max_frames=st.integers(2, 100))
@settings(max_examples=200, deadline=None)
def test_sample_steps_keeps_ends_order_and_limit(steps, max_frames):
    frames = sample_steps(steps, max_frames)
    assert frames[0] == 0 and frames[-1] == steps
    assert len(frames) <= max_frames
    assert np.all(np.diff(frames) > 0)
    if steps + 1 <= max_frames:
        assert frames.tolist() == list(range(steps + 1))


def _problem(seed=3, n=12, d=3, k=4):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(n, d)),
        rng.integers(0, k, n),
        rng.normal(size=(d, k)),
        rng.normal(size=k),
    )


def test_w_gradient_equals_numerical_gradient_of_the_mean_loss():
    X, labels, W, b = _problem()
    _, dW, db = softmax_regression_grad(X, labels, W, b)
    numeric_W = numerical_grad(lambda w: float(cross_entropy(X @ w + b, labels)), W)
    numeric_b = numerical_grad(lambda v: float(cross_entropy(X @ W + v, labels)), b)
    assert relative_error(dW, numeric_W) < 1e-9
    assert relative_error(db, numeric_b) < 1e-9


def test_w_gradient_is_x_transpose_a_minus_y_over_n():
    X, labels, W, b = _problem()
    loss, dW, db = softmax_regression_grad(X, labels, W, b)
    Z = X @ W + b
    A = np.exp(Z - Z.max(axis=1, keepdims=True))
    A /= A.sum(axis=1, keepdims=True)
    Y = np.eye(4)[labels]
    np.testing.assert_allclose(dW, X.T @ (A - Y) / len(X), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(db, (A - Y).mean(axis=0), rtol=1e-12, atol=1e-15)
    assert loss == pytest.approx(-np.mean(np.log(A[np.arange(len(X)), labels])), rel=1e-12)


def test_shapes_that_do_not_fit_are_refused():
    X, labels, W, b = _problem()
    with pytest.raises(ValueError, match="do not fit"):
        softmax_regression_grad(X, labels, W.T, b)


def test_training_starts_at_ln_k_and_separates_blobs():
    X, labels = make_dataset("blobs", 4, 50, 0.2, seed=7)
    run = train_softmax_regression(X, labels, 4, learning_rate=1.0, steps=300)
    assert run.loss[0] == pytest.approx(math.log(4), rel=1e-12)
    assert run.accuracy[0] == pytest.approx(0.25)  # W = 0: every point gets class 0
    assert run.accuracy[-1] > 0.9
    assert np.all(np.diff(run.loss) < 0)


def test_kept_weights_are_those_of_their_steps():
    X, labels = make_dataset("moons", 3, 20, 0.1, seed=1)
    run = train_softmax_regression(X, labels, 3, learning_rate=0.5, steps=30, max_frames=4)
    assert run.frames.tolist() == [0, 10, 20, 30]
    W, b = np.zeros((2, 3)), np.zeros(3)
    for step in range(31):
        if step in run.frames:
            frame = run.frames.tolist().index(step)
            np.testing.assert_array_equal(run.W[frame], W)
            np.testing.assert_array_equal(run.b[frame], b)
            assert run.loss[step] == pytest.approx(float(cross_entropy(X @ W + b, labels)))
        _, dW, db = softmax_regression_grad(X, labels, W, b)
        W, b = W - 0.5 * dW, b - 0.5 * db


def test_quadratic_features_separate_rings():
    X, labels = make_dataset("rings", 3, 60, 0.1, seed=0)
    linear = train_softmax_regression(add_features(X), labels, 3, 10.0, 500)
    quadratic = train_softmax_regression(add_features(X, quadratic=True), labels, 3, 10.0, 500)
    assert linear.accuracy[-1] < 0.6 < 0.95 < quadratic.accuracy[-1]


def test_add_features_and_predictions():
    np.testing.assert_array_equal(add_features([[2.0, -3.0]], True), [[2, -3, 4, 9, -6]])
    np.testing.assert_array_equal(add_features([[2.0, -3.0]]), [[2, -3]])
    with pytest.raises(ValueError, match="N x 2"):
        add_features([1.0, 2.0])
    W = np.array([[1.0, -1.0, 0.0], [0.0, 0.0, 1.0]])
    assert predict_classes([[1.0, 0.0], [-1.0, 0.0], [0.0, 5.0]], W, np.zeros(3)).tolist() == [
        0,
        1,
        2,
    ]


def test_decision_regions_rows_are_y_and_columns_are_x():
    W = np.array([[0.0, 0.0], [1.0, -1.0]])  # class 0 above y = 0, class 1 below
    regions = decision_regions([-1.0, 0.0, 1.0], [-1.0, 1.0], W, np.zeros(2))
    assert regions.tolist() == [[1, 1, 1], [0, 0, 0]]
    quadratic_W = np.zeros((5, 2))
    quadratic_W[2, 0] = quadratic_W[3, 0] = -1.0  # class 0 wins only where x^2 + y^2 < 0.5
    quadratic_b = np.array([0.5, 0.0])
    regions = decision_regions([-1.0, 0.0, 1.0], [0.0], quadratic_W, quadratic_b, quadratic=True)
    assert regions.tolist() == [[1, 0, 1]]
