"""axis=None and keepdims, as SciPy has them: compared with scipy.special on the same arrays."""

import numpy as np
import pytest

from ce_core import log_softmax, logsumexp, softmax

special = pytest.importorskip("scipy.special")

ARRAYS = [
    np.array([2.0, 1.0, 0.1, -1.0, 3.0]),
    np.array([[1000.0, 0.0, -3.0], [1.5, -np.inf, 2.0]]),
    np.arange(24.0).reshape(2, 3, 4) - 10,
    np.array(7.0),  # a scalar: only axis=None can reduce it
]


@pytest.mark.parametrize("z", ARRAYS, ids=lambda z: f"shape{z.shape}")
def test_axis_none_reduces_the_whole_array_as_scipy(z):
    np.testing.assert_allclose(softmax(z, axis=None), special.softmax(z, axis=None), rtol=1e-15)
    np.testing.assert_allclose(
        log_softmax(z, axis=None), special.log_softmax(z, axis=None), rtol=1e-14
    )
    ours = logsumexp(z, axis=None)
    assert ours.shape == () and ours.dtype == z.dtype
    np.testing.assert_allclose(ours, special.logsumexp(z, axis=None), rtol=1e-15)


@pytest.mark.parametrize("z", ARRAYS[:3], ids=lambda z: f"shape{z.shape}")
@pytest.mark.parametrize("keepdims", [False, True])
def test_logsumexp_keepdims_gives_scipys_shape_and_values(z, keepdims):
    for axis in [None, *range(-z.ndim, z.ndim)]:
        ours = logsumexp(z, axis=axis, keepdims=keepdims)
        theirs = special.logsumexp(z, axis=axis, keepdims=keepdims)
        assert ours.shape == np.shape(theirs)
        np.testing.assert_allclose(ours, theirs, rtol=1e-15)


def test_logsumexp_keepdims_broadcasts_into_log_softmax():
    z = np.array([[1.0, 2.0, 3.0], [0.0, -5.0, 10.0]])
    # equal up to the rounding of z - lse, which log_softmax avoids
    np.testing.assert_allclose(z - logsumexp(z, keepdims=True), log_softmax(z), atol=1e-14)


def test_softmax_over_everything_sums_to_one_and_keeps_the_shape_and_dtype():
    z = np.arange(6, dtype=np.float32).reshape(2, 3)
    a = softmax(z, axis=None)
    assert a.shape == (2, 3) and a.dtype == np.float32
    assert abs(float(a.sum()) - 1) < 1e-6


def test_empty_input_with_axis_none():
    assert softmax(np.zeros((0, 3)), axis=None).shape == (0, 3)
    assert float(logsumexp(np.zeros((0, 3)), axis=None)) == -np.inf
    assert logsumexp(np.zeros((0, 3)), axis=None, keepdims=True).shape == (1, 1)


@pytest.mark.parametrize("axis", [(0, 1), 1.5, "0", True])
def test_an_axis_that_is_not_a_whole_number_is_a_value_error(axis):
    for f in (softmax, log_softmax, logsumexp):
        with pytest.raises(ValueError, match="axis must be a whole number"):
            f(np.zeros((2, 3)), axis=axis)
