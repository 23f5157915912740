"""Every page in a real browser: it opens in both languages, switches language, draws its charts."""

from __future__ import annotations

import re

import pytest

from lab.i18n import translate

from .conftest import SCREENSHOTS
from .helpers import (
    CJK,
    chart_summaries,
    expect,
    flat_chart_areas,
    language,
    rerun,
    save_full_page,
    title,
)

PAGES = ("playground", "derivation", "stability", "binary", "training", "batch")
LANGUAGES = ("en", "zh")
PRELOAD = [(name, lang) for name in PAGES for lang in LANGUAGES]  # in the tests' order

try:
    import PIL  # noqa: F401  (Streamlit depends on Pillow; without it only the DOM check runs)

    HAVE_PILLOW = True
except ImportError:
    HAVE_PILLOW = False


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_url_opens_the_page_with_a_title_in_its_language(pages, name, lang):
    page = pages.get(name, lang)  # fails on an exception box
    save_full_page(page, SCREENSHOTS / f"{name}_{lang}.png")
    dialogs = page.locator("[role=dialog]").all_text_contents()
    assert dialogs == [], f"/{name} shows a dialog: {dialogs}"
    current = page.locator("[data-testid=stSidebarNavLink][aria-current=page] p")
    expect(current).to_have_text(translate(f"nav.{name}", lang))
    heading = title(page)
    assert heading
    assert bool(CJK.search(heading)) == (lang == "zh"), heading


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_every_chart_has_drawn_data(pages, name, lang):
    page = pages.get(name, lang)
    charts = chart_summaries(page)
    assert charts, "no Plotly chart on the page"
    empty = [c for c in charts if not (c["traces"] and c["points"] and c["marks"])]
    assert not empty, f"charts without data: {empty}"
    if HAVE_PILLOW:
        assert flat_chart_areas(page) == [], "charts whose data area is one flat colour"


@pytest.mark.parametrize("name", PAGES)
def test_language_switch_translates_the_page(pages, name):
    page = pages.take(name, "en")
    english = title(page)
    nav_english = page.locator("[data-testid=stSidebarNavLink]").all_text_contents()
    charts_english = [c["title"] for c in chart_summaries(page)]

    rerun(page, lambda: language(page, "中文").click())
    chinese = title(page)
    assert chinese != english
    assert CJK.search(chinese), chinese
    assert page.locator("[data-testid=stSidebarNavLink]").all_text_contents() != nav_english
    charts_chinese = [c["title"] for c in chart_summaries(page)]
    assert len(charts_chinese) == len(charts_english)
    for before, after in zip(charts_english, charts_chinese, strict=True):
        assert not before or before != after, f"chart title not translated: {before!r}"
    expect(page).to_have_url(re.compile(r"[?&]lang=zh(&|$)"))

    rerun(page, lambda: language(page, "English").click())
    assert title(page) == english
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
