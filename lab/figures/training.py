"""Figures of the Training page: animated softmax bars, animated decision regions, their curves.

The animations are Plotly frames with a play / pause button and a step slider, so they run in
the browser without a rerun. ``text`` dicts hold the translated strings; ``frame`` strings are
templates filled with each frame's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .style import (
    GRID,
    INK,
    OTHER,
    SERIES,
    TEXT_SIZE,
    TRUE_CLASS,
    base_layout,
    format_value,
)


def _g(value: float) -> str:
    """Return ``value`` with 4 significant digits (∞ and NaN spelled out)."""
    return f"{value:.4g}" if np.isfinite(value) else format_value(value)


def _tint(colour: str, amount: float) -> str:
    """Return ``colour`` mixed with white: ``amount`` 1 keeps it, 0 gives white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - amount * (255 - c)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _animation_controls(
    fig: go.Figure, names: Sequence[str], text: dict[str, str], *, redraw: bool, duration: int
) -> None:
    """Add play / pause buttons and a slider with one step per frame (tick labels hidden)."""
    play = {"frame": {"duration": duration, "redraw": redraw}, "fromcurrent": True}
    play["transition"] = {"duration": 0}
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": redraw}}
    still["transition"] = {"duration": 0}
    fig.update_layout(
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "xanchor": "left",
                "y": -0.16,
                "yanchor": "top",
                "pad": {"r": 10, "t": 0},
                "showactive": False,
                "font": {"size": 16},
                "buttons": [
                    {"label": text["play"], "method": "animate", "args": [None, play]},
                    {"label": text["pause"], "method": "animate", "args": [[None], still]},
                ],
            }
        ],
        sliders=[
            {
                "active": 0,
                "x": 0.25,
                "len": 0.75,
                "y": -0.1,
                "yanchor": "top",
                "pad": {"t": 10, "b": 0},
                "font": {"color": "rgba(0,0,0,0)"},  # 60 tick labels would overlap
                "currentvalue": {"prefix": text["step"], "font": {"size": 16, "color": INK}},
                "steps": [
                    {"label": name, "method": "animate", "args": [[name], still]} for name in names
                ],
            }
        ],
    )


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
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return the bars of ``a`` at each of ``steps`` as frames, the target ``optimum`` outlined.

    ``a``, ``z`` are (F, K), ``loss`` and ``grad_norm`` (F,), one row per frame. When the optimum
    of the true class is below 1 (label smoothing) it is drawn as a dashed line. ``text`` holds
    ``title``, ``frame`` (a template with ``{step}``, ``{loss}``, ``{norm}``), ``a``, ``q``,
    ``optimum`` (with ``{value}``), ``class``, ``play``, ``pause``, ``step``.
    """
    names = list(names)
    colours = [TRUE_CLASS if k == target else OTHER for k in range(len(names))]
    labels = [str(int(s)) for s in steps]

    def bars(f: int) -> go.Bar:
        values = [float(v) for v in a[f]]
        return go.Bar(
            x=names,
            y=values,
            name=text["a"],
            marker={"color": colours},
            text=[format_value(v) for v in values],
            textposition="outside",
            textfont={"size": round(TEXT_SIZE * scale)},
            cliponaxis=False,
            customdata=[float(v) for v in z[f]],
            hovertemplate="%{x}: a = %{y:.6g}<br>z = %{customdata:.6g}<extra></extra>",
        )

    def title(f: int) -> str:
        frame = text["frame"].format(step=labels[f], loss=_g(loss[f]), norm=_g(grad_norm[f]))
        return f"{text['title']}<br><sup>{frame}</sup>"

    fig = go.Figure(data=[bars(0)])
    fig.add_bar(
        x=names,
        y=[float(v) for v in optimum],
        name=text["q"],
        marker={"color": "rgba(0,0,0,0)", "line": {"color": TRUE_CLASS, "width": 4}},
        hovertemplate="%{x}: q = %{y:.6g}<extra></extra>",
    )
    fig.frames = [
        go.Frame(name=labels[f], data=[bars(f)], traces=[0], layout={"title": {"text": title(f)}})
        for f in range(len(labels))
    ]
    base_layout(fig, title(0), height=500, scale=scale)
    fig.update_layout(barmode="overlay", margin={"t": 90, "b": 150})
    if optimum[target] < 1:
        fig.add_hline(
            y=float(optimum[target]),
            line={"color": TRUE_CLASS, "dash": "dash", "width": 2},
            annotation={
                "text": text["optimum"].format(value=_g(optimum[target])),
                "font": {"color": TRUE_CLASS, "size": round(TEXT_SIZE * scale)},
                "bgcolor": "rgba(255,255,255,0.85)",
            },
            annotation_position="top right",
        )
    fig.update_yaxes(range=[0, 1.2], title=text["a"])
    fig.update_xaxes(title=text["class"], type="category")
    _animation_controls(fig, labels, text, redraw=False, duration=60)
    return fig


def descent_curves_figure(
    loss: np.ndarray,
    grad_norm: np.ndarray,
    min_loss: float,
    text: dict[str, str],
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return the loss and the gradient norm against the step, on a log y axis.

    A loss floor ``min_loss`` above 0 (label smoothing: H(q)) is drawn as a dashed line. Values
    that are exactly 0 cannot sit on a log axis; the page says so when there are any. ``text``
    holds ``title``, ``loss``, ``norm``, ``floor`` (with ``{value}``), ``steps``, ``log``.
    """
    steps = list(range(len(loss)))
    fig = go.Figure()
    for values, name, colour in (
        (loss, text["loss"], SERIES[0]),
        (grad_norm, text["norm"], SERIES[1]),
    ):
        fig.add_scatter(
            x=steps,
            y=[float(v) for v in values],
            mode="lines",
            name=name,
            line={"color": colour, "width": 3},
            hovertemplate=f"{name}<br>%{{x}}: %{{y:.6g}}<extra></extra>",
        )
    base_layout(fig, text["title"], height=420, scale=scale)
    if min_loss > 0:
        fig.add_hline(
            y=min_loss,
            line={"color": SERIES[0], "dash": "dash", "width": 2},
            annotation={
                "text": text["floor"].format(value=_g(min_loss)),
                "font": {"color": SERIES[0], "size": round(TEXT_SIZE * scale)},
                "bgcolor": "rgba(255,255,255,0.85)",
            },
            annotation_position="bottom left",
        )
    fig.update_yaxes(type="log", title=text["log"], exponentformat="power")
    fig.update_xaxes(title=text["steps"], showgrid=True, gridcolor=GRID)
    return fig


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
    *,
    scale: float = 1.0,
) -> go.Figure:
    """Return the decision regions (argmax class over a grid) at each of ``steps`` as frames.

    ``regions`` is (F, len(ys), len(xs)) of classes; ``loss`` and ``accuracy`` (F,) per frame.
    The points ``X`` (N, 2) are drawn on top in their class's colour. ``text`` holds ``title``,
    ``frame`` (a template with ``{step}``, ``{loss}``, ``{accuracy}``), ``x1``, ``x2``,
    ``play``, ``pause``, ``step``.
    """
    k = len(names)
    frame_names = [str(int(s)) for s in steps]
    x_list, y_list = [float(v) for v in xs], [float(v) for v in ys]

    def heatmap(f: int) -> go.Heatmap:
        return go.Heatmap(
            x=x_list,
            y=y_list,
            z=regions[f].tolist(),
            zmin=-0.5,
            zmax=k - 0.5,
            colorscale=_class_colourscale(k),
            showscale=False,
            hoverinfo="skip",
        )

    def title(f: int) -> str:
        frame = text["frame"].format(
            step=frame_names[f], loss=_g(loss[f]), accuracy=f"{100 * accuracy[f]:.1f}%"
        )
        return f"{text['title']}<br><sup>{frame}</sup>"

    fig = go.Figure(data=[heatmap(0)])
    for c in range(k):
        mine = labels == c
        fig.add_scatter(
            x=[float(v) for v in X[mine, 0]],
            y=[float(v) for v in X[mine, 1]],
            mode="markers",
            name=names[c],
            marker={
                "color": SERIES[c % len(SERIES)],
                "size": 9,
                "line": {"color": "white", "width": 1},
            },
            hovertemplate=f"{names[c]}: (%{{x:.3f}}, %{{y:.3f}})<extra></extra>",
        )
    fig.frames = [
        go.Frame(
            name=frame_names[f], data=[heatmap(f)], traces=[0], layout={"title": {"text": title(f)}}
        )
        for f in range(len(frame_names))
    ]
    base_layout(fig, title(0), height=640, scale=scale)
    fig.update_layout(margin={"t": 90, "b": 150})
    fig.update_xaxes(title=text["x1"], range=[x_list[0], x_list[-1]], constrain="domain")
    fig.update_yaxes(
        title=text["x2"], range=[y_list[0], y_list[-1]], scaleanchor="x", showgrid=False
    )
    _animation_controls(fig, frame_names, text, redraw=True, duration=120)
    return fig


def fit_curves_figure(
    loss: np.ndarray, accuracy: np.ndarray, text: dict[str, str], *, scale: float = 1.0
) -> go.Figure:
    """Return the mean training loss (left axis) and accuracy (right axis) against the step.

    ``text`` holds ``title``, ``loss``, ``accuracy``, ``steps``.
    """
    steps = list(range(len(loss)))
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_scatter(
        x=steps,
        y=[float(v) for v in loss],
        mode="lines",
        name=text["loss"],
        line={"color": SERIES[0], "width": 3},
        hovertemplate="%{x}: L = %{y:.6g}<extra></extra>",
    )
    fig.add_scatter(
        x=steps,
        y=[float(v) for v in accuracy],
        mode="lines",
        name=text["accuracy"],
        line={"color": SERIES[1], "width": 3},
        hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        secondary_y=True,
    )
    base_layout(fig, text["title"], height=420, scale=scale)
    fig.update_xaxes(title=text["steps"], showgrid=True, gridcolor=GRID)
    fig.update_yaxes(title=text["loss"], rangemode="tozero", secondary_y=False)
    fig.update_yaxes(
        title=text["accuracy"],
        range=[0, 1.02],
        tickformat=".0%",
        showgrid=False,
        secondary_y=True,
    )
    return fig
