"""Every text module: the same keys in both languages, the same placeholders, and no key that
no code uses."""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import pytest

from lab.i18n import _SHARED
from lab.lessons import EXTRA_PAGES, LESSONS

ROOT = Path(__file__).resolve().parents[1]
MODULES = (*_SHARED, *(f"pages.{lesson}.texts" for lesson in (*LESSONS, *EXTRA_PAGES)))
CODE = [p for d in ("app.py", "lab", "pages") for p in sorted((ROOT / d).rglob("*.py"))]
CODE = [
    p for p in [ROOT / "app.py", *CODE] if not p.name.startswith("texts") and "i18n" not in p.parts
]
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in dict.fromkeys(CODE))


def _placeholders(text: str) -> set[str]:
    """Return the ``{name}`` fields of ``text`` (LaTeX's ``{{...}}`` are not fields)."""
    return set(re.findall(r"(?<!\{)\{(\w+)(?:[:!][^{}]*)?\}(?!\})", text))


def _patterns() -> list[re.Pattern]:
    """Every key the code builds: literal strings, and f-strings with ``{...}`` as wildcards."""
    found = []
    for match in re.finditer(r"""(f?)(["'])([\w{][\w.{}\[\]-]*?)\2""", SOURCE):
        text = match.group(3)
        if match.group(1):
            parts = re.split(r"\{[^{}]*\}", text)
            if re.search("[a-z]", "".join(parts)):  # f"{a}.{b}" could build any key: no help
                found.append(re.compile("[\\w./-]*".join(map(re.escape, parts)) + "$"))
        else:
            found.append(re.compile(re.escape(text) + "$"))
    return found


PATTERNS = _patterns()


@pytest.mark.parametrize("name", MODULES)
def test_both_languages_have_the_same_keys_and_placeholders(name):
    module = import_module(name)
    assert module.EN.keys() == module.ZH.keys()
    for key, text in module.EN.items():
        assert _placeholders(text) == _placeholders(module.ZH[key]), key


@pytest.mark.parametrize("name", MODULES)
def test_every_key_is_used_by_some_code(name):
    module = import_module(name)
    unused = [
        key
        for key in module.EN
        if not any(p.match(key) for p in PATTERNS) and not key.startswith("error.")
    ]
    assert unused == []
