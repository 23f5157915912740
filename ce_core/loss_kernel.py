r"""The fused cross-entropy kernel: loss and gradient of a block of rows in one pass.

The work is done in blocks of rows that fit in the CPU's cache, straight into the buffer that
is returned as the gradient: shift by the row's max, ``exp`` in place, sum, scale. Large inputs
are split across the cores (NumPy releases the GIL inside its loops). One short example takes a
path of plain Python floats (:func:`small_example`), where NumPy's per-call overhead would
dominate.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .arrays import FLOAT_DTYPES, work_dtype
from .exact import two_sum
from .loss_problem import REDUCTIONS, Problem

_BLOCK_BYTES = 4 << 20  # a block of rows: few NumPy calls per row, and it stays in L3
_PARALLEL_MIN_ELEMENTS = 1 << 20  # below this, threads cost more than they bring
_THREADS = max(1, min(os.cpu_count() or 1, 8))
# ln(K) / 2 as the kernel computes it (NumPy's log, not libm's), for the short rows of one_row_loss.
_HALF_LOG_K = [np.log(k) / 2 if k else np.float64(0) for k in range(65)]
_HALF_LOG_K_FLOAT = [float(half) for half in _HALF_LOG_K]
_pool: ThreadPoolExecutor | None = None


def _rounding_correction(z: np.ndarray, m: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Return ``sum_k e_k err_k`` per row, where ``s_k + err_k = z_k - m`` exactly.

    ``e = e^s`` was computed from the rounded shift ``s = fl(z - m)``; since
    ``e^{s + err} ~ e^s (1 + err)``, this is what the exact shift adds to the sum. ``err`` comes
    from Knuth's TwoSum; terms that are not finite (a ``-inf`` logit has ``e = 0``) add nothing.
    """
    _, err = two_sum(z.astype(e.dtype, copy=False), -m)
    correction = np.vecdot(e, err)
    bad = ~np.isfinite(correction)
    if bad.any():
        correction[bad] = np.vecdot(e[bad], np.where(np.isfinite(err[bad]), err[bad], 0))
    return correction


def _rows(p: Problem, start: int, stop: int, scale: float, s: np.ndarray, grad_rows):
    """Return the losses of rows ``start:stop``, working in ``s`` (their shape, working dtype).

    When ``grad_rows`` is given, the rows' gradient times ``scale`` ends up there (``s`` may be
    ``grad_rows`` itself, which saves a copy).

    Only ``log1p(rest)`` needs the rounding error of ``z - m`` (see :func:`_rounding_correction`),
    and only where the loss is small: the error it leaves is at most ``u/2 * ln K`` (``u`` the
    unit roundoff), under 1 ulp of any loss above ``ln(K)/2``. With class targets, the rows below
    that are corrected after the fact; the other paths correct every row.
    """
    z = p.logits[start:stop]
    b, k = z.shape
    rows = np.arange(b)
    eps = p.smoothing
    w = p.weight
    c = t = w_t = None
    with np.errstate(all="ignore"):
        imax = np.argmax(z, axis=1)
        m = z[rows, imax][:, None].astype(s.dtype)
        np.subtract(z, m, out=s, dtype=s.dtype)
        if p.probs is not None:
            c = p.probs[start:stop]
            if eps:
                c = c * (1 - eps) + eps / k
            if w is not None:
                c = c * w
            c_sum = c.sum(axis=1)
            c_dot_s = np.einsum("ij,ij->i", c, s)
            correction = 0
        else:
            t = p.classes[start:stop]
            w_t = np.ones(b, s.dtype) if w is None else w[t]
            c_sum = (1 - eps) * w_t
            s_t, s_t_err = _two_diff(z[rows, t], z[rows, imax], s.dtype)
            c_dot_s = c_sum * s_t
            correction = c_sum * s_t_err
            if eps:
                c_sum = c_sum + eps / k * (k if w is None else w.sum())
                c_dot_s = c_dot_s + eps / k * (s.sum(axis=1) if w is None else s @ w)
        np.exp(s, out=s)
        # The max contributes exactly 1: sum the rest alone, so that log1p keeps tiny losses.
        s[rows, imax] = 0
        rest = s.sum(axis=1)
        if p.probs is not None or eps:
            rest += _rounding_correction(z, m, s)
        else:
            small = np.flatnonzero(np.log1p(rest) - s_t < np.log(k) / 2)
            if small.size:
                rest[small] += _rounding_correction(z[small], m[small], s[small])
        s[rows, imax] = 1
        loss = (np.log1p(rest) * c_sum - c_dot_s) - correction
        if grad_rows is not None:
            _gradient(p, s, c_sum * scale / (1 + rest), (c, t, w_t), scale, grad_rows, start)
    if p.ignored is not None:
        loss[p.ignored[start:stop]] = 0
    return loss


def _gradient(p: Problem, s: np.ndarray, factor, target, scale: float, grad_rows, start: int):
    r"""Turn ``s = e^{z - m}`` into the rows' gradient :math:`(a \sum_k c_k - c)` times ``scale``.

    ``factor`` is :math:`\sum_k c_k \cdot \text{scale} / \sum_k e^{z_k - m}` per row;
    ``target`` is ``(c, t, w_t)``: the probability coefficients, or the classes and their weights.
    """
    c, t, w_t = target
    b, k = s.shape
    eps, w = p.smoothing, p.weight
    s *= factor[:, None]
    if p.probs is not None:
        s -= c * scale
    else:
        s[np.arange(b), t] -= (1 - eps) * w_t * scale
        if eps:
            s -= (eps / k * scale) * (1 if w is None else w)
    if p.ignored is not None:
        s[p.ignored[start : start + b]] = 0
    if grad_rows is not s:
        grad_rows[...] = s


def _two_diff(x: np.ndarray, y: np.ndarray, dtype) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(d, err)``: ``d = fl(x - y)`` and ``d + err = x - y`` exactly (Knuth's TwoSum)."""
    d, err = two_sum(x.astype(dtype, copy=False), -y.astype(dtype, copy=False))
    return d, np.where(np.isfinite(err), err, 0)


def run(p: Problem, scale: float, grad: np.ndarray | None) -> np.ndarray:
    """Return all rows' losses (float64), filling ``grad`` with the gradient when it is given."""
    n, k = p.logits.shape
    wdtype = work_dtype(p.logits.dtype)
    in_place = grad is not None and grad.dtype == wdtype
    block = max(1, min(n, _BLOCK_BYTES // max(1, k * wdtype.itemsize)))
    losses = np.empty(n, dtype=np.float64)

    def chunk(lo: int, hi: int) -> None:
        scratch = None if in_place else np.empty((block, k), dtype=wdtype)
        for start in range(lo, hi, block):
            stop = min(hi, start + block)
            grad_rows = None if grad is None else grad[start:stop]
            s = grad_rows if in_place else scratch[: stop - start]
            losses[start:stop] = _rows(p, start, stop, scale, s, grad_rows)

    if n * k >= _PARALLEL_MIN_ELEMENTS and n > 1 and _THREADS > 1:
        bounds = np.linspace(0, n, min(_THREADS, n) + 1).astype(int)
        list(_executor().map(chunk, bounds[:-1], bounds[1:]))
    else:
        chunk(0, n)
    return losses


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=_THREADS, thread_name_prefix="ce_core")
    return _pool


def reduce_losses(p: Problem, losses: np.ndarray, denominator: float):
    dtype = p.logits.dtype
    # Losses are float64: one beyond float16/32 becomes inf when rounded, silently.
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if p.reduction == "none":
            out = losses.astype(dtype)
            return out[0] if p.single else out
        total = float(np.sum(losses))
        if p.reduction == "sum":
            return dtype.type(total)
        if denominator == 0:  # every row ignored or weighing 0: NaN, as PyTorch (0 / 0)
            return dtype.type(np.nan)
        return dtype.type(np.float64(total) / np.float64(denominator))


def grad_scale(p: Problem, denominator: float) -> float:
    if p.reduction != "mean":
        return 1.0
    with np.errstate(divide="ignore"):
        return float(np.float64(1.0) / np.float64(denominator))


def small_example(logits, target, weight, ignore_index, reduction, label_smoothing):
    """Return ``(loss, grad)`` for one short row of finite logits and a plain class, else None.

    The common teaching case (5 logits, one class, no options) is dominated by NumPy's per-call
    overhead; plain Python floats do it several times faster, in float64 (then rounded to the
    input's dtype, which is never less accurate).
    """
    if (
        weight is not None
        or label_smoothing != 0.0
        or reduction not in REDUCTIONS
        or type(target) is not int
        or type(ignore_index) is not int
    ):
        return None
    if type(logits) is np.ndarray:
        if logits.ndim != 1 or logits.dtype not in FLOAT_DTYPES or not 0 < logits.size <= 32:
            return None
        dtype = logits.dtype
        z = logits.tolist()
    elif type(logits) is list and 0 < len(logits) <= 32:
        if not all(type(v) is float or type(v) is int for v in logits):
            return None
        dtype = np.dtype(np.float64)
        z = logits
    else:
        return None
    k = len(z)
    if not (0 <= target < k) or target == ignore_index or not all(map(math.isfinite, z)):
        return None
    m = max(z)
    e = []
    for v in z:
        d, d_err = two_sum(v, -m)  # d + d_err = v - m exactly
        x = math.exp(d)
        e.append(x + x * d_err if math.isfinite(d_err) else x)
    rest = math.fsum([*e, -1.0])  # the others alone: the max contributes exactly 1
    s_t, s_t_err = two_sum(z[target], -m)  # s_t + s_t_err = z_t - m exactly
    if not math.isfinite(s_t_err):  # z_t - m overflowed to -inf: the loss is inf
        s_t_err = 0.0
    loss = (math.log1p(rest) - s_t) - s_t_err
    total = 1.0 + rest
    grad = np.array(e, dtype=np.float64)
    grad /= total
    grad[target] -= 1.0
    with np.errstate(over="ignore"):  # a loss beyond float16/32 is inf, silently
        return dtype.type(loss), grad.astype(dtype, copy=False)


def one_row_loss(logits, target, weight, ignore_index, reduction, label_smoothing):
    """Return the loss of one short row and a plain class as :func:`run` gives it, else None.

    The same NumPy operations as the kernel on a ``(1, K)`` block, bit for bit (the pages' finite
    differences depend on the last bit), without the block machinery: several times faster.
    """
    if weight is not None or label_smoothing != 0.0 or reduction not in REDUCTIONS:
        return None
    if type(target) is not int or type(ignore_index) is not int or target == ignore_index:
        return None
    if type(logits) is list and all(type(v) is float or type(v) is int for v in logits):
        logits = np.array(logits, dtype=np.float64)
    if type(logits) is not np.ndarray or logits.ndim != 1 or logits.dtype not in FLOAT_DTYPES:
        return None
    k = logits.size
    if not (0 < k <= 64 and 0 <= target < k):
        return None
    if logits.dtype == np.float64:
        return _one_float64_row(logits, target, k)
    wdtype = work_dtype(logits.dtype)
    with np.errstate(all="ignore"):
        i = int(logits.argmax())
        m = logits[i].astype(wdtype)
        s = np.subtract(logits, m, dtype=wdtype)
        s_t, s_t_err = two_sum(logits[target].astype(wdtype), -m)
        if not np.isfinite(s_t_err):
            s_t_err = wdtype.type(0)
        np.exp(s, out=s)
        s[i] = 0
        rest = np.add.reduce(s)
        if np.log1p(rest) - s_t < _HALF_LOG_K[k]:
            rest += _rounding_correction(logits[None], m.reshape(1, 1), s[None])[0]
        loss = (np.log1p(rest) - s_t) - s_t_err
        return logits.dtype.type(float(loss))


def _one_float64_row(z: np.ndarray, target: int, k: int) -> np.float64:
    """:func:`one_row_loss` for float64: the scalar steps in Python floats, which round as
    float64 does, and only ``exp``, the sum and ``log1p`` in NumPy (whose ``exp``/``log1p`` are
    not libm's: ``math.exp`` would differ from the kernel in the last bit)."""
    with np.errstate(all="ignore"):
        i = int(z.argmax())
        m = float(z[i])
        s_t, s_t_err = two_sum(float(z[target]), -m)
        if not math.isfinite(s_t_err):
            s_t_err = 0.0
        s = z - m
        np.exp(s, out=s)
        s[i] = 0
        rest = np.add.reduce(s)
        log1p_rest = float(np.log1p(rest))
        if log1p_rest - s_t < _HALF_LOG_K_FLOAT[k]:
            rest += _rounding_correction(z[None], np.array([[m]]), s[None])[0]
            log1p_rest = float(np.log1p(rest))
        return np.float64((log1p_rest - s_t) - s_t_err)
