"""The Sigmoid page's live x (``lab/live/sigmoid.py``) dragged across the σ chart, for
``bench_browser.py``: redraws a second, input -> redrawn, WebSocket frames sent before release,
and release -> the box, the link and the first metric holding the dragged x.
"""

from __future__ import annotations

import math
import time
from urllib.parse import parse_qs, urlparse

from drags import open_counting, summary

ROOT = ".st-key-bn_live .ce-sig"
CHART = f'{ROOT} .ce-live-plot[data-chart="bn_chart_sigmoid"]'
MOVES = 120  # pointer moves per drag
STATS = """(root) => { const w = root.parentElement.ceSigmoidWidget;
  return {frames: w.stats.frames, inputs: w.stats.inputs, quick: w.stats.quick,
          latencies: w.stats.latencies.slice(), x: w.x}; }"""

# Pointer events fired in the page every ``interval`` ms through the widget's own handlers (as
# bench_browser.PAGE_DRAG does for the Playground's bars), across 10 %–90 % of the plot area.
PAGE_DRAG = """async ([selector, moves, interval, right]) => {
  const gd = document.querySelector(selector);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  const at = (f) => box.left + xa._offset + xa._length * (0.1 + 0.8 * (right ? f : 1 - f));
  const y = box.top + ya._offset + ya._length / 2;
  const fire = (type, f) => gd.dispatchEvent(new PointerEvent(type, {
    pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, button: 0, buttons: 1,
    clientX: at(f), clientY: y}));
  fire('pointerdown', 0);
  for (let i = 1; i <= moves; i++) {
    fire('pointermove', i / moves);
    await new Promise((r) => setTimeout(r, interval));
  }
  await new Promise((r) => requestAnimationFrame(r));
}"""
PAGE_RELEASE = """(selector) => document.querySelector(selector).dispatchEvent(
  new PointerEvent('pointerup', {pointerId: 1, pointerType: 'mouse', isPrimary: true,
                                 bubbles: true}))"""


def sigma_text(x: float) -> str:
    """Return σ(x) as the page's first metric prints it (lab.numbers.bar, 4 decimals)."""
    s = 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
    return f"{s:.4f}"


def drag_once(page, root, sent: list[int], right: bool, driver: str) -> dict:
    before = root.evaluate(STATS)
    sent_before = sent[0]
    start = time.perf_counter()
    if driver == "page":
        page.evaluate(PAGE_DRAG, [CHART, MOVES, 8, right])
    else:
        box = page.locator(f"{CHART} .nsewdrag").first.bounding_box()
        y = box["y"] + box["height"] / 2
        at = [box["x"] + box["width"] * (0.1 + 0.8 * i / MOVES) for i in range(MOVES + 1)]
        at = at if right else at[::-1]
        page.mouse.move(at[0], y)
        page.mouse.down()
        for x in at[1:]:
            page.mouse.move(x, y)
        page.evaluate("() => new Promise((r) => requestAnimationFrame(r))")
    seconds = time.perf_counter() - start
    after = root.evaluate(STATS)
    during = sent[0] - sent_before
    released = time.perf_counter()
    if driver == "page":
        page.evaluate(PAGE_RELEASE, CHART)
    else:
        page.mouse.up()
    x = after["x"]
    page.wait_for_function(
        "t => document.querySelector('[data-testid=stMetricValue]')?.innerText.trim() === t",
        arg=sigma_text(x),
        timeout=60_000,
    )
    deadline = time.perf_counter() + 60
    while parse_qs(urlparse(page.evaluate("location.href")).query).get("bn_x") != [f"{x:g}"]:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the link holds {page.evaluate('location.href')}, not x = {x}")
        time.sleep(0.002)
    return {
        "fps": (after["frames"] - before["frames"]) / seconds,
        "input_rate": (after["inputs"] - before["inputs"]) / seconds,
        "latencies": after["latencies"][len(before["latencies"]) :],
        "quick": (after["quick"] - before["quick"]) / max(after["frames"] - before["frames"], 1),
        "sent_during": during,
        "release": time.perf_counter() - released,
    }


def drag_figures(browser, url: str, drags: int, driver: str) -> dict:
    """Open the Sigmoid page at ``url`` and drag x across its σ chart ``drags`` times."""
    page, sent = open_counting(browser, url, f"{ROOT}:not([data-pending]) .main-svg")
    root = page.locator(ROOT)
    runs = [drag_once(page, root, sent, i % 2 == 0, driver) for i in range(drags)]
    page.close()
    return summary(runs, medians=("quick",))
