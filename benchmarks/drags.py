"""What ``bench_browser.py``'s drags share: a page that counts the WebSocket frames it sends, and
the figures of a series of drags."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlparse


def open_counting(browser, url: str, ready: str):
    """Open ``url`` in a new page and wait for ``ready``; return the page and a one-item list
    holding how many WebSocket frames it has sent so far."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    sent = [0]

    def count(_payload) -> None:
        sent[0] += 1

    page.on("websocket", lambda ws: ws.on("framesent", count))
    page.goto(url)
    page.locator(ready).first.wait_for(timeout=60_000)
    return page, sent


def summary(runs: list[dict], medians: tuple[str, ...] = (), pooled: tuple[str, ...] = ()) -> dict:
    """Return the figures of ``runs`` (one dict per drag): redraws and events a second, input ->
    redrawn p50/p95/max over every frame, frames sent before release, release time; plus the
    median over drags of each key in ``medians`` and over every frame of each in ``pooled``."""
    latencies = sorted(v for run in runs for v in run["latencies"])
    figures = {
        "fps": statistics.median(run["fps"] for run in runs),
        "input_rate": statistics.median(run["input_rate"] for run in runs),
        "p50": statistics.median(latencies),
        "p95": latencies[math.ceil(0.95 * len(latencies)) - 1],
        "max": latencies[-1],
        "sent_during": sum(run["sent_during"] for run in runs),
        "release": statistics.median(run["release"] for run in runs),
    }
    figures.update({key: statistics.median(run[key] for run in runs) for key in medians})
    figures.update({key: statistics.median(v for run in runs for v in run[key]) for key in pooled})
    return figures


# Pointer events fired in the page every ``interval`` ms, through the widget's own handlers, on
# a straight line from ``start`` to ``end`` (client coordinates): Playwright's mouse.move waits
# for a round trip per move (about 50 ms on a loaded 2-core machine), which would measure the
# driver, not the widget. The real mouse is measured too (``driver="mouse"``).
PAGE_DRAG = """async ([selector, moves, interval, start, end]) => {
  const target = document.querySelector(selector);
  const fire = (type, f) => target.dispatchEvent(new PointerEvent(type, {
    pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, button: 0, buttons: 1,
    clientX: start[0] + (end[0] - start[0]) * f, clientY: start[1] + (end[1] - start[1]) * f}));
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


def hand_drag(page, selector: str, start, end, moves: int, driver: str) -> None:
    """Press on ``selector`` at ``start``, move to ``end`` in ``moves`` steps (not released):
    with events fired in the page every 8 ms (``driver="page"``) or with Playwright's mouse."""
    if driver == "page":
        page.evaluate(PAGE_DRAG, [selector, moves, 8, list(start), list(end)])
        return
    page.mouse.move(*start)
    page.mouse.down()
    for i in range(1, moves + 1):
        f = i / moves
        page.mouse.move(start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f)
    page.evaluate("() => new Promise((r) => requestAnimationFrame(r))")


def hand_release(page, selector: str, driver: str) -> None:
    """Let go of the drag :func:`hand_drag` made."""
    if driver == "page":
        page.evaluate(PAGE_RELEASE, selector)
    else:
        page.mouse.up()


METRIC_IS = """(text) => document.querySelector('[data-testid=stMetricValue]')
  ?.innerText.trim() === text"""


def wait_released(page, metric: str, link_holds: Callable[[dict], bool], what: str) -> None:
    """Wait (60 s at most each) until the page's first metric reads ``metric`` and its link's
    query (``parse_qs``) satisfies ``link_holds``; ``what`` names the value in the error."""
    page.wait_for_function(METRIC_IS, arg=metric, timeout=60_000)
    deadline = time.perf_counter() + 60
    while not link_holds(parse_qs(urlparse(page.evaluate("location.href")).query)):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the link holds {page.evaluate('location.href')}, not {what}")
        time.sleep(0.002)


def drag_run(before: dict, after: dict, seconds: float, during: int, released: float) -> dict:
    """Return one drag's figures for :func:`summary` from the widget's stats before and after
    it, the drag's length, the frames sent during it and when it was released."""
    return {
        "fps": (after["frames"] - before["frames"]) / seconds,
        "input_rate": (after["inputs"] - before["inputs"]) / seconds,
        "latencies": after["latencies"][len(before["latencies"]) :],
        "sent_during": during,
        "release": time.perf_counter() - released,
    }
