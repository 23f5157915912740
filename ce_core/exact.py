r"""Error-free transformations: a rounded result and the exact rounding error it left behind.

Floating-point addition rounds, :math:`\mathrm{fl}(a + b) = (a + b)(1 + \delta)` with
:math:`|\delta| \le u` (the unit roundoff, ``2**-53`` in float64). But the error itself,
:math:`a + b - \mathrm{fl}(a + b)`, is again a floating-point number and a few more additions
recover it exactly. ce_core uses this where one rounding would be amplified: the shift
:math:`z_i - m` of softmax is exponentiated, so its rounding error :math:`\varepsilon` becomes a
relative error :math:`e^{\varepsilon} - 1 \approx \varepsilon` of the result, and a logit far below
the maximum would lose most of its digits. Knowing :math:`\varepsilon` exactly, the caller folds
it back: :math:`e^{s + \varepsilon} \approx e^{s}(1 + \varepsilon)`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def two_sum(a: ArrayLike, b: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``(s, err)``: :math:`s = \mathrm{fl}(a + b)` and :math:`s + err = a + b` exactly.

    Knuth's TwoSum: six floating-point operations, no branch, for any order of magnitude of ``a``
    and ``b`` (unlike Dekker's FastTwoSum, which needs :math:`|a| \ge |b|`)::

        s = a + b
        back = s - a         # the part of b that made it into s
        err = (a - (s - back)) + (b - back)

    Works elementwise on arrays (broadcasting, in their common dtype) and on Python floats.

    Parameters
    ----------
    a, b : array_like or float
        Two floating-point numbers, or arrays of them.

    Returns
    -------
    s : ndarray or float
        ``a + b`` rounded, exactly as ``a + b`` gives it.
    err : ndarray or float
        The exact error ``(a + b) - s``, as long as no step overflows. Where ``s`` is ``inf`` or
        NaN, ``err`` is NaN (NumPy warns then, unless the caller silences it with
        ``np.errstate``); callers replace it by 0, since a correction of an ``inf`` is moot.

    Notes
    -----
    With round-to-nearest, ``s + err`` equals ``a + b`` exactly and ``|err| <= ulp(s) / 2``. A
    difference ``x - y`` is ``two_sum(x, -y)``: negation is exact.

    References
    ----------
    .. [1] D. E. Knuth, *The Art of Computer Programming*, vol. 2, *Seminumerical Algorithms*,
       3rd ed., Addison-Wesley, 1998, §4.2.2, Theorem B.
    .. [2] O. Møller, "Quasi double-precision in floating point addition", BIT 5 (1965) 37–50.

    Examples
    --------
    >>> two_sum(1.0, 1e-16)  # 1e-16 is below half an ulp of 1: all of it is the error
    (1.0, 1e-16)
    >>> s, err = two_sum(np.array([0.1, 1e16]), np.array([0.2, 1.0]))
    >>> s, err
    (array([3.0e-01, 1.0e+16]), array([-2.77555756e-17,  1.00000000e+00]))
    """
    s = a + b
    back = s - a
    err = (a - (s - back)) + (b - back)
    return s, err


def two_product(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``(p, err)``: :math:`p = \mathrm{fl}(a b)` and :math:`p + err = a b` exactly.

    Dekker's product for float64: each factor is split into two 26-bit halves (Veltkamp's
    splitting, multiplying by :math:`2^{27} + 1`), whose products are exact, and the error is
    their sum minus ``p`` in the right order.

    Parameters
    ----------
    a : ndarray of float64
        The first factors; ``|a|`` below about ``1e300`` (the split multiplies by ``2**27``).
    b : float
        The second factor.

    Returns
    -------
    p, err : ndarray
        The rounded product and its exact error (NaN where the split overflows).

    References
    ----------
    .. [1] T. J. Dekker, "A floating-point technique for extending the available precision",
       Numer. Math. 18 (1971) 224–242.

    Examples
    --------
    >>> p, err = two_product(np.array([0.1]), 3.0)
    >>> float(p[0]), float(err[0])  # the float nearest 0.1, times 3, is a little below p
    (0.30000000000000004, -2.7755575615628914e-17)
    """

    def split(x):
        c = 134217729.0 * x  # 2**27 + 1: x = hi + lo with 26-bit halves
        hi = c - (c - x)
        return hi, x - hi

    p = a * b
    a_hi, a_lo = split(a)
    b_hi, b_lo = split(np.float64(b))
    return p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
