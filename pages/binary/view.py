"""Text, LaTeX and tables the sigmoid page shows, built from ce_core results (no math here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ce_core import BinaryPrediction, NaiveVersusStable, TwoClassCheck
from lab import numbers
from lab.charts import BROKEN

LOSS_RANGE = 10.0  # the loss chart shows x in [-10, 10], widened to reach x up to ...
LOSS_REACH = 1000.0  # ... this far, beyond which the current point is only pointed at


def tex(value: float, digits: int = 4) -> str:
    r"""Return ``value`` for LaTeX: ``0.8808``, ``4.248 \times 10^{-18}``, ``\infty``."""
    text = numbers.bar(float(value), digits)
    special = {"∞": r"\infty", "−∞": r"-\infty", "NaN": r"\mathrm{NaN}"}
    if text in special:
        return special[text]
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def short(value: float) -> str:
    r"""Return ``value`` for LaTeX in 6 significant digits: ``-2``, ``1.5 \times 10^{20}``."""
    text = f"{float(value):.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return {"inf": r"\infty", "-inf": r"-\infty", "nan": r"\mathrm{NaN}"}.get(text, text)


def _paren(value: float, digits: int = 4) -> str:
    """Return ``value`` for LaTeX, in parentheses when negative (``1 \times (-0.5)``)."""
    text = tex(value, digits)
    return f"({text})" if text.startswith("-") else text


def label_text(y: float) -> str:
    """Return the label as written on screen: ``1``, ``0``, ``0.7``."""
    return f"{y:g}"


def latex_sigmoid(p: BinaryPrediction) -> str:
    """Return ``σ(x) = 1 / (1 + e^{-x})`` filled in with the current x."""
    return (
        rf"\sigma(x) = \frac{{1}}{{1 + e^{{-x}}}} = \frac{{1}}{{1 + e^{{{short(-p.x)}}}}}"
        rf" = {tex(p.sigma)}"
    )


def latex_sigmoid_grad(p: BinaryPrediction) -> str:
    """Return ``σ'(x) = σ(x)(1 − σ(x))`` filled in."""
    return (
        rf"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) = {tex(p.sigma)} \times "
        rf"{tex(p.one_minus_sigma)} = {tex(p.sigma_grad)}"
    )


def latex_loss(p: BinaryPrediction) -> str:
    """Return the loss formula with y, ln σ(x) and ln(1 − σ(x)) substituted."""
    y, one_minus_y = label_text(p.y), label_text(1 - p.y)
    return (
        r"\begin{aligned} \ell &= -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr)"
        rf" \\ &= -\bigl({y} \times {_paren(p.log_sigma)} + {one_minus_y} \times "
        rf"{_paren(p.log_one_minus_sigma)}\bigr) = {tex(p.loss)} \end{{aligned}}"
    )


def latex_grad(p: BinaryPrediction) -> str:
    """Return ``∂ℓ/∂x = σ(x) − y`` filled in."""
    return (
        rf"\frac{{\partial \ell}}{{\partial x}} = \sigma(x) - y = {tex(p.sigma)} - "
        rf"{label_text(p.y)} = {tex(p.grad)}"
    )


def latex_two_class(c: TwoClassCheck) -> str:
    """Return ``softmax(z)_1 = e^{z1} / (e^{z0} + e^{z1}) = σ(z1 − z0)`` filled in."""
    return (
        r"\mathrm{softmax}(z)_1 = \frac{e^{z_1}}{e^{z_0} + e^{z_1}}"
        r" = \frac{1}{1 + e^{-(z_1 - z_0)}} = \sigma(z_1 - z_0)"
        rf" = \sigma({short(c.d)}) = {tex(c.sigmoid[1])}"
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
LATEX_NAIVE = (
    r"\ell = -\bigl(y \ln \sigma(x) + (1 - y) \ln(1 - \sigma(x))\bigr),"
    r"\quad \sigma(x) = \frac{1}{1 + e^{-x}}"
)
LATEX_STABLE = r"\ell = \max(x, 0) - x\,y + \ln\bigl(1 + e^{-|x|}\bigr)"


def table_logits(x: float) -> list[float]:
    """Return the logits of the naive-versus-stable table: ±40, ±800 and the current x."""
    return sorted(set(TABLE_LOGITS) | {float(x)})


def current_row(logits: Sequence[float], x: float) -> int:
    """Return the row of the current x in :func:`table_logits`."""
    return list(logits).index(float(x))


def full(value: float) -> str:
    """Return a number with every digit that float64 holds: ``0.8807970779778823``."""
    return {"inf": "∞", "-inf": "−∞", "nan": "NaN"}.get(repr(value), repr(value))


def difference(value: float) -> str:
    """Return a difference of two computations: ``0`` or ``1.1e-16``."""
    return "0" if value == 0 else f"{value:.2g}"


def two_class_table(c: TwoClassCheck, t: Callable[..., str]) -> pd.DataFrame:
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


def _cell(value: float) -> str:
    return {"inf": "∞", "-inf": "−∞", "nan": "NaN"}.get(f"{value:.7g}", f"{value:.7g}")


def stability_table(
    results: Sequence[NaiveVersusStable], t: Callable[..., str], current: int | None
):
    """Return a styled table: one row per x, naive and stable per dtype, failures in BROKEN.

    ``results`` hold the same x in different dtypes; ``current`` is the row of the page's own x.
    """
    columns, broken = {}, {}
    columns[t("binary.col.x")] = [_cell(float(v)) for v in results[-1].x]
    for r in results:
        naive = t("binary.col.naive", dtype=r.dtype.name)
        columns[naive] = [_cell(float(v)) for v in r.naive]
        columns[t("binary.col.stable", dtype=r.dtype.name)] = [_cell(float(v)) for v in r.stable]
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
            f"x = torch.tensor({p.x!r}, dtype=torch.float64, requires_grad=True)",
            f"y = torch.tensor({p.y!r}, dtype=torch.float64)",
            "loss = F.binary_cross_entropy_with_logits(x, y)",
            "loss.backward()",
            f"print(loss.item())  # {p.loss!r}",
            f"print(x.grad.item())  # {p.grad!r}",
            "s = torch.sigmoid(x)",
            "naive = -(y * torch.log(s) + (1 - y) * torch.log(1 - s))",
            f"print(naive.item())  # {full(p.naive_loss)}",
        ]
    )
