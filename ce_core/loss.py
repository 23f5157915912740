r"""Cross-entropy loss and its gradient, with the semantics of PyTorch's ``F.cross_entropy``.

For one example with logits :math:`z`, softmax :math:`a` and one-hot target :math:`y`:

.. math:: L = -\sum_k y_k \ln a_k = -\ln a_j, \qquad \frac{\partial L}{\partial z} = a - y.

Every option of ``torch.nn.functional.cross_entropy`` is here and means what it means there:
class weights, ``ignore_index``, ``reduction``, ``label_smoothing`` and probability ("soft")
targets. In general each row's loss is :math:`-\sum_k c_k \ln a_k` for some coefficients
:math:`c` (the weighted, smoothed target), and its gradient is :math:`a \sum_k c_k - c`.

The arguments are checked in :mod:`ce_core.loss_problem`, the work is done by the fused kernel of
:mod:`ce_core.loss_kernel`.

References
----------
.. [1] PyTorch documentation, ``torch.nn.functional.cross_entropy`` and
   ``torch.nn.CrossEntropyLoss``, https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .loss_kernel import grad_scale, one_row_loss, reduce_losses, run, small_example
from .loss_problem import REDUCTIONS, denominator, prepare

__all__ = ["REDUCTIONS", "cross_entropy", "cross_entropy_grad", "cross_entropy_with_grad"]


def cross_entropy_with_grad(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> tuple[np.floating | np.ndarray, np.ndarray]:
    r"""Return ``(loss, grad)`` from one pass: :func:`cross_entropy` and :func:`cross_entropy_grad`.

    Parameters
    ----------
    logits, target, weight, ignore_index, reduction, label_smoothing
        As for :func:`cross_entropy`.

    Returns
    -------
    loss : numpy scalar or numpy.ndarray
        What :func:`cross_entropy` returns (to within an ulp or two for one short example, which
        is computed in float64 Python floats: within a few ulp, never less accurate).
    grad : numpy.ndarray
        :math:`\partial L / \partial z`, the logits' shape and dtype: what
        :func:`cross_entropy_grad` returns, bit for bit.

    Notes
    -----
    One pass over the logits: :math:`e^{z - m}` is computed once and turned into the gradient in
    place, so asking for both costs little more than the loss alone.

    Examples
    --------
    >>> loss, grad = cross_entropy_with_grad(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3)
    >>> round(float(loss), 12), grad.round(12)  # -ln 0.2, and a - y
    (1.609437912434, array([ 0.1,  0.1,  0.1, -0.8,  0.5]))
    """
    fast = small_example(logits, target, weight, ignore_index, reduction, label_smoothing)
    if fast is not None:
        return fast
    p = prepare(logits, target, weight, ignore_index, reduction, label_smoothing)
    total_weight = denominator(p) if reduction == "mean" else 1.0
    grad = np.empty(p.logits.shape, dtype=p.logits.dtype)
    losses = run(p, grad_scale(p, total_weight), grad)
    return reduce_losses(p, losses, total_weight), (grad[0] if p.single else grad)


def cross_entropy(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> np.floating | np.ndarray:
    r"""Return the cross-entropy loss :math:`-\sum_k y_k \ln \mathrm{softmax}(z)_k`, as PyTorch.

    Parameters
    ----------
    logits : array_like, shape (K,) or (N, K)
        Unnormalised scores: one example of K classes, or a batch of N. May hold ``-inf`` (a
        masked class). float16/32/64 are kept; integers are taken as float64.
    target : int or array_like
        Class indices: one integer for logits ``(K,)``, ``N`` integers for ``(N, K)``, each in
        ``0 .. K-1`` or equal to ``ignore_index``. Or class probabilities with the logits' shape.
    weight : array_like, shape (K,), optional
        A rescaling weight per class: row ``n``'s loss is multiplied by ``weight[target[n]]``
        (for probabilities, each class's term by its weight). Finite numbers only (ValueError
        for inf or NaN): an infinite weight has no meaning. With class targets the mean does
        not depend on their scale, so weights near ``finfo.max`` give the mean of weights near 1.
    ignore_index : int
        Rows whose target equals it give 0 loss and 0 gradient and are left out of the mean's
        denominator. Only for class indices: with probability targets it must stay negative.
    reduction : {"mean", "sum", "none"}
        ``"none"``: one loss per row. ``"sum"``: their sum. ``"mean"``: their sum divided by the
        sum of ``weight[target[n]]`` over the rows not ignored (the count of those rows without
        weights), or by N for probability targets, weights or not. Every row ignored: NaN.
    label_smoothing : float in [0, 1]
        The target becomes :math:`(1 - \varepsilon)\, y + \varepsilon / K`.

    Returns
    -------
    A NumPy scalar of the logits' dtype; for ``"none"``, shape ``(N,)`` (a scalar for one example).

    Notes
    -----
    Computed as :math:`\ln \sum_k e^{z_k - m} - (z_j - m)` with :math:`m = \max_k z_k`, so no
    logit is too large. A ``-inf`` logit is a class that can never be predicted: it adds nothing
    to the loss unless it is the target (loss ``inf``) or label smoothing gives it mass.

    Examples
    --------
    >>> round(float(cross_entropy(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3)), 12)  # -ln 0.2
    1.609437912434
    >>> float(cross_entropy([[1000.0, 0.0], [0.0, 0.0]], [1, 0]))  # (1000 + ln 2) / 2
    500.3465735902799
    >>> float(cross_entropy([[1.0, 2.0]], [-100]))  # every row ignored
    nan
    """
    args = (logits, target, weight, ignore_index, reduction, label_smoothing)
    fast = one_row_loss(*args)
    if fast is not None:
        return fast
    p = prepare(*args)
    total_weight = denominator(p) if reduction == "mean" else 1.0
    return reduce_losses(p, run(p, 1.0, None), total_weight)


def cross_entropy_grad(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> np.ndarray:
    r"""Return :math:`\partial L / \partial z`, the gradient of :func:`cross_entropy`.

    Same arguments as :func:`cross_entropy`. For one example it is :math:`a - y`; in general each
    row is :math:`a \sum_k c_k - c` for that row's weighted, smoothed target :math:`c`, divided by
    the mean's denominator when ``reduction="mean"``. For ``"none"`` it is the gradient of the sum
    of the per-row losses. Ignored rows, and every row when all are ignored, get 0.

    Parameters
    ----------
    logits, target, weight, ignore_index, reduction, label_smoothing
        As for :func:`cross_entropy`.

    Returns
    -------
    numpy.ndarray
        The logits' shape and dtype.

    Notes
    -----
    Why :math:`a - y`: with :math:`L = -\ln a_j` and :math:`a = \mathrm{softmax}(z)`,
    :math:`\partial L / \partial z_k = -\frac{1}{a_j} a_j (\delta_{jk} - a_k) = a_k - y_k`
    (the softmax Jacobian :func:`softmax_jacobian` times :math:`\partial L/\partial a = -y/a`).

    Examples
    --------
    >>> cross_entropy_grad(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3).round(12)
    array([ 0.1,  0.1,  0.1, -0.8,  0.5])
    """
    return cross_entropy_with_grad(
        logits,
        target,
        weight=weight,
        ignore_index=ignore_index,
        reduction=reduction,
        label_smoothing=label_smoothing,
    )[1]
