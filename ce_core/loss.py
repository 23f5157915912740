r"""Cross-entropy loss and its gradient, with the semantics of PyTorch's ``F.cross_entropy``.

For one example with logits :math:`z`, softmax :math:`a` and one-hot target :math:`y`:

.. math:: L = -\sum_k y_k \ln a_k = -\ln a_j, \qquad \frac{\partial L}{\partial z} = a - y.

Every option of ``torch.nn.functional.cross_entropy`` is here and means what it means there:
class weights, ``ignore_index``, ``reduction``, ``label_smoothing`` and probability ("soft")
targets. In general each row's loss is :math:`-\sum_k c_k \ln a_k` for some coefficients
:math:`c` (the weighted, smoothed target), and its gradient is :math:`a \sum_k c_k - c`.

The work is done in blocks of rows that fit in the CPU's cache, straight into the buffer that
is returned as the gradient: shift by the row's max, ``exp`` in place, sum, scale. Large inputs
are split across the cores (NumPy releases the GIL inside its loops).
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .arrays import FLOAT_DTYPES, as_float_array, cast, cast_finite, work_dtype
from .classes import check_class_range, class_indices, whole_number
from .exact import two_sum

REDUCTIONS = ("mean", "sum", "none")

_BLOCK_BYTES = 4 << 20  # a block of rows: few NumPy calls per row, and it stays in L3
_PARALLEL_MIN_ELEMENTS = 1 << 20  # below this, threads cost more than they bring
_THREADS = max(1, min(os.cpu_count() or 1, 8))
_pool: ThreadPoolExecutor | None = None


@dataclass(frozen=True)
class _Problem:
    """Validated arguments of a cross-entropy call, logits always 2-D."""

    logits: np.ndarray  # (N, K)
    single: bool  # the caller passed one example of shape (K,)
    classes: np.ndarray | None  # (N,) int64 class indices, ignored rows set to 0
    ignored: np.ndarray | None  # (N,) bool, rows whose target is ignore_index
    probs: np.ndarray | None  # (N, K) probability targets
    weight: np.ndarray | None  # (K,) in the working dtype
    reduction: str
    smoothing: float

    @property
    def num_classes(self) -> int:
        return self.logits.shape[1]


def _prepare(logits, target, weight, ignore_index, reduction, label_smoothing) -> _Problem:
    z = as_float_array(logits, "logits")
    if z.ndim not in (1, 2):
        raise ValueError(
            f"logits must be a list of K numbers or an N x K table, got shape {z.shape}"
        )
    single = z.ndim == 1
    z2 = z[None, :] if single else z
    n, k = z2.shape
    if k == 0:
        raise ValueError("logits need at least one class")
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be 'mean', 'sum' or 'none', got {reduction!r}")
    try:
        smoothing = float(label_smoothing)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"label_smoothing must be a number, got {label_smoothing!r}") from exc
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError(f"label_smoothing must be between 0 and 1, got {smoothing}")
    ignore_index = whole_number(ignore_index, "ignore_index")
    wdtype = work_dtype(z.dtype)
    w = None
    if weight is not None:
        w = as_float_array(weight, "weight")
        if w.shape != (k,):
            raise ValueError(f"weight must hold one number per class ({k}), got shape {w.shape}")

    t = np.asarray(target)
    if t.shape == z.shape and t.ndim > 0 and (t.dtype.kind == "f" or t.shape != ()):
        # Same shape as the logits: class probabilities, as in PyTorch.
        if ignore_index >= 0:
            raise ValueError(
                "ignore_index only applies to class-index targets, not to probability targets"
            )
        probs = cast(as_float_array(t, "target"), wdtype)
        probs = probs[None, :] if single else probs
        w = _class_weights(w, wdtype, scale_free=False)
        return _Problem(z2, single, None, None, probs, w, reduction, smoothing)

    expected = () if single else (n,)
    if t.shape != expected:
        if single:
            raise ValueError(
                f"for one example of {k} logits the target is one class index, or {k} "
                f"probabilities; got shape {t.shape}"
            )
        raise ValueError(
            f"batch size mismatch: {n} rows of logits but target has shape {t.shape} "
            f"(expected {n} class indices, or an {n} x {k} table of probabilities)"
        )
    classes = class_indices(t).reshape(n)
    check_class_range(classes, k, ignore_index)
    ignored = classes == ignore_index
    if ignored.any():
        classes = np.where(ignored, 0, classes)
    else:
        ignored = None
    w = _class_weights(w, wdtype, scale_free=reduction == "mean")
    return _Problem(z2, single, classes, ignored, None, w, reduction, smoothing)


def _class_weights(w: np.ndarray | None, wdtype: np.dtype, scale_free: bool) -> np.ndarray | None:
    """Return the class weights in the working dtype, or raise ValueError if one is not finite.

    ``scale_free``: the mean over class targets divides by the targets' weights, so scaling every
    weight by ``2^-e`` (exact) changes nothing, and keeps weights near ``finfo.max`` from
    overflowing that sum.
    """
    if w is None:
        return None
    top = np.max(np.abs(w))
    if scale_free and 0 < top < np.inf:
        w = np.ldexp(w.astype(np.float64), -np.frexp(top)[1])  # the largest |w| is 0.5 to 1
    return cast_finite(w, wdtype, "weight")


def _denominator(p: _Problem) -> float:
    """Return what the mean divides by: N for probabilities, else the kept targets' weight."""
    if p.probs is not None:
        return float(p.logits.shape[0])
    kept = slice(None) if p.ignored is None else ~p.ignored
    if p.weight is None:
        return float(np.count_nonzero(kept) if p.ignored is not None else p.logits.shape[0])
    return float(np.sum(p.weight[p.classes][kept], dtype=np.float64))


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


def _rows(p: _Problem, start: int, stop: int, scale: float, s: np.ndarray, grad_rows):
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
            s *= (c_sum * scale / (1 + rest))[:, None]
            if p.probs is not None:
                s -= c * scale
            else:
                s[rows, t] -= (1 - eps) * w_t * scale
                if eps:
                    s -= (eps / k * scale) * (1 if w is None else w)
            if p.ignored is not None:
                s[p.ignored[start:stop]] = 0
            if grad_rows is not s:
                grad_rows[...] = s
    if p.ignored is not None:
        loss[p.ignored[start:stop]] = 0
    return loss


def _two_diff(x: np.ndarray, y: np.ndarray, dtype) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(d, err)``: ``d = fl(x - y)`` and ``d + err = x - y`` exactly (Knuth's TwoSum)."""
    d, err = two_sum(x.astype(dtype, copy=False), -y.astype(dtype, copy=False))
    return d, np.where(np.isfinite(err), err, 0)


def _run(p: _Problem, scale: float, grad: np.ndarray | None) -> np.ndarray:
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


def _reduce(p: _Problem, losses: np.ndarray, denominator: float):
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


def _grad_scale(p: _Problem, denominator: float) -> float:
    if p.reduction != "mean":
        return 1.0
    with np.errstate(divide="ignore"):
        return float(np.float64(1.0) / np.float64(denominator))


def cross_entropy_with_grad(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    weight: ArrayLike | None = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> tuple[np.floating | np.ndarray, np.ndarray]:
    """Return ``(loss, grad)`` from one pass: :func:`cross_entropy` and :func:`cross_entropy_grad`.

    Examples
    --------
    >>> loss, grad = cross_entropy_with_grad(np.log([0.1, 0.1, 0.1, 0.2, 0.5]), 3)
    >>> round(float(loss), 12), grad.round(12)  # -ln 0.2, and a - y
    (1.609437912434, array([ 0.1,  0.1,  0.1, -0.8,  0.5]))
    """
    fast = _small_example(logits, target, weight, ignore_index, reduction, label_smoothing)
    if fast is not None:
        return fast
    p = _prepare(logits, target, weight, ignore_index, reduction, label_smoothing)
    denominator = _denominator(p) if reduction == "mean" else 1.0
    grad = np.empty(p.logits.shape, dtype=p.logits.dtype)
    losses = _run(p, _grad_scale(p, denominator), grad)
    return _reduce(p, losses, denominator), (grad[0] if p.single else grad)


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
    A NumPy scalar of the logits' dtype, or for ``"none"`` an array of shape ``(N,)`` (a scalar
    for a single example).

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
    p = _prepare(logits, target, weight, ignore_index, reduction, label_smoothing)
    denominator = _denominator(p) if reduction == "mean" else 1.0
    return _reduce(p, _run(p, 1.0, None), denominator)


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


def _small_example(logits, target, weight, ignore_index, reduction, label_smoothing):
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
