"""Chromium through nginx (``deploy/nginx.conf``) to two app processes, one of which dies.

The protocol-level checks are in ``tests/deploy/test_proxy.py``; this one adds what only a real
browser does: the page, its assets and its WebSocket through the proxy with the routing cookie
and an ``Origin`` header, and the browser's own reconnection when its process is killed.
"""

from __future__ import annotations

import math
import re

import pytest
from playwright.sync_api import Browser, BrowserContext

from deploy.cluster import UPSTREAM_HEADER, Cluster
from lab.i18n import translate
from tests.deploy.conftest import nginx_executable  # noqa: F401 (a fixture)

from .conftest import VIEWPORT, AppServer, Opener
from .helpers import commit_text, expect, expect_no_exception, metric, metric_map, runs, widget

pytestmark = pytest.mark.deploy

RECONNECT_MS = 60_000
TABS = 2  # students on each process, each with its own cookies
VISITS = 16  # at most this many browsers made to find them


def loss(z: list[float], j: int) -> float:
    """Cross-entropy of logits ``z`` for true class ``j`` (counted from 1), computed by hand."""
    return math.log(sum(math.exp(v) for v in z)) - z[j - 1]


def process_of(context: BrowserContext, url: str) -> str:
    """Return the app process nginx sends this browser's requests to (its cookie decides)."""
    headers = context.request.get(f"{url}/_stcore/health").headers
    return headers[UPSTREAM_HEADER.lower()].rsplit(",", 1)[-1].strip()


def test_tabs_through_nginx_keep_their_numbers_when_their_process_dies(
    browser: Browser,
    nginx_executable: str,  # noqa: F811
):
    with Cluster(2) as cluster:
        url = f"http://127.0.0.1:{cluster.port}"
        opener = Opener(AppServer(url, cluster.prefix / "app-0.log"))
        addresses = [f"127.0.0.1:{app.port}" for app in cluster.apps]
        on: dict[str, list[BrowserContext]] = {address: [] for address in addresses}
        made = []
        try:
            for _ in range(VISITS):  # a first request gets the cookie that picks the process
                context = browser.new_context(viewport=VIEWPORT, locale="en-US")
                made.append(context)
                found = on[process_of(context, url)]
                if len(found) < TABS:
                    found.append(context)
                if all(len(found) == TABS for found in on.values()):
                    break
            assert all(len(found) == TABS for found in on.values()), on
            contexts = [context for found in on.values() for context in found]
            pages = [opener(c.new_page(), "playground", z="2,1,0.1", y="2") for c in contexts]
            label = translate("playground.loss", "en")
            typed = [[float(i + 1), 1.0, 0.5] for i in range(len(pages))]
            for page, z in zip(pages, typed, strict=True):
                commit_text(page, "z", ", ".join(f"{v:g}" for v in z))
                assert metric(page, label) == f"{loss(z, 2):.4f}"
            processes = [process_of(c, url) for c in contexts]
            before = [(metric_map(p), runs(p)) for p in pages]

            victim = processes[0]
            cluster.app_at(victim).kill()

            for page, z, process, (shown, runs_before) in zip(
                pages, typed, processes, before, strict=True
            ):
                if process == victim:  # the tab reconnected through nginx to the other process
                    page.wait_for_function(
                        "n => window.__ceRuns > n", arg=runs_before, timeout=RECONNECT_MS
                    )
                    expect(page.locator("[data-testid=stMetricValue]").first).not_to_be_empty()
                else:  # untouched: the same session, no new run
                    assert runs(page) == runs_before
                text = ",".join(f"{v:g}" for v in z)
                expect(widget(page, "z").locator("input")).to_have_value(
                    re.compile(rf"^{re.escape(text)}$|^{re.escape(text.replace(',', ', '))}$")
                )
                assert metric(page, label) == f"{loss(z, 2):.4f}"
                assert metric_map(page) == shown
                expect_no_exception(page)
            survivor = next(address for address in addresses if address != victim)
            assert {process_of(context, url) for context in contexts} == {survivor}
        finally:
            for context in made:
                context.close()
