"""One table of user-visible strings, in English and Chinese, keyed by short stable ids.

The shell's strings and the error messages are here (``common``, ``errors``); each lesson keeps its
own in ``pages/<lesson>/texts.py``. Each module holds two dicts ``EN`` and ``ZH`` with the same
keys; this module merges them and refuses a key defined twice.
"""

from __future__ import annotations

from importlib import import_module

from lab.lessons import EXTRA_PAGES, LESSONS

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
_SHARED = ("lab.i18n.common", "lab.i18n.errors", "lab.i18n.live")


def _load() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"en": {}, "zh": {}}
    for name in (*_SHARED, *(f"pages.{lesson}.texts" for lesson in (*LESSONS, *EXTRA_PAGES))):
        module = import_module(name)
        for lang, strings in (("en", module.EN), ("zh", module.ZH)):
            twice = table[lang].keys() & strings.keys()
            if twice:
                raise KeyError(f"translation keys defined twice: {sorted(twice)}")
            table[lang].update(strings)
    return table


STRINGS = _load()


def translate(key: str, lang: str, /, **params: object) -> str:
    """Return the string ``key`` in ``lang`` formatted with ``params``; English if unknown."""
    strings = STRINGS.get(lang, STRINGS["en"])
    text = strings[key]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """Return ``"zh"`` for a Chinese browser locale (``zh``, ``zh-CN``, ...), else ``"en"``."""
    return "zh" if locale and locale.lower().startswith("zh") else "en"
