"""CSV and JSON downloads of what a page shows, built only when the button is clicked.

A CSV opens in a spreadsheet, so it is written for one: UTF-8 with a byte order mark (Excel on
Windows otherwise reads Chinese headers as mojibake), and a text cell that a spreadsheet would
run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: OWASP's
"CSV injection") gets a leading ``'``, so it shows as the text it is. Numbers stay numbers.
"""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
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


BOM = "\ufeff"
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def spreadsheet_safe(cell: object) -> object:
    """Return ``cell`` so that a spreadsheet shows it as it is: formulas are quoted as text.

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe("@SUM(A1)"), spreadsheet_safe("-1.5")
    ("'=1+1", "'@SUM(A1)", '-1.5')
    """
    if isinstance(cell, str) and _FORMULA.match(cell) and not _is_number(cell):
        return "'" + cell
    return cell


def csv_text(table: pd.DataFrame) -> str:
    """Return ``table`` as spreadsheet-safe CSV text with a byte order mark (see the module)."""
    safe = table.rename(columns=lambda c: spreadsheet_safe(str(c)))
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_safe)
    return BOM + safe.to_csv(index=False)


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
        lambda: csv_text(table(later) if callable(table) else table),
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
