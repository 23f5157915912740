r"""Seeded two-dimensional toy data sets for training a classifier: blobs, moons, rings, spirals.

Every set holds ``points_per_class`` points of each of ``num_classes`` classes, with Gaussian
jitter of standard deviation ``noise`` (in the units of the drawing, where neighbouring blobs,
rings or moons are about 1 apart), then is centred and scaled so that every coordinate lies in
:math:`[-1, 1]`. The same arguments always give the same points (NumPy's PCG64 generator seeded
with ``seed``).

- ``blobs``: one round cloud per class, the centres evenly spaced on a circle. Linearly separable.
- ``moons``: interleaved half circles, alternately opening down and up (scikit-learn's
  ``make_moons`` for more than two classes). Straight lines get most points right, not all.
- ``rings``: concentric rings, one per class. Not separable by straight lines, but by the radius:
  with the features :math:`x^2` and :math:`y^2` a linear model separates them.
- ``spirals``: arms winding around the centre (as in CS231n). No linear model separates them.
"""

from __future__ import annotations

import numpy as np

DATASETS = ("blobs", "moons", "rings", "spirals")
MAX_CLASSES = 8
MAX_POINTS_PER_CLASS = 1000


def _check_count(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)


def _blobs(rng: np.random.Generator, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    angles = np.pi / 2 + 2 * np.pi * np.arange(k) / k
    centres = 1.5 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    labels = np.repeat(np.arange(k), n)
    return centres[labels], labels


def _moons(rng: np.random.Generator, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    labels = np.repeat(np.arange(k), n)
    angle = rng.uniform(0, np.pi, size=k * n)
    up = labels % 2 == 0
    x = labels + np.where(up, np.cos(angle), -np.cos(angle))
    y = np.where(up, np.sin(angle), 0.5 - np.sin(angle))
    return np.stack([x, y], axis=1), labels


def _rings(rng: np.random.Generator, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    labels = np.repeat(np.arange(k), n)
    angle = rng.uniform(0, 2 * np.pi, size=k * n)
    radius = labels + 1.0
    return np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1), labels


def _spirals(rng: np.random.Generator, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    labels = np.repeat(np.arange(k), n)
    t = np.tile(np.linspace(0.15, 1.0, n), k)
    angle = 2.5 * np.pi * t + 2 * np.pi * labels / k  # 1.25 turns
    radius = 3.0 * t
    return np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1), labels


_MAKERS = {"blobs": _blobs, "moons": _moons, "rings": _rings, "spirals": _spirals}


def make_dataset(
    name: str,
    num_classes: int = 3,
    points_per_class: int = 60,
    noise: float = 0.1,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Return a toy data set ``(X, labels)``: points of shape ``(N, 2)`` and classes ``(N,)``.

    Parameters
    ----------
    name : {"blobs", "moons", "rings", "spirals"}
        The shape (see the module's docstring).
    num_classes : int
        K, between 2 and 8. ``labels`` holds 0 .. K-1, each ``points_per_class`` times, in order.
    points_per_class : int
        Between 1 and 1000, so :math:`N = K \cdot` ``points_per_class``.
    noise : float
        Standard deviation of the Gaussian jitter added to every coordinate before scaling, at
        least 0 and at most 5.
    seed : int
        A whole number :math:`\ge 0`: the same seed gives the same points.

    Returns
    -------
    ``X`` (float64, centred, every coordinate in :math:`[-1, 1]` and the largest :math:`|x|` or
    :math:`|y|` exactly 1) and ``labels`` (int64).

    Examples
    --------
    >>> X, labels = make_dataset("blobs", num_classes=3, points_per_class=4, seed=1)
    >>> X.shape, labels.tolist()
    ((12, 2), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    >>> float(np.abs(X).max())
    1.0
    >>> bool(np.array_equal(X, make_dataset("blobs", 3, 4, seed=1)[0]))
    True
    """
    if name not in _MAKERS:
        raise ValueError(f"unknown data set {name!r}: choose one of {', '.join(DATASETS)}")
    k = _check_count(num_classes, "num_classes", 2, MAX_CLASSES)
    n = _check_count(points_per_class, "points_per_class", 1, MAX_POINTS_PER_CLASS)
    seed = _check_count(seed, "seed", 0, 2**63 - 1)
    try:
        sigma = float(noise)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"noise must be a number, got {noise!r}") from exc
    if not 0 <= sigma <= 5:
        raise ValueError(f"noise must be between 0 and 5, got {sigma}")
    rng = np.random.default_rng(seed)
    X, labels = _MAKERS[name](rng, k, n)
    X = X + rng.normal(0.0, sigma, size=X.shape)
    X = X - X.mean(axis=0)
    scale = np.abs(X).max()
    if scale > 0:  # one point with no noise sits at the origin
        X = X / scale
    return X, labels.astype(np.int64)


def grid_axes(
    X: np.ndarray, resolution: int = 60, margin: float = 0.1
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(xs, ys)``: ``resolution`` evenly spaced values spanning the points plus a margin.

    For drawing a classifier's decision regions behind the points ``X`` of shape ``(N, 2)``.

    Examples
    --------
    >>> xs, ys = grid_axes(np.array([[-1.0, 0.0], [1.0, 0.5]]), resolution=3, margin=0.1)
    >>> xs.tolist(), ys.tolist()
    ([-1.1, 0.0, 1.1], [-0.1, 0.25, 0.6])
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] == 0:
        raise ValueError(f"points must be an N x 2 table with N >= 1, got shape {X.shape}")
    resolution = _check_count(resolution, "resolution", 2, 1000)
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    return np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
