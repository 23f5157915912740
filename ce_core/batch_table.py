r"""A batch of examples typed as a table: logits, labels counting from 1, or probability targets.

One row per example. The logits are :math:`z_{n1} \dots z_{nK}`; the target of a row is either a
label :math:`1 \dots K` (as everywhere in the app; PyTorch's class index is ``label - 1``), or a
blank label (NaN) for a row that PyTorch should ignore, or a distribution
:math:`q_{n1} \dots q_{nK}` (probability, "soft", targets). :func:`check_batch_table` accepts such
arrays or raises a :class:`TableError` naming the row and the column, which the CSV reader turns
into the line and column of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

MAX_ROWS = 10_000
MAX_CLASSES = 1_000

#: English text of every :class:`TableError` code; the app translates the same ids.
MESSAGES = {
    "too_big": "The file has {size_mb} MB; at most {max_mb} MB are allowed.",
    "binary": "This is not a text file (it holds a zero byte at byte {offset}). Upload a CSV "
    "saved as text.",
    "utf16": "This file is saved as UTF-16 text. Save it as UTF-8 CSV and try again.",
    "encoding": "These bytes are not UTF-8 text. Save the file as UTF-8 CSV and try again.",
    "control_character": "'{token}' contains the invisible character {codepoint}.",
    "malformed": "The CSV cannot be read: {detail}.",
    "no_header": "The CSV is empty: its first line must be a header such as label,z1,z2,z3.",
    "unknown_column": "'{token}' is not a column name this page knows: use label (or target), "
    "z1 … zK and q1 … qK.",
    "duplicate_column": "The column '{token}' appears twice.",
    "missing_column": "The header has no column {token}: the logits must be z1, z2, … zK with "
    "none missing.",
    "no_target": "The header needs a label column (classes 1 … K) or the columns q1 … qK "
    "(probability targets).",
    "label_and_target": "Use a label column (counting from 1) or a target column (counting from "
    "0), not both.",
    "q_count": "There are {count} probability columns q… for {k} classes: give q1 … q{k}.",
    "too_few_classes": "At least 2 classes are needed (z1 and z2), got {k}.",
    "too_many_classes": "{k} classes is too many: at most {max_classes} are allowed.",
    "too_many_rows": "Too many rows: at most {max_rows} are allowed.",
    "no_rows": "There is no example: add at least one row below the header.",
    "cell_count": "This line has {count} cells but the header has {expected}.",
    "blank": "This cell is empty: every logit and every probability needs a number.",
    "not_number": "'{token}' is not a number.",
    "nan_value": "'{token}' is not allowed here: every value must be a number.",
    "overflow": "'{token}' is too large: the largest number is about 1.8e308.",
    "pos_inf": "+inf is not a usable logit: its softmax is undefined. Use a large finite "
    "number; -inf masks a class.",
    "all_masked": "Every logit of this row is -inf: at least one must be finite.",
    "label": "'{token}' is not a class: labels are whole numbers from 1 to {k}. Leave the "
    "label empty to ignore the row.",
    "target": "'{token}' is not a class index: targets are whole numbers from 0 to {last} "
    "(or -100, or empty, to ignore the row).",
    "probability": "'{token}' is not a probability: it must be between 0 and 1.",
    "probability_sum": "The probabilities of this row add up to {total}, not 1.",
}


class TableError(ValueError):
    """A batch table that cannot be used; ``code``, ``params`` and the location say why and where.

    Attributes
    ----------
    code : str
        One of the keys of :data:`MESSAGES`.
    line, row, column : int
        Where: the line of a CSV file, the row of the table (both counting from 1, 0 when not
        about one line or row) and the column (counting from 1, 0 when about the whole row).
    name : str
        The name of the column (``"z2"``, ``"label"``), or ``""``.
    params : dict
        What the message needs, plus ``line``, ``row``, ``column`` and ``name``.
    """

    def __init__(
        self,
        code: str,
        *,
        line: int = 0,
        row: int = 0,
        column: int = 0,
        name: str = "",
        **extra: object,
    ) -> None:
        self.code = code
        self.line, self.row, self.column, self.name = line, row, column, name
        self.params = {"line": line, "row": row, "column": column, "name": name, **extra}
        where = ", ".join(
            part
            for part in (
                f"line {line}" if line else f"row {row}" if row else "",
                f"column {column}" if column else "",
            )
            if part
        )
        where = f"{where} ({name})" if where and name else where or name
        text = MESSAGES[code].format(**self.params)
        super().__init__(f"{where[0].upper()}{where[1:]}: {text}" if where else text)

    def at(self, **location: object) -> TableError:
        """Return the same error at another location (a file's line instead of a table's row)."""
        extra = {k: v for k, v in self.params.items() if k not in ("line", "row", "column", "name")}
        where = {"line": self.line, "row": self.row, "column": self.column, "name": self.name}
        return TableError(self.code, **{**where, **location}, **extra)


@dataclass(frozen=True)
class BatchTable:
    """A checked batch: logits, and labels or probability targets (or both)."""

    logits: np.ndarray  #: (N, K) float64; -inf masks a class
    labels: np.ndarray | None  #: (N,) float64 classes counting from 1, NaN where ignored
    soft: np.ndarray | None  #: (N, K) float64 probability targets, each row summing to 1

    @property
    def num_rows(self) -> int:
        """Return N, the number of examples."""
        return self.logits.shape[0]

    @property
    def num_classes(self) -> int:
        """Return K, the number of classes."""
        return self.logits.shape[1]


def _shown(value: float) -> str:
    return format(float(value), ".10g")


def _first(mask: np.ndarray) -> tuple[int, int]:
    row, column = np.argwhere(mask)[0]
    return int(row), int(column)


def _check_logits(z: np.ndarray) -> None:
    with np.errstate(invalid="ignore"):
        for code, bad in (("blank", np.isnan(z)), ("pos_inf", np.isposinf(z))):
            if bad.any():
                n, k = _first(bad)
                raise TableError(code, row=n + 1, column=k + 1, name=f"z{k + 1}")
        masked = np.all(np.isneginf(z), axis=1)
    if masked.any():
        raise TableError("all_masked", row=int(np.flatnonzero(masked)[0]) + 1)


def _check_labels(labels: np.ndarray, k: int) -> None:
    with np.errstate(invalid="ignore"):
        bad = ~np.isnan(labels) & ~((labels >= 1) & (labels <= k) & (labels == np.round(labels)))
    if bad.any():
        n = int(np.flatnonzero(bad)[0])
        raise TableError("label", row=n + 1, name="label", token=_shown(labels[n]), k=k)


def _check_soft(q: np.ndarray, tol: float) -> None:
    if np.isnan(q).any():
        n, k = _first(np.isnan(q))
        raise TableError("blank", row=n + 1, column=k + 1, name=f"q{k + 1}")
    bad = ~((q >= 0) & (q <= 1))
    if bad.any():
        n, k = _first(bad)
        raise TableError(
            "probability", row=n + 1, column=k + 1, name=f"q{k + 1}", token=_shown(q[n, k])
        )
    totals = np.sum(q, axis=1)
    off = np.abs(totals - 1) > tol
    if off.any():
        n = int(np.flatnonzero(off)[0])
        raise TableError("probability_sum", row=n + 1, total=f"{totals[n]:.6g}")


def check_batch_table(
    logits: ArrayLike,
    labels: ArrayLike | None = None,
    soft: ArrayLike | None = None,
    *,
    tol: float = 1e-6,
) -> BatchTable:
    r"""Return the batch as a :class:`BatchTable`, or raise :class:`TableError` naming the cell.

    Parameters
    ----------
    logits : array_like, shape (N, K)
        Every entry a number or ``-inf`` (a masked class); NaN stands for an empty cell.
    labels : array_like, shape (N,), optional
        Classes counting from 1 (whole numbers in :math:`1 \dots K`), NaN for a row to ignore.
    soft : array_like, shape (N, K), optional
        Probability targets: each entry in [0, 1], each row summing to 1 within ``tol``.

    Raises
    ------
    TableError
        ``no_rows``, ``too_many_rows``, ``too_few_classes``, ``too_many_classes``; or, with the
        row (counting from 1) and column: ``blank``, ``pos_inf``, ``all_masked``, ``label``,
        ``probability``, ``probability_sum``. The first bad cell is reported.

    Examples
    --------
    >>> check_batch_table([[2.0, 1.0], [0.0, 0.0]], [1, np.nan]).labels
    array([ 1., nan])
    >>> check_batch_table([[2.0, 1.0], [0.0, 0.0]], [1, 3])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ce_core.batch_table.TableError: Row 2 (label): '3' is not a class: labels are whole ...
    """
    z = np.array(logits, dtype=np.float64, ndmin=2)
    if z.ndim != 2:
        raise ValueError(f"logits must be an N x K table, got shape {z.shape}")
    n, k = z.shape
    if n == 0:
        raise TableError("no_rows")
    if n > MAX_ROWS:
        raise TableError("too_many_rows", max_rows=MAX_ROWS)
    if k < 2:
        raise TableError("too_few_classes", k=k)
    if k > MAX_CLASSES:
        raise TableError("too_many_classes", k=k, max_classes=MAX_CLASSES)
    _check_logits(z)
    y = None
    if labels is not None:
        y = np.array(labels, dtype=np.float64).reshape(-1)
        if y.shape != (n,):
            raise ValueError(f"need {n} labels, got {y.size}")
        _check_labels(y, k)
    q = None
    if soft is not None:
        q = np.array(soft, dtype=np.float64)
        if q.shape != z.shape:
            raise ValueError(f"probability targets must have the logits' shape {z.shape}")
        _check_soft(q, tol)
    if y is None and q is None:
        raise TableError("no_target")
    return BatchTable(z, y, q)
