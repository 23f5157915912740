"""The Sigmoid page's live x (lab/live/sigmoid.py) in real Chromium: its maths against ce_core,
and dragging x along the charts with the mouse, with touch and with the arrow keys.

During a drag nothing may reach the server and every frame must already show ce_core's numbers
for where x is: the points on σ and σ' and on the loss, their labels, the tangent's slope, each
mark drawn within a pixel of its value. After release Python holds the dragged x (the box, the
link, the metrics) and the widget's DOM node is the same one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Browser, Page

from ce_core import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    sigmoid,
    sigmoid_grad,
)
from lab import numbers

from .conftest import AppServer
from .helpers import CJK, eventually, mouse_hand, touch_hand
from .test_live import Session as LiveSession

ROOT = ".st-key-bn_live .ce-sig"
SIGMOID, LOSS = "bn_chart_sigmoid", "bn_chart_loss"

# What the widget drew last: x, the marks' data, their labels, and how far (px) each mark is
# drawn from where its value puts it (read back from the SVG).
SHOWN = """
(root) => {
  const widget = root.parentElement.ceSigmoidWidget;
  const plot = (key) => root.querySelector(`.ce-live-plot[data-chart="${key}"]`);
  const sig = plot('__SIGMOID__'), loss = plot('__LOSS__');
  const n = widget.data.curves;
  const off = (gd, layer, trace) => Array.from(
    gd.querySelectorAll('.scatterlayer .trace')[layer].querySelectorAll('.points path'),
    (path, k) => {
      const at = /translate\\(([-0-9.e]+),([-0-9.e]+)\\)/.exec(path.getAttribute('transform'));
      const {xaxis: xa, yaxis: ya} = gd._fullLayout;
      return Math.max(Math.abs(Number(at[1]) - xa.c2p(trace.x[k])),
                      Math.abs(Number(at[2]) - ya.c2p(trace.y[k])));
    });
  const tangent = loss._fullData[n];
  const line = loss.querySelectorAll('.scatterlayer .trace')[n].querySelector('path.js-line');
  const ends = /^M([-0-9.e]+),([-0-9.e]+)L([-0-9.e]+),([-0-9.e]+)$/.exec(line.getAttribute('d'));
  const {xaxis: lx, yaxis: ly} = loss._fullLayout;
  const drawnSlope = ends
    ? (ly.p2c(Number(ends[4])) - ly.p2c(Number(ends[2])))
      / (lx.p2c(Number(ends[3])) - lx.p2c(Number(ends[1])))
    : null;
  return {
    x: widget.x,
    frames: widget.stats.frames,
    lossRange: Array.from(loss._fullLayout.xaxis.range),
    marks: Array.from(sig._fullData[2].x),
    sigma: Array.from(sig._fullData[2].y),
    point: [loss._fullData[n + 1].x[0], loss._fullData[n + 1].y[0]],
    slope: (tangent.y[1] - tangent.y[0]) / (tangent.x[1] - tangent.x[0]),
    drawnSlope,
    labels: Array.from(
      sig.querySelectorAll('.scatterlayer .trace')[2].querySelectorAll('.textpoint text'),
      (t) => t.textContent),
    anchors: Array.from(
      sig.querySelectorAll('.scatterlayer .trace')[2].querySelectorAll('.textpoint text'),
      (t) => t.getAttribute('text-anchor')),
    note: Array.from(loss.querySelectorAll('.annotation[data-index="0"] tspan.line'),
      (t) => t.textContent),
    // the point's label inside its white box (to a pixel)
    noteFits: (() => {
      const note = loss.querySelector('.annotation[data-index="0"]');
      const box = note.querySelector('rect.bg').getBoundingClientRect();
      const text = note.querySelector('text').getBoundingClientRect();
      return text.left >= box.left - 1 && text.right <= box.right + 1;
    })(),
    misdrawn: [...off(sig, 2, sig._fullData[2]), ...off(loss, n + 1, loss._fullData[n + 1])]
      .filter((d) => !(d <= 1)).length,
  };
}
""".replace("__SIGMOID__", SIGMOID).replace("__LOSS__", LOSS)


def expected(x: float, y: float) -> dict[str, float]:
    """ce_core's σ, σ', loss and gradient at logit ``x``, label ``y``."""
    return {
        "sigma": float(sigmoid(x)),
        "sigma_grad": float(sigmoid_grad(x)),
        "loss": float(binary_cross_entropy_with_logits(x, y, reduction="none")),
        "grad": float(binary_cross_entropy_with_logits_grad(x, y, reduction="none")),
    }


def close(value: float, want: float, rel: float = 1e-12) -> bool:
    return value == want or math.isclose(value, want, rel_tol=rel, abs_tol=1e-300)


class Session(LiveSession):
    """One browser page on the Sigmoid page, counting the WebSocket frames it sends."""

    def __init__(self, page: Page, server: AppServer, query: str) -> None:
        super().__init__(page, server, query, path="binary", root=ROOT)

    def shown(self) -> dict:
        return self.root.evaluate(SHOWN)

    def area(self, chart: str) -> dict:
        """Return the plot area (Plotly's drag layer) of ``chart``, scrolled into view."""
        layer = self.root.locator(f'.ce-live-plot[data-chart="{chart}"] .nsewdrag').first
        layer.scroll_into_view_if_needed()
        return layer.bounding_box()

    def box(self) -> str:
        return self.page.locator(".st-key-bn_x input").input_value()

    def url_x(self) -> str:
        return parse_qs(urlparse(self.page.evaluate("location.href")).query)["bn_x"][0]

    def first_metric(self) -> str:
        return self.page.locator("[data-testid=stMetricValue]").first.text_content().strip()


@pytest.fixture
def open_sigmoid(browser: Browser, app_server: AppServer) -> Iterator:
    contexts = []

    def open_(query: str, **context_args) -> Session:
        args = {"viewport": {"width": 1400, "height": 1000}, **context_args}
        context = browser.new_context(**args)
        contexts.append(context)
        return Session(context.new_page(), app_server, query)

    yield open_
    for context in contexts:
        context.close()


def agrees_with_ce_core(shown: dict, y: float) -> None:
    x = shown["x"]
    want = expected(x, y)
    assert shown["marks"] == [x, x] and shown["point"][0] == x
    assert close(shown["sigma"][0], want["sigma"]), (shown, want)
    assert close(shown["sigma"][1], want["sigma_grad"]), (shown, want)
    assert close(shown["point"][1], want["loss"]), (shown, want)
    assert math.isclose(shown["slope"], want["grad"], rel_tol=1e-9, abs_tol=1e-12)
    # the dotted tangent as drawn, read back from its pixels
    assert math.isclose(shown["drawnSlope"], want["grad"], rel_tol=0.02, abs_tol=0.02)
    assert shown["labels"] == [
        f"σ = {numbers.bar(want['sigma'])}",
        f"σ′ = {numbers.bar(want['sigma_grad'])}",
    ]
    assert numbers.bar(want["loss"]) in shown["note"][0]
    assert numbers.bar(want["grad"]) in shown["note"][1]
    assert shown["misdrawn"] == 0
    assert shown["noteFits"]


def drag(session: Session, chart: str, press, move, release, y: float, fractions) -> float:
    """Drag x across ``chart`` through ``fractions`` of its width; check every frame; return the
    x let go of, once the box, the link and the first metric hold it."""
    area = session.area(chart)
    height = area["y"] + area["height"] * 0.5
    xs = [area["x"] + area["width"] * f for f in fractions]
    sent = session.sent
    press(xs[0], height)
    session.next_frame()
    previous = session.shown()
    agrees_with_ce_core(previous, y)
    for px in xs[1:]:
        move(px, height)
        session.next_frame()
        now = session.shown()
        assert now["frames"] > previous["frames"]  # redrawn
        assert (now["x"] > previous["x"]) == (px > xs[0])  # x followed the hand
        agrees_with_ce_core(now, y)
        previous = now
    assert session.sent == sent, "the browser talked to the server during the drag"
    release(xs[-1], height)
    x = previous["x"]
    text = f"{x:g}"
    eventually(session.box, lambda value: value == text)
    eventually(session.url_x, lambda value: value == text)
    want = numbers.bar(expected(x, y)["sigma"], 4)
    eventually(session.first_metric, lambda value: value == want)
    session.next_frame()
    rest = session.shown()  # Python's own figures, for the same x
    agrees_with_ce_core(rest, y)
    assert rest["anchors"] == previous["anchors"]  # the labels stood where Python puts them
    return x


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_mouse_drag_moves_x_every_frame_with_ce_core_numbers(open_sigmoid, lang):
    session = open_sigmoid(f"lang={lang}&bn_x=2&bn_label=1")
    hint = session.root.locator(".ce-sig-hint").text_content()
    assert bool(CJK.search(hint)) == (lang == "zh")
    session.root.evaluate("(root) => { root.ceMarker = 'the same node'; }")
    hand = mouse_hand(session.page)
    fractions = (0.5, 0.42, 0.34, 0.26, 0.18, 0.1)
    assert drag(session, SIGMOID, *hand, 1.0, fractions) < 0
    # along the loss chart too, rightwards, the label changing sides on the way
    drag(session, LOSS, *hand, 1.0, (0.3, 0.4, 0.5, 0.6, 0.7))
    # the reruns after each release drew into the same DOM node
    assert session.page.locator(ROOT).evaluate("(root) => root.ceMarker") == "the same node"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_touch_drag_moves_x_on_a_phone(open_sigmoid, lang):
    session = open_sigmoid(
        f"lang={lang}&bn_x=-3&bn_label=soft&bn_soft=0.3",
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    stacked = session.root.evaluate("(root) => !root.classList.contains('ce-sig-wide')")
    assert stacked  # a phone: the loss chart under the sigmoid's
    finger_down, finger_move, finger_up = hand = touch_hand(session.page)
    # a finger scrolling the page over a chart does not move x
    area = session.area(LOSS)
    left, top = area["x"] + area["width"] * 0.8, area["y"] + area["height"] * 0.7
    sent, before = session.sent, session.shown()
    finger_down(left, top)
    for step in range(1, 6):
        finger_move(left, top - 40 * step)
        session.next_frame()
    finger_up(left, top - 200)
    session.page.wait_for_timeout(300)
    assert session.shown()["x"] == before["x"] == -3 and session.sent == sent

    assert drag(session, LOSS, *hand, 0.3, (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) > 0


def test_an_x_off_the_chart_is_brought_onto_it_by_the_hand(open_sigmoid):
    """At x = -800 neither chart has a point on it: the first frame draws them."""
    session = open_sigmoid("lang=en&bn_x=-800&bn_label=1")
    press, move_mouse, release = mouse_hand(session.page)
    at_rest = session.root.locator(f'.ce-live-plot[data-chart="{LOSS}"]').evaluate(
        "(gd) => gd._fullLayout.xaxis.range[0]"
    )
    assert at_rest < -800  # widened to reach x

    def move(x, y):
        move_mouse(x, y)
        # within the slider's range the loss chart is Python's for such an x: over -10 … 10
        session.next_frame()
        assert session.shown()["lossRange"] == [-10, 10]

    fractions = (0.6, 0.7, 0.8)
    assert drag(session, SIGMOID, press, move, release, 1.0, fractions) > 0


def test_arrow_keys_move_x_on_a_focused_chart(open_sigmoid):
    session = open_sigmoid("lang=en&bn_x=0.5&bn_label=0")
    chart = session.root.locator(f'.ce-live-plot[data-chart="{SIGMOID}"]')
    chart.focus()
    sent = session.sent
    chart.press("ArrowRight")
    chart.press("ArrowRight")
    session.next_frame()
    shown = session.shown()
    assert shown["x"] == 0.7
    assert chart.get_attribute("aria-valuenow") == "0.7"
    agrees_with_ce_core(shown, 0.0)
    assert session.sent > sent  # a key let go of is a release
    eventually(session.box, lambda value: value == "0.7")
    chart.press("Shift+ArrowLeft")
    session.next_frame()
    assert session.shown()["x"] == -0.3
    eventually(session.url_x, lambda value: value == "-0.3")
    # a release back at an x sent before is heard too (Python had moved x since)
    chart.press("Home")
    eventually(session.box, lambda value: value == "-10")
    session.page.locator(".st-key-bn_preset_unsure button").click()
    eventually(session.box, lambda value: value == "0")
    eventually(lambda: session.shown()["x"], lambda x: x == 0)
    chart.press("Home")
    eventually(session.box, lambda value: value == "-10")
    # a preset and Reset move x on the charts too (y = 1 both)
    session.page.locator(".st-key-bn_preset_confident_wrong button").click()
    eventually(lambda: session.shown()["x"], lambda x: x == -6)
    agrees_with_ce_core(session.shown(), 1.0)
    session.page.get_by_role("button", name="Reset", exact=True).click()
    eventually(lambda: session.shown()["x"], lambda x: x == 2)
    agrees_with_ce_core(session.shown(), 1.0)


def test_the_browser_maths_agree_with_ce_core_to_1e_12(open_sigmoid):
    session = open_sigmoid("lang=en")
    xs = [0.0, -0.0, 1e-300, 1e-8, 0.5, 2.0, 10.0, 36.7, 40.0, 100.0, 709.0, 745.0, 800.0, 1000.0]
    xs += [-x for x in xs if x]
    labels = [0.0, 1.0, 0.7, 0.05]
    cases = [(x, y) for x in xs for y in labels]
    shown = session.page.evaluate(
        """(cases) => cases.map(([x, y]) => {
             const r = window.ceSigmoidMaths.sigmoidStats(x, y);
             return [r.sigma, r.sigmaGrad, r.loss, r.grad];
           })""",
        cases,
    )
    for (x, y), values in zip(cases, shown, strict=True):
        want = expected(x, y)
        for name, value in zip(want, values, strict=True):
            assert close(value, want[name]), (x, y, name, value, want[name])
    assert np.isfinite(np.array(shown)).all()  # the stable formulas: never inf or NaN
