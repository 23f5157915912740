"""Checking a student's answer: right or wrong per number, within a tolerance fit for hand
calculation, and the typical mistake that gives exactly what was typed (its hint names the step
that went wrong)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ce_core import (
    cross_entropy,
    cross_entropy_grad,
    one_hot,
    sigmoid,
    softmax,
    softmax_jacobian,
)
from lab.numbers import sig
from pages.exercises.model import ABS_TOL, REL_TOL, Problem


def close(values: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """Return, per component, whether a typed value is within the tolerance of the exact one."""
    with np.errstate(invalid="ignore"):
        return np.abs(values - exact) <= REL_TOL * np.abs(exact) + ABS_TOL


# ---- checking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    """A checked part: right or wrong per component, and the hint for the mistake (or None)."""

    right: np.ndarray
    hint: str | None = None
    params: dict = field(default_factory=dict)

    @property
    def solved(self) -> bool:
        return bool(np.all(self.right))


Mistake = tuple[str, dict, np.ndarray]  # hint id, its parameters, the numbers it gives


def check(problem: Problem, answers: dict[str, np.ndarray]) -> dict[str, Marked]:
    """Return each part's marks for the typed ``answers`` (one array per part, of its size).

    A wrong part gets the first typical mistake that gives every typed number of it (and is not
    itself right), or a hint from the typed numbers alone (a softmax not adding up to 1), or none.
    """
    marked = {}
    for part in problem.parts:
        values = np.asarray(answers[part.name], dtype=float)
        if values.shape != part.answer.shape:
            raise ValueError(f"part {part.name} needs {part.size} numbers, got {values.size}")
        right = close(values, part.answer)
        if right.all():
            marked[part.name] = Marked(right)
            continue
        hint, params = None, {}
        for name, found, wrong in _mistakes(problem, part.name, answers):
            if close(values, wrong).all() and not close(wrong, part.answer).all():
                hint, params = name, found
                break
        else:
            if part.name == "a" and abs(float(values.sum()) - 1) > 0.01:
                hint, params = "sum_not_one", {"total": sig(values.sum(), 4)}
            elif part.name == "finite":
                hint = "overflow_rule"
        marked[part.name] = Marked(right, hint, params)
    return marked


def _losses(z: np.ndarray) -> np.ndarray:
    """Return -ln a_k for every class k."""
    return np.array([cross_entropy(z, k) for k in range(z.size)])


def _mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    """Return the typical mistakes for ``part`` of ``p``, most telling first."""
    return _BY_KIND[p.kind](p, part, answers)


def _softmax_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    z = p.z
    with np.errstate(over="ignore"):
        e = np.exp(z)
    found = [("not_normalised", {}, e), ("exp_minus", {}, softmax(-z))]
    if z.sum() != 0:
        found.append(("no_exp", {}, z / z.sum()))
    return found


def _loss_kind_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    return _loss_mistakes(p.z, p.target)


def _gradient_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    z, j, K = p.z, p.target, p.z.size
    a, y = softmax(z), one_hot(j, K)
    with np.errstate(over="ignore"):
        e = np.exp(z)
    found = [("sign", {}, -(a - y)), ("forgot_y", {}, a)]
    found += [(*_class_hint(j, k), a - one_hot(k, K)) for k in range(K) if k != j]
    return [*found, ("not_normalised", {}, e - y)]


def _jacobian_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    a, K = softmax(p.z), p.z.size
    J = softmax_jacobian(p.z)
    i, k = p.i, p.k
    ids = {"i": i + 1, "k": k + 1}
    if i == k:
        found = [("forgot_factor", ids, a[[i]]), ("used_off_diagonal", ids, -(a[[i]] ** 2))]
    else:
        found = [("forgot_minus", ids, a[[i]] * a[k]), ("used_diagonal", ids, J[[i], i])]
        found.append(("used_diagonal", ids, J[[k], k]))
    if i + 1 < K and k + 1 < K:
        found.append(("from_zero_entry", ids, J[[i + 1], k + 1]))
    return [*found, ("sign", ids, -J[[i], k])]


def _shift_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    z = p.z
    if part == "shifted":
        return [
            ("shift_sign", {}, z.max() - z),
            ("shift_min", {}, z - z.min()),
            ("not_shifted", {}, z),
        ]
    finite = p.parts[1].answer
    return [("flipped", {}, 1 - finite), ("shifted_is_finite", {}, np.ones(z.size))]


def _sigmoid_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    x = float(p.z[0])
    s = float(sigmoid(x))
    if part == "sigma":
        return [("sigmoid_sign", {}, np.array([sigmoid(-x)])), ("exp_only", {}, np.exp([-x]))]
    found: list[Mistake] = [
        ("forgot_factor_sigma", {}, np.array([s])),
        ("used_x", {}, np.array([x * (1 - x)])),
        ("sign", {}, np.array([-s * (1 - s)])),
    ]
    typed = answers.get("sigma")
    if typed is not None and typed.size == 1 and not close(typed, np.array([s])).all():
        mine = float(typed[0])
        found.append(("follow_through", {}, np.array([mine * (1 - mine)])))
    return found


def _finite_difference_mistakes(
    p: Problem, part: str, answers: dict[str, np.ndarray]
) -> list[Mistake]:
    z, j, i, h = p.z, p.target, p.i, p.eps
    estimate = p.parts[0].answer

    def loss_at(step: float) -> float:
        moved = z.copy()
        moved[i] += step
        return float(cross_entropy(moved, j))

    ids = {"i": i + 1}
    one_sided = (loss_at(h) - loss_at(0.0)) / h
    return [
        ("two_eps", ids, 2 * estimate),
        ("one_sided", ids, np.array([one_sided])),
        ("exact", ids, cross_entropy_grad(z, j)[[i]]),
        ("sign", ids, -estimate),
    ]


def _smoothing_mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    z, j, K = p.z, p.target, p.z.size
    shown = {"j": j + 1}
    value = p.parts[0].answer
    loss = cross_entropy(z, j)
    if p.weight is None:
        eps = p.eps
        losses = _losses(z)
        others = (losses.sum() - losses[j]) / (K - 1)
        return [
            ("forgot_smoothing", shown, np.array([loss])),
            ("smoothing_k_minus_1", {"K": K}, np.array([(1 - eps) * loss + eps * others])),
            ("smoothing_forgot_uniform", {"K": K}, np.array([(1 - eps) * loss])),
            ("sign", {}, -value),
        ]
    w = p.weight
    found = [("forgot_weight", shown, np.array([loss])), ("divided_weight", shown, loss / w[[j]])]
    found += [(*_class_hint(j, k, "wrong_weight"), w[[k]] * loss) for k in range(K) if w[k] != w[j]]
    return [*found, *_loss_mistakes(z, j, w[j]), ("sign", {}, -value)]


def _class_hint(j: int, k: int, other: str = "wrong_class") -> tuple[str, dict]:
    """Return the hint for using class k instead of j: counted from 0 when k = j + 1."""
    return ("from_zero" if k == j + 1 else other), {"j": j + 1, "used": k + 1}


def _loss_mistakes(z: np.ndarray, j: int, scale: float = 1.0) -> list[Mistake]:
    """Return the mistakes of -ln a_j (times ``scale``, a class weight)."""
    losses = _losses(z) * scale
    loss = losses[j]
    found: list[Mistake] = [("minus", {}, np.array([-loss]))]
    found += [(*_class_hint(j, k), losses[[k]]) for k in range(z.size) if k != j]
    found += [
        ("not_normalised", {}, np.array([-z[j] * scale])),
        ("log10", {}, np.array([loss / math.log(10)])),
        ("log2", {}, np.array([loss / math.log(2)])),
    ]
    return found


_BY_KIND = {
    "softmax": _softmax_mistakes,
    "loss": _loss_kind_mistakes,
    "gradient": _gradient_mistakes,
    "jacobian": _jacobian_mistakes,
    "shift": _shift_mistakes,
    "sigmoid": _sigmoid_mistakes,
    "finite_difference": _finite_difference_mistakes,
    "smoothing": _smoothing_mistakes,
}
