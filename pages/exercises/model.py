"""Exercises: problems drawn from a seed, their right answers, and the checking of a student's.

Pure NumPy on top of ``ce_core`` (no Streamlit). A :class:`Problem` holds the numbers a student
is given (logits with one decimal, 3 to 5 classes) and one or more :class:`Part`\\ s, each a box
to type into with its right answer. :func:`check` marks each typed number right or wrong within
:data:`REL_TOL` / :data:`ABS_TOL` (enough for 3 significant digits), and names the step that went
wrong when a typical mistake reproduces the typed numbers: the hints of :func:`_mistakes`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ce_core import (
    cross_entropy,
    cross_entropy_grad,
    numerical_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    softmax_jacobian,
    softmax_steps,
)
from pages.stability.model import store_as  # a number as a float32 program stores it

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
