"""Reading the class names a student types, one per class, with errors that say which is wrong."""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

from .parse import ParseError

_NAME_SEPARATORS = re.compile(r"[,，、\n]")


def _control(name: str) -> str | None:
    """Return the first control character or lone surrogate of ``name`` as U+XXXX, or None.

    Format characters are allowed: the zero-width joiner is part of many emoji.
    """
    for c in name:
        if unicodedata.category(c) in ("Cc", "Cs"):
            return f"U+{ord(c):04X}"
    return None


def parse_class_names(
    text: str, num_classes: int | None = None, *, max_count: int = 1000, max_length: int = 40
) -> list[str]:
    """Return the class names in ``text``, separated by commas (``,``, ``，``, ``、``) or newlines.

    Each name is stripped of surrounding whitespace; blank text gives ``[]``. Empty names before
    the first name or after the last are ignored (a trailing comma or newline), but an empty name
    between two names is refused: it would shift every following name to the wrong class.

    Parameters
    ----------
    text : str
        What was typed.
    num_classes : int, optional
        When given, there must be exactly this many names, or none at all.
    max_count, max_length : int
        At most this many names, each of at most this many characters.

    Raises
    ------
    ParseError
        ``too_many_names`` (more than ``max_count``, found without reading further),
        ``name_too_long`` (more than ``max_length`` characters), ``empty_name``,
        ``name_bad_character`` (a control character inside a name), or ``names_count`` (with
        ``count`` and ``k``: not one name per class).

    Examples
    --------
    >>> parse_class_names("cat, dog，bird\\nfish\\n")
    ['cat', 'dog', 'bird', 'fish']
    >>> parse_class_names("   ")
    []
    """
    names: list[str] = []
    gap: dict | None = None  # where the first empty name after the last name was
    start = 0
    ends = chain((m.start() for m in _NAME_SEPARATORS.finditer(text)), [len(text)])
    for end in ends:
        raw = text[start:end]
        name = raw.strip()
        column = start + len(raw) - len(raw.lstrip())
        start = end + 1
        where = {"token": name, "position": len(names) + 1, "column": column}
        if not name:
            gap = gap or where
            continue
        if gap is not None and names:
            raise ParseError("empty_name", **gap)
        gap = None
        if len(names) == max_count:
            raise ParseError("too_many_names", max_count=max_count, **where)
        if len(name) > max_length:
            raise ParseError("name_too_long", length=len(name), max_length=max_length, **where)
        codepoint = _control(name)
        if codepoint is not None:
            raise ParseError("name_bad_character", codepoint=codepoint, **where)
        names.append(name)
    if num_classes is not None and names and len(names) != num_classes:
        raise ParseError("names_count", count=len(names), k=num_classes)
    return names
