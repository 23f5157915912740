"""AppTest fixtures: the whole app (navigation included), switched to one page."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

TIMEOUT = 30
APP = Path(__file__).resolve().parents[2] / "app.py"


def open_page(page: str, lang: str = "en", **query: str) -> AppTest:
    """Return an AppTest of ``app.py`` opened at ``pages/<page>.py`` (as a link would) and run once.

    Keyword arguments become the link's query string.
    """
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}/{page}.py").run()
    assert not at.exception, at.exception
    return at


def chart_figure(at: AppTest, key: str) -> dict:
    """Return the Plotly figure (data and layout) of the chart drawn with ``key``, on its own or
    as a figure of a live widget (``lab.live``, which the browser draws as Python built it)."""
    for element in at.get("plotly_chart"):
        if element.proto.id and key in element.proto.id:
            return json.loads(element.proto.spec)
    for element in at.get("bidi_component"):
        figures = json.loads(element.proto.json or "{}").get("figures", [])
        for figure in figures:
            if figure["key"] == key:
                return figure["figure"]
    raise AssertionError(f"no chart with key {key!r}")


def chart_data(at: AppTest, key: str) -> list[dict]:
    """Return the traces of the chart drawn with ``key`` (:func:`chart_figure`)."""
    return chart_figure(at, key)["data"]


def bar_values(at: AppTest, key: str, trace: int = 0) -> list[float]:
    """Return the y values of bar trace ``trace`` of chart ``key``."""
    return [float(v) for v in chart_data(at, key)[trace]["y"]]


def live_data(at: AppTest) -> dict:
    """Return the data the page sent to its live widget (``lab.live``)."""
    widgets = at.get("bidi_component")
    assert len(widgets) == 1, f"{len(widgets)} live widgets"
    return json.loads(widgets[0].proto.json or "{}")


def metric(at: AppTest, label: str) -> str:
    """Return the value shown by the metric labelled ``label``."""
    for element in at.metric:
        if element.label == label:
            return element.value
    raise AssertionError(f"no metric {label!r}; have {[m.label for m in at.metric]}")
