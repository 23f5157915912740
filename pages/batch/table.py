"""The Batch page's table: its DataFrame (as the editor shows it) and the batch it holds.

The DataFrame has the columns ``label`` (classes counting from 1, NaN for an ignored row),
``z1 … zK`` and ``q1 … qK`` (probability targets). Pure pandas and NumPy: no Streamlit here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ce_core import BatchTable, check_batch_table

EDITOR_MAX_CELLS = 20_000  # larger tables are shown, not edited, so the page stays quick
PREVIEW_ROWS = 100


def num_classes(df: pd.DataFrame) -> int:
    """Return K, the number of classes of the table ``df``."""
    return (df.shape[1] - 1) // 2


def frame(labels: np.ndarray, logits: np.ndarray, soft: np.ndarray) -> pd.DataFrame:
    """Return the table's DataFrame: ``label``, ``z1 … zK``, ``q1 … qK``."""
    k = logits.shape[1]
    columns = {"label": np.asarray(labels, dtype=np.float64)}
    columns |= {f"z{i + 1}": logits[:, i] for i in range(k)}
    columns |= {f"q{i + 1}": soft[:, i] for i in range(k)}
    return pd.DataFrame(columns, index=pd.RangeIndex(1, logits.shape[0] + 1))


def complete(table: BatchTable) -> pd.DataFrame:
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


def resized(df: pd.DataFrame, new: int) -> pd.DataFrame:
    """Return ``df`` with ``new`` classes: added ones get logit 0 and probability 0, dropped
    probability is spread over the classes left (each row still sums to 1).

    A label now beyond K is kept (the page reports it), not changed.
    """
    old = num_classes(df)
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
    return frame(values[:, 0], logits, soft)


def editable(df: pd.DataFrame) -> bool:
    """Return whether the table is small enough to edit in the page."""
    return df.shape[0] * df.shape[1] <= EDITOR_MAX_CELLS


def read_table(df: pd.DataFrame, soft: bool) -> BatchTable:
    """Return the checked batch in ``df`` (labels or probability targets, as chosen)."""
    k = num_classes(df)
    values = df.to_numpy(dtype=np.float64, na_value=np.nan).reshape(-1, 2 * k + 1)
    logits, q = values[:, 1 : 1 + k], values[:, 1 + k :]
    if soft:
        return check_batch_table(logits, soft=q)
    return check_batch_table(logits, values[:, 0])
