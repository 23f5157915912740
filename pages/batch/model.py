r"""A batch as PyTorch's ``F.cross_entropy`` sees it: targets, the mean's denominator, smoothing.

With per-row losses :math:`\ell_n` (already multiplied by the weight of the row's class,
:math:`w_{y_n}`), ``reduction="mean"`` is not always "divide by N":

.. math:: L = \frac{\sum_{n \notin I} w_{y_n} \ell_n}{\sum_{n \notin I} w_{y_n}}
          \quad \text{(class targets, } I \text{ the ignored rows)}, \qquad
          L = \frac{1}{N} \sum_n \ell_n \quad \text{(probability targets, weights or not).}

Without weights the first denominator is the number of rows not ignored; when every row is
ignored it is 0 and the mean is :math:`0/0 = \mathrm{NaN}`. This module also gives the target
distribution that label smoothing makes, and the "double softmax" mistake: softmax outputs fed to
cross-entropy as if they were logits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import InputError, cross_entropy_with_grad, one_hot, softmax


def class_targets(labels: ArrayLike, ignore_index: int = -100) -> np.ndarray:
    """Return PyTorch's class indices (int64, from 0) for labels counting from 1, NaN ignored.

    A label ``j`` becomes ``j - 1``; a NaN label (an empty cell) becomes ``ignore_index``.

    Examples
    --------
    >>> class_targets([1, 3, np.nan])
    array([   0,    2, -100])
    """
    y = np.asarray(labels, dtype=np.float64)
    blank = np.isnan(y)
    return np.where(blank, ignore_index, np.where(blank, 0, y) - 1).astype(np.int64)


@dataclass(frozen=True)
class Denominator:
    """What ``reduction="mean"`` divides the sum of the row losses by, and why."""

    value: float  #: the denominator itself
    kind: str  #: "rows" (probability targets: N), "count" (rows kept) or "weights"
    kept: np.ndarray  #: (N,) bool, the rows that count
    terms: np.ndarray  #: one term per kept row: its class's weight (1 without weights)


def mean_denominator(
    target: ArrayLike,
    num_classes: int,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
) -> Denominator:
    r"""Return the denominator of PyTorch's mean: N, the rows kept, or their weights' sum.

    Parameters
    ----------
    target : array_like, shape (N,) or (N, K)
        Class indices counting from 0 (``ignore_index`` for ignored rows), or probabilities.
    num_classes : int
        K; probability targets are recognised by their shape (N, K).
    weight : array_like, shape (K,), optional
        The class weights.
    ignore_index : int
        The index of ignored rows (class targets only).

    Notes
    -----
    For class targets the denominator is :math:`\sum_{n \notin I} w_{y_n}` (the count of rows
    kept when there are no weights), summed in the same order as :func:`cross_entropy` does, so
    ``sum / value`` is its mean exactly. For probability targets it is N, even with weights.

    Examples
    --------
    >>> mean_denominator([0, 2, -100], 3, weight=[1.0, 2.0, 5.0]).value  # 1 + 5, not 3
    6.0
    >>> mean_denominator([-100, -100], 3).value  # every row ignored: the mean is 0 / 0
    0.0
    >>> mean_denominator([[0.5, 0.5, 0.0]], 3, weight=[1.0, 2.0, 5.0]).value
    1.0
    """
    t = np.asarray(target)
    n = t.shape[0] if t.ndim else 1
    if t.ndim == 2 and t.shape[1] == num_classes:
        ones = np.ones(n)
        return Denominator(float(n), "rows", np.ones(n, dtype=bool), ones)
    t = t.reshape(n).astype(np.int64)
    kept = t != ignore_index
    if weight is None:
        return Denominator(float(np.count_nonzero(kept)), "count", kept, np.ones(int(kept.sum())))
    terms = np.asarray(weight, dtype=np.float64)[t[kept]]
    return Denominator(float(np.sum(terms, dtype=np.float64)), "weights", kept, terms)


def target_distribution(
    target: ArrayLike,
    num_classes: int,
    *,
    label_smoothing: float = 0.0,
    ignore_index: int = -100,
) -> np.ndarray:
    r"""Return each row's target distribution :math:`(1 - \varepsilon)\, y + \varepsilon / K`.

    ``y`` is the one-hot row of a class index, or the row of probability targets (shape
    (N, K)). Ignored rows are NaN: they have no target. Without weights each row's loss is the
    cross-entropy :math:`H(t, \mathrm{softmax}(z))` of this distribution.

    Examples
    --------
    >>> target_distribution([2, -100], 4, label_smoothing=0.2)
    array([[0.05, 0.05, 0.85, 0.05],
           [ nan,  nan,  nan,  nan]])
    """
    t = np.asarray(target)
    if t.ndim == 2 and t.shape[1] == num_classes:
        y = t.astype(np.float64)
    else:
        t = t.reshape(-1).astype(np.int64)
        ignored = t == ignore_index
        y = one_hot(np.where(ignored, 0, t), num_classes)
        y[ignored] = np.nan
    eps = float(label_smoothing)
    return y * (1 - eps) + eps / num_classes if eps else y


def double_softmax_with_grad(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> tuple[np.floating | np.ndarray, np.ndarray]:
    r"""Return ``(loss, grad)`` of the mistake ``F.cross_entropy(softmax(z), target)``.

    Cross-entropy applies softmax itself, so feeding it probabilities
    :math:`a = \mathrm{softmax}(z)` computes :math:`-\ln \mathrm{softmax}(a)_j`. Its gradient
    with respect to the real logits goes through both softmaxes: with
    :math:`g = \partial L / \partial a` (from :func:`cross_entropy_with_grad`),
    :math:`\partial L / \partial z = a \odot (g - (a \cdot g))`.
    Same options as :func:`cross_entropy`.

    Examples
    --------
    >>> loss, grad = double_softmax_with_grad([[10.0, 0.0, 0.0]], [0])
    >>> round(float(loss), 4), grad.round(5)  # far from 0, and almost no gradient
    (0.5515, array([[-6.e-05,  3.e-05,  3.e-05]]))
    """
    options = {
        "weight": weight,
        "ignore_index": ignore_index,
        "reduction": reduction,
        "label_smoothing": label_smoothing,
    }
    a = softmax(logits, axis=-1)
    loss, g = cross_entropy_with_grad(a, target, **options)
    with np.errstate(invalid="ignore"):
        grad = a * (g - np.sum(a * g, axis=-1, keepdims=True))
    return loss, grad


def double_softmax_loss_range(num_classes: int) -> tuple[float, float]:
    r"""Return the smallest and largest loss of one row under the double-softmax mistake.

    Since :math:`a` lies in :math:`[0, 1]`, the row loss :math:`\ln \sum_k e^{a_k} - a_j` stays
    between :math:`\ln(e + K - 1) - 1` (:math:`a` one-hot on the true class) and
    :math:`\ln(e + K - 1)` (one-hot on another class): a window one nat wide, whatever the
    logits (without weights or label smoothing).

    Examples
    --------
    >>> [round(v, 4) for v in double_softmax_loss_range(3)]
    [0.5514, 1.5514]
    """
    k = int(num_classes)
    if k < 2:
        raise ValueError(f"need at least 2 classes, got {k}")
    high = math.log(math.e + k - 1)
    return high - 1.0, high


def gradient_norms(grad: ArrayLike) -> np.ndarray:
    r"""Return the length :math:`\lVert \partial L / \partial z_n \rVert_2` of each row's gradient.

    Examples
    --------
    >>> gradient_norms([[3.0, -4.0], [0.0, 0.0]])
    array([5., 0.])
    """
    g = np.asarray(grad, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.linalg.norm(g, axis=-1)


def check_class_weights(weight: ArrayLike, num_classes: int) -> np.ndarray:
    """Return ``weight`` as K float64 class weights, or raise InputError saying what is wrong.

    One finite, non-negative number per class (codes ``class_weight_count``,
    ``class_weight_not_finite``, ``class_weight_negative``, with ``position`` counting from 1).

    Examples
    --------
    >>> check_class_weights([1, 2, 5], 3)
    array([1., 2., 5.])
    """
    w = np.asarray(weight, dtype=np.float64).reshape(-1)
    if w.size != num_classes:
        raise InputError("class_weight_count", count=w.size, k=num_classes)
    for code, bad in (
        ("class_weight_not_finite", ~np.isfinite(w)),
        ("class_weight_negative", w < 0),
    ):
        if bad.any():
            position = int(np.flatnonzero(bad)[0])
            raise InputError(code, position=position + 1, value=f"{w[position]:g}")
    return w
