r"""Every factor of the derivation :math:`\partial L / \partial z = a - y`, as a number.

For logits :math:`z`, a temperature :math:`T` (so :math:`u = z / T`),
:math:`a = \mathrm{softmax}(u)` and the one-hot target :math:`y` of class :math:`j`, the chain
rule through :math:`a_j` gives

.. math::
    L = -\ln a_j, \qquad
    \frac{\partial L}{\partial u_i}
    = \underbrace{-\frac{1}{a_j}}_{\partial L / \partial a_j}
      \underbrace{a_j(\delta_{ij} - a_i)}_{\partial a_j / \partial u_i}
    = a_i - y_i, \qquad
    \frac{\partial L}{\partial z} = \frac{a - y}{T}.

In matrix form :math:`\partial L / \partial z = J^\top\, \partial L / \partial a` with the softmax
Jacobian :math:`J = (\mathrm{diag}(a) - a a^\top) / T`. This module gives each factor, the checks
the Jacobian satisfies, and the finite-difference check of the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ce_core import (
    InputError,
    check_logits,
    cross_entropy,
    cross_entropy_grad,
    gradient_check_sweep,
    numerical_grad,
    relative_error,
    sigmoid,
    sigmoid_grad,
    softmax,
    softmax_jacobian,
)
from ce_core.arrays import check_temperature
from pages.playground.model import explain_logits  # the Derivation takes the Playground's apart

#: Relative steps from 1e-12 to 1e-1, two per decade: wide enough to show both arms of the V.
STEP_SIZES = np.logspace(-12, -1, 23)


@dataclass(frozen=True)
class ChainRule:
    """One example's gradient taken apart by the chain rule (classes counted from 0)."""

    a: np.ndarray  #: softmax(z / T)
    y: np.ndarray  #: the one-hot target
    target: int  #: j
    other: int  #: the i != j worked as an example: the most probable other class
    temperature: float
    loss: float  #: -ln a_j (from log-softmax: finite even when a_j underflows to 0)
    inverse: float  #: dL/da_j = -1/a_j; -inf when a_j is 0 or too small to invert
    dloss_da: np.ndarray  #: dL/da = -y/a: only entry j is nonzero
    diagonal: float  #: da_j/du_j = a_j (1 - a_j)
    off_diagonal: float  #: da_j/du_i = -a_j a_i for i = other
    grad_target: float  #: (-1/a_j) a_j (1 - a_j), equal to a_j - 1; NaN if -1/a_j is -inf
    grad_other: float  #: (-1/a_j)(-a_j a_i), equal to a_i; NaN if -1/a_j is -inf
    grad_u: np.ndarray  #: dL/du = a - y
    grad: np.ndarray  #: dL/dz = (a - y) / T
    jacobian: np.ndarray  #: J = da/dz = (diag(a) - a a^T) / T, shape (K, K)
    chain: np.ndarray  #: J^T dL/da, the gradient by matrix product; NaN if -1/a_j is -inf
    symmetry_error: float  #: max |J - J^T|
    row_sum_error: float  #: max_i |sum_k J_ik|
    chain_error: float  #: max |J^T dL/da - dL/dz|; NaN if -1/a_j is -inf

    @property
    def invertible(self) -> bool:
        """Return whether -1/a_j is a finite number, so the chain can be evaluated as written."""
        return bool(np.isfinite(self.inverse))


def chain_rule(z: ArrayLike, target: int, temperature: float = 1.0) -> ChainRule:
    r"""Return the :class:`ChainRule` of 1-D logits ``z`` with true class ``target`` (from 0).

    Computed in float64. When :math:`a_j` is 0 in floating point (a masked true class, or one
    that underflowed), :math:`-1/a_j` cannot be evaluated: ``inverse`` is ``-inf`` and the
    products through it are NaN, while ``grad`` (:math:`a - y` written out) is still exact.

    Examples
    --------
    >>> c = chain_rule(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3)
    >>> c.inverse, round(c.diagonal, 12), round(c.grad_target, 12), c.other, c.grad_other
    (-5.0, 0.16, -0.8, 4, 0.5)
    >>> c.grad.round(12)
    array([ 0.1,  0.1,  0.1, -0.8,  0.5])
    >>> c.symmetry_error, c.row_sum_error < 1e-16, c.chain_error < 1e-15
    (0.0, True, True)
    """
    z = check_logits(np.asarray(z, dtype=np.float64))
    temperature = check_temperature(temperature)
    result = explain_logits(z, target, temperature)
    a, j = result.a, result.target
    others = np.where(np.arange(a.size) == j, -np.inf, a)
    other = int(np.argmax(others))
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        inverse = -1.0 / a[j] if a[j] > 0 else -np.inf
        diagonal = a[j] * (1.0 - a[j])
        off_diagonal = -a[j] * a[other]
        dloss_da = np.zeros_like(a)
        dloss_da[j] = inverse
        jacobian = softmax_jacobian(z, temperature)
        finite = bool(np.isfinite(inverse))
        chain = jacobian.T @ dloss_da if finite else np.full_like(a, np.nan)
        return ChainRule(
            a=a,
            y=result.y,
            target=j,
            other=other,
            temperature=temperature,
            loss=result.loss,
            inverse=float(inverse),
            dloss_da=dloss_da,
            diagonal=float(diagonal),
            off_diagonal=float(off_diagonal),
            grad_target=float(inverse * diagonal) if finite else np.nan,
            grad_other=float(inverse * off_diagonal) if finite else np.nan,
            grad_u=a - result.y,
            grad=result.grad,
            jacobian=jacobian,
            chain=chain,
            symmetry_error=float(np.max(np.abs(jacobian - jacobian.T))),
            row_sum_error=float(np.max(np.abs(np.sum(jacobian, axis=1)))),
            chain_error=float(np.max(np.abs(chain - result.grad))) if finite else np.nan,
        )


def _loss_of(z: np.ndarray, target: int, temperature: float, classes: np.ndarray):
    """Return ``f(v)``: the loss with the logits of ``classes`` replaced by ``v`` (z's dtype)."""
    if z[target] == -np.inf:
        raise InputError("masked_target")
    base = z.copy()
    scale = z.dtype.type(temperature)

    def f(v: np.ndarray) -> float:
        base[classes] = v
        return float(cross_entropy(base / scale if temperature != 1.0 else base, target))

    return f


def _checked_classes(z: np.ndarray, classes: Sequence[int] | None) -> np.ndarray:
    chosen = np.arange(z.size) if classes is None else np.asarray(classes, dtype=np.intp)
    return chosen[np.isfinite(z[chosen])]  # a masked logit is a constant, not a variable


@dataclass(frozen=True)
class GradientCheck:
    """The analytic gradient beside central differences, for the classes checked."""

    classes: np.ndarray  #: the classes checked (from 0): the finite logits asked for
    analytic: np.ndarray  #: (a - y) / T at those classes
    numeric: np.ndarray  #: central differences of cross_entropy at those classes
    difference: np.ndarray  #: |analytic - numeric|
    step: float  #: the relative step eps used
    error: float  #: relative_error(analytic, numeric)


def check_gradient(
    z: ArrayLike,
    target: int,
    temperature: float = 1.0,
    *,
    classes: Sequence[int] | None = None,
    step: float | None = None,
) -> GradientCheck:
    r"""Return the :class:`GradientCheck` of :math:`(a - y)/T` against finite differences.

    Only the logits of ``classes`` (default: all) are varied, one at a time, in float64; masked
    logits (``-inf``) are left out. ``step`` defaults to :math:`\epsilon^{1/3} \approx 6\cdot
    10^{-6}`. A masked true class (infinite loss) raises :class:`InputError`.

    Examples
    --------
    >>> check = check_gradient([2.0, 1.0, -np.inf, 0.5], 1)
    >>> check.classes, check.error < 1e-9, check.step
    (array([0, 1, 3]), True, 6.0554544523933395e-06)
    """
    z = check_logits(np.asarray(z, dtype=np.float64))
    temperature = check_temperature(temperature)
    chosen = _checked_classes(z, classes)
    f = _loss_of(z, target, temperature, chosen)
    step = float(np.cbrt(np.finfo(np.float64).eps)) if step is None else float(step)
    analytic = explain_logits(z, target, temperature).grad[chosen]
    numeric = numerical_grad(f, z[chosen], step)
    error = relative_error(analytic, numeric)
    return GradientCheck(chosen, analytic, numeric, np.abs(analytic - numeric), step, error)


@dataclass(frozen=True)
class StepSweep:
    """The relative error of the finite differences against the step, per float type."""

    steps: np.ndarray  #: the relative steps eps
    errors: dict[str, np.ndarray]  #: dtype name -> relative error per step (NaN: no number)
    best: dict[str, float]  #: dtype name -> the step with the smallest error (NaN: none)


def step_sweep(
    z: ArrayLike,
    target: int,
    temperature: float = 1.0,
    *,
    classes: Sequence[int] | None = None,
    steps: ArrayLike = STEP_SIZES,
    dtypes: Sequence[str] = ("float32", "float64"),
) -> StepSweep:
    r"""Return the :class:`StepSweep`: the error of central differences for each step and dtype.

    The loss and the differences are computed in each dtype (the logits rounded to it); the
    reference is the exact-formula gradient :math:`(a - y)/T` at those rounded logits, in
    float64. Truncation error (:math:`\propto h^2`) wins for large steps, round-off
    (:math:`\propto \epsilon / h`) for small ones: the errors draw a V.

    Examples
    --------
    >>> sweep = step_sweep(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3)
    >>> float(sweep.best["float64"]), float(sweep.best["float32"])  # about eps ** (1/3)
    (3.2e-06, 0.01)
    """
    z64 = check_logits(np.asarray(z, dtype=np.float64))
    temperature = check_temperature(temperature)
    chosen = _checked_classes(z64, classes)
    steps = np.asarray(steps, dtype=np.float64)
    errors: dict[str, np.ndarray] = {}
    best: dict[str, float] = {}
    for name in dtypes:
        with np.errstate(over="ignore"):
            point = z64.astype(name)  # beyond the dtype's range a logit becomes ±inf
        exact = point.astype(np.float64)
        with np.errstate(over="ignore"):  # 1e308 / 0.05: the scaled logits leave float64
            scaled = exact / temperature
        if np.all(np.isfinite(scaled[chosen])) and not np.any(np.isposinf(scaled)):
            f = _loss_of(point, target, temperature, chosen)
            grad = cross_entropy_grad(scaled, target)[chosen] / temperature
            found = gradient_check_sweep(f, lambda _v, g=grad: g, point[chosen], steps)
        else:
            found = np.full(steps.shape, np.nan)
        errors[name] = found
        usable = np.isfinite(found)
        best[name] = float(steps[usable][np.argmin(found[usable])]) if usable.any() else np.nan
    return StepSweep(steps, errors, best)


@dataclass(frozen=True)
class TwoClassSigmoid:
    r"""A two-class softmax beside the sigmoid of the logit difference :math:`d = (z_2 - z_1)/T`."""

    d: float  #: (z_2 - z_1) / T
    softmax: np.ndarray  #: softmax((z_1, z_2) / T)
    sigmoid: np.ndarray  #: (σ(-d), σ(d))
    difference: float  #: max |softmax - sigmoid|
    slope: float  #: σ'(d) = sigmoid_grad(d)
    slope_product: float  #: σ(d)(1 - σ(d))
    jacobian: float  #: da_2/du_2 of the two-class softmax, a_2 (1 - a_2)


def two_class_sigmoid(z1: float, z2: float, temperature: float = 1.0) -> TwoClassSigmoid:
    r"""Return the :class:`TwoClassSigmoid` of the logits ``(z1, z2)``.

    :math:`\mathrm{softmax}(z_1, z_2)_2 = e^{z_2} / (e^{z_1} + e^{z_2}) = 1 / (1 + e^{-(z_2 - z_1)})
    = \sigma(z_2 - z_1)`, and its derivative :math:`a_2(1 - a_2)` is :math:`\sigma'(d) =
    \sigma(d)(1 - \sigma(d))`. Both logits ``-inf`` raise :class:`InputError` (``all_masked``).

    Examples
    --------
    >>> pair = two_class_sigmoid(0.5, 2.5)
    >>> pair.d, pair.softmax.round(6), pair.sigmoid.round(6), pair.difference < 1e-16
    (2.0, array([0.119203, 0.880797]), array([0.119203, 0.880797]), True)
    >>> round(pair.slope, 6), round(pair.jacobian, 6)
    (0.104994, 0.104994)
    """
    z = check_logits(np.array([z1, z2], dtype=np.float64))
    temperature = check_temperature(temperature)
    with np.errstate(over="ignore", invalid="ignore"):
        d = float((z[1] - z[0]) / temperature)
    a = softmax(z, temperature=temperature)
    s = np.array([sigmoid(-d), sigmoid(d)], dtype=np.float64)
    s_d = float(s[1])
    return TwoClassSigmoid(
        d=d,
        softmax=a,
        sigmoid=s,
        difference=float(np.max(np.abs(a - s))),
        slope=float(sigmoid_grad(d)),
        slope_product=s_d * (1.0 - s_d),
        jacobian=float(softmax_jacobian(z, temperature)[1, 1] * temperature),
    )
