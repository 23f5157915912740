"""The animated decision regions of the Training page's softmax regression."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab.charts import SERIES
from pages.training.animation import animated_layout, frames
from pages.training.view import loss_text, percent

REGIONS_HEIGHT = 700
REGIONS_FRAME_MS = 120
REGION_TINT = 0.3  # how much of a class's colour its region keeps (1 the full colour, 0 white)
POINT_SIZE = 9


def _tint(colour: str, amount: float) -> str:
    """Return ``colour`` mixed with white: ``amount`` 1 keeps it, 0 gives white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - amount * (255 - c)):02x}" for c in rgb)


def _class_colourscale(num_classes: int) -> list[list]:
    """Return a stepped colour scale: class k (the value k) in a pale version of SERIES[k]."""
    scale = []
    for k in range(num_classes):
        colour = _tint(SERIES[k % len(SERIES)], REGION_TINT)
        scale += [[k / num_classes, colour], [(k + 1) / num_classes, colour]]
    return scale


def _heatmap(xs: list[float], ys: list[float], regions: np.ndarray, num_classes: int) -> dict:
    """Return the grid of predicted classes ``regions`` (len(ys), len(xs)), class k in its tint."""
    return {
        "type": "heatmap",
        "x": xs,
        "y": ys,
        "z": regions.tolist(),
        "zmin": -0.5,
        "zmax": num_classes - 0.5,
        "colorscale": _class_colourscale(num_classes),
        "showscale": False,
        "hoverinfo": "skip",
    }


def _point_traces(X: np.ndarray, labels: np.ndarray, names: Sequence[str]) -> list[dict]:
    """Return one scatter trace per class: its points of ``X`` in the class's colour."""
    return [
        {
            "type": "scatter",
            "x": [float(v) for v in X[labels == c, 0]],
            "y": [float(v) for v in X[labels == c, 1]],
            "mode": "markers",
            "name": names[c],
            "marker": {
                "color": SERIES[c % len(SERIES)],
                "size": POINT_SIZE,
                "line": {"color": "white", "width": 1},
            },
            "hovertemplate": f"{names[c]}: (%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
        }
        for c in range(len(names))
    ]


def regions_animation_figure(
    xs: np.ndarray,
    ys: np.ndarray,
    regions: np.ndarray,
    steps: Sequence[int],
    loss: np.ndarray,
    accuracy: np.ndarray,
    X: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    text: dict[str, str],
) -> dict:
    """Return the decision regions (argmax class over a grid) at each of ``steps`` as frames.

    ``regions`` is (F, len(ys), len(xs)) of classes; ``loss`` and ``accuracy`` (F,) per frame.
    The points ``X`` (N, 2) are drawn on top in their class's colour. ``text`` holds ``title``,
    ``frame`` (a template with ``{step}``, ``{loss}``, ``{accuracy}``), ``x1``, ``x2``,
    ``play``, ``pause``, ``step``.
    """
    k = len(names)
    frame_names = [str(int(s)) for s in steps]
    x_list, y_list = [float(v) for v in xs], [float(v) for v in ys]

    def subtitle(f: int) -> str:
        share = percent(accuracy[f])
        return text["frame"].format(step=frame_names[f], loss=loss_text(loss[f]), accuracy=share)

    return {
        "data": [_heatmap(x_list, y_list, regions[0], k), *_point_traces(X, labels, names)],
        "layout": animated_layout(
            text["title"],
            subtitle(0),
            frame_names,
            text,
            height=REGIONS_HEIGHT,
            duration=REGIONS_FRAME_MS,
            xaxis={
                "title": {"text": text["x1"]},
                "range": [x_list[0], x_list[-1]],
                "constrain": "domain",
            },
            yaxis={
                "title": {"text": text["x2"]},
                "range": [y_list[0], y_list[-1]],
                "scaleanchor": "x",
                "constrain": "domain",
                "showgrid": False,
            },
        ),
        "frames": frames(
            frame_names,
            lambda f: {"type": "heatmap", "z": regions[f].tolist()},
            text["title"],
            subtitle,
        ),
    }
