"""Figures of the Training page's first part and the curves of both parts.

Built as plain Plotly dicts with :func:`lab.charts.layout`. ``text`` dicts hold the translated
strings; ``frame`` strings are templates filled with each frame's numbers. The decision regions
of the second part are in :mod:`pages.training.regions`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import GRID, INK, OTHER, SERIES, TEXT_SIZE, TRUE_CLASS, layout, merged
from pages.training.animation import LEGEND_TEXT, TITLE_PAD, animated_layout, frames
from pages.training.view import loss_text, probability_text

BARS_HEIGHT = 560
BARS_HEIGHT_PRESENTED = 440  # on a projector, under the inputs' first row (1280×720)
CURVES_HEIGHT = 420
CURVES_TOP = 104  # room above the plot: the title, then the colour key (two rows on a phone)
KEY_BELOW_TITLE = 44  # px from the chart's top edge to the colour key's top
BARS_FRAME_MS = 80
BARS_TOP = 1.2  # the y axis of a in [0, 1], with room for the value over a full bar


def _dashed_level(y: float, label: str, colour: str, position: str) -> tuple[dict, dict]:
    """Return a dashed horizontal line across the plot at ``y`` and its label, at the right."""
    line = {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"color": colour, "dash": "dash", "width": 2},
    }
    above = position == "above"
    annotation = {
        "xref": "paper",
        "x": 1,
        "xanchor": "right",
        "yref": "y",
        "y": float(np.log10(y)) if position == "log" else y,
        "yanchor": "bottom" if above else "top",
        "text": label,
        "showarrow": False,
        "font": {"color": colour, "size": TEXT_SIZE},
        "bgcolor": "rgba(255,255,255,0.85)",
    }
    return line, annotation


def _bar_traces(
    a0: np.ndarray, z0: np.ndarray, target: int, optimum: np.ndarray, names: list[str], text: dict
) -> list[dict]:
    """Return the bars of ``a`` at the first frame and the target ``optimum`` as outlines."""
    bars = {
        **_moving_bars(a0, z0),
        "x": names,
        "name": text["a"],
        "marker": {"color": [TRUE_CLASS if k == target else OTHER for k in range(len(names))]},
        "textposition": "outside",
        "textfont": {"size": TEXT_SIZE},
        "cliponaxis": False,
        "hovertemplate": "%{x}: a = %{y:.6g}<br>z = %{customdata:.6g}<extra></extra>",
    }
    outline = {
        "type": "bar",
        "x": names,
        "y": [float(v) for v in optimum],
        "name": text["q"],
        "marker": {"color": "rgba(0,0,0,0)", "line": {"color": TRUE_CLASS, "width": 4}},
        "hovertemplate": "%{x}: q = %{y:.6g}<extra></extra>",
    }
    return [bars, outline]


def _moving_bars(a: np.ndarray, z: np.ndarray) -> dict:
    """Return what changes from frame to frame: the bar heights, their text, the logits."""
    values = [float(v) for v in a]
    return {
        "type": "bar",
        "y": values,
        "text": [numbers.bar(v) for v in values],
        "customdata": [float(v) for v in z],
    }


def logit_animation_figure(
    steps: Sequence[int],
    a: np.ndarray,
    z: np.ndarray,
    loss: np.ndarray,
    grad_norm: np.ndarray,
    target: int,
    optimum: np.ndarray,
    names: Sequence[str],
    text: dict[str, str],
    height: int = BARS_HEIGHT,
) -> dict:
    """Return the bars of ``a`` at each of ``steps`` as frames, the target ``optimum`` outlined.

    ``a``, ``z`` are (F, K), ``loss`` and ``grad_norm`` (F,), one row per frame. When the optimum
    of the true class is below 1 (label smoothing) it is drawn as a dashed line. ``height`` is
    the chart's, in pixels (smaller on a projector). ``text`` holds
    ``title``, ``frame`` (a template with ``{step}``, ``{loss}``, ``{norm}``), ``a``, ``q``,
    ``optimum`` (with ``{value}``), ``play``, ``pause``, ``step``.
    """
    labels = [str(int(s)) for s in steps]

    def subtitle(f: int) -> str:
        numbers_now = {"loss": loss_text(loss[f]), "norm": loss_text(grad_norm[f])}
        return text["frame"].format(step=labels[f], **numbers_now)

    shapes, annotations = [], []
    if optimum[target] < 1:
        label = text["optimum"].format(value=probability_text(optimum[target]))
        line, note = _dashed_level(float(optimum[target]), label, TRUE_CLASS, "above")
        shapes, annotations = [line], [note]
    return {
        "data": _bar_traces(a[0], z[0], target, optimum, list(names), text),
        "layout": animated_layout(
            text["title"],
            subtitle(0),
            labels,
            text,
            height=height,
            duration=BARS_FRAME_MS,
            barmode="overlay",
            shapes=shapes,
            annotations=annotations,
            yaxis={"range": [0, BARS_TOP], "title": {"text": text["a"]}},
            xaxis={"type": "category"},  # the classes: 1, 2, ... as everywhere in the app
            x_title=False,
        ),
        "frames": frames(labels, lambda f: _moving_bars(a[f], z[f]), text["title"], subtitle),
    }


def _title_then_key(spec: dict) -> dict:
    """Return the layout ``spec`` with its title hung from the top edge and the colour key under it.

    Side by side (the key at the right of the title) they overlap on a phone, in Chinese.
    """
    height = spec["height"]
    hung = {"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": TITLE_PAD}}
    return merged(
        spec,
        {
            "title": hung,
            "legend": {
                "yref": "container",
                "y": 1 - KEY_BELOW_TITLE / height,
                "yanchor": "top",
                "x": 0,
                "xanchor": "left",
                "font": {"size": LEGEND_TEXT},
            },
        },
    )


def _curve(values: np.ndarray, name: str, colour: str, **extra: object) -> dict:
    return {
        "type": "scatter",
        "x": list(range(len(values))),
        "y": [float(v) for v in values],
        "mode": "lines",
        "name": name,
        "line": {"color": colour, "width": 3},
        "hovertemplate": f"{name}<br>%{{x}}: %{{y:.6g}}<extra></extra>",
        **extra,
    }


def _step_axis(text: dict[str, str]) -> dict:
    return {
        "title": {"text": text["steps"], "standoff": 8},
        "showgrid": True,
        "gridcolor": GRID,
        "automargin": True,
    }


def descent_curves_figure(
    loss: np.ndarray, grad_norm: np.ndarray, min_loss: float, text: dict[str, str]
) -> dict:
    """Return the loss and the gradient norm against the step, on a log y axis.

    A loss floor ``min_loss`` above 0 (label smoothing: H(q)) is drawn as a dashed line. Values
    that are exactly 0 or ∞ cannot sit on a log axis; the page says so when there are any.
    ``text`` holds ``title``, ``loss``, ``norm``, ``floor`` (with ``{value}``), ``steps``, ``log``.
    """
    shapes, annotations = [], []
    if min_loss > 0:
        label = text["floor"].format(value=loss_text(min_loss))
        line, note = _dashed_level(min_loss, label, SERIES[0], "log")
        shapes, annotations = [line], [note]
    return {
        "data": [_curve(loss, text["loss"], SERIES[0]), _curve(grad_norm, text["norm"], SERIES[1])],
        "layout": _title_then_key(
            layout(
                text["title"],
                height=CURVES_HEIGHT,
                margin={"l": 100, "t": CURVES_TOP},
                shapes=shapes,
                annotations=annotations,
                xaxis=_step_axis(text),
                yaxis={
                    "type": "log",
                    "title": {"text": text["log"], "standoff": 12},
                    "exponentformat": "power",
                    "dtick": 1,
                },
            )
        ),
    }


def fit_curves_figure(loss: np.ndarray, accuracy: np.ndarray, text: dict[str, str]) -> dict:
    """Return the mean training loss (left axis) and accuracy (right axis) against the step.

    ``text`` holds ``title``, ``loss``, ``accuracy``, ``steps``.
    """
    return {
        "data": [
            _curve(loss, text["loss"], SERIES[0]),
            _curve(accuracy, text["accuracy"], SERIES[1], yaxis="y2"),
        ],
        "layout": _title_then_key(
            layout(
                text["title"],
                height=CURVES_HEIGHT,
                margin={"r": 100, "t": CURVES_TOP},
                xaxis=_step_axis(text),
                yaxis={"title": {"text": text["loss"]}, "rangemode": "tozero"},
                yaxis2={
                    "title": {"text": text["accuracy"], "standoff": 12},
                    "overlaying": "y",
                    "side": "right",
                    "range": [0, 1.02],
                    "tickformat": ".0%",
                    "dtick": 0.2,
                    "showgrid": False,
                    "linecolor": INK,
                },
            )
        ),
    }
