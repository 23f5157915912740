"""Sigmoid and binary cross-entropy: PyTorch's values, a 50-digit oracle, and the laws they obey."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    cross_entropy,
    log_sigmoid,
    naive_binary_cross_entropy,
    numerical_grad,
    sigmoid,
    sigmoid_grad,
)

mpmath.mp.dps = 50

X = [[0.5, -3.0, 2.0], [-1.5, 4.0, 0.0]]
Y = [[1.0, 0.0, 1.0], [0.0, 1.0, 0.5]]
Y_SOFT = [[1.0, 0.0, 0.25], [0.0, 1.0, 0.5]]

# Values from torch 2.13 (float64): F.binary_cross_entropy_with_logits and autograd.
GRAD_SUM = [[-0.3775406687981454, 0.04742587317756678, -0.11920292202211769],
            [0.18242552380635635, -0.01798620996209155, 0.0]]  # fmt: skip
TORCH_CASES = [
    # (name, x, y, options, reduction, loss, grad)
    ("plain", X, Y, {}, "mean", 0.26038378887622143, np.array(GRAD_SUM) / 6),
    ("plain", X, Y, {}, "sum", 1.5623027332573287, GRAD_SUM),
    (
        "plain", X, Y, {}, "none",
        [[0.4740769841801067, 0.048587351573742055, 0.1269280110429725],
         [0.20141327798275244, 0.018149927917809738, 0.6931471805599453]],
        GRAD_SUM,
    ),
    (
        "weight", X, Y, {"weight": [1.0, 2.0, 0.5]}, "mean", 0.20316706949123695,
        [[-0.0629234447996909, 0.01580862439252226, -0.009933576835176474],
         [0.030404253967726058, -0.005995403320697183, 0.0]],
    ),
    (
        "weight", X, Y, {"weight": [1.0, 2.0, 0.5]}, "none",
        [[0.4740769841801067, 0.09717470314748411, 0.06346400552148625],
         [0.20141327798275244, 0.036299855835619475, 0.34657359027997264]],
        [[-0.3775406687981454, 0.09485174635513356, -0.05960146101105884],
         [0.18242552380635635, -0.0359724199241831, 0.0]],
    ),
    (
        "pos_weight", X, Y, {"pos_weight": [3.0, 0.5, 1.0]}, "mean", 0.4168969562764396,
        [[-0.18877033439907268, 0.00790431219626113, -0.01986715367035295],
         [0.030404253967726058, -0.0014988508301742958, 0.0]],
    ),
    (
        "pos_weight", X, Y, {"pos_weight": [3.0, 0.5, 1.0]}, "sum", 2.5013817376586376,
        [[-1.132622006394436, 0.04742587317756678, -0.11920292202211769],
         [0.18242552380635635, -0.008993104981045774, 0.0]],
    ),
    (
        "both", X, Y_SOFT, {"weight": [[2.0], [0.5]], "pos_weight": [3.0, 0.5, 2.0]}, "sum",
        6.884061142226343,
        [[-2.265244012788872, 0.09485174635513356, 1.201992694944706],
         [0.09121276190317817, -0.004496552490522887, -0.125]],
    ),
    (
        "both", X, Y_SOFT, {"weight": [[2.0], [0.5]], "pos_weight": [3.0, 0.5, 2.0]}, "none",
        [[2.84446190508064, 0.09717470314748411, 3.317320027607431],
         [0.10070663899137622, 0.004537481979452434, 0.5198603854199589]],
        [[-2.265244012788872, 0.09485174635513356, 1.201992694944706],
         [0.09121276190317817, -0.004496552490522887, -0.125]],
    ),
    (
        "soft_large", [20.0, -20.0, 35.0, -35.0], [0.3, 0.7, 0.9, 0.1], {}, "none",
        [14.000000002061153, 14.000000002061153, 3.4999999999999996, 3.5],
        [0.6999999979388463, -0.6999999979388464, 0.09999999999999931, -0.09999999999999938],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "x", "y", "options", "reduction", "loss", "grad"),
    TORCH_CASES,
    ids=[f"{case[0]}-{case[4]}" for case in TORCH_CASES],
)
def test_loss_and_grad_match_pytorch(name, x, y, options, reduction, loss, grad):
    got = binary_cross_entropy_with_logits(x, y, reduction=reduction, **options)
    got_grad = binary_cross_entropy_with_logits_grad(x, y, reduction=reduction, **options)
    np.testing.assert_allclose(got, loss, rtol=1e-14, atol=0)
    np.testing.assert_allclose(got_grad, grad, rtol=1e-13, atol=1e-17)


def test_float32_loss_and_grad_match_pytorch_and_stay_float32():
    x = np.array([0.5, -3.0, 2.0, 90.0, -90.0], dtype=np.float32)
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0], dtype=np.float32)
    loss = binary_cross_entropy_with_logits(x, y, reduction="none")
    grad = binary_cross_entropy_with_logits_grad(x, y, reduction="none")
    assert loss.dtype == grad.dtype == np.float32
    torch_loss = [0.4740769863128662, 0.04858732223510742, 0.12692801654338837, 90.0, 90.0]
    torch_grad = [-0.377540647983551, 0.04742587357759476, -0.11920297145843506, 1.0, -1.0]
    exact_loss = [0.4740769841801067, 0.048587351573742055, 0.1269280110429725, 90.0, 90.0]
    np.testing.assert_allclose(loss, exact_loss, rtol=1.2e-7)  # within one float32 rounding
    exact_grad = [-0.3775406687981454, 0.04742587317756678, -0.11920292202211769, 1.0, -1.0]
    np.testing.assert_allclose(grad, exact_grad, rtol=1.2e-7)
    # PyTorch's float32 (1 - y) x - ln σ(x) and σ(x) - 1 lose digits to cancellation: 5e-7 off.
    np.testing.assert_allclose(loss, torch_loss, rtol=1e-6)
    np.testing.assert_allclose(grad, torch_grad, rtol=1e-6)


def test_sigmoid_and_log_sigmoid_match_pytorch():
    x = [-50.0, -5.0, -0.5, 0.0, 1e-8, 0.5, 5.0, 50.0]
    torch_sigmoid = [1.928749847963918e-22, 0.0066928509242848554, 0.3775406687981454, 0.5,
                     0.5000000025, 0.6224593312018546, 0.9933071490757153, 1.0]  # fmt: skip
    torch_log_sigmoid = [-50.0, -5.006715348489118, -0.9740769841801067, -0.6931471805599453,
                         -0.6931471755599453, -0.4740769841801067, -0.006715348489118068,
                         -1.9287498479639178e-22]  # fmt: skip
    np.testing.assert_allclose(sigmoid(x), torch_sigmoid, rtol=1e-15)
    np.testing.assert_allclose(log_sigmoid(x), torch_log_sigmoid, rtol=1e-15)


def test_loss_and_grad_match_live_pytorch_on_random_inputs():
    torch = pytest.importorskip("torch")
    functional = torch.nn.functional
    rng = np.random.default_rng(7)
    x = rng.normal(scale=10, size=(6, 4))
    y = rng.uniform(size=(6, 4)).round(1)
    weight, pos_weight = rng.uniform(0.1, 3, size=(6, 1)), rng.uniform(0.1, 3, size=4)
    for reduction in ("mean", "sum", "none"):
        tx = torch.tensor(x, requires_grad=True)
        loss = functional.binary_cross_entropy_with_logits(
            tx,
            torch.tensor(y),
            weight=torch.tensor(weight),
            pos_weight=torch.tensor(pos_weight),
            reduction=reduction,
        )
        loss.sum().backward()
        options = {"weight": weight, "pos_weight": pos_weight, "reduction": reduction}
        # 1e-11, not 1e-15: PyTorch's formula cancels where a soft label meets a tiny loss.
        np.testing.assert_allclose(
            binary_cross_entropy_with_logits(x, y, **options), loss.detach().numpy(), rtol=1e-11
        )
        np.testing.assert_allclose(
            binary_cross_entropy_with_logits_grad(x, y, **options),
            tx.grad.numpy(),
            rtol=1e-12,
            atol=1e-15,
        )


# A 50-digit oracle at the extremes.

EXTREMES = [-1e30, -700.0, -30.0, -1e-8, 0.0, 1e-8, 30.0, 700.0, 1e30]


def _sigmoid_mp(x):
    return 1 / (1 + mpmath.exp(-mpmath.mpf(x)))


def _softplus_mp(x):
    return mpmath.log1p(mpmath.exp(mpmath.mpf(x)))


def _close(actual, expected, rtol):
    """Assert relative closeness; a true value below the smallest float64 must give 0."""
    expected = float(expected)
    actual = float(actual)
    assert actual == pytest.approx(expected, rel=rtol, abs=0), (actual, expected)


@pytest.mark.parametrize("x", EXTREMES)
def test_sigmoid_is_correct_to_a_few_ulp_at_extreme_logits(x):
    _close(sigmoid(x), _sigmoid_mp(x), 4e-16)
    _close(sigmoid_grad(x), _sigmoid_mp(x) * _sigmoid_mp(-x), 6e-16)
    _close(log_sigmoid(x), -_softplus_mp(-x), 4e-16)


@pytest.mark.parametrize("x", EXTREMES)
def test_loss_and_grad_are_correct_to_a_few_ulp_at_extreme_logits(x):
    for y, loss, grad in ((0.0, _softplus_mp(x), _sigmoid_mp(x)),
                          (1.0, _softplus_mp(-x), -_sigmoid_mp(-x))):  # fmt: skip
        _close(binary_cross_entropy_with_logits(x, y), loss, 4e-16)
        _close(binary_cross_entropy_with_logits_grad(x, y), grad, 4e-16)


@pytest.mark.parametrize("x", [-1e30, -80.0, -30.0, -1e-8, 1e-8, 30.0, 80.0, 1e30])
def test_float32_results_are_correct_to_a_few_ulp_at_extreme_logits(x):
    x32 = np.float32(x)
    assert sigmoid(x32).dtype == np.float32
    _close(sigmoid(x32), _sigmoid_mp(float(x32)), 3e-7)
    _close(log_sigmoid(x32), -_softplus_mp(-float(x32)), 3e-7)
    _close(binary_cross_entropy_with_logits(x32, 1.0), _softplus_mp(-float(x32)), 3e-7)
    _close(binary_cross_entropy_with_logits_grad(x32, 1.0), -_sigmoid_mp(-float(x32)), 3e-7)


# Laws.

finite64 = st.floats(-1e300, 1e300)


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=finite64))
def test_sigmoid_of_x_and_of_minus_x_add_up_to_one(x):
    np.testing.assert_allclose(sigmoid(x) + sigmoid(-x), 1.0, rtol=0, atol=2.3e-16)


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=finite64))
def test_sigmoid_lies_in_0_1_and_is_monotone(x):
    s = sigmoid(np.sort(x))
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(np.diff(s) >= 0)


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(-700, 700)))
def test_sigmoid_grad_is_sigmoid_times_one_minus_sigmoid(x):
    s = sigmoid(x)
    np.testing.assert_allclose(sigmoid_grad(x), s * sigmoid(-x), rtol=1e-15)
    assert np.all(sigmoid_grad(x) <= 0.25)


@given(st.floats(-700, 700), st.sampled_from([0.0, 1.0]))
def test_binary_loss_is_two_class_cross_entropy_with_logits_x_and_0(x, y):
    two_class = cross_entropy([x, 0.0], 0 if y == 1.0 else 1)
    np.testing.assert_allclose(binary_cross_entropy_with_logits(x, y), two_class, rtol=1e-14)


@given(st.floats(-700, 700), st.floats(0, 1))
def test_loss_equals_the_pytorch_formula_for_soft_labels(x, y):
    pytorch_formula = max(x, 0.0) - x * y + np.log1p(np.exp(-abs(x)))
    scale = max(abs(x), 1.0)
    assert abs(binary_cross_entropy_with_logits(x, y) - pytorch_formula) <= 4e-16 * scale


@given(
    hnp.arrays(np.float64, 4, elements=st.floats(-20, 20)),
    hnp.arrays(np.float64, 4, elements=st.floats(0, 1)),
    st.sampled_from(["mean", "sum"]),
)
def test_grad_matches_central_differences(x, y, reduction):
    options = {"pos_weight": [2.0, 0.5, 1.0, 3.0], "weight": [1.0, 0.5, 2.0, 1.5]}
    numeric = numerical_grad(
        lambda v: binary_cross_entropy_with_logits(v, y, reduction=reduction, **options), x
    )
    analytic = binary_cross_entropy_with_logits_grad(x, y, reduction=reduction, **options)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


@given(hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(-50, 50)))
def test_grad_is_sigmoid_minus_label(x):
    y = (x > 1).astype(float)
    grad = binary_cross_entropy_with_logits_grad(x, y, reduction="sum")
    np.testing.assert_allclose(grad, sigmoid(x) - y, rtol=1e-12, atol=2e-16)


# Edges, dtypes and errors.


def test_infinite_and_nan_logits_give_the_limits_without_warnings():
    x = np.array([np.inf, np.inf, -np.inf, -np.inf, np.nan])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(
        binary_cross_entropy_with_logits(x, y, reduction="none"), [0, np.inf, 0, np.inf, np.nan]
    )
    np.testing.assert_array_equal(
        binary_cross_entropy_with_logits_grad(x, y, reduction="none"), [0, 1, 0, -1, np.nan]
    )
    np.testing.assert_array_equal(sigmoid(x), [1, 1, 0, 0, np.nan])
    np.testing.assert_array_equal(log_sigmoid(x), [0, 0, -np.inf, -np.inf, np.nan])
    np.testing.assert_array_equal(sigmoid_grad(x), [0, 0, 0, 0, np.nan])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_every_function_keeps_the_float_dtype(dtype):
    x = np.array([-2.0, 0.0, 3.0], dtype=dtype)
    y = np.array([0.0, 1.0, 1.0])
    for f in (sigmoid, sigmoid_grad, log_sigmoid):
        assert f(x).dtype == dtype
    assert binary_cross_entropy_with_logits(x, y).dtype == dtype
    assert binary_cross_entropy_with_logits(x, y, reduction="none").dtype == dtype
    assert binary_cross_entropy_with_logits_grad(x, y).dtype == dtype
    assert naive_binary_cross_entropy(x, y).dtype == dtype


def test_float16_is_computed_in_float32_and_rounded_once():
    x = np.array([-12.0, 0.5, 12.0], dtype=np.float16)  # e^12 overflows float16
    np.testing.assert_array_equal(sigmoid(x), sigmoid(x.astype(np.float32)).astype(np.float16))
    assert np.all(np.isfinite(log_sigmoid(x)))


def test_integer_inputs_become_float64_and_scalars_give_scalars():
    assert sigmoid(0) == 0.5 and sigmoid(0).dtype == np.float64
    assert np.ndim(sigmoid(0)) == 0
    assert np.ndim(binary_cross_entropy_with_logits(0.0, 1.0, reduction="none")) == 0


def test_empty_input_has_nan_mean_and_zero_sum():
    assert np.isnan(binary_cross_entropy_with_logits([], []))
    assert binary_cross_entropy_with_logits([], [], reduction="sum") == 0
    assert binary_cross_entropy_with_logits_grad([], []).shape == (0,)


def test_mean_does_not_divide_by_the_weights():
    x, y = [1.0, -1.0], [1.0, 1.0]
    weighted = binary_cross_entropy_with_logits(x, y, weight=[2.0, 0.0])
    assert weighted == pytest.approx(binary_cross_entropy_with_logits(1.0, 1.0))


def test_zero_weight_silences_an_infinite_loss():
    loss = binary_cross_entropy_with_logits([np.inf, 1.0], [0.0, 1.0], weight=[0.0, 1.0])
    assert loss == pytest.approx(binary_cross_entropy_with_logits(1.0, 1.0) / 2)


def test_a_gradient_beyond_float16_is_inf_without_an_overflow_warning():
    # sigma(0) - 65521 = -65520.5 rounds past float16's 65504: -inf is the dtype's answer.
    x, y = np.array([0.0], dtype=np.float16), np.array([65521.0], dtype=np.float32)
    grad = binary_cross_entropy_with_logits_grad(x, y, reduction="sum")
    assert grad.dtype == np.float16 and grad[0] == -np.inf
    loss = binary_cross_entropy_with_logits(x, y, reduction="sum")
    assert loss.dtype == np.float16 and loss == pytest.approx(np.log(2), rel=1e-2)


def test_a_label_beyond_the_working_dtype_is_cast_to_inf_without_a_warning():
    # 3.5e38 is inf in float32, the working dtype of float16 logits: sigma(0) - inf = -inf.
    x = np.array([0.0], dtype=np.float16)
    assert binary_cross_entropy_with_logits_grad(x, [3.5e38], reduction="none")[0] == -np.inf
    assert naive_binary_cross_entropy(x, [3.5e38]).dtype == np.float16


def test_sums_beyond_the_dtype_are_inf_and_inf_minus_inf_is_nan_without_warnings():
    losses = np.array([-6e4, -6e4], dtype=np.float16)
    assert binary_cross_entropy_with_logits(losses, [1.0, 1.0], reduction="sum") == np.inf
    assert binary_cross_entropy_with_logits(losses, [1.0, 1.0]) == np.float16(6e4)
    assert binary_cross_entropy_with_logits([-1e308, -1e308], [1.0, 1.0], reduction="sum") == np.inf
    # labels outside [0, 1] (allowed, as in PyTorch) whose losses are -inf and inf
    x, y = [np.inf, np.inf], [2.0, -1.0]
    assert binary_cross_entropy_with_logits(x, y, reduction="none").tolist() == [-np.inf, np.inf]
    assert np.isnan(binary_cross_entropy_with_logits(x, y, reduction="sum"))


@pytest.mark.parametrize(
    ("x", "options", "shown"),
    [
        ([1.0, 2.0], {"weight": [1.0, np.inf]}, "inf"),
        ([1.0, 2.0], {"pos_weight": [np.nan, 1.0]}, "nan"),
        (np.array([1.0, 2.0], dtype=np.float32), {"weight": [1e300, 1.0]}, "1e+300"),
        (np.array([1.0, 2.0], dtype=np.float16), {"pos_weight": [1e39, 1.0]}, "1e+39"),
    ],
)
def test_weights_must_be_finite_in_the_working_dtype(x, options, shown):
    name = next(iter(options))
    with pytest.raises(ValueError, match=f"{name} must hold finite numbers") as raised:
        binary_cross_entropy_with_logits(x, [1.0, 0.0], **options)
    assert shown in str(raised.value)
    # float16 works in float32, where 1e30 is an ordinary number
    x16 = np.array([1.0, 2.0], dtype=np.float16)
    assert binary_cross_entropy_with_logits(x16, [1.0, 0.0], weight=[1e30, 0.0]) == np.inf


@pytest.mark.parametrize(
    ("x", "y", "options", "message"),
    [
        ([1.0, 2.0], [1.0], {}, "same shape"),
        ([[1.0, 2.0]], [1.0, 0.0], {}, "same shape"),
        ([1.0, 2.0], [1.0, 0.0], {"reduction": "avg"}, "reduction"),
        ([1.0, 2.0], [1.0, 0.0], {"weight": [1.0, 2.0, 3.0]}, "weight"),
        ([[1.0, 2.0]], [[1.0, 0.0]], {"pos_weight": [[1.0], [2.0]]}, "pos_weight"),
        (1.0, 1.0, {"weight": [1.0, 2.0]}, "single logit"),
        (["a"], [1.0], {}, "real numbers"),
    ],
)
def test_bad_arguments_raise_value_errors_that_say_what_is_wrong(x, y, options, message):
    with pytest.raises(ValueError, match=message):
        binary_cross_entropy_with_logits(x, y, **options)
    with pytest.raises(ValueError, match=message):
        binary_cross_entropy_with_logits_grad(x, y, **options)


# The naive formula, as the stability page shows it.

NAIVE_CASES = [
    # (dtype, x, y, naive, stable)
    (np.float64, 40.0, 0.0, np.inf, 40.0),
    (np.float64, 40.0, 1.0, np.nan, 4.248354255291589e-18),
    (np.float64, -40.0, 1.0, 40.0, 40.0),
    (np.float64, 800.0, 0.0, np.inf, 800.0),
    (np.float64, 800.0, 1.0, np.nan, 0.0),
    (np.float64, -800.0, 0.0, np.nan, 0.0),
    (np.float64, -800.0, 1.0, np.inf, 800.0),
    (np.float32, 17.0, 0.0, np.inf, 17.0),
    (np.float32, 40.0, 0.0, np.inf, 40.0),
    (np.float32, 40.0, 1.0, np.nan, 4.248354e-18),
    (np.float32, -40.0, 1.0, 40.0, 40.0),
    (np.float32, 800.0, 0.0, np.inf, 800.0),
    (np.float32, -800.0, 0.0, np.nan, 0.0),
    (np.float32, -800.0, 1.0, np.inf, 800.0),
]


@pytest.mark.parametrize(("dtype", "x", "y", "naive", "stable"), NAIVE_CASES)
def test_naive_formula_breaks_silently_where_the_stable_one_does_not(dtype, x, y, naive, stable):
    xs = np.array([x], dtype=dtype)
    got = naive_binary_cross_entropy(xs, [y])
    assert got.dtype == dtype
    np.testing.assert_array_equal(got, [naive])
    good = binary_cross_entropy_with_logits(xs, [y], reduction="none")
    np.testing.assert_allclose(good, [stable], rtol=1e-6)


def test_naive_formula_agrees_with_the_stable_one_for_moderate_logits():
    x = np.linspace(-10, 10, 41)
    y = (np.arange(41) % 3 == 0).astype(float)
    np.testing.assert_allclose(
        naive_binary_cross_entropy(x, y),
        binary_cross_entropy_with_logits(x, y, reduction="none"),
        rtol=1e-9,
    )


def test_naive_formula_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        naive_binary_cross_entropy([1.0, 2.0], [1.0])
