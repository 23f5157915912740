"""The Sigmoid page's live x (``lab/live/sigmoid.py``) dragged across the σ chart, for
``bench_browser.py``: redraws a second, input -> redrawn, WebSocket frames sent before release,
and release -> the box, the link and the first metric holding the dragged x.
"""

from __future__ import annotations

import time

from drags import drag_run, hand_drag, hand_release, open_counting, summary, wait_released

from ce_core import binary
from lab import numbers

ROOT = ".st-key-bn_live .ce-sig"
CHART = f'{ROOT} .ce-live-plot[data-chart="bn_chart_sigmoid"]'
MOVES = 120  # pointer moves per drag
STATS = """(root) => { const w = root.parentElement.ceSigmoidWidget;
  return {frames: w.stats.frames, inputs: w.stats.inputs, quick: w.stats.quick,
          latencies: w.stats.latencies.slice(), x: w.x}; }"""


def sigma_text(x: float) -> str:
    """Return σ(x) as the page's first metric prints it (``ce_core``, ``lab.numbers.bar``)."""
    return numbers.bar(float(binary.sigmoid(x)), 4)


def drag_once(page, root, sent: list[int], right: bool, driver: str) -> dict:
    before = root.evaluate(STATS)
    sent_before = sent[0]
    start = time.perf_counter()
    # across 10 %–90 % of the plot area (Plotly's drag layer), half way up
    box = page.locator(f"{CHART} .nsewdrag").first.bounding_box()
    y = box["y"] + box["height"] / 2
    ends = [(box["x"] + box["width"] * f, y) for f in (0.1, 0.9)]
    hand_drag(page, CHART, *(ends if right else ends[::-1]), MOVES, driver)
    seconds = time.perf_counter() - start
    after = root.evaluate(STATS)
    during = sent[0] - sent_before
    released = time.perf_counter()
    hand_release(page, CHART, driver)
    x = after["x"]
    wait_released(page, sigma_text(x), lambda query: query.get("bn_x") == [f"{x:g}"], f"x = {x}")
    run = drag_run(before, after, seconds, during, released)
    run["quick"] = (after["quick"] - before["quick"]) / max(after["frames"] - before["frames"], 1)
    return run


def drag_figures(browser, url: str, drags: int, driver: str) -> dict:
    """Open the Sigmoid page at ``url`` and drag x across its σ chart ``drags`` times."""
    page, sent = open_counting(browser, url, f"{ROOT}:not([data-pending]) .main-svg")
    root = page.locator(ROOT)
    runs = [drag_once(page, root, sent, i % 2 == 0, driver) for i in range(drags)]
    page.close()
    return summary(runs, medians=("quick",))
