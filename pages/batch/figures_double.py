"""Figures of the Batch page's double-softmax section: each row correct beside the mistake."""

from __future__ import annotations

from collections.abc import Sequence

from lab import numbers
from lab.charts import SERIES, TEXT_SIZE, layout
from pages.batch.figures import BELOW, HEADROOM, finite_or_none, row_names, tallest

RIGHT, WRONG = SERIES[0], SERIES[1]
BAND = "rgba(213, 94, 0, 0.15)"  # the range the double-softmax loss cannot leave


def _pair(right: Sequence[float], wrong: Sequence[float], text: dict[str, str]) -> list[dict]:
    names = row_names(len(right))
    traces = []
    for values, name, colour in ((right, text["right"], RIGHT), (wrong, text["wrong"], WRONG)):
        values = [float(v) for v in values]
        traces.append(
            {
                "type": "bar",
                "x": names,
                "y": finite_or_none(values),
                "name": name,
                "marker": {"color": colour},
                "text": [numbers.bar(v, 2) for v in values],
                "textposition": "outside",
                "textfont": {"size": TEXT_SIZE - 4},
                "cliponaxis": False,
                "hovertemplate": "%{x}: %{y:.6g}<extra>" + name + "</extra>",
            }
        )
    return traces


def double_losses_figure(
    right: Sequence[float], wrong: Sequence[float], window: tuple[float, float], text: dict
) -> dict:
    """Return each row's loss, correct beside double-softmaxed, with the mistake's narrow window.

    ``text``: ``title``, ``row``, ``loss``, ``right``, ``wrong``, ``window``.
    """
    low, high = window
    band = {
        "type": "rect",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": low,
        "y1": high,
        "fillcolor": BAND,
        "line": {"width": 0},
        "layer": "below",
    }
    window_key = {  # the band's entry in the legend: a square of its colour
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": {"symbol": "square", "size": 14, "color": BAND},
        "name": text["window"],
    }
    return {
        "data": [*_pair(right, wrong, text), window_key],
        "layout": layout(
            text["title"],
            barmode="group",
            legend=BELOW,
            shapes=[band],
            margin={"b": 150},
            xaxis={"title": {"text": text["row"]}, "type": "category"},
            yaxis={
                "title": {"text": text["loss"]},
                "range": [0, HEADROOM * tallest([*right, *wrong], high)],
            },
        ),
    }


def double_gradients_figure(right: Sequence[float], wrong: Sequence[float], text: dict) -> dict:
    """Return each row's gradient length, correct beside double-softmaxed.

    ``text``: ``title``, ``row``, ``norm``, ``right``, ``wrong``.
    """
    return {
        "data": _pair(right, wrong, text),
        "layout": layout(
            text["title"],
            barmode="group",
            legend=BELOW,
            margin={"b": 130},
            xaxis={"title": {"text": text["row"]}, "type": "category"},
            yaxis={
                "title": {"text": text["norm"]},
                "range": [0, HEADROOM * tallest([*right, *wrong])],
            },
        ),
    }
