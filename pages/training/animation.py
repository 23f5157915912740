"""The animation parts shared by the Training page's two animated figures.

Plotly frames with a play / pause button and a step slider run in the browser without a rerun.
A frame holds only what changes (its traces and the subtitle with the frame's own numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lab.charts import INK, TEXT_SIZE, layout

# Room above the plot, from the top: the title, its per-frame subtitle, then the colour key on
# a row of its own (beside the subtitle they overlap on a phone or in Chinese), in pixels.
TOP = 112
TITLE_PAD = 6  # the title's distance from the chart's top edge, pixels
# Below the plot: the tick labels, the x axis's title if any, then the controls (pixels from
# the plot's bottom edge to the controls' top, and the whole bottom margin).
CONTROLS_BELOW_AXIS = {"titled": 82, "untitled": 48}
BOTTOM = {"titled": 160, "untitled": 126}
LEGEND_TEXT = 14  # the colour key's text, smaller than the axes' (one row on a phone)


def frame_title(title: str, subtitle: str) -> dict:
    """Return the title entry of a frame: the title and, under it, the frame's own numbers."""
    return {
        "text": title,
        "subtitle": {"text": subtitle, "font": {"size": TEXT_SIZE, "color": INK}},
    }


def frames(
    names: Sequence[str], changes: Callable[[int], dict], title: str, subtitle: Callable[[int], str]
) -> list[dict]:
    """Return one frame per name: trace 0 replaced by ``changes(f)``, the title by its numbers."""
    return [
        {
            "name": name,
            "data": [changes(f)],
            "traces": [0],
            "layout": {"title": frame_title(title, subtitle(f))},
        }
        for f, name in enumerate(names)
    ]


def animated_layout(
    title: str,
    subtitle: str,
    names: Sequence[str],
    text: dict[str, str],
    *,
    height: int,
    duration: int,
    x_title: bool = True,
    **extra: object,
) -> dict:
    """Return the shared layout with a subtitled title, room for the controls, and the controls.

    ``duration`` is each frame's time in ms when playing; ``text`` holds ``play``, ``pause`` and
    ``step``. ``x_title`` says whether the x axis has a title (the controls go below it).
    The title and subtitle hang from the chart's top edge, and the colour key stands
    on the plot's top edge, left-aligned, so the three never share a line.
    """
    below = "titled" if x_title else "untitled"
    spec = layout(
        "",
        height=height,
        margin={"t": TOP, "b": BOTTOM[below]},
        legend={
            "x": 0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "bottom",
            "font": {"size": LEGEND_TEXT},
        },
        **extra,
        **_controls(names, text, height, duration, below),
    )
    spec["title"].update(frame_title(title, subtitle))
    spec["title"].update({"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": TITLE_PAD}})
    return spec


def _controls(
    names: Sequence[str], text: dict[str, str], height: int, duration: int, below: str
) -> dict:
    """Return layout entries for play / pause buttons and a slider with one step per frame."""
    below_axis = -CONTROLS_BELOW_AXIS[below] / (height - TOP - BOTTOM[below])
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
