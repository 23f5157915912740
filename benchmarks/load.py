"""A whole class on one server: concurrent sessions, each typing its own logits.

Starts the app on a free local port, opens ``--sessions`` sessions of the Playground at once
(each a WebSocket client speaking Streamlit's protocol, see ``protocol_client.py``; with
``--browser``, a headless Chromium tab each), and has each type ``--changes`` different logit
lists into the logits box, checking after every change that the loss sent to *its*
screen is the one for *its* logits (no state leaks between sessions). Prints errors, p50/p95
latency from Enter to the new loss (and as a ratio to one session alone, measured first in the
same run), server memory per session, and the server's memory after the sessions close against
its memory before they opened.

    python benchmarks/load.py [--sessions 50] [--changes 20] [--think 3]

Other modes, each in its own module:

    python benchmarks/load.py --through-proxy [--sessions 200] [--apps 3]   # load_proxy.py
    python benchmarks/load.py --memory [--reruns 2000] [--cycles 10]       # memory.py
    python benchmarks/load.py --worst-case [--changes 40]                   # worst_case.py

Everything talks to 127.0.0.1 only, and the run is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.async_api import async_playwright
from protocol_client import StreamlitClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the browser the tests drive, with the same arguments
from tests.e2e.chromium import CHROMIUM  # noqa: E402
from tests.e2e.chromium import CHROMIUM_ARGS as ARGS  # noqa: E402

DEADLINE = 20 * 60  # seconds: the whole run stops by itself
SETTLE = 10  # seconds after the sessions close, before the memory is read again


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int) -> float:
    """Return the resident memory of process ``pid`` in MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def expected_loss(z: list[float]) -> str:
    """Return the loss for true class 1 as the page prints it (4 decimals), computed here."""
    m = max(z)
    return f"{math.log(sum(math.exp(v - m) for v in z)) - (z[0] - m):.4f}"


def start_server(port: int, script: str = "app.py") -> subprocess.Popen:
    """Start ``streamlit run script`` on 127.0.0.1:``port``; return once it is healthy."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("the server did not start")


def stop_server(server: subprocess.Popen) -> None:
    """Stop the server and everything it started."""
    os.killpg(server.pid, 15)
    server.wait(timeout=30)


def logits(index: int, change: int) -> list[float]:
    """Return the logits session ``index`` types at its ``change``-th change (its own numbers)."""
    return [round(0.37 * index + 0.11 * change, 2), 1.0, -0.5, 2.0]


async def client_session(
    port: int, index: int, changes: int, latencies: list, errors: list, think: float = 0.0
):
    """One student as a protocol client: open the Playground, type ``changes`` logit lists.

    ``think``: seconds between changes (0.5x to 1.5x of it, drawn per session), 0 for none.
    """
    pauses = random.Random(index)
    try:
        async with StreamlitClient(port, "playground", "lang=en") as client:
            first = await client.run()
            box = next(i for label, i in first.text_inputs.items() if label.startswith("Logits z"))
            for change in range(changes):
                await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
                z = logits(index, change)
                run = await client.run({box: ", ".join(map(str, z))})
                latencies.append(run.seconds)
                shown, want = run.metrics.get("Loss"), expected_loss(z)
                if shown != want:
                    errors.append(f"session {index} change {change}: want {want}, shows {shown}")
                errors.extend(f"session {index}: exception {e[:80]}" for e in run.exceptions)
    except Exception as exc:  # a session that could not even load counts as an error
        errors.append(f"session {index}: {type(exc).__name__}: {exc}")


async def browser_session(browser, url: str, index: int, changes: int, latencies, errors):
    """One student in a real browser tab (``--browser``): type ``changes`` logit lists."""
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=120_000)
        metric = page.locator("[data-testid=stMetricValue]").first
        await metric.wait_for(timeout=120_000)
        box = page.get_by_role("textbox", name="Logits z")
        for change in range(changes):
            z = logits(index, change)
            want = expected_loss(z)
            await box.fill(", ".join(map(str, z)))
            start = time.perf_counter()
            await box.press("Enter")
            try:
                await page.wait_for_function(
                    "want => document.querySelector('[data-testid=stMetricValue]')"
                    "?.innerText.trim() === want",
                    arg=want,
                    timeout=60_000,
                )
                latencies.append(time.perf_counter() - start)
            except Exception:
                shown = await metric.inner_text()
                errors.append(f"session {index} change {change}: want {want}, shows {shown}")
            if await page.locator("[data-testid=stException]").count():
                errors.append(f"session {index}: an exception box")
    except Exception as exc:  # a session that could not even load counts as an error
        errors.append(f"session {index}: {type(exc).__name__}: {exc}")
    finally:
        await context.close()


async def run(sessions: int, changes: int, use_browser: bool, think: float) -> None:
    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/playground?lang=en"
    try:
        async with contextlib.AsyncExitStack() as stack:
            if use_browser:
                playwright = await stack.enter_async_context(async_playwright())
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                stack.push_async_callback(browser.close)

                def student(index, count, latencies, errors):
                    return browser_session(browser, url, index, count, latencies, errors)
            else:

                def student(index, count, latencies, errors):
                    return client_session(port, index, count, latencies, errors, think)

            await student(999, 1, [], [])  # imports and caches warmed up
            alone: list[float] = []  # the baseline: one session on its own, same changes
            await student(998, changes, alone, [])
            before = rss_mib(server.pid)
            latencies: list[float] = []
            errors: list[str] = []
            peak = before

            async def watch():
                nonlocal peak
                while True:
                    peak = max(peak, rss_mib(server.pid))
                    await asyncio.sleep(0.5)

            watcher = asyncio.create_task(watch())
            started = time.perf_counter()
            await asyncio.wait_for(
                asyncio.gather(*(student(i, changes, latencies, errors) for i in range(sessions))),
                timeout=DEADLINE,
            )
            elapsed = time.perf_counter() - started
            watcher.cancel()
        await asyncio.sleep(SETTLE)  # the server drops closed sessions
        after = rss_mib(server.pid)
    finally:
        stop_server(server)

    print(f"{sessions} sessions x {changes} changes in {elapsed:.0f} s")
    print(f"errors: {len(errors)}")
    for line in errors[:10]:
        print("  ", line)
    if latencies and alone:
        q = statistics.quantiles(latencies, n=20)
        base = statistics.median(alone)
        p50, p95 = statistics.median(latencies), q[18]
        print(
            f"latency Enter -> new loss: p50 {p50 * 1e3:.0f} ms ({p50 / base:.1f}x one session "
            f"alone, {base * 1e3:.0f} ms), p95 {p95 * 1e3:.0f} ms ({p95 / base:.1f}x) "
            f"({len(latencies)} changes)"
        )
    print(
        f"server memory: {before:.0f} MiB before, peak {peak:.0f} MiB "
        f"({(peak - before) / sessions:.1f} MiB per session), {after:.0f} MiB after they closed "
        f"({(after - before) / before * 100:+.1f}% of before)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument(
        "--browser",
        action="store_true",
        help="real Chromium tabs instead of protocol clients (a few: each tab needs a core)",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds a student pauses between changes (0: type without pausing)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--through-proxy",
        action="store_true",
        help="the class over --apps processes behind nginx, against one process alone, then "
        "with one process killed mid-run (--sessions defaults to 200 here)",
    )
    mode.add_argument(
        "--memory",
        action="store_true",
        help="server memory over --reruns reruns of one session and --cycles rounds of "
        "--sessions sessions opening and closing",
    )
    mode.add_argument(
        "--worst-case",
        action="store_true",
        help="one session loops the costliest input while another types (--changes each way)",
    )
    parser.add_argument("--apps", type=int, default=3, help="with --through-proxy: 2 to 4")
    parser.add_argument("--reruns", type=int, default=2000, help="with --memory")
    parser.add_argument("--cycles", type=int, default=10, help="with --memory")
    args = parser.parse_args()
    sessions_given = any(a.startswith("--sessions") for a in sys.argv[1:])
    if args.through_proxy:
        import load_proxy

        sessions = args.sessions if sessions_given else 200
        asyncio.run(load_proxy.run(sessions, args.changes, args.apps, args.think))
    elif args.memory:
        import memory

        asyncio.run(memory.run(args.reruns, args.sessions, args.cycles))
    elif args.worst_case:
        import worst_case

        asyncio.run(worst_case.run(args.changes))
    else:
        asyncio.run(run(args.sessions, args.changes, args.browser, args.think))


if __name__ == "__main__":
    main()
