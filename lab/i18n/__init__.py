"""One table of user-visible strings, in English and Chinese, keyed by short stable ids.

Each page (and the shell) keeps its strings in a module of its own here, as two dicts ``EN`` and
``ZH`` with the same keys; this module merges them and refuses a key defined twice.
"""

from __future__ import annotations

from importlib import import_module

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
_MODULES = (
    "common",
    "errors",
    "playground",
    "derivation",
    "stability",
    "binary",
    "training",
    "batch",
)


def _load() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"en": {}, "zh": {}}
    for name in _MODULES:
        try:
            module = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # a page not written yet
            raise
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
