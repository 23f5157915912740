"""Figures of the sigmoid page: σ and σ', the loss over x with its tangent, naive against stable.

Long curves go to Plotly as float64 arrays (sent as compact binary; NaN leaves a gap), short
markers as plain lists. Lines across the plot are layout shapes. Every figure is a plain dict
(built with :class:`~lab.figures.style.FigureSpec`): the page redraws them on every change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import BROKEN, GRID, INK, SERIES, TEXT_SIZE, FigureSpec, base_layout

SIGMA, SIGMA_GRAD = SERIES[0], SERIES[2]
CURVE_COLOURS = (SERIES[0], SERIES[1], SERIES[2])  # loss for y = 1, y = 0, a soft label
STABLE, NAIVE = SERIES[0], SERIES[1]
CURVE_HEIGHT = 500  # with the legend under the axis, as tall a plot as the Playground's


def _array(values) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


def _short(value: float) -> str:
    return numbers.sig(value).replace("-", "−")


def _vline(x: float, width: int = 1) -> dict:
    return {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"color": INK, "width": width, "dash": "dot"},
    }


def _off_chart(fig: FigureSpec, x0: float, low: float, high: float, text: str, scale: float):
    """Point at the edge of the chart when the current x lies beyond it."""
    fig.add_annotation(
        x=low if x0 < low else high,
        y=0.62,
        yref="paper",
        text=text,
        showarrow=True,
        arrowhead=2,
        arrowcolor=INK,
        ax=30 if x0 < low else -30,
        ay=0,
        xanchor="left" if x0 < low else "right",
        font={"size": round(TEXT_SIZE * scale)},
        bgcolor="white",
    )


def _below(scale: float, columns: int = 1) -> dict:
    """Return a legend along the bottom of the figure, under the axis title, in ``columns``."""
    return {
        "orientation": "h",
        "font": {"size": round(15 * scale)},
        "yref": "container",
        "y": 0.0,
        "yanchor": "bottom",
        "x": 0,
        "xanchor": "left",
        "entrywidth": 1 / columns - 0.01 if columns > 1 else None,
        "entrywidthmode": "fraction" if columns > 1 else None,
    }


def _grad_label_position(x0: float, value: float) -> str:
    """Return where the σ' label is clear of its curve: above the slope's outer side."""
    if x0 > 0:
        return "top right"
    if x0 == 0:
        return "top center"
    return "top right" if value < 0.05 else "bottom right"


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
) -> dict:
    """Return σ(x) and σ'(x) as curves with the current ``x0`` marked on both.

    ``text`` holds the translated ``title``, ``sigma`` and ``grad`` (legend names), ``x`` (axis
    title) and ``off`` (the note shown when ``x0`` is beyond the curves, with ``{x}`` in it).
    """
    x = _array(x)
    low, high = float(x[0]), float(x[-1])
    fig = FigureSpec()
    fig.add_scatter(
        x=x, y=_array(sigma), mode="lines", name=text["sigma"], line={"color": SIGMA, "width": 4}
    )
    fig.add_scatter(
        x=x,
        y=_array(sigma_grad),
        mode="lines",
        name=text["grad"],
        line={"color": SIGMA_GRAD, "width": 4, "dash": "dash"},
    )
    shapes = [
        {
            "type": "line",
            "x0": 0,
            "x1": 1,
            "xref": "paper",
            "y0": 0.5,
            "y1": 0.5,
            "line": {"color": GRID, "width": 2, "dash": "dash"},
        }
    ]
    if low <= x0 <= high:
        shapes.append(_vline(x0))
        fig.add_scatter(
            x=[x0, x0],
            y=[sigma0, sigma_grad0],
            mode="markers+text",
            marker={
                "color": [SIGMA, SIGMA_GRAD],
                "size": 16,
                "line": {"color": "white", "width": 2},
            },
            text=[f"σ = {numbers.bar(sigma0)}", f"σ′ = {numbers.bar(sigma_grad0)}"],
            # σ rises, so above-left of its point is always clear; σ' rises then falls.
            textposition=["top left", _grad_label_position(x0, sigma_grad0)],
            textfont={"size": round(TEXT_SIZE * scale)},
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    else:
        _off_chart(fig, x0, low, high, text["off"].format(x=_short(x0)), scale)
    base_layout(fig, text["title"], height=CURVE_HEIGHT, scale=scale)
    fig.update_layout(shapes=shapes, legend=_below(scale), margin={"b": 110})
    fig.update_xaxes(title=text["x"], range=[low, high], zeroline=True, zerolinecolor=GRID)
    fig.update_yaxes(range=[-0.05, 1.08], dtick=0.25)
    return fig.to_dict()


def loss_figure(
    curves: Sequence[tuple[str, np.ndarray, np.ndarray, str]],
    x0: float,
    loss0: float,
    tangent: tuple[Sequence[float], Sequence[float]],
    current: int,
    text: dict[str, str],
    *,
    scale: float = 1.0,
) -> dict:
    """Return the loss curves ``(name, x, loss, dash)`` with the current point and its tangent.

    The current point ``(x0, loss0)`` lies on curve number ``current`` and takes its colour; the
    tangent's slope is the gradient σ(x) − y. ``text`` holds the translated ``title``, ``x``,
    ``loss`` (axis titles), ``current`` and ``tangent`` (legend names), ``point`` (the label
    of the current point) and ``off`` (the note when ``x0`` is beyond the curves, ``{x}`` in it).
    """
    fig = FigureSpec()
    top = 0.0
    for (name, x, loss, dash), colour in zip(curves, CURVE_COLOURS, strict=False):
        loss = _array(loss)
        top = max(top, float(np.max(loss[np.isfinite(loss)], initial=0.0)))
        fig.add_scatter(
            x=_array(x),
            y=loss,
            mode="lines",
            name=name,
            line={"color": colour, "width": 4, "dash": dash},
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
        mode="markers",
        name=text["current"],
        marker={"color": CURVE_COLOURS[current], "size": 18, "line": {"color": INK, "width": 2}},
        cliponaxis=False,
    )
    # The label leans towards the middle, where the curves are low: above the point, or below
    # it when the point is near the top of the chart.
    x_low, x_high = min(float(c[1][0]) for c in curves), max(float(c[1][-1]) for c in curves)
    ax = 80 if x0 <= (x_low + x_high) / 2 else -80
    ay = 60 if loss0 > 0.6 * top else -60
    if not x_low <= x0 <= x_high:
        _off_chart(fig, x0, x_low, x_high, text["off"].format(x=_short(x0)), scale)
    else:
        fig.add_annotation(
            x=x0,
            y=loss0,
            text=text["point"],
            showarrow=True,
            arrowhead=2,
            arrowcolor=INK,
            ax=ax,
            ay=ay,
            bgcolor="rgba(255,255,255,0.9)",
            font={"size": round(TEXT_SIZE * scale)},
        )
    base_layout(fig, text["title"], height=CURVE_HEIGHT, scale=scale)
    fig.update_xaxes(title=text["x"], range=[x_low, x_high], zeroline=True, zerolinecolor=GRID)
    fig.update_yaxes(title=text["loss"], range=[-0.05 * (top or 1), 1.1 * (top or 1)])
    fig.update_layout(legend=_below(scale, columns=2), margin={"b": 150})
    return fig.to_dict()


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Return ``(first, last)`` index pairs of the runs of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1, strict=True))


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
) -> dict:
    """Return the naive and stable losses over ``x`` on a log axis, with the failures drawn.

    A log axis has no room for 0, inf or NaN, so they are drawn as thick lines along the bottom
    (0) and the top (inf, NaN) edges, and the x ranges where the naive loss fails are shaded.
    ``text`` holds ``title``, ``x``, ``loss`` (axis titles), ``naive``, ``stable``, ``broken``
    (naive inf/NaN), ``zero`` (naive 0), ``underflow`` (a correct 0) and ``current``.
    """
    x, naive, stable = _array(x), _array(naive), _array(stable)
    status = np.asarray(status)
    both = np.concatenate([naive, stable])
    positive = both[np.isfinite(both) & (both > 0)]
    low = math.floor(math.log10(positive.min())) if positive.size else -3
    high = math.ceil(math.log10(positive.max())) if positive.size else 3
    # The edge lines lie outside the data, in a margin that grows with the axis's span (a few
    # decades or over 300). Below 1e-320 a browser's doubles have no room for the bottom margin
    # (the smallest is 4.9e-324), so the data shown stops at 1e-300 and the axis at 1e-320.
    low = max(low, -300)
    pad = max(1.0, 0.05 * (high - low))
    bottom, top = max(low - 2.5 * pad, -320), high + 1.5 * pad
    ceiling = 10.0 ** (high + 0.8 * pad)
    floor = 10.0 ** (bottom + 0.3 * (low - bottom))
    floor_above = 10.0 ** (bottom + 0.7 * (low - bottom))

    def where(values: np.ndarray, keep: np.ndarray, at: float | None = None) -> np.ndarray:
        return np.where(keep, values if at is None else at, np.nan)

    ok = status == "ok"
    broken = np.isin(status, ["inf", "nan"])
    lost = status == "zero"
    fig = FigureSpec()
    fig.add_scatter(
        x=x,
        y=where(stable, stable > 0),
        mode="lines",
        name=text["stable"],
        line={"color": STABLE, "width": 5},
    )
    fig.add_scatter(
        x=x,
        y=where(naive, ok & (naive > 0)),
        mode="lines",
        name=text["naive"],
        line={"color": NAIVE, "width": 3, "dash": "dash"},
    )
    edges = [
        (where(naive, broken, ceiling), text["broken"], BROKEN, "solid"),
        (where(naive, lost, floor), text["zero"], BROKEN, "solid"),
        (where(stable, stable == 0, floor_above), text["underflow"], STABLE, "dot"),
        (where(naive, ok & (naive == 0), floor_above), text["underflow"], NAIVE, "dot"),
    ]
    for y, name, colour, dash in edges:
        if np.any(np.isfinite(y)):
            fig.add_scatter(
                x=x,
                y=y,
                mode="lines",
                name=name,
                line={"color": colour, "width": 10, "dash": dash},
                hovertemplate="x = %{x}<extra>" + name + "</extra>",
            )
    shapes = [
        {
            "type": "rect",
            "x0": float(x[first]),
            "x1": float(x[last]),
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "fillcolor": BROKEN,
            "opacity": 0.12,
            "line": {"width": 0},
            "layer": "below",
        }
        for first, last in _runs(broken | lost)
    ]
    if x[0] <= x0 <= x[-1]:
        shapes.append(_vline(x0, width=2))
        fig.add_annotation(
            x=x0,
            y=1.0,
            yref="paper",
            text=text["current"],
            showarrow=False,
            yshift=16,
            font={"size": round(TEXT_SIZE * scale)},
        )
    base_layout(fig, text["title"], height=500, scale=scale)
    fig.update_xaxes(title=text["x"], range=[float(x[0]), float(x[-1])])
    fig.update_yaxes(
        title={"text": text["loss"], "standoff": 12},
        type="log",
        range=[bottom, top],
        dtick=_log_ticks(low, high),
        exponentformat="power",
    )
    fig.update_layout(
        shapes=shapes,
        legend=_below(scale, columns=2),
        margin={"l": 100, "b": 150},
    )
    return fig.to_dict()
