"""The house rules of the layout, checked: each lesson a folder, no legacy ``pages/*.py``."""

from __future__ import annotations

from pathlib import Path

from lab.lessons import EXTRA_PAGES, LESSONS, script

ROOT = Path(__file__).resolve().parents[1]


def test_no_script_stands_directly_in_pages():
    """Streamlit's legacy routing reads ``pages/*.py``; with none there, it routes nothing.

    Such a file made the first visitors of a new server miss the shell (tests/e2e/test_shell.py).
    """
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == []


def test_every_lesson_is_a_folder_with_its_page_and_texts():
    for lesson in (*LESSONS, *EXTRA_PAGES):
        assert (ROOT / script(lesson)).is_file()
        assert (ROOT / "pages" / lesson / "texts.py").is_file()
