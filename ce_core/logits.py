r"""Logits a student may use, and the logits of given probabilities.

The checks every lesson applies to typed logits (:func:`check_logits`), and :math:`z = \ln a`
(:func:`logits_from_probabilities`), the logits whose softmax is a given distribution ``a``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array
from .errors import InputError


def check_logits(z: ArrayLike) -> np.ndarray:
    """Return ``z`` as 1-D logits a student may use, or raise :class:`InputError`.

    At least 2 classes, no NaN, no ``+inf`` (its softmax is undefined), not every class ``-inf``.

    Parameters
    ----------
    z : array_like
        The typed logits, any shape (flattened); ``-inf`` masks a class.

    Returns
    -------
    ndarray, shape (K,)
        The logits, in their floating dtype.

    Raises
    ------
    InputError
        ``too_few_classes``, ``nan_logit`` or ``positive_inf`` (with the position, from 1), or
        ``all_masked``.

    Examples
    --------
    >>> check_logits([2.0, -np.inf, 0.1])
    array([ 2. , -inf,  0.1])
    >>> check_logits([1.0, np.inf])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ce_core.errors.InputError: +inf is not a usable logit (number 2): its softmax is undefined. ...
    """
    z = as_float_array(z, "logits").ravel()
    if z.size < 2:
        raise InputError("too_few_classes", count=z.size)
    bad = np.flatnonzero(np.isnan(z))
    if bad.size:
        raise InputError("nan_logit", position=int(bad[0]) + 1)
    bad = np.flatnonzero(np.isposinf(z))
    if bad.size:
        raise InputError("positive_inf", position=int(bad[0]) + 1)
    if np.all(np.isneginf(z)):
        raise InputError("all_masked")
    return z


def logits_from_probabilities(a: ArrayLike) -> np.ndarray:
    r"""Return :math:`z = \ln a`, logits whose softmax is ``a`` when ``a`` sums to 1 (0 gives -inf).

    Examples
    --------
    >>> logits_from_probabilities([0.5, 0.5, 0.0])
    array([-0.69314718, -0.69314718,        -inf])
    """
    a = as_float_array(a, "probabilities")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(a)
