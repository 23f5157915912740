"""The Batch page's inputs: the table of examples, loading CSV, presets, the options' defaults.

The table (see :mod:`pages.batch.table`) lives in ``st.session_state``: ``_bt_base`` is what the
editor starts from and ``_bt_current`` what it shows now (with the user's edits); loading a CSV,
a preset or a new K replaces both and gives the editor a new key (``bt_table<version>``), since
Streamlit lets no code change an editor's edits. The link is in :mod:`pages.batch.link`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ce_core import BatchTable, TableError, parse_batch_csv
from ce_core.batch_csv import MAX_BYTES
from lab import numbers
from lab.language import t
from pages.batch.options import DEFAULT
from pages.batch.table import complete, frame, num_classes, read_table, resized
from pages.batch.view import table_error_text

UPLOAD_MB = MAX_BYTES // 2**20  # the uploader's limit, as ce_core's CSV reader has it
PASTE_HEIGHT = 180  # px, the paste box: about eight lines of CSV
VOCAB_SEED_MAX = 2**32 - 1
VOCAB_SPREAD = (5.0, 0.25)  # the spread slider's top and step
VOCAB_HINT = (20.0, 0.5)  # the hint slider's top and step

DEFAULTS = {
    "bt_k": 3,
    "bt_soft": DEFAULT.soft,
    "bt_reduction": DEFAULT.reduction,
    "bt_use_weight": False,
    "bt_weight": "1, 2, 5",
    "bt_ignore": DEFAULT.ignore_index,
    "bt_smoothing": DEFAULT.label_smoothing,
    "bt_double": False,
    "bt_paste": "label,z1,z2,z3\n1,2.0,1.0,0.1\n2,0.5,2.5,-1.0\n3,1.0,1.0,1.0\n,3.0,-1.0,0.0\n",
    "bt_vocab_n": 8,
    "bt_vocab_seed": 0,
    "bt_vocab_spread": 1.0,
    "bt_vocab_hint": 0.0,
}

SOFT_EXAMPLE = "z1,z2,z3,q1,q2,q3\n2.0,1.0,0.1,0.7,0.2,0.1\n0.5,2.5,-1.0,0.1,0.8,0.1\n"
_NAN = float("nan")
BASIC = (
    [1.0, 2.0, 3.0, _NAN],
    [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 1.0], [3.0, -1.0, 0.0]],
    [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.25, 0.25, 0.5], [0.5, 0.5, 0.0]],
)
PRESETS = {
    "basic": {"table": BASIC, "options": {}},
    "weighted": {"table": BASIC, "options": {"bt_use_weight": True, "bt_weight": "1, 2, 5"}},
    "all_ignored": {"table": ([_NAN] * 4, *BASIC[1:]), "options": {}},
    "soft": {"table": BASIC, "options": {"bt_soft": True}},
    "pad_token": {
        "table": ([1.0, 2.0, 1.0, 3.0], *BASIC[1:]),
        "options": {"bt_ignore": 0},
    },
}


def _install(df: pd.DataFrame) -> None:
    state = st.session_state
    state["_bt_base"] = state["_bt_current"] = df
    state["_bt_version"] = state.get("_bt_version", 0) + 1
    state["bt_k"] = num_classes(df)


def _preset_frame(name: str) -> pd.DataFrame:
    labels, logits, soft = PRESETS[name]["table"]
    return frame(np.array(labels), np.array(logits), np.array(soft))


def init() -> None:
    """Give every input its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    if "_bt_current" not in st.session_state:
        _install(_preset_frame("basic"))


def apply_preset(name: str) -> None:
    """Callback: load preset ``name``: its table, and the options back to their defaults."""
    keep = ("bt_paste", "bt_vocab_n", "bt_vocab_seed", "bt_vocab_spread", "bt_vocab_hint")
    st.session_state.update({k: v for k, v in DEFAULTS.items() if k not in keep})
    st.session_state.update(PRESETS[name]["options"])
    _install(_preset_frame(name))
    _clear_messages()


def reset() -> None:
    """Callback: the basic batch, and every option and box back to its default."""
    st.session_state.update(DEFAULTS)
    _install(_preset_frame("basic"))
    _clear_messages()


def resize() -> None:
    """Callback of K: the table with the new number of classes (see :func:`table.resized`)."""
    df = st.session_state["_bt_current"]
    if int(st.session_state["bt_k"]) != num_classes(df):
        _install(resized(df, int(st.session_state["bt_k"])))


def _clear_messages() -> None:
    for key in ("_bt_paste_message", "_bt_upload_message"):
        st.session_state.pop(key, None)


def _load(source: str, data: str | bytes) -> None:
    try:
        table = parse_batch_csv(data)
    except TableError as exc:
        st.session_state[f"_bt_{source}_message"] = ("error", table_error_text(exc, t))
        return
    _install(complete(table))
    st.session_state["bt_soft"] = table.labels is None
    st.session_state[f"_bt_{source}_message"] = (
        "success",
        t("batch.loaded", n=table.num_rows, k=table.num_classes),
    )


def load_paste() -> None:
    """Callback of the "load" button: read the pasted CSV into the table, or say what is wrong."""
    _load("paste", st.session_state.get("bt_paste") or "")


def load_upload() -> None:
    """Callback of the file uploader: check the size, read the file, or say what is wrong."""
    file = st.session_state.get("bt_upload")
    if file is None:
        st.session_state.pop("_bt_upload_message", None)
        return
    if file.size > MAX_BYTES:  # checked here too: the server's own limit may be changed
        error = TableError(
            "too_big", size_mb=numbers.fixed(file.size / 2**20, 1), max_mb=str(UPLOAD_MB)
        )
        st.session_state["_bt_upload_message"] = ("error", table_error_text(error, t))
        return
    _load("upload", file.getvalue())


def editor_key() -> str:
    """Return the key of the table editor now (it changes when a table is loaded)."""
    return f"bt_table{st.session_state['_bt_version']}"


def editor_base() -> pd.DataFrame:
    """Return the DataFrame the editor starts from.

    Coming back from another page, the editor's edits are gone from the session (Streamlit drops
    the state of widgets not drawn); the table as last shown becomes the new starting point.
    """
    if editor_key() not in st.session_state:
        st.session_state["_bt_base"] = st.session_state["_bt_current"]
    return st.session_state["_bt_base"]


def remember(df: pd.DataFrame) -> None:
    """Keep the table as it is on screen now."""
    st.session_state["_bt_current"] = df


def checked_table(df: pd.DataFrame, soft: bool) -> tuple[BatchTable, TableError | None]:
    """Return the table's batch and None, or the last valid batch and what is wrong with ``df``.

    The error names a row as the editor numbers it (rows may have been deleted).
    """
    try:
        table = read_table(df, soft)
    except TableError as exc:
        if exc.row:
            exc = exc.at(row=int(df.index[exc.row - 1]))
        last = st.session_state.get("_bt_valid")
        if last is None or (last.soft is None) == soft:
            last = read_table(_preset_frame("basic"), soft)
        return last, exc
    st.session_state["_bt_valid"] = table
    return table, None


def install_link_table(table: BatchTable) -> None:
    """Put the batch read from a link in the editor, with its kind of targets."""
    _install(complete(table))
    st.session_state["bt_soft"] = table.labels is None
