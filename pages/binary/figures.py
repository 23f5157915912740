"""Figures of the sigmoid page: σ and σ', the loss over x with its tangent, naive against stable.

Long curves go to Plotly as float64 typed arrays (compact binary, in which NaN stays NaN and
leaves a gap), short markers as plain lists. Lines across the plot are layout shapes. Every
figure is a plain dict on the shared :func:`lab.charts.layout`: the page redraws them on every
change, and a dict skips Plotly's slow validation.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import GRID, INK, SERIES, TEXT_SIZE, layout

SIGMA, SIGMA_GRAD = SERIES[0], SERIES[2]
CURVE_COLOURS = (SERIES[0], SERIES[1], SERIES[2])  # loss for y = 1, y = 0, a soft label
CURVE_HEIGHT = 500  # with the legend under the axis, as tall a plot as the Playground's
#: px: on a projector (1280×720) both curves stand beside the inputs, under the presets and the
#: section's title, and end on the first screen
CURVE_HEIGHT_PRESENTED = 370
LEGEND_SIZE = 15  # the legends under the axes, a little smaller than the axis text
OFF_CHART_Y = 0.62  # the arrow to an x beyond the chart, this high up the plot
LABEL_OFFSET = 80, 60  # px: the current point's label, sideways and up or down from it


def _typed(values) -> dict:
    """Return ``values`` as Plotly.js's float64 typed array (what ``go.Figure`` would send)."""
    data = np.ascontiguousarray(values, dtype="<f8")
    return {"dtype": "f8", "bdata": base64.b64encode(data.tobytes()).decode("ascii")}


def line_trace(x, y, name: str, line: dict, **extra) -> dict:
    """Return a line trace of float64 ``x`` and ``y``, sent as typed arrays."""
    return {
        "type": "scatter",
        "x": _typed(x),
        "y": _typed(y),
        "mode": "lines",
        "name": name,
        "line": line,
        **extra,
    }


def _short(value: float) -> str:
    return numbers.sig(value).replace("-", "−")


def vline(x: float, width: int = 1) -> dict:
    """Return a dotted vertical line at ``x``, across the whole plot."""
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


def _x_axis(title: str, low: float, high: float) -> dict:
    """Return a linear x axis over ``[low, high]`` with its zero line."""
    return {"title": {"text": title}, "range": [low, high], "zeroline": True, "zerolinecolor": GRID}


def _off_chart(x0: float, low: float, high: float, text: str) -> dict:
    """Return an arrow at the edge of the chart pointing at an ``x0`` that lies beyond it."""
    left = x0 < low
    return {
        "x": low if left else high,
        "y": OFF_CHART_Y,
        "yref": "paper",
        "text": text,
        "showarrow": True,
        "arrowhead": 2,
        "arrowcolor": INK,
        "ax": 30 if left else -30,
        "ay": 0,
        "xanchor": "left" if left else "right",
        "font": {"size": TEXT_SIZE},
        "bgcolor": "white",
    }


def legend_below(columns: int = 1) -> dict:
    """Return a legend along the bottom of the figure, under the axis title, in ``columns``."""
    legend = {
        "orientation": "h",
        "font": {"size": LEGEND_SIZE},
        "yref": "container",
        "y": 0.0,
        "yanchor": "bottom",
        "x": 0,
        "xanchor": "left",
    }
    if columns > 1:
        legend.update(entrywidth=1 / columns - 0.01, entrywidthmode="fraction")
    return legend


def _grad_label_position(x0: float, value: float) -> str:
    """Return where the σ' label is clear of its curve: above the slope's outer side."""
    if x0 > 0:
        return "top right"
    if x0 == 0:
        return "top center"
    return "top right" if value < 0.05 else "bottom right"


def sigmoid_markers(x0: float, sigma0: float, sigma_grad0: float) -> dict:
    """Return the current point on σ and on σ', each labelled with its value."""
    return {
        "type": "scatter",
        "x": [x0, x0],
        "y": [sigma0, sigma_grad0],
        "mode": "markers+text",
        "marker": {
            "color": [SIGMA, SIGMA_GRAD],
            "size": 16,
            "line": {"color": "white", "width": 2},
        },
        "text": [f"σ = {numbers.bar(sigma0)}", f"σ′ = {numbers.bar(sigma_grad0)}"],
        # σ rises, so above-left of its point is always clear; σ' rises then falls.
        "textposition": ["top left", _grad_label_position(x0, sigma_grad0)],
        "textfont": {"size": TEXT_SIZE},
        "showlegend": False,
        "hoverinfo": "skip",
        "cliponaxis": False,
    }


def sigmoid_figure(
    x: np.ndarray,
    sigma: np.ndarray,
    sigma_grad: np.ndarray,
    x0: float,
    sigma0: float,
    sigma_grad0: float,
    text: dict[str, str],
    height: int = CURVE_HEIGHT,
) -> dict:
    """Return σ(x) and σ'(x) as curves with the current ``x0`` marked on both.

    ``text`` holds the translated ``title``, ``sigma`` and ``grad`` (legend names), ``x`` (axis
    title) and ``off`` (the note shown when ``x0`` is beyond the curves, with ``{x}`` in it).
    ``height`` is in pixels.
    """
    low, high = float(x[0]), float(x[-1])
    data = [
        line_trace(x, sigma, text["sigma"], {"color": SIGMA, "width": 4}),
        line_trace(x, sigma_grad, text["grad"], {"color": SIGMA_GRAD, "width": 4, "dash": "dash"}),
    ]
    half = {"type": "line", "x0": 0, "x1": 1, "xref": "paper", "y0": 0.5, "y1": 0.5}
    shapes = [{**half, "line": {"color": GRID, "width": 2, "dash": "dash"}}]
    annotations = []
    if low <= x0 <= high:
        shapes.append(vline(x0))
        data.append(sigmoid_markers(x0, sigma0, sigma_grad0))
    else:
        annotations.append(_off_chart(x0, low, high, text["off"].format(x=_short(x0))))
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=height,
            annotations=annotations,
            shapes=shapes,
            legend=legend_below(),
            margin={"b": 110},
            xaxis=_x_axis(text["x"], low, high),
            yaxis={"range": [-0.05, 1.08], "dtick": 0.25},
        ),
    }


def point_label(x0: float, loss0: float, x_low: float, x_high: float, top: float, text: str):
    """Return the current point's label, leaning towards the middle, where the curves are low:
    above the point, or below it when the point is near the top of the chart."""
    ax, ay = LABEL_OFFSET
    return {
        "x": x0,
        "y": loss0,
        "text": text,
        "showarrow": True,
        "arrowhead": 2,
        "arrowcolor": INK,
        "ax": ax if x0 <= (x_low + x_high) / 2 else -ax,
        "ay": ay if loss0 > 0.6 * top else -ay,
        "bgcolor": "rgba(255,255,255,0.9)",
        "font": {"size": TEXT_SIZE},
    }


def _current_traces(
    tangent: tuple[Sequence[float], Sequence[float]],
    x0: float,
    loss0: float,
    colour: str,
    text: dict[str, str],
) -> list[dict]:
    """Return the tangent at the current point, and the point in its curve's ``colour``."""
    return [
        {
            "type": "scatter",
            "x": list(tangent[0]),
            "y": list(tangent[1]),
            "mode": "lines",
            "name": text["tangent"],
            "line": {"color": INK, "width": 2, "dash": "dot"},
        },
        {
            "type": "scatter",
            "x": [x0],
            "y": [loss0],
            "mode": "markers",
            "name": text["current"],
            "marker": {"color": colour, "size": 18, "line": {"color": INK, "width": 2}},
            "cliponaxis": False,
        },
    ]


def curves_top(curves: Sequence[tuple[str, np.ndarray, np.ndarray, str]]) -> float:
    """Return the highest finite loss of the curves ``(name, x, loss, dash)`` (0 if none)."""
    return max(
        (float(np.max(np.asarray(c[2])[np.isfinite(c[2])], initial=0.0)) for c in curves),
        default=0.0,
    )


def loss_figure(
    curves: Sequence[tuple[str, np.ndarray, np.ndarray, str]],
    x0: float,
    loss0: float,
    tangent: tuple[Sequence[float], Sequence[float]],
    current: int,
    text: dict[str, str],
    height: int = CURVE_HEIGHT,
) -> dict:
    """Return the loss curves ``(name, x, loss, dash)`` with the current point and its tangent.

    The current point ``(x0, loss0)`` lies on curve number ``current`` and takes its colour; the
    tangent's slope is the gradient σ(x) − y. ``text`` holds the translated ``title``, ``x``,
    ``loss`` (axis titles), ``current`` and ``tangent`` (legend names), ``point`` (the label
    of the current point) and ``off`` (the note when ``x0`` is beyond the curves, ``{x}`` in it).
    ``height`` is in pixels.
    """
    wide = height == CURVE_HEIGHT_PRESENTED
    top = curves_top(curves)
    data = [
        line_trace(x, loss, name, {"color": colour, "width": 4, "dash": dash})
        for (name, x, loss, dash), colour in zip(curves, CURVE_COLOURS, strict=False)
    ]
    data += _current_traces(tangent, x0, loss0, CURVE_COLOURS[current], text)
    x_low, x_high = min(float(c[1][0]) for c in curves), max(float(c[1][-1]) for c in curves)
    if not x_low <= x0 <= x_high:
        note = _off_chart(x0, x_low, x_high, text["off"].format(x=_short(x0)))
    else:
        note = point_label(x0, loss0, x_low, x_high, top, text["point"])
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=height,
            annotations=[note],
            xaxis=_x_axis(text["x"], x_low, x_high),
            yaxis={
                "title": {"text": text["loss"]},
                "range": [-0.05 * (top or 1), 1.1 * (top or 1)],
            },
            # A projector's loss chart is wide enough for two columns of legend (and short: the
            # plot keeps the height); elsewhere the names flow onto as many lines as the width
            # needs (up to four on a phone, where two columns ran into each other).
            legend=legend_below(columns=2 if wide else 1),
            margin={"b": 120 if wide else 175},
        ),
    }
