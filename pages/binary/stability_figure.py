"""The sigmoid page's third figure: the naive and the stable loss over x, on a log axis.

A plain dict on the shared :func:`lab.charts.layout`, like the page's other figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from lab.charts import BROKEN, SERIES, TEXT_SIZE, layout
from pages.binary.figures import legend_below, line_trace, vline

STABLE, NAIVE = SERIES[0], SERIES[1]
STABILITY_HEIGHT = 500


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Return ``(first, last)`` index pairs of the runs of True in ``mask``."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1, strict=True))


def _log_ticks(low: int, high: int) -> float:
    """Return a step between tick exponents that gives about six ticks on ``[low, high]``."""
    span = max(high - low, 1)
    return next((s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 7), 200)


def _log_levels(naive: np.ndarray, stable: np.ndarray) -> dict[str, float]:
    """Return the log axis's decades and where the edge lines lie (see :func:`stability_figure`).

    ``low``/``high`` bound the positive data (exponents); ``bottom``/``top`` the axis; ``ceiling``
    is the inf/NaN line, ``floor`` the naive-0 line and ``floor_above`` the correct-0 lines.
    """
    both = np.concatenate([naive, stable])
    positive = both[np.isfinite(both) & (both > 0)]
    low = math.floor(math.log10(positive.min())) if positive.size else -3
    high = math.ceil(math.log10(positive.max())) if positive.size else 3
    # The edge lines lie outside the data, in a margin that grows with the axis's span (a few
    # decades or over 300). Below 1e-320 a browser's doubles have no room for the bottom margin
    # (the smallest is 4.9e-324), so the data shown stops at 1e-300 and the axis at 1e-320.
    low = max(low, -300)
    pad = max(1.0, 0.05 * (high - low))
    bottom = max(low - 2.5 * pad, -320)
    return {
        "low": low,
        "high": high,
        "bottom": bottom,
        "top": high + 1.5 * pad,
        "ceiling": 10.0 ** (high + 0.8 * pad),
        "floor": 10.0 ** (bottom + 0.3 * (low - bottom)),
        "floor_above": 10.0 ** (bottom + 0.7 * (low - bottom)),
    }


def _stability_traces(x, naive, stable, status, levels: dict, text: dict[str, str]) -> list:
    """Return the stable and naive losses, and a thick edge line wherever they are not positive."""

    def where(values: np.ndarray, keep: np.ndarray, at: float | None = None) -> np.ndarray:
        return np.where(keep, values if at is None else at, np.nan)

    ok = status == "ok"
    data = [
        line_trace(x, where(stable, stable > 0), text["stable"], {"color": STABLE, "width": 5}),
        line_trace(
            x,
            where(naive, ok & (naive > 0)),
            text["naive"],
            {"color": NAIVE, "width": 3, "dash": "dash"},
        ),
    ]
    edges = [
        (
            where(naive, np.isin(status, ["inf", "nan"]), levels["ceiling"]),
            "broken",
            BROKEN,
            "solid",
        ),
        (where(naive, status == "zero", levels["floor"]), "zero", BROKEN, "solid"),
        (where(stable, stable == 0, levels["floor_above"]), "underflow", STABLE, "dot"),
        (where(naive, ok & (naive == 0), levels["floor_above"]), "underflow", NAIVE, "dot"),
    ]
    for y, name, colour, dash in edges:
        if np.any(np.isfinite(y)):
            line = {"color": colour, "width": 10, "dash": dash}
            hover = "x = %{x}<extra>" + text[name] + "</extra>"
            data.append(line_trace(x, y, text[name], line, hovertemplate=hover))
    return data


def _failure_shading(x: np.ndarray, failed: np.ndarray) -> list[dict]:
    """Return a light BROKEN band over each run of x where the naive loss fails."""
    return [
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
        for first, last in _runs(failed)
    ]


def stability_figure(
    x: np.ndarray,
    naive: np.ndarray,
    stable: np.ndarray,
    status: Sequence[str],
    x0: float,
    text: dict[str, str],
) -> dict:
    """Return the naive and stable losses over ``x`` on a log axis, with the failures drawn.

    A log axis has no room for 0, inf or NaN, so they are drawn as thick lines along the bottom
    (0) and the top (inf, NaN) edges, and the x ranges where the naive loss fails are shaded.
    ``text`` holds ``title``, ``x``, ``loss`` (axis titles), ``naive``, ``stable``, ``broken``
    (naive inf/NaN), ``zero`` (naive 0), ``underflow`` (a correct 0) and ``current``.
    """
    x = np.asarray(x, dtype=np.float64)
    naive, stable = np.asarray(naive, dtype=np.float64), np.asarray(stable, dtype=np.float64)
    status = np.asarray(status)
    levels = _log_levels(naive, stable)
    shapes = _failure_shading(x, np.isin(status, ["inf", "nan", "zero"]))
    annotations = []
    if x[0] <= x0 <= x[-1]:
        shapes.append(vline(x0, width=2))
        annotations.append(
            {
                "x": x0,
                "y": 1.0,
                "yref": "paper",
                "text": text["current"],
                "showarrow": False,
                "yshift": 16,
                "font": {"size": TEXT_SIZE},
            }
        )
    return {
        "data": _stability_traces(x, naive, stable, status, levels, text),
        "layout": layout(
            text["title"],
            height=STABILITY_HEIGHT,
            annotations=annotations,
            xaxis={"title": {"text": text["x"]}, "range": [float(x[0]), float(x[-1])]},
            yaxis={
                "title": {"text": text["loss"], "standoff": 12},
                "type": "log",
                "range": [levels["bottom"], levels["top"]],
                "dtick": _log_ticks(levels["low"], levels["high"]),
                "exponentformat": "power",
            },
            shapes=shapes,
            legend=legend_below(columns=2),
            margin={"l": 100, "b": 150},
        ),
    }
