"""The Batch page's link: every option, and the batch too while it is small (``bt_csv``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from ce_core import MAX_VOCAB_ROWS, BatchTable, check_batch_table, parse_batch_csv, parse_vector
from ce_core.batch_table import MAX_CLASSES
from lab import numbers, urlstate
from pages.batch.model import check_class_weights
from pages.batch.options import IGNORE_RANGE, REDUCTIONS, SMOOTHING_STEP
from pages.batch.state import (
    BASIC,
    DEFAULTS,
    VOCAB_HINT,
    VOCAB_SEED_MAX,
    VOCAB_SPREAD,
    install_link_table,
)

MAX_LINK_CSV = 2000  # a larger batch stays out of the link (its options are still in it)
ROW_BREAK = "~"  # rows of the CSV in the link; "~" needs no escaping in a URL


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
        cells += [numbers.exact(float(v)) for v in table.logits[i]]
        cells += [numbers.exact(float(v)) for v in table.soft[i]] if soft else []
        rows.append(",".join(cells))
    text = ROW_BREAK.join(rows)
    return text if len(text) <= MAX_LINK_CSV else None


def _read_link_csv(value: str) -> BatchTable:
    if len(value) > MAX_LINK_CSV or any(ord(c) < 32 for c in value):
        raise ValueError("bt_csv")
    return parse_batch_csv(value.replace(ROW_BREAK, "\n"))  # a TableError is a ValueError


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


DEFAULT_LINK_CSV = link_csv(check_batch_table(np.array(BASIC[1]), np.array(BASIC[0])))
URL_FIELDS = (
    urlstate.Field(
        "bt_csv", _read_link_csv, get=_link_table, put=install_link_table, default=DEFAULT_LINK_CSV
    ),
    _flag("bt_soft"),
    urlstate.choice("bt_reduction", REDUCTIONS, default=DEFAULTS["bt_reduction"]),
    _flag("bt_use_weight"),
    _weights_field(),
    urlstate.integer(
        "bt_ignore",
        *IGNORE_RANGE,
        default=DEFAULTS["bt_ignore"],
        when=lambda: not st.session_state.get("bt_soft"),
    ),
    _on_grid("bt_smoothing", 1.0, SMOOTHING_STEP),
    _flag("bt_double"),
    urlstate.integer("bt_vocab_n", 1, MAX_VOCAB_ROWS, default=DEFAULTS["bt_vocab_n"]),
    urlstate.integer("bt_vocab_seed", 0, VOCAB_SEED_MAX, default=DEFAULTS["bt_vocab_seed"]),
    _on_grid("bt_vocab_spread", *VOCAB_SPREAD),
    _on_grid("bt_vocab_hint", *VOCAB_HINT),
)
