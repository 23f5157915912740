"""One visual language for every chart: a colour-blind-safe palette, classroom-sized text, the
shared layout, and drawing a figure on the page (scaled up in presentation mode).

Colours are Okabe & Ito's (2008) palette, distinguishable with every common colour-vision
deficiency. Their meaning never changes from chart to chart.
"""

from __future__ import annotations

import copy

import plotly.graph_objects as go
import streamlit as st

from lab.presentation import presenting
from lab.safe_text import chart_label
from lab.streamlit_fixes.figure import Prebuilt

TRUE_CLASS = "#009E73"  # bluish green: the correct answer, y_j = 1
PREDICTED = "#E69F00"  # orange: the argmax, what the model would answer
OTHER = "#56B4E9"  # sky blue: every other class
NEGATIVE = "#0072B2"  # blue: a negative gradient (gradient descent pushes the logit up)
POSITIVE = "#D55E00"  # vermillion: a positive gradient (pushed down)
BROKEN = "#CC79A7"  # reddish purple: inf or NaN, a value that is not a number any more
INK = "#222222"
GRID = "#DDDDDD"
SERIES = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

HEIGHT = 380  # a chart's height on a laptop, in pixels
FONT_SIZE = 18  # readable from the back of a classroom
TEXT_SIZE = 16  # the values printed on the bars
TITLE_SIZE = 20


def merged(base: dict, extra: dict) -> dict:
    """Return ``base`` updated by ``extra``, nested dicts merged rather than replaced."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = (
            merged(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def layout(title: str, *, height: int = HEIGHT, **extra: object) -> dict:
    """Return the shared layout as a plain dict, with ``extra`` merged in.

    Figures built as plain dicts skip Plotly's slow object validation: the Playground redraws
    every chart on every keystroke, so its figures are dicts.
    """
    base = {
        "title": {"text": title, "font": {"size": TITLE_SIZE}, "x": 0.0},
        "font": {"size": FONT_SIZE, "color": INK},
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 60, "b": 64},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "right", "x": 1},
        "bargap": 0.25,
        # automargin: the axis titles move clear of the tick labels, whatever their width
        "xaxis": {"showgrid": False, "linecolor": INK, "ticks": "outside", "automargin": True},
        "yaxis": {"gridcolor": GRID, "zerolinecolor": INK, "linecolor": INK, "automargin": True},
    }
    return merged(base, extra)


CHART_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},  # a sharp PNG for slides
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


PRESENTED_FONT = 1.2  # presentation mode: chart text grows by this much, the height stays


def scaled(spec: dict) -> dict:
    """Return the figure dict ``spec`` with larger text for a projector in presentation mode."""
    if not presenting():
        return spec
    spec = copy.deepcopy(spec)
    layout = spec.setdefault("layout", {})
    font = layout.setdefault("font", {})
    font["size"] = font.get("size", FONT_SIZE) * PRESENTED_FONT
    title = layout.get("title")
    if isinstance(title, dict) and title.get("font", {}).get("size"):
        title["font"]["size"] *= PRESENTED_FONT
    for item in [*spec.get("data", []), *layout.get("annotations", [])]:
        for key in ("textfont", "font"):
            if isinstance(item.get(key), dict) and item[key].get("size"):
                item[key]["size"] *= PRESENTED_FONT
    return spec


def _labels_as_text(spec: dict) -> dict:
    """Return ``spec`` with the text categories of its traces (class names, which a user or a
    link may set) escaped: Plotly renders ``<a href>``, ``<b>`` and ``<br>`` in tick labels.

    Our own markup (``10<sup>−6</sup>``, ``<br>`` in hover templates) is never a category.
    """
    traces = []
    for trace in spec.get("data", []):
        escaped = {
            axis: [chart_label(v) if isinstance(v, str) else v for v in trace[axis]]
            for axis in ("x", "y")
            if isinstance(trace.get(axis), list) and any(isinstance(v, str) for v in trace[axis])
        }
        traces.append({**trace, **escaped} if escaped else trace)
    return {**spec, "data": traces}


def prepared(figure: dict | go.Figure) -> dict:
    """Return the figure as drawn: a dict, class names escaped, scaled for a projector."""
    spec = figure if isinstance(figure, dict) else figure.to_dict()
    return scaled(_labels_as_text(spec))


def chart(figure: dict | go.Figure, key: str) -> None:
    """Draw a figure (a Plotly dict or ``go.Figure``) with our own styling and a PNG download."""
    st.plotly_chart(Prebuilt(prepared(figure)), key=key, theme=None, config=CHART_CONFIG)
