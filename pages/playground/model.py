r"""Everything the Playground shows about one example, from logits or from probabilities.

Given logits :math:`z`, a temperature :math:`T` and the true class :math:`j`:

.. math::
    a = \mathrm{softmax}(z / T), \quad L = -\sum_k y_k \ln a_k = -\ln a_j, \quad
    \frac{\partial L}{\partial z} = \frac{a - y}{T}.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import (
    InputError,
    check_class_range,
    check_probabilities,
    entropy,
    log_softmax,
    logits_from_probabilities,
    loss_from_probabilities,
    one_hot,
    softmax,
    whole_number,
)
from ce_core.arrays import as_float_array, cast, check_temperature


def check_distribution(a: ArrayLike, tol: float = 1e-4) -> np.ndarray:
    """Return ``a`` as probabilities of at least 2 classes a student may use, or raise.

    The checks of :func:`~ce_core.info.check_probabilities` (finite, >= 0, adding up to 1 within
    ``tol``), after the number of classes: a single ``1`` is a distribution, but not a
    classification problem.

    >>> check_distribution([0.1, 0.1, 0.1, 0.2, 0.5])
    array([0.1, 0.1, 0.1, 0.2, 0.5])
    >>> check_distribution([1])
    Traceback (most recent call last):
    ...
    ce_core.errors.InputError: At least 2 classes are needed, got 1.
    """
    x = as_float_array(a, "probabilities")
    if x.ndim == 1 and x.size == 1:
        raise InputError("too_few_classes", count=1)
    return check_probabilities(x, tol=tol)


@dataclass(frozen=True)
class Prediction:
    """One example explained: the distribution, the target, the loss and its gradient."""

    z: np.ndarray  #: the logits (ln a when the probabilities were given directly)
    a: np.ndarray  #: softmax(z / T), or the probabilities given
    y: np.ndarray  #: the one-hot target
    target: int  #: j, the true class, counting from 0
    loss: float  #: -ln a_j
    grad: np.ndarray  #: dL/dz = (a - y) / T
    predicted: int  #: argmax a
    entropy: float  #: H(a) = -sum a ln a, in nats
    perplexity: float  #: e^H: how many classes the model hesitates between
    temperature: float
    from_probabilities: bool = False  #: the user typed a, not z

    @property
    def correct(self) -> bool:
        """Return whether the predicted class is the true class."""
        return self.predicted == self.target


def _check_target(target: int, num_classes: int) -> int:
    target = whole_number(target, "true class")
    check_class_range(np.asarray([target]), num_classes, ignore_index=None)
    return target


def explain_logits(z: ArrayLike, target: int, temperature: float = 1.0) -> Prediction:
    r"""Return the :class:`Prediction` for 1-D logits ``z``, true class ``target`` (from 0).

    The loss is :math:`-\ln \mathrm{softmax}(z/T)_j`, taken from :func:`log_softmax` so it stays
    finite when :math:`a_j` underflows to 0.

    Examples
    --------
    >>> p = explain_logits([2.0, 1.0, 0.1], 0)
    >>> round(p.loss, 4), p.predicted, p.correct
    (0.417, 0, True)
    """
    z = as_float_array(z, "logits")
    if z.ndim != 1 or z.size < 2:
        raise ValueError(f"need a list of at least 2 logits, got shape {z.shape}")
    temperature = check_temperature(temperature)
    target = _check_target(target, z.size)
    a = softmax(z, temperature=temperature)
    y = one_hot(target, z.size).astype(z.dtype)
    loss = -float(log_softmax(z, temperature=temperature)[target])
    # Divide in float64: T itself may round to 0 or inf in float16/32; a tiny T's huge
    # gradient is inf in the logits' dtype, silently.
    with np.errstate(invalid="ignore", over="ignore"):
        grad = cast((a - y) / np.float64(temperature), z.dtype)
    h = float(entropy(a))
    return Prediction(
        z, a, y, target, loss, grad, int(np.argmax(a)), h, float(np.exp(h)), temperature
    )


def explain_probabilities(a: ArrayLike, target: int, *, tol: float = 1e-6) -> Prediction:
    r"""Return the :class:`Prediction` for probabilities ``a`` typed directly, as in the note.

    The gradient is with respect to the logits that produce ``a`` (:math:`z = \ln a`): ``a - y``.
    ``a`` must be a distribution within ``tol`` (see :func:`check_probabilities`).

    Examples
    --------
    >>> p = explain_probabilities([0.1, 0.1, 0.1, 0.2, 0.5], 3)
    >>> p.loss, p.grad
    (1.6094379124341003, array([ 0.1,  0.1,  0.1, -0.8,  0.5]))
    """
    a = as_float_array(a, "probabilities").astype(np.float64)
    if a.ndim != 1 or a.size < 2:
        raise ValueError(f"need a list of at least 2 probabilities, got shape {a.shape}")
    check_probabilities(a, tol=tol)
    target = _check_target(target, a.size)
    y = one_hot(target, a.size)
    h = float(entropy(a))
    loss = float(loss_from_probabilities(a, target, tol=tol))
    z = logits_from_probabilities(a)
    return Prediction(
        z, a, y, target, loss, a - y, int(np.argmax(a)), h, float(np.exp(h)), 1.0, True
    )


def top_classes(a: ArrayLike, target: int, count: int = 20) -> np.ndarray:
    """Return the indices of the ``count`` most probable classes plus ``target``, in class order.

    Examples
    --------
    >>> top_classes([0.1, 0.5, 0.05, 0.3, 0.05], target=4, count=2)
    array([1, 3, 4])
    """
    a = as_float_array(a, "probabilities")
    if a.ndim != 1:
        raise ValueError(f"probabilities must be a list of numbers, got shape {a.shape}")
    if a.size <= count:
        return np.arange(a.size)
    order = np.argsort(-np.nan_to_num(a, nan=-1.0), kind="stable")[:count]
    return np.union1d(order, [target])


def neg_log_curve(smallest: float = 1e-3, points: int = 120) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``(p, -ln p)`` on :math:`[\text{smallest}, 1]`, dense near 0 where it rises.

    ``smallest`` is kept within ``[1e-300, 1e-3]``; NaN counts as ``1e-3``.
    """
    smallest = 1e-3 if np.isnan(smallest) else min(max(float(smallest), 1e-300), 1e-3)
    p = np.unique(
        np.concatenate(
            [np.geomspace(smallest, 0.05, points // 2), np.linspace(0.05, 1.0, points // 2)]
        )
    )
    return p, -np.log(p)
