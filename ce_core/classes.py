"""Class indices and whole numbers, checked: the integers a student gives to a loss or a page."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def whole_number(value: object, name: str) -> int:
    """Return ``value`` as an int if it is a whole number (``3`` or ``3.0``), else raise ValueError.

    Booleans are refused (``True`` is not a class), and so are ``2.5``, NaN and text.

    Examples
    --------
    >>> whole_number(3.0, "num_classes")
    3
    >>> whole_number(2.5, "num_classes")
    Traceback (most recent call last):
    ...
    ValueError: num_classes must be a whole number, got 2.5
    """
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        if isinstance(value, float | np.floating) and float(value).is_integer():
            return int(value)
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    return int(value)


def class_indices(target: ArrayLike, name: str = "target") -> np.ndarray:
    """Return class indices as int64, accepting whole floats (3.0) and refusing 2.5, NaN, text.

    Examples
    --------
    >>> class_indices([0, 2.0, 1])
    array([0, 2, 1])
    """
    t = np.asarray(target)
    if t.dtype.kind in "iu":
        return t.astype(np.int64, copy=False)
    if t.dtype.kind == "f":
        with np.errstate(invalid="ignore"):
            whole = np.isfinite(t) & (t == np.round(t)) & (np.abs(t) < np.float64(2**62))
        if not np.all(whole):
            bad = t[~whole].flat[0]
            raise ValueError(f"{name}: class indices must be whole numbers, got {bad}")
        return t.astype(np.int64)
    raise ValueError(f"{name}: class indices must be whole numbers, got values of type {t.dtype}")


def check_class_range(
    classes: np.ndarray, num_classes: int, ignore_index: int | None = None
) -> None:
    """Raise ValueError naming the first class index outside ``0 .. num_classes - 1``.

    An index equal to ``ignore_index`` is allowed anywhere (PyTorch's rows to ignore).

    Examples
    --------
    >>> check_class_range(np.array([0, 3]), 3)
    Traceback (most recent call last):
    ...
    ValueError: target 3 is out of bounds: with 3 classes the class indices are 0 to 2
    (counting from 0)
    """
    bad = (classes < 0) | (classes >= num_classes)
    if ignore_index is not None:
        bad &= classes != ignore_index
    if np.any(bad):
        value = int(classes[bad].flat[0])
        raise ValueError(
            f"target {value} is out of bounds: with {num_classes} classes the class indices "
            f"are 0 to {num_classes - 1} (counting from 0)"
        )


def one_hot(labels: ArrayLike, num_classes: int) -> np.ndarray:
    r"""Return float64 one-hot rows: ``out[..., k] = 1`` where ``labels == k``, else 0.

    The one-hot vector :math:`y` is the target distribution of a plain class label: all its
    mass on the true class, so that :math:`-\sum_k y_k \ln a_k = -\ln a_j`.

    Parameters
    ----------
    labels : int or array_like of int
        Class indices counting from 0, of any shape. Whole floats such as ``3.0`` are accepted;
        ``2.5``, NaN and text raise ValueError.
    num_classes : int
        K, the length of each one-hot row (at least 1). Every label must be in ``0 .. K-1``
        (ValueError naming the first one that is not).

    Returns
    -------
    numpy.ndarray
        float64, shape ``labels.shape + (num_classes,)``.

    Examples
    --------
    >>> one_hot(3, 5)
    array([0., 0., 0., 1., 0.])
    >>> one_hot([0, 2], 3)
    array([[1., 0., 0.],
           [0., 0., 1.]])
    """
    num_classes = whole_number(num_classes, "num_classes")
    if num_classes < 1:
        raise ValueError(f"num_classes must be at least 1, got {num_classes}")
    labels = class_indices(labels, "labels")
    check_class_range(labels, num_classes, ignore_index=None)
    return (labels[..., None] == np.arange(num_classes)).astype(np.float64)
