"""Server memory over a long lesson: ``load.py --memory`` (or ``python benchmarks/memory.py``).

On one app process (``.streamlit/config.toml`` as served, so Streamlit's full collection after
each run is off), prints its resident memory:

1. over ``reruns`` reruns of one Playground session, each with logits it has not typed before;
2. over ``cycles`` rounds of ``sessions`` sessions opening the Playground at once, typing two
   changes and closing;

and at the end against the start (after one warm-up session): 10 s after the last round, while
Streamlit still keeps the closed sessions for a reconnection (2 minutes), and once that window
and the app's reclaiming (``lab/streamlit_fixes/memory.py``, every 30 s) are over. Target: back
within 10% of the start. 127.0.0.1 only, bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from protocol_client import StreamlitClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from deploy.cluster import free_port, start_app, stop

DEADLINE = 15 * 60  # seconds for each part
SETTLE = 10  # seconds after sessions close, before the memory is read
# Streamlit keeps a closed session 2 minutes for a reconnection; the app reclaims expired ones
# every 30 s (lab/streamlit_fixes/memory.py)
RECONNECT_WINDOW = 120 + 30 + 10
TARGET = 0.10


def rss_mib(pid: int) -> float:
    """Return the resident memory of process ``pid`` in MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def mappings_mib(pid: int) -> dict[str, float]:
    """Return process ``pid``'s resident memory in MiB by kind of mapping: ``heap`` (glibc's main
    heap), ``anonymous`` (Python's 1 MiB arenas, glibc's thread arenas, large blocks, stacks)
    and ``files`` (code and data of the libraries loaded)."""
    kinds = dict.fromkeys(("heap", "anonymous", "files"), 0.0)
    kind = "anonymous"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if parts and "-" in parts[0] and len(parts) >= 5 and ":" in parts[3]:  # a mapping
            name = parts[5] if len(parts) > 5 else ""
            kind = "heap" if name == "[heap]" else "files" if name.startswith("/") else "anonymous"
        elif parts and parts[0] == "Rss:":
            kinds[kind] += int(parts[1]) / 1024
    return kinds


def typed(session: int, change: int) -> str:
    """Return logits nobody typed before in this run (no cache can answer them)."""
    return f"{session % 97 * 0.01 + change * 0.001:.3f}, 1, -0.5, 2"


async def one_session(port: int, pid: int, reruns: int, every: int) -> list[tuple[int, float]]:
    """Rerun one session ``reruns`` times; return (reruns so far, MiB) every ``every`` reruns."""
    readings = []
    async with StreamlitClient(port, "playground", "lang=en") as client:
        box = (await client.run()).widgets["z"]
        for i in range(1, reruns + 1):
            run = await client.run({box: typed(0, i)})
            if run.exceptions:
                raise RuntimeError(run.exceptions[0])
            if i % every == 0:
                readings.append((i, rss_mib(pid)))
    return readings


async def student(port: int, index: int) -> None:
    async with StreamlitClient(port, "playground", "lang=en") as client:
        box = (await client.run()).widgets["z"]
        for change in range(2):
            await client.run({box: typed(index, change)})


async def run(reruns: int, sessions: int, cycles: int) -> None:
    port = free_port()
    app = start_app(port)
    try:
        await student(port, 0)  # imports and caches warmed up
        await asyncio.sleep(SETTLE)
        start, start_kinds = rss_mib(app.pid), mappings_mib(app.pid)
        print(f"server memory at the start: {start:.1f} MiB")

        began = time.perf_counter()
        readings = await asyncio.wait_for(
            one_session(port, app.pid, reruns, max(reruns // 4, 1)), DEADLINE
        )
        shown = ", ".join(f"{mib:.1f} after {n}" for n, mib in readings)
        print(f"one session, {reruns} reruns in {time.perf_counter() - began:.0f} s: {shown} MiB")
        await asyncio.sleep(SETTLE)
        after_reruns = rss_mib(app.pid)
        closed = change(after_reruns, start)
        print(f"  {SETTLE} s after it closed: {after_reruns:.1f} MiB ({closed})")

        peak, after_cycles = start, []
        began = time.perf_counter()
        for cycle in range(cycles):
            await asyncio.wait_for(
                asyncio.gather(*(student(port, 1 + cycle * sessions + i) for i in range(sessions))),
                DEADLINE,
            )
            peak = max(peak, rss_mib(app.pid))
            await asyncio.sleep(1)
            after_cycles.append(rss_mib(app.pid))
        shown = ", ".join(f"{mib:.0f}" for mib in after_cycles)
        print(
            f"{sessions} sessions opening and closing, {cycles} times, in "
            f"{time.perf_counter() - began:.0f} s: after each round {shown} MiB, peak {peak:.1f}"
        )
        half = cycles // 2
        if half:  # a leak grows every round; a plateau (allocator, Streamlit's own caches) does not
            growth = after_cycles[-1] - after_cycles[-half - 1]
            print(
                f"  over the last {half} rounds: {growth:+.1f} MiB "
                f"({growth * 1024 / (half * sessions):+.1f} KiB a session)"
            )
        await asyncio.sleep(SETTLE)
        kept = rss_mib(app.pid)
        print(
            f"  {SETTLE} s after the last round: {kept:.1f} MiB ({change(kept, start)}; the "
            "closed sessions are still kept for a reconnection)"
        )
        await asyncio.sleep(RECONNECT_WINDOW - SETTLE)
        end = rss_mib(app.pid)
        verdict = "met" if abs(end - start) <= TARGET * start else "NOT met"
        print(
            f"  {RECONNECT_WINDOW} s after the last round, the reconnection window over: "
            f"{end:.1f} MiB ({change(end, start)}; target within {TARGET:.0%}: {verdict})"
        )
        grown = {kind: mib - start_kinds[kind] for kind, mib in mappings_mib(app.pid).items()}
        shown = ", ".join(f"{kind} {mib:+.1f} MiB" for kind, mib in grown.items())
        print(f"  grown since the start: {shown}")
    finally:
        stop(app.process)


def change(value: float, start: float) -> str:
    return f"{(value - start) / start * 100:+.1f}% of the start"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--cycles", type=int, default=10)
    args = parser.parse_args(argv)
    asyncio.run(run(args.reruns, args.sessions, args.cycles))


if __name__ == "__main__":
    main()
