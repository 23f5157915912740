"""Every input of a page kept in the URL's query string, so that a link reproduces the page.

A page lists its inputs as :class:`Field`s (the widget's key, how to read it from the URL, how to
write it) and calls :func:`sync` before drawing its widgets. The first time a page runs in a
session, valid values from the URL go into ``st.session_state`` and invalid or hostile ones are
ignored with a short notice; on every run the URL is rewritten from the current values, so the
address bar is always a link to what is on screen (``?z=2,1,0.1&y=3&T=1&lang=zh``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lab.language import lang, t

MAX_VALUE_CHARS = 20_000  # a link longer than this is not something a person shared


@dataclass(frozen=True)
class Field:
    """One input kept in the URL: ``read`` turns URL text into a value or raises ValueError.

    By default the value lives in ``st.session_state[key]``; ``get`` and ``put`` replace that for
    a value spread over several widgets (the Playground's sliders).
    """

    key: str
    read: Callable[[str], Any]
    write: Callable[[Any], str] = str
    get: Callable[[], Any] | None = None
    put: Callable[[Any], None] | None = None
    default: Any = None  #: a value the link need not carry
    when: Callable[[], bool] | None = None  #: whether the field matters now (e.g. its mode)
    old_key: str | None = None  #: the key older links used: read when ``key`` is absent

    def value(self) -> Any:
        """Return the current value, or None when there is none."""
        return self.get() if self.get else st.session_state.get(self.key)

    def store(self, value: Any) -> None:
        """Put ``value`` where the widget reads it."""
        if self.put:
            self.put(value)
        else:
            st.session_state[self.key] = value


def text(key: str, max_chars: int = MAX_VALUE_CHARS, **options: Any) -> Field:
    """Return a free-text field (the page validates what it means, beside its input).

    Spaces around commas are dropped in the link, so that ``2, 1, 0.1`` reads ``2,1,0.1``.
    """

    def read(value: str) -> str:
        if len(value) > max_chars or any(ord(c) < 32 for c in value):
            raise ValueError(key)
        return value

    return Field(key, read, _compact, **options)


def _compact(value: str) -> str:
    return re.sub(r"\s*([,;，；])\s*", r"\1", value.strip())


def integer(key: str, low: int, high: int, **options: Any) -> Field:
    """Return a whole-number field within ``[low, high]``."""

    def read(value: str) -> int:
        number = int(value.strip())
        if not low <= number <= high:
            raise ValueError(key)
        return number

    return Field(key, read, **options)


def number(key: str, low: float, high: float, **options: Any) -> Field:
    """Return a finite float field within ``[low, high]``, written in its shortest form."""

    def read(value: str) -> float:
        x = float(value.strip()[:40])
        if not (math.isfinite(x) and low <= x <= high):
            raise ValueError(key)
        return x

    return Field(key, read, _short, **options)


def choice(key: str, values: Sequence[Any], **options: Any) -> Field:
    """Return a field that must be one of ``options`` (written as ``str(option)``)."""
    by_text = {_short(v) if isinstance(v, float) else str(v): v for v in values}

    def read(value: str) -> Any:
        if value.strip() not in by_text:
            raise ValueError(key)
        return by_text[value.strip()]

    return Field(key, read, lambda v: _short(v) if isinstance(v, float) else str(v), **options)


def flag(key: str, **options: Any) -> Field:
    """Return an on/off field written as ``1`` / ``0``."""

    def read(value: str) -> bool:
        if value.strip() not in ("0", "1", "true", "false"):
            raise ValueError(key)
        return value.strip() in ("1", "true")

    return Field(key, read, lambda v: "1" if v else "0", **options)


def _short(x: float) -> str:
    return f"{x:g}" if float(f"{x:g}") == x else repr(x)


def sync(page: str, fields: Sequence[Field], *, keep_url: bool = True) -> None:
    """Load the page's inputs from the link that opened the session, then keep the URL current.

    Call it after the page's defaults are in ``st.session_state`` and before its widgets. A page
    whose inputs live in a fragment passes ``keep_url=False`` and calls :func:`write` in the
    fragment, which reruns without this.
    """
    # Only the first page a session shows was opened from a link: later pages get the inputs the
    # session already has (a page switch keeps the previous page's query string for a moment).
    # The browser's Back and Forward bring an earlier address back: its values are loaded too,
    # and a key the address lacks is a default it left out.
    ctx = get_script_run_ctx()
    back = ctx is not None and ctx.is_history_navigation
    if back or not st.session_state.get("_url_loaded"):
        st.session_state["_url_loaded"] = True
        ignored = _load(fields, defaults_for_missing=back)
        if ignored:
            st.session_state[f"_url_ignored_{page}"] = ignored
    ignored = st.session_state.get(f"_url_ignored_{page}")
    if ignored:
        notice, dismiss = st.columns([6, 1], vertical_alignment="center")
        notice.warning(t("url.ignored", keys=", ".join(ignored)), icon=":material/link_off:")
        dismiss.button(
            t("url.dismiss"),
            key=f"url_dismiss_{page}",
            on_click=st.session_state.pop,
            args=(f"_url_ignored_{page}", None),
        )
    if keep_url:
        write(fields)


def _load(fields: Sequence[Field], *, defaults_for_missing: bool) -> list[str]:
    """Put the URL's valid values into the inputs; return the keys whose values were not valid."""
    ignored = []
    for field in fields:
        key = field.key
        if field.old_key and key not in st.query_params and field.old_key in st.query_params:
            key = field.old_key
        raw = st.query_params.get(key)
        if raw is None:
            if defaults_for_missing and field.default is not None:
                field.store(field.default)
            continue
        try:
            field.store(field.read(raw))
        except (ValueError, TypeError, OverflowError):
            ignored.append(key)
    return ignored


def write(fields: Sequence[Field]) -> None:
    """Put the current values of ``fields`` in the URL."""
    st.query_params.from_dict(current(fields))


def current(fields: Sequence[Field]) -> dict[str, str]:
    """Return the query string of the current values: the fields, then the language."""
    params = {}
    for field in fields:
        value = field.value()
        if value is None or value == field.default or (field.when and not field.when()):
            continue
        params[field.key] = field.write(value)
    params["lang"] = lang()
    if st.session_state.get("_present"):
        params["present"] = "1"
    return params


def share_link(page: str, fields: Sequence[Field]) -> str:
    """Return the full link to this page with its current inputs."""
    base = (st.context.url or "").split("?")[0].rstrip("/").removesuffix(f"/{page}")
    return f"{base}/{page}?{urlencode(current(fields), safe=',')}"


def share_and_reset(page: str, fields: Sequence[Field], on_reset: Callable[[], None]) -> None:
    """Draw the page's "share" popover (the link, with a copy button) and its "reset" button."""
    row = st.container(horizontal=True)  # one block, not three: cheaper on every rerun
    with row.popover(t("url.share"), icon=":material/link:", width="stretch"):
        st.caption(t("url.share.help"))
        st.code(share_link(page, fields), language=None, wrap_lines=True)
    row.button(
        t("url.reset"),
        key=f"reset_{page}",
        on_click=on_reset,
        icon=":material/restart_alt:",
        width="stretch",
    )
