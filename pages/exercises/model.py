"""Exercises: problems drawn from a seed, their right answers, and the checking of a student's.

Pure NumPy on top of ``ce_core`` (no Streamlit). A :class:`Problem` holds the numbers a student
is given (logits with one decimal, 3 to 5 classes) and one or more :class:`Part`\\ s, each a box
to type into with its right answer. :func:`check` marks each typed number right or wrong within
:data:`REL_TOL` / :data:`ABS_TOL` (enough for 3 significant digits), and names the step that went
wrong when a typical mistake reproduces the typed numbers: the hints of :func:`_mistakes`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ce_core import (
    cross_entropy,
    cross_entropy_grad,
    numerical_grad,
    one_hot,
    sigmoid,
    sigmoid_grad,
    softmax,
    softmax_jacobian,
    softmax_steps,
    store_as,
)

KINDS = (
    "softmax",
    "loss",
    "gradient",
    "jacobian",
    "shift",
    "sigmoid",
    "finite_difference",
    "smoothing",
)
#: A typed number v counts as right for the exact value x when |v - x| <= REL_TOL |x| + ABS_TOL:
#: 3 significant digits, rounded, always pass; 2 do not.
REL_TOL = 0.005
ABS_TOL = 0.0005
MAX_SEED = 999_999
FLOAT32_EXP_LIMIT = math.log(float(np.finfo(np.float32).max))  # 88.72: e^z overflows above it


@dataclass(frozen=True)
class Part:
    """One answer box: its name (``a``, ``loss``, ``grad``, ...) and the exact right values."""

    name: str
    answer: np.ndarray

    @property
    def size(self) -> int:
        return int(self.answer.size)


@dataclass(frozen=True)
class Problem:
    """One exercise: what the student is given and what they must find.

    ``z`` holds the logits (for ``sigmoid``, the one point x); ``target`` the true class from 0
    (-1 when there is none); ``i``, ``k`` the entry ``∂a_i/∂z_k`` (``finite_difference`` uses
    ``i``); ``eps`` the finite-difference step or the label smoothing; ``weight`` the class
    weights of the weighted loss.
    """

    kind: str
    seed: int
    z: np.ndarray
    parts: tuple[Part, ...]
    target: int = -1
    i: int = -1
    k: int = -1
    eps: float = 0.0
    weight: np.ndarray | None = None

    @property
    def num_classes(self) -> int:
        return int(self.z.size)

    @property
    def variant(self) -> str:
        """Return ``"weight"`` or ``"smoothing"`` for the smoothing kind, else the kind."""
        if self.kind == "smoothing":
            return "weight" if self.weight is not None else "smoothing"
        return self.kind


def _rng(kind: str, seed: int) -> np.random.Generator:
    return np.random.default_rng([seed, KINDS.index(kind)])


def _logits(rng: np.random.Generator, low: int = -30, high: int = 30, most: int = 5) -> np.ndarray:
    """Return 3 to ``most`` different logits with one decimal, between low/10 and high/10."""
    count = int(rng.integers(3, most + 1))
    tenths = rng.choice(np.arange(low, high + 1), size=count, replace=False)
    return tenths / 10.0


def _shift_logits(rng: np.random.Generator) -> np.ndarray:
    """Return 3 to 5 large logits: some overflow e^z in float32 (above 88.72), some do not."""
    count = int(rng.integers(3, 6))
    over = rng.choice(np.arange(890, 1001), size=int(rng.integers(1, count)), replace=False)
    under = rng.choice(np.arange(700, 886), size=count - over.size, replace=False)
    tenths = np.concatenate([over, under])
    return rng.permutation(tenths) / 10.0


def generate(kind: str, seed: int) -> Problem:
    """Return the problem of ``kind`` number ``seed``: the same numbers for everyone."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of exercise {kind!r}; one of {', '.join(KINDS)}")
    rng = _rng(kind, seed)
    if kind == "shift":
        z = _shift_logits(rng)
        stable = softmax_steps(z, stable=True)
        naive = softmax_steps(store_as(z, "float32"), stable=False)
        finite = np.isfinite(naive.exp).astype(float)
        return Problem(kind, seed, z, (Part("shifted", stable.shifted), Part("finite", finite)))
    if kind == "sigmoid":
        x = float(rng.choice([v for v in range(-40, 41) if v != 0])) / 10.0
        z = np.array([x])
        parts = (Part("sigma", np.array([sigmoid(x)])), Part("slope", np.array([sigmoid_grad(x)])))
        return Problem(kind, seed, z, parts)
    if kind == "finite_difference":
        z = _logits(rng, -10, 10, most=4)  # |z_i| <= 1: the step is eps itself (numerical_grad)
        target, i = int(rng.integers(z.size)), int(rng.integers(z.size))
        eps = float(rng.choice([0.2, 0.5]))
        estimate = numerical_grad(lambda v: cross_entropy(v, target), z, eps=eps)[i]
        return Problem(kind, seed, z, (Part("estimate", np.array([estimate])),), target, i, eps=eps)
    z = _logits(rng)
    target = int(rng.integers(z.size))
    if kind == "softmax":
        return Problem(kind, seed, z, (Part("a", softmax(z)),), target)
    if kind == "loss":
        return Problem(kind, seed, z, (Part("loss", np.array([cross_entropy(z, target)])),), target)
    if kind == "gradient":
        return Problem(kind, seed, z, (Part("grad", cross_entropy_grad(z, target)),), target)
    if kind == "jacobian":
        i = int(rng.integers(z.size))
        k = i if rng.random() < 0.5 else int(rng.choice([c for c in range(z.size) if c != i]))
        entry = softmax_jacobian(z)[i, k]
        return Problem(kind, seed, z, (Part("entry", np.array([entry])),), target, i, k)
    if rng.random() < 0.5:  # smoothing: label smoothing, or a class weight
        eps = float(rng.choice([0.1, 0.2, 0.3]))
        loss = cross_entropy(z, target, label_smoothing=eps)
        return Problem(kind, seed, z, (Part("loss", np.array([loss])),), target, eps=eps)
    weight = rng.choice([0.5, 1.0, 2.0, 3.0], size=z.size)
    weight[target] = rng.choice([0.5, 2.0, 3.0])
    loss = cross_entropy(z, target, weight=weight, reduction="none")
    return Problem(kind, seed, z, (Part("loss", np.array([loss])),), target, weight=weight)


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
                hint, params = "sum_not_one", {"total": f"{float(values.sum()):.4g}"}
            elif part.name == "finite":
                hint = "overflow_rule"
        marked[part.name] = Marked(right, hint, params)
    return marked


def _losses(z: np.ndarray) -> np.ndarray:
    """Return -ln a_k for every class k."""
    return np.array([cross_entropy(z, k) for k in range(z.size)])


def _mistakes(p: Problem, part: str, answers: dict[str, np.ndarray]) -> list[Mistake]:
    """Return the typical mistakes for ``part`` of ``p``, most telling first."""
    z, j = p.z, p.target
    K = z.size
    a = softmax(z)
    with np.errstate(over="ignore"):
        e = np.exp(z)
    shown = {"j": j + 1}
    if p.kind == "softmax":
        found = [("not_normalised", {}, e), ("exp_minus", {}, softmax(-z))]
        if z.sum() != 0:
            found.append(("no_exp", {}, z / z.sum()))
        return found
    if p.kind == "loss":
        return _loss_mistakes(z, j)
    if p.kind == "gradient":
        y = one_hot(j, K)
        found = [("sign", {}, -(a - y)), ("forgot_y", {}, a)]
        found += [(*_class_hint(j, k), a - one_hot(k, K)) for k in range(K) if k != j]
        return [*found, ("not_normalised", {}, e - y)]
    if p.kind == "jacobian":
        J = softmax_jacobian(z)
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
    if p.kind == "shift":
        if part == "shifted":
            return [
                ("shift_sign", {}, z.max() - z),
                ("shift_min", {}, z - z.min()),
                ("not_shifted", {}, z),
            ]
        finite = p.parts[1].answer
        return [("flipped", {}, 1 - finite), ("shifted_is_finite", {}, np.ones(K))]
    if p.kind == "sigmoid":
        x = float(z[0])
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
    if p.kind == "finite_difference":
        i, h = p.i, p.eps
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
    # smoothing
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
