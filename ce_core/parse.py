r"""Reading the numbers and names a student types, with errors that say which item is wrong.

What :func:`parse_vector` accepts, so that a list copied from Python, NumPy or a Chinese document
works as typed:

* separators: commas, semicolons, whitespace (spaces, tabs, newlines, the ideographic space), the
  full-width comma ``，``, the ideographic comma ``、`` and the full-width semicolon ``；``;
  one trailing comma is allowed (``1, 2, 3,``), an empty item (``1,,2``) is not;
* optional surrounding brackets ``[...]`` or ``(...)`` (full-width ``［］（）`` too);
* numbers in Python's float syntax (``-1.5``, ``.5``, ``3.``, ``1e-3``, ``2.5E+4``), ``inf``,
  ``infinity`` and ``nan`` with an optional sign, in any case. Full-width characters (``１２``,
  ``－３．５``) are read as their ASCII twins, as Unicode NFKC does, and the minus sign ``−``
  (U+2212) that typeset text uses counts as ``-``. The rest of NFKC is not applied: it would read
  the superscript in ``10²`` as a digit, giving 102.

Refused, each with its own :attr:`ParseError.code`: ``--1``, ``0x10``, ``1_000`` and ``٣``
(which ``float()`` itself would accept), ``1.2.3``, invisible control characters, and ``1e999``,
which overflows to ``inf`` although the student did not type ``inf``.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from numpy.typing import ArrayLike

from .arrays import as_float_array
from .errors import MESSAGES as ALL_MESSAGES
from .errors import CodedError

#: The codes a :class:`ParseError` may have; their English is in :data:`ce_core.errors.MESSAGES`.
CODES = (
    "empty",
    "too_long",
    "too_many",
    "bad_token",
    "empty_item",
    "bad_character",
    "unmatched_bracket",
    "overflow",
    "nan_not_allowed",
    "inf_not_allowed",
    "too_many_names",
    "name_too_long",
    "empty_name",
    "name_bad_character",
    "names_count",
)
#: English template of every :class:`ParseError` code (a view of the one table).
MESSAGES = {code: ALL_MESSAGES[code] for code in CODES}

_TOKEN_SHOWN = 30  # characters of an offending item quoted in a message


class ParseError(CodedError):
    """A typed list that cannot be read; ``code`` and ``params`` let the app translate it.

    Attributes
    ----------
    code : str
        A stable id, one of :data:`CODES`.
    token : str
        The offending item exactly as typed ('' when there is none).
    position : int
        Which item, counting from 1 (0 when the error is about the whole text).
    column : int
        Where the item starts in the text, counting characters from 0.
    params : dict
        Everything the message needs: ``token`` (quoted-safe, shortened), ``position``,
        ``column``, ``character`` (``column + 1``, as the message says it) and per-code extras.
    """

    def __init__(
        self, code: str, *, token: str = "", position: int = 0, column: int = 0, **extra: object
    ) -> None:
        self.token = token
        self.position = position
        self.column = column
        where = {"token": _shown(token), "position": position, "column": column}
        super().__init__(code, **where, character=column + 1, **extra)


def _shown(token: str) -> str:
    """Return ``token`` fit for a message: invisible characters escaped, long ones shortened."""
    short = token if len(token) <= _TOKEN_SHOWN else token[: _TOKEN_SHOWN - 1] + "…"
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in short)


# Whitespace: ASCII's, Unicode's spaces (NBSP, the ideographic space...) and line separators,
# but not the C0 "information separators" \x1c-\x1f that str.isspace() also counts.
_SPACE = " \t\n\r\f\v\u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
_COMMA = ",;，、；"
_ITEMS = re.compile(f"[^{re.escape(_SPACE + _COMMA)}]+|[{re.escape(_COMMA)}]")
_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?|inf(?:inity)?|nan)",
    re.IGNORECASE | re.ASCII,  # ASCII: Unicode case folding would let the Turkish ı match "i"
)
# Full-width forms U+FF01..U+FF5E are ASCII U+0021..U+007E shifted by 0xFEE0.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {ord("−"): ord("-")}
_BRACKETS = {"[": "]", "(": ")", "［": "］", "（": "）"}
_CLOSERS = set(_BRACKETS.values())


def _invisible(token: str) -> str | None:
    """Return the first control, format or unassigned character of ``token`` as U+XXXX, or None."""
    for c in token:
        if unicodedata.category(c)[0] == "C":
            return f"U+{ord(c):04X}"
    return None


def _number(token: str, position: int, column: int, allow_nan: bool, allow_inf: bool) -> float:
    """Return the value of one typed item, or raise ParseError saying why it is not a number."""
    text = token if token.isascii() else token.translate(_HALF_WIDTH)
    where = {"token": token, "position": position, "column": column}
    if not _NUMBER.fullmatch(text):
        codepoint = _invisible(token)
        if codepoint is not None:
            raise ParseError("bad_character", codepoint=codepoint, **where)
        raise ParseError("bad_token", **where)
    value = float(text)
    if value != value:
        if not allow_nan:
            raise ParseError("nan_not_allowed", **where)
    elif value in (np.inf, -np.inf):
        if text.lstrip("+-")[0] not in "iI":  # 1e999: too large, not a typed inf
            raise ParseError("overflow", **where)
        if not allow_inf:
            raise ParseError("inf_not_allowed", **where)
    return value


def _unwrap(text: str) -> tuple[str, int]:
    """Return the text inside optional outer brackets (and outer spaces), and where it starts."""
    start = len(text) - len(text.lstrip(_SPACE))
    end = len(text.rstrip(_SPACE))
    if start >= end:
        return "", 0
    first, last = text[start], text[end - 1]
    if first in _BRACKETS:
        if _BRACKETS[first] != last or end - start == 1:
            raise ParseError("unmatched_bracket", column=start, bracket=first)
        return text[start + 1 : end - 1], start + 1
    if last in _CLOSERS:
        raise ParseError("unmatched_bracket", column=end - 1, bracket=last)
    return text, 0


def parse_vector(
    text: str,
    *,
    max_count: int = 100_000,
    max_chars: int = 1_000_000,
    allow_nan: bool = True,
    allow_inf: bool = True,
) -> np.ndarray:
    """Return the numbers typed in ``text`` as a 1-D float64 array.

    Parameters
    ----------
    text : str
        Numbers separated by commas, semicolons or whitespace, optionally inside ``[ ]`` or
        ``( )``; see the module's documentation for everything that is accepted.
    max_count : int
        More numbers than this raise ParseError ``too_many``; the text is scanned only up to the
        first number too many.
    max_chars : int
        Longer text raises ParseError ``too_long`` before any of it is read.
    allow_nan, allow_inf : bool
        When False, a ``nan`` (resp. ``inf``/``-inf``) raises ``nan_not_allowed``
        (``inf_not_allowed``) naming its position.

    Returns
    -------
    ndarray, shape (count,), float64
        The numbers in the order typed.

    Raises
    ------
    ParseError
        With ``code`` one of ``empty``, ``too_long``, ``too_many``, ``bad_token``,
        ``empty_item``, ``bad_character``, ``unmatched_bracket``, ``overflow``,
        ``nan_not_allowed``, ``inf_not_allowed``. The first offending item is reported.

    Examples
    --------
    >>> parse_vector("2, 1, 0.1, -1, 3")
    array([ 2. ,  1. ,  0.1, -1. ,  3. ])
    >>> parse_vector("[0.5; -inf，１２、NaN]")
    array([ 0.5, -inf, 12. ,  nan])
    >>> parse_vector("1, 2, abc")
    Traceback (most recent call last):
    ...
    ce_core.parse.ParseError: 'abc' (number 3, at character 7) is not a number.
    """
    if len(text) > max_chars:
        raise ParseError("too_long", column=max_chars, length=len(text), max_chars=max_chars)
    inner, offset = _unwrap(text)
    values = _read_items(inner, offset, max_count, allow_nan, allow_inf)
    if not values:
        raise ParseError("empty")
    return np.array(values, dtype=np.float64)


def _read_items(
    inner: str, offset: int, max_count: int, allow_nan: bool, allow_inf: bool
) -> list[float]:
    """Return the numbers between the separators of ``inner`` (which starts at ``offset``)."""
    values: list[float] = []
    after_comma = True  # at the start, a comma would also leave an empty item before it
    for match in _ITEMS.finditer(inner):
        token, column = match.group(), match.start() + offset
        if token in _COMMA:
            if after_comma:
                raise ParseError("empty_item", position=len(values) + 1, column=column)
            after_comma = True
            continue
        after_comma = False
        if len(values) == max_count:
            raise ParseError(
                "too_many", token=token, position=max_count + 1, column=column, max_count=max_count
            )
        values.append(_number(token, len(values) + 1, column, allow_nan, allow_inf))
    return values


def _formatted(value: np.floating, digits: int | None) -> str:
    if digits is None:
        text = str(value)  # NumPy's shortest text that reads back as the same value of its dtype
        return text[:-2] if text.endswith(".0") else text
    return format(float(value), f".{digits}g")


def format_vector(values: ArrayLike, digits: int | None = 6) -> str:
    """Return ``values`` as text that :func:`parse_vector` reads back: ``"2, 1, 0.1, -1, 3"``.

    Parameters
    ----------
    values : array_like, shape (K,) or a scalar
        The numbers; their dtype decides the shortest exact text when ``digits`` is None.
    digits : int or None
        Significant digits (``format(v, ".6g")``). None gives the shortest text that reads back as
        exactly the same value, so ``parse_vector(format_vector(x, None))`` equals ``x`` (float64).
        Infinities and NaN are written ``inf``, ``-inf``, ``nan``.

    Examples
    --------
    >>> format_vector([2.0, 1.0, 0.1, -1.0, 3.0])
    '2, 1, 0.1, -1, 3'
    >>> format_vector([1 / 3, np.inf, np.nan], digits=3)
    '0.333, inf, nan'
    >>> format_vector([0.1 + 0.2, 1e300], digits=None)
    '0.30000000000000004, 1e+300'
    """
    whole = isinstance(digits, int) and not isinstance(digits, bool)
    if digits is not None and not (whole and digits >= 1):
        raise ValueError(f"digits must be a whole number of at least 1, or None; got {digits!r}")
    x = as_float_array(values, "values")
    if x.ndim > 1:
        raise ValueError(f"values must be a list of numbers, got shape {x.shape}")
    return ", ".join(_formatted(v, digits) for v in x.reshape(-1))
