"""The textbook binary cross-entropy, computed as written: what the stable one is compared with."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array, cast


def naive_binary_cross_entropy(x: ArrayLike, y: ArrayLike) -> np.ndarray:
    r"""Return the textbook :math:`-y \ln \sigma(x) - (1 - y) \ln(1 - \sigma(x))`, computed naively.

    Each step in x's own dtype, exactly as written: :math:`\sigma = 1/(1 + e^{-x})`, then the two
    logarithms. It breaks silently (no warning escapes), which is what the stability page shows:

    * :math:`x = 40, y = 0` in float64 (or :math:`x = 17` in float32): :math:`\sigma` rounds to 1,
      :math:`\ln(1 - \sigma) = -\infty` and the loss is ``inf`` instead of 40;
    * :math:`x = 40, y = 1`: :math:`0 \cdot \ln 0 = 0 \cdot (-\infty)` is NaN instead of
      :math:`4 \cdot 10^{-18}`;
    * :math:`x = -800`: :math:`e^{800}` overflows, :math:`\sigma = 0` and the loss is inf or NaN.

    Element by element, no reduction. Never use it for training: use
    :func:`binary_cross_entropy_with_logits`.

    Parameters
    ----------
    x : array_like
        Logits, any shape; every step is computed in their dtype.
    y : array_like
        Labels in :math:`[0, 1]`, the shape of ``x``.

    Returns
    -------
    ndarray or NumPy scalar
        The loss of each element, possibly ``inf`` or NaN where the formula breaks.

    Examples
    --------
    >>> naive_binary_cross_entropy([40.0, 40.0, -800.0], [0.0, 1.0, 1.0])
    array([inf, nan, inf])
    >>> from ce_core import binary_cross_entropy_with_logits
    >>> binary_cross_entropy_with_logits([40.0, 40.0, -800.0], [0.0, 1.0, 1.0], reduction="none")
    array([4.00000000e+01, 4.24835426e-18, 8.00000000e+02])
    """
    z = as_float_array(x, "logits")
    t = cast(as_float_array(y, "target"), z.dtype)
    if t.shape != z.shape:
        raise ValueError(
            f"target must have the same shape as the logits, got {t.shape} and {z.shape}"
        )
    one = z.dtype.type(1)
    with np.errstate(all="ignore"):
        s = one / (one + np.exp(-z))
        return (-t * np.log(s) - (one - t) * np.log(one - s))[()]
