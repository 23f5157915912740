"""Toy data sets: reproducible by seed, the promised shapes and scale, bad arguments refused."""

from __future__ import annotations

import numpy as np
import pytest

from pages.training.datasets import DATASETS, grid_axes, make_dataset


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("k", [2, 3, 5])
def test_every_data_set_has_the_promised_shape_and_scale(name, k):
    X, labels = make_dataset(name, k, 30, 0.2, seed=4)
    assert X.shape == (30 * k, 2) and X.dtype == np.float64
    assert labels.dtype == np.int64
    assert np.bincount(labels).tolist() == [30] * k
    assert np.abs(X).max() == 1.0
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-12)


@pytest.mark.parametrize("name", DATASETS)
def test_the_same_seed_gives_the_same_points(name):
    first = make_dataset(name, 4, 25, 0.3, seed=123)
    again = make_dataset(name, 4, 25, 0.3, seed=123)
    other = make_dataset(name, 4, 25, 0.3, seed=124)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])


def test_blobs_without_noise_are_k_points_on_a_circle():
    X, _ = make_dataset("blobs", 4, 5, noise=0.0)
    centres = np.unique(X.round(12), axis=0)
    assert len(centres) == 4
    radii = np.hypot(centres[:, 0], centres[:, 1])
    np.testing.assert_allclose(radii, radii[0])


def test_rings_are_ordered_by_radius():
    X, labels = make_dataset("rings", 3, 100, noise=0.0)
    radius = np.hypot(X[:, 0], X[:, 1])
    means = [radius[labels == k].mean() for k in range(3)]
    assert means[0] < means[1] < means[2]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"name": "circles"}, "unknown data set"),
        ({"num_classes": 1}, "between 2 and 8"),
        ({"num_classes": 3.5}, "whole number"),
        ({"points_per_class": 0}, "between 1 and 1000"),
        ({"noise": -0.1}, "between 0 and 5"),
        ({"noise": float("nan")}, "between 0 and 5"),
        ({"noise": "lots"}, "must be a number"),
        ({"seed": -1}, "between 0"),
    ],
)
def test_bad_arguments_are_refused(kwargs, fragment):
    args = {"name": "blobs", **kwargs}
    with pytest.raises(ValueError, match=fragment):
        make_dataset(**args)


def test_grid_axes_span_the_points_with_a_margin():
    X, _ = make_dataset("spirals", 3, 40, 0.1, seed=2)
    xs, ys = grid_axes(X, resolution=60, margin=0.1)
    assert len(xs) == len(ys) == 60
    assert xs[0] == pytest.approx(X[:, 0].min() - 0.1)
    assert ys[-1] == pytest.approx(X[:, 1].max() + 0.1)
    with pytest.raises(ValueError, match="N x 2"):
        grid_axes(np.zeros((0, 2)))
