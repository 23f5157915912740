"""The Playground in a real browser: typing, presets, bad input, shared links, keeping inputs."""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import Browser, Page

from ce_core import parse_vector
from lab.i18n import translate

from .conftest import VIEWPORT
from .helpers import (
    CJK,
    bar_texts,
    bar_values,
    commit_text,
    expect,
    expect_values,
    language,
    metric,
    rerun,
    title,
    wait_idle,
    widget,
)

PATH = "playground"
PRELOAD = [(PATH, "en")]


@pytest.fixture
def page(pages) -> Page:
    """A fresh Playground in English (a new session; the next one is already loading)."""
    return pages.take(PATH, "en", refill=True)


def softmax(z: list[float]) -> list[float]:
    exps = [math.exp(v - max(z)) for v in z]
    return [e / sum(exps) for e in exps]


def loss(z: list[float], j: int) -> float:
    """Cross-entropy of logits ``z`` for true class ``j`` (counted from 1), computed by hand."""
    return math.log(sum(math.exp(v) for v in z)) - z[j - 1]


def shown(values: list[float]) -> list[str]:
    return [f"{v:.3f}" for v in values]


def loss_shown(page: Page) -> str:
    return metric(page, translate("playground.loss", "en"))


def test_typed_logits_change_the_loss_and_the_bars(page: Page):
    commit_text(page, "z", "0, 0, 0")  # Enter commits
    expect(page.locator("[data-testid=stMetricValue]").first).to_have_text(f"{math.log(3):.4f}")
    assert loss_shown(page) == "1.0986"
    expect_values(page, "chart_probs", [1 / 3] * 3)
    assert bar_texts(page, "chart_probs") == ["0.333"] * 3
    expect_values(page, "chart_grad", [1 / 3 - 1, 1 / 3, 1 / 3])  # a - y with class 1 true
    # typing reruns only the page's fragment, which keeps the link current all the same
    expect(page).to_have_url(re.compile(r"[?&]z=0%2C0%2C0(&|$)"))

    commit_text(page, "z", "1, 2, 3", how="Tab")  # leaving the box commits too
    z = [1.0, 2.0, 3.0]
    expect(page.locator("[data-testid=stMetricValue]").first).to_have_text(f"{loss(z, 1):.4f}")
    expect_values(page, "chart_probs", softmax(z))
    assert bar_texts(page, "chart_probs") == shown(softmax(z)) == ["0.090", "0.245", "0.665"]
    expect(page).to_have_url(re.compile(r"[?&]z=1%2C2%2C3(&|$)"))


def test_lecture_preset_shows_the_note_numbers(page: Page):
    rerun(page, lambda: widget(page, "preset_lecture").get_by_role("button").click())
    expect(page.locator("[data-testid=stMetricValue]").first).to_have_text("1.6094")
    expect_values(page, "chart_probs", [0.1, 0.1, 0.1, 0.2, 0.5])
    assert bar_texts(page, "chart_probs") == ["0.100", "0.100", "0.100", "0.200", "0.500"]
    assert bar_values(page, "chart_probs", trace=1) == [0, 0, 0, 1, 0]  # the one-hot target
    assert loss_shown(page) == f"{-math.log(0.2):.4f}"


def test_bad_logits_show_the_error_and_keep_everything_else(page: Page):
    commit_text(page, "y", "2")
    slider = page.locator(".ce-live-t input")  # the temperature: the live widget's slider
    rerun(page, lambda: slider.press("ArrowRight"))
    temperature = page.locator(".ce-live-t output").text_content()
    assert temperature != "1"
    commit_text(page, "z", "1, 2, 3")
    loss_before = loss_shown(page)
    bars_before = bar_values(page, "chart_probs")
    texts_before = bar_texts(page, "chart_probs")
    z, T = [1.0, 2.0, 3.0], float(temperature)
    assert bars_before == pytest.approx(softmax([v / T for v in z]), abs=1e-12)

    commit_text(page, "z", "1, abc")

    try:
        parse_vector("1, abc")
    except ValueError as exc:
        message = translate(f"error.{exc.code}", "en", **exc.params)
    alert = page.locator(".st-key-z + div [data-testid=stAlert] [data-testid=stMarkdownContainer]")
    expect(alert).to_have_text(message)
    assert "abc" in message
    expect(widget(page, "z").locator("input")).to_have_value("1, abc")  # the typing is kept
    expect(widget(page, "y").locator("input")).to_have_value("2")
    expect(page.locator(".ce-live-t output")).to_have_text(temperature)
    assert loss_shown(page) == loss_before
    assert bar_values(page, "chart_probs") == bars_before
    assert bar_texts(page, "chart_probs") == texts_before
    expect(page.get_by_text(translate("error.using_last", "en"))).to_be_visible()
    assert page.locator("[data-testid=stException]").count() == 0


def test_inputs_survive_a_language_switch(page: Page):
    commit_text(page, "z", "0, 0, 0")
    rerun(page, lambda: language(page, "中文").click())
    assert CJK.search(title(page))
    expect(widget(page, "z").locator("input")).to_have_value("0, 0, 0")
    assert metric(page, translate("playground.loss", "zh")) == "1.0986"


def test_inputs_survive_a_trip_to_another_page(page: Page):
    commit_text(page, "z", "0, 0, 0")
    nav = page.locator("[data-testid=stSidebarNavLink]")
    rerun(page, lambda: nav.filter(has_text=translate("nav.derivation", "en")).click())
    rerun(page, lambda: nav.filter(has_text=translate("nav.playground", "en")).click())
    expect(widget(page, "z").locator("input")).to_have_value("0, 0, 0")
    assert loss_shown(page) == "1.0986"


@pytest.mark.parametrize("path", ["playground", ""], ids=["playground", "root"])
def test_shared_link_opens_with_its_values_in_a_fresh_browser(
    browser: Browser, open_page, path: str
):
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = open_page(context.new_page(), path, lang="zh", z="1,2,3", y="2")
        wait_idle(page)
        assert CJK.search(title(page))
        expect(widget(page, "z").locator("input")).to_have_value("1,2,3")
        expect(widget(page, "y").locator("input")).to_have_value("2")
        z = [1.0, 2.0, 3.0]
        assert metric(page, translate("playground.loss", "zh")) == f"{loss(z, 2):.4f}" == "1.4076"
        expect_values(page, "chart_probs", softmax(z))
        assert bar_values(page, "chart_probs", trace=1) == [0, 1, 0]
    finally:
        context.close()
