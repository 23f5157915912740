r"""Reading a batch from CSV text, with errors that name the line and the column of the file.

The format (one example per line, after a header line)::

    label,z1,z2,z3
    1,2.0,1.0,0.1
    3,0.5,-1,2
    ,0,0,0

* ``z1 … zK``: the logits (``-inf`` masks a class). K from 2 to 1,000.
* ``label``: the true class counting from 1, as on the page (PyTorch's index is ``label - 1``);
  an empty label ignores the row. Or ``target``: PyTorch's index counting from 0 (``-100`` or
  empty ignores the row).
* ``q1 … qK`` (instead of, or as well as, a label): probability targets, each row summing to 1.

Columns may come in any order; cells are separated by commas (or tabs, or semicolons when the
header has no comma); a UTF-8 byte order mark and blank lines are skipped. At most 5 MB and
10,000 rows. Numbers use Python's syntax (``-1.5``, ``.5``, ``1e-3``, ``inf``).
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np

from .batch_table import MAX_CLASSES, MAX_ROWS, BatchTable, TableError, check_batch_table
from .csv_text import MAX_BYTES, decode_csv

_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?|inf(?:inity)?|nan)",
    re.IGNORECASE | re.ASCII,
)
_PLAIN = re.compile(r"[0-9eE.+\- \t,]*")  # cells (joined by commas) NumPy may convert at once
_HEADER = re.compile(r"([zq])([1-9][0-9]*)|label|target", re.ASCII)
_IGNORED_TARGET = -100  # PyTorch's default ignore_index


def _delimiter(text: str) -> str:
    """Return the header's cell separator: a tab, else a semicolon with no comma, else a comma."""
    # Lazily, line by line: splitlines() would hold a string per line of a 5 MB file.
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    if "\t" in first:
        return "\t"
    return ";" if ";" in first and "," not in first else ","


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Cc but tab, CR, LF


def _control(text: str) -> str | None:
    """Return the first control character of ``text`` as U+XXXX (tab and line ends allowed)."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


class _Header:
    """Where each column is: ``label``/``target`` position, logits' and probabilities' positions."""

    def __init__(self, cells: list[str], line: int) -> None:
        seen: dict[str, int] = {}
        for position, cell in enumerate(cells, 1):
            name = cell.strip().lower()
            where = {"line": line, "column": position, "token": cell.strip()}
            if not _HEADER.fullmatch(name):
                raise TableError("unknown_column", **where)
            if name in seen:
                raise TableError("duplicate_column", **where)
            seen[name] = position - 1
        if "label" in seen and "target" in seen:
            raise TableError("label_and_target", line=line)
        self.width = len(cells)
        self.label = seen.get("label", seen.get("target"))
        self.from_zero = "target" in seen
        self.z = self._numbered(seen, "z", line)
        self.q = self._numbered(seen, "q", line)
        k = len(self.z)
        if k < 2:
            raise TableError("too_few_classes", line=line, k=k)
        if k > MAX_CLASSES:
            raise TableError("too_many_classes", line=line, k=k, max_classes=MAX_CLASSES)
        if self.q and len(self.q) != k:
            raise TableError("q_count", line=line, count=len(self.q), k=k)
        if self.label is None and not self.q:
            raise TableError("no_target", line=line)

    @staticmethod
    def _numbered(seen: dict[str, int], letter: str, line: int) -> list[int]:
        count = sum(1 for name in seen if name[0] == letter and name not in ("label", "target"))
        missing = [f"{letter}{i}" for i in range(1, count + 1) if f"{letter}{i}" not in seen]
        if missing:
            raise TableError("missing_column", line=line, token=missing[0])
        return [seen[f"{letter}{i}"] for i in range(1, count + 1)]

    def name(self, position: int) -> str:
        """Return the column name at ``position`` (from 0)."""
        if position == self.label:
            return "target" if self.from_zero else "label"
        if position in self.z:
            return f"z{self.z.index(position) + 1}"
        return f"q{self.q.index(position) + 1}"


def _cell(token: str, where: dict, logit: bool) -> float:
    """Return the number in one cell, or raise TableError saying why it is not usable."""
    text = token.strip(" \t")
    if not text:
        raise TableError("blank", **where)
    if not _NUMBER.fullmatch(text):
        codepoint = _control(text)
        if codepoint is not None:
            raise TableError("control_character", token=text[:30], codepoint=codepoint, **where)
        raise TableError("not_number", token=text[:30], **where)
    value = float(text)
    if value != value:
        raise TableError("nan_value", token=text, **where)
    if value in (np.inf, -np.inf) and text.lstrip("+-")[0] not in "iI":
        raise TableError("overflow", token=text[:30], **where)
    if logit and value == np.inf:
        raise TableError("pos_inf", **where)
    if not logit and not 0 <= value <= 1:
        raise TableError("probability", token=text[:30], **where)
    return value


def _numbers(cells: list[str], positions: list[int], header: _Header, line: int, logit: bool):
    """Return the cells at ``positions`` as floats: NumPy for plain ones, else cell by cell."""
    tokens = [cells[i] for i in positions]
    if _PLAIN.fullmatch(",".join(tokens)):
        try:
            values = np.array(tokens, dtype=np.float64)
        except ValueError:
            pass  # an empty cell or a stray sign: let the careful path say where
        else:
            if np.all(np.isfinite(values)) and (logit or np.all((values >= 0) & (values <= 1))):
                return values
    return np.array(
        [
            _cell(cells[i], {"line": line, "column": i + 1, "name": header.name(i)}, logit)
            for i in positions
        ]
    )


def _label(cells: list[str], header: _Header, line: int, k: int) -> float:
    """Return a row's class counting from 1, NaN when the row is to be ignored."""
    token = cells[header.label].strip(" \t")
    name = header.name(header.label)
    where = {"line": line, "column": header.label + 1, "name": name, "token": token[:30]}
    if not token:
        return np.nan
    value = float(token) if _NUMBER.fullmatch(token) else np.nan
    whole = value == value and value == round(value) if abs(value) != np.inf else False
    if header.from_zero:
        if value == _IGNORED_TARGET:
            return np.nan
        if not (whole and 0 <= value < k):
            raise TableError("target", last=k - 1, **where)
        return value + 1
    if not (whole and 1 <= value <= k):
        raise TableError("label", k=k, **where)
    return value


def parse_batch_csv(
    data: str | bytes,
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    tol: float = 1e-6,
) -> BatchTable:
    r"""Return the batch written in CSV ``data`` (text, or the bytes of an uploaded file).

    See the module's documentation for the format. Labels come back counting from 1 (NaN for an
    ignored row) whether the file had ``label`` or ``target``.

    Parameters
    ----------
    data : str or bytes
        The CSV text; bytes are decoded by :func:`~ce_core.decode_csv` (UTF-8 only).
    max_bytes, max_rows : int
        Larger files (``too_big``) and more example rows (``too_many_rows``) are refused.
    tol : float
        How far from 1 a row of probability targets may sum.

    Returns
    -------
    BatchTable
        The logits ``(N, K)``, the labels ``(N,)`` or None, the probability targets or None.

    Raises
    ------
    TableError
        The first problem found, with ``line`` and ``column`` of the file (counting from 1) and
        the column's ``name``; ``code`` says what is wrong (see
        :data:`ce_core.batch_table.MESSAGES`).

    Examples
    --------
    >>> table = parse_batch_csv("label,z1,z2,z3\n1,2,1,0.1\n,0,0,0\n")
    >>> table.logits.tolist(), table.labels.tolist()
    ([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]], [1.0, nan])
    >>> parse_batch_csv("label,z1,z2\n1,2,abc\n")
    Traceback (most recent call last):
    ...
    ce_core.batch_table.TableError: Line 2, column 3 (z2): 'abc' is not a number.
    """
    text = decode_csv(data, max_bytes=max_bytes) if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")  # a byte order mark pasted along with the text
    _check_size(text, max_bytes)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = _Rows()
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):  # else a blank line, or an empty row of commas
                rows.read(cells, reader.line_num, max_rows)
    except csv.Error as exc:
        raise TableError("malformed", line=reader.line_num, detail=str(exc)) from None
    if rows.header is None:
        raise TableError("no_header")
    if not rows.lines:
        raise TableError("no_rows", line=reader.line_num)
    return rows.table(tol)


def _check_size(text: str, max_bytes: int) -> None:
    """Raise ``too_big`` if ``text`` is longer than ``max_bytes`` once encoded as UTF-8."""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise TableError(
            "too_big",
            size_mb=f"{len(text.encode('utf-8', 'surrogatepass')) / 2**20:.1f}",
            max_mb=f"{max_bytes / 2**20:g}",
        )


class _Rows:
    """The header, then the rows read so far: logits, labels, probability targets, line numbers."""

    def __init__(self) -> None:
        self.header: _Header | None = None
        self.lines: list[int] = []
        self.logits: list[np.ndarray] = []
        self.labels: list[float] = []
        self.soft: list[np.ndarray] = []

    def read(self, cells: list[str], line: int, max_rows: int) -> None:
        """Read one line that is not blank: the header first, then one example per line."""
        codepoint = _control("".join(cells))
        if codepoint is not None:
            position = next(i for i, c in enumerate(cells) if _control(c))
            raise TableError(
                "control_character",
                line=line,
                column=position + 1,
                token=cells[position].strip()[:30],
                codepoint=codepoint,
            )
        header = self.header
        if header is None:
            self.header = _Header(cells, line)
            return
        if len(cells) != header.width:
            column = min(len(cells), header.width) + 1  # the first missing, or first extra, cell
            raise TableError(
                "cell_count", line=line, column=column, count=len(cells), expected=header.width
            )
        if len(self.lines) == max_rows:
            raise TableError("too_many_rows", line=line, max_rows=max_rows)
        self.lines.append(line)
        self.logits.append(_numbers(cells, header.z, header, line, logit=True))
        if header.label is not None:
            self.labels.append(_label(cells, header, line, len(header.z)))
        if header.q:
            self.soft.append(_numbers(cells, header.q, header, line, logit=False))

    def table(self, tol: float) -> BatchTable:
        """Return the rows checked as a whole, errors moved to the file's line and column."""
        header = self.header
        try:
            return check_batch_table(
                np.array(self.logits),
                np.array(self.labels) if header.label is not None else None,
                np.array(self.soft) if header.q else None,
                tol=tol,
            )
        except TableError as exc:
            if not exc.row:
                raise
            columns = header.z if exc.name.startswith("z") else header.q
            column = columns[exc.column - 1] + 1 if exc.column else 0
            raise exc.at(line=self.lines[exc.row - 1], row=0, column=column) from None
