r"""Gradient descent with the cross-entropy loss: on the logits themselves, and softmax regression.

On the logits of one example, each step is :math:`z \leftarrow z - \eta\,(a - q)` with
:math:`a = \mathrm{softmax}(z)` and the target :math:`q = (1 - \varepsilon)\,y + \varepsilon / K`
(:math:`\varepsilon` the label smoothing). The loss :math:`-\sum_k q_k \ln a_k` is smallest at
:math:`a = q`, where it equals the entropy :math:`H(q)`. Without smoothing :math:`q` is one-hot,
which no finite logits reach: the loss and the gradient only tend to 0.

Softmax regression on points :math:`X` (N x D) with classes :math:`y`: :math:`Z = XW + b`,
:math:`L = \frac1N \sum_n \ell(Z_n, y_n)`, and by the chain rule

.. math:: \frac{\partial L}{\partial W} = X^\top G, \quad \frac{\partial L}{\partial b}
          = \sum_n G_n, \qquad G = \frac{\partial L}{\partial Z} = \frac{A - Y}{N}.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import class_indices, cross_entropy_with_grad, entropy, one_hot, softmax, whole_number

MAX_STEPS = 10_000


def _check_learning_rate(learning_rate: float) -> float:
    try:
        eta = float(learning_rate)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the learning rate must be a number, got {learning_rate!r}") from exc
    if not (np.isfinite(eta) and eta > 0):
        raise ValueError(f"the learning rate must be finite and greater than 0, got {eta}")
    return eta


def _check_steps(steps: int) -> int:
    steps = whole_number(steps, "steps")
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be between 0 and {MAX_STEPS}, got {steps}")
    return steps


def smoothed_target(target: int, num_classes: int, label_smoothing: float = 0.0) -> np.ndarray:
    r"""Return :math:`q = (1 - \varepsilon)\, y + \varepsilon / K`, what label smoothing aims at.

    Examples
    --------
    >>> smoothed_target(0, 4, 0.2)
    array([0.85, 0.05, 0.05, 0.05])
    """
    eps = float(label_smoothing)
    if not 0 <= eps <= 1:
        raise ValueError(f"label_smoothing must be between 0 and 1, got {eps}")
    return (1 - eps) * one_hot(target, num_classes) + eps / num_classes


@dataclass(frozen=True)
class LogitDescent:
    """Gradient descent on one example's logits: every step's state, step 0 the start."""

    z: np.ndarray  #: (S+1, K) the logits before step 1, after step 1, …
    a: np.ndarray  #: (S+1, K) their softmax
    loss: np.ndarray  #: (S+1,) the (smoothed) cross-entropy at each z
    grad_norm: np.ndarray  #: (S+1,) the Euclidean norm of dL/dz = a - q at each z
    target: int  #: the true class j, counting from 0
    learning_rate: float
    label_smoothing: float

    @property
    def optimum(self) -> np.ndarray:
        """Return the distribution the descent tends to: the (smoothed) target q."""
        return smoothed_target(self.target, self.z.shape[1], self.label_smoothing)

    @property
    def min_loss(self) -> float:
        """Return the lowest loss possible, H(q): 0 without smoothing, reached only in the limit."""
        return float(entropy(self.optimum))

    @property
    def first_zero_loss(self) -> int | None:
        """Return the first step whose loss is below float64's range and stored as 0, or None."""
        zeros = np.flatnonzero(self.loss == 0)
        return int(zeros[0]) if zeros.size else None

    @property
    def first_infinite_loss(self) -> int | None:
        """Return the first step whose loss is beyond float64's largest number (inf), or None."""
        infinite = np.flatnonzero(np.isinf(self.loss))
        return int(infinite[0]) if infinite.size else None


def descend_logits(
    z0: ArrayLike,
    target: int,
    learning_rate: float,
    steps: int,
    label_smoothing: float = 0.0,
) -> LogitDescent:
    r"""Return ``steps`` steps of gradient descent :math:`z \leftarrow z - \eta\,(a - q)`.

    Every loss and gradient comes from :func:`cross_entropy_with_grad` (with
    ``label_smoothing``), so :math:`\partial L/\partial z = a - q`.

    Parameters
    ----------
    z0 : array_like, shape (K,)
        Finite initial logits, K >= 2.
    target : int
        The true class, ``0 .. K-1``.
    learning_rate : float
        :math:`\eta > 0`.
    steps : int
        Between 0 and 10,000.
    label_smoothing : float
        :math:`\varepsilon` in :math:`[0, 1]`.

    Examples
    --------
    >>> run = descend_logits([0.0, 0.0], 0, learning_rate=1.0, steps=2)
    >>> run.z.round(4).tolist()  # a - y = (-0.5, 0.5) at the start
    [[0.0, 0.0], [0.5, -0.5], [0.7689, -0.7689]]
    >>> bool(np.all(np.diff(run.loss) < 0)), float(run.loss[0])  # starts at ln 2
    (True, 0.6931471805599453)
    """
    z = np.asarray(z0, dtype=np.float64)
    if z.ndim != 1 or z.size < 2:
        raise ValueError(f"need a list of at least 2 logits, got shape {z.shape}")
    if not np.all(np.isfinite(z)):
        raise ValueError("every initial logit must be a finite number")
    eta = _check_learning_rate(learning_rate)
    steps = _check_steps(steps)
    eps = float(label_smoothing)
    target = whole_number(target, "true class")
    zs = np.empty((steps + 1, z.size))
    grads = np.empty_like(zs)
    losses = np.empty(steps + 1)
    for step in range(steps + 1):
        loss, grad = cross_entropy_with_grad(z, target, label_smoothing=eps)
        zs[step], grads[step], losses[step] = z, grad, loss
        z = z - eta * grad
    return LogitDescent(
        zs, softmax(zs, axis=1), losses, np.linalg.norm(grads, axis=1), target, eta, eps
    )


def sample_steps(steps: int, max_frames: int) -> np.ndarray:
    """Return at most ``max_frames`` evenly spread steps of ``0 .. steps``, first and last included.

    Examples
    --------
    >>> sample_steps(500, 6).tolist()
    [0, 100, 200, 300, 400, 500]
    >>> sample_steps(3, 60).tolist()
    [0, 1, 2, 3]
    """
    steps = _check_steps(steps)
    max_frames = whole_number(max_frames, "max_frames")
    if max_frames < 2:
        raise ValueError(f"max_frames must be at least 2, got {max_frames}")
    return np.unique(np.round(np.linspace(0, steps, min(steps + 1, max_frames))).astype(np.int64))


def add_features(X: ArrayLike, quadratic: bool = False) -> np.ndarray:
    r"""Return the model's inputs: the points :math:`(x, y)`, or :math:`(x, y, x^2, y^2, xy)`.

    Examples
    --------
    >>> add_features([[2.0, 3.0]], quadratic=True)
    array([[2., 3., 4., 9., 6.]])
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"points must be an N x 2 table, got shape {X.shape}")
    if not quadratic:
        return X
    x, y = X[:, 0], X[:, 1]
    return np.column_stack([x, y, x * x, y * y, x * y])


def softmax_regression_grad(
    X: ArrayLike, labels: ArrayLike, W: ArrayLike, b: ArrayLike
) -> tuple[float, np.ndarray, np.ndarray]:
    r"""Return ``(L, dL/dW, dL/db)`` for the mean cross-entropy of :math:`Z = XW + b`.

    ``X`` is (N, D), ``labels`` (N,) classes ``0 .. K-1``, ``W`` (D, K), ``b`` (K,).
    :math:`G = \partial L / \partial Z = (A - Y)/N` comes from :func:`cross_entropy_with_grad`
    (``reduction="mean"``); then :math:`\partial L/\partial W = X^\top G` and
    :math:`\partial L/\partial b = \sum_n G_n`.

    Examples
    --------
    >>> loss, dW, db = softmax_regression_grad([[1.0, 0.0], [0.0, 1.0]], [0, 1],
    ...                                         np.zeros((2, 2)), np.zeros(2))
    >>> round(loss, 6), dW.tolist(), db.tolist()  # ln 2; (A - Y)/N with A = 1/2 everywhere
    (0.693147, [[-0.25, 0.25], [0.25, -0.25]], [0.0, 0.0])
    """
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError(f"shapes do not fit Z = XW + b: X {X.shape}, W {W.shape}, b {b.shape}")
    loss, G = cross_entropy_with_grad(X @ W + b, labels, reduction="mean")
    return float(loss), X.T @ G, G.sum(axis=0)


@dataclass(frozen=True)
class RegressionRun:
    """Full-batch gradient descent of softmax regression: curves per step, weights per frame."""

    loss: np.ndarray  #: (S+1,) the mean loss before step 1, after step 1, …
    accuracy: np.ndarray  #: (S+1,) the share of points whose argmax is their class
    frames: np.ndarray  #: (F,) the steps whose weights were kept
    W: np.ndarray  #: (F, D, K) the weights at those steps
    b: np.ndarray  #: (F, K) the biases at those steps


def train_softmax_regression(
    X: ArrayLike,
    labels: ArrayLike,
    num_classes: int,
    learning_rate: float,
    steps: int,
    max_frames: int = 40,
) -> RegressionRun:
    r"""Return the run of ``steps`` steps :math:`W \leftarrow W - \eta\, X^\top (A - Y)/N` from 0.

    Starts from :math:`W = 0, b = 0` (every class equally likely: the loss is :math:`\ln K`), a
    fine start since the loss is convex in :math:`(W, b)`. The gradient is
    :func:`softmax_regression_grad`'s. Weights are kept at :func:`sample_steps` ``(steps,
    max_frames)`` for drawing.

    Examples
    --------
    >>> X = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    >>> run = train_softmax_regression(X, [0, 1, 2], 3, learning_rate=1.0, steps=50)
    >>> round(float(run.loss[0]), 6), float(run.accuracy[-1]), run.frames[-1].item()
    (1.098612, 1.0, 50)
    """
    X = np.asarray(X, dtype=np.float64)
    labels = class_indices(labels, "labels")
    k = whole_number(num_classes, "num_classes")
    eta = _check_learning_rate(learning_rate)
    frames = sample_steps(steps, max_frames)
    steps = int(frames[-1])
    W, b = np.zeros((X.shape[1], k)), np.zeros(k)
    losses, accuracy = np.empty(steps + 1), np.empty(steps + 1)
    kept_W, kept_b = np.empty((frames.size, *W.shape)), np.empty((frames.size, k))
    frame = 0
    for step in range(steps + 1):
        loss, dW, db = softmax_regression_grad(X, labels, W, b)
        losses[step] = loss
        accuracy[step] = np.mean(predict_classes(X, W, b) == labels)
        if step == frames[frame]:
            kept_W[frame], kept_b[frame] = W, b
            frame += 1
        W, b = W - eta * dW, b - eta * db
    return RegressionRun(losses, accuracy, frames, kept_W, kept_b)


def predict_classes(X: ArrayLike, W: ArrayLike, b: ArrayLike) -> np.ndarray:
    """Return the predicted class of each row of ``X``: the argmax of :math:`XW + b` (ties: lowest).

    Examples
    --------
    >>> predict_classes([[1.0], [-1.0]], [[1.0, -1.0]], [0.0, 0.0]).tolist()
    [0, 1]
    """
    return np.argmax(np.asarray(X, dtype=np.float64) @ np.asarray(W) + np.asarray(b), axis=1)


def decision_regions(
    xs: ArrayLike, ys: ArrayLike, W: ArrayLike, b: ArrayLike, quadratic: bool = False
) -> np.ndarray:
    """Return the predicted class at every grid point, shape ``(len(ys), len(xs))`` (rows are y).

    Examples
    --------
    >>> decision_regions([-1.0, 1.0], [0.0], [[1.0, -1.0], [0.0, 0.0]], [0.0, 0.0]).tolist()
    [[1, 0]]
    """
    gx, gy = np.meshgrid(np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64))
    points = add_features(np.column_stack([gx.ravel(), gy.ravel()]), quadratic)
    return predict_classes(points, W, b).reshape(gx.shape)
