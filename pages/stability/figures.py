"""Figures of the stability page: bars that show NaN explicitly, and where each float type breaks.

Pure functions: lists and translated labels in, a plain Plotly dict out (``lab.charts.layout``;
no slow object validation on every rerun). A value that is not a number is never dropped: it gets
a hatched, BROKEN-coloured placeholder bar at full height, labelled ``NaN`` or ``inf``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from lab import numbers
from lab.charts import BROKEN, HEIGHT, INK, NEGATIVE, TEXT_SIZE, layout

_BAR_TEXT_UP_TO = 12  # classes: more than that and the printed values would overlap
_BAR_Y_TOP = 1.18  # a probability axis up to 1, with room above a bar of 1 for its value
_PLACEHOLDER_TEXT = 1.3  # NaN / inf on a placeholder bar, this many times the bars' text size
_STRIP_WIDTH = 22  # px: the sweep's strips, one per formula and float type
_SWEEP_HEIGHT, _SWEEP_ROW_HEIGHT = 170, 48  # px: title, axis and legend; then each strip
BROKEN_FILL = "rgba(204, 121, 167, 0.25)"  # BROKEN, see-through: the placeholder bars' fill
_TICKS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
#: px: both bar charts beside the logits on a projector, under the tabs and presets (1280×720)
BARS_HEIGHT_PRESENTED = 320
#: px: softmax(z), softmax(z − c) and the naive formula, with their legend under the axis (on a
#: phone it takes four lines, and the plot keeps enough of the height)
GROUPED_BARS_HEIGHT = 460
#: Under the x axis, at the figure's foot (Plotly makes room): on a phone a legend of several
#: series wraps onto more lines, which above the plot would run into the title.
_LEGEND_BELOW = {"yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left"}


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


def _bar_trace(labels: list[str], item: Series, group: int, single: bool, labelled: bool) -> dict:
    """Return the bars of ``item``'s finite values (gaps where a value is not a number), with
    their values printed above them if ``labelled`` and there are few enough classes."""
    finite = [float(v) if math.isfinite(v) else None for v in item.values]
    return {
        "type": "bar",
        "x": labels,
        "y": finite,
        "name": item.name,
        "offsetgroup": str(group),
        "marker": {"color": item.colour},
        "text": [numbers.bar(v) if v is not None else "" for v in finite]
        if labelled and len(labels) <= _BAR_TEXT_UP_TO
        else None,
        "textposition": "outside",
        "textfont": {"size": TEXT_SIZE},
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{y:.6g}<extra>" + item.name + "</extra>",
        "showlegend": not single,
    }


def _placeholder_trace(
    labels: list[str], values: list[float], broken: list[int], group: int, name: str, series: str
) -> dict:
    """Return full-height hatched bars, labelled ``NaN`` or ``inf``, at the ``broken`` classes."""
    return {
        "type": "bar",
        "x": [labels[k] for k in broken],
        "y": [1.0] * len(broken),
        "name": name,
        "offsetgroup": str(group),
        "marker": {
            "color": BROKEN_FILL,
            "line": {"color": BROKEN, "width": 3},
            "pattern": {"shape": "/", "fgcolor": BROKEN, "solidity": 0.3},
        },
        "text": [_spelled(values[k]) for k in broken],
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textfont": {"size": round(_PLACEHOLDER_TEXT * TEXT_SIZE), "color": INK},
        "hovertemplate": "%{x}: %{text}<extra>" + series + "</extra>",
        "legendgroup": "broken",
    }


def bars_figure(
    labels: Sequence[str],
    series: Sequence[Series],
    text: dict[str, str],
    *,
    height: int = HEIGHT,
    legend: bool = True,
) -> dict:
    """Return grouped bars of probabilities, one group per class, NaN/inf as placeholder bars.

    ``text`` holds the translated ``title``, ``a`` (y axis), ``class`` (x axis) and ``broken``
    (the legend name of the placeholder bars). Each series' placeholders share its offset group,
    so they stand exactly where the missing bar would be. ``height`` is in pixels; ``legend``
    False leaves out the legend of a single series (its placeholders say NaN or inf themselves),
    for a chart too narrow for the legend beside the title. The legend of several series goes
    under the plot, and only the first series has its values printed over its bars: three
    values side by side run into each other on a phone (the page's table gives all the digits).
    """
    labels = list(labels)
    data: list[dict] = []
    for group, item in enumerate(series):
        single = len(series) == 1
        data.append(_bar_trace(labels, item, group, single=single, labelled=group == 0))
        values = [float(v) for v in item.values]
        broken = [k for k, v in enumerate(values) if not math.isfinite(v)]
        if broken:
            placeholder = _placeholder_trace(
                labels, values, broken, group, text["broken"], item.name
            )
            placeholder["showlegend"] = not any(d["name"] == text["broken"] for d in data)
            data.append(placeholder)
    has_broken = any(d["name"] == text["broken"] for d in data)
    below = {"legend": _LEGEND_BELOW} if len(series) > 1 else {}
    return {
        "data": data,
        "layout": layout(
            text["title"],
            height=height,
            barmode="group",
            showlegend=len(series) > 1 or (has_broken and legend),
            margin={"b": 80},
            yaxis={"range": [0, _BAR_Y_TOP], "title": {"text": text["a"]}},
            xaxis={"title": {"text": text["class"], "standoff": 14}, "type": "category"},
            **below,
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


def _strips(x: list[float], rows: Sequence[tuple[str, Sequence[float]]], text: dict) -> list:
    """Return two line traces: the runs where each row is a number, and where it is not."""
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
                "line": {"color": colour, "width": _STRIP_WIDTH},
                "name": name,
                "hovertemplate": f"x = %{{x:.6g}}<br>a₁ = {value}<extra>%{{y}}</extra>",
                "connectgaps": False,
            }
        )
    return data


def _threshold_lines(thresholds: Sequence[tuple[float, str]]) -> list[dict]:
    """Return a dashed vertical line at each threshold's x."""
    return [
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
    ]


def _threshold_labels(thresholds: Sequence[tuple[float, str]]) -> list[dict]:
    """Return each threshold's label, above the plot at its x."""
    return [
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
    ]


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
    ticks = [v for v in _TICKS if x[0] <= v <= x[-1]]
    return {
        "data": _strips(x, rows, text),
        "layout": layout(
            text["title"],
            height=_SWEEP_HEIGHT + _SWEEP_ROW_HEIGHT * len(rows),
            margin={"l": 170, "t": 100, "b": 120},
            hovermode="closest",
            legend={"yanchor": "top", "y": -0.32, "xanchor": "right", "x": 1},
            shapes=_threshold_lines(thresholds),
            annotations=_threshold_labels(thresholds),
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
