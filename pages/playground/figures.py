"""Figures of the Playground: the softmax bars with the one-hot target, the gradient, -ln p.

Built as plain Plotly dicts (see ``lab.charts.layout``): they are redrawn on every keystroke.
Each chart's legend says what its colours mean (legend-only traces, after the data traces).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import NEGATIVE, OTHER, POSITIVE, PREDICTED, TEXT_SIZE, TRUE_CLASS, layout, merged

PROBABILITY_TOP = 1.3  # y range of the softmax bars: room above 1 for the values and "argmax"
GRADIENT_ROOM = 1.45  # the gradient's y range is this times its largest bar, both ways: room
# for the value printed beyond each bar
ARGMAX_ARROW = 45  # length of the "argmax" arrow, in pixels
NEG_LOG_TOP = (5.0, 12.0)  # the -ln p axis shows at least 5 and at most 12
LEGEND_ROOM = 104  # bottom margin for the tick labels and two rows of the colour key, pixels
LEGEND_TEXT = 14  # the colour key's text, smaller than the axes'


def legend_below(columns: int) -> dict:
    """Return the layout that puts the colour key at the chart's foot, in ``columns`` columns.

    Anchored to the bottom of the whole chart (not to the plot), so it never covers the class
    labels; the x axis needs no title, the chart's title names it.
    """
    return {
        "legend": {
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "entrywidth": 1 / columns,
            "entrywidthmode": "fraction",
            "font": {"size": LEGEND_TEXT},
        },
        "margin": {"b": LEGEND_ROOM},
    }


def legend_entry(name: str, colour: str, outline: bool = False) -> dict:
    """Return a trace that only shows ``name`` in the legend, in ``colour`` (a key, no data)."""
    marker = (
        {"color": "rgba(0,0,0,0)", "line": {"color": colour, "width": 3}}
        if outline
        else {"color": colour}
    )
    return {
        "type": "bar",
        "x": [None],
        "y": [None],
        "name": name,
        "marker": marker,
        "hoverinfo": "skip",
    }


def class_colours(classes: Sequence[int], target: int, predicted: int) -> list[str]:
    """Return a bar colour per class: the true class green, the predicted orange, others blue."""
    return [TRUE_CLASS if k == target else PREDICTED if k == predicted else OTHER for k in classes]


def probabilities_figure(
    a: np.ndarray,
    y: np.ndarray,
    classes: Sequence[int],
    names: Sequence[str],
    target: int,
    predicted: int,
    text: dict[str, str],
) -> dict:
    """Return the bar chart of ``a[classes]`` with ``y`` outlined and the argmax marked.

    ``text`` holds the translated ``probs`` (title), ``a`` (axis), ``y``, ``true``,
    ``predicted`` and ``other`` (legend), ``argmax`` and ``class`` (axis title).
    """
    classes = list(classes)
    names = list(names)
    values = [float(a[k]) for k in classes]
    bars = {
        "type": "bar",
        "x": names,
        "y": values,
        "name": text["a"],
        "showlegend": False,  # its colours are explained by the legend entries below
        "marker": {"color": class_colours(classes, target, predicted)},
        "text": [numbers.bar(v) for v in values],
        "textposition": "outside",
        "textfont": {"size": TEXT_SIZE},
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{y:.6g}<extra></extra>",
    }
    target_outline = {
        "type": "bar",
        "x": names,
        "y": [float(y[k]) for k in classes],
        "name": text["y"],
        "marker": {"color": "rgba(0,0,0,0)", "line": {"color": TRUE_CLASS, "width": 4}},
        "hovertemplate": "%{x}: y = %{y:.0f}<extra></extra>",
        "showlegend": False,
    }
    annotations = _argmax_arrow(classes, values, target, predicted, text["argmax"])
    legend = [
        legend_entry(text["true"], TRUE_CLASS),
        legend_entry(text["predicted"], PREDICTED),
        legend_entry(text["other"], OTHER),
        legend_entry(text["y"], TRUE_CLASS, outline=True),
    ]
    return {
        "data": [bars, target_outline, *legend],
        "layout": merged(
            layout(
                text["probs"],
                barmode="overlay",
                annotations=annotations,
                yaxis={"range": [0, PROBABILITY_TOP], "title": {"text": text["a"]}},
                xaxis={"type": "category"},
            ),
            legend_below(columns=2),
        ),
    }


def _argmax_arrow(
    classes: list[int], values: list[float], target: int, predicted: int, label: str
) -> list[dict]:
    """Return the "argmax" arrow over the predicted class's bar (none if it is not shown)."""
    annotations = []
    if predicted in classes:
        where = classes.index(predicted)  # a category's position: names like "5" read as numbers
        annotations.append(
            {
                "x": where,
                # above the target's outline when the prediction is right, not inside it
                "y": 1.0 if predicted == target else min(1.0, values[where]),
                "text": label,
                "showarrow": True,
                "arrowhead": 2,
                "arrowcolor": PREDICTED,
                "ax": 0,
                "ay": -ARGMAX_ARROW,
                "yshift": 22,
                "font": {"color": PREDICTED, "size": TEXT_SIZE},
            }
        )
    return annotations


def gradient_figure(
    grad: np.ndarray, classes: Sequence[int], names: Sequence[str], text: dict[str, str]
) -> dict:
    """Return the bar chart of ``grad[classes]``: negative bars blue, positive vermillion.

    ``text`` holds ``title``, ``grad`` and ``class`` (axes), ``negative`` and ``positive``
    (the legend: what each colour does to its logit under gradient descent).
    """
    values = [float(grad[k]) for k in classes]
    finite = [abs(v) for v in values if np.isfinite(v)]
    top = max(finite, default=1.0) or 1.0
    bars = {
        "type": "bar",
        "x": list(names),
        "y": values,
        "marker": {"color": [NEGATIVE if v < 0 else POSITIVE for v in values]},
        "text": [numbers.bar(v) for v in values],
        "textposition": "outside",
        "textfont": {"size": TEXT_SIZE},
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{y:.6g}<extra></extra>",
        "showlegend": False,
    }
    legend = [legend_entry(text["negative"], NEGATIVE), legend_entry(text["positive"], POSITIVE)]
    return {
        "data": [bars, *legend],
        "layout": merged(
            layout(
                text["title"],
                yaxis={
                    "range": [-GRADIENT_ROOM * top, GRADIENT_ROOM * top],
                    "title": {"text": text["grad"]},
                },
                xaxis={"type": "category"},
            ),
            legend_below(columns=1),
        ),
    }


def neg_log_figure(
    p: np.ndarray, neg_log_p: np.ndarray, a_j: float, loss: float, text: dict[str, str]
) -> dict:
    """Return the curve ``-ln p`` over ``p`` with the current ``(a_j, loss)`` marked."""
    data = [
        {
            "type": "scatter",
            "x": p.tolist(),
            "y": neg_log_p.tolist(),
            "mode": "lines",
            "line": {"color": NEGATIVE, "width": 3},
            "name": "−ln p",
        }
    ]
    if np.isfinite(loss):
        data.append(
            {
                "type": "scatter",
                "x": [a_j],
                "y": [loss],
                "mode": "markers+text",
                "marker": {"color": TRUE_CLASS, "size": 16, "line": {"color": "white", "width": 2}},
                "text": [f"a_j = {numbers.bar(a_j)}, L = {numbers.bar(loss)}"],
                "textposition": "top right",
                "textfont": {"size": TEXT_SIZE},
                "name": text["current"],
            }
        )
    low, high = NEG_LOG_TOP
    top = max(low, min(float(np.max(neg_log_p)), high))
    return {
        "data": data,
        "layout": layout(
            text["title"],
            showlegend=False,
            xaxis={"title": {"text": text["p"]}, "range": [0, 1.02]},
            yaxis={"title": {"text": text["loss"]}, "range": [0, top]},
        ),
    }
