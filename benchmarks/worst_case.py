"""The costliest input the app allows beside a student typing: ``load.py --worst-case``.

The costliest inputs found in the code's limits, each timed alone first:

* the Playground at its limit of 1,000 logits (``lab.ui``'s ``max_count``), typed anew each run;
* the Training page at its limits (``lab.training_state``: 5 classes, 200 points a class,
  quadratic features, 500 steps of softmax regression and 500 of logit descent), with a new seed
  each run so that ``st.cache_data`` cannot answer.

Then the costlier of the two runs in a loop in one session while another session types logit
lists on the Playground, on the same single app process. Prints that other session's latency
against its idle latency (measured first, in the same run). Target: at most 2x. Measures only.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import sys
from pathlib import Path

from protocol_client import StreamlitClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from deploy.cluster import free_port, start_app, stop

HEAVY_TRAINING = (
    "tr_data=blobs&tr_k=5&tr_n=200&tr_noise=0.5&tr_quad=1&tr_rsteps=500&tr_steps=500&lang=en"
)
DEADLINE = 10 * 60  # seconds for the whole run
TARGET = 2.0
HEAVY_RUNS = 10_000


def small_logits(change: int) -> str:
    return f"{0.01 * change:.2f}, 1, -0.5, 2"


def many_logits(change: int) -> str:
    """Return 1,000 logits, different for each ``change``."""
    return ", ".join(f"{(i * 7 + change) % 23 - 11}.{change % 10}" for i in range(1000))


async def timed_runs(port: int, page: str, query: str, key: str, values) -> list[float]:
    """Open ``page`` and set widget ``key`` to each of ``values``; return each run's seconds."""
    seconds = []
    async with StreamlitClient(port, page, query) as client:
        widget = (await client.run()).widgets[key]
        for value in values:
            run = await client.run({widget: value})
            if run.exceptions:
                raise RuntimeError(f"{page}: {run.exceptions[0]}")
            seconds.append(run.seconds)
    return seconds


async def run(changes: int) -> None:
    port = free_port()
    app = start_app(port)
    try:
        await asyncio.wait_for(measure(port, changes), DEADLINE)
    finally:
        stop(app.process)


async def measure(port: int, changes: int) -> None:
    await timed_runs(port, "playground", "lang=en", "z", [small_logits(0)])  # warmed up
    heavy = {  # name: (page, query string, the widget changed, its value at each run)
        "Playground, 1,000 logits": ("playground", "lang=en", "z", many_logits),
        "Training at its limits": ("training", HEAVY_TRAINING, "tr_seed", int),
    }
    alone = {}
    for name, (page, query, key, value) in heavy.items():
        seconds = await timed_runs(port, page, query, key, map(value, range(1, 9)))
        alone[name] = statistics.median(seconds)
        print(f"{name}: {alone[name] * 1e3:.0f} ms a run, alone")
    worst = max(alone, key=alone.get)

    # idle: half the changes before the worst case starts, half after it stops (a busy machine
    # moves both sides alike)
    half = changes // 2
    idle = await timed_runs(port, "playground", "lang=en", "z", map(small_logits, range(half)))
    page, query, key, value = heavy[worst]
    stop_heavy = asyncio.Event()
    heavy_runs = 0

    async def loop_heavy() -> None:
        nonlocal heavy_runs
        async with StreamlitClient(port, page, query) as client:
            widget = (await client.run()).widgets[key]
            for i in range(HEAVY_RUNS):  # bounded; it stops when the other session is done
                if stop_heavy.is_set():
                    return
                await client.run({widget: value(1000 + i)})
                heavy_runs += 1

    looping = asyncio.create_task(loop_heavy())
    await asyncio.sleep(1)  # the loop is running
    busy = await timed_runs(
        port, "playground", "lang=en", "z", map(small_logits, range(changes, 2 * changes))
    )
    stop_heavy.set()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.wait_for(looping, 60)
    after = range(2 * changes, 2 * changes + half)
    idle += await timed_runs(port, "playground", "lang=en", "z", map(small_logits, after))

    def quantiles(values: list[float]) -> tuple[float, float]:
        return statistics.median(values), statistics.quantiles(values, n=20)[18]

    (i50, i95), (b50, b95) = quantiles(idle), quantiles(busy)
    ratio = b50 / i50
    print(f"worst case: {worst}, run {heavy_runs} times while the other session typed")
    print(
        f"the other session on the Playground, {changes} changes: idle p50 {i50 * 1e3:.0f} ms, "
        f"p95 {i95 * 1e3:.0f} ms; beside the worst case p50 {b50 * 1e3:.0f} ms, "
        f"p95 {b95 * 1e3:.0f} ms: {ratio:.1f}x (p95 {b95 / i95:.1f}x); target <= {TARGET:.0f}x: "
        f"{'met' if ratio <= TARGET else 'NOT met'}"
    )
