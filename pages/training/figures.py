"""Figures of the Training page: animated softmax bars, animated decision regions, their curves.

The animations are Plotly frames with a play / pause button and a step slider, so they run in
the browser without a rerun. A frame holds only what changes (bar heights, the region grid, the
subtitle). Built as plain Plotly dicts (see ``style.layout``). ``text`` dicts hold the
translated strings; ``frame`` strings are templates filled with each frame's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab import numbers
from lab.charts import GRID, INK, OTHER, SERIES, TEXT_SIZE, TRUE_CLASS, layout

TOP, BOTTOM = 100, 160  # room for the title with its per-frame subtitle, and for the controls


def _g(value: float) -> str:
    """Return ``value`` with 4 significant digits (∞ and NaN spelled out)."""
    return f"{value:.4g}" if np.isfinite(value) else numbers.bar(value)


def _tint(colour: str, amount: float) -> str:
    """Return ``colour`` mixed with white: ``amount`` 1 keeps it, 0 gives white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - amount * (255 - c)):02x}" for c in rgb)


def _title(title: str, subtitle: str) -> dict:
    """Return the title entry of a frame: the title and, under it, the frame's own numbers."""
    return {
        "text": title,
        "subtitle": {"text": subtitle, "font": {"size": TEXT_SIZE, "color": INK}},
    }


def _with_title(spec_layout: dict, title: str, subtitle: str) -> dict:
    """Return ``spec_layout`` with its title (styled by ``style.layout``) and a subtitle."""
    spec_layout["title"].update(_title(title, subtitle))
    return spec_layout


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


def _animation_controls(
    names: Sequence[str], text: dict[str, str], height: int, duration: int
) -> dict:
    """Return layout entries for play / pause buttons and a slider with one step per frame."""
    below_axis = -75 / (height - TOP - BOTTOM)  # 75 px under the plot, past the axis title
    # A full redraw per frame: bars animated without it lose their subtitle update.
    play = {"frame": {"duration": duration, "redraw": True}, "fromcurrent": True}
    play["transition"] = {"duration": 0}
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}
    still["transition"] = {"duration": 0}
    buttons = {
        "type": "buttons",
        "direction": "left",
        "x": 0.0,
        "xanchor": "left",
        "y": below_axis,
        "yanchor": "top",
        "pad": {"r": 10, "t": 0},
        "showactive": False,
        "font": {"size": TEXT_SIZE},
        "buttons": [
            {"label": text["play"], "method": "animate", "args": [None, play]},
            {"label": text["pause"], "method": "animate", "args": [[None], still]},
        ],
    }
    slider = {
        "active": 0,
        "x": 0.3,
        "len": 0.7,
        "y": below_axis,
        "yanchor": "top",
        "pad": {"t": 0, "b": 0},
        "font": {"color": "rgba(0,0,0,0)"},  # 60 tick labels would overlap
        "currentvalue": {
            "prefix": text["step"],
            "xanchor": "right",
            "font": {"size": TEXT_SIZE, "color": INK},
        },
        "steps": [{"label": name, "method": "animate", "args": [[name], still]} for name in names],
    }
    return {"updatemenus": [buttons], "sliders": [slider]}


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
) -> dict:
    """Return the bars of ``a`` at each of ``steps`` as frames, the target ``optimum`` outlined.

    ``a``, ``z`` are (F, K), ``loss`` and ``grad_norm`` (F,), one row per frame. When the optimum
    of the true class is below 1 (label smoothing) it is drawn as a dashed line. ``text`` holds
    ``title``, ``frame`` (a template with ``{step}``, ``{loss}``, ``{norm}``), ``a``, ``q``,
    ``optimum`` (with ``{value}``), ``class``, ``play``, ``pause``, ``step``.
    """
    names = list(names)
    labels = [str(int(s)) for s in steps]
    height = 560

    def moving(f: int) -> dict:
        """Return what changes from frame to frame: the bar heights, their text, the logits."""
        values = [float(v) for v in a[f]]
        return {
            "type": "bar",
            "y": values,
            "text": [numbers.bar(v) for v in values],
            "customdata": [float(v) for v in z[f]],
        }

    def subtitle(f: int) -> str:
        return text["frame"].format(step=labels[f], loss=_g(loss[f]), norm=_g(grad_norm[f]))

    bars = {
        **moving(0),
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
    shapes, annotations = [], []
    if optimum[target] < 1:
        label = text["optimum"].format(value=_g(optimum[target]))
        line, note = _dashed_level(float(optimum[target]), label, TRUE_CLASS, "above")
        shapes, annotations = [line], [note]
    frames = [
        {
            "name": labels[f],
            "data": [moving(f)],
            "traces": [0],
            "layout": {"title": _title(text["title"], subtitle(f))},
        }
        for f in range(len(labels))
    ]
    return {
        "data": [bars, outline],
        "layout": _with_title(
            layout(
                "",
                height=height,
                margin={"t": TOP, "b": BOTTOM},
                barmode="overlay",
                shapes=shapes,
                annotations=annotations,
                yaxis={"range": [0, 1.2], "title": {"text": text["a"]}},
                xaxis={"title": {"text": text["class"]}, "type": "category"},
                **_animation_controls(labels, text, height, duration=80),
            ),
            text["title"],
            subtitle(0),
        ),
        "frames": frames,
    }


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
        label = text["floor"].format(value=_g(min_loss))
        line, note = _dashed_level(min_loss, label, SERIES[0], "log")
        shapes, annotations = [line], [note]
    return {
        "data": [_curve(loss, text["loss"], SERIES[0]), _curve(grad_norm, text["norm"], SERIES[1])],
        "layout": layout(
            text["title"],
            height=420,
            margin={"l": 100, "t": 90},
            legend={"y": 1.0},
            shapes=shapes,
            annotations=annotations,
            xaxis=_step_axis(text),
            yaxis={
                "type": "log",
                "title": {"text": text["log"], "standoff": 12},
                "exponentformat": "power",
                "dtick": 1,
            },
        ),
    }


def _class_colourscale(num_classes: int) -> list[list]:
    """Return a stepped colour scale: class k (the value k) in a pale version of SERIES[k]."""
    scale = []
    for k in range(num_classes):
        colour = _tint(SERIES[k % len(SERIES)], 0.3)
        scale += [[k / num_classes, colour], [(k + 1) / num_classes, colour]]
    return scale


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
    height = 700

    def subtitle(f: int) -> str:
        share = f"{100 * accuracy[f]:.1f}%"
        return text["frame"].format(step=frame_names[f], loss=_g(loss[f]), accuracy=share)

    heatmap = {
        "type": "heatmap",
        "x": x_list,
        "y": y_list,
        "z": regions[0].tolist(),
        "zmin": -0.5,
        "zmax": k - 0.5,
        "colorscale": _class_colourscale(k),
        "showscale": False,
        "hoverinfo": "skip",
    }
    points = [
        {
            "type": "scatter",
            "x": [float(v) for v in X[labels == c, 0]],
            "y": [float(v) for v in X[labels == c, 1]],
            "mode": "markers",
            "name": names[c],
            "marker": {
                "color": SERIES[c % len(SERIES)],
                "size": 9,
                "line": {"color": "white", "width": 1},
            },
            "hovertemplate": f"{names[c]}: (%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
        }
        for c in range(k)
    ]
    frames = [
        {
            "name": frame_names[f],
            "data": [{"type": "heatmap", "z": regions[f].tolist()}],
            "traces": [0],
            "layout": {"title": _title(text["title"], subtitle(f))},
        }
        for f in range(len(frame_names))
    ]
    return {
        "data": [heatmap, *points],
        "layout": _with_title(
            layout(
                "",
                height=height,
                margin={"t": TOP, "b": BOTTOM},
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
                **_animation_controls(frame_names, text, height, duration=120),
            ),
            text["title"],
            subtitle(0),
        ),
        "frames": frames,
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
        "layout": layout(
            text["title"],
            height=420,
            margin={"r": 100, "t": 90},
            legend={"y": 1.0},
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
        ),
    }
