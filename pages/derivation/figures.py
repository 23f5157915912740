"""Figures of the derivation page: the softmax Jacobian as a heatmap, the step-size V.

Built as plain Plotly dicts (see ``lab.charts.layout``), from arrays and translated labels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from lab import numbers
from lab.charts import INK, NEGATIVE, POSITIVE, SERIES, TEXT_SIZE, TRUE_CLASS, layout

#: A relative error of exactly 0 has no place on a log axis: it is drawn here, labelled "0".
ZERO_FLOOR = 1e-17
JACOBIAN_HEIGHT = 520  # a square matrix needs more height than the usual chart
SWEEP_HEIGHT = 480
SMALL_MATRIX = 8  # up to this many classes a cell's value is printed in full-sized text
ROOM_BELOW, ROOM_ABOVE = 1.5, 1.2  # decades of the sweep's y axis below / above its points


def jacobian_figure(
    jacobian: np.ndarray,
    labels: Sequence[str],
    highlight: int | None,
    text: dict[str, str],
) -> dict:
    """Return the annotated heatmap of ``jacobian`` (rows a_i, columns z_k), blue < 0 < vermillion.

    Row ``highlight`` (a position in ``labels``: the true class) is outlined in the true-class
    green. ``text`` holds the translated ``title``, ``rows`` and ``columns`` (axis titles).
    """
    values = [[float(v) for v in row] for row in jacobian]
    finite = [abs(v) for row in values for v in row if math.isfinite(v)]
    top = max(finite, default=1.0) or 1.0
    labels = list(labels)
    heatmap = {
        "type": "heatmap",
        "z": values,
        "x": labels,
        "y": labels,
        "colorscale": [[0.0, NEGATIVE], [0.5, "#FFFFFF"], [1.0, POSITIVE]],
        "zmin": -top,
        "zmax": top,
        "zmid": 0.0,
        "xgap": 2,
        "ygap": 2,
        "colorbar": {"thickness": 16, "outlinewidth": 0},
        "hovertemplate": f"{text['rows']} %{{y}}, {text['columns']} %{{x}}: %{{z:.6g}}"
        "<extra></extra>",
    }
    heatmap["text"] = [[numbers.bar(v) for v in row] for row in values]
    heatmap["texttemplate"] = "%{text}"
    heatmap["textfont"] = {"size": TEXT_SIZE if len(labels) <= SMALL_MATRIX else TEXT_SIZE - 4}
    shapes = [] if highlight is None else [_row_outline(highlight, len(labels))]
    return {
        "data": [heatmap],
        "layout": layout(
            text["title"],
            height=JACOBIAN_HEIGHT,
            margin={"b": 80},
            shapes=shapes,
            xaxis={
                "title": {"text": text["columns"], "standoff": 14},
                "type": "category",
                "side": "bottom",
            },
            yaxis={
                "title": {"text": text["rows"]},
                "type": "category",
                "autorange": "reversed",  # row 1 on top, as a matrix is written
                "showgrid": False,
            },
        ),
    }


def _row_outline(row: int, size: int) -> dict:
    """Return the rectangle around row ``row`` of a ``size`` × ``size`` heatmap."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "y",
        "x0": -0.5,
        "x1": size - 0.5,
        "y0": row - 0.5,
        "y1": row + 0.5,
        "line": {"color": TRUE_CLASS, "width": 5},
    }


def power_of_ten(value: float) -> str:
    """Return ``value`` as Plotly text ``3×10<sup>−6</sup>`` (one significant digit)."""
    mantissa, exponent = f"{value:.0e}".split("e")
    power = f"10<sup>{int(exponent)}</sup>".replace("-", "−")
    return power if mantissa == "1" else f"{mantissa}×{power}"


def _label_side(position: int, count: int) -> str:
    """Return where a star's label goes so it stays inside the plot: below, leaning inwards."""
    if position > 0.75 * count:
        return "bottom left"
    if position < 0.25 * count:
        return "bottom right"
    return "bottom center"


def _log_values(errors: np.ndarray) -> list[float | None]:
    """Return errors for a log axis: 0 lifted to ``ZERO_FLOOR``, NaN as a gap (None)."""
    return [None if not math.isfinite(v) else max(float(v), ZERO_FLOOR) for v in errors.tolist()]


def _error_line(x: list[float], name: str, found: np.ndarray, colour: str) -> dict:
    """Return the line of one dtype's relative errors (hover: the error as on a bar)."""
    return {
        "type": "scatter",
        "x": x,
        "y": _log_values(found),
        "customdata": [numbers.bar(float(v)) for v in found],
        "mode": "lines+markers",
        "name": name,
        "legendgroup": name,
        "line": {"color": colour, "width": 3},
        "marker": {"color": colour, "size": 7},
        "hovertemplate": f"{name}: ε = %{{x:.1e}}, %{{customdata}}<extra></extra>",
    }


def _best_star(
    x: list[float], name: str, found: np.ndarray, eps: float, colour: str, label: str
) -> dict:
    """Return the star at one dtype's best step ``eps``, labelled ``label`` (with ``{eps}``)."""
    where = x.index(eps)
    return {
        "type": "scatter",
        "x": [eps],
        "y": _log_values(found[where : where + 1]),
        "mode": "markers+text",
        "name": name,
        "legendgroup": name,
        "showlegend": False,
        "marker": {
            "color": colour,
            "size": 20,
            "symbol": "star",
            "line": {"color": INK, "width": 1},
        },
        "text": [label.format(eps=power_of_ten(eps))],
        "textposition": _label_side(where, len(x)),
        "textfont": {"size": TEXT_SIZE, "color": colour},
        "hoverinfo": "skip",
    }


def step_sweep_figure(
    steps: np.ndarray,
    errors: Mapping[str, np.ndarray],
    best: Mapping[str, float],
    text: dict[str, str],
) -> dict:
    """Return the log-log plot of the relative error against the step, one line per dtype.

    Each dtype gets a line (named by the dtype) and a star at its smallest error. ``text`` holds
    the translated ``title``, ``step`` and ``error`` (axis titles), ``best`` (the star's label,
    with ``{eps}``), ``truncation`` and ``roundoff`` (the two arms of the V).
    """
    x = [float(v) for v in steps]
    lines = zip(SERIES, errors.items(), strict=False)
    data = [_error_line(x, name, found, colour) for colour, (name, found) in lines]
    for colour, (name, found) in zip(SERIES, errors.items(), strict=False):
        eps = best.get(name, math.nan)
        if math.isfinite(eps):
            data.append(_best_star(x, name, found, float(eps), colour, text["best"]))
    shown = [v for found in errors.values() for v in _log_values(found) if v is not None]
    low, high = (min(shown), max(shown)) if shown else (ZERO_FLOOR, 1.0)
    # room below the lowest point for the stars' labels, above the highest for the two notes
    y_range = [math.log10(low) - ROOM_BELOW, math.log10(high) + ROOM_ABOVE]
    note = {"xref": "paper", "yref": "paper", "y": 0.98, "showarrow": False, "yanchor": "top"}
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=SWEEP_HEIGHT,
            margin={"l": 100, "b": 90},
            xaxis={
                "title": {"text": text["step"], "standoff": 20},
                "type": "log",
                "exponentformat": "power",
            },
            yaxis={
                "title": {"text": text["error"], "standoff": 12},
                "type": "log",
                "exponentformat": "power",
                "range": y_range,
            },
            annotations=[
                {**note, "x": 0.02, "xanchor": "left", "text": text["roundoff"]},
                {**note, "x": 0.98, "xanchor": "right", "text": text["truncation"]},
            ],
        ),
    }
