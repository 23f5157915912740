"""Text, LaTeX and tables the sigmoid page shows, built from ce_core results (no math here)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import asdict

import pandas as pd

from lab import numbers
from lab.charts import BROKEN
from pages.binary.model import BinaryPrediction, TwoClassCheck
from pages.binary.naive_versus_stable import NaiveVersusStable

Translate = Callable[..., str]

LOSS_RANGE = 10.0  # the loss chart shows x in [-10, 10], widened to reach x up to ...
LOSS_REACH = 1000.0  # ... this far, beyond which the current point is only pointed at


_TEX_SPECIAL = {"∞": r"\infty", "−∞": r"-\infty", "NaN": r"\mathrm{NaN}"}


def _latex(text: str) -> str:
    r"""Return a printed number as LaTeX: ``1.5e+20`` as ``1.5 \times 10^{20}``, ``∞`` too."""
    if text in _TEX_SPECIAL:
        return _TEX_SPECIAL[text]
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def tex(value: float, digits: int = 4) -> str:
    r"""Return ``value`` for LaTeX: ``0.8808``, ``4.248 \times 10^{-18}``, ``\infty``."""
    return _latex(numbers.bar(float(value), digits))


def short(value: float) -> str:
    r"""Return ``value`` for LaTeX in 6 significant digits: ``-2``, ``1.5 \times 10^{20}``."""
    return _latex(numbers.sig(float(value)))


def _paren(value: float, digits: int = 4) -> str:
    """Return ``value`` for LaTeX, in parentheses when negative (``1 \times (-0.5)``)."""
    text = tex(value, digits)
    return f"({text})" if text.startswith("-") else text


def slider_ends(low: float, high: float) -> dict[str, str]:
    """Return the ends of the x slider as the texts say them: ``{"low": "−10", "high": "10"}``."""
    return {"low": numbers.sig(low).replace("-", "−"), "high": numbers.sig(high)}


def label_text(y: float) -> str:
    """Return the label as written on screen: ``1``, ``0``, ``0.7``."""
    return numbers.sig(y)


def latex_sigmoid(p: BinaryPrediction) -> str:
    """Return ``σ(x) = 1 / (1 + e^{-x})`` filled in with the current x."""
    return (
        rf"\sigma(x) = \frac{{1}}{{1 + e^{{-x}}}} = \frac{{1}}{{1 + e^{{{short(-p.x)}}}}}"
        rf" = {tex(p.sigma)}"
    )


def latex_sigmoid_grad(p: BinaryPrediction) -> str:
    """Return ``σ'(x) = σ(x)(1 − σ(x))`` filled in."""
    return (  # on two lines: one is wider than a phone
        rf"\begin{{aligned}} \sigma'(x) &= \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \\"
        rf" &= {tex(p.sigma)} \times {tex(p.one_minus_sigma)} = {tex(p.sigma_grad)} \end{{aligned}}"
    )


def latex_loss(p: BinaryPrediction) -> str:
    """Return the loss formula with y, ln σ(x) and ln(1 − σ(x)) substituted."""
    y, one_minus_y = label_text(p.y), label_text(1 - p.y)
    return (
        r"\begin{aligned} \ell &= -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr)"
        rf" \\ &= -\bigl({y} \times {_paren(p.log_sigma)} + {one_minus_y} \times "
        rf"{_paren(p.log_one_minus_sigma)}\bigr) \\ &= {tex(p.loss)} \end{{aligned}}"
    )


def latex_grad(p: BinaryPrediction) -> str:
    """Return ``∂ℓ/∂x = σ(x) − y`` filled in."""
    return (
        rf"\frac{{\partial \ell}}{{\partial x}} = \sigma(x) - y = {tex(p.sigma)} - "
        rf"{label_text(p.y)} = {tex(p.grad)}"
    )


def latex_two_class(c: TwoClassCheck) -> str:
    """Return ``softmax(z)_1 = e^{z1} / (e^{z0} + e^{z1}) = σ(z1 − z0)`` filled in."""
    return (  # on three lines: one is wider than a phone
        r"\begin{aligned} \mathrm{softmax}(z)_1 &= \frac{e^{z_1}}{e^{z_0} + e^{z_1}}"
        r" = \frac{1}{1 + e^{-(z_1 - z_0)}} \\ &= \sigma(z_1 - z_0)"
        rf" = \sigma({short(c.d)}) \\ &= {tex(c.sigmoid[1])} \end{{aligned}}"
    )


def loss_range(x: float) -> tuple[float, float]:
    """Return the x range of the loss chart: [-10, 10], widened to hold x when |x| <= 1000."""
    low, high = -LOSS_RANGE, LOSS_RANGE
    if abs(x) <= LOSS_REACH:
        low, high = min(low, x - 0.05 * abs(x)), max(high, x + 0.05 * abs(x))
    return low, high


def tangent_half_width(x: Sequence[float]) -> float:
    """Return how far the tangent reaches on each side: 15 % of the chart's x range."""
    return 0.15 * (float(x[-1]) - float(x[0]))


TABLE_LOGITS = (-800.0, -40.0, 40.0, 800.0)
TABLE_DIGITS = 7  # significant digits in the naive-versus-stable table (every one in the CSV)
LATEX_NAIVE = (  # on two lines: one is wider than a phone
    r"\begin{gathered} \ell = -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr)"
    r" \\ \sigma(x) = \frac{1}{1 + e^{-x}} \end{gathered}"
)
LATEX_STABLE = r"\ell = \max(x, 0) - x\,y + \ln\bigl(1 + e^{-|x|}\bigr)"


def table_logits(x: float) -> list[float]:
    """Return the logits of the naive-versus-stable table: ±40, ±800 and the current x."""
    return sorted(set(TABLE_LOGITS) | {float(x)})


def current_row(logits: Sequence[float], x: float) -> int:
    """Return the row of the current x in :func:`table_logits`."""
    return list(logits).index(float(x))


def full(value: float) -> str:
    """Return a number with every digit that float64 holds: ``0.8807970779778823``, ``∞``."""
    return numbers.full(value) if math.isfinite(value) else numbers.bar(value)


def difference(value: float) -> str:
    """Return a difference of two computations: ``0`` or ``1.1e-16``."""
    return numbers.sig(value, 2)


def two_class_table(c: TwoClassCheck, t: Translate) -> pd.DataFrame:
    """Return softmax & cross-entropy beside sigmoid & binary cross-entropy, with differences."""
    rows = [
        (t("binary.row.p0"), c.softmax[0], c.sigmoid[0], c.probability_difference[0]),
        (t("binary.row.p1"), c.softmax[1], c.sigmoid[1], c.probability_difference[1]),
        (t("binary.row.loss"), c.ce_loss, c.bce_loss, c.loss_difference),
        (t("binary.row.g0"), c.ce_grad[0], c.bce_grad[0], c.grad_difference[0]),
        (t("binary.row.g1"), c.ce_grad[1], c.bce_grad[1], c.grad_difference[1]),
    ]
    return pd.DataFrame(
        [(name, full(float(a)), full(float(b)), difference(float(d))) for name, a, b, d in rows],
        columns=[
            t("binary.col.quantity"),
            t("binary.col.softmax"),
            t("binary.col.sigmoid"),
            t("binary.col.diff"),
        ],
    )


def stability_table(results: Sequence[NaiveVersusStable], t: Translate, current: int | None):
    """Return a styled table: one row per x, naive and stable per dtype, failures in BROKEN.

    ``results`` hold the same x in different dtypes; ``current`` is the row of the page's own x.
    """
    columns, broken = {}, {}
    columns[t("binary.col.x")] = [numbers.sig(float(v), TABLE_DIGITS) for v in results[-1].x]
    for r in results:
        naive = t("binary.col.naive", dtype=r.dtype.name)
        columns[naive] = [numbers.sig(float(v), TABLE_DIGITS) for v in r.naive]
        stable = t("binary.col.stable", dtype=r.dtype.name)
        columns[stable] = [numbers.sig(float(v), TABLE_DIGITS) for v in r.stable]
        broken[naive] = [s != "ok" for s in r.status]
    frame = pd.DataFrame(columns)
    if current is not None:
        frame.iloc[current, 0] = t("binary.row.current", x=frame.iloc[current, 0])

    def style(column: pd.Series) -> list[str]:
        flags = broken.get(column.name, [False] * len(column))
        return [
            f"background-color: {BROKEN}; color: white; font-weight: bold" if f else ""
            for f in flags
        ]

    return frame.style.apply(style, axis=0)


def torch_snippet(p: BinaryPrediction) -> str:
    """Return PyTorch code that reproduces the loss and gradient on screen, naive and stable."""
    return "\n".join(
        [
            "import torch",
            "import torch.nn.functional as F",
            "",
            f"x = torch.tensor({numbers.full(p.x)}, dtype=torch.float64, requires_grad=True)",
            f"y = torch.tensor({numbers.full(p.y)}, dtype=torch.float64)",
            "loss = F.binary_cross_entropy_with_logits(x, y)",
            "loss.backward()",
            f"print(loss.item())  # {numbers.full(p.loss)}",
            f"print(x.grad.item())  # {numbers.full(p.grad)}",
            "s = torch.sigmoid(x)",
            "naive = -(y * torch.log(s) + (1 - y) * torch.log(1 - s))",
            f"print(naive.item())  # {full(p.naive_loss)}",
        ]
    )


# ---- the downloads ----------------------------------------------------------------------------
def stability_download(results: Sequence[NaiveVersusStable], t: Translate) -> pd.DataFrame:
    """Return the naive-versus-stable table with every digit each dtype holds (for the CSV)."""
    columns = {t("binary.col.x"): [numbers.full(float(v)) for v in results[-1].x]}
    for r in results:
        columns[t("binary.col.naive", dtype=r.dtype.name)] = [numbers.full(v) for v in r.naive]
        columns[t("binary.col.stable", dtype=r.dtype.name)] = [numbers.full(v) for v in r.stable]
    return pd.DataFrame(columns)


def values_record(p: BinaryPrediction, check: TwoClassCheck) -> dict:
    """Return the current values of both sections as plain data, for the JSON download."""
    two_class = {
        key: value
        for key, value in asdict(check).items()
        if key not in ("probability_difference", "loss_difference", "grad_difference")
    }
    return {
        "logit": asdict(p),
        "two_class": {**two_class, "largest_difference": check.largest_difference},
    }
