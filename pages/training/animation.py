"""The animation parts shared by the Training page's two animated figures.

Plotly frames with a play / pause button and a step slider run in the browser without a rerun.
A frame holds only what changes (its traces and the subtitle with the frame's own numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lab.charts import INK, TEXT_SIZE, layout

TOP, BOTTOM = 100, 160  # room for the title with its per-frame subtitle, and for the controls
CONTROLS_BELOW_AXIS = 75  # px between the plot and the controls, past the axis title


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
    **extra: object,
) -> dict:
    """Return the shared layout with a subtitled title, room for the controls, and the controls.

    ``duration`` is each frame's time in ms when playing; ``text`` holds ``play``, ``pause`` and
    ``step``.
    """
    spec = layout(
        "",
        height=height,
        margin={"t": TOP, "b": BOTTOM},
        **extra,
        **_controls(names, text, height, duration),
    )
    spec["title"].update(frame_title(title, subtitle))
    return spec


def _controls(names: Sequence[str], text: dict[str, str], height: int, duration: int) -> dict:
    """Return layout entries for play / pause buttons and a slider with one step per frame."""
    below_axis = -CONTROLS_BELOW_AXIS / (height - TOP - BOTTOM)
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
