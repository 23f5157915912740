"""Laws, known values and errors of cross_entropy, cross_entropy_grad and one_hot."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from ce_core import cross_entropy, cross_entropy_grad, cross_entropy_with_grad, log_softmax, one_hot

PROPERTY = settings(max_examples=150, deadline=None)
EPS64 = 2.0**-52


# ---- an independent float64 reference -----------------------------------------------------------


@dataclass
class Problem:
    """One call's arguments, with what the test expects to divide the mean by."""

    logits: np.ndarray
    target: object
    options: dict = field(default_factory=dict)

    @property
    def batch(self) -> np.ndarray:
        return np.atleast_2d(self.logits).astype(np.float64)

    @property
    def is_probability(self) -> bool:
        return np.shape(self.target) == np.shape(self.logits)

    def coefficients(self) -> np.ndarray:
        """Return c, (N, K): each row's loss is -sum_k c_k ln a_k."""
        n, k = self.batch.shape
        eps = self.options.get("label_smoothing", 0.0)
        w = np.asarray(self.options.get("weight", np.ones(k)), dtype=np.float64)
        if self.is_probability:
            y = np.atleast_2d(np.asarray(self.target, dtype=np.float64))
            return ((1 - eps) * y + eps / k) * w
        classes = np.atleast_1d(self.target)
        c = np.zeros((n, k))
        for row, t in enumerate(classes):
            if t != self.options.get("ignore_index", -100):
                c[row] = (1 - eps) * w[t] * (np.arange(k) == t) + eps / k * w
        return c

    def denominator(self) -> float:
        n, k = self.batch.shape
        if self.is_probability:
            return float(n)
        w = np.asarray(self.options.get("weight", np.ones(k)), dtype=np.float64)
        ignore = self.options.get("ignore_index", -100)
        return float(sum(w[t] for t in np.atleast_1d(self.target) if t != ignore))

    def losses(self) -> np.ndarray:
        z = self.batch
        m = z.max(axis=1, keepdims=True)
        log_a = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
        return -(self.coefficients() * log_a).sum(axis=1)

    def grad_of_sum(self) -> np.ndarray:
        z = self.batch
        a = np.exp(z - z.max(axis=1, keepdims=True))
        a /= a.sum(axis=1, keepdims=True)
        c = self.coefficients()
        return a * c.sum(axis=1, keepdims=True) - c


@st.composite
def problems(draw, single: bool | None = None, allow_ignore: bool = True) -> Problem:
    """Logits in [-20, 20] with every option of cross_entropy, finite throughout."""
    single = draw(st.booleans()) if single is None else single
    n = 1 if single else draw(st.integers(1, 5))
    k = draw(st.integers(1, 6))
    values = draw(st.lists(st.floats(-20, 20), min_size=n * k, max_size=n * k))
    logits = np.array(values).reshape((k,) if single else (n, k))
    options = {"reduction": draw(st.sampled_from(["mean", "sum", "none"]))}
    if draw(st.booleans()):
        options["label_smoothing"] = draw(st.sampled_from([0.0, 0.1, 0.5, 1.0]))
    if draw(st.booleans()):
        options["weight"] = np.array(draw(st.lists(st.floats(0.1, 5), min_size=k, max_size=k)))
    if draw(st.booleans()):  # probability targets
        raw = np.array(draw(st.lists(st.floats(0, 1), min_size=n * k, max_size=n * k)))
        raw = raw.reshape(n, k) + 1e-3
        target = raw / raw.sum(axis=1, keepdims=True)
        target = target[0] if single else target
    else:
        classes = draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
        if allow_ignore and not single and draw(st.booleans()):
            ignore_index = draw(st.sampled_from([-100, -1, 0, k - 1]))
            options["ignore_index"] = ignore_index
            keep = draw(st.lists(st.booleans(), min_size=n, max_size=n))
            classes = [c if kept else ignore_index for c, kept in zip(classes, keep, strict=True)]
        target = classes[0] if single else np.array(classes)
    note(f"logits={logits.tolist()!r}, target={np.asarray(target).tolist()!r}, {options}")
    return Problem(logits, target, options)


def _central_difference(f, z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Return the central difference (f(z + h e_i) - f(z - h e_i)) / 2h for every i."""
    grad = np.empty_like(z, dtype=np.float64)
    for i in np.ndindex(z.shape):
        plus, minus = z.astype(np.float64), z.astype(np.float64)
        plus[i] += h
        minus[i] -= h
        grad[i] = (f(plus) - f(minus)) / (2 * h)
    return grad


try:  # the lab's own gradient checker, when present
    from ce_core import numerical_grad
except ImportError:
    numerical_grad = _central_difference


# ---- the lecture note's example -----------------------------------------------------------------

LECTURE_A = [0.1, 0.1, 0.1, 0.2, 0.5]
LECTURE_LOSS = 1.6094379124341003  # -ln 0.2
LECTURE_GRAD = [0.1, 0.1, 0.1, -0.8, 0.5]


@pytest.mark.parametrize(
    "logits",
    [np.log(LECTURE_A), np.log(LECTURE_A).tolist(), np.log(LECTURE_A)[None, :]],
    ids=["array", "list", "batch of one"],
)
def test_lecture_note_example_gives_minus_log_0_2_and_a_minus_y(logits):
    target = 3 if np.ndim(logits) == 1 else [3]
    loss, grad = cross_entropy_with_grad(logits, target)
    assert abs(float(loss) - LECTURE_LOSS) <= math.ulp(LECTURE_LOSS)
    assert abs(float(cross_entropy(logits, target)) - LECTURE_LOSS) <= math.ulp(LECTURE_LOSS)
    np.testing.assert_allclose(np.ravel(grad), LECTURE_GRAD, rtol=0, atol=1e-15)
    np.testing.assert_array_equal(cross_entropy_grad(logits, target), grad)


def test_lecture_note_example_from_probabilities_as_targets():
    loss = cross_entropy(np.log(LECTURE_A), one_hot(3, 5))
    assert abs(float(loss) - LECTURE_LOSS) <= math.ulp(LECTURE_LOSS)
    np.testing.assert_allclose(
        cross_entropy_grad(np.log(LECTURE_A), one_hot(3, 5)), LECTURE_GRAD, atol=1e-15
    )


# ---- laws ---------------------------------------------------------------------------------------


@PROPERTY
@given(problem=problems())
def test_loss_matches_an_independent_reference_for_every_option(problem):
    losses = problem.losses()
    reduction = problem.options["reduction"]
    loss = cross_entropy(problem.logits, problem.target, **problem.options)
    if reduction == "none":
        expected = losses[0] if np.ndim(problem.logits) == 1 else losses
    elif reduction == "sum":
        expected = losses.sum()
    elif problem.denominator() == 0:  # every row ignored
        expected = np.nan
    else:
        expected = losses.sum() / problem.denominator()
    np.testing.assert_allclose(loss, expected, rtol=1e-12, atol=1e-13)


@PROPERTY
@given(problem=problems())
def test_grad_matches_the_reference_and_central_differences(problem):
    options = problem.options
    reduction = options["reduction"]

    def total(z):
        loss = cross_entropy(z, problem.target, **options)
        return float(np.sum(loss))  # "none": the gradient is that of the sum of the rows

    grad = cross_entropy_grad(problem.logits, problem.target, **options)
    assert grad.shape == np.shape(problem.logits)
    expected = problem.grad_of_sum().reshape(grad.shape)
    if reduction == "mean" and problem.denominator() == 0:  # every row ignored: no gradient
        np.testing.assert_array_equal(grad, np.zeros_like(grad))
        return
    if reduction == "mean":
        expected = expected / problem.denominator()
    np.testing.assert_allclose(grad, expected, rtol=1e-12, atol=1e-14)
    scale = max(1.0, float(np.abs(grad).max()))
    np.testing.assert_allclose(grad, numerical_grad(total, problem.logits), atol=1e-6 * scale)


@PROPERTY
@given(problem=problems())
def test_loss_is_non_negative_and_grad_rows_sum_to_zero(problem):
    loss, grad = cross_entropy_with_grad(problem.logits, problem.target, **problem.options)
    every_row_ignored = problem.options["reduction"] == "mean" and problem.denominator() == 0
    assert np.all(np.asarray(loss) >= 0) or (every_row_ignored and np.isnan(loss))
    # every row of a * sum(c) - c sums to sum(c) - sum(c): shifting all logits changes nothing
    row_scale = np.abs(grad).max(axis=-1) + 1e-300
    assert np.all(
        np.abs(grad.sum(axis=-1)) <= 8 * grad.shape[-1] * EPS64 * np.maximum(row_scale, 1)
    )


@PROPERTY
@given(problem=problems(single=False))
def test_sum_is_the_sum_of_none_and_mean_is_sum_over_the_denominator(problem):
    options = {key: v for key, v in problem.options.items() if key != "reduction"}
    z, target = problem.logits, problem.target
    per_row, grad_none = cross_entropy_with_grad(z, target, reduction="none", **options)
    total, grad_sum = cross_entropy_with_grad(z, target, reduction="sum", **options)
    mean, grad_mean = cross_entropy_with_grad(z, target, reduction="mean", **options)
    assert per_row.shape == (z.shape[0],)
    np.testing.assert_allclose(total, per_row.sum(), rtol=1e-14)
    np.testing.assert_array_equal(grad_sum, grad_none)
    denominator = problem.denominator()
    if denominator == 0:  # every row ignored
        assert np.isnan(mean) and total == 0
        np.testing.assert_array_equal(grad_mean, np.zeros_like(z))
    else:
        np.testing.assert_allclose(mean, total / denominator, rtol=1e-14)
        # a - y cancels in the target's column: compare to the row's scale, not the element's
        atol = 8 * EPS64 * max(1.0, float(np.abs(grad_mean).max()))
        np.testing.assert_allclose(grad_mean, grad_sum / denominator, rtol=1e-14, atol=atol)


@PROPERTY
@given(problem=problems())
def test_with_grad_returns_what_the_separate_calls_return(problem):
    args = (problem.logits, problem.target)
    loss, grad = cross_entropy_with_grad(*args, **problem.options)
    np.testing.assert_allclose(loss, cross_entropy(*args, **problem.options), rtol=4 * EPS64)
    np.testing.assert_array_equal(grad, cross_entropy_grad(*args, **problem.options))


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@PROPERTY
@given(z=st.lists(st.floats(-8, 8), min_size=1, max_size=12), data=st.data())
def test_one_example_fast_path_agrees_with_the_batch_path(dtype, z, data):
    target = data.draw(st.integers(0, len(z) - 1))
    z = np.array(z, dtype=dtype)
    loss, grad = cross_entropy_with_grad(z, target)
    batch_loss, batch_grad = cross_entropy_with_grad(z[None, :], [target])
    assert loss.dtype == batch_loss.dtype == grad.dtype == dtype
    ulp = float(np.spacing(batch_loss))
    # The fast path computes in float64, the batch path in the dtype itself: each is within a
    # few ulp of the exact loss (see test_oracle_mpmath), so they are within twice that.
    assert abs(float(loss) - float(batch_loss)) <= 4 * ulp
    np.testing.assert_allclose(grad, batch_grad[0], rtol=0, atol=float(np.finfo(dtype).eps) * 2)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@PROPERTY
@given(
    z=st.lists(st.floats(-1e4, 1e4) | st.just(-np.inf), min_size=1, max_size=64),
    data=st.data(),
)
def test_the_loss_of_one_example_is_the_batch_loss_bit_for_bit(dtype, z, data):
    # cross_entropy takes a shorter path for one row; finite differences on the pages subtract
    # two losses, so it must give the batch kernel's bits exactly (the small-loss correction
    # included: the target is often the largest logit).
    target = data.draw(st.integers(0, len(z) - 1) | st.just(int(np.argmax(z))))
    z = np.array(z, dtype=dtype)
    with np.errstate(over="ignore"):
        loss = cross_entropy(z, target)
        batch = cross_entropy(z[None, :], [target], reduction="none")[0]
    assert type(loss) is type(batch)
    assert loss == batch or (np.isnan(loss) and np.isnan(batch))


@PROPERTY
@given(problem=problems(allow_ignore=False), data=st.data())
def test_class_targets_equal_their_one_hot_probability_targets(problem, data):
    if problem.is_probability:
        return
    options = {key: v for key, v in problem.options.items() if key != "weight"}
    k = problem.batch.shape[1]
    probabilities = one_hot(problem.target, k)
    loss = cross_entropy(problem.logits, problem.target, **options)
    np.testing.assert_allclose(
        cross_entropy(problem.logits, probabilities, **options), loss, rtol=1e-13, atol=1e-15
    )
    np.testing.assert_allclose(
        cross_entropy_grad(problem.logits, probabilities, **options),
        cross_entropy_grad(problem.logits, problem.target, **options),
        rtol=1e-13,
        atol=1e-15,
    )


def test_loss_is_minus_log_softmax_of_the_target():
    z = np.array([[2.0, -1.0, 0.5], [1e3, 0.0, -1e3], [0.0, 0.0, 0.0]])
    target = np.array([0, 2, 1])
    expected = -log_softmax(z)[np.arange(3), target]
    np.testing.assert_array_equal(cross_entropy(z, target, reduction="none"), expected)
    assert float(cross_entropy([[1000.0, 0.0], [0.0, 0.0]], [1, 0])) == (1000 + math.log(2)) / 2


# ---- dtypes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logits", "dtype"),
    [
        (np.array([[1.0, 2.0, 0.5]], dtype=np.float16), np.float16),
        (np.array([[1.0, 2.0, 0.5]], dtype=np.float32), np.float32),
        (np.array([[1.0, 2.0, 0.5]], dtype=np.float64), np.float64),
        ([[1, 2, 0]], np.float64),
        (np.array([[1, 2, 0]], dtype=np.int32), np.float64),
    ],
)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("single", [False, True])
@pytest.mark.parametrize("probability_targets", [False, True])
def test_loss_and_grad_keep_the_logits_dtype(logits, dtype, reduction, single, probability_targets):
    if single:
        logits = np.asarray(logits)[0]
    target = ([[0.2, 0.3, 0.5]] if not single else [0.2, 0.3, 0.5]) if probability_targets else 1
    target = target if single or probability_targets else [1]
    loss, grad = cross_entropy_with_grad(logits, target, reduction=reduction, weight=[1, 2, 3])
    assert loss.dtype == dtype and grad.dtype == dtype
    assert grad.shape == np.shape(logits)
    assert np.shape(loss) == ((1,) if reduction == "none" and not single else ())
    reference = cross_entropy(
        np.asarray(logits, dtype=np.float64), target, reduction=reduction, weight=[1, 2, 3]
    )
    np.testing.assert_allclose(loss, reference, rtol=float(np.finfo(dtype).eps) * 4)


# ---- ignore_index -------------------------------------------------------------------------------


def test_ignored_rows_give_zero_loss_and_zero_grad_and_leave_the_mean():
    z = np.array([[1.0, 2.0, 3.0], [9.0, -9.0, 0.0], [0.5, 0.5, 0.0]])
    per_row, grad = cross_entropy_with_grad(z, [2, -100, 0], reduction="none")
    assert per_row[1] == 0.0
    np.testing.assert_array_equal(grad[1], 0.0)
    kept = cross_entropy(z[[0, 2]], [2, 0], reduction="none")
    np.testing.assert_array_equal(per_row[[0, 2]], kept)
    mean = cross_entropy(z, [2, -100, 0])
    np.testing.assert_allclose(mean, kept.sum() / 2, rtol=1e-15)


@pytest.mark.parametrize("options", [{}, {"weight": [1.0, 2.0, 3.0]}, {"label_smoothing": 0.2}])
def test_every_row_ignored_gives_nan_mean_zero_sum_and_zero_grad(options):
    z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    loss, grad = cross_entropy_with_grad(z, [-100, -100], **options)
    assert np.isnan(loss)
    np.testing.assert_array_equal(grad, np.zeros_like(z))
    loss, grad = cross_entropy_with_grad(z, [-100, -100], reduction="sum", **options)
    assert loss == 0.0
    np.testing.assert_array_equal(grad, np.zeros_like(z))


def test_ignore_index_can_be_a_real_class():
    z = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0], [3.0, 2.0, 1.0]])
    loss = cross_entropy(z, [1, 2, 1], ignore_index=1)
    assert loss == cross_entropy(z[[1]], [2])


def test_empty_batch_gives_nan_mean_and_empty_grad():
    loss, grad = cross_entropy_with_grad(np.zeros((0, 3)), np.zeros(0, dtype=int))
    assert np.isnan(loss) and grad.shape == (0, 3)
    assert cross_entropy(np.zeros((0, 3)), np.zeros(0, dtype=int), reduction="sum") == 0.0


# ---- masked classes (-inf logits) ---------------------------------------------------------------


def test_masked_non_target_class_gives_finite_loss_and_zero_grad_there():
    z = np.array([[0.0, -np.inf, math.log(3.0)]])
    loss, grad = cross_entropy_with_grad(z, [2])
    assert math.isclose(float(loss), -math.log(0.75), rel_tol=2e-16)
    assert grad[0, 1] == 0.0
    np.testing.assert_allclose(grad[0], [0.25, 0.0, -0.25], rtol=2e-16)


def test_masked_target_class_gives_infinite_loss_and_finite_grad():
    z = np.array([[0.0, -np.inf, 1.0]])
    loss, grad = cross_entropy_with_grad(z, [1])
    assert loss == np.inf
    assert np.all(np.isfinite(grad)) and grad[0, 1] == -1.0
    single_loss, single_grad = cross_entropy_with_grad(z[0], 1)
    assert single_loss == np.inf
    np.testing.assert_array_equal(single_grad, grad[0])


def test_smoothing_mass_on_a_masked_class_makes_the_loss_infinite():
    z = np.array([[0.0, -np.inf, 1.0]])
    loss, grad = cross_entropy_with_grad(z, [2], label_smoothing=0.3)
    assert loss == np.inf
    assert math.isclose(float(grad[0, 1]), -0.1, rel_tol=1e-15)  # -eps / K


@pytest.mark.parametrize(
    ("z", "target", "dtype"),
    [
        ([1e308, -1e308], 1, np.float64),
        ([3e38, -3e38], 1, np.float32),
        ([60000.0, -60000.0], 1, np.float16),
    ],
)
def test_a_loss_beyond_the_dtype_is_inf_without_a_warning(z, target, dtype):
    z = np.array(z, dtype=dtype)
    loss, grad = cross_entropy_with_grad(z, target)  # one example: the fast path
    assert loss == np.inf and loss.dtype == dtype
    np.testing.assert_array_equal(grad, np.array([1.0, -1.0], dtype=dtype))
    for reduction in ("mean", "sum", "none"):
        batch = cross_entropy(z[None, :], [target], reduction=reduction)
        assert np.all(batch == np.inf) and batch.dtype == dtype


# ---- large inputs: blocks of rows and threads ---------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize(
    "shape", [(1000, 100), (2048, 520)], ids=["several blocks", "several threads"]
)
def test_large_batches_match_the_reference_row_by_row(dtype, shape):
    rng = np.random.default_rng(7)
    n, k = shape
    z = rng.normal(0, 4, shape).astype(dtype)
    target = rng.integers(0, k, n)
    target[::7] = -100
    weight = rng.uniform(0.5, 2, k)
    options = {"weight": weight, "label_smoothing": 0.1}
    problem = Problem(z, target, options)
    per_row, grad = cross_entropy_with_grad(z, target, reduction="none", **options)
    tolerance = 1e-12 if dtype == np.float64 else 2e-5
    np.testing.assert_allclose(per_row, problem.losses(), rtol=tolerance)
    # a * sum(c) - c cancels: errors are relative to the largest term of the row
    atol = tolerance * float(np.abs(grad).max())
    np.testing.assert_allclose(grad, problem.grad_of_sum(), rtol=tolerance, atol=atol)
    mean, grad_mean = cross_entropy_with_grad(z, target, **options)
    np.testing.assert_allclose(mean, problem.losses().sum() / problem.denominator(), rtol=tolerance)
    np.testing.assert_allclose(grad_mean * problem.denominator(), grad, rtol=tolerance, atol=atol)


# ---- one_hot ------------------------------------------------------------------------------------


def test_one_hot_puts_a_one_at_each_label():
    np.testing.assert_array_equal(one_hot(3, 5), [0, 0, 0, 1, 0])
    np.testing.assert_array_equal(one_hot([0, 2], 3), [[1, 0, 0], [0, 0, 1]])
    np.testing.assert_array_equal(one_hot([2.0], 3), [[0, 0, 1]])
    assert one_hot([1], 2).dtype == np.float64


# ---- errors -------------------------------------------------------------------------------------

Z = np.zeros((3, 5))
ROW = np.zeros(5)
PROBABILITIES = np.full((3, 5), 0.2)

BAD_CALLS = {
    "class equal to K": (ROW, 5, {}, "5"),
    "class equal to K in a batch": (Z, [0, 5, 1], {}, "5"),
    "class -1": (ROW, -1, {}, "-1"),
    "class -1 in a batch": (Z, [0, -1, 1], {}, "-1"),
    "class far out of range": (Z, [0, 10**12, 1], {}, "1000000000000"),
    "class 2.5": (ROW, 2.5, {}, "2.5"),
    "class 2.5 in a batch": (Z, [0.0, 2.5, 1.0], {}, "2.5"),
    "class nan": (Z, [0.0, np.nan, 1.0], {}, "nan"),
    "class inf": (Z, [0.0, np.inf, 1.0], {}, "inf"),
    "class as text": (ROW, "3", {}, "<U1"),
    "class None": (ROW, None, {}, "object"),
    "weight too short": (Z, [0, 1, 2], {"weight": [1.0, 2.0, 3.0]}, "(3,)"),
    "weight too long": (ROW, 1, {"weight": np.ones(6)}, "(6,)"),
    "weight a scalar": (ROW, 1, {"weight": 2.0}, "()"),
    "weight as text": (ROW, 1, {"weight": ["a"] * 5}, "<U1"),
    "weight inf": (Z, [0, 1, 2], {"weight": [1.0, np.inf, 1.0, 1.0, 1.0]}, "inf"),
    "weight nan": (Z, PROBABILITIES, {"weight": [1.0, np.nan, 1.0, 1.0, 1.0]}, "nan"),
    "weight beyond float32": (
        Z.astype(np.float32),
        [0, 1, 2],
        {"weight": [1e300] * 5, "reduction": "sum"},
        "1e+300",
    ),
    "batch size mismatch": (Z, [0, 1], {}, "(2,)"),
    "batch size mismatch, too many": (Z, [0, 1, 2, 3], {}, "(4,)"),
    "one class for a batch": (Z, 1, {}, "()"),
    "a list of classes for one example": (ROW, [1], {}, "(1,)"),
    "probabilities of the wrong shape": (Z, np.full((3, 4), 0.25), {}, "(3, 4)"),
    "smoothing -0.1": (ROW, 1, {"label_smoothing": -0.1}, "-0.1"),
    "smoothing 1.5": (ROW, 1, {"label_smoothing": 1.5}, "1.5"),
    "smoothing nan": (ROW, 1, {"label_smoothing": np.nan}, "nan"),
    "smoothing as text": (ROW, 1, {"label_smoothing": "lots"}, "lots"),
    "ignore_index 0 with probabilities": (Z, PROBABILITIES, {"ignore_index": 0}, "ignore_index"),
    "ignore_index 3 with probabilities": (Z, PROBABILITIES, {"ignore_index": 3}, "ignore_index"),
    "ignore_index 2.5": (Z, [0, 1, 2], {"ignore_index": 2.5}, "2.5"),
    "ignore_index as text": (Z, [0, 1, 2], {"ignore_index": "none"}, "none"),
    "reduction 'avg'": (Z, [0, 1, 2], {"reduction": "avg"}, "avg"),
    "reduction None": (Z, [0, 1, 2], {"reduction": None}, "None"),
    "3-D logits": (np.zeros((2, 3, 4)), np.zeros((2, 3), dtype=int), {}, "(2, 3, 4)"),
    "scalar logits": (np.float64(1.0), 0, {}, "()"),
    "no classes": (np.zeros((2, 0)), [0, 0], {}, "class"),
    "no classes, one example": (np.zeros(0), 0, {}, "class"),
    "logits as text": (["a", "b"], 0, {}, "<U1"),
    "ragged logits": ([[1.0, 2.0], [3.0]], [0, 0], {}, "one shape"),
}


@pytest.mark.parametrize("function", [cross_entropy, cross_entropy_grad, cross_entropy_with_grad])
@pytest.mark.parametrize("case", list(BAD_CALLS))
def test_bad_arguments_raise_a_value_error_naming_the_value(function, case):
    logits, target, options, shown = BAD_CALLS[case]
    with pytest.raises(ValueError) as raised:
        function(logits, target, **options)
    assert type(raised.value) is ValueError
    assert shown in str(raised.value), str(raised.value)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("scale", [1e-300, 1e300, np.finfo(np.float64).max])
def test_the_mean_does_not_depend_on_the_scale_of_the_weights(dtype, scale):
    # Weights near finfo.max used to overflow their sum (the mean's denominator) to inf, giving
    # a mean of 0 and a zero gradient; 1e300 is not even a float32 number.
    z = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 4.0]], dtype=dtype)
    weight = np.array([0.5, 1.0, 0.25])
    expected = cross_entropy_with_grad(z, [1, 0], weight=weight)
    loss, grad = cross_entropy_with_grad(z, [1, 0], weight=weight * scale)
    assert loss.dtype == grad.dtype == dtype
    rtol = 10 * np.finfo(dtype).eps  # weight * scale is rounded, then the weights in dtype
    np.testing.assert_allclose(loss, expected[0], rtol=rtol)
    np.testing.assert_allclose(grad, expected[1], rtol=rtol)


def test_out_of_range_message_states_the_valid_classes():
    with pytest.raises(ValueError, match=r"target 5 is out of bounds.*0 to 4"):
        cross_entropy(ROW, 5)


@pytest.mark.parametrize(
    ("labels", "num_classes", "shown"),
    [(3, 3, "3"), ([-1], 3, "-1"), ([0.5], 3, "0.5"), (0, 0, "0"), (0, 2.5, "2.5"), (0, "3", "3")],
)
def test_one_hot_rejects_bad_labels_and_class_counts(labels, num_classes, shown):
    with pytest.raises(ValueError) as raised:
        one_hot(labels, num_classes)
    assert shown in str(raised.value)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_one_hot_takes_whole_float16_and_float32_labels_without_an_overflow_warning(dtype):
    # the bound 2**62 on whole floats used to be cast to float16, which overflows
    np.testing.assert_array_equal(
        one_hot(np.array([2.0, 0.0], dtype=dtype), 3), [[0, 0, 1], [1, 0, 0]]
    )
    with pytest.raises(ValueError, match="whole numbers, got inf"):
        one_hot(np.array([np.inf], dtype=dtype), 3)
