"""Text, LaTeX and tables the Batch page shows, from ce_core's results (no math here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ce_core import TableError
from lab import numbers
from pages.batch.model import Denominator

Translate = Callable[..., str]
SHOWN_TERMS = 6  # weights listed in the denominator before "…"

#: The translated labels each figure needs: its argument name -> translation key.
FIGURE_TEXT = {
    "losses": {
        "title": "batch.fig.losses",
        "row": "batch.fig.row",
        "loss": "batch.fig.loss",
        "ignored": "batch.fig.ignored",
        "mean": "batch.fig.mean",
        "broken": "batch.fig.broken",
    },
    "grad": {"title": "batch.fig.grad", "row": "batch.fig.row", "class": "batch.fig.class"},
    "decomposition": {
        "title": "batch.fig.decomp",
        "row": "batch.fig.row",
        "nats": "batch.fig.nats",
        "entropy": "batch.fig.entropy",
        "kl": "batch.fig.kl",
        "ignored": "batch.fig.ignored",
        "broken": "batch.fig.broken",
    },
    "double_losses": {
        "title": "batch.double.fig.losses",
        "row": "batch.fig.row",
        "loss": "batch.fig.loss",
        "right": "batch.double.fig.right",
        "wrong": "batch.double.fig.wrong",
        "window": "batch.double.fig.window",
    },
    "double_grads": {
        "title": "batch.double.fig.grads",
        "row": "batch.fig.row",
        "norm": "batch.double.fig.norm",
        "right": "batch.double.fig.right",
        "wrong": "batch.double.fig.wrong",
    },
    "vocab": {
        "title": "batch.vocab.fig",
        "row": "batch.fig.row",
        "loss": "batch.fig.loss",
        "baseline": "batch.vocab.fig.baseline",
        "broken": "batch.fig.broken",
    },
}


def figure_text(name: str, t: Translate) -> dict[str, str]:
    """Return the translated labels of figure ``name`` (see :data:`FIGURE_TEXT`)."""
    return {field: t(key) for field, key in FIGURE_TEXT[name].items()}


def table_error_text(exc: TableError, t: Translate) -> str:
    """Return a translated message for a bad table or CSV: where it is, then what is wrong."""
    reason = t(f"batch.error.{exc.code}", **exc.params)
    where = {"line": exc.line, "row": exc.row, "column": exc.column, "name": exc.name}
    if exc.line:
        key = "batch.at.line_column_name" if exc.name else "batch.at.line_column"
        key = key if exc.column else "batch.at.line"
    elif exc.row:
        key = "batch.at.row_column" if exc.name else "batch.at.row"
    else:
        return reason
    return t("batch.at.join", where=t(key, **where), reason=reason)


def number(value: float, digits: int = 4) -> str:
    """Return ``value`` for LaTeX: 4 decimals, ``\\infty``, ``\\mathrm{NaN}``."""
    text = numbers.bar(float(value), digits)
    return {"∞": r"\infty", "−∞": r"-\infty", "NaN": r"\mathrm{NaN}"}.get(text, text)


def _terms(terms: np.ndarray) -> str:
    shown = [numbers.sig(v) for v in terms.tolist()]
    if len(shown) > SHOWN_TERMS:
        shown = [*shown[: SHOWN_TERMS - 2], r"\dots", shown[-1]]
    return " + ".join(shown)


def row_loss_latex(soft: bool, weighted: bool, smoothing: float) -> str:
    """Return the formula of one row's loss :math:`\\ell_n` under the chosen options."""
    w_k = r"w_k\," if weighted else ""
    if soft:
        q = (
            r"\big((1-\varepsilon)\, q_{nk} + \tfrac{\varepsilon}{K}\big)"
            if smoothing
            else "q_{nk}"
        )
        return rf"\ell_n = -\sum_{{k=1}}^{{K}} {w_k}{q} \ln a_{{nk}}"
    w_y = r"w_{y_n}\," if weighted else ""
    main = rf"(1-\varepsilon)\, {w_y}\ln a_{{n,y_n}}" if smoothing else rf"{w_y}\ln a_{{n,y_n}}"
    rest = (
        rf" - \frac{{\varepsilon}}{{K}} \sum_{{k=1}}^{{K}} {w_k}\ln a_{{nk}}" if smoothing else ""
    )
    return (  # two lines: one line is wider than a phone
        rf"\begin{{gathered}} \ell_n = -{main}{rest} \quad (n \notin I) \\"
        rf" \ell_n = 0 \quad (n \in I) \end{{gathered}}"
    )


def reduction_latex(reduction: str, denominator: Denominator, total: float, loss: float) -> str:
    """Return the reduction written out with the live numbers, ``L = … = S / D = L``."""
    s, value = number(total), number(loss)
    if reduction == "none":
        return r"L = (\ell_1, \ell_2, \dots, \ell_N)"
    if reduction == "sum":
        return rf"L = \sum_{{n=1}}^{{N}} \ell_n = {s}"
    d = numbers.sig(denominator.value)
    if denominator.kind == "rows":
        return rf"L = \frac{{1}}{{N}} \sum_{{n=1}}^{{N}} \ell_n = \frac{{{s}}}{{{d}}} = {value}"
    if denominator.kind == "count":
        head = r"L = \frac{\sum_{n \notin I} \ell_n}{\#\{n \notin I\}}"
        return rf"{head} = \frac{{{s}}}{{{d}}} = {value}"
    head = r"L = \frac{\sum_{n \notin I} \ell_n}{\sum_{n \notin I} w_{y_n}}"
    terms = _terms(denominator.terms) if denominator.terms.size else "0"
    middle = rf" = \frac{{{s}}}{{{terms}}}" if denominator.terms.size > 1 else ""
    return rf"{head}{middle} = \frac{{{s}}}{{{d}}} = {value}"


def reduction_sentence(
    reduction: str, denominator: Denominator, num_rows: int, weighted: bool, t: Translate
) -> str:
    """Return one sentence saying what PyTorch divided by here, and why."""
    kept = int(np.count_nonzero(denominator.kept))
    params = {"n": num_rows, "kept": kept, "ignored": num_rows - kept}
    if reduction != "mean":
        return t(f"batch.reduce.{reduction}", **params)
    if denominator.kind == "rows":
        return t("batch.reduce.rows_weighted" if weighted else "batch.reduce.rows", **params)
    if denominator.value == 0:
        return t("batch.reduce.all_ignored" if kept == 0 else "batch.reduce.zero_weight", **params)
    if denominator.kind == "count":
        return t("batch.reduce.count", **params)
    return t("batch.reduce.weights", total=numbers.sig(denominator.value), **params)


def rows_table(
    labels: np.ndarray | None,
    targets: np.ndarray | None,
    ignored: np.ndarray,
    weight: np.ndarray | None,
    a: np.ndarray,
    losses: np.ndarray,
    t: Translate,
) -> pd.DataFrame:
    """Return one line per example: label, PyTorch's target, ignored?, w_y, a_y and the loss.

    ``weight`` holds the K class weights and ``a`` the (N, K) softmax; each row shows the entry
    of its own target (nothing for an ignored row).
    """
    n = losses.shape[0]
    columns: dict[str, Sequence] = {t("batch.col.row"): np.arange(1, n + 1)}
    if labels is not None and targets is not None:
        picked = np.where(ignored, 0, targets)
        columns[t("batch.col.label")] = [
            "" if np.isnan(v) else str(int(v)) for v in labels.tolist()
        ]
        columns[t("batch.col.target")] = targets
        columns[t("batch.col.ignored")] = ignored
        if weight is not None:
            columns[t("batch.col.weight")] = np.where(ignored, np.nan, weight[picked])
        columns[t("batch.col.a_y")] = np.where(ignored, np.nan, a[np.arange(n), picked])
    columns[t("batch.col.loss")] = losses
    return pd.DataFrame(columns)


def gradient_table(grad: np.ndarray, t: Translate) -> pd.DataFrame:
    """Return the gradient, one row per example, one column per class."""
    columns = {t("batch.col.grad", k=k + 1): grad[:, k] for k in range(grad.shape[1])}
    frame = pd.DataFrame(columns)
    frame.index = pd.RangeIndex(1, grad.shape[0] + 1, name=t("batch.col.row"))
    return frame


def decomposition_table(
    entropy: np.ndarray, kl: np.ndarray, cross: np.ndarray, t: Translate
) -> pd.DataFrame:
    """Return H(t), KL(t ‖ a) and H(t, a) per row."""
    frame = pd.DataFrame(
        {t("batch.col.entropy"): entropy, t("batch.col.kl"): kl, t("batch.col.cross"): cross}
    )
    frame.index = pd.RangeIndex(1, entropy.shape[0] + 1, name=t("batch.col.row"))
    return frame


def double_table(
    right: np.ndarray,
    wrong: np.ndarray,
    right_norm: np.ndarray,
    wrong_norm: np.ndarray,
    t: Translate,
) -> pd.DataFrame:
    """Return per row: the loss and gradient length, correct and with the double softmax."""
    frame = pd.DataFrame(
        {
            t("batch.double.col.loss_right"): right,
            t("batch.double.col.loss_wrong"): wrong,
            t("batch.double.col.grad_right"): right_norm,
            t("batch.double.col.grad_wrong"): wrong_norm,
        }
    )
    frame.index = pd.RangeIndex(1, right.shape[0] + 1, name=t("batch.col.row"))
    return frame


def vocabulary_table(tokens, summary, t: Translate) -> pd.DataFrame:
    """Return per row: the true token, its probability and rank, and the top 5 tokens."""
    top = [
        ", ".join(
            f"{int(i)} ({numbers.fixed(100 * p, 2)}%)" for i, p in zip(ids, probs, strict=True)
        )
        for ids, probs in zip(
            summary.top_tokens.tolist(), summary.top_probabilities.tolist(), strict=True
        )
    ]
    frame = pd.DataFrame(
        {
            t("batch.vocab.col.token"): tokens,
            t("batch.vocab.col.p"): summary.target_probability,
            t("batch.vocab.col.rank"): summary.target_rank,
            t("batch.vocab.col.loss"): summary.losses,
            t("batch.vocab.col.top"): top,
        }
    )
    frame.index = pd.RangeIndex(1, len(tokens) + 1, name=t("batch.col.row"))
    return frame
