"""Widgets that recompute and redraw in the browser while the hand moves (components v2)."""

from lab.live.widget import (
    LiveFigure,
    hover_rows_css,
    live_softmax,
    logits_into_box,
    plotly_url,
    released_logits,
)

__all__ = [
    "LiveFigure",
    "hover_rows_css",
    "live_softmax",
    "logits_into_box",
    "plotly_url",
    "released_logits",
]
