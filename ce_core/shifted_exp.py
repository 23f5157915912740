r"""The kernel of softmax, log-softmax and log-sum-exp: :math:`e^{(z_i - m)/T}`, kept exact.

With :math:`m = \max_k z_k`, every exponent is :math:`\le 0`, so no exponential overflows and the
largest is exactly 1. Two refinements keep the results within a few ulp of the exact value
(checked against a 60-digit ``mpmath`` reference in the tests):

* the rounding error of :math:`z_i - m` is recovered exactly (:func:`~ce_core.exact.two_sum`) and
  folded back into :math:`e^{z_i - m}`, so a logit far below the maximum keeps its relative
  accuracy;
* the sum of the exponentials is returned without the maximum's 1 (``rest``), so that callers take
  :math:`\ln(1 + \text{rest})` with ``log1p``: a confident prediction's tiny loss is not lost to
  rounding (Blanchard, Higham & Higham 2021).

References
----------
.. [1] P. Blanchard, D. J. Higham and N. J. Higham, "Accurately computing the log-sum-exp and
   softmax functions", IMA J. Numer. Anal. 41(4) (2021) 2311–2330.
"""

from __future__ import annotations

import numpy as np

from .exact import two_product, two_sum


def shift(z: np.ndarray, axis: int, temperature: float):
    """Return ``(s, err, m, imax)``: ``s + err = (z - m) / T`` to about twice working precision.

    ``m`` is the maximum along ``axis`` (kept dims, NaN if the row holds one); ``imax`` is its
    index. Where ``m`` is not finite the shift used is 0 (as SciPy), and the callers decide what
    such a row gives.
    """
    imax = np.argmax(z, axis=axis, keepdims=True)
    m = np.take_along_axis(z, imax, axis=axis)
    with np.errstate(invalid="ignore"):
        offset = np.where(np.isfinite(m), m, 0).astype(z.dtype)
    with np.errstate(invalid="ignore", over="ignore"):
        s, err = two_sum(z, -offset)  # err is not finite where s is +-inf or NaN
    err[~np.isfinite(err)] = 0
    if temperature != 1.0:
        s, err = divide(s, err, temperature)
    return s, err, m, imax


def divide(s: np.ndarray, err: np.ndarray, temperature: float):
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


def exp_and_rest(s: np.ndarray, err: np.ndarray, imax: np.ndarray, axis: int):
    """Return ``(e, rest)``: ``e = exp(s + err)`` and ``rest``, the sum of ``e`` but the max."""
    with np.errstate(under="ignore", over="ignore", invalid="ignore"):
        e = np.exp(s)
        e += e * err
        at_max = np.take_along_axis(e, imax, axis=axis)
        np.put_along_axis(e, imax, 0, axis=axis)
        rest = np.sum(e, axis=axis, keepdims=True)
        np.put_along_axis(e, imax, at_max, axis=axis)
    return e, rest


def shifted_row(z: np.ndarray):
    """Return ``(s, err, e, rest, m)`` of :func:`shift` and :func:`exp_and_rest` for one row.

    The same operations on a 1-D float32/64 ``z`` at ``T = 1``, bit for bit, without the per-axis
    machinery (nor ``np.errstate``) that costs more than the arithmetic on a short row. ``None``
    when ``z - m`` could overflow (a ``-inf``, NaN or huge spread), which the general path handles:
    otherwise every ``s`` and ``err`` is finite, and nothing here can warn.
    """
    i = int(z.argmax())  # the first NaN, if any
    values = z.tolist()
    m = values[i]
    if not m - min(values) <= _HALF_MAX[z.dtype.char]:  # False for NaN and inf too
        return None
    m = z[i]
    s, err = two_sum(z, -m)
    e = np.exp(s)
    e += e * err
    e[i] = 0  # the max contributes exactly e^0 = 1: sum the others alone
    rest = np.add.reduce(e)
    e[i] = 1
    return s, err, e, rest, m


_HALF_MAX = {"f": float(np.finfo(np.float32).max) / 2, "d": float(np.finfo(np.float64).max) / 2}
