"""The Batch page's inputs: the table of examples, loading CSV, presets, the options' defaults.

The table lives in ``st.session_state`` as a DataFrame with the columns ``label`` (classes
counting from 1, NaN for an ignored row), ``z1 … zK`` and ``q1 … qK`` (probability targets).
``_bt_base`` is what the editor starts from and ``_bt_current`` what it shows now (with the
user's edits); loading a CSV, a preset or a new K replaces both and gives the editor a new key
(``bt_table<version>``), since Streamlit lets no code change an editor's edits.

``URL_FIELDS`` keeps the options in the link, and the batch too while it is small (``bt_csv``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from ce_core import (
    MAX_VOCAB_ROWS,
    BatchTable,
    TableError,
    check_batch_table,
    check_class_weights,
    parse_batch_csv,
    parse_vector,
)
from ce_core.batch_csv import MAX_BYTES
from ce_core.batch_table import MAX_CLASSES
from lab import urlstate
from lab.language import t
from pages.batch.view import table_error_text

REDUCTIONS = ("mean", "sum", "none")
EDITOR_MAX_CELLS = 20_000  # larger tables are shown, not edited, so the page stays quick
PREVIEW_ROWS = 100

DEFAULTS = {
    "bt_k": 3,
    "bt_soft": False,
    "bt_reduction": "mean",
    "bt_use_weight": False,
    "bt_weight": "1, 2, 5",
    "bt_ignore": -100,
    "bt_smoothing": 0.0,
    "bt_double": False,
    "bt_paste": "label,z1,z2,z3\n1,2.0,1.0,0.1\n2,0.5,2.5,-1.0\n3,1.0,1.0,1.0\n,3.0,-1.0,0.0\n",
    "bt_vocab_n": 8,
    "bt_vocab_seed": 0,
    "bt_vocab_spread": 1.0,
    "bt_vocab_hint": 0.0,
}

SOFT_EXAMPLE = "z1,z2,z3,q1,q2,q3\n2.0,1.0,0.1,0.7,0.2,0.1\n0.5,2.5,-1.0,0.1,0.8,0.1\n"
_NAN = float("nan")
_BASIC = (
    [1.0, 2.0, 3.0, _NAN],
    [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 1.0], [3.0, -1.0, 0.0]],
    [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.25, 0.25, 0.5], [0.5, 0.5, 0.0]],
)
PRESETS = {
    "basic": {"table": _BASIC, "options": {}},
    "weighted": {"table": _BASIC, "options": {"bt_use_weight": True, "bt_weight": "1, 2, 5"}},
    "all_ignored": {"table": ([_NAN] * 4, *_BASIC[1:]), "options": {}},
    "soft": {"table": _BASIC, "options": {"bt_soft": True}},
    "pad_token": {
        "table": ([1.0, 2.0, 1.0, 3.0], *_BASIC[1:]),
        "options": {"bt_ignore": 0},
    },
}


def frame(labels: np.ndarray, logits: np.ndarray, soft: np.ndarray) -> pd.DataFrame:
    """Return the table's DataFrame: ``label``, ``z1 … zK``, ``q1 … qK``."""
    k = logits.shape[1]
    columns = {"label": np.asarray(labels, dtype=np.float64)}
    columns |= {f"z{i + 1}": logits[:, i] for i in range(k)}
    columns |= {f"q{i + 1}": soft[:, i] for i in range(k)}
    return pd.DataFrame(columns, index=pd.RangeIndex(1, logits.shape[0] + 1))


def _complete(table: BatchTable) -> pd.DataFrame:
    """Return the DataFrame of a loaded table, its missing labels or targets filled in."""
    n, k = table.logits.shape
    labels = table.labels
    if labels is None:  # probability targets only: label each row with its likeliest class
        labels = np.argmax(table.soft, axis=1) + 1.0
    soft = table.soft
    if soft is None:  # labels only: one-hot targets, uniform for an ignored row
        soft = np.full((n, k), 1.0 / k)
        kept = ~np.isnan(labels)
        soft[kept] = np.eye(k)[labels[kept].astype(int) - 1]
    return frame(labels, table.logits, soft)


def _install(df: pd.DataFrame) -> None:
    state = st.session_state
    state["_bt_base"] = state["_bt_current"] = df
    state["_bt_version"] = state.get("_bt_version", 0) + 1
    state["bt_k"] = (df.shape[1] - 1) // 2


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
    """Callback of K: add classes (logit 0, probability 0) or drop the last ones.

    Dropped probability is spread over the classes left (each row still sums to 1).
    """
    df = st.session_state["_bt_current"]
    old, new = (df.shape[1] - 1) // 2, int(st.session_state["bt_k"])
    if new == old:
        return
    values = df.to_numpy(dtype=np.float64, na_value=np.nan)
    logits, soft = values[:, 1 : 1 + old], values[:, 1 + old :]
    if new > old:
        logits = np.pad(logits, ((0, 0), (0, new - old)))
        soft = np.pad(soft, ((0, 0), (0, new - old)))
    else:
        logits, soft = logits[:, :new], soft[:, :new]
        with np.errstate(invalid="ignore", divide="ignore"):
            soft = soft / np.sum(soft, axis=1, keepdims=True)  # what is left still sums to 1
        soft[~np.isfinite(soft).all(axis=1)] = 1.0 / new
    _install(frame(values[:, 0], logits, soft))  # a label now beyond K is reported, not changed


def _clear_messages() -> None:
    for key in ("_bt_paste_message", "_bt_upload_message"):
        st.session_state.pop(key, None)


def _load(source: str, data: str | bytes) -> None:
    try:
        table = parse_batch_csv(data)
    except TableError as exc:
        st.session_state[f"_bt_{source}_message"] = ("error", table_error_text(exc, t))
        return
    _install(_complete(table))
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
        error = TableError("too_big", size_mb=f"{file.size / 2**20:.1f}", max_mb="5")
        st.session_state["_bt_upload_message"] = ("error", table_error_text(error, t))
        return
    _load("upload", file.getvalue())


def message(source: str) -> None:
    """Show the last result of loading from ``source`` ("paste" or "upload") beside its input."""
    kind, text = st.session_state.get(f"_bt_{source}_message", (None, None))
    if kind == "error":
        st.error(text, icon=":material/error:")
    elif kind == "success":
        st.success(text, icon=":material/check_circle:")


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


def editable(df: pd.DataFrame) -> bool:
    """Return whether the table is small enough to edit in the page."""
    return df.shape[0] * df.shape[1] <= EDITOR_MAX_CELLS


def read_table(df: pd.DataFrame, soft: bool) -> BatchTable:
    """Return the checked batch in ``df`` (labels or probability targets, as chosen)."""
    k = (df.shape[1] - 1) // 2
    values = df.to_numpy(dtype=np.float64, na_value=np.nan).reshape(-1, 2 * k + 1)
    logits, q = values[:, 1 : 1 + k], values[:, 1 + k :]
    if soft:
        return check_batch_table(logits, soft=q)
    return check_batch_table(logits, values[:, 0])


def checked_table(df: pd.DataFrame, soft: bool) -> tuple[BatchTable, bool]:
    """Return the table's batch, or (with a message shown) the last valid one and False."""
    try:
        table = read_table(df, soft)
    except TableError as exc:
        if exc.row:  # name the row as the editor numbers it (rows may have been deleted)
            exc = exc.at(row=int(df.index[exc.row - 1]))
        st.error(table_error_text(exc, t), icon=":material/error:")
        last = st.session_state.get("_bt_valid")
        if last is None or (last.soft is None) == soft:
            last = read_table(_preset_frame("basic"), soft)
        return last, False
    st.session_state["_bt_valid"] = table
    return table, True


def editor(soft: bool) -> pd.DataFrame:
    """Draw the table (editable unless too large) and return it as it is on screen now."""
    base = editor_base()
    k = (base.shape[1] - 1) // 2
    if not editable(base):
        st.info(t("batch.too_big_to_edit", n=base.shape[0], k=k, shown=PREVIEW_ROWS))
        st.dataframe(base.head(PREVIEW_ROWS))
        return st.session_state["_bt_current"]
    st.caption(t("batch.table.help.soft" if soft else "batch.table.help"))
    logits = [f"z{i + 1}" for i in range(k)]
    soft_columns = [f"q{i + 1}" for i in range(k)]
    config = {
        "label": st.column_config.NumberColumn(
            t("batch.col.label.editor"),
            help=t("batch.col.label.editor.help"),
            min_value=1,
            max_value=MAX_CLASSES,
            step=1,
            format="%d",
        ),
        **{name: st.column_config.NumberColumn(name) for name in logits},
        **{
            name: st.column_config.NumberColumn(name, min_value=0.0, max_value=1.0)
            for name in soft_columns
        },
    }
    edited = st.data_editor(
        base,
        key=editor_key(),
        column_order=logits + soft_columns if soft else ["label", *logits],
        column_config=config,
        num_rows="dynamic",
        hide_index=False,
        placeholder="—",
    )
    remember(edited)
    return edited


# ---- the link ---------------------------------------------------------------------------------
MAX_LINK_CSV = 2000  # a larger batch stays out of the link (its options are still in it)
ROW_BREAK = "~"  # rows of the CSV in the link; "~" needs no escaping in a URL


def _cell(x: float) -> str:
    return f"{x:g}" if float(f"{x:g}") == x else repr(x)


def link_csv(table: BatchTable) -> str | None:
    """Return the batch as CSV for the link (labels, or targets when it has no labels; rows
    joined by ``~``), or None when that text would pass :data:`MAX_LINK_CSV` characters.
    """
    n, k = table.logits.shape
    if n * (k + 1) * 2 > MAX_LINK_CSV:  # every cell takes at least 2 characters
        return None
    soft = table.labels is None
    header = ([] if soft else ["label"]) + [f"z{i + 1}" for i in range(k)]
    header += [f"q{i + 1}" for i in range(k)] if soft else []
    rows = [",".join(header)]
    for i in range(n):
        cells = [] if soft else ["" if np.isnan(table.labels[i]) else str(int(table.labels[i]))]
        cells += [_cell(float(v)) for v in table.logits[i]]
        cells += [_cell(float(v)) for v in table.soft[i]] if soft else []
        rows.append(",".join(cells))
    text = ROW_BREAK.join(rows)
    return text if len(text) <= MAX_LINK_CSV else None


def _read_link_csv(value: str) -> BatchTable:
    if len(value) > MAX_LINK_CSV or any(ord(c) < 32 for c in value):
        raise ValueError("bt_csv")
    return parse_batch_csv(value.replace(ROW_BREAK, "\n"))  # a TableError is a ValueError


def _put_link_table(table: BatchTable) -> None:
    _install(_complete(table))
    st.session_state["bt_soft"] = table.labels is None


def _link_table() -> str | None:
    table = st.session_state.get("_bt_valid")
    return None if table is None else link_csv(table)


def _weights_field() -> urlstate.Field:
    """Return the field of the class weights: one finite weight >= 0 per class of the batch."""
    field = urlstate.text("bt_weight", max_chars=20 * MAX_CLASSES, default=DEFAULTS["bt_weight"])

    def read(value: str) -> str:
        text = field.read(value)
        k = (st.session_state["_bt_current"].shape[1] - 1) // 2  # the link's batch comes first
        check_class_weights(parse_vector(text, allow_nan=False, max_count=MAX_CLASSES), k)
        return text

    return replace(field, read=read, when=lambda: bool(st.session_state.get("bt_use_weight")))


def _on_grid(key: str, high: float, step: float) -> urlstate.Field:
    """Return the field of a slider from 0 to ``high`` by ``step``: only values it can reach."""
    field = urlstate.number(key, 0.0, high, default=DEFAULTS[key])

    def read(value: str) -> float:
        steps = field.read(value) / step
        if abs(steps - round(steps)) > 1e-9:
            raise ValueError(key)
        return round(round(steps) * step, 10) + 0.0  # + 0.0 turns -0 into 0

    return replace(field, read=read)


def _flag(key: str) -> urlstate.Field:
    return urlstate.flag(key, default=DEFAULTS[key])


DEFAULT_LINK_CSV = link_csv(check_batch_table(np.array(_BASIC[1]), np.array(_BASIC[0])))
URL_FIELDS = (
    urlstate.Field(
        "bt_csv", _read_link_csv, get=_link_table, put=_put_link_table, default=DEFAULT_LINK_CSV
    ),
    _flag("bt_soft"),
    urlstate.choice("bt_reduction", REDUCTIONS, default=DEFAULTS["bt_reduction"]),
    _flag("bt_use_weight"),
    _weights_field(),
    urlstate.integer(
        "bt_ignore",
        -1_000_000,
        1_000_000,
        default=DEFAULTS["bt_ignore"],
        when=lambda: not st.session_state.get("bt_soft"),
    ),
    _on_grid("bt_smoothing", 1.0, 0.05),
    _flag("bt_double"),
    urlstate.integer("bt_vocab_n", 1, MAX_VOCAB_ROWS, default=DEFAULTS["bt_vocab_n"]),
    urlstate.integer("bt_vocab_seed", 0, 2**32 - 1, default=DEFAULTS["bt_vocab_seed"]),
    _on_grid("bt_vocab_spread", 5.0, 0.25),
    _on_grid("bt_vocab_hint", 20.0, 0.5),
)
