r"""Everything the sigmoid page shows: one logit explained, two classes, naive against stable.

For one logit :math:`x` and a label :math:`y \in [0, 1]`:

.. math::
    \sigma(x) = \frac{1}{1 + e^{-x}}, \quad \sigma'(x) = \sigma(x)\,(1 - \sigma(x)), \quad
    \ell = -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr), \quad
    \frac{\partial \ell}{\partial x} = \sigma(x) - y.

With two classes, :math:`\mathrm{softmax}(z_0, z_1)_1 = e^{z_1} / (e^{z_0} + e^{z_1})
= \sigma(z_1 - z_0)`: the sigmoid is the softmax of the logits :math:`(0, x)`, and binary
cross-entropy is cross-entropy with two classes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import (
    InputError,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy_with_grad,
    log_sigmoid,
    naive_binary_cross_entropy,
    sigmoid,
    sigmoid_grad,
    softmax,
)
from ce_core.arrays import as_float_array


def check_one_number(values: ArrayLike) -> float:
    """Return the single number in ``values``, or raise :class:`InputError` ``one_number``.

    Examples
    --------
    >>> check_one_number([-800.0])
    -800.0
    """
    values = as_float_array(values, "value").ravel()
    if values.size != 1:
        raise InputError("one_number", count=values.size)
    return float(values[0])


def check_label(y: float) -> float:
    """Return the label ``y`` as a float, or raise :class:`InputError` ``label_range``."""
    y = float(y)
    if not 0.0 <= y <= 1.0:
        raise InputError("label_range", value=y)
    return y


@dataclass(frozen=True)
class BinaryPrediction:
    """One logit explained: the sigmoid, its derivative, the loss and its gradient (float64)."""

    x: float  #: the logit
    y: float  #: the label: 1, 0, or a soft label in between
    sigma: float  #: σ(x), the probability of the positive class
    one_minus_sigma: float  #: 1 - σ(x), computed as σ(-x) so it does not round to 0
    sigma_grad: float  #: σ'(x) = σ(x) (1 - σ(x))
    log_sigma: float  #: ln σ(x), finite for every finite x
    log_one_minus_sigma: float  #: ln(1 - σ(x)) = ln σ(-x)
    loss: float  #: -(y ln σ + (1 - y) ln(1 - σ)), computed stably
    grad: float  #: ∂loss/∂x = σ(x) - y
    naive_loss: float  #: the same loss computed as written (may be inf or NaN)

    @property
    def naive_is_off(self) -> bool:
        """Return whether the naive loss is not the loss to 6 significant digits (or not finite)."""
        return not bool(np.isclose(self.naive_loss, self.loss, rtol=1e-6, atol=0.0))


def explain_binary(x: float, y: float) -> BinaryPrediction:
    r"""Return the :class:`BinaryPrediction` of logit ``x`` and label ``y``.

    Every logarithm comes from :func:`~ce_core.log_sigmoid`, so the loss stays exact where
    :math:`\sigma(x)` rounds to 0 or 1; ``naive_loss`` is the textbook formula, for comparison.

    Examples
    --------
    >>> p = explain_binary(0.0, 1.0)
    >>> p.sigma, p.sigma_grad, p.loss, p.grad  # loss ln 2
    (0.5, 0.25, 0.6931471805599453, -0.5)
    >>> p = explain_binary(-800.0, 1.0)
    >>> p.sigma, p.log_sigma, p.loss, p.naive_loss, p.naive_is_off
    (0.0, -800.0, 800.0, inf, True)
    """
    x = float(x)
    y = check_label(y)
    return BinaryPrediction(
        x=x,
        y=y,
        sigma=float(sigmoid(x)),
        one_minus_sigma=float(sigmoid(-x)),
        sigma_grad=float(sigmoid_grad(x)),
        log_sigma=float(log_sigmoid(x)),
        log_one_minus_sigma=float(log_sigmoid(-x)),
        loss=float(binary_cross_entropy_with_logits(x, y, reduction="none")),
        grad=float(binary_cross_entropy_with_logits_grad(x, y, reduction="none")),
        naive_loss=float(naive_binary_cross_entropy(x, y)),
    )


def sigmoid_curves(
    x_min: float = -10.0, x_max: float = 10.0, points: int = 401
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Return ``(x, σ(x), σ'(x))`` sampled evenly on :math:`[x_{min}, x_{max}]`.

    Examples
    --------
    >>> x, s, ds = sigmoid_curves(-1.0, 1.0, 3)
    >>> s.round(4), ds.round(4)
    (array([0.2689, 0.5   , 0.7311]), array([0.1966, 0.25  , 0.1966]))
    """
    x = np.linspace(float(x_min), float(x_max), int(points))
    return x, sigmoid(x), sigmoid_grad(x)


def binary_loss_curve(x: ArrayLike, y: float) -> np.ndarray:
    r"""Return the loss :math:`\ell(x, y)` at every ``x`` for one label ``y`` (stable formula).

    Examples
    --------
    >>> binary_loss_curve([-800.0, 0.0], 1.0)
    array([8.00000000e+02, 6.93147181e-01])
    """
    x = as_float_array(x, "x")
    return binary_cross_entropy_with_logits(x, np.full_like(x, check_label(y)), reduction="none")


def tangent_line(
    x0: float, value: float, slope: float, half_width: float = 2.0
) -> tuple[list[float], list[float]]:
    r"""Return two points of the tangent :math:`v + s\,(x - x_0)` at :math:`x_0 \pm w`.

    Examples
    --------
    >>> tangent_line(0.0, 0.5, -0.5, 2.0)
    ([-2.0, 2.0], [1.5, -0.5])
    """
    xs = [x0 - half_width, x0 + half_width]
    return xs, [value + slope * (x - x0) for x in xs]


@dataclass(frozen=True)
class TwoClassCheck:
    """Two-class softmax and cross-entropy beside sigmoid and binary cross-entropy (float64).

    Vectors are ordered by class: index 0 for class 0, index 1 for class 1.
    """

    z: np.ndarray  #: the logits (z_0, z_1)
    target: int  #: the true class, 0 or 1 (the label y of binary cross-entropy)
    d: float  #: z_1 - z_0, the one logit the sigmoid needs
    softmax: np.ndarray  #: softmax(z)
    sigmoid: np.ndarray  #: (σ(-d), σ(d)) = (1 - σ(d), σ(d))
    ce_loss: float  #: cross_entropy(z, target)
    bce_loss: float  #: binary_cross_entropy_with_logits(d, target)
    ce_grad: np.ndarray  #: cross_entropy_grad(z, target) = (g_0, g_1)
    bce_grad: np.ndarray  #: (-(σ(d) - y), σ(d) - y)
    probability_difference: np.ndarray  #: softmax - sigmoid
    loss_difference: float  #: ce_loss - bce_loss
    grad_difference: np.ndarray  #: ce_grad - bce_grad

    @property
    def largest_difference(self) -> float:
        """Return the largest absolute difference between the two computations."""
        return float(
            np.max(
                np.abs(
                    np.concatenate(
                        [
                            self.probability_difference,
                            [self.loss_difference],
                            self.grad_difference,
                        ]
                    )
                )
            )
        )


def _difference(left: ArrayLike, right: ArrayLike) -> np.ndarray:
    """Return ``left - right``, with 0 where they are equal (two equal infinities included)."""
    with np.errstate(invalid="ignore"):
        return np.where(np.equal(left, right), 0.0, np.subtract(left, right))


def compare_two_class(z0: float, z1: float, target: int) -> TwoClassCheck:
    r"""Return the :class:`TwoClassCheck` of logits ``(z0, z1)`` with true class ``target``.

    The two sides agree to rounding: :math:`\mathrm{softmax}(z)_1 = \sigma(z_1 - z_0)`,
    :math:`\mathrm{CE}(z, j) = \mathrm{BCE}(z_1 - z_0, j)` and the gradient is
    :math:`(g_0, g_1)` with :math:`g_1 = -g_0 = \sigma(z_1 - z_0) - y`. The only extra rounding is
    that of :math:`z_1 - z_0`.

    Examples
    --------
    >>> c = compare_two_class(0.5, 2.5, 1)
    >>> c.softmax.round(6), c.sigmoid.round(6), round(c.ce_loss, 6), round(c.bce_loss, 6)
    (array([0.119203, 0.880797]), array([0.119203, 0.880797]), 0.126928, 0.126928)
    >>> c.largest_difference < 1e-15
    True
    """
    if target not in (0, 1):
        raise InputError("two_class_target")
    z = np.array([z0, z1], dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        d = float(z[1] - z[0])
    y = float(target)
    a = softmax(z)
    s = np.array([sigmoid(-d), sigmoid(d)], dtype=np.float64)
    ce_loss, ce_grad = cross_entropy_with_grad(z, int(target))
    bce_loss = float(binary_cross_entropy_with_logits(d, y, reduction="none"))
    g = float(binary_cross_entropy_with_logits_grad(d, y, reduction="none"))
    bce_grad = np.array([-g, g])
    ce_grad = np.asarray(ce_grad, dtype=np.float64)

    return TwoClassCheck(
        z=z,
        target=int(target),
        d=d,
        softmax=a,
        sigmoid=s,
        ce_loss=float(ce_loss),
        bce_loss=bce_loss,
        ce_grad=ce_grad,
        bce_grad=bce_grad,
        probability_difference=_difference(a, s),
        loss_difference=float(_difference(float(ce_loss), bce_loss)),
        grad_difference=_difference(ce_grad, bce_grad),
    )
