"""LaTeX, marks, links and tables of the Exercises page, from a :class:`Problem` (no math here
beyond what ``ce_core`` returns; the notation is the Derivation page's).

Vectors in a solution are written as columns: five numbers of four decimals in a row would be
wider than a phone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from lab.numbers import fixed, sig
from pages.derivation.latex import number
from pages.exercises.checking import Marked
from pages.exercises.model import Problem

Translate = Callable[..., str]


def tenth(value: float) -> str:
    """Return a number with one decimal, as the problems give them: ``1.5``, ``-0.4``, ``0.0``."""
    return fixed(value, 1)


def row(values: Sequence[float]) -> str:
    """Return ``(v_1,\\ v_2, …)`` of one-decimal numbers."""
    return "(" + ",\\ ".join(tenth(v) for v in values) + ")"


def column(values: Sequence[str]) -> str:
    """Return a column vector of already written entries."""
    return r"\begin{pmatrix} " + r" \\ ".join(values) + r" \end{pmatrix}"


def numbers(values: np.ndarray, digits: int = 4) -> str:
    """Return a column vector of ``number(v, digits)``."""
    return column([number(v, digits) for v in values])


def fraction(top: str, bottom: str) -> str:
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
        shown = sig(value).replace("-", "−")
        label = f"{labels[k]}: " if labels else ""
        if marked.right[k]:
            items.append(f":green[:material/check: {label}{shown}]")
        else:
            items.append(f":red[:material/close: {label}{shown}]")
    return " · ".join(items)


# ---- the solution -----------------------------------------------------------------------------


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
