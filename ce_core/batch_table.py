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

from .errors import CodedError, messages

MAX_ROWS = 10_000
MAX_CLASSES = 1_000


class TableError(CodedError):
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

    prefix = "table."

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
        self.line, self.row, self.column, self.name = line, row, column, name
        super().__init__(code, line=line, row=row, column=column, name=name, **extra)

    def message(self) -> str:
        """Return the English message, after where the error is: ``"Row 2, column 1 (z1): ..."``."""
        line, row, column, name = self.line, self.row, self.column, self.name
        where = ", ".join(
            part
            for part in (
                f"line {line}" if line else f"row {row}" if row else "",
                f"column {column}" if column else "",
            )
            if part
        )
        where = f"{where} ({name})" if where and name else where or name
        text = super().message()
        return f"{where[0].upper()}{where[1:]}: {text}" if where else text

    def at(self, **location: object) -> TableError:
        """Return the same error at another location (a file's line instead of a table's row)."""
        extra = {k: v for k, v in self.params.items() if k not in ("line", "row", "column", "name")}
        where = {"line": self.line, "row": self.row, "column": self.column, "name": self.name}
        return TableError(self.code, **{**where, **location}, **extra)


#: English template of every :class:`TableError` code (a view of the one table).
MESSAGES = messages(TableError.prefix)


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


def _check_size(n: int, k: int) -> None:
    if n == 0:
        raise TableError("no_rows")
    if n > MAX_ROWS:
        raise TableError("too_many_rows", max_rows=MAX_ROWS)
    if k < 2:
        raise TableError("too_few_classes", k=k)
    if k > MAX_CLASSES:
        raise TableError("too_many_classes", k=k, max_classes=MAX_CLASSES)


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
    _check_size(n, k)
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
