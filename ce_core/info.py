r"""Entropy, cross-entropy and KL divergence of distributions, and checking typed probabilities.

With natural logarithms (nats) and the convention :math:`0 \ln 0 = 0`:

.. math:: H(q) = -\sum_k q_k \ln q_k, \qquad H(q, p) = -\sum_k q_k \ln p_k, \qquad
          D_{KL}(q \,\|\, p) = \sum_k q_k \ln \frac{q_k}{p_k} = H(q, p) - H(q).

So the cross-entropy loss of a one-hot target :math:`q = y` (for which :math:`H(y) = 0`) is the
KL divergence from the prediction :math:`p = a` to the truth, and it is 0 only when
:math:`a = y`. These functions do not check that their inputs are distributions (a negative entry
gives NaN); :func:`check_probabilities` does, with an error the app can translate.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, cast, check_axis, work_dtype
from .errors import MESSAGES as ALL_MESSAGES
from .errors import CodedError

#: The codes a :class:`ProbabilityError` may have, and their English (a view of the one table).
MESSAGES = {
    code: ALL_MESSAGES[code]
    for code in ("empty", "not_finite", "negative", "above_one", "not_normalised", "zero_sum")
}


class ProbabilityError(CodedError):
    """Numbers that are not a probability distribution; ``code`` and ``params`` let the app say why.

    ``code`` is one of the keys of :data:`MESSAGES`; ``params`` holds what its message needs:
    ``position`` (counting from 1) and ``value`` (as text) for one entry, ``total`` and ``tol``
    for the sum.
    """


def _work(p: ArrayLike, name: str, axis: int) -> tuple[np.ndarray, np.dtype, int]:
    a = as_float_array(p, name)
    axis = check_axis(a, axis, name)
    return a.astype(work_dtype(a.dtype), copy=False), a.dtype, axis


def entropy(p: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return the entropy :math:`H(p) = -\sum_k p_k \ln p_k` in nats, with :math:`0 \ln 0 = 0`.

    ``axis`` holds the classes and is removed from the shape; the dtype is kept. 0 for a one-hot
    ``p``, :math:`\ln K` (the largest possible) for the uniform distribution over K classes.

    Parameters
    ----------
    p : array_like
        Probabilities, each slice along ``axis`` a distribution.
    axis : int
        The axis of the classes.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`H(p) \ge 0` in nats, in ``p``'s dtype.

    References
    ----------
    C. E. Shannon, "A mathematical theory of communication", *Bell System Technical Journal* 27
    (1948), 379–423.

    Examples
    --------
    >>> float(entropy([0.5, 0.5]))  # ln 2
    0.6931471805599453
    >>> float(entropy([1.0, 0.0, 0.0]))
    0.0
    """
    q, dtype, axis = _work(p, "p", axis)
    # Entries that are not probabilities (1e308, inf, negative) give -inf or NaN, silently.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        terms = np.where(q == 0, 0, q * np.log(q))
        return cast(-np.sum(terms, axis=axis), dtype)[()]


def perplexity(p: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return :math:`e^{H(p)}`: the number of equally likely classes that would be as uncertain.

    Between 1 (one class is certain) and K (uniform over K classes).

    Parameters
    ----------
    p : array_like
        Probabilities, each slice along ``axis`` a distribution.
    axis : int
        The axis of the classes, removed from the shape.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`e^{H(p)}`, in ``p``'s dtype.

    References
    ----------
    F. Jelinek, R. L. Mercer, L. R. Bahl and J. K. Baker, "Perplexity — a measure of the
    difficulty of speech recognition tasks", *J. Acoust. Soc. Am.* 62 (1977), S63.

    Examples
    --------
    >>> round(float(perplexity([0.25, 0.25, 0.25, 0.25])), 12)
    4.0
    """
    h = np.asarray(entropy(p, axis=axis))
    with np.errstate(over="ignore"):
        return np.exp(h)[()]


def _log_ratio(q: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Return ``ln(q / p)``: from the ratio where it is a normal number (accurate when q ≈ p)."""
    with np.errstate(all="ignore"):
        ratio = q / p
        usable = np.isfinite(ratio) & (ratio >= np.finfo(ratio.dtype).tiny)
        return np.where(usable, np.log(np.where(usable, ratio, 1)), np.log(q) - np.log(p))


def _pair(q: ArrayLike, p: ArrayLike, axis: int) -> tuple[np.ndarray, np.ndarray, np.dtype, int]:
    q_arr, q_dtype, axis = _work(q, "q", axis)
    p_arr, p_dtype, _ = _work(p, "p", axis)
    if q_arr.shape != p_arr.shape:
        raise ValueError(
            f"q and p must have the same shape (one probability per class), "
            f"got {q_arr.shape} and {p_arr.shape}"
        )
    dtype = np.promote_types(q_dtype, p_dtype)
    wdtype = work_dtype(dtype)
    return q_arr.astype(wdtype, copy=False), p_arr.astype(wdtype, copy=False), dtype, axis


def kl_divergence(q: ArrayLike, p: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return :math:`D_{KL}(q \,\|\, p) = \sum_k q_k \ln(q_k / p_k)`, the divergence of p from q.

    ``q`` is the true distribution, ``p`` the model's. A class with :math:`q_k = 0` adds 0 (even
    where :math:`p_k = 0`); a class with :math:`q_k > 0` and :math:`p_k = 0` makes it ``inf``.
    Never negative for distributions (up to rounding), 0 exactly when ``q == p``, and not
    symmetric. ``axis`` is removed from the shape.

    Parameters
    ----------
    q, p : array_like
        The true and the model's distributions, the same shape.
    axis : int
        The axis of the classes.

    Returns
    -------
    ndarray or NumPy scalar
        :math:`D_{KL}(q \,\|\, p) \ge 0`, possibly ``inf``, in the inputs' dtype.

    References
    ----------
    S. Kullback and R. A. Leibler, "On information and sufficiency", *Ann. Math. Statist.* 22
    (1951), 79–86.

    Examples
    --------
    >>> round(float(kl_divergence([0.5, 0.5], [0.9, 0.1])), 12)
    0.510825623766
    >>> float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    q_arr, p_arr, dtype, axis = _pair(q, p, axis)
    with np.errstate(all="ignore"):
        terms = np.where(q_arr == 0, 0, q_arr * _log_ratio(q_arr, p_arr))
        return cast(np.sum(terms, axis=axis), dtype)[()]


def cross_entropy_of_distributions(q: ArrayLike, p: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return the cross-entropy :math:`H(q, p) = -\sum_k q_k \ln p_k = H(q) + D_{KL}(q \,\|\, p)`.

    The loss of predicting ``p`` when the truth is ``q``: for a one-hot ``q`` it is
    :math:`-\ln p_j`. Classes with :math:`q_k = 0` add 0 (even where :math:`p_k = 0`); a class with
    :math:`q_k > 0` and :math:`p_k = 0` makes it ``inf``. ``axis`` is removed from the shape.

    Examples
    --------
    >>> round(float(cross_entropy_of_distributions([0, 0, 0, 1, 0], [0.1, 0.1, 0.1, 0.2, 0.5])), 12)
    1.609437912434
    """
    q_arr, p_arr, dtype, axis = _pair(q, p, axis)
    with np.errstate(all="ignore"):
        terms = np.where(q_arr == 0, 0, q_arr * np.log(p_arr))
        return cast(-np.sum(terms, axis=axis), dtype)[()]


def loss_from_probabilities(a: ArrayLike, j: int, *, tol: float = 1e-6) -> np.floating:
    r"""Return the loss :math:`-\ln a_j` for typed probabilities ``a`` and true class ``j``.

    Exactly ``-np.log(a[j])``, after :func:`check_probabilities` (so it raises ProbabilityError
    for numbers that are not a distribution). ``j`` counts from 0. :math:`a_j = 0` gives ``inf``.

    Examples
    --------
    >>> float(loss_from_probabilities([0.1, 0.1, 0.1, 0.2, 0.5], 3))  # -ln 0.2
    1.6094379124341003
    """
    probabilities = check_probabilities(a, tol=tol)
    k = probabilities.size
    if isinstance(j, bool) or not isinstance(j, int | np.integer) or not 0 <= j < k:
        raise ValueError(
            f"class {j!r} is out of bounds: with {k} classes the class indices are 0 to {k - 1} "
            f"(counting from 0)"
        )
    with np.errstate(divide="ignore"):
        return -np.log(probabilities[j])


def check_probabilities(a: ArrayLike, tol: float = 1e-6) -> np.ndarray:
    r"""Return ``a`` as a 1-D float array if it is a probability distribution, else raise.

    A distribution has finite entries :math:`a_k \ge 0`, none above :math:`1 + \text{tol}`,
    and :math:`|\sum_k a_k - 1| \le \text{tol}` (typed numbers such as ``0.1`` are not exact).

    Raises
    ------
    ProbabilityError
        With ``code`` (checked in this order) ``empty``; ``not_finite``, ``negative`` or
        ``above_one`` for the first such entry, with its ``position`` (from 1) and ``value``;
        ``not_normalised`` with the ``total`` and ``tol``.
    ValueError
        When ``a`` is not 1-D (a scalar or a table), or ``tol`` is not a finite number >= 0.

    Examples
    --------
    >>> check_probabilities([0.1, 0.1, 0.1, 0.2, 0.5])
    array([0.1, 0.1, 0.1, 0.2, 0.5])
    >>> check_probabilities([0.5, 0.6])
    Traceback (most recent call last):
    ...
    ce_core.info.ProbabilityError: The probabilities add up to 1.1, not 1 (allowed difference:
    1e-06).
    """
    x = as_float_array(a, "probabilities")
    if x.ndim != 1:
        raise ValueError(f"probabilities must be a list of numbers, got shape {x.shape}")
    try:
        tol = float(tol)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the tolerance tol must be a number, got {tol!r}") from exc
    if not 0 <= tol < np.inf:
        raise ValueError(f"the tolerance tol must be finite and at least 0, got {tol}")
    if x.size == 0:
        raise ProbabilityError("empty")
    with np.errstate(invalid="ignore"):
        for code, bad in (
            ("not_finite", ~np.isfinite(x)),
            ("negative", x < 0),
            ("above_one", x > np.float64(1 + tol)),  # 1 + tol may pass float16's 65504
        ):
            if np.any(bad):
                k = int(np.argmax(bad))
                raise ProbabilityError(code, position=k + 1, value=f"{float(x[k]):.6g}")
    with np.errstate(over="ignore"):  # entries up to 1 + tol may add up past finfo.max
        total = float(np.sum(x, dtype=np.float64))
    if not abs(total - 1) <= tol:
        raise ProbabilityError("not_normalised", total=f"{total:.10g}", tol=f"{tol:g}")
    return x


def normalise(a: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return :math:`a_k / \sum_i a_i` along ``axis``: non-negative weights made to add up to 1.

    Raises
    ------
    ProbabilityError
        ``empty``; ``not_finite`` or ``negative`` for the first such entry (``position`` counts
        from 1 along ``axis``, ``value``); ``zero_sum`` when the entries along ``axis`` are all 0.

    Examples
    --------
    >>> normalise([1, 1, 2])
    array([0.25, 0.25, 0.5 ])
    """
    x, dtype, axis = _work(a, "probabilities", axis)
    if x.size == 0:
        raise ProbabilityError("empty")
    moved = np.moveaxis(x, axis, -1)
    with np.errstate(invalid="ignore"):
        for code, bad in (("not_finite", ~np.isfinite(moved)), ("negative", moved < 0)):
            if np.any(bad):
                where = np.unravel_index(int(np.argmax(bad)), moved.shape)
                value = float(moved[where])
                raise ProbabilityError(code, position=int(where[-1]) + 1, value=f"{value:.6g}")
    with np.errstate(over="ignore"):
        total = np.sum(x, axis=axis, keepdims=True)
    if np.any(total == 0):
        raise ProbabilityError("zero_sum")
    big = np.isinf(total)
    if np.any(big):  # finite weights whose sum passes finfo.max: divide by the largest first
        x = x / np.where(big, np.max(x, axis=axis, keepdims=True), 1)
        total = np.sum(x, axis=axis, keepdims=True)
    return cast(x / total, dtype)
