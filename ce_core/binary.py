r"""The sigmoid and binary cross-entropy: softmax and cross-entropy with two classes.

With two classes and logits :math:`(x, 0)`, softmax gives :math:`\sigma(x) = 1 / (1 + e^{-x})`
to the first class, and cross-entropy becomes

.. math:: \ell(x, y) = -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr)
          = (1 - y)\,\mathrm{softplus}(x) + y\,\mathrm{softplus}(-x),

with :math:`\mathrm{softplus}(x) = \ln(1 + e^x) = \max(x, 0) + \ln(1 + e^{-|x|})` and
:math:`\ln \sigma(x) = -\mathrm{softplus}(-x)`, :math:`\ln(1 - \sigma(x)) = -\mathrm{softplus}(x)`.
The right-hand side never overflows (:math:`e^{-|x|} \le 1`) and adds two non-negative terms, so
it is accurate to a few ulp for every :math:`x`; for :math:`y \in [0, 1]` it equals PyTorch's
``max(x, 0) - x y + log1p(exp(-|x|))``. Its derivative is
:math:`\partial \ell / \partial x = (1 - y)\,\sigma(x) - y\,\sigma(-x) = \sigma(x) - y`.

float16 inputs are computed in float32 and rounded once at the end; no NumPy warning escapes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, cast, cast_finite, work_dtype
from .loss import REDUCTIONS


def _work(x: ArrayLike, name: str = "x") -> tuple[np.ndarray, np.dtype]:
    x = as_float_array(x, name)
    return x.astype(work_dtype(x.dtype), copy=False), x.dtype


def _softplus(x: np.ndarray) -> np.ndarray:
    """Return ``ln(1 + e^x) = max(x, 0) + log1p(e^{-|x|})`` in x's dtype."""
    with np.errstate(all="ignore"):
        return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def _times(c: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Return ``c * v``, with ``0 * inf = 0``: a term whose coefficient is exactly 0 is absent."""
    with np.errstate(all="ignore"):
        return np.where(c == 0, 0, c * v).astype(v.dtype, copy=False)


def sigmoid(x: ArrayLike) -> np.ndarray:
    r"""Return :math:`\sigma(x) = 1 / (1 + e^{-x})`, element by element, in x's dtype.

    Computed as :math:`1 / (1 + e^{-x})` for :math:`x \ge 0` and :math:`e^{x} / (1 + e^{x})` for
    :math:`x < 0`, so the exponential never overflows and small results keep their relative
    accuracy. ``sigmoid(inf) = 1``, ``sigmoid(-inf) = 0``, NaN stays NaN.

    Parameters
    ----------
    x : array_like
        Logits, any shape (a scalar too). float16/32/64 are kept; integers become float64.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`\sigma(x)` in :math:`[0, 1]`, shaped and typed as ``x``.

    References
    ----------
    The two branches are the usual stable evaluation of the logistic function; see M. Mächler,
    "Accurately computing log(1 - exp(-|a|))", Rmpfr package vignette, 2012.

    Examples
    --------
    >>> sigmoid([0.0, 2.0, -800.0, np.inf])
    array([0.5       , 0.88079708, 0.        , 1.        ])
    >>> float(sigmoid(-40.0))  # e^-40, not 0 nor 1 - 1
    4.248354255291589e-18
    """
    z, dtype = _work(x)
    with np.errstate(all="ignore"):
        e = np.exp(-np.abs(z))  # in [0, 1]
        s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s.astype(dtype, copy=False)[()]


def sigmoid_grad(x: ArrayLike) -> np.ndarray:
    r"""Return the sigmoid's derivative :math:`\sigma(x)\,(1 - \sigma(x)) = \sigma(x)\,\sigma(-x)`.

    Computed as :math:`e^{-|x|} / (1 + e^{-|x|})^2`, with no ``1 - \sigma`` that would round to 0.
    Its maximum is 1/4 at :math:`x = 0`: the reason a sigmoid layer passes back at most a quarter
    of the gradient it receives.

    Parameters
    ----------
    x : array_like
        Logits, any shape; dtype kept as in :func:`sigmoid`.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`\sigma'(x)` in :math:`[0, 1/4]`, shaped and typed as ``x``.

    Examples
    --------
    >>> sigmoid_grad([0.0, 40.0])
    array([2.50000000e-01, 4.24835426e-18])
    """
    z, dtype = _work(x)
    with np.errstate(all="ignore"):
        e = np.exp(-np.abs(z))
        # Rounding can land one ulp above the true maximum 1/4 near x = 0; it never belongs there.
        g = np.minimum(e / (1 + e) / (1 + e), 0.25)
    return g.astype(dtype, copy=False)[()]


def log_sigmoid(x: ArrayLike) -> np.ndarray:
    r"""Return :math:`\ln \sigma(x) = -\mathrm{softplus}(-x) = \min(x, 0) - \ln(1 + e^{-|x|})`.

    Finite for every finite ``x``, where ``np.log(sigmoid(x))`` gives ``-inf`` once
    :math:`\sigma(x)` underflows (:math:`x < -745` in float64).

    Parameters
    ----------
    x : array_like
        Logits, any shape; dtype kept as in :func:`sigmoid`.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`\ln \sigma(x) \le 0`, shaped and typed as ``x``.

    References
    ----------
    M. Mächler, "Accurately computing log(1 - exp(-|a|))", Rmpfr package vignette, 2012
    (:math:`\ln(1 + e^{x})` written as :math:`\max(x, 0) + \mathrm{log1p}(e^{-|x|})`).

    Examples
    --------
    >>> log_sigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
    """
    z, dtype = _work(x)
    with np.errstate(all="ignore"):
        out = -_softplus(-z)
    return out.astype(dtype, copy=False)[()]


def _prepare(x, y, weight, pos_weight, reduction):
    """Return ``(x, y, w, p, dtype)`` in the working dtype (``w``, ``p`` may be None)."""
    z, dtype = _work(x, "logits")
    t = cast(as_float_array(y, "target"), z.dtype)
    if t.shape != z.shape:
        raise ValueError(
            f"target must have the same shape as the logits: one 0-or-1 label per logit; "
            f"got target {t.shape} and logits {z.shape}"
        )
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")
    extras = []
    for value, name in ((weight, "weight"), (pos_weight, "pos_weight")):
        if value is None:
            extras.append(None)
            continue
        v = cast_finite(as_float_array(value, name), z.dtype, name)
        try:
            fits = np.broadcast_shapes(v.shape, z.shape) == z.shape
        except ValueError:
            fits = False
        if not fits:
            raise ValueError(
                f"{name} of shape {v.shape} does not fit logits of shape {z.shape}: it must "
                f"broadcast to it, for example one number per column, shape {z.shape[-1:]}"
                if z.ndim
                else f"{name} of shape {v.shape} does not fit a single logit"
            )
        extras.append(v)
    return z, t, extras[0], extras[1], dtype


def _reduce(values: np.ndarray, reduction: str, dtype: np.dtype):
    if reduction == "none":
        return cast(values, dtype)[()]
    # Losses of 1e308 add up to inf, inf and -inf (a negative weight) to NaN: silently.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        total = np.sum(values, dtype=np.float64)
        if reduction == "mean":
            total = total / np.float64(values.size)
        return dtype.type(total)  # beyond float16/32's range: inf


def binary_cross_entropy_with_logits(
    x: ArrayLike,
    y: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    pos_weight: ArrayLike | None = None,
    reduction: str = "mean",
) -> np.floating | np.ndarray:
    r"""Return the binary cross-entropy of logits ``x`` and labels ``y``, as PyTorch computes it.

    Element by element,

    .. math:: \ell = w \bigl[(1 - y)\,\mathrm{softplus}(x) + p\,y\,\mathrm{softplus}(-x)\bigr]
              = -w \bigl[p\,y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr],

    the meaning of ``torch.nn.functional.binary_cross_entropy_with_logits``.

    Parameters
    ----------
    x : array_like
        Logits, any shape (a scalar too). float16/32/64 are kept; integers become float64.
    y : array_like
        Targets of the same shape: 1 for the positive class, 0 for the negative, or any
        probability in between (a soft label).
    weight : array_like, optional
        :math:`w`, multiplies each element's loss; must broadcast to ``x``'s shape.
    pos_weight : array_like, optional
        :math:`p`, multiplies the positive term only (``p > 1`` raises recall); for multi-label
        logits of shape ``(N, C)`` usually one number per class, shape ``(C,)``. Both weights
        must be finite (ValueError for inf, NaN, or a number the working dtype cannot hold).
    reduction : {"mean", "sum", "none"}
        ``"none"``: the losses, shaped as ``x``. ``"sum"``: their sum. ``"mean"``: their sum
        divided by the number of elements (weights do not change the denominator, unlike
        :func:`~ce_core.cross_entropy`). An empty ``x`` has mean NaN.

    Returns
    -------
    The reduced loss, a NumPy scalar of ``x``'s dtype; for ``"none"``, the losses shaped as ``x``.

    Notes
    -----
    A term whose coefficient is exactly 0 contributes 0 even when its softplus is infinite, so
    ``x = inf, y = 1`` gives loss 0 (the limit), where PyTorch's formula gives NaN.

    Examples
    --------
    >>> float(binary_cross_entropy_with_logits(0.0, 1.0))  # ln 2
    0.6931471805599453
    >>> binary_cross_entropy_with_logits([800.0, -800.0], [0.0, 1.0], reduction="none")
    array([800., 800.])
    >>> float(binary_cross_entropy_with_logits([2.0], [1.0], pos_weight=[3.0]))  # 3 ln(1 + e^-2)
    0.3807840331289175
    """
    z, t, w, p, dtype = _prepare(x, y, weight, pos_weight, reduction)
    with np.errstate(all="ignore"):
        positive = t if p is None else t * p
        loss = _times(1 - t, _softplus(z)) + _times(positive, _softplus(-z))
        if w is not None:
            loss = _times(w, loss)
    return _reduce(loss, reduction, dtype)


def binary_cross_entropy_with_logits_grad(
    x: ArrayLike,
    y: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    pos_weight: ArrayLike | None = None,
    reduction: str = "mean",
) -> np.ndarray:
    r"""Return :math:`\partial L / \partial x` for :func:`binary_cross_entropy_with_logits`.

    Element by element :math:`w\,[(1 - y)\,\sigma(x) - p\,y\,\sigma(-x)]`, which is
    :math:`\sigma(x) - y` without weights; divided by the number of elements for ``"mean"``.
    For ``"none"`` it is the gradient of the sum of the losses. Same arguments as the loss; the
    result has ``x``'s shape and dtype.

    Parameters
    ----------
    x, y, weight, pos_weight, reduction
        As for :func:`binary_cross_entropy_with_logits`.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`\partial L / \partial x`, shaped and typed as ``x`` (float16 past 65504: ``inf``).

    Examples
    --------
    >>> binary_cross_entropy_with_logits_grad([0.0, 2.0], [1.0, 0.0], reduction="sum")
    array([-0.5       ,  0.88079708])
    >>> float(binary_cross_entropy_with_logits_grad(40.0, 1.0))  # -σ(-40), not 1 - 1 = 0
    -4.248354255291589e-18
    """
    z, t, w, p, dtype = _prepare(x, y, weight, pos_weight, reduction)
    with np.errstate(all="ignore"):
        e = np.exp(-np.abs(z))
        s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # σ(x)
        s_neg = np.where(z >= 0, e / (1 + e), 1 / (1 + e))  # σ(-x) = 1 - σ(x), exactly
        positive = t if p is None else t * p
        grad = (1 - t) * s - positive * s_neg
        if w is not None:
            grad = grad * w
        if reduction == "mean":
            grad = grad / z.dtype.type(max(z.size, 1))
    return cast(grad, dtype)[()]  # float16 beyond 65504: inf
