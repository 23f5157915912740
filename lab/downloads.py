"""CSV and JSON downloads of what a page shows, built only when the button is clicked."""

from __future__ import annotations

import json
import math

import numpy as np
import streamlit as st

from lab.language import t, t_for_later


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
