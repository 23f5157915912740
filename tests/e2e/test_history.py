"""The browser's Back and Forward undo and redo input changes: the address follows every change,
and an earlier address brings its values back."""

from __future__ import annotations

import math

from playwright.sync_api import BrowserContext, Page

from .conftest import Opener
from .helpers import commit_text, eventually, metric, rerun, widget


def _loss(z: list[float], target: int) -> str:
    """The loss the page prints for logits ``z`` and true class ``target`` (from 1), by hand."""
    total = math.log(sum(math.exp(v) for v in z))
    return f"{total - z[target - 1]:.4f}"


def test_back_and_forward_step_through_the_typed_logits(
    shared_context: BrowserContext, open_page: Opener
):
    page: Page = shared_context.new_page()
    try:
        open_page(page, "playground", "en", z="1,2,3")
        commit_text(page, "z", "3, 2, 1")
        commit_text(page, "z", "0, 0, 5")
        assert metric(page, "Loss") == _loss([0, 0, 5], 1)
        box = widget(page, "z").locator("input")

        rerun(page, page.go_back)
        eventually(lambda: box.input_value(), lambda v: v == "3,2,1")
        eventually(lambda: metric(page, "Loss"), lambda v: v == _loss([3, 2, 1], 1))
        rerun(page, page.go_back)
        eventually(lambda: box.input_value(), lambda v: v == "1,2,3")
        eventually(lambda: metric(page, "Loss"), lambda v: v == _loss([1, 2, 3], 1))
        rerun(page, page.go_forward)
        eventually(lambda: box.input_value(), lambda v: v == "3,2,1")
        assert "z=3%2C2%2C1" in page.url or "z=3,2,1" in page.url
    finally:
        page.close()
