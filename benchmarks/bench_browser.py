"""In headless Chromium: Enter in the logits box -> the new loss and every chart updated.

Measured for the Playground and for a trivial one-input, one-chart page served the same way in
the same run, and printed as a ratio (target: at most 1.3x). Also the time from opening a cold
page to its first drawn chart.

    python benchmarks/bench_browser.py [--rounds 15]

Two local servers on free ports (127.0.0.1 only), stopped at the end.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

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


def enter_to_update(page, box, rounds: int, expected) -> list[float]:
    """Return the seconds from Enter to the metric and every chart showing each new input."""
    times = []
    for i in range(rounds):
        z = [round(0.5 + 0.13 * i, 2), 1.0, -0.5, 2.0]
        metric, charts = expected(z)
        box.fill(", ".join(map(str, z)))
        start = time.perf_counter()
        box.press("Enter")
        metric_is(page, metric)
        page.wait_for_function(CHARTS_SHOW, arg=charts, timeout=60_000, polling="raf")
        times.append(time.perf_counter() - start)
    return times


def cold_first_chart(browser, url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.locator(".js-plotly-plot .bars path").first.wait_for(timeout=60_000)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
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
            page.goto(app_url)
            page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
            box = page.get_by_role("textbox", name="Logits z")
            ours = enter_to_update(page, box, args.rounds, playground_expected)

            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(trivial_url)
            page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
            box = page.get_by_role("textbox", name="Numbers")
            baseline = enter_to_update(page, box, args.rounds, trivial_expected)
            browser.close()
    finally:
        stop_server(app)
        stop_server(trivial)
    a, b = statistics.median(ours), statistics.median(baseline)
    print(
        f"Enter -> loss and all charts updated: Playground {a * 1e3:.0f} ms, trivial page "
        f"{b * 1e3:.0f} ms (medians of {args.rounds}) = {a / b:.2f}x"
    )
    print(
        f"cold page -> first chart: Playground {cold_app:.2f} s, trivial page "
        f"{cold_trivial:.2f} s = {cold_app / cold_trivial:.2f}x"
    )


if __name__ == "__main__":
    main()
