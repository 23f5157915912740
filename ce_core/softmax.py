r"""Softmax, log-softmax and log-sum-exp, shifted by the maximum so that no logit overflows.

The textbook formula :math:`a_i = e^{z_i} / \sum_k e^{z_k}` overflows as soon as one logit passes
``log(finfo.max)`` (11.09 in float16, 88.72 in float32, 709.78 in float64). Softmax is unchanged
when the same constant is subtracted from every logit, so we subtract the largest one: every
exponent is then ``<= 0``, every ``e^{z_i - m}`` lies in ``[0, 1]`` and the largest is exactly 1.
The kernel (:mod:`ce_core.shifted_exp`) also keeps the rounding error of ``z_i - m`` and sums the
others apart from the max's 1, so that every result is exact to a few ulp.

float16 inputs are computed in float32 and rounded once at the end. As in SciPy, ``axis=None``
means the whole array, taken as one flat row.

References
----------
.. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
   softmax functions", IMA J. Numer. Anal. 41(4) (2021) 2311–2330.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, check_axis, check_temperature, work_dtype
from .shifted_exp import exp_and_rest, shift, shifted_row

_SHORT_ROW = 64  # up to this many logits, one row skips the per-axis machinery


def _logits(z: ArrayLike, axis: int | None) -> tuple[np.ndarray, np.ndarray, int]:
    """Return ``(z, work, axis)``: the logits, the array to reduce and its axis.

    ``axis=None`` reduces over the whole array: ``work`` is then ``z`` flattened, along axis 0.
    """
    z = as_float_array(z, "logits")
    if axis is None:
        return z, z.reshape(-1), 0
    return z, z, check_axis(z, axis, "logits")


def _short_row(work: np.ndarray, temperature: float) -> bool:
    return (
        work.ndim == 1
        and temperature == 1.0
        and work.dtype != np.float16
        and 0 < work.size <= _SHORT_ROW
    )


def softmax(z: ArrayLike, axis: int | None = -1, temperature: float = 1.0) -> np.ndarray:
    r"""Return the softmax of ``z`` along ``axis``: :math:`a_i = e^{z_i/T} / \sum_k e^{z_k/T}`.

    Parameters
    ----------
    z : array_like
        Logits, any shape with at least one dimension; float16, float32 or float64 (integers are
        taken as float64). The result has the same shape and dtype.
    axis : int or None
        The axis holding the classes; None for the whole array (one distribution over every
        entry, as ``scipy.special.softmax``).
    temperature : float
        ``T > 0`` and finite. ``T < 1`` sharpens the distribution, ``T > 1`` flattens it.

    Returns
    -------
    ndarray
        Probabilities of ``z``'s shape and dtype, each row (along ``axis``) adding up to 1.

    Notes
    -----
    Computed as :math:`e^{(z_i - m)/T} / \sum_k e^{(z_k - m)/T}` with :math:`m = \max_k z_k`,
    which never overflows. A row of all ``-inf`` has no defined softmax and gives NaN; a row
    holding ``+inf`` or NaN gives NaN. A ``-inf`` logit (a masked class) gets probability 0.

    Examples
    --------
    >>> softmax([2.0, 1.0, 0.1]).round(4)
    array([0.659 , 0.2424, 0.0986])
    >>> softmax([1000.0, 0.0, -1000.0])  # the naive formula gives [nan, 0, 0]
    array([1., 0., 0.])
    >>> softmax([0.0, -np.inf])
    array([1., 0.])
    >>> softmax([[1.0, 1.0], [1.0, 1.0]], axis=None)  # one distribution over all four
    array([[0.25, 0.25],
           [0.25, 0.25]])

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
       softmax functions", IMA J. Numer. Anal. 41(4) (2021) 2311–2330.
    """
    z, work, axis = _logits(z, axis)
    if temperature != 1.0:
        temperature = check_temperature(temperature)
    if work.shape[axis] == 0:
        return z.copy()
    if _short_row(work, temperature):
        row = shifted_row(work)
        if row is not None:
            _, _, e, rest, _ = row
            e /= 1 + rest
            return e if e.shape == z.shape else e.reshape(z.shape)
    work = work.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = shift(work, axis, temperature)
    e, rest = exp_and_rest(s, err, imax, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(np.isfinite(m), e / (1 + rest), np.nan)
    return a.astype(z.dtype, copy=False).reshape(z.shape)


def log_softmax(z: ArrayLike, axis: int | None = -1, temperature: float = 1.0) -> np.ndarray:
    r"""Return :math:`\ln a_i = (z_i - m)/T - \ln \sum_k e^{(z_k - m)/T}`, the log of softmax.

    Same arguments as :func:`softmax`, same shape and dtype returned. Unlike
    ``np.log(softmax(z))`` this never returns ``-inf`` for a finite logit: when :math:`a_i`
    underflows to 0 its logarithm is still a finite, exact number, which is what a loss needs.

    Parameters
    ----------
    z : array_like
        Logits, float16, float32 or float64 (integers are taken as float64).
    axis : int or None
        The axis holding the classes; None for the whole array.
    temperature : float
        ``T > 0`` and finite.

    Returns
    -------
    ndarray
        :math:`\ln a`, ``z``'s shape and dtype; ``-inf`` only for a ``-inf`` logit.

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
       softmax functions", IMA J. Numer. Anal. 41(4) (2021) 2311–2330.

    Examples
    --------
    >>> log_softmax([1000.0, 1.0])
    array([   0., -999.])
    >>> with np.errstate(divide="ignore"):
    ...     np.log(softmax([1000.0, 1.0]))  # the information is gone
    array([  0., -inf])
    """
    z, work, axis = _logits(z, axis)
    if temperature != 1.0:
        temperature = check_temperature(temperature)
    if work.shape[axis] == 0:
        return z.copy()
    if _short_row(work, temperature):
        row = shifted_row(work)
        if row is not None:
            s, err, _, rest, _ = row
            return ((s - np.log1p(rest)) + err).reshape(z.shape)
    work = work.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = shift(work, axis, temperature)
    _, rest = exp_and_rest(s, err, imax, axis)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = np.where(np.isfinite(m), (s - np.log1p(rest)) + err, np.nan)
        # float16 below -65504 is -inf, silently
        return out.astype(z.dtype, copy=False).reshape(z.shape)


def logsumexp(z: ArrayLike, axis: int | None = -1, keepdims: bool = False) -> np.ndarray:
    r"""Return :math:`\ln \sum_k e^{z_k} = m + \ln \sum_k e^{z_k - m}` along ``axis``.

    Parameters
    ----------
    z : array_like
        Logits, float16, float32 or float64 (integers are taken as float64).
    axis : int or None
        The axis to reduce; None for the whole array (as ``scipy.special.logsumexp``).
    keepdims : bool
        Keep the reduced axis (axes, for None) with length 1, so that the result broadcasts
        against ``z``: ``z - logsumexp(z, keepdims=True)`` is :func:`log_softmax`.

    Returns
    -------
    ndarray
        ``z``'s dtype; the reduced axis removed (a 0-d array for a 1-D ``z`` or ``axis=None``)
        unless ``keepdims``. A row of all ``-inf`` gives ``-inf`` (the log of an empty sum), a row
        holding ``+inf`` gives ``+inf``, NaN propagates. An empty axis gives ``-inf``.

    Notes
    -----
    :math:`m = \max_k z_k` contributes exactly 1 to :math:`\sum_k e^{z_k - m}`, so the
    logarithm is taken as :math:`\mathrm{log1p}` of the other terms: accurate when they are tiny,
    which is when the naive ``np.log(np.sum(np.exp(z)))`` is least accurate (or overflows).

    References
    ----------
    .. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
       softmax functions", IMA J. Numer. Anal. 41(4) (2021) 2311–2330.

    Examples
    --------
    >>> float(logsumexp([1000.0, 1000.0]))  # 1000 + ln 2; np.log(np.sum(np.exp(z))) is inf
    1000.6931471805599
    >>> float(logsumexp([-np.inf, -np.inf]))
    -inf
    >>> logsumexp([[0.0, 0.0], [0.0, 0.0]], axis=None, keepdims=True)  # ln 4
    array([[1.38629436]])
    """
    z, work, along = _logits(z, axis)
    if keepdims:
        shape = tuple(1 if axis is None or i == along else n for i, n in enumerate(z.shape))
    else:
        shape = () if axis is None else tuple(n for i, n in enumerate(z.shape) if i != along)
    if work.shape[along] == 0:
        return np.full(shape, -np.inf, dtype=z.dtype)
    if _short_row(work, 1.0):
        row = shifted_row(work)
        if row is not None:
            _, _, _, rest, m = row
            return np.asarray(m + np.log1p(rest)).reshape(shape)
    work = work.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = shift(work, along, 1.0)
    _, rest = exp_and_rest(s, err, imax, along)
    with np.errstate(invalid="ignore", divide="ignore"):
        # A row whose max is -inf, +inf or NaN has that for its log-sum-exp.
        out = np.where(np.isfinite(m), m + np.log1p(rest), m)
    with np.errstate(over="ignore"):  # float16 past 65504 is inf, silently
        return out.astype(z.dtype, copy=False).reshape(shape)


def softmax_jacobian(z: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""Return the Jacobian :math:`J_{ik} = \partial a_i / \partial z_k = a_i(\delta_{ik} - a_k)`.

    That is :math:`J = \mathrm{diag}(a) - a a^\top` for a 1-D ``z`` of K logits: a symmetric
    ``(K, K)`` matrix whose rows sum to 0 (adding a constant to every logit changes nothing).
    With a temperature the whole matrix is divided by ``T``.

    Parameters
    ----------
    z : array_like, shape (K,)
        One example's logits (ValueError for another shape). float16/32/64 are kept.
    temperature : float
        T > 0: the Jacobian of ``softmax(z / T)`` with respect to ``z``.

    Returns
    -------
    numpy.ndarray
        Shape ``(K, K)``, the logits' dtype. Through the chain rule it turns
        :math:`\partial L/\partial a` into :math:`\partial L/\partial z = J^\top\,
        \partial L/\partial a`; for the cross-entropy loss that product is :math:`a - y`.

    Examples
    --------
    >>> softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    z = as_float_array(z, "logits")
    if z.ndim != 1:
        raise ValueError(f"the Jacobian needs a 1-D list of logits, got shape {z.shape}")
    a = softmax(z, temperature=temperature)
    jacobian = np.diag(a) - np.outer(a, a)
    if temperature != 1.0:
        # divide in float64: T itself may underflow to 0 or overflow in float16/32
        with np.errstate(over="ignore", under="ignore"):
            jacobian = (jacobian / np.float64(temperature)).astype(a.dtype)
    return jacobian
