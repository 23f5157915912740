"""The lessons, in the order of the lecture note: each is a folder ``pages/<name>/``."""

from __future__ import annotations

LESSONS = ("playground", "derivation", "stability", "binary", "training", "batch")
EXTRA_PAGES = ("exercises",)  #: pages that are not lessons of the lecture, laid out the same way


def script(lesson: str) -> str:
    """Return the path of a lesson's page script, relative to ``app.py``."""
    return f"pages/{lesson}/{lesson}.py"
