"""Figures of the sigmoid page: σ and σ', the loss over x with its tangent, naive against stable."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from .style import BROKEN, GRID, INK, SERIES, TEXT_SIZE, base_layout, format_value

SIGMA, SIGMA_GRAD = SERIES[0], SERIES[2]
LABEL_ONE, LABEL_ZERO, LABEL_SOFT = SERIES[0], SERIES[1], SERIES[2]
STABLE, NAIVE = SERIES[0], SERIES[1]


def _lists(*arrays) -> list[list[float]]:
    return [[float(v) for v in a] for a in arrays]


def _off_chart(fig: go.Figure, x0: float, low: float, high: float, text: str, scale: float):
    """Point at the edge of the chart when the current x lies beyond it."""
    edge = low if x0 < low else high
    fig.add_annotation(
        x=edge,
        y=0.5,
        xref="x",
        yref="paper",
        text=text,
        showarrow=True,
        arrowhead=2,
        arrowcolor=INK,
        ax=70 if x0 < low else -70,
        ay=0,
        font={"size": round(TEXT_SIZE * scale)},
        bgcolor="white",
    )


def sigmoid_figure(
    x: np.ndarray,
    sigma: np.ndarray,
    sigma_grad: np.ndarray,
    x0: float,
    sigma0: float,
    sigma_grad0: float,
    text: dict[str, str],
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return σ(x) and σ'(x) as curves with the current ``x0`` marked on both.

    ``text`` holds the translated ``title``, ``sigma`` and ``grad`` (legend names), ``x`` (axis
    title) and ``off`` (the note shown when ``x0`` is beyond the curves, with ``{x}`` in it).
    """
    x, sigma, sigma_grad = _lists(x, sigma, sigma_grad)
    fig = go.Figure()
    fig.add_scatter(
        x=x, y=sigma, mode="lines", name=text["sigma"], line={"color": SIGMA, "width": 4}
    )
    fig.add_scatter(
        x=x,
        y=sigma_grad,
        mode="lines",
        name=text["grad"],
        line={"color": SIGMA_GRAD, "width": 4, "dash": "dash"},
    )
    low, high = x[0], x[-1]
    if low <= x0 <= high:
        fig.add_vline(x=x0, line={"color": INK, "width": 1, "dash": "dot"})
        fig.add_scatter(
            x=[x0, x0],
            y=[sigma0, sigma_grad0],
            mode="markers+text",
            marker={
                "color": [SIGMA, SIGMA_GRAD],
                "size": 16,
                "line": {"color": "white", "width": 2},
            },
            text=[f"σ = {format_value(sigma0)}", f"σ′ = {format_value(sigma_grad0)}"],
            textposition=["top left" if x0 > 0 else "top right", "bottom right"],
            textfont={"size": round(TEXT_SIZE * scale)},
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    else:
        _off_chart(fig, x0, low, high, text["off"].format(x=format_value(x0)), scale)
    base_layout(fig, text["title"], scale=scale)
    fig.add_hline(y=0.5, line={"color": GRID, "width": 2, "dash": "dash"})
    fig.update_xaxes(title=text["x"], range=[low, high], zeroline=True, zerolinecolor=GRID)
    fig.update_yaxes(range=[-0.05, 1.08], dtick=0.25)
    return fig


def loss_figure(
    curves: Sequence[tuple[str, np.ndarray, np.ndarray, str]],
    x0: float,
    loss0: float,
    tangent: tuple[Sequence[float], Sequence[float]],
    marker_colour: str,
    text: dict[str, str],
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return the loss curves ``(name, x, loss, dash)`` with the current point and its tangent.

    The tangent's slope is the gradient σ(x) − y. ``text`` holds the translated ``title``, ``x``,
    ``loss`` (axis titles), ``current`` and ``tangent`` (legend names).
    """
    colours = (LABEL_ONE, LABEL_ZERO, LABEL_SOFT)
    fig = go.Figure()
    top = 0.0
    for (name, x, loss, dash), colour in zip(curves, colours, strict=False):
        x, loss = _lists(x, loss)
        top = max(top, max(v for v in loss if math.isfinite(v)))
        fig.add_scatter(
            x=x, y=loss, mode="lines", name=name, line={"color": colour, "width": 4, "dash": dash}
        )
    fig.add_scatter(
        x=list(tangent[0]),
        y=list(tangent[1]),
        mode="lines",
        name=text["tangent"],
        line={"color": INK, "width": 2, "dash": "dot"},
    )
    fig.add_scatter(
        x=[x0],
        y=[loss0],
        mode="markers+text",
        name=text["current"],
        marker={"color": marker_colour, "size": 18, "line": {"color": INK, "width": 2}},
        text=[f"ℓ = {format_value(loss0)}"],
        textposition="top left" if x0 > 0 else "top right",
        textfont={"size": round(TEXT_SIZE * scale)},
        cliponaxis=False,
    )
    base_layout(fig, text["title"], scale=scale)
    fig.update_xaxes(title=text["x"], zeroline=True, zerolinecolor=GRID)
    fig.update_yaxes(title=text["loss"], range=[-0.05 * top, 1.1 * top])
    fig.update_layout(legend={"font": {"size": round(14 * scale)}})
    return fig


def _runs(mask: Sequence[bool]) -> list[tuple[int, int]]:
    """Return ``(start, stop)`` index pairs of the runs of True in ``mask``."""
    runs, start = [], None
    for i, flag in enumerate([*mask, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _log_ticks(low: int, high: int) -> float:
    """Return a step between tick exponents that gives about six ticks on ``[low, high]``."""
    span = max(high - low, 1)
    return next((s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 7), 200)


def stability_figure(
    x: np.ndarray,
    naive: np.ndarray,
    stable: np.ndarray,
    status: Sequence[str],
    x0: float,
    text: dict[str, str],
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return the naive and stable losses over ``x`` on a log axis, with the failures drawn.

    A log axis has no room for 0, inf or NaN, so they are drawn as thick lines along the bottom
    (0) and the top (inf, NaN) edges, and the x ranges where the naive loss fails are shaded.
    ``text`` holds ``title``, ``x``, ``loss`` (axis titles), ``naive``, ``stable``, ``broken``
    (naive inf/NaN), ``zero`` (naive 0), ``underflow`` (stable 0), ``top``, ``bottom`` (edge
    notes) and ``current``.
    """
    x, naive, stable = _lists(x, naive, stable)
    positive = [v for v in naive + stable if math.isfinite(v) and v > 0]
    low = math.floor(math.log10(min(positive, default=1e-3)))
    high = math.ceil(math.log10(max(positive, default=1e3)))
    bottom, span = low - 1.5, high - low + 3.0
    # Edge lines sit a few percent inside the axis, whatever its span (a few or 300 decades).
    ceiling = 10.0 ** (bottom + 0.985 * span)
    floor, floor_above = 10.0 ** (bottom + 0.015 * span), 10.0 ** (bottom + 0.05 * span)

    def where(values: list[float], keep: Sequence[bool], at: float | None = None):
        return [
            (at if at is not None else v) if k else None for v, k in zip(values, keep, strict=True)
        ]

    naive_ok = [s == "ok" and v > 0 for s, v in zip(status, naive, strict=True)]
    naive_zero_fine = [s == "ok" and v == 0 for s, v in zip(status, naive, strict=True)]
    broken = [s in ("inf", "nan") for s in status]
    lost = [s == "zero" for s in status]
    fig = go.Figure()
    fig.add_scatter(
        x=x,
        y=where(stable, [v > 0 for v in stable]),
        mode="lines",
        name=text["stable"],
        line={"color": STABLE, "width": 5},
    )
    fig.add_scatter(
        x=x,
        y=where(naive, naive_ok),
        mode="lines",
        name=text["naive"],
        line={"color": NAIVE, "width": 3, "dash": "dash"},
    )
    edges = [
        (where(naive, broken, ceiling), text["broken"], BROKEN, "solid"),
        (where(naive, lost, floor), text["zero"], BROKEN, "solid"),
        (where(stable, [v == 0 for v in stable], floor_above), text["underflow"], STABLE, "dot"),
        (where(naive, naive_zero_fine, floor_above), text["underflow"], NAIVE, "dot"),
    ]
    for y, name, colour, dash in edges:
        if any(v is not None for v in y):
            fig.add_scatter(
                x=x,
                y=y,
                mode="lines",
                name=name,
                line={"color": colour, "width": 10, "dash": dash},
                hovertemplate="x = %{x}<extra>" + name + "</extra>",
            )
    for start, stop in _runs([b or z for b, z in zip(broken, lost, strict=True)]):
        fig.add_vrect(x0=x[start], x1=x[stop], fillcolor=BROKEN, opacity=0.12, line_width=0)
    if x[0] <= x0 <= x[-1]:
        fig.add_vline(x=x0, line={"color": INK, "width": 2, "dash": "dot"})
        fig.add_annotation(
            x=x0,
            y=1.0,
            yref="paper",
            text=text["current"],
            showarrow=False,
            yshift=10,
            font={"size": round(TEXT_SIZE * scale)},
        )
    base_layout(fig, text["title"], height=460, scale=scale)
    fig.update_xaxes(title=text["x"], range=[x[0], x[-1]])
    fig.update_yaxes(
        title=text["loss"],
        type="log",
        range=[bottom, bottom + span],
        dtick=_log_ticks(low, high),
        exponentformat="power",
    )
    fig.update_layout(
        legend={
            "font": {"size": round(14 * scale)},
            "y": -0.22,
            "yanchor": "top",
            "x": 0,
            "xanchor": "left",
        },
        margin={"b": 150},
    )
    return fig
