"""Reading an uploaded file as text: UTF-8 only, with the line and column of a bad byte."""

from __future__ import annotations

from .batch_table import TableError

MAX_BYTES = 5 * 1024 * 1024


def decode_csv(data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Return the text of an uploaded file, or raise :class:`TableError` if it is not UTF-8 text.

    Refuses files over ``max_bytes`` (``too_big``), UTF-16 (``utf16``), files holding a zero
    byte (``binary``) and bytes that are not UTF-8 (``encoding``, with the line and column).
    A UTF-8 byte order mark is dropped.

    Examples
    --------
    >>> decode_csv(b"\\xef\\xbb\\xbflabel,z1,z2\\n")
    'label,z1,z2\\n'
    >>> decode_csv(b"label,z1\\n1,\\xff\\n")
    Traceback (most recent call last):
    ...
    ce_core.batch_table.TableError: Line 2, column 3: These bytes are not UTF-8 text. Save the
    file as UTF-8 CSV and try again.
    """
    if len(data) > max_bytes:
        raise TableError(
            "too_big", size_mb=f"{len(data) / 2**20:.1f}", max_mb=f"{max_bytes / 2**20:g}"
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise TableError("utf16")
    zero = data.find(b"\x00")
    if zero >= 0:
        raise TableError("binary", offset=zero + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise TableError("encoding", line=line, column=column) from None
