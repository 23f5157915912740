"""Fuzzing every ce_core entry point: a correct result or the documented ValueError, nothing else.

Arrays of any shape (0-d, empty, 3-d) holding inf, NaN, subnormals and +-1e308, in every dtype,
and arbitrary text for the parsers. No other exception, and no NumPy warning (pytest turns
RuntimeWarning into an error), may come out.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import ce_core
from pages.playground.model import explain_logits, explain_probabilities

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DTYPES = st.sampled_from([np.float16, np.float32, np.float64, np.int64])
NASTY = st.sampled_from([0.0, -0.0, 1e-310, 5e-324, 1e308, -1e308, np.inf, -np.inf, np.nan])


@st.composite
def arrays(draw, max_dims: int = 3):
    dtype = draw(DTYPES)
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=max_dims, min_side=0, max_side=5))
    if np.issubdtype(dtype, np.integer):
        return draw(hnp.arrays(dtype, shape, elements=st.integers(-(2**40), 2**40)))
    with np.errstate(over="ignore"):
        elements = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64), NASTY)
        values = draw(hnp.arrays(np.float64, shape, elements=elements))
        return values.astype(dtype)


def refuses_only_with_value_error(call):
    """Run ``call``; a ValueError with a message is fine, any other exception fails the test."""
    try:
        return call()
    except ValueError as exc:
        assert str(exc), "a ValueError must say what is wrong"
        return None


def check_dtype(result, z):
    expected = np.float64 if np.issubdtype(z.dtype, np.integer) else z.dtype
    assert np.asarray(result).dtype == expected


@FUZZ
@given(z=arrays(), temperature=st.one_of(st.floats(), st.just(1.0)))
def test_softmax_family_returns_the_input_dtype_or_refuses(z, temperature):
    for function in (ce_core.softmax, ce_core.log_softmax):
        result = refuses_only_with_value_error(lambda f=function: f(z, temperature=temperature))
        if result is not None:
            assert result.shape == z.shape
            check_dtype(result, z)
    for function in (ce_core.logsumexp, ce_core.naive_softmax):
        result = refuses_only_with_value_error(lambda f=function: f(z))
        if result is not None:
            check_dtype(result, z)


@FUZZ
@given(z=arrays())
def test_softmax_of_finite_rows_is_a_distribution(z):
    result = refuses_only_with_value_error(lambda: ce_core.softmax(z))
    if result is None or z.size == 0 or z.ndim == 0:
        return
    wide = np.asarray(z, dtype=np.float64)
    rows = np.all(np.isfinite(wide), axis=-1)
    totals = np.sum(result.astype(np.float64), axis=-1)
    tolerance = 1e-2 if z.dtype == np.float16 else 1e-5
    assert np.all(np.abs(totals[rows] - 1) < tolerance)


@FUZZ
@given(z=arrays(max_dims=2), data=st.data())
def test_cross_entropy_returns_a_loss_or_refuses(z, data):
    k = z.shape[-1] if z.ndim else 1
    target = data.draw(
        st.one_of(
            st.integers(-3, 8),
            st.lists(st.integers(-100, 8), min_size=0, max_size=6),
            st.just(np.full(z.shape, 1.0 / max(k, 1))),
            st.floats(),
        )
    )
    options = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "reduction": st.sampled_from(["mean", "sum", "none", "avg"]),
                "label_smoothing": st.floats(-1, 2),
                "ignore_index": st.integers(-100, 3),
                "weight": st.lists(st.floats(0, 10), min_size=0, max_size=6),
            },
        )
    )
    result = refuses_only_with_value_error(
        lambda: ce_core.cross_entropy_with_grad(z, target, **options)
    )
    if result is not None:
        loss, grad = result
        assert grad.shape == z.shape
        check_dtype(grad, z)
        check_dtype(loss, z)


@FUZZ
@given(x=arrays(), y=arrays())
def test_binary_functions_return_or_refuse(x, y):
    for function in (ce_core.sigmoid, ce_core.sigmoid_grad, ce_core.log_sigmoid):
        result = refuses_only_with_value_error(lambda f=function: f(x))
        if result is not None:
            check_dtype(result, x)
    refuses_only_with_value_error(lambda: ce_core.binary_cross_entropy_with_logits(x, y))
    refuses_only_with_value_error(lambda: ce_core.binary_cross_entropy_with_logits_grad(x, y))


@FUZZ
@given(z=arrays(max_dims=2), data=st.data())
def test_page_level_helpers_return_or_refuse(z, data):
    target = data.draw(st.integers(-2, 6))
    refuses_only_with_value_error(lambda: ce_core.softmax_jacobian(z))
    refuses_only_with_value_error(lambda: explain_logits(z, target))
    refuses_only_with_value_error(lambda: explain_probabilities(z, target))
    refuses_only_with_value_error(lambda: ce_core.check_logits(z))
    refuses_only_with_value_error(lambda: ce_core.check_probabilities(z))
    refuses_only_with_value_error(lambda: ce_core.softmax_steps(z, stable=data.draw(st.booleans())))
    refuses_only_with_value_error(lambda: ce_core.one_hot(target, data.draw(st.integers(-1, 5))))
    refuses_only_with_value_error(lambda: ce_core.entropy(z))


TEXT = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.sampled_from(
        ["1e999", "--1", "0x10", "１２，３", "nan", "", " ", "1_000", "[1, 2", "1,,2", "\x00", "−3"]
    ),
    st.lists(st.sampled_from(["1", "-2.5", "inf", "nan", ",", " ", ";", "，", "e", "-"])).map(
        "".join
    ),
)


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_parsers_return_numbers_or_a_parse_error(text):
    try:
        values = ce_core.parse_vector(text)
    except ce_core.ParseError as exc:
        assert exc.code and str(exc)
    else:
        assert values.dtype == np.float64 and values.ndim == 1 and values.size >= 1
    try:
        names = ce_core.parse_class_names(text)
    except ce_core.ParseError as exc:
        assert exc.code
    else:
        assert all(isinstance(name, str) and name for name in names)


@pytest.mark.parametrize("size", [10**6, 2 * 10**6])
def test_huge_text_is_refused_without_parsing_it(size):
    with pytest.raises(ce_core.ParseError) as caught:
        ce_core.parse_vector("1," * size)
    assert caught.value.code in ("too_long", "too_many")
