"""A course behind nginx: ``load.py --through-proxy``.

Three runs of the same class (``sessions`` students each typing ``changes`` logit lists on the
Playground, as protocol clients that keep nginx's cookie and the page's URL, see
``proxy_client.py``):

1. one app process alone, no proxy: the baseline, measured in the same run;
2. ``apps`` processes behind ``deploy/nginx.conf``: errors, whether every student saw its own
   numbers, whether each stayed on the process of its first page load, p50/p95 latency;
3. the same, with one process killed once 40% of the changes are done: only its students may lose
   their connection; each must reconnect, see its last numbers again (restored from the URL) and
   finish its changes on another process.

Everything talks to 127.0.0.1 only, and every run is bounded in time.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import Counter

from proxy_client import Student, proxied_student

from deploy.cluster import Cluster, free_port, start_app, stop

DEADLINE = 15 * 60  # seconds, for each of the three runs
KILL_AT = 0.4  # the share of all changes done when one process is killed


def logits(index: int, change: int) -> list[float]:
    """Return the logits student ``index`` types at its ``change``-th change (its own numbers)."""
    return [round(0.37 * index + 0.11 * change, 2), 1.0, -0.5, 2.0]


async def class_of(port, sessions, changes, think, kill=None) -> tuple[list[Student], float]:
    """Run ``sessions`` students on ``port`` at once; ``kill()`` is called at ``KILL_AT``."""
    students = [Student(i) for i in range(sessions)]
    plans = [[logits(i, c) for c in range(changes)] for i in range(sessions)]

    async def killer():
        while sum(s.done for s in students) < KILL_AT * sessions * changes:
            await asyncio.sleep(0.05)
        kill(students)

    started = time.perf_counter()
    tasks = [
        proxied_student(port, s, plans[s.index], think, random.Random(s.index)) for s in students
    ]
    watcher = asyncio.create_task(killer()) if kill else None
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=DEADLINE)
    if watcher:
        watcher.cancel()
    return students, time.perf_counter() - started


def latency_line(students: list[Student], base: float | None = None) -> tuple[str, float]:
    """Return "p50 .. ms, p95 .. ms" for all changes of ``students`` (and ratios to ``base``)."""
    values = [v for s in students for v in s.latencies]
    if len(values) < 2:
        return "no latencies", 0.0
    p50, p95 = statistics.median(values), statistics.quantiles(values, n=20)[18]
    line = f"p50 {p50 * 1e3:.0f} ms, p95 {p95 * 1e3:.0f} ms"
    if base:
        line += f" ({p50 / base[0]:.2f}x, {p95 / base[1]:.2f}x one process alone)"
    return line, (p50, p95)


def report(title: str, students: list[Student], seconds: float, changes: int, base=None):
    errors = [e for s in students for e in s.errors]
    done = sum(s.done for s in students)
    print(f"{title}: {len(students)} sessions x {changes} changes in {seconds:.1f} s")
    print(f"  errors: {len(errors)}; changes answered with the session's own loss: {done}")
    for line in errors[:5]:
        print("   ", line)
    line, quantiles = latency_line(students, base)
    print(f"  latency send -> run finished: {line}; {done / seconds:.0f} reruns a second")
    return quantiles


async def run(sessions: int, changes: int, apps: int, think: float) -> None:
    warm = [logits(0, 0)]
    port = free_port()
    alone = start_app(port)
    try:
        await proxied_student(port, Student(-1), warm)  # imports and caches warmed up
        students, seconds = await class_of(port, sessions, changes, think)
    finally:
        stop(alone.process)
    base = report("one process alone (no proxy)", students, seconds, changes)

    with Cluster(apps) as cluster:
        for _ in range(apps * 3):  # warm every process (first visits spread over them)
            await proxied_student(cluster.port, Student(-1), warm)
        students, seconds = await class_of(cluster.port, sessions, changes, think)
        report(f"{apps} processes behind nginx", students, seconds, changes, base)
        spread = Counter(s.first_upstream for s in students)
        moved = [s.index for s in students if s.upstreams != [s.first_upstream]]
        lost = sum(s.lost for s in students)
        print(
            f"  sessions per process: {sorted(spread.values())}; on another process than their "
            f"first page load: {len(moved)}; connections lost: {lost}"
        )

    with Cluster(apps) as cluster:
        for _ in range(apps * 3):
            await proxied_student(cluster.port, Student(-1), warm)
        killed: list[str] = []

        def kill(students: list[Student]) -> None:
            victim = Counter(s.first_upstream for s in students).most_common(1)[0][0]
            cluster.app_at(victim).kill()
            killed.append(victim)

        students, seconds = await class_of(cluster.port, sessions, changes, think, kill)
        report(f"{apps} processes, one killed mid-run", students, seconds, changes, base)
        hit = [s for s in students if s.first_upstream in killed]
        spared = [s for s in students if s.first_upstream not in killed]
        print(
            f"  on the killed process: {len(hit)} sessions, {sum(s.lost > 0 for s in hit)} lost "
            f"their connection, {sum(s.restored for s in hit)} reconnected with their numbers "
            f"restored from the URL, {sum(s.done == changes for s in hit)} finished every change"
        )
        print(
            f"  on the others: {len(spared)} sessions, {sum(s.lost for s in spared)} connections "
            f"lost, {sum(len(s.errors) for s in spared)} errors"
        )
