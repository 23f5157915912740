"""What ``bench_browser.py``'s drags share: a page that counts the WebSocket frames it sends, and
the figures of a series of drags."""

from __future__ import annotations

import math
import statistics


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
