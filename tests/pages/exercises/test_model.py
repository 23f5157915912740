"""The exercises' model: problems from seeds, their answers against mpmath, and the hints."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ce_core import parse_vector
from ce_core import softmax as _softmax
from pages.exercises import view
from pages.exercises.checking import check
from pages.exercises.model import KINDS, MAX_SEED, generate

from .oracle import answers, typed

SEEDS = st.integers(0, MAX_SEED)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(KINDS), SEEDS)
def test_every_seed_gives_one_decimal_logits_of_3_to_5_classes(kind, seed):
    p = generate(kind, seed)
    assert np.allclose(p.z * 10, np.round(p.z * 10), rtol=0, atol=1e-9)
    assert p.z.size == 1 if kind == "sigmoid" else 3 <= p.z.size <= 5
    assert len(set(p.z.tolist())) == p.z.size  # different logits: every hint can be told apart
    assert generate(kind, seed).z.tolist() == p.z.tolist()  # the same seed, the same problem


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(KINDS), SEEDS)
def test_the_mpmath_answer_typed_with_3_or_4_digits_always_checks_as_right(kind, seed):
    p = generate(kind, seed)
    expected = answers(p)
    for part in p.parts:
        assert part.answer == pytest.approx(expected[part.name], rel=1e-9, abs=1e-12)
    for digits in (3, 4):
        typed_answers = {name: parse_vector(typed(v, digits)) for name, v in expected.items()}
        assert all(m.solved for m in check(p, typed_answers).values()), (digits, typed_answers)


@settings(max_examples=60, deadline=None)
@given(SEEDS)
def test_some_naive_exponential_overflows_in_float32_and_none_is_near_the_limit(seed):
    p = generate("shift", seed)
    assert 0 < p.parts[1].answer.sum() < p.z.size
    assert not np.any(np.abs(p.z - 88.72) < 0.15)


def first_seed(kind, condition):
    """Return the first problem of ``kind`` (seeds 0, 1, ...) for which ``condition`` holds."""
    return next(generate(kind, s) for s in range(500) if condition(generate(kind, s)))


def answers_for_class(p, k):
    """-ln a_k by mpmath."""
    import mpmath as mp

    from .oracle import softmax

    return float(-mp.log(softmax([float(v) for v in p.z])[k]))


def _a(p):
    from .oracle import softmax

    return [float(v) for v in softmax([float(v) for v in p.z])]


def _exp(p):
    return [float(np.exp(v)) for v in p.z]


def _sigma(x):
    return 1 / (1 + np.exp(-x))


# kind, condition on the problem, the wrong answers a student types, the hint expected
MISTAKES = [
    ("softmax", lambda p: True, lambda p: {"a": _exp(p)}, "not_normalised"),
    ("softmax", lambda p: True, lambda p: {"a": list(_softmax(-p.z))}, "exp_minus"),
    ("softmax", lambda p: True, lambda p: {"a": [1 / (p.z.size + 1)] * p.z.size}, "sum_not_one"),
    (
        "loss",
        lambda p: True,
        lambda p: {"loss": [answers_for_class(p, p.target) / np.log(2)]},
        "log2",
    ),
    (
        "gradient",
        lambda p: p.target >= 1,
        lambda p: {"grad": [a - (k == p.target - 1) for k, a in enumerate(_a(p))]},
        "wrong_class",
    ),
    ("softmax", lambda p: abs(p.z.sum()) > 0.5, lambda p: {"a": list(p.z / p.z.sum())}, "no_exp"),
    ("loss", lambda p: True, lambda p: {"loss": [-answers_for_class(p, p.target)]}, "minus"),
    (
        "loss",
        lambda p: p.target + 1 < p.z.size,
        lambda p: {"loss": [answers_for_class(p, p.target + 1)]},
        "from_zero",
    ),
    (
        "loss",
        lambda p: True,
        lambda p: {"loss": [answers_for_class(p, p.target) / np.log(10)]},
        "log10",
    ),
    (
        "loss",
        lambda p: p.z[p.target] < -0.3,
        lambda p: {"loss": [-p.z[p.target]]},
        "not_normalised",
    ),
    (
        "gradient",
        lambda p: True,
        lambda p: {"grad": [(k == p.target) - a for k, a in enumerate(_a(p))]},
        "sign",
    ),
    ("gradient", lambda p: True, lambda p: {"grad": _a(p)}, "forgot_y"),
    (
        "gradient",
        lambda p: p.target + 1 < p.z.size,
        lambda p: {"grad": [a - (k == p.target + 1) for k, a in enumerate(_a(p))]},
        "from_zero",
    ),
    ("jacobian", lambda p: p.i == p.k, lambda p: {"entry": [_a(p)[p.i]]}, "forgot_factor"),
    (
        "jacobian",
        lambda p: p.i != p.k,
        lambda p: {"entry": [_a(p)[p.i] * _a(p)[p.k]]},
        "forgot_minus",
    ),
    (
        "jacobian",
        lambda p: p.i != p.k,
        lambda p: {"entry": [_a(p)[p.i] * (1 - _a(p)[p.i])]},
        "used_diagonal",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z - p.z.min()), "finite": list(p.z < 88.72)},
        "shift_min",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z.max() - p.z), "finite": list(p.z < 88.72)},
        "shift_sign",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z), "finite": list(p.z < 88.72)},
        "not_shifted",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z - p.z.max()), "finite": list(p.z > 88.72)},
        "flipped",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z - p.z.max()), "finite": [1] * p.z.size},
        "shifted_is_finite",
    ),
    (
        "sigmoid",
        lambda p: True,
        lambda p: {"sigma": [_sigma(-p.z[0])], "slope": [_sigma(p.z[0]) * _sigma(-p.z[0])]},
        "sigmoid_sign",
    ),
    (
        "sigmoid",
        lambda p: True,
        lambda p: {"sigma": [_sigma(p.z[0])], "slope": [_sigma(p.z[0])]},
        "forgot_factor_sigma",
    ),
    (
        "sigmoid",
        lambda p: True,
        lambda p: {"sigma": [np.exp(-p.z[0])], "slope": [_sigma(p.z[0]) * _sigma(-p.z[0])]},
        "exp_only",
    ),
    (
        "sigmoid",
        lambda p: abs(p.z[0]) > 0.5,
        lambda p: {"sigma": [_sigma(p.z[0])], "slope": [p.z[0] * (1 - p.z[0])]},
        "used_x",
    ),
    (
        "sigmoid",
        lambda p: abs(p.z[0]) > 0.5,
        lambda p: {"sigma": [0.9], "slope": [0.9 * 0.1]},
        "follow_through",
    ),
    (
        "finite_difference",
        lambda p: True,
        lambda p: {"estimate": [2 * answers(p)["estimate"][0]]},
        "two_eps",
    ),
    (
        "finite_difference",
        lambda p: (
            abs(answers(p)["estimate"][0] - (_a(p)[p.i] - (p.i == p.target)))
            > 0.01 * abs(answers(p)["estimate"][0]) + 0.001
        ),
        lambda p: {"estimate": [_a(p)[p.i] - (p.i == p.target)]},
        "exact",
    ),
    (
        "smoothing",
        lambda p: p.weight is None,
        lambda p: {"loss": [answers_for_class(p, p.target)]},
        "forgot_smoothing",
    ),
    (
        "smoothing",
        lambda p: p.weight is not None,
        lambda p: {"loss": [answers_for_class(p, p.target)]},
        "forgot_weight",
    ),
    (
        "smoothing",
        lambda p: p.weight is not None,
        lambda p: {"loss": [answers_for_class(p, p.target) / p.weight[p.target]]},
        "divided_weight",
    ),
    (
        "smoothing",
        lambda p: p.weight is None,
        lambda p: {"loss": [(1 - p.eps) * answers_for_class(p, p.target)]},
        "smoothing_forgot_uniform",
    ),
    (
        "smoothing",
        lambda p: p.weight is None,
        lambda p: {  # ε spread over the K − 1 other classes instead of all K
            "loss": [
                (1 - p.eps) * answers_for_class(p, p.target)
                + p.eps
                * sum(answers_for_class(p, k) for k in range(p.z.size) if k != p.target)
                / (p.z.size - 1)
            ]
        },
        "smoothing_k_minus_1",
    ),
    (
        "jacobian",
        lambda p: p.i == p.k,
        lambda p: {"entry": [-(_a(p)[p.i] ** 2)]},
        "used_off_diagonal",
    ),
    (
        "jacobian",
        lambda p: p.i + 1 < p.z.size and p.k + 1 < p.z.size,
        lambda p: {  # the entry one row and one column on: classes counted from 0
            "entry": [_a(p)[p.i + 1] * ((p.i == p.k) - _a(p)[p.k + 1])]
        },
        "from_zero_entry",
    ),
    (
        "shift",
        lambda p: True,
        lambda p: {"shifted": list(p.z - p.z.max()), "finite": [0] * p.z.size},
        "overflow_rule",
    ),
    (
        "finite_difference",
        lambda p: True,
        lambda p: {"estimate": [_one_sided(p)]},
        "one_sided",
    ),
    (
        "smoothing",
        lambda p: p.weight is not None and _other_weight(p) is not None,
        lambda p: {"loss": [_other_weight(p) * answers_for_class(p, p.target)]},
        "wrong_weight",
    ),
]


def _one_sided(p) -> float:
    """(L(z + ε e_i) − L(z)) / ε, the one-sided difference, by mpmath."""
    import mpmath as mp

    from .oracle import softmax

    def loss(z):
        return -mp.log(softmax(z)[p.target])

    moved = [float(v) for v in p.z]
    moved[p.i] += p.eps
    return float((loss(moved) - loss([float(v) for v in p.z])) / p.eps)


def _other_weight(p) -> float | None:
    """The first class weight that is not the true class's, its inverse or 1 (which would read
    as "divided by the weight" or "forgot the weight"), or None."""
    w_j = float(p.weight[p.target])
    others = (float(w) for w in p.weight if w not in (w_j, 1 / w_j, 1.0))
    return next(others, None)


def mistake_problem(kind, condition, wrong, hint):
    """Return the problem and the typed wrong answers (4 significant digits) of a MISTAKES row."""
    p = first_seed(kind, condition)
    return p, {name: typed(values) for name, values in wrong(p).items()}


@pytest.mark.parametrize(
    ("kind", "condition", "wrong", "hint"), MISTAKES, ids=[m[3] for m in MISTAKES]
)
def test_each_typical_mistake_gets_its_hint(kind, condition, wrong, hint):
    p, texts = mistake_problem(kind, condition, wrong, hint)
    marks = check(p, {name: parse_vector(text) for name, text in texts.items()})
    assert hint in [m.hint for m in marks.values()]
    assert not all(m.solved for m in marks.values())


def test_the_csv_download_starts_with_a_byte_order_mark_for_excel():
    rows = [{"kind": "loss", "seed": 42, "attempts": 2, "solved": True, "solution_seen": False}]
    text = view.record_table(rows, lambda key, **_: key).to_csv(index=False)
    assert text.startswith("\ufeffexercises.col.kind,")
    assert "42,2," in text
