"""In headless Chromium: Enter in the logits box -> the new loss and every chart updated.

Measured for the Playground and for a trivial one-input, one-chart page served the same way in
the same run, and printed as a ratio (target: at most 1.3x). Also the time from opening a cold
page to its first drawn chart.

And the live softmax widget (``lab/live``), dragged with the mouse (``--drags``): redraws a
second and input -> redrawn during the drag (targets: >= 50 a second, p95 <= 33 ms), WebSocket
frames sent before release (target: 0), and release -> the metric and the link holding the
dragged logits, as a ratio to the trivial page's Enter -> update (target: <= 2x). The same for
the Sigmoid page's x dragged across its σ chart (``sigmoid_drag.py``).

    python benchmarks/bench_browser.py [--rounds 15] [--drags 8]

Local servers on free ports (127.0.0.1 only), stopped at the end.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

import drags as drags_lib
import sigmoid_drag
from load import ARGS, CHROMIUM, free_port, start_server, stop_server
from playwright.sync_api import sync_playwright

# Every chart holds the new numbers: ``want`` lists, per chart in page order, the trace and axis
# to read and the values expected there (to 1e-6), read from Plotly's own data (``_fullData``).
CHARTS_SHOW = """(want) => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (plots.length < want.length) return false;
  return want.every((w, i) => {
    const trace = (plots[i]._fullData || [])[w.trace];
    const got = trace && trace[w.axis] ? Array.from(trace[w.axis]) : [];
    const close = (v, e) => Math.abs(Number(v) - e) <= 1e-6 * (1 + Math.abs(e));
    return got.length === w.values.length && got.every((v, k) => close(v, w.values[k]));
  });
}"""


def metric_is(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('[data-testid=stMetricValue]')?.innerText.trim() === t",
        arg=text,
        timeout=60_000,
    )


def playground_expected(z: list[float]) -> tuple[str, list[dict]]:
    """Return the Playground's loss (true class 1) and what each of its 3 charts must show."""
    m = max(z)
    e = [math.exp(v - m) for v in z]
    a = [v / sum(e) for v in e]
    loss = math.log(sum(e)) - (z[0] - m)
    return (
        f"{loss:.4f}",
        [
            {"trace": 0, "axis": "y", "values": a},  # softmax bars
            {"trace": 0, "axis": "y", "values": [a[0] - 1, *a[1:]]},  # gradient a - y
            {"trace": 1, "axis": "x", "values": [a[0]]},  # the current point on -ln p
        ],
    )


def trivial_expected(z: list[float]) -> tuple[str, list[dict]]:
    return f"{sum(z):.4f}", [{"trace": 0, "axis": "y", "values": z}]


class Frames:
    """The WebSocket frames a page sends and receives, time-stamped (for the breakdown)."""

    def __init__(self, page) -> None:
        self.sent: list[float] = []
        self.received: list[float] = []
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        ws.on("framesent", lambda _: self.sent.append(time.perf_counter()))
        ws.on("framereceived", lambda _: self.received.append(time.perf_counter()))

    def clear(self) -> None:
        self.sent.clear()
        self.received.clear()


def enter_to_update(page, box, rounds: int, expected, frames: Frames | None = None):
    """Return the seconds from Enter to the metric and every chart showing each new input, and
    (with ``frames``) per round where they went: Enter -> the browser sends, -> the server's
    first answer, -> its last (the script's run), -> the metric shown, and the live widget's
    chart drawing (``LIVE``'s own clock)."""
    times, parts = [], []
    for i in range(rounds):
        z = [round(0.5 + 0.13 * i, 2), 1.0, -0.5, 2.0]
        metric, charts = expected(z)
        box.fill(", ".join(map(str, z)))
        if frames is not None:
            frames.clear()
            page.evaluate(CLEAR_DRAWS)
        start = time.perf_counter()
        box.press("Enter")
        metric_is(page, metric)
        shown = time.perf_counter()
        page.wait_for_function(CHARTS_SHOW, arg=charts, timeout=60_000, polling="raf")
        times.append(time.perf_counter() - start)
        if frames is not None and frames.sent and frames.received:
            parts.append(
                {
                    "send": frames.sent[0] - start,
                    "first answer": frames.received[0] - start,
                    "last answer": frames.received[-1] - start,
                    "metric": shown - start,
                    "charts drawn": page.evaluate(DRAWS) / 1e3,
                    "all": times[-1],
                }
            )
    return times, parts


CLEAR_DRAWS = """() => { const root = document.querySelector('.st-key-live_logits .ce-live');
  root.ceLive.stats.plotMs.length = 0; }"""
DRAWS = """() => document.querySelector('.st-key-live_logits .ce-live').ceLive.stats.plotMs
  .reduce((a, b) => a + b, 0)"""


def cold_first_chart(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.locator(".js-plotly-plot .bars path").first.wait_for(timeout=60_000)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


LIVE = ".st-key-live_logits .ce-live"  # the Playground's live widget
LIVE_STATS = """(root) => ({frames: root.ceLive.stats.frames, inputs: root.ceLive.stats.inputs,
  latencies: root.ceLive.stats.latencies.slice(), drawMs: root.ceLive.stats.drawMs.slice(),
  plotMs: root.ceLive.stats.plotMs.slice(), z: root.ceLive.drawn.z,
  T: root.ceLive.drawn.T})"""
MOVES = 120  # pointer moves per drag
DRIVERS = {
    "page": "pointer events fired in the page every 8 ms",
    "mouse": "Playwright's mouse, as fast as it goes",
}


def drag_once(page, root, k: int, sent: list[int], up: bool, driver: str) -> dict:
    """Drag class ``k``'s bar over its track; return redraw and release figures."""
    before = root.evaluate(LIVE_STATS)
    sent_before = sent[0]
    start = time.perf_counter()
    track = f'{LIVE} .ce-live-column[data-class="{k}"] .ce-live-track'
    box = page.locator(track).bounding_box()
    ends = [(box["x"] + box["width"] / 2, box["y"] + box["height"] * f) for f in (0.2, 0.8)]
    drags_lib.hand_drag(page, track, *(ends[::-1] if up else ends), MOVES, driver)
    seconds = time.perf_counter() - start
    after = root.evaluate(LIVE_STATS)
    during = sent[0] - sent_before
    released = time.perf_counter()
    drags_lib.hand_release(page, track, driver)
    z = after["z"]

    def link_holds(query: dict) -> bool:
        return [float(v) for v in query.get("z", [""])[0].split(",") if v.strip()] == z

    drags_lib.wait_released(page, live_loss(z, after["T"]), link_holds, str(z))
    run = drags_lib.drag_run(before, after, seconds, during, released)
    run["draw"] = after["drawMs"][len(before["drawMs"]) :]
    run["plot"] = after["plotMs"][len(before["plotMs"]) :]
    return run


def live_loss(z: list[float], temperature: float) -> str:
    """Return the Playground's loss for logits ``z`` (true class 1), as its metric prints it."""
    s = [v / temperature for v in z]
    m = max(s)
    return f"{math.log(sum(math.exp(v - m) for v in s)) - (s[0] - m):.4f}"


def drag_figures(browser, url: str, drags: int, driver: str) -> dict:
    """Open the Playground at ``url`` and drag its true class's bar ``drags`` times."""
    page, sent = drags_lib.open_counting(browser, url, f"{LIVE} .ce-live-plot .main-svg")
    root = page.locator(LIVE)
    runs = [drag_once(page, root, 0, sent, i % 2 == 1, driver) for i in range(drags)]
    page.close()
    return drags_lib.summary(runs, pooled=("draw", "plot"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--drags", type=int, default=8)
    args = parser.parse_args()
    app_port, trivial_port = free_port(), free_port()
    app = start_server(app_port, "app.py")
    trivial = start_server(trivial_port, "benchmarks/trivial_page.py")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            app_url = f"http://127.0.0.1:{app_port}/playground?lang=en"
            trivial_url = f"http://127.0.0.1:{trivial_port}/"
            for url in (app_url, trivial_url):  # servers warmed up
                cold_first_chart(browser, url)
            cold_app = statistics.median(cold_first_chart(browser, app_url) for _ in range(3))
            cold_trivial = statistics.median(
                cold_first_chart(browser, trivial_url) for _ in range(3)
            )

            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            frames = Frames(page)
            page.goto(app_url)
            page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
            box = page.get_by_role("textbox", name="Logits z")
            ours, parts = enter_to_update(page, box, args.rounds, playground_expected, frames)

            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(trivial_url)
            page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
            box = page.get_by_role("textbox", name="Numbers")
            baseline, _ = enter_to_update(page, box, args.rounds, trivial_expected)
            live_url = f"http://127.0.0.1:{app_port}/playground?lang=en&z=2,1,0.1,-1,3&y=1"
            drags = {d: drag_figures(browser, live_url, args.drags, d) for d in ("page", "mouse")}
            sigmoid_url = f"http://127.0.0.1:{app_port}/binary?lang=en&bn_x=2"
            sigmoid = {
                d: sigmoid_drag.drag_figures(browser, sigmoid_url, args.drags, d)
                for d in ("page", "mouse")
            }
            browser.close()
    finally:
        stop_server(app)
        stop_server(trivial)
    a, b = statistics.median(ours), statistics.median(baseline)
    print(
        f"Enter -> loss and all charts updated: Playground {a * 1e3:.0f} ms, trivial page "
        f"{b * 1e3:.0f} ms (medians of {args.rounds}) = {a / b:.2f}x"
    )
    if parts:
        medians = {k: statistics.median(p[k] for p in parts) * 1e3 for k in parts[0]}
        print(
            "  where the Playground's Enter goes (ms after Enter, medians): "
            + ", ".join(f"{k} {v:.0f}" for k, v in medians.items() if k != "charts drawn")
            + f"; of which the live widget drawing its 3 charts {medians['charts drawn']:.0f} ms"
        )
    print(
        f"cold page -> first chart: Playground {cold_app:.2f} s, trivial page "
        f"{cold_trivial:.2f} s = {cold_app / cold_trivial:.2f}x"
    )
    for driver, drag in drags.items():
        print(
            f"live widget, true class's bar dragged ({args.drags} drags of {MOVES} moves, "
            f"{DRIVERS[driver]}): {drag['fps']:.1f} redraws/s for {drag['input_rate']:.1f} "
            f"pointer events/s (medians), input -> redrawn p50 {drag['p50']:.1f} ms, "
            f"p95 {drag['p95']:.1f} ms, max {drag['max']:.1f} ms (a redraw: median "
            f"{drag['draw']:.1f} ms, of which the charts {drag['plot']:.1f} ms); WebSocket "
            f"frames sent before release: {drag['sent_during']}"
        )
        print(
            f"  release -> metric and link hold the dragged logits: "
            f"{drag['release'] * 1e3:.0f} ms (median) = {drag['release'] / b:.2f}x the trivial "
            f"page's Enter -> update"
        )
    for driver, drag in sigmoid.items():
        print(
            f"Sigmoid page, x dragged across the σ chart ({args.drags} drags of "
            f"{sigmoid_drag.MOVES} moves, {DRIVERS[driver]}): {drag['fps']:.1f} redraws/s for "
            f"{drag['input_rate']:.1f} pointer events/s (medians; {drag['quick']:.0%} of them "
            f"moving Plotly's SVG marks), input -> redrawn p50 {drag['p50']:.1f} ms, p95 "
            f"{drag['p95']:.1f} ms, max {drag['max']:.1f} ms; WebSocket frames sent before "
            f"release: {drag['sent_during']}"
        )
        print(
            f"  release -> box, link and σ metric hold the dragged x: "
            f"{drag['release'] * 1e3:.0f} ms (median) = {drag['release'] / b:.2f}x the trivial "
            f"page's Enter -> update"
        )


if __name__ == "__main__":
    main()
