r"""Softmax, log-softmax and log-sum-exp, shifted by the maximum so that no logit overflows.

The textbook formula :math:`a_i = e^{z_i} / \sum_k e^{z_k}` overflows as soon as one logit passes
``log(finfo.max)`` (11.09 in float16, 88.72 in float32, 709.78 in float64). Softmax is unchanged
when the same constant is subtracted from every logit, so we subtract the largest one: every
exponent is then ``<= 0``, every ``e^{z_i - m}`` lies in ``[0, 1]`` and the largest is exactly 1.

Two refinements make the results exact to a few ulp (checked against a 60-digit ``mpmath``
reference in the tests):

* the rounding error of ``z_i - m`` is recovered exactly (Knuth's TwoSum) and folded back into
  ``e^{z_i - m}``, so a logit far below the maximum keeps its full relative accuracy;
* ``log(sum)`` is computed as ``log1p(sum of the others)``, the maximum contributing exactly 1,
  so a confident prediction's tiny loss is not lost to rounding (Blanchard, Higham & Higham,
  "Accurately computing the log-sum-exp and softmax functions", IMA J. Numer. Anal., 2021).

float16 inputs are computed in float32 and rounded once at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, check_axis, check_temperature, work_dtype
from .exact import two_product, two_sum


def _shift(z: np.ndarray, axis: int, temperature: float):
    """Return ``(s, err, m, imax)``: ``s + err = (z - m) / T`` to about twice working precision.

    ``m`` is the maximum along ``axis`` (kept dims, NaN if the row holds one); ``imax`` is its
    index. Where ``m`` is not finite the shift used is 0 (as SciPy), and the callers decide what
    such a row gives.
    """
    imax = np.argmax(z, axis=axis, keepdims=True)
    m = np.take_along_axis(z, imax, axis=axis)
    with np.errstate(invalid="ignore"):
        shift = np.where(np.isfinite(m), m, 0).astype(z.dtype)
    with np.errstate(invalid="ignore", over="ignore"):
        s, err = two_sum(z, -shift)  # err is not finite where s is +-inf or NaN
    err[~np.isfinite(err)] = 0
    if temperature != 1.0:
        s, err = _divide(s, err, temperature)
    return s, err, m, imax


def _divide(s: np.ndarray, err: np.ndarray, temperature: float):
    """Return ``(q, q_err)`` with ``q + q_err = (s + err) / T`` to about twice working precision.

    Rounding ``s / T`` once moves ``e^{s/T}`` by ``|s/T|`` ulp (hundreds, far below the max), so
    the remainder is kept as for ``z - m``: exactly, by Dekker's product, in float64; in float32
    by dividing in float64.
    """
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        if s.dtype == np.float32:
            wide = (s.astype(np.float64) + err) / temperature
            q = wide.astype(np.float32)
            q_err = (wide - q).astype(np.float32)
        else:
            q = s / temperature
            # q * T = p + p_err exactly (Dekker), so s - q * T = (s - p) - p_err exactly
            p, p_err = two_product(q, temperature)
            q_err = (((s - p) - p_err) + err) / temperature
    q_err[~np.isfinite(q_err)] = 0  # where q is +-inf or too large to split, e^q is 0 anyway
    return q, q_err


def _exp_and_rest(s: np.ndarray, err: np.ndarray, imax: np.ndarray, axis: int):
    """Return ``(e, rest)``: ``e = exp(s + err)`` and ``rest``, the sum of ``e`` but the max."""
    with np.errstate(under="ignore", over="ignore", invalid="ignore"):
        e = np.exp(s)
        e += e * err
        at_max = np.take_along_axis(e, imax, axis=axis)
        np.put_along_axis(e, imax, 0, axis=axis)
        rest = np.sum(e, axis=axis, keepdims=True)
        np.put_along_axis(e, imax, at_max, axis=axis)
    return e, rest


def _empty_along(z: np.ndarray, axis: int) -> bool:
    return z.shape[axis] == 0


def softmax(z: ArrayLike, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    r"""Return the softmax of ``z`` along ``axis``: :math:`a_i = e^{z_i/T} / \sum_k e^{z_k/T}`.

    Parameters
    ----------
    z : array_like
        Logits, any shape with at least one dimension; float16, float32 or float64 (integers are
        taken as float64). The result has the same shape and dtype.
    axis : int
        The axis holding the classes.
    temperature : float
        ``T > 0`` and finite. ``T < 1`` sharpens the distribution, ``T > 1`` flattens it.

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
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    temperature = check_temperature(temperature)
    if _empty_along(z, axis):
        return z.copy()
    work = z.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = _shift(work, axis, temperature)
    e, rest = _exp_and_rest(s, err, imax, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(np.isfinite(m), e / (1 + rest), np.nan)
    return a.astype(z.dtype, copy=False)


def log_softmax(z: ArrayLike, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    r"""Return :math:`\ln a_i = (z_i - m)/T - \ln \sum_k e^{(z_k - m)/T}`, the log of softmax.

    Same arguments as :func:`softmax`. Unlike ``np.log(softmax(z))`` this never returns ``-inf``
    for a finite logit: when :math:`a_i` underflows to 0 its logarithm is still a finite, exact
    number, which is what a loss needs.

    Examples
    --------
    >>> log_softmax([1000.0, 1.0])
    array([   0., -999.])
    >>> with np.errstate(divide="ignore"):
    ...     np.log(softmax([1000.0, 1.0]))  # the information is gone
    array([  0., -inf])
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    temperature = check_temperature(temperature)
    if _empty_along(z, axis):
        return z.copy()
    work = z.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = _shift(work, axis, temperature)
    _, rest = _exp_and_rest(s, err, imax, axis)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = np.where(np.isfinite(m), (s - np.log1p(rest)) + err, np.nan)
        return out.astype(z.dtype, copy=False)  # float16 below -65504 is -inf, silently


def logsumexp(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return :math:`\ln \sum_k e^{z_k} = m + \ln \sum_k e^{z_k - m}` along ``axis``.

    The classes' axis is removed from the shape. A row of all ``-inf`` gives ``-inf`` (the log of
    an empty sum), a row holding ``+inf`` gives ``+inf``, NaN propagates. An empty axis gives
    ``-inf``.

    Examples
    --------
    >>> float(logsumexp([1000.0, 1000.0]))  # 1000 + ln 2
    1000.6931471805599
    >>> float(logsumexp([-np.inf, -np.inf]))
    -inf
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    if _empty_along(z, axis):
        return np.full(np.delete(z.shape, axis), -np.inf, dtype=z.dtype)
    work = z.astype(work_dtype(z.dtype), copy=False)
    s, err, m, imax = _shift(work, axis, 1.0)
    _, rest = _exp_and_rest(s, err, imax, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        # A row whose max is -inf, +inf or NaN has that for its log-sum-exp.
        out = np.where(np.isfinite(m), m + np.log1p(rest), m)
    with np.errstate(over="ignore"):  # float16 past 65504 is inf, silently
        return np.squeeze(out, axis=axis).astype(z.dtype, copy=False)


def naive_softmax(z: ArrayLike, axis: int = -1) -> np.ndarray:
    r"""Return the textbook :math:`e^{z_i} / \sum_k e^{z_k}` with no shift, in the input's dtype.

    This is the formula that breaks: it overflows to ``inf`` (and ``inf / inf = NaN``) once a
    logit passes ``ln(finfo.max)``: 11.09 in float16, 88.72 in float32, 709.78 in float64; and it
    underflows to ``0 / 0 = NaN`` when every logit is very negative. It does so silently: no
    warning escapes. Kept for teaching; never use it for a loss.

    Examples
    --------
    >>> naive_softmax(np.array([1000.0, 0.0]))
    array([nan,  0.])
    >>> naive_softmax(np.array([12.0, 0.0], dtype=np.float16))
    array([nan,  0.], dtype=float16)
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    with np.errstate(all="ignore"):
        e = np.exp(z)
        return e / np.sum(e, axis=axis, keepdims=True, dtype=z.dtype)


@dataclass(frozen=True)
class SoftmaxSteps:
    """Every intermediate of one softmax, so that a page can show where an inf or NaN is born."""

    z: np.ndarray  #: the logits
    shift: np.ndarray  #: what was subtracted (the max, or 0 for the naive formula), kept dims
    shifted: np.ndarray  #: z - shift
    exp: np.ndarray  #: e^(z - shift)
    total: np.ndarray  #: the sum of the exponentials, kept dims
    a: np.ndarray  #: exp / total: the softmax
    stable: bool  #: whether the max was subtracted
    axis: int = -1  #: the axis the softmax runs along

    def first_non_finite(self) -> str | None:
        """Return the first step (``shifted``, ``exp``, ``total``, ``a``) where inf or NaN is born.

        Born means computed from finite values: an inf or NaN that was typed is only passed on,
        and a typed ``-inf`` (a masked class) is meant to go through ``z - max`` as ``-inf`` and
        come out as ``e^{-inf} = 0``.
        """
        masked = np.isneginf(self.z)
        z_ok = np.isfinite(self.z) | masked
        shifted_ok = np.isfinite(self.shifted) | (masked & np.isneginf(self.shifted))
        exp_ok = np.isfinite(self.exp)
        total_ok = np.isfinite(self.total)
        born = {
            "shifted": ~shifted_ok & z_ok,
            "exp": ~exp_ok & shifted_ok,
            "total": ~total_ok & np.all(exp_ok, axis=self.axis, keepdims=True),
            "a": ~np.isfinite(self.a) & exp_ok & total_ok,
        }
        return next((name for name, cells in born.items() if cells.any()), None)


def softmax_steps(z: ArrayLike, stable: bool = True, axis: int = -1) -> SoftmaxSteps:
    r"""Return the steps :math:`z \to z - m \to e^{z - m} \to \Sigma \to a`, in the input's dtype.

    With ``stable=False`` the shift is 0 (the textbook formula, as :func:`naive_softmax`), so the
    step where the input's dtype overflows is visible. Each step is computed in the input's own
    dtype, exactly as a program written that way would (no warnings escape).

    Examples
    --------
    >>> steps = softmax_steps(np.array([100.0, 0.0], dtype=np.float32), stable=False)
    >>> steps.exp, steps.first_non_finite()
    (array([inf,  1.], dtype=float32), 'exp')
    >>> softmax_steps(np.array([100.0, 0.0], dtype=np.float32)).first_non_finite() is None
    True
    """
    z = as_float_array(z, "logits")
    axis = check_axis(z, axis, "logits")
    with np.errstate(all="ignore"):
        if stable:
            # initial=-inf: an empty row has no max; its shift is 0 like any non-finite max
            shift = np.max(z, axis=axis, keepdims=True, initial=-np.inf)
            shift = np.where(np.isfinite(shift), shift, 0).astype(z.dtype)
        else:
            shift = np.zeros_like(np.sum(z, axis=axis, keepdims=True))
        shifted = z - shift
        e = np.exp(shifted)
        total = np.sum(e, axis=axis, keepdims=True, dtype=z.dtype)
        a = e / total
    return SoftmaxSteps(z, shift, shifted, e, total, a, stable, axis)


def softmax_jacobian(z: ArrayLike, temperature: float = 1.0) -> np.ndarray:
    r"""Return the Jacobian :math:`J_{ik} = \partial a_i / \partial z_k = a_i(\delta_{ik} - a_k)`.

    That is :math:`J = \mathrm{diag}(a) - a a^\top` for a 1-D ``z`` of K logits: a symmetric
    ``(K, K)`` matrix whose rows sum to 0 (adding a constant to every logit changes nothing).
    With a temperature the whole matrix is divided by ``T``.

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
