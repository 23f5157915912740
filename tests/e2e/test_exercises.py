"""The Exercises page in a real browser: each kind solved once by typing, checked, its solution
revealed, and its link followed to the lesson page showing the same numbers. Languages and the
three screens (projector presented, laptop, phone with touch) are spread across the kinds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ce_core import parse_vector
from lab.i18n import translate
from pages.exercises.model import generate
from pages.exercises.view import lesson_link
from tests.pages.exercises.oracle import answers, typed

from .conftest import SCREENSHOTS, Opener
from .helpers import (
    RUN_COUNTER,
    commit_text,
    expect,
    expect_no_exception,
    rerun,
    save_full_page,
    wait_charts_drawn,
    wait_idle,
    widget,
    widget_values,
)

SCREENS = {
    "projector": {"viewport": {"width": 1280, "height": 720}},
    "laptop": {"viewport": {"width": 1440, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}
SEED = 42
# kind, language, screen: every kind once, each language and screen several times
CASES = [
    ("softmax", "en", "laptop"),
    ("loss", "zh", "phone"),
    ("gradient", "en", "projector"),
    ("jacobian", "zh", "laptop"),
    ("shift", "en", "phone"),
    ("sigmoid", "zh", "projector"),
    ("finite_difference", "en", "phone"),
    ("smoothing", "zh", "laptop"),
]


def numbers(text: str | None) -> list[float]:
    return parse_vector(text or "").tolist()


def lesson_shows(p, lesson: Page) -> None:
    """Wait until the lesson page's inputs hold the problem's numbers."""
    z = [float(v) for v in p.z]
    if p.kind == "softmax" or p.kind in ("loss", "gradient", "jacobian", "finite_difference"):
        keys, expected = ["z", "y"], {"z": z, "y": str(p.target + 1)}
    elif p.kind == "shift":
        keys, expected = ["st_z"], {"st_z": z}
    elif p.kind == "sigmoid":
        keys, expected = ["bn_x"], {"bn_x": z}
    elif p.weight is None:
        keys, expected = ["bt_smoothing"], {"bt_smoothing": f"{p.eps:.2f}"}
    else:
        keys, expected = ["bt_weight"], {"bt_weight": [float(w) for w in p.weight]}

    def shown() -> dict:
        values = widget_values(lesson, keys)
        return {k: numbers(v) if isinstance(expected[k], list) else v for k, v in values.items()}

    expect_no_exception(lesson)
    for _ in range(100):
        if shown() == expected:
            return
        lesson.wait_for_timeout(100)
    raise AssertionError(f"the lesson shows {shown()}, not {expected}")


@pytest.fixture
def screen_context(
    request: pytest.FixtureRequest, browser: Browser, browser_context_args: dict
) -> Iterator[BrowserContext]:
    args = {**browser_context_args, **SCREENS[request.param], "locale": "en-US"}
    context = browser.new_context(**args)
    context.add_init_script(RUN_COUNTER)  # for the lesson opened in a new tab too
    yield context
    context.close()


@pytest.mark.parametrize(
    ("kind", "lang", "screen_context"),
    CASES,
    indirect=["screen_context"],
    ids=[f"{k}-{lang}-{s}" for k, lang, s in CASES],
)
def test_solve_check_reveal_and_open_the_lesson(
    kind: str, lang: str, screen_context: BrowserContext, open_page: Opener, request
):
    screen = request.node.callspec.params["screen_context"]
    query = {"kind": kind, "seed": str(SEED)} | ({"present": "1"} if screen == "projector" else {})
    page = open_page(screen_context.new_page(), "exercises", lang, **query)
    p = generate(kind, SEED)
    for name, values in answers(p).items():
        commit_text(page, f"ex_answer_{name}", typed(values))
    rerun(page, lambda: widget(page, "ex_check").get_by_role("button").click())
    expect(page.get_by_text(translate("exercises.result.solved", lang))).to_be_visible()
    rerun(page, lambda: widget(page, "ex_solution").get_by_role("button").click())
    expect(page.get_by_text(translate("exercises.steps", lang))).to_be_visible()
    expect_no_exception(page)
    assert "ex_answer" not in page.url
    save_full_page(page, SCREENSHOTS / f"exercises_{kind}_{lang}_{screen}.png")
    lesson_name = lesson_link(p, lang, False)[0]
    link = page.get_by_role("link", name=translate(f"exercises.link.{lesson_name}", lang))
    with screen_context.expect_page() as opened:
        link.click()
    lesson = opened.value
    wait_idle(lesson, 1, 20_000, 600)
    wait_charts_drawn(lesson)
    assert f"/{lesson_name}?" in lesson.url
    lesson_shows(p, lesson)
