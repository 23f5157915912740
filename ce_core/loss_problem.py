"""The arguments of a cross-entropy call, checked once: the options PyTorch's loss takes.

:func:`prepare` turns ``(logits, target, weight, ignore_index, reduction, label_smoothing)`` into
a :class:`Problem`, raising a ``ValueError`` that names the offending value; every function of
the cross-entropy family starts with it, so that each option is validated in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import as_float_array, cast, cast_finite, work_dtype
from .classes import check_class_range, class_indices, whole_number

#: The values ``reduction`` may take, as in PyTorch.
REDUCTIONS = ("mean", "sum", "none")


@dataclass(frozen=True)
class Problem:
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


def prepare(logits, target, weight, ignore_index, reduction, label_smoothing) -> Problem:
    """Return the checked arguments of a cross-entropy call, or raise ValueError naming one."""
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
        return Problem(z2, single, None, None, probs, w, reduction, smoothing)

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
    return Problem(z2, single, classes, ignored, None, w, reduction, smoothing)


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


def denominator(p: Problem) -> float:
    """Return what the mean divides by: N for probabilities, else the kept targets' weight."""
    if p.probs is not None:
        return float(p.logits.shape[0])
    kept = slice(None) if p.ignored is None else ~p.ignored
    if p.weight is None:
        return float(np.count_nonzero(kept) if p.ignored is not None else p.logits.shape[0])
    return float(np.sum(p.weight[p.classes][kept], dtype=np.float64))
