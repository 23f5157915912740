"""The live softmax widget: logits the hand drags, and a, the loss and a − y redrawn while it moves.

One Streamlit component (components v2). The browser recomputes softmax, loss and gradient in
float64 on every pointer move (``live_softmax.js``: ce_core's algorithm, operation for
operation) and redraws them in place with ``Plotly.react``, at most once per animation frame,
with no message to the server. When the hand lets go, the logits (or the temperature) go to
Python with ``setStateValue``; the page's callback stores them and the rerun shows ce_core's
exact numbers, the link and the downloads.

Plotly.js comes from the installed ``plotly`` package, served by Streamlit's static file serving
(``server.enableStaticServing``) from ``static/`` beside the app's script: cached by the browser,
no CDN.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import plotly
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ce_core import format_vector
from lab.charts import (
    CHART_CONFIG,
    INK,
    NEGATIVE,
    OTHER,
    POSITIVE,
    PREDICTED,
    PRESENTED_FONT,
    TRUE_CLASS,
    prepared,
)
from lab.language import t
from lab.presentation import presenting

HERE = Path(__file__).resolve().parent
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
STATIC_NAME = f"plotly-{plotly.__version__}.min.js"  # a new version is a new URL: no stale cache


def script(name: str) -> str:
    """Return widget script ``name`` after ``shared.js`` (what the live widgets share): one
    module, as a component takes one script."""
    return "\n".join((HERE / file).read_text(encoding="utf-8") for file in ("shared.js", name))


_COMPONENT = st.components.v2.component(
    "ce_live_softmax",
    js=script("live_softmax.js"),
    css=(HERE / "live_softmax.css").read_text(encoding="utf-8"),
    # Plotly.js puts its own styles in the page's <head>: a shadow root would hide them.
    isolate_styles=False,
)

COLOURS = {
    "true": TRUE_CLASS,
    "predicted": PREDICTED,
    "other": OTHER,
    "negative": NEGATIVE,
    "positive": POSITIVE,
    "ink": INK,
    "logit": "#9AA5B1",
}
KINDS = ("probabilities", "gradient", "neglog")


@dataclass(frozen=True)
class LiveFigure:
    """A figure the widget draws and keeps up to date while the hand moves.

    ``figure`` is built in Python (the page's own figure function, ce_core's numbers) and drawn
    as it is at rest; during a drag the browser puts its own values in: for ``"probabilities"``
    trace 0 holds a bar per shown class (coloured by role; annotation 0 is the argmax arrow),
    for ``"gradient"`` trace 0 holds (a - y) / T per shown class (coloured by sign; the y range
    is ``room`` times the largest bar), for ``"neglog"`` trace 1 is the point (a_j, L). ``key``
    names it for tests and pages (``data-chart`` on its div): the chart key it stands for.
    """

    key: str
    kind: str
    figure: dict
    room: float = 1.0

    def as_data(self) -> dict:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        return {
            "key": self.key,
            "kind": self.kind,
            "figure": prepared(self.figure),
            "room": self.room,
        }


@cache
def serve_plotly_from(app_dir: str) -> str:
    """Copy the installed Plotly.js into ``<app_dir>/static/`` once; return its URL path.

    The Dockerfile calls it at build time: the app's user cannot write beside the code.
    """
    target = Path(app_dir) / "static" / STATIC_NAME
    if not target.exists() or target.stat().st_size != PLOTLY_JS.stat().st_size:
        target.parent.mkdir(exist_ok=True)
        # Several servers may start at once: copy beside it, then rename (atomic).
        with (
            tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as tmp,
            PLOTLY_JS.open("rb") as source,
        ):
            shutil.copyfileobj(source, tmp)
        # A temporary file is made readable by its owner only; in the image, root writes it at
        # build time and the app's user serves it.
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, target)
    return f"app/static/{STATIC_NAME}"


def plotly_url() -> str:
    """Return the URL (relative to the page) of the Plotly.js the app serves itself."""
    ctx = get_script_run_ctx()
    script = ctx.main_script_path if ctx is not None else str(HERE.parents[1] / "app.py")
    return serve_plotly_from(str(Path(script).resolve().parent))


def _texts() -> dict[str, str]:
    return {
        "title": t("live.title"),
        "slider": t("live.slider"),  # "{label}" is filled in by the browser, per bar
        "temperature": t("live.temperature"),
    }


def _json_logits(z: np.ndarray) -> list[float | None]:
    """Return ``z`` for JSON: ``-inf`` (a masked class) as None, which JSON can hold."""
    return [None if np.isneginf(v) else float(v) for v in z]


def released_logits(value: object) -> np.ndarray | None:
    """Return the logits the browser sent on release (None for -inf), or None if malformed."""
    if not isinstance(value, list) or len(value) < 2:
        return None
    try:
        return np.array([-np.inf if v is None else float(v) for v in value], dtype=np.float64)
    except (TypeError, ValueError):
        return None


def live_softmax(
    z: np.ndarray,
    target: int,
    temperature: float,
    *,
    key: str,
    classes: Sequence[int],
    labels: Sequence[str],
    temperatures: Sequence[float],
    figures: Sequence[LiveFigure],
    on_release: Callable[[np.ndarray], None],
    on_temperature: Callable[[float], None],
    columns: int = 1,
    draggable: bool = True,
    rows: str | None = None,
    temperature_control: bool = True,
    formula: bool = True,
    source: str | None = None,
) -> None:
    """Draw the live widget for logits ``z``, true class ``target`` (from 0) and ``temperature``.

    ``classes``: the classes shown (indices into ``z``, the true class among them), ``labels``
    their names; ``temperatures``: the T slider's steps (``temperature`` among them);
    ``figures``: drawn under the bars, ``columns`` side by side, kept up to date while the hand
    moves (:class:`LiveFigure`). A drag's end calls ``on_release(z)`` before the rerun, the T
    slider's ``on_temperature(T)``. With the same ``key`` every run the browser keeps the DOM
    and redraws in place. ``draggable=False`` shows only the figures (probabilities typed
    directly have no logits). ``rows``: the key of an ``st.container`` with a table of one row
    per class; hovering a row marks its class's bars and back (:func:`hover_rows_css`).
    ``temperature_control=False`` hides the T slider (a page with its own T input);
    ``formula=False`` the loss formula (a page whose loss is another one: label smoothing).
    ``source``: the key of the page's logits box; on Enter there the browser shows the typed
    logits at once if they are plain numbers, before the rerun brings ce_core's.
    """
    _COMPONENT(
        key=key,
        data={
            "z": _json_logits(np.asarray(z, dtype=np.float64)),
            "target": int(target),
            "temperature": float(temperature),
            "temperatures": [float(v) for v in temperatures],
            "classes": [int(k) for k in classes],
            "labels": list(labels),
            "text": _texts(),
            "colors": COLOURS,
            "scale": PRESENTED_FONT if presenting() else 1.0,
            "figures": [figure.as_data() for figure in figures],
            "columns": int(columns),
            "draggable": bool(draggable),
            "rows": rows,
            "temperatureControl": bool(temperature_control),
            "formula": bool(formula),
            "source": source,
            "plotly": plotly_url(),
            "config": CHART_CONFIG,
        },
        on_z_change=functools.partial(_released, key, len(z), on_release),
        on_T_change=functools.partial(_tempered, key, tuple(temperatures), on_temperature),
    )


def _sent(key: str, name: str) -> object:
    """Return what the browser sent as ``name`` (``{"value": v, "seq": n}``, a new ``n`` each
    time so that a release back at values sent before is heard), or None if malformed."""
    sent = st.session_state[key].get(name)
    return sent.get("value") if isinstance(sent, dict) else None


def _released(key: str, size: int, on_release: Callable[[np.ndarray], None]) -> None:
    """Callback of a drag's end: ``on_release`` with the logits the browser sent, if well formed."""
    logits = released_logits(_sent(key, "z"))
    if logits is not None and logits.size == size:
        on_release(logits)


def _tempered(key: str, steps: tuple[float, ...], on_temperature: Callable[[float], None]) -> None:
    """Callback of the T slider: ``on_temperature`` with the T the browser sent, if a step."""
    value = _sent(key, "T")
    if value in steps:
        on_temperature(float(value))


def logits_into_box(key: str, z: np.ndarray) -> None:
    """Put logits the hand let go of into the page's text box ``key`` (a release callback, with
    ``functools.partial``), as the shortest text that reads back exactly: the link and the
    downloads follow the box."""
    st.session_state[key] = format_vector(z, digits=None)


def hover_rows_css(container_key: str, classes: Sequence[int]) -> str:
    """Return a ``<style>`` that marks row ``k`` of the table in ``st.container(key=...)`` while
    class ``k``'s bar is hovered in a live widget (which sets ``data-ce-live-class`` on <body>).

    Rows are counted from 0 in class order, so the table must hold one row per class in order;
    only ``classes`` (the shown ones) get a rule.
    """
    rules = "\n".join(
        f'body[data-ce-live-class="{int(k)}"] .st-key-{container_key} tbody '
        f"tr:nth-child({int(k) + 1}) {{ background: #fff3c4; }}"
        for k in classes
    )
    return f"<style>\n{rules}\n</style>"
