"""Every page on the three screens a class has: a projector (1280×720, presentation mode), a
laptop (1440×900) and a phone (390×844, touch), in both languages.

Fails when a number, label or button is cut short with "…", when an equation is wider than its
column, when a chart's toolbar shows on a touch screen, or when a page's first screen misses
its inputs and its main chart (on the projector, the Playground's input, loss and both bar
charts), or when a phone shows the Playground's or the Sigmoid page's four numbers one under
another instead of in a 2×2 grid. Screenshots of every case go to ``artifacts/screens/``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from lab.lessons import LESSONS

from .conftest import ARTIFACTS, Opener
from .helpers import save_full_page

SCREENS = {
    "projector": {"viewport": {"width": 1280, "height": 720}, "query": {"present": "1"}},
    "laptop": {"viewport": {"width": 1440, "height": 900}, "query": {}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "query": {},
        "device": {"has_touch": True, "is_mobile": True, "device_scale_factor": 2},
    },
}
SHOTS = ARTIFACTS / "screens"

# Elements whose text the browser cut with an ellipsis (content wider than the box).
_CUT = """
() => Array.from(document.querySelectorAll('[data-testid=stMain] *, [data-testid=stSidebar] *'))
  .filter((el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();  // a folded sidebar is off screen: not shown
    return style.textOverflow === 'ellipsis' && el.offsetParent !== null
      && box.right > 0 && box.left < window.innerWidth
      && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim() !== '';
  })
  .map((el) => el.textContent.trim().slice(0, 60))
"""

# Equations wider than their column (KaTeX's box against the block that holds it).
_WIDE_EQUATIONS = """
() => Array.from(document.querySelectorAll('[data-testid=stMain] .katex-display'))
  .filter((el) => el.offsetParent !== null)
  .map((el) => {
    const column = el.closest('[data-testid=stVerticalBlock]') || el.parentElement;
    const katex = el.querySelector('.katex');
    return {text: el.textContent.slice(0, 50), width: katex.scrollWidth, room: column.clientWidth};
  })
  .filter((e) => e.width > e.room + 1)
"""

_TOOLBARS = """
() => Array.from(document.querySelectorAll('.modebar-container, .modebar'))
  .filter((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0
      && Number(style.opacity) > 0;
  }).length
"""

# The top of the first element matching each selector, in page coordinates.
_TOPS = """
(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, selector]) => {
  const els = Array.from(document.querySelectorAll(selector)).filter((e) => e.offsetParent);
  return [name, els.map((e) => {
    const box = e.getBoundingClientRect();
    return [box.top + window.scrollY, box.bottom + window.scrollY];
  })];
}))
"""
FIRST_SCREEN = {
    "input": "[data-testid=stMain] [data-testid=stTextInput] input,"
    " [data-testid=stMain] [data-testid=stNumberInput] input,"
    " [data-testid=stMain] [data-testid=stTextArea] textarea,"
    " [data-testid=stMain] [data-testid=stSlider]",
    "chart": "[data-testid=stMain] [data-testid=stPlotlyChart],"
    " [data-testid=stMain] .ce-live-bars, [data-testid=stMain] .ce-live-plot",  # lab/live
    "metric": "[data-testid=stMain] [data-testid=stMetricValue]",
    "equation": "[data-testid=stMain] .katex-display",
}
# What a lesson's first screen must show besides its inputs (the Derivation's first tab is the
# derivation itself: its live widget is under the result, its other charts in the later tabs).
MAIN = {"derivation": "equation"}
# Pages whose four numbers stand in a row of their own: a 2×2 grid on a phone (lab/style.py).
METRIC_GRID = {"playground", "binary"}


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, browser: Browser) -> Iterator[tuple[str, BrowserContext]]:
    spec = SCREENS[request.param]
    context = browser.new_context(
        viewport=spec["viewport"], locale="en-US", **spec.get("device", {})
    )
    yield request.param, context
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_page_fits_the_screen(screen, lesson: str, lang: str, open_page: Opener):
    name, context = screen
    spec = SCREENS[name]
    page: Page = context.new_page()
    try:
        open_page(page, lesson, lang, **spec["query"])
        page.wait_for_timeout(300)  # fonts and KaTeX settle after the charts
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{name}-{lesson}-{lang}.png")
        save_full_page(page, SHOTS / f"{name}-{lesson}-{lang}-full.png")
        problems = {}
        cut = page.evaluate(_CUT)
        if cut:
            problems["cut with …"] = cut
        wide = page.evaluate(_WIDE_EQUATIONS)
        if wide:
            problems["equations wider than their column"] = wide
        if spec.get("device", {}).get("has_touch"):
            # the first chart one can see (the Derivation's are in tabs not yet opened)
            shown = page.locator("[data-testid=stPlotlyChart]:visible, .ce-live-plot:visible")
            if shown.count():
                shown.first.tap()
            if page.evaluate(_TOOLBARS):
                problems["chart toolbar on a touch screen"] = page.evaluate(_TOOLBARS)
        height = spec["viewport"]["height"]
        tops = page.evaluate(_TOPS, FIRST_SCREEN)
        if name == "projector":
            missing = _not_on_first_screen(tops, height, lesson)
            if missing:
                problems["not on the first screen"] = missing
        elif name == "phone":
            main = MAIN.get(lesson, "chart")
            if _far_below(tops, height, main):
                problems[f"first {main} more than a screen below the input"] = tops[main][0]
            if lesson in METRIC_GRID and tops["metric"][0][0] != tops["metric"][1][0]:
                problems["metrics not in a 2×2 grid"] = tops["metric"][:4]
        assert problems == {}, f"{name} {lesson} {lang}: {problems}"
    finally:
        page.close()


def _not_on_first_screen(tops: dict, height: int, lesson: str) -> list[str]:
    """Return what the projector's first screen should show and does not."""
    needed = {"input": 1, MAIN.get(lesson, "chart"): 2 if lesson == "playground" else 1}
    if lesson == "playground":
        needed["metric"] = 1
    missing = []
    for what, count in needed.items():
        shown = [box for box in tops[what] if box[1] <= height]
        if len(shown) < count:
            missing.append(f"{what} ×{count} (have {tops[what][:count]})")
    return missing


def _far_below(tops: dict, height: int, main: str = "chart") -> bool:
    """Return whether the first ``main`` element (a chart; the Derivation's equations) starts
    more than one screen below the first input."""
    return bool(tops[main] and tops["input"]) and tops[main][0][0] > tops["input"][0][0] + height
