"""LaTeX, marks, links and tables of the Exercises page, from a :class:`Problem` (no math here
beyond what ``ce_core`` returns; the notation is the Derivation page's).

Vectors in a solution are written as columns: five numbers of four decimals in a row would be
wider than a phone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from ce_core import cross_entropy, cross_entropy_grad, one_hot, softmax, softmax_steps, store_as
from pages.derivation.latex import number
from pages.exercises.model import FLOAT32_EXP_LIMIT, Marked, Problem

Translate = Callable[..., str]


def tenth(value: float) -> str:
    """Return a number with one decimal, as the problems give them: ``1.5``, ``-0.4``, ``0.0``."""
    return f"{value + 0.0:.1f}"


def row(values: Sequence[float]) -> str:
    """Return ``(v_1,\\ v_2, …)`` of one-decimal numbers."""
    return "(" + ",\\ ".join(tenth(v) for v in values) + ")"


def column(values: Sequence[str]) -> str:
    """Return a column vector of already written entries."""
    return r"\begin{pmatrix} " + r" \\ ".join(values) + r" \end{pmatrix}"


def numbers(values: np.ndarray, digits: int = 4) -> str:
    """Return a column vector of ``number(v, digits)``."""
    return column([number(v, digits) for v in values])


def _d(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


# ---- the problem ------------------------------------------------------------------------------


def task_params(p: Problem) -> dict:
    """Return the numbers the task's sentence names (classes counted from 1)."""
    return {
        "K": p.num_classes,
        "j": p.target + 1,
        "j0": p.target,
        "i": p.i + 1,
        "k": p.k + 1,
        "eps": f"{p.eps:g}",
        "x": tenth(p.z[0]),
    }


def given(p: Problem) -> str:
    """Return what the student is given, in LaTeX: ``z = (…), \\quad j = 3``."""
    if p.kind == "sigmoid":
        return f"x = {tenth(p.z[0])}"
    parts = [f"z = {row(p.z)}"]
    if p.target >= 0:
        parts.append(f"j = {p.target + 1}")
    if p.kind == "finite_difference":
        parts.append(rf"\varepsilon = {p.eps:g}")
    if p.variant == "smoothing":
        parts.append(rf"\varepsilon = {p.eps:g}")
    if p.weight is not None:
        parts.append("w = (" + ",\\ ".join(f"{w:g}" for w in p.weight) + ")")
    if len(parts) <= 2:
        return r",\quad ".join(parts)
    # one line for the logits and one for the rest: on a phone, one line would be cut
    rest = r",\quad ".join(parts[1:])
    return rf"\begin{{gathered}} {parts[0]} \\ {rest} \end{{gathered}}"


# ---- marks ------------------------------------------------------------------------------------


def marks_markdown(values: np.ndarray, marked: Marked, labels: Sequence[str]) -> str:
    """Return the typed numbers, green with a tick when right, red with a cross when wrong.

    Only parsed numbers are written (never the typed text), so nothing typed reaches Markdown.
    """
    items = []
    for k, value in enumerate(values):
        shown = f"{float(value):.6g}".replace("-", "−")
        label = f"{labels[k]}: " if labels else ""
        if marked.right[k]:
            items.append(f":green[:material/check: {label}{shown}]")
        else:
            items.append(f":red[:material/close: {label}{shown}]")
    return " · ".join(items)


# ---- the solution -----------------------------------------------------------------------------

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
            rf"\begin{{aligned}} {_d('L', 'z')} &= a - y = {numbers(a)} - {y} \\"
            rf" &= \boxed{{{numbers(grad)}}} \end{{aligned}}"
        )
        return [probabilities, ("exercises.step.gradient", {"j": j + 1}, [line])]
    if p.kind == "jacobian":
        i, k = p.i, p.k
        entry = p.parts[0].answer[0]
        head = _d(f"a_{{{i + 1}}}", f"z_{{{k + 1}}}")
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
    compare = {"i": i + 1, "exact": f"{exact:.4f}", "difference": f"{abs(exact - estimate):.1e}"}
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


def lesson_link(p: Problem, lang: str, present: bool) -> tuple[str, str]:
    """Return the lesson page that shows ``p``'s numbers and a relative link to it.

    The link is built from the generated numbers only (no typed text), URL-encoded.
    """
    z = ",".join(f"{v:g}" for v in p.z)
    if p.kind == "softmax":
        page, query = "playground", {"z": z, "y": p.target + 1}
    elif p.kind in ("loss", "gradient", "jacobian", "finite_difference"):
        page, query = "derivation", {"z": z, "y": p.target + 1}
    elif p.kind == "shift":
        page, query = "stability", {"st_dtype": "float32", "st_z": z}
    elif p.kind == "sigmoid":
        page, query = "binary", {"bn_x": f"{p.z[0]:g}"}
    else:
        header = "label," + ",".join(f"z{k + 1}" for k in range(p.num_classes))
        query = {"bt_csv": f"{header}~{p.target + 1},{z}"}
        if p.weight is None:
            query["bt_smoothing"] = f"{p.eps:g}"
        else:
            weights = ",".join(f"{w:g}" for w in p.weight)
            query |= {"bt_use_weight": "1", "bt_weight": weights, "bt_reduction": "sum"}
        page = "batch"
    query["lang"] = lang
    if present:
        query["present"] = "1"
    return page, f"/{page}?{urlencode(query, safe=',~')}"


# ---- the record -------------------------------------------------------------------------------


def progress_table(summary: dict[str, dict[str, int]], t: Translate) -> pd.DataFrame:
    """Return kind | solved | tried, one row per kind with a problem checked."""
    return pd.DataFrame(
        {
            t("exercises.col.kind"): [t(f"exercises.kind.{kind}") for kind in summary],
            t("exercises.col.solved"): [counts["solved"] for counts in summary.values()],
            t("exercises.col.tried"): [counts["tried"] for counts in summary.values()],
        }
    )


class ExcelCsv:
    """A table whose CSV starts with a byte-order mark: Excel on Windows then reads it as UTF-8
    (Chinese headers included) instead of the local code page."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def to_csv(self, **options) -> str:
        return "\ufeff" + self.frame.to_csv(**options)


def record_table(rows: list[dict], t: Translate) -> ExcelCsv:
    """Return the session's record for the CSV download, one row per problem."""
    yes_no = {True: t("exercises.yes"), False: t("exercises.no")}
    frame = pd.DataFrame(
        {
            t("exercises.col.kind"): [t(f"exercises.kind.{r['kind']}") for r in rows],
            t("exercises.col.seed"): [r["seed"] for r in rows],
            t("exercises.col.attempts"): [r["attempts"] for r in rows],
            t("exercises.col.solved"): [yes_no[r["solved"]] for r in rows],
            t("exercises.col.solution"): [yes_no[r["solution_seen"]] for r in rows],
        }
    )
    return ExcelCsv(frame)


def record_data(rows: list[dict], summary: dict[str, dict[str, int]]) -> dict:
    """Return the session's record as plain data, for the JSON download."""
    return {"problems": rows, "per_kind": summary}
