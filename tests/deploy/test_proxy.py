"""Two app processes behind nginx (``deploy/nginx.conf``): sticky sessions, and losing a process.

Students are protocol clients (``benchmarks/proxy_client.py``) that keep nginx's routing cookie
and the page's URL as a browser does. Which process answered is read from the debug header the
test cluster adds (``deploy/cluster.py``); everything else is the served configuration.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import subprocess
import urllib.request
from collections import Counter

import pytest
from proxy_client import ROUTE_COOKIE, UPSTREAM_HEADER, Student, first_visit, proxied_student

from deploy.cluster import Cluster, render_nginx_conf

pytestmark = pytest.mark.deploy

PER_PROCESS = 2  # students on each of the two processes
CHANGES = 6
KILL_BEFORE = 3  # the change before which one process dies
VISITS = 40  # at most this many first visits to find PER_PROCESS students for each process


@pytest.fixture(scope="module")
def cluster(nginx_executable: str):
    with Cluster(2) as running:
        yield running


def test_the_rendered_config_passes_nginx_own_check(nginx_executable: str, tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(render_nginx_conf([8501, 8502], "127.0.0.1:8080", str(tmp_path)))
    check = subprocess.run(
        [nginx_executable, "-t", "-p", str(tmp_path), "-c", str(config)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr
    assert "syntax is ok" in check.stderr


def test_a_browser_keeps_its_process_and_gets_the_cookie_only_once(cluster: Cluster):
    cookie, upstream = first_visit(cluster.port, "playground?lang=en")
    request = urllib.request.Request(
        f"http://127.0.0.1:{cluster.port}/_stcore/health",
        headers={"Cookie": f"{ROUTE_COOKIE}={cookie}"},
    )
    for _ in range(5):
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers[UPSTREAM_HEADER] == upstream
            cookies = response.headers.get_all("Set-Cookie") or []
            assert not [c for c in cookies if c.startswith(f"{ROUTE_COOKIE}=")]


def test_first_visits_from_one_address_are_spread_over_both_processes(cluster: Cluster):
    """A class behind one school NAT is not all put on one process (as ``hash $remote_addr``)."""
    seen = Counter(first_visit(cluster.port, "_stcore/health")[1] for _ in range(VISITS))
    assert sorted(seen) == sorted(f"127.0.0.1:{app.port}" for app in cluster.apps)
    assert min(seen.values()) >= VISITS // 5


def logits(index: int, change: int) -> list[float]:
    """Return the logits student ``index`` types at its ``change``-th change: its own numbers."""
    return [round(0.5 * index + 0.25 * change, 2), 1.0, -0.5, 2.0]


def test_killing_one_process_loses_only_its_sessions_which_come_back_from_the_url(
    cluster: Cluster,
):
    visits: dict[str, list[tuple[str, str]]] = {f"127.0.0.1:{a.port}": [] for a in cluster.apps}
    for _ in range(VISITS):
        cookie, upstream = first_visit(cluster.port, "playground?lang=en")
        if len(visits[upstream]) < PER_PROCESS:
            visits[upstream].append((cookie, upstream))
        if all(len(found) == PER_PROCESS for found in visits.values()):
            break
    assert all(len(found) == PER_PROCESS for found in visits.values()), visits
    victim_address, survivor_address = list(visits)
    victim = cluster.app_at(victim_address)
    students = [Student(i) for i in range(2 * PER_PROCESS)]
    plan = [visit for found in visits.values() for visit in found]

    async def main() -> None:
        arrived = asyncio.Barrier(len(students) + 1)
        killed = asyncio.Event()

        async def hold(change: int) -> None:
            if change == KILL_BEFORE:
                await arrived.wait()
                await killed.wait()

        async def kill_when_all_arrived() -> None:
            await arrived.wait()
            victim.kill()
            killed.set()

        changes = [[logits(s.index, c) for c in range(CHANGES)] for s in students]
        await asyncio.wait_for(
            asyncio.gather(
                kill_when_all_arrived(),
                *(
                    proxied_student(cluster.port, s, changes[s.index], visit=v, before_change=hold)
                    for s, v in zip(students, plan, strict=True)
                ),
            ),
            timeout=240,
        )

    # On a thread of its own: a browser test that ran before in this worker (pytest-playwright)
    # leaves an event loop running on this one, and asyncio.run refuses to nest.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, main()).result()
    for student in students:
        assert student.errors == [], cluster.log_tail()
        assert student.done == CHANGES  # every change answered with the student's own loss
        if student.first_upstream == survivor_address:
            assert (student.lost, student.upstreams) == (0, [survivor_address])
        else:  # lost once, reconnected to the survivor, the URL brought its numbers back
            assert student.upstreams == [victim_address, survivor_address]
            assert (student.lost, student.restored) == (1, 1)
