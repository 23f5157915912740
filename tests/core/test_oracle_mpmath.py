"""Accuracy against a 60-digit mpmath reference, in ulps of the input's dtype.

Every float is converted to ``mpmath.mpf`` exactly, so the reference is the exact value of the
function at the floats actually passed in, correct to far more digits than float64 holds. The
bounds, in units in the last place (``np.spacing`` of the exact value rounded to the dtype):

* softmax elements: a few ulp *relative* (the rounding of ``z - max`` is compensated);
* log_softmax and the loss: a few ulp of the exact value (no cancellation anywhere);
* logsumexp: a few ulp of ``max(|result|, |max z|)``, since ``m + log1p(rest)`` cancels when the
  result is near 0 while ``m`` is not.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from ce_core import cross_entropy, cross_entropy_with_grad, log_softmax, logsumexp, softmax

ORACLE = settings(max_examples=150, deadline=None)
DTYPES = [np.float32, np.float64]

SOFTMAX_ULPS = 4
LOG_SOFTMAX_ULPS = 4
LOGSUMEXP_ULPS = 4
LOSS_ULPS = 4
# Smoothing and probability targets add K products and a K-term sum, all of one sign.
SMOOTHED_LOSS_ULPS = 8

mpmath.mp.dps = 60


# ---- the exact reference ------------------------------------------------------------------------


def _mp(row) -> list:
    return [mpmath.mpf(float(v)) for v in row]


def exact_log_terms(row, temperature: float = 1.0):
    """Return ``(m, [(z_i - m)/T], ln sum_k e^{(z_k - m)/T})`` exactly (m = -inf: all masked)."""
    z = _mp(row)
    finite = [v for v in z if mpmath.isfinite(v)]
    if not finite:
        return mpmath.mpf("-inf"), None, None
    m = max(finite)
    t = mpmath.mpf(temperature)
    shifted = [(v - m) / t if mpmath.isfinite(v) else mpmath.mpf("-inf") for v in z]
    # ln(1 + rest), the max's own term left out: ln(1 + 1e-87) must not round to 0 at 60 digits
    others = list(shifted)
    others.remove(mpmath.mpf(0))
    rest = mpmath.fsum(mpmath.exp(s) for s in others if mpmath.isfinite(s))
    return m, shifted, mpmath.log1p(rest)


def exact_softmax(row, temperature: float = 1.0) -> list:
    _, shifted, log_total = exact_log_terms(row, temperature)
    return [mpmath.exp(s - log_total) if mpmath.isfinite(s) else mpmath.mpf(0) for s in shifted]


def exact_log_softmax(row, temperature: float = 1.0) -> list:
    _, shifted, log_total = exact_log_terms(row, temperature)
    return [s - log_total for s in shifted]


def exact_logsumexp(row):
    m, _, log_total = exact_log_terms(row)
    return m if log_total is None else m + log_total


# ---- ulp distances ------------------------------------------------------------------------------


def rounded(x, dtype) -> np.floating:
    """Return the exact value ``x`` rounded to ``dtype`` (overflowing to inf, as IEEE does)."""
    with np.errstate(over="ignore"):
        return dtype(float(x))


def ulp_error(computed, exact, dtype, scale=None) -> float:
    """Return ``|computed - exact|`` in ulps of ``scale`` (default: the exact value)."""
    computed = float(computed)
    if math.isinf(computed) or math.isnan(computed):
        same = (math.isnan(computed) and mpmath.isnan(exact)) or computed == rounded(exact, dtype)
        return 0.0 if same else math.inf
    reference = rounded(exact if scale is None else scale, dtype)
    if np.isinf(reference):
        return math.inf
    unit = mpmath.mpf(float(np.spacing(np.abs(reference))))
    return float(abs(mpmath.mpf(computed) - exact) / unit)


def max_ulps(computed, exact, dtype) -> float:
    return max(ulp_error(c, e, dtype) for c, e in zip(computed, exact, strict=True))


# ---- the inputs ---------------------------------------------------------------------------------

# Each row: logits at one extreme of magnitude, as decimal literals (converted to the dtype).
EXTREME_ROWS = {
    "around 1e3": [1000.0, 999.0, 990.0, 1000.5, 700.0],
    "1e3 apart": [1000.0, 0.0, -1000.0],
    "large and tiny": [1e3, 1e-3, 1e-30, 0.0],
    "around 1e30": [1e30, 1e30, 0.0],
    "around -1e30": [-1e30, -1e30, -1e30 + 1e15, -1e31],
    "1e30 and -1e30": [1e30, -1e30, 0.0],
    "with -inf": [-np.inf, 3.0, -np.inf, 2.5],
    "1e30 with -inf": [1e30, -np.inf, 1e30],
    "near tie": [1.0, 1.0 + 2**-20, 1.0 - 2**-20],
    "tiny differences": [1e-30, 2e-30, -1e-30, 0.0],
    "one confident": [40.0, 0.0, 0.0, 0.0],
    "very confident": [200.0, 0.0],
    # the max - z_k below is rounded: e^{z_k - max} must make up for it, or a confident
    # prediction's loss log1p(rest) is off by ~9 ulp (float64) / ~7 ulp (float32)
    "confident, shift rounded": [40.0, 0.1],
    "confident, shift rounded in float32": [3.0, -5.349767283607221],
    "just below the max": [0.0, -1e-7, -1e-12],
    "underflowing terms": [0.0, -740.0, -100.0, -1e4],
    "overflow for the naive formula": [89.0, 710.0, 88.0],
    "single": [123.456],
    "many equal": [7.0] * 11,
}


def as_row(values, dtype) -> np.ndarray:
    with np.errstate(over="ignore"):
        return np.array(values, dtype=dtype)


def near(base: float, dtype):
    """Logits within a few ulps, a few units, or far below ``base`` (rounded to ``dtype``)."""
    unit = float(np.spacing(dtype(base)))
    return st.one_of(
        st.integers(-6, 6).map(lambda n: base + n * unit),  # near ties
        st.floats(-60, 60).map(lambda d: base + d),
        st.floats(-1e4, -60).map(lambda d: base + d),  # terms that underflow
        st.just(-math.inf),
    )


@st.composite
def extreme_rows(draw, dtype) -> np.ndarray:
    top = 1e30 if dtype == np.float32 else 1e300
    base = draw(st.sampled_from([0.0, 1.0, 1e3, -1e3, 1e30, -1e30, 1e-30, top, -top]))
    values = draw(st.lists(near(base, dtype), min_size=1, max_size=8))
    z = as_row(values, dtype)
    note(f"z = np.array({z.tolist()!r}, dtype=np.{z.dtype})")
    return z


# ---- softmax, log_softmax, logsumexp ------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", list(EXTREME_ROWS))
def test_softmax_elements_within_few_ulps_relative_on_extreme_rows(name, dtype):
    z = as_row(EXTREME_ROWS[name], dtype)
    assert max_ulps(softmax(z), exact_softmax(z), dtype) <= SOFTMAX_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", list(EXTREME_ROWS))
def test_log_softmax_within_few_ulps_on_extreme_rows(name, dtype):
    z = as_row(EXTREME_ROWS[name], dtype)
    assert max_ulps(log_softmax(z), exact_log_softmax(z), dtype) <= LOG_SOFTMAX_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", list(EXTREME_ROWS))
def test_logsumexp_within_few_ulps_of_max_magnitude_on_extreme_rows(name, dtype):
    z = as_row(EXTREME_ROWS[name], dtype)
    exact = exact_logsumexp(z)
    scale = max(abs(exact), abs(mpmath.mpf(float(np.max(z)))))
    assert ulp_error(logsumexp(z), exact, dtype, scale=scale) <= LOGSUMEXP_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
@ORACLE
@given(data=st.data())
def test_softmax_log_softmax_logsumexp_within_few_ulps_at_any_magnitude(dtype, data):
    z = data.draw(extreme_rows(dtype))
    if np.all(np.isneginf(z)):
        assert np.all(np.isnan(softmax(z)))
        assert np.isneginf(logsumexp(z))
        return
    assert max_ulps(softmax(z), exact_softmax(z), dtype) <= SOFTMAX_ULPS
    assert max_ulps(log_softmax(z), exact_log_softmax(z), dtype) <= LOG_SOFTMAX_ULPS
    exact = exact_logsumexp(z)
    scale = max(abs(exact), abs(mpmath.mpf(float(np.max(z)))))
    assert ulp_error(logsumexp(z), exact, dtype, scale=scale) <= LOGSUMEXP_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
@ORACLE
@given(
    z=st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=6),
    temperature=st.sampled_from([0.1, 0.3, 0.7, 1.5, 3.0, 7.0, 100.0]),
)
def test_softmax_with_temperature_within_few_ulps(dtype, z, temperature):
    z = np.array(z, dtype=dtype)
    a = softmax(z, temperature=temperature)
    assert max_ulps(a, exact_softmax(z, temperature), dtype) <= SOFTMAX_ULPS
    exact = exact_log_softmax(z, temperature)
    assert max_ulps(log_softmax(z, temperature=temperature), exact, dtype) <= LOG_SOFTMAX_ULPS


@pytest.mark.parametrize(
    ("z", "temperature"),
    [([0.0, -1000.0], 1.5), ([0.0, -700.0], 3.0), ([0.0, -100.0], 0.7), ([1e3, 0.5], 7.0)],
)
def test_softmax_with_temperature_keeps_small_probabilities_exact(z, temperature):
    a = softmax(np.array(z), temperature=temperature)
    assert max_ulps(a, exact_softmax(z, temperature), np.float64) <= SOFTMAX_ULPS


def test_all_masked_row_gives_nan_softmax_and_minus_inf_logsumexp():
    z = np.array([[-np.inf, -np.inf], [0.0, -np.inf]])
    assert np.all(np.isnan(softmax(z)[0]))
    assert np.all(np.isnan(log_softmax(z)[0]))
    np.testing.assert_array_equal(logsumexp(z), [-np.inf, 0.0])
    np.testing.assert_array_equal(softmax(z)[1], [1.0, 0.0])


# ---- the loss -----------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", list(EXTREME_ROWS))
def test_loss_within_few_ulps_of_minus_log_softmax_for_every_class(name, dtype):
    z = as_row(EXTREME_ROWS[name], dtype)
    exact = exact_log_softmax(z)
    k = len(z)
    batch = np.tile(z, (k, 1))
    per_row = cross_entropy(batch, np.arange(k), reduction="none")
    for j in range(k):
        assert ulp_error(per_row[j], -exact[j], dtype) <= LOSS_ULPS
        # the one-example fast path and the batch path agree on accuracy
        assert ulp_error(cross_entropy_with_grad(z, j)[0], -exact[j], dtype) <= LOSS_ULPS
        assert ulp_error(cross_entropy_with_grad(z.tolist(), j)[0], -exact[j], np.float64) <= (
            LOSS_ULPS if dtype == np.float64 else math.inf
        )


@pytest.mark.parametrize("dtype", DTYPES)
@ORACLE
@given(data=st.data())
def test_loss_within_few_ulps_at_any_magnitude(dtype, data):
    z = data.draw(extreme_rows(dtype))
    if np.all(np.isneginf(z)):
        return
    j = data.draw(st.integers(0, len(z) - 1))
    exact = -exact_log_softmax(z)[j]
    assert ulp_error(cross_entropy(z[None, :], [j]), exact, dtype) <= LOSS_ULPS
    assert ulp_error(cross_entropy_with_grad(z, j)[0], exact, dtype) <= LOSS_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
@ORACLE
@given(data=st.data())
def test_smoothed_and_probability_target_loss_within_few_ulps(dtype, data):
    z = data.draw(extreme_rows(dtype))
    if not np.all(np.isfinite(z)):
        return  # any smoothing mass on a -inf logit makes the loss inf (tested elsewhere)
    k = len(z)
    smoothing = data.draw(st.sampled_from([0.0, 0.1, 0.5, 1.0]))
    raw = data.draw(st.lists(st.floats(0, 1), min_size=k, max_size=k).filter(lambda p: sum(p) > 0))
    probs = np.array(raw) / sum(raw)
    probs = probs.astype(dtype)  # the reference uses the probabilities the function sees
    eps = mpmath.mpf(smoothing)
    target = [(1 - eps) * mpmath.mpf(float(p)) + eps / k for p in probs]
    exact_log = exact_log_softmax(z)
    exact = -mpmath.fsum(c * la for c, la in zip(target, exact_log, strict=True))
    loss = cross_entropy(z, probs, label_smoothing=smoothing)
    assert ulp_error(loss, exact, dtype) <= SMOOTHED_LOSS_ULPS


@pytest.mark.parametrize("dtype", DTYPES)
def test_weighted_mean_loss_within_few_ulps(dtype):
    z = np.array(
        [[1e3, 0.0, -1e3], [1e30, 1e30, 0.0], [0.0, -1e-7, 3.0], [5.0, -np.inf, 4.0]], dtype
    )
    target = [1, 0, 2, 0]
    weight = np.array([0.5, 2.0, 3.0], dtype)
    w = [mpmath.mpf(float(weight[t])) for t in target]
    losses = [-exact_log_softmax(row)[t] for row, t in zip(z, target, strict=True)]
    exact = mpmath.fsum(wi * li for wi, li in zip(w, losses, strict=True)) / mpmath.fsum(w)
    assert ulp_error(cross_entropy(z, target, weight=weight), exact, dtype) <= LOSS_ULPS


def test_confident_prediction_keeps_its_tiny_loss():
    # -ln(1 - e^-50 ...) ~ 1.9e-22: a naive log(sum) would round it to 0.
    z = np.array([50.0, 0.0])
    exact = -exact_log_softmax(z)[0]
    assert float(exact) > 0
    assert ulp_error(cross_entropy(z, 0), exact, np.float64) <= LOSS_ULPS
    assert ulp_error(cross_entropy(z[None], [0]), exact, np.float64) <= LOSS_ULPS
