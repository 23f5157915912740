"""The worked solution of a problem: its steps in the Derivation page's notation, with the
problem's own numbers."""

from __future__ import annotations

import math

import numpy as np

from ce_core import cross_entropy, cross_entropy_grad, one_hot, softmax, softmax_steps
from lab.numbers import fixed, sci
from pages.derivation.latex import number
from pages.exercises.model import FLOAT32_EXP_LIMIT, Problem, store_as
from pages.exercises.view import column, fraction, numbers, row, tenth

Step = tuple[str, dict, list[str]]  # text key, its parameters, LaTeX lines


def solution(p: Problem) -> list[Step]:
    """Return the worked steps of ``p``: each a sentence (a text key) and its LaTeX lines."""
    z, j, K = p.z, p.target, p.num_classes
    a = softmax(z)
    probabilities = (
        "exercises.step.probabilities",
        {},
        [rf"a = \mathrm{{softmax}}(z) = {numbers(a)}"],
    )
    if p.kind == "softmax":
        e = softmax_steps(z, stable=False).exp
        total = float(np.sum(e))
        return [
            (
                "exercises.step.softmax",
                {},
                [
                    rf"e^{{z}} = {numbers(e)}",
                    rf"S = \sum_{{k=1}}^{{{K}}} e^{{z_k}} = {number(total)}",
                    rf"a = \frac{{e^{{z}}}}{{S}} = \boxed{{{numbers(a)}}}",
                ],
            )
        ]
    if p.kind == "loss":
        return [probabilities, ("exercises.step.loss", {"j": j + 1}, [_loss_lines(p, a)])]
    if p.kind == "gradient":
        y = column([str(int(v)) for v in one_hot(j, K)])
        grad = cross_entropy_grad(z, j)
        line = (
            rf"\begin{{aligned}} {fraction('L', 'z')} &= a - y = {numbers(a)} - {y} \\"
            rf" &= \boxed{{{numbers(grad)}}} \end{{aligned}}"
        )
        return [probabilities, ("exercises.step.gradient", {"j": j + 1}, [line])]
    if p.kind == "jacobian":
        i, k = p.i, p.k
        entry = p.parts[0].answer[0]
        head = fraction(f"a_{{{i + 1}}}", f"z_{{{k + 1}}}")
        if i == k:
            a_i = number(a[i])
            line = rf"{head} = a_{{{i + 1}}}(1 - a_{{{i + 1}}}) = {a_i}\,(1 - {a_i})"
        else:
            line = rf"{head} = -a_{{{i + 1}}}\,a_{{{k + 1}}} = -{number(a[i])} \cdot {number(a[k])}"
        line = line.replace(" = ", " &= ", 1) + rf" \\ &= \boxed{{{number(entry)}}}"
        line = rf"\begin{{aligned}} {line} \end{{aligned}}"
        return [probabilities, ("exercises.step.jacobian", {"i": i + 1, "k": k + 1}, [line])]
    if p.kind == "shift":
        return [("exercises.step.shift", {}, _shift_lines(p))]
    if p.kind == "sigmoid":
        return [("exercises.step.sigmoid", {}, _sigmoid_lines(p))]
    if p.kind == "finite_difference":
        return _finite_difference_steps(p)
    if p.weight is None:
        return [probabilities, ("exercises.step.smoothing", {}, _smoothing_lines(p, a))]
    return [probabilities, ("exercises.step.weight", {}, [_weight_line(p, a)])]


def _loss_lines(p: Problem, a: np.ndarray) -> str:
    j = p.target + 1
    return (
        rf"\begin{{aligned}} L &= -\sum_{{k=1}}^{{{p.num_classes}}} y_k \ln a_k = -\ln a_{{{j}}}"
        rf" \\ &= -\ln {number(a[p.target])} = \boxed{{{number(p.parts[0].answer[0])}}}"
        r" \end{aligned}"
    )


def _shift_lines(p: Problem) -> list[str]:
    shifted = p.parts[0].answer
    exp32 = softmax_steps(store_as(p.z, "float32"), stable=False).exp
    finite = p.parts[1].answer
    return [
        rf"m = \max_k z_k = {tenth(p.z.max())}",
        rf"z - m = \boxed{{{column([tenth(v) for v in shifted])}}}",
        rf"e^{{z}} \text{{ (float32)}} = {numbers(exp32, 3)}",
        rf"z_k < {FLOAT32_EXP_LIMIT:.2f}\,? \;\Rightarrow\;"
        rf" \boxed{{{column([str(int(v)) for v in finite])}}}",
    ]


def _sigmoid_lines(p: Problem) -> list[str]:
    x = float(p.z[0])
    sigma, slope = float(p.parts[0].answer[0]), float(p.parts[1].answer[0])
    e = math.exp(-x)
    return [
        rf"\begin{{aligned}} \sigma({tenth(x)}) &= \frac{{1}}{{1 + e^{{{tenth(-x)}}}}}"
        rf" = \frac{{1}}{{1 + {number(e)}}} \\ &= \boxed{{{number(sigma)}}} \end{{aligned}}",
        rf"\begin{{aligned}} \sigma'({tenth(x)}) &= \sigma\,(1 - \sigma)"
        rf" = {number(sigma)}\,(1 - {number(sigma)}) \\ &= \boxed{{{number(slope)}}}"
        r" \end{aligned}",
    ]


def _finite_difference_steps(p: Problem) -> list[Step]:
    z, j, i, h = p.z, p.target, p.i, p.eps
    moved = {}
    for sign in (1, -1):
        point = z.copy()
        point[i] += sign * h
        moved[sign] = (point, float(cross_entropy(point, j)))
    estimate = float(p.parts[0].answer[0])
    exact = float(cross_entropy_grad(z, j)[i])
    e_i = rf"\varepsilon e_{{{i + 1}}}"
    lines = [
        rf"\begin{{aligned}} z {s} {e_i} &= {row(point)} \\ L(z {s} {e_i}) &= {number(loss, 5)}"
        r" \end{aligned}"
        for s, (point, loss) in zip("+-", moved.values(), strict=True)
    ]
    lines.append(
        rf"\begin{{aligned}} & \frac{{L(z + {e_i}) - L(z - {e_i})}}{{2\varepsilon}} \\ &= "
        rf"\frac{{{number(moved[1][1], 5)} - {number(moved[-1][1], 5)}}}{{2 \cdot {h:g}}}"
        rf" = \boxed{{{number(estimate)}}} \end{{aligned}}"
    )
    compare = {"i": i + 1, "exact": fixed(exact), "difference": sci(abs(exact - estimate))}
    return [
        ("exercises.step.finite_difference", {"i": i + 1}, lines),
        ("exercises.step.compare", compare, []),
    ]


def _smoothing_lines(p: Problem, a: np.ndarray) -> list[str]:
    K, eps = p.num_classes, p.eps
    q = (1 - eps) * one_hot(p.target, K) + eps / K
    return [
        rf"q = (1 - {eps:g})\,y + \frac{{{eps:g}}}{{{K}}} = {numbers(q)}",
        rf"\ln a = {numbers(np.log(a))}",
        rf"L = -\sum_{{k=1}}^{{{K}}} q_k \ln a_k = \boxed{{{number(p.parts[0].answer[0])}}}",
    ]


def _weight_line(p: Problem, a: np.ndarray) -> str:
    j = p.target + 1
    w = p.weight[p.target]
    return (
        rf"\begin{{aligned}} L &= -w_{{{j}}} \ln a_{{{j}}} = -{w:g} \cdot \ln {number(a[p.target])}"
        rf" \\ &= \boxed{{{number(p.parts[0].answer[0])}}} \end{{aligned}}"
    )


# ---- the link to the lesson -------------------------------------------------------------------
