"""Figures of the Batch page: row losses, the gradient table, H(t) + KL, the vocabulary's losses.

The double softmax's figures are in :mod:`pages.batch.figures_double`. Plain Plotly dicts (see
``lab.charts.layout``); values go in as lists so tests can read them back.
Rows are categories "1", "2", … (counting from 1 like the table); a value that is not a finite
number is drawn as a purple marker on the axis with its name (∞, NaN), never left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import BROKEN, INK, NEGATIVE, OTHER, POSITIVE, SERIES, TEXT_SIZE, layout

IGNORED = "#BBBBBB"  # a row PyTorch leaves out
ENTROPY, DIVERGENCE = SERIES[0], SERIES[3]
# The y axis reaches past the tallest bar, so the value printed over it still fits.
HEADROOM, STACK_HEADROOM = 1.3, 1.25
HEATMAP_MIN_HEIGHT, HEATMAP_MARGINS, HEATMAP_ROW = 260, 120, 34  # px
BROKEN_MARKER_SIZE = 16
# A legend under the plot: above it, long names would run into the title on a half-width chart.
# Anchored to the chart's bottom edge (not to the plot), so the x axis's title, which grows on
# a projector, stays above it; the charts' bottom margins hold two or three of its rows.
BELOW = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
    "traceorder": "normal",
}


def row_names(count: int) -> list[str]:
    """Return the rows as the table numbers them: "1", "2", …"""
    return [str(n + 1) for n in range(count)]


def finite_or_none(values: Sequence[float]) -> list[float | None]:
    """Return ``values`` with None for ∞ and NaN, which a bar cannot show."""
    return [v if math.isfinite(v) else None for v in values]


def _broken_markers(names: list[str], values: list[float], text: str) -> list[dict]:
    """Return a trace marking the rows whose value is inf or NaN (empty list if none)."""
    where = [i for i, v in enumerate(values) if not math.isfinite(v)]
    if not where:
        return []
    return [
        {
            "type": "scatter",
            "x": [names[i] for i in where],
            "y": [0.0] * len(where),
            "mode": "markers+text",
            "marker": {"color": BROKEN, "size": BROKEN_MARKER_SIZE, "symbol": "diamond"},
            "text": [numbers.bar(values[i]) for i in where],
            "textposition": "top center",
            "textfont": {"size": TEXT_SIZE, "color": BROKEN},
            "name": text,
            "hoverinfo": "skip",
        }
    ]


def _hline(y: float, label: str, colour: str = INK) -> tuple[dict, dict]:
    """Return a dashed horizontal line across the plot, and its label in the right margin.

    The line lies behind the bars and their values (above the grid): drawn over them, it would
    cross out a value printed near its level.
    """
    shape = {
        "type": "line",
        "layer": "between",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": y,
        "y1": y,
        "line": {"color": colour, "width": 2, "dash": "dash"},
    }
    note = {
        "xref": "paper",
        "x": 1,
        "y": y,
        "xanchor": "left",
        "yanchor": "middle",
        "xshift": 6,
        "text": label.replace(" = ", "<br>= "),
        "showarrow": False,
        "align": "left",
        "font": {"size": TEXT_SIZE - 2, "color": colour},
    }
    return shape, note


def tallest(values: Sequence[float], *more: float) -> float:
    """Return the largest finite value (1 if there is none or it is 0), for the y range."""
    finite = [v for v in (*values, *more) if math.isfinite(v)]
    return max(finite, default=1.0) or 1.0


def _loss_bars(
    names: list[str], values: list[float], colour: str | list[str], labels: list[str], size: int
) -> dict:
    """Return one bar per row's loss, ``labels`` printed over them (a bar for ∞ or NaN is empty;
    :func:`_broken_markers` marks it)."""
    return {
        "type": "bar",
        "x": names,
        "y": finite_or_none(values),
        "marker": {"color": colour},
        "text": labels,
        "textposition": "outside",
        # a white halo round each value: a dashed level behind it stays readable around it
        "textfont": {"size": size, "shadow": "auto"},
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{y:.6g}<extra></extra>",
        "showlegend": False,
    }


def row_losses_figure(
    losses: Sequence[float], ignored: Sequence[bool], mean: float | None, text: dict[str, str]
) -> dict:
    """Return one bar per row's loss; ignored rows grey, a dashed line at the mean if given.

    ``text``: ``title``, ``row``, ``loss``, ``ignored``, ``mean`` (with ``{value}``), ``broken``.
    """
    values = [float(v) for v in losses]
    names = row_names(len(values))
    bars = _loss_bars(
        names,
        values,
        [IGNORED if i else OTHER for i in ignored],
        [text["ignored"] if i else numbers.bar(v) for v, i in zip(values, ignored, strict=True)],
        TEXT_SIZE,
    )
    shapes, notes = [], []
    if mean is not None and math.isfinite(mean):
        shape, note = _hline(mean, text["mean"].format(value=numbers.bar(mean)))
        shapes, notes = [shape], [note]
    top = tallest(values, mean if mean is not None else 0.0)
    return {
        "data": [bars, *_broken_markers(names, values, text["broken"])],
        "layout": layout(
            text["title"],
            shapes=shapes,
            annotations=notes,
            showlegend=False,
            margin={"r": 110},
            xaxis={"title": {"text": text["row"]}, "type": "category"},
            yaxis={"title": {"text": text["loss"]}, "range": [0, HEADROOM * top]},
        ),
    }


def gradient_heatmap(grad: np.ndarray, text: dict[str, str]) -> dict:
    """Return the gradient as a coloured table: rows down, classes across, values printed.

    Negative entries (the logit is pushed up) blue, positive ones (pushed down) vermillion.
    ``text``: ``title``, ``row``, ``class``.
    """
    values = [[float(v) for v in row] for row in grad]
    finite = [abs(v) for row in values for v in row if math.isfinite(v)]
    scale = max(finite, default=1.0) or 1.0
    rows, classes = row_names(len(values)), row_names(grad.shape[1] if grad.ndim == 2 else 0)
    heat = {
        "type": "heatmap",
        "x": classes,
        "y": rows,
        "z": [finite_or_none(row) for row in values],
        "text": [[numbers.bar(v) for v in row] for row in values],
        "texttemplate": "%{text}",
        "textfont": {"size": TEXT_SIZE - 2},
        "colorscale": [[0.0, NEGATIVE], [0.5, "#FFFFFF"], [1.0, POSITIVE]],
        "zmin": -scale,
        "zmax": scale,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "hovertemplate": "%{y}, %{x}: %{z:.6g}<extra></extra>",
    }
    return {
        "data": [heat],
        "layout": layout(
            text["title"],
            height=max(HEATMAP_MIN_HEIGHT, HEATMAP_MARGINS + HEATMAP_ROW * len(rows)),
            xaxis={"title": {"text": text["class"]}, "type": "category"},
            yaxis={"title": {"text": text["row"]}, "type": "category", "autorange": "reversed"},
            margin={"b": 80},
        ),
    }


def decomposition_figure(
    entropy: Sequence[float],
    kl: Sequence[float],
    cross: Sequence[float],
    ignored: Sequence[bool],
    text: dict[str, str],
) -> dict:
    """Return stacked bars H(t) + KL(t ‖ a) per row, with their total H(t, a) printed on top.

    ``text``: ``title``, ``row``, ``nats``, ``entropy``, ``kl``, ``ignored``, ``broken``.
    """
    h, d, c = ([float(v) for v in values] for values in (entropy, kl, cross))
    names = row_names(len(h))
    kept = [not i for i in ignored]

    def part(values: list[float], name: str, colour: str) -> dict:
        return {
            "type": "bar",
            "x": names,
            "y": [v if k else 0.0 for v, k in zip(finite_or_none(values), kept, strict=True)],
            "name": name,
            "marker": {"color": colour},
            "hovertemplate": "%{x}: %{y:.6g}<extra>" + name + "</extra>",
        }

    totals = {
        "type": "scatter",
        "x": names,
        "y": [v if k and math.isfinite(v) else 0.0 for v, k in zip(c, kept, strict=True)],
        "mode": "text",
        "text": [numbers.bar(v) if k else text["ignored"] for v, k in zip(c, kept, strict=True)],
        "textposition": "top center",
        "textfont": {"size": TEXT_SIZE},
        "showlegend": False,
        "hoverinfo": "skip",
    }
    broken = _broken_markers(
        names, [v if k else 0.0 for v, k in zip(c, kept, strict=True)], text["broken"]
    )
    return {
        "data": [
            part(h, text["entropy"], ENTROPY),
            part(d, text["kl"], DIVERGENCE),
            totals,
            *broken,
        ],
        "layout": layout(
            text["title"],
            barmode="stack",
            legend=BELOW,
            margin={"b": 130},
            xaxis={"title": {"text": text["row"]}, "type": "category"},
            yaxis={"title": {"text": text["nats"]}, "range": [0, STACK_HEADROOM * tallest(c)]},
        ),
    }


def vocabulary_figure(losses: Sequence[float], baseline: float, text: dict[str, str]) -> dict:
    """Return one bar per row's loss with a dashed line at the uniform baseline ln K.

    ``text``: ``title``, ``row``, ``loss``, ``baseline`` (with ``{value}``), ``broken``.
    """
    values = [float(v) for v in losses]
    names = row_names(len(values))
    bars = _loss_bars(names, values, OTHER, [numbers.bar(v, 2) for v in values], TEXT_SIZE - 2)
    shape, note = _hline(baseline, text["baseline"].format(value=numbers.bar(baseline)))
    return {
        "data": [bars, *_broken_markers(names, values, text["broken"])],
        "layout": layout(
            text["title"],
            shapes=[shape],
            annotations=[note],
            showlegend=False,
            margin={"r": 110},
            xaxis={"title": {"text": text["row"]}, "type": "category"},
            yaxis={
                "title": {"text": text["loss"]},
                "range": [0, STACK_HEADROOM * tallest(values, baseline)],
            },
        ),
    }
