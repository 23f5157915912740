"""Inputs that never crash a page: a bad entry shows a translated error under its box and the
page goes on with the last valid value."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import streamlit as st

from ce_core import parse_vector
from lab import safe_text
from lab.language import t


def error_text(exc: Exception) -> str:
    """Return a translated message for an error a user caused (such errors carry a code).

    The message is Markdown; the user's own text in it (a token, a name) is quoted as code, so
    it shows as typed and never as an image, a link or LaTeX (lab.safe_text).
    """
    code = getattr(exc, "code", None)
    if code is not None:
        params = {
            key: safe_text.code(value) if isinstance(value, str) else value
            for key, value in getattr(exc, "params", {}).items()
        }
        return t(f"error.{code}", **params)
    return t("error.generic", detail=safe_text.code(str(exc)))


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


def preset_row(
    presets: Sequence[str],
    *,
    lesson: str,
    key_prefix: str,
    on_click: Callable[[str], None],
    where=st,
):
    """Draw one button per preset, labelled ``t("<lesson>.preset.<name>")``; return the row.

    A click calls ``on_click(name)`` before the rerun (the preset's values are then in the
    widgets); the buttons' keys are ``<key_prefix><name>``, as the tests and links know them.
    """
    row = where.container(horizontal=True)
    for name in presets:
        row.button(
            t(f"{lesson}.preset.{name}"),
            key=f"{key_prefix}{name}",
            on_click=on_click,
            args=(name,),
            width="stretch",
        )
    return row
