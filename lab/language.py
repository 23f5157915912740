"""The session's language and its translated text (``t``), and the 中文 / English switch."""

from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lab.i18n import LANGUAGE_NAMES, LANGUAGES, language_from_locale, translate

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
