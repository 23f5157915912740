"""Figures of the derivation page: the softmax Jacobian as a heatmap, the step-size V.

Built as plain Plotly dicts (see ``style.layout``), from arrays and translated labels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from lab import numbers
from lab.charts import INK, NEGATIVE, POSITIVE, SERIES, TEXT_SIZE, TRUE_CLASS, layout

#: A relative error of exactly 0 has no place on a log axis: it is drawn here, labelled "0".
ZERO_FLOOR = 1e-17


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
    heatmap["textfont"] = {"size": TEXT_SIZE if len(labels) <= 8 else TEXT_SIZE - 4}
    shapes = []
    if highlight is not None:
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": -0.5,
                "x1": len(labels) - 0.5,
                "y0": highlight - 0.5,
                "y1": highlight + 0.5,
                "line": {"color": TRUE_CLASS, "width": 5},
            }
        )
    return {
        "data": [heatmap],
        "layout": layout(
            text["title"],
            height=520,
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
    data: list[dict] = []
    for colour, (name, found) in zip(SERIES, errors.items(), strict=False):
        data.append(
            {
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
        )
    for colour, (name, found) in zip(SERIES, errors.items(), strict=False):
        eps = best.get(name, math.nan)
        if not math.isfinite(eps):
            continue
        where = x.index(float(eps))
        data.append(
            {
                "type": "scatter",
                "x": [float(eps)],
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
                "text": [text["best"].format(eps=power_of_ten(eps))],
                "textposition": _label_side(where, len(x)),
                "textfont": {"size": TEXT_SIZE, "color": colour},
                "hoverinfo": "skip",
            }
        )
    shown = [v for found in errors.values() for v in _log_values(found) if v is not None]
    low, high = (min(shown), max(shown)) if shown else (ZERO_FLOOR, 1.0)
    # a decade and a half below the lowest point: room for the star's label inside the plot
    # room below the lowest point for the stars' labels, above the highest for the two notes
    y_range = [math.log10(low) - 1.5, math.log10(high) + 1.2]
    note = {"xref": "paper", "yref": "paper", "y": 0.98, "showarrow": False, "yanchor": "top"}
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=480,
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
