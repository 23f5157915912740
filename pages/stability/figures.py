"""Figures of the stability page: bars that show NaN explicitly, and where each float type breaks.

Pure functions: lists and translated labels in, a plain Plotly dict out (see ``style.layout``;
no slow object validation on every rerun). A value that is not a number is never dropped: it gets
a hatched, BROKEN-coloured placeholder bar at full height, labelled ``NaN`` or ``inf``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from lab import numbers
from lab.charts import BROKEN, INK, NEGATIVE, TEXT_SIZE, layout

_BAR_TEXT_UP_TO = 12  # classes: more than that and the printed values would overlap
_TICKS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


@dataclass(frozen=True)
class Series:
    """One group of bars: a legend name, one value per class, a colour."""

    name: str
    values: Sequence[float]
    colour: str


def _spelled(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    return "inf" if value > 0 else "−inf"


def bars_figure(labels: Sequence[str], series: Sequence[Series], text: dict[str, str]) -> dict:
    """Return grouped bars of probabilities, one group per class, NaN/inf as placeholder bars.

    ``text`` holds the translated ``title``, ``a`` (y axis), ``class`` (x axis) and ``broken``
    (the legend name of the placeholder bars). Each series' placeholders share its offset group,
    so they stand exactly where the missing bar would be.
    """
    labels = list(labels)
    show_text = len(labels) <= _BAR_TEXT_UP_TO
    data: list[dict] = []
    for group, item in enumerate(series):
        values = [float(v) for v in item.values]
        finite = [v if math.isfinite(v) else None for v in values]
        data.append(
            {
                "type": "bar",
                "x": labels,
                "y": finite,
                "name": item.name,
                "offsetgroup": str(group),
                "marker": {"color": item.colour},
                "text": [numbers.bar(v) if v is not None else "" for v in finite]
                if show_text
                else None,
                "textposition": "outside",
                "textfont": {"size": TEXT_SIZE},
                "cliponaxis": False,
                "hovertemplate": "%{x}: %{y:.6g}<extra>" + item.name + "</extra>",
                "showlegend": len(series) > 1,
            }
        )
        broken = [k for k, v in enumerate(values) if not math.isfinite(v)]
        if broken:
            data.append(
                {
                    "type": "bar",
                    "x": [labels[k] for k in broken],
                    "y": [1.0] * len(broken),
                    "name": text["broken"],
                    "offsetgroup": str(group),
                    "marker": {
                        "color": "rgba(204, 121, 167, 0.25)",
                        "line": {"color": BROKEN, "width": 3},
                        "pattern": {"shape": "/", "fgcolor": BROKEN, "solidity": 0.3},
                    },
                    "text": [_spelled(values[k]) for k in broken],
                    "textposition": "inside",
                    "insidetextanchor": "middle",
                    "textfont": {"size": round(1.3 * TEXT_SIZE), "color": INK},
                    "hovertemplate": "%{x}: %{text}<extra>" + item.name + "</extra>",
                    "legendgroup": "broken",
                    "showlegend": not any(d["name"] == text["broken"] for d in data),
                }
            )
    has_broken = any(d["name"] == text["broken"] for d in data)
    return {
        "data": data,
        "layout": layout(
            text["title"],
            barmode="group",
            showlegend=len(series) > 1 or has_broken,
            margin={"b": 80},
            yaxis={"range": [0, 1.18], "title": {"text": text["a"]}},
            xaxis={"title": {"text": text["class"], "standoff": 14}, "type": "category"},
        ),
    }


def _runs(finite: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """Return ``(start, stop, finite)`` runs; ``stop`` is the first index of the next run."""
    runs: list[tuple[int, int, bool]] = []
    start = 0
    for i in range(1, len(finite) + 1):
        if i == len(finite) or finite[i] != finite[start]:
            runs.append((start, min(i, len(finite) - 1), finite[start]))
            start = i
    return runs


def sweep_figure(
    x: Sequence[float],
    rows: Sequence[tuple[str, Sequence[float]]],
    thresholds: Sequence[tuple[float, str]],
    text: dict[str, str],
) -> dict:
    """Return one horizontal strip per row: blue where the value is a number, purple where not.

    ``rows`` are ``(label, values over x)``, top to bottom; ``thresholds`` are ``(x, label)``
    drawn as dashed vertical lines. ``text`` holds ``title``, ``x`` (axis title), ``finite`` and
    ``nan`` (legend names). The x axis is logarithmic.
    """
    x = [float(v) for v in x]
    strips = {True: ([], [], []), False: ([], [], [])}  # x, y, value, with None gaps
    for label, values in rows:
        values = [float(v) for v in values]
        for start, stop, finite in _runs([math.isfinite(v) for v in values]):
            xs, ys, shown = strips[finite]
            xs.extend([*x[start : stop + 1], None])
            ys.extend([label] * (stop + 1 - start) + [None])
            shown.extend([*values[start : stop + 1], None] if finite else [])
    data = []
    for finite, colour, name in ((True, NEGATIVE, text["finite"]), (False, BROKEN, text["nan"])):
        xs, ys, shown = strips[finite]
        value = "%{customdata:.6g}" if finite else text["nan"]
        data.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "customdata": shown if finite else None,
                "mode": "lines",
                "line": {"color": colour, "width": 22},
                "name": name,
                "hovertemplate": f"x = %{{x:.6g}}<br>a₁ = {value}<extra>%{{y}}</extra>",
                "connectgaps": False,
            }
        )
    ticks = [v for v in _TICKS if x[0] <= v <= x[-1]]
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=170 + 48 * len(rows),
            margin={"l": 170, "t": 100, "b": 120},
            hovermode="closest",
            legend={"yanchor": "top", "y": -0.32, "xanchor": "right", "x": 1},
            shapes=[
                {
                    "type": "line",
                    "x0": value,
                    "x1": value,
                    "xref": "x",
                    "y0": 0,
                    "y1": 1,
                    "yref": "paper",
                    "line": {"color": INK, "width": 2, "dash": "dash"},
                }
                for value, _ in thresholds
            ],
            annotations=[
                {
                    "x": math.log10(value),  # annotations on a log axis take log10 (shapes do not)
                    "y": 1.0,
                    "xref": "x",
                    "yref": "paper",
                    "text": label,
                    "showarrow": False,
                    "yanchor": "bottom",
                    "font": {"size": TEXT_SIZE},
                    "bgcolor": "white",
                }
                for value, label in thresholds
            ],
            xaxis={
                "type": "log",
                "title": {"text": text["x"], "standoff": 12},
                "range": [math.log10(x[0]), math.log10(x[-1]) + 0.02],  # room for the last tick
                "tickvals": ticks,
                "ticktext": [numbers.sig(v) for v in ticks],
            },
            yaxis={
                "type": "category",
                "categoryorder": "array",
                "categoryarray": [label for label, _ in rows][::-1],
                "showgrid": False,
            },
        ),
    }
