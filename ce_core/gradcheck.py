r"""Checking a gradient against finite differences, and seeing why the step size matters.

The central difference :math:`(f(z + h) - f(z - h)) / 2h` has two errors pulling against each
other: the truncation error :math:`\approx h^2 |f'''| / 6` grows with :math:`h`, the round-off
error :math:`\approx \epsilon |f| / h` (``finfo.eps`` of the dtype) grows as :math:`h` shrinks.
Their sum is smallest near :math:`h \approx \epsilon^{1/3}` (about ``6e-6`` in float64,
``5e-3`` in float32), which draws a V on a log-log plot of the error against :math:`h`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array


def _check_eps(eps: float) -> float:
    try:
        h = float(eps)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the step eps must be a number, got {eps!r}") from exc
    if not (np.isfinite(h) and h > 0):
        raise ValueError(f"the step eps must be finite and greater than 0, got {h}")
    return h


def _check_point(z: ArrayLike) -> np.ndarray:
    """Return ``z`` as a float array, or raise ValueError unless every entry is finite."""
    point = as_float_array(z, "z")
    bad = np.flatnonzero(~np.isfinite(point))
    if bad.size:
        raise ValueError(
            f"finite differences need a finite point, but z holds {point.flat[bad[0]]} "
            f"(entry {bad[0]} counting from 0): z + h and z - h would be the same infinity or NaN"
        )
    return point


def numerical_grad(
    f: Callable[[np.ndarray], float], z: ArrayLike, eps: float | None = None
) -> np.ndarray:
    r"""Return the central-difference gradient of the scalar function ``f`` at ``z``.

    .. math:: g_i = \frac{f(z + h_i e_i) - f(z - h_i e_i)}{2 h_i},
              \qquad h_i = \varepsilon \max(1, |z_i|)

    Parameters
    ----------
    f : callable
        Takes an array shaped as ``z`` and returns a scalar. It must not modify its argument.
    z : array_like
        The point, any shape, every entry finite (a ValueError says which one is not: there is
        no difference quotient at inf or NaN); float16/32/64 are kept (integers become float64).
        Every step, every value of ``f`` and the division are done in this dtype, so a float32
        ``z`` shows float32 round-off.
    eps : float, optional
        The relative step :math:`\varepsilon`. Default: :math:`\epsilon^{1/3}` for the dtype's
        machine epsilon (about ``6.1e-6`` in float64, ``4.9e-3`` in float32), the step that
        balances truncation and round-off error.

    Returns
    -------
    An array shaped as ``z``, of its dtype. Costs ``2 z.size`` calls of ``f``.

    References
    ----------
    J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer, 2006, §8.1.

    Examples
    --------
    >>> numerical_grad(lambda v: np.sum(v**2), np.array([1.0, -2.0, 3.0])).round(8)
    array([ 2., -4.,  6.])
    """
    point = _check_point(z)
    dtype = point.dtype
    relative = np.cbrt(np.finfo(dtype).eps) if eps is None else _check_eps(eps)
    with np.errstate(over="ignore"):
        steps = (relative * np.maximum(1, np.abs(point))).astype(dtype)
    if np.any(steps == 0):
        raise ValueError(f"the step eps={relative:g} is too small to be stored in {dtype}")
    work = point.copy()
    grad = np.empty_like(point)
    flat_work, flat_grad = work.reshape(-1), grad.reshape(-1)
    for i, (value, h) in enumerate(zip(point.reshape(-1), steps.reshape(-1), strict=True)):
        with np.errstate(all="ignore"):
            flat_work[i] = value + h
            up = dtype.type(f(work))
            flat_work[i] = value - h
            down = dtype.type(f(work))
            flat_work[i] = value
            flat_grad[i] = (up - down) / (h + h)
    return grad


def relative_error(analytic: ArrayLike, numeric: ArrayLike) -> float:
    r"""Return :math:`\max_i |a_i - n_i| \,/\, \max(\max_i (|a_i| + |n_i|), \text{tiny})`.

    One number for the whole gradient, relative to its largest component, so that a component
    that is almost 0 does not make a correct gradient look wrong. Computed in float64. 0 for two
    zero gradients; NaN when either holds NaN or both hold the same infinity.

    Examples
    --------
    >>> relative_error([1.0, -2.0], [1.0, -2.000002])
    5.0e-07
    """
    a = as_float_array(analytic, "analytic gradient").astype(np.float64)
    n = as_float_array(numeric, "numeric gradient").astype(np.float64)
    if a.shape != n.shape:
        raise ValueError(f"the gradients have different shapes: {a.shape} and {n.shape}")
    if a.size == 0:
        return 0.0
    big = max(np.max(np.abs(a)), np.max(np.abs(n)))
    if np.finfo(np.float64).max / 2 < big < np.inf:  # a - n or |a| + |n| would overflow
        a, n = a / big, n / big
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf; 1e308 beside a NaN
        difference = np.max(np.abs(a - n))
        scale = max(np.max(np.abs(a) + np.abs(n)), np.finfo(np.float64).tiny)
        return float(difference / scale)


def gradient_check_sweep(
    f: Callable[[np.ndarray], float],
    grad_f: Callable[[np.ndarray], ArrayLike],
    z: ArrayLike,
    eps_values: ArrayLike,
) -> np.ndarray:
    r"""Return :func:`relative_error` of ``grad_f(z)`` against :func:`numerical_grad` per step.

    For the log-log plot of error against step: with steps from ``1e-12`` to ``1e-1`` the
    errors fall as :math:`h^2` from the right (truncation), rise as :math:`1/h` to the left
    (round-off), and bottom out near :math:`h \approx 10^{-5}` in float64, :math:`10^{-2}` to
    :math:`10^{-3}` in float32. Steps too small for ``z``'s dtype give NaN.

    Parameters
    ----------
    f : callable
        The scalar function, called on a float array shaped as ``z``.
    grad_f : callable
        Its analytic gradient, called once at ``z``.
    z : array_like
        The point; a float array (its dtype sets the round-off).
    eps_values : array_like
        The steps :math:`h` to try.

    Returns
    -------
    ndarray
        The relative errors, float64, shaped as ``eps_values``.

    References
    ----------
    J. Nocedal and S. J. Wright, *Numerical Optimization*, 2nd ed., Springer, 2006, §8.1
    (the truncation and round-off errors of central differences).

    Examples
    --------
    >>> errors = gradient_check_sweep(np.exp, np.exp, np.array(1.0), [1e-1, 1e-5, 1e-12])
    >>> bool(errors[1] < errors[0] and errors[1] < errors[2])
    True
    """
    point = _check_point(z)
    analytic = grad_f(point.copy())
    steps = as_float_array(eps_values, "eps_values")
    errors = np.full(steps.shape, np.nan)
    for i, eps in enumerate(steps.reshape(-1)):
        try:
            numeric = numerical_grad(f, point, float(eps))
        except ValueError:
            continue  # a step that the dtype rounds to 0: no difference quotient
        errors.reshape(-1)[i] = relative_error(analytic, numeric)
    return errors
