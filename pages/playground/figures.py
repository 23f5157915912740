"""Figures of the Playground: the softmax bars with the one-hot target, the gradient, -ln p.

Built as plain Plotly dicts (see ``lab.charts.layout``): they are redrawn on every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import NEGATIVE, OTHER, POSITIVE, PREDICTED, TEXT_SIZE, TRUE_CLASS, layout, merged

TITLE_ROOM = 88  # top margin of the probabilities: the title on the top line, the legend under it
TITLE_PAD = 12  # the title's distance from the top edge
PROBABILITY_TOP = 1.18  # the y axis goes past 1: room for a full bar's label and the argmax arrow
ARROW_LENGTH, ARROW_LIFT = 45, 22  # the argmax arrow, and how far above its bar's label it starts
GRADIENT_ROOM = 1.25  # the gradient axis reaches 1.25 times the longest bar: room for its label
LOSS_TOP_MIN, LOSS_TOP_MAX = 5.0, 12.0  # the -ln p axis shows at least 5, at most 12


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

    ``text`` holds the translated ``title``, ``a`` and ``y`` (legend names), ``argmax`` and
    ``class`` (axis title).
    """
    classes = list(classes)
    names = list(names)
    values = [float(a[k]) for k in classes]
    bars = {
        "type": "bar",
        "x": names,
        "y": values,
        "name": text["a"],
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
    }
    annotations = (
        [] if predicted not in classes else [_argmax_arrow(classes, values, predicted, text)]
    )
    return {
        "data": [bars, target_outline],
        # The title on the top line, the legend under it: side by side they overlap.
        "layout": merged(
            layout(
                text["title"],
                barmode="overlay",
                annotations=annotations,
                margin={"t": TITLE_ROOM},
                yaxis={"range": [0, PROBABILITY_TOP], "title": {"text": text["a"]}},
                xaxis={"title": {"text": text["class"]}, "type": "category"},
            ),
            {"title": {"yref": "container", "y": 1.0, "yanchor": "top", "pad": {"t": TITLE_PAD}}},
        ),
    }


def _argmax_arrow(
    classes: list[int], values: list[float], predicted: int, text: dict[str, str]
) -> dict:
    """Return the annotation pointing down at the predicted class's bar."""
    where = classes.index(predicted)  # a category's position: names like "5" read as numbers
    return {
        "x": where,
        "y": min(1.0, values[where]),
        "text": text["argmax"],
        "showarrow": True,
        "arrowhead": 2,
        "arrowcolor": PREDICTED,
        "ax": 0,
        "ay": -ARROW_LENGTH,
        "yshift": ARROW_LIFT,
        "font": {"color": PREDICTED, "size": TEXT_SIZE},
    }


def gradient_figure(
    grad: np.ndarray, classes: Sequence[int], names: Sequence[str], text: dict[str, str]
) -> dict:
    """Return the bar chart of ``grad[classes]``: negative bars blue, positive vermillion."""
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
    return {
        "data": [bars],
        "layout": layout(
            text["title"],
            yaxis={
                "range": [-GRADIENT_ROOM * top, GRADIENT_ROOM * top],
                "title": {"text": text["grad"]},
            },
            xaxis={"title": {"text": text["class"]}, "type": "category"},
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
    top = max(LOSS_TOP_MIN, min(float(np.max(neg_log_p)), LOSS_TOP_MAX))
    return {
        "data": data,
        "layout": layout(
            text["title"],
            showlegend=False,
            xaxis={"title": {"text": text["p"]}, "range": [0, 1.02]},
            yaxis={"title": {"text": text["loss"]}, "range": [0, top]},
        ),
    }
