"""Streamlit helpers for every page: the language, translated text, inputs that never crash."""

from __future__ import annotations

import contextlib
import json
import math
import threading
from collections.abc import Callable, Iterator

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ce_core import parse_vector

from .i18n import LANGUAGE_NAMES, LANGUAGES, language_from_locale, translate

_this_run = threading.local()  # the language read once per script run: ``ctx`` and ``lang``


def lang() -> str:
    """Return the language of this session, ``"zh"`` or ``"en"``.

    A page asks for it dozens of times a run, and every session-state read is validated, so it is
    read once per run (per script-run context) and kept until :func:`_set_language` changes it.
    """
    ctx = get_script_run_ctx()
    if ctx is not None and getattr(_this_run, "ctx", None) is ctx:
        return _this_run.lang
    value = st.session_state.get("_lang")
    value = value if value in LANGUAGES else "en"
    _this_run.ctx, _this_run.lang = ctx, value
    return value


def _set_language(value: str) -> None:
    st.session_state["_lang"] = value
    _this_run.ctx = None


def t(key: str, /, **params: object) -> str:
    """Return the string ``key`` in the session's language."""
    return translate(key, lang(), **params)


def t_for_later() -> Callable[..., str]:
    """Return a ``t`` bound to this session's language, usable on another thread (a download)."""
    language = lang()

    def later(key: str, /, **params: object) -> str:
        return translate(key, language, **params)

    return later


def init_language() -> None:
    """Choose the session's language once: ``?lang=`` if valid, else the browser's, else English.

    ``app.py`` calls this first thing in every run, which also starts the run's language afresh.
    """
    _this_run.ctx = None
    if st.session_state.get("_lang") in LANGUAGES:
        return
    wanted = st.query_params.get("lang")
    _set_language(wanted if wanted in LANGUAGES else language_from_locale(st.context.locale))


def _switch_language() -> None:
    _set_language(st.session_state["lang"])


def language_switch() -> None:
    """Draw the 中文 / English switch in the sidebar and keep ``?lang=`` in the URL.

    The language itself lives in ``_lang``, which Streamlit never clears; the widget ``lang``
    only edits it.
    """
    st.session_state["lang"] = lang()
    st.sidebar.segmented_control(
        t("language"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="lang",
        required=True,
        on_change=_switch_language,
    )
    st.query_params["lang"] = lang()


_shell = threading.local()  # ``active`` while app.py runs the page it routed to


@contextlib.contextmanager
def shell() -> Iterator[None]:
    """Mark the pages run inside this block as routed by ``app.py`` (see :func:`_require_shell`)."""
    _shell.active = True
    try:
        yield
    finally:
        _shell.active = False


def _require_shell() -> None:
    """Rerun through ``app.py`` if Streamlit ran this page on its own.

    Because the pages live in ``pages/``, the sessions that open a page's URL (``/playground``)
    of a just-started server, before any of them has reached ``st.navigation``, are routed by
    Streamlit's older folder-based navigation, which runs the page without ``app.py`` (no
    language switch, no grouped menu, ``?lang=`` ignored). ``st.navigation`` turns that routing
    off for good once it has run; a page that finds itself outside :func:`shell` turns it off
    too and reruns, so the shell runs. Every such session does this, not only the first one.
    """
    if getattr(_shell, "active", False):
        return
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the old routing
        return
    PagesManager.uses_pages_directory = False
    st.rerun()


def page_header(prefix: str) -> None:
    """Start a page: title, "what you learn here" and "try this", from ``<prefix>.*`` strings."""
    _require_shell()
    st.title(t(f"{prefix}.title"))
    st.markdown(t(f"{prefix}.learn"))
    st.caption(t(f"{prefix}.try"))


CHART_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},  # a sharp PNG for slides
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


class _Prebuilt(go.Figure):
    """A figure already held as a plain dict, handed to Streamlit as it is.

    Streamlit turns a dict into a ``go.Figure`` to validate it (about 25 ms a chart with Plotly
    7); given a Figure it only calls ``to_dict()``. Our dicts are built by tested code, so they
    skip that step: this is what keeps a rerun of the Playground fast.
    """

    def __init__(self, spec: dict) -> None:  # no super().__init__: that is the validation
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


def chart(figure: dict | go.Figure, key: str) -> None:
    """Draw a figure (a Plotly dict or ``go.Figure``) with our own styling and a PNG download."""
    from .presentation import scaled  # presentation imports this module

    spec = figure if isinstance(figure, dict) else figure.to_dict()
    st.plotly_chart(_Prebuilt(scaled(spec)), key=key, theme=None, config=CHART_CONFIG)


def error_text(exc: Exception) -> str:
    """Return a translated message for an error a user caused (such errors carry a code)."""
    code = getattr(exc, "code", None)
    if code is not None:
        return t(f"error.{code}", **getattr(exc, "params", {}))
    return t("error.generic", detail=str(exc))


def checked_target(
    target: int, num_classes: int, *, memory: str, default: int = 1, where=st
) -> int:
    """Return the true class ``target`` (from 1) if there is such a class among ``num_classes``.

    If not, say so in ``where`` (the container under the box) and return the last valid class,
    kept in ``st.session_state[memory]`` (``default`` before there was one), so the rest of the
    page keeps working.
    """
    if target > num_classes:
        where.error(
            t("error.class_out_of_range", k=num_classes, value=target), icon=":material/error:"
        )
        return min(int(st.session_state.get(memory, default)), num_classes)
    st.session_state[memory] = target
    return target


def vector_input(
    key: str,
    label: str,
    *,
    help: str | None = None,
    allow_nan: bool = False,
    allow_inf: bool = True,
    max_count: int = 1000,
    check: Callable[[np.ndarray], None] | None = None,
) -> tuple[np.ndarray | None, bool]:
    """Draw a text box for a list of numbers; return ``(values, ok)``.

    A bad entry shows a translated error right under the box and returns the last valid values
    (``ok`` False), so the rest of the page keeps working. ``check`` may raise ValueError for
    values that parse but do not fit (too few, not probabilities...).
    """
    text = st.text_input(label, key=key, help=help, persist_state="session")
    last_key = f"_valid_{key}"
    try:
        values = parse_vector(
            text or "", allow_nan=allow_nan, allow_inf=allow_inf, max_count=max_count
        )
        if check is not None:
            check(values)
    except ValueError as exc:
        st.error(error_text(exc), icon=":material/error:")
        return st.session_state.get(last_key), False
    st.session_state[last_key] = values
    return values, True


def _jsonable(value: object) -> object:
    """Return ``value`` with arrays as lists and inf/NaN as strings (JSON has neither)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [_jsonable(v) for v in (value.tolist() if isinstance(value, np.ndarray) else value)]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def downloads(name: str, table, data: dict) -> None:
    """Draw "download CSV" and "download JSON" (``data``) buttons.

    ``table`` is a DataFrame, or better a function making one from a ``t`` (bind its other
    arguments with ``functools.partial``): then no table is built on a rerun, only when the
    button is clicked, on Streamlit's own thread (where the session cannot be read, hence the
    ``t`` it is given, bound to this session's language).
    """
    later = t_for_later()
    row = st.container(horizontal=True)
    row.download_button(
        t("download.csv"),
        lambda: (table(later) if callable(table) else table).to_csv(index=False),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download_csv_{name}",
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    row.download_button(
        t("download.json"),
        lambda: json.dumps(_jsonable(data), ensure_ascii=False, indent=2),
        file_name=f"{name}.json",
        mime="application/json",
        key=f"download_json_{name}",
        on_click="ignore",
        icon=":material/data_object:",
        width="stretch",
    )
