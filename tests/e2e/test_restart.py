"""A server restart with the tabs still open: the tab reconnects and shows the same numbers.

The server is killed (as a crash or a redeploy would) and started again on the same port; the
browser's Streamlit client reconnects by itself, and the new session rebuilds every input from
the tab's URL, where the app keeps them.
"""

from __future__ import annotations

import math
import re

from playwright.sync_api import Browser

from deploy.cluster import free_port, start_app, stop
from lab.i18n import translate

from .conftest import ARTIFACTS, VIEWPORT, AppServer, Opener
from .helpers import commit_text, expect, expect_no_exception, metric, metric_map, runs, widget

RECONNECT_MS = 60_000  # the client retries with a growing pause; the server needs ~3 s to start
LOG = ARTIFACTS / "e2e" / "streamlit-restart.log"


def loss(z: list[float], j: int) -> float:
    """Cross-entropy of logits ``z`` for true class ``j`` (counted from 1), computed by hand."""
    return math.log(sum(math.exp(v) for v in z)) - z[j - 1]


def test_an_open_tab_reconnects_to_a_restarted_server_with_its_inputs_and_numbers(
    browser: Browser,
):
    port = free_port()
    LOG.parent.mkdir(parents=True, exist_ok=True)
    LOG.write_text("")
    app = start_app(port, LOG)
    server = AppServer(f"http://127.0.0.1:{port}", LOG)
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    try:
        page = Opener(server)(context.new_page(), "playground", z="2,1,0.1", y="3", T="0.5")
        commit_text(page, "z", "3, 1, 0.5")  # typed after the link: only the URL still has it
        label = translate("playground.loss", "en")
        want = f"{loss([3 / 0.5, 1 / 0.5, 0.5 / 0.5], 3):.4f}"  # T = 0.5 divides the logits
        assert metric(page, label) == want
        expect(page).to_have_url(re.compile(r"[?&]z=3%2C1%2C0\.5(&|$)"))
        before, runs_before = metric_map(page), runs(page)

        app.kill()
        app = start_app(port, LOG)

        # the reconnected tab reruns its page on the new server: a new session from the URL
        page.wait_for_function("n => window.__ceRuns > n", arg=runs_before, timeout=RECONNECT_MS)
        expect(page.locator("[data-testid=stMetricValue]").first).not_to_be_empty()
        # the box holds the logits as the link writes them (spaces dropped): read from the URL
        expect(widget(page, "z").locator("input")).to_have_value("3,1,0.5")
        expect(widget(page, "y").locator("input")).to_have_value("3")
        assert metric(page, label) == want
        assert metric_map(page) == before
        expect_no_exception(page, server.log_tail)
    finally:
        context.close()
        stop(app.process)
