"""The live sigmoid widget: drag x along σ(x) or the loss, and every mark at x follows the hand.

One Streamlit component (components v2) holding the sigmoid page's two figures, built in Python
with ce_core's numbers and drawn as they are at rest. While the hand moves (pointer, touch, or
the arrow keys on a focused chart) the browser computes σ(x), σ'(x), the loss and its gradient
in float64 (``live_sigmoid.js``: ce_core.binary's formulas, operation for operation) and moves
the points, their labels, the dotted line at x and the tangent in place, with no message to the
server. On release x goes to Python (``setStateValue``): ``on_release(x)`` runs before the rerun,
which shows ce_core's numbers, the link and the downloads. Plotly.js is the app's own copy
(:func:`lab.live.plotly_url`), no CDN.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from lab.charts import CHART_CONFIG, prepared
from lab.live.widget import plotly_url, script

HERE = Path(__file__).resolve().parent

_COMPONENT = st.components.v2.component(
    "ce_live_sigmoid",
    js=script("live_sigmoid.js"),
    css=(HERE / "live_sigmoid.css").read_text(encoding="utf-8"),
    isolate_styles=False,  # Plotly.js puts its styles in the page's <head>
)


@dataclass(frozen=True)
class LossDrag:
    """The loss figure over the slider's range, for a drag that starts from an x beyond it (at
    rest the loss chart was widened to reach that x), with its tangent's reach and its top."""

    figure: dict
    half_width: float
    top: float


@dataclass(frozen=True)
class SigmoidFigures:
    """The page's two figures at rest and the pieces the browser needs to redraw them anywhere.

    ``sigmoid``: σ and σ' (traces 0 and 1), the two points (trace 2, markers and text; absent
    when x is off the chart) and the dotted line at x (shape 1). ``loss``: ``curves`` loss
    curves, then the tangent and the point; annotation 0 labels the point (``point_text``, with
    ``{loss}`` and ``{slope}``). ``markers``, ``line`` and ``note`` are trace 2, shape 1 and
    annotation 0 as Python draws them, for an x that was off a chart at rest. ``half_width``:
    how far the tangent reaches each side; ``top``: the highest loss on the chart;
    ``loss_drag``: the loss figure a drag from an x beyond the slider's range uses.
    """

    sigmoid: dict
    loss: dict
    curves: int
    markers: dict
    line: dict
    note: dict
    point_text: str
    half_width: float
    top: float
    loss_drag: LossDrag | None = None


def released_x(value: object, low: float, high: float) -> float | None:
    """Return the x the browser sent on release (``{"x": x, "seq": n}``: a new ``n`` each time,
    so a release back at an earlier x is heard too), or None if it is not a number in
    [low, high]."""
    x = value.get("x") if isinstance(value, dict) else None
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    try:
        x = float(x)
    except OverflowError:  # an int too large for a float (only a crafted message has one)
        return None
    return x if math.isfinite(x) and low <= x <= high else None


def live_sigmoid(
    x: float,
    y: float,
    figures: SigmoidFigures,
    *,
    key: str,
    keys: tuple[str, str],
    x_range: tuple[float, float],
    step: float,
    split: tuple[float, float] = (1.0, 1.0),
    text: dict[str, str],
    on_release: Callable[[float], None],
) -> None:
    """Draw the two figures of logit ``x`` and label ``y``, with x to drag along either.

    ``keys``: the chart keys the two figures stand for (``data-chart`` on their divs, for tests);
    ``x_range`` and ``step``: where and how finely the hand moves x; ``split``: the two charts'
    widths side by side (stacked below 616 px, whatever is asked); ``text``: the translated
    ``hint`` above the charts and ``slider`` (the charts' accessible name). A release calls
    ``on_release(x)`` before the rerun. With the same ``key`` every run the browser keeps the
    DOM and redraws in place.
    """
    _COMPONENT(
        key=key,
        data={
            "x": float(x),
            "y": float(y),
            "figures": [
                {"key": keys[0], "figure": prepared(figures.sigmoid)},
                {"key": keys[1], "figure": prepared(figures.loss)},
            ],
            "curves": figures.curves,
            "templates": _templates(figures),
            "halfWidth": float(figures.half_width),
            "top": float(figures.top),
            "lossDrag": _loss_drag(figures.loss_drag),
            "range": [float(x_range[0]), float(x_range[1])],
            "step": float(step),
            "split": [float(v) for v in split],
            "text": {**text, "point": figures.point_text},
            "plotly": plotly_url(),
            "config": CHART_CONFIG,
        },
        on_x_change=functools.partial(_released, key, x_range, on_release),
    )


def _templates(figures: SigmoidFigures) -> dict:
    """Return the point marks for an x that was off a chart at rest, scaled as the figures are."""
    spec = prepared(
        {"data": [figures.markers], "layout": {"annotations": [figures.note], "shapes": []}}
    )
    return {
        "markers": spec["data"][0],
        "line": figures.line,
        "note": spec["layout"]["annotations"][0],
    }


def _loss_drag(drag: LossDrag | None) -> dict | None:
    if drag is None:
        return None
    return {"figure": prepared(drag.figure), "halfWidth": drag.half_width, "top": drag.top}


def _released(key: str, x_range: tuple[float, float], on_release: Callable[[float], None]) -> None:
    """Callback of a release: ``on_release`` with the x the browser sent, if it is one."""
    x = released_x(st.session_state[key].get("x"), *x_range)
    if x is not None:
        on_release(x)
