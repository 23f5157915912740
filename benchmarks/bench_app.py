"""Server-side time of one rerun of each page, as a ratio against a trivial one-chart page.

Each page is run through Streamlit's AppTest (the whole app, navigation included) and rerun many
times, in two ways: with nothing changed (a click elsewhere, a language switch) and with its main
input alternating between two values (what a student typing does: nothing can come from a
cache). The median rerun is compared with the median rerun of ``trivial_page.py`` (one input, one
metric, one chart) measured the same two ways in the same process, so the ratio does not depend on
how fast or busy the machine is.

AppTest differs from the server in two ways that would make every rerun of a multipage app look
slower than it is, and both are undone here: it compiles the scripts again on every run (the
server keeps a script cache), and it routes every run through the old ``pages/`` folder routing
(the server turns that off for good once ``st.navigation`` has run).

Then the same on a real server (``streamlit run``), as a student's browser sees it: the time from
sending the new input over the WebSocket to the end of the run, with a protocol client
(``protocol_client.py``) instead of a browser, so only the server is measured. This includes
what AppTest leaves out (protobuf and JSON serialisation, the send loop) and the server's own
batching of messages.

    python benchmarks/bench_app.py [--reruns 30]

Target: the Playground at most 2x the trivial page.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from load import free_port, start_server, stop_server
from protocol_client import StreamlitClient
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

ROOT = Path(__file__).resolve().parents[1]
TARGET = 2.0

#: page -> (widget kind, key, two values the benchmark alternates between)
INPUTS = {
    "trivial": ("text_input", "numbers", ("1, 2, 3", "3, 1, 2")),
    "playground": ("text_input", "z", ("2, 1, 0.1", "1, 2, 3")),
    "derivation": ("text_input", "z", ("2, 1, 0.1", "1, 2, 3")),
    "stability": ("text_input", "st_z", ("1000, 999, 998", "10, 20, 30")),
    "binary": ("text_input", "bn_x", ("2", "-1.5")),
    "training": ("text_input", "tr_z", ("0, 0, 0", "1, 2, 3")),
    "batch": ("number_input", "bt_k", (3, 4)),
}


class _ServerPagesManager(PagesManager):
    """A PagesManager that, like a running server, routes by ``st.navigation`` only."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


def _as_on_the_server() -> None:
    """Make AppTest keep its compiled scripts between runs and skip the ``pages/`` routing."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    app_test.PagesManager = _ServerPagesManager


def median_seconds(at: AppTest, step: Callable[[int], object], reruns: int) -> float:
    """Return the median wall time of ``step(i); at.run()``, after two warm-up runs."""
    for i in range(2):
        step(i)
        at.run()
    times = []
    for i in range(reruns):
        step(i)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return statistics.median(times)


def measure(at: AppTest, page: str, reruns: int) -> tuple[float, float]:
    """Return the median rerun of ``page`` with nothing changed, then with its input changing."""
    kind, key, values = INPUTS[page]

    def change(i: int) -> None:
        getattr(at, kind)(key=key).set_value(values[i % 2])

    same = median_seconds(at, lambda _i: None, reruns)
    changed = median_seconds(at, change, reruns)
    return same, changed


def open_app(page: str) -> AppTest:
    """Return the app opened on ``page``, in English."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(f"pages/{page}/{page}.py")
    at.run()
    return at


@dataclass
class ServerReruns:
    """A page's reruns on a real server: median wall time, server CPU, and what ran."""

    seconds: float  #: median, from sending the new input to the end of the run
    cpu: float | None  #: the server process's CPU seconds per rerun (Linux only, else None)
    fragment: bool  #: every rerun ran only a fragment of the page (``st.fragment``)


def _cpu_seconds(pid: int) -> float | None:
    """Return the CPU time (user + system) process ``pid`` has used, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _server_reruns(port: int, pid: int, page: str, reruns: int) -> ServerReruns:
    """Rerun ``page`` with its input changing, over the WebSocket, as a browser would: a change
    to widgets inside an ``st.fragment`` reruns only that fragment."""
    _kind, key, values = INPUTS[page]
    path, query = ("", "") if page == "trivial" else (page, "lang=en")
    async with StreamlitClient(port, path, query) as client:
        widget = (await client.run()).widgets[key]
        for i in range(2):  # warm-up
            await client.run({widget: values[i % 2]})
        cpu_before = _cpu_seconds(pid)
        runs = [await client.run({widget: values[i % 2]}) for i in range(reruns)]
        cpu_after = _cpu_seconds(pid)
    cpu = None if cpu_before is None or cpu_after is None else (cpu_after - cpu_before) / reruns
    return ServerReruns(
        statistics.median(run.seconds for run in runs), cpu, all(run.fragment for run in runs)
    )


def server_reruns(reruns: int) -> dict[str, ServerReruns]:
    """Return every page's reruns on a real server, the trivial page's first."""
    found = {}
    for script, pages in (("benchmarks/trivial_page.py", ["trivial"]), ("app.py", PAGES)):
        port = free_port()
        server = start_server(port, script)
        try:
            for page in pages:
                found[page] = asyncio.run(_server_reruns(port, server.pid, page, reruns))
        finally:
            stop_server(server)
    return found


PAGES = [page for page in INPUTS if page != "trivial"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # AppTest warns "missing ScriptRunContext" at every run
    _as_on_the_server()
    trivial = AppTest.from_file(str(ROOT / "benchmarks" / "trivial_page.py"), default_timeout=60)
    trivial.run()
    base_same, base_changed = measure(trivial, "trivial", args.reruns)
    print(f"median of {args.reruns} reruns; ratio = page / trivial one-chart page, same run")
    print(f"{'page':11s} {'unchanged':>17s} {'input changed':>19s}")
    print(f"{'trivial':11s} {base_same * 1e3:8.1f} ms (1.00x) {base_changed * 1e3:8.1f} ms (1.00x)")
    for page in PAGES:
        same, changed = measure(open_app(page), page, args.reruns)
        print(
            f"{page:11s} {same * 1e3:8.1f} ms ({same / base_same:4.2f}x)"
            f" {changed * 1e3:8.1f} ms ({changed / base_changed:4.2f}x)"
        )
    print(f"target: playground at most {TARGET:g}x (a whole-page rerun here; see below)")
    print()
    print(f"on a real server, input changed, over the WebSocket (median of {args.reruns}):")
    print(f"{'page':11s} {'send -> run finished':>22s} {'server CPU a rerun':>20s}")
    found = server_reruns(args.reruns)
    base = found["trivial"]
    for page, run in found.items():
        cpu = (
            "n/a"
            if run.cpu is None or base.cpu is None
            else (f"{run.cpu * 1e3:6.1f} ms ({run.cpu / base.cpu:4.2f}x)")
        )
        what = "  (its fragment reruns, not the whole page)" if run.fragment else ""
        print(
            f"{page:11s} {run.seconds * 1e3:9.1f} ms ({run.seconds / base.seconds:4.2f}x)"
            f" {cpu:>20s}{what}"
        )
    print(f"target: playground at most {TARGET:g}x (what a keystroke costs: send -> run finished)")


if __name__ == "__main__":
    main()
