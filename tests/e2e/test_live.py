"""The live softmax widget (lab/live) in real Chromium: its maths against ce_core, and dragging.

Served on its own bare page (``live_page.py``) and as the Playground's main view. During a drag
nothing may reach the server and every frame must already show ce_core's numbers for where the
bar is; after release Python holds the dragged logits (its metric, the link, the box), and the
widget's DOM node is the same one. Presets, Reset and the box move the bars.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Browser, Page

from ce_core import format_vector, parse_vector
from lab import numbers
from pages.derivation.latex import latex_loss
from pages.derivation.model import chain_rule
from pages.playground.model import explain_logits

from .conftest import ARTIFACTS, AppServer, serve_app
from .helpers import (
    CJK,
    RUN_COUNTER,
    commit_text,
    eventually,
    metric,
    mouse_hand,
    rerun,
    touch_hand,
    widget,
)

LOG = ARTIFACTS / "e2e" / "live_page.log"
FIRST_LOAD_MS = 30_000
ROOT = ".st-key-live .ce-live"
PLAYGROUND = ".st-key-live_logits .ce-live"
DERIVATION = ".st-key-dv_live .ce-live"
TRAINING = ".st-key-tr_live .ce-live"

NEXT_FRAME = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"

# What the widget drew last: for which logits and T, its loss, formula and the charts' data.
SHOWN = """
(root) => {
  const widget = root.ceLive;
  const plot = (key) => root.querySelector(`.ce-live-plot[data-chart="${key}"]`);
  return {
    z: widget.drawn.z,
    T: widget.drawn.T,
    loss: Number(root.dataset.loss),
    formula: root.querySelector('.ce-live-formula').textContent,
    a: Array.from(plot('chart_probs')._fullData[0].y),
    grad: Array.from(plot('chart_grad')._fullData[0].y),
    point: Array.from(plot('chart_neglog')._fullData[1].y),
    frames: widget.stats.frames,
    // bars whose drawn top (read back from the SVG) is more than a pixel from their value
    misdrawn: ['chart_probs', 'chart_grad'].map((key) => {
      const gd = plot(key);
      const ya = gd._fullLayout.yaxis;
      const paths = Array.from(gd.querySelectorAll('.barlayer .trace:first-child path'));
      const values = gd._fullData[0].y;
      return paths.filter((path, i) => {
        const top = /V([-0-9.]+)H/.exec(path.getAttribute('d'));
        if (!top) return values[i] !== 0;
        return Math.abs(Number(top[1]) - ya.c2p(values[i])) > 1;
      }).length + Math.abs(paths.length - values.length);
    }),
  };
}
"""


@pytest.fixture(scope="module")
def live_server(chromium_executable: str) -> Iterator[AppServer]:
    """The bare widget page, served for this module."""
    with serve_app(LOG, script="tests/e2e/live_page.py") as server:
        yield server


class Session:
    """One browser page on the widget page, counting the WebSocket frames it sends."""

    def __init__(
        self,
        page: Page,
        server: AppServer,
        query: str,
        path: str = "",
        root: str = ROOT,
        ready: str = ".main-svg",  # what the widget has drawn when it is ready
    ) -> None:
        self.page = page
        self.sent = 0
        page.on("websocket", lambda ws: ws.on("framesent", self._count))
        page.add_init_script(RUN_COUNTER)  # for helpers.rerun
        page.goto(f"{server.url}/{path}?{query}", wait_until="commit")
        page.wait_for_selector(f"{root}:not([data-pending]) {ready}", timeout=FIRST_LOAD_MS)
        self.root = page.locator(root)

    def _count(self, _payload: object) -> None:
        self.sent += 1

    def shown(self) -> dict:
        return self.root.evaluate(SHOWN)

    def next_frame(self) -> None:
        """Wait for the next frame, and at rest for every chart (drawn one a frame)."""
        self.page.evaluate(NEXT_FRAME)
        self.root.evaluate(
            "(root) => new Promise((done) => { const ready = () => root.dataset.pending ?"
            " requestAnimationFrame(ready) : done(); ready(); })"
        )

    def python_loss(self) -> str:
        return self.page.locator("[data-testid=stMetricValue]").first.text_content().strip()

    def url_logits(self) -> np.ndarray:
        return parse_vector(parse_qs(urlparse(self.page.evaluate("location.href")).query)["z"][0])

    def track(self, k: int):
        return self.root.locator(f'.ce-live-column[data-class="{k}"] .ce-live-track')


@pytest.fixture
def open_live(browser: Browser, live_server: AppServer):
    contexts = []

    def open_(query: str = "lang=en", **context_args) -> Session:
        args = {"viewport": {"width": 1280, "height": 900}, **context_args}
        context = browser.new_context(**args)
        contexts.append(context)
        return Session(context.new_page(), live_server, query)

    yield open_
    for context in contexts:
        context.close()


def _close(js: list[float | None], expected: np.ndarray, rel: float = 1e-12) -> bool:
    values = np.array([-np.inf if v is None else v for v in js], dtype=float)
    if values.shape != expected.shape:
        return False
    return all(
        (v == e) or math.isclose(v, e, rel_tol=rel, abs_tol=1e-300)
        for v, e in zip(values, expected, strict=True)
    )


def _agrees_with_ce_core(shown: dict, target: int, curve: bool = True) -> None:
    """Check what the widget drew against ce_core; ``curve``: the point on -ln p too (it follows
    on release, not during a drag)."""
    z = np.array([-np.inf if v is None else v for v in shown["z"]])
    result = explain_logits(z, target, shown["T"])
    assert math.isclose(shown["loss"], result.loss, rel_tol=1e-12), (shown["loss"], result.loss)
    assert shown["formula"].endswith(f"= {result.loss:.4f}".replace("-", "−")), shown["formula"]
    assert _close(shown["a"], result.a), (shown["a"], result.a)
    assert _close(shown["grad"], result.grad), (shown["grad"], result.grad)
    assert shown["misdrawn"] == [0, 0], "a bar's drawn height is not its value"
    if curve:
        assert _close(shown["point"], np.array([result.loss])), (shown["point"], result.loss)


# ---- (a) the maths, in the browser, against ce_core ------------------------------------------

RNG = np.random.default_rng(13)
THOUSAND = RNG.normal(scale=3.0, size=1000)
CASES = {
    "ordinary": ([2.0, 1.0, 0.1, -1.0, 3.0], 0, 1.0),
    "ordinary, true class most likely": ([2.0, 1.0, 0.1, -1.0, 3.0], 4, 1.0),
    "plus and minus 1000": ([1000.0, 0.0, -1000.0], 0, 1.0),
    "plus and minus 1000, true class at -1000": ([1000.0, 0.0, -1000.0], 2, 1.0),
    "masked class": ([2.0, 1.0, -np.inf, 0.5], 1, 1.0),
    "1,000 classes": (THOUSAND.tolist(), 17, 1.0),
    "1,000 classes, T = 0.05": (THOUSAND.tolist(), 17, 0.05),
    "T = 0.05": ([2.0, 1.0, 0.1, -1.0, 3.0], 0, 0.05),
    "T = 20": ([2.0, 1.0, 0.1, -1.0, 3.0], 0, 20.0),
    "T = 20, masked, large": ([700.0, -700.0, -np.inf, 699.5], 3, 20.0),
}


def test_the_browser_maths_agree_with_ce_core_to_1e_12(open_live):
    session = open_live()
    for name, (z, target, temperature) in CASES.items():
        js = session.page.evaluate(
            """([z, j, T]) => {
                 const r = window.ceLiveMaths.softmaxStats(z, T, j);
                 return {a: Array.from(r.a), grad: Array.from(r.grad), loss: r.loss,
                         predicted: r.predicted};
               }""",
            [z, target, temperature],
        )
        result = explain_logits(np.array(z), target, temperature)
        assert math.isclose(js["loss"], result.loss, rel_tol=1e-12), name
        assert _close(js["a"], result.a), name
        assert _close(js["grad"], result.grad), name
        assert js["predicted"] == result.predicted, name


# What the browser reads from the logits box on Enter (plainNumbers) must be what ce_core reads.
READ_ALIKE = [
    "2, 1, 0.1, -1, 3",
    " 0.1;0.2；0.3 ",
    "1 2\t3",
    "1，2、3",
    "-0.5 , +.25 , 1.",
    "1e-5, 2E+3, 123456789012345678901234567890",
    "0.1000000000000000055511151231257827, 0.3",
    "4.9e-324, -2.2250738585072014e-308",
]
LEFT_TO_PYTHON = [
    "[1, 2, 3]",
    "1,,2",
    "1, 2,",
    "inf, 1",
    "-inf, 0",
    "nan, 1",
    "1e400, 0",
    "１, ２",
    "1 − 2",
    "0x10, 1",
    "1_000, 2",
    "![x](http://a.invalid/x.png), 1",
    "",
]


def test_the_browser_reads_typed_logits_as_ce_core_does(open_live):
    session = open_live()
    read = "(text) => window.ceLiveMaths.plainNumbers(text)"
    for text in READ_ALIKE:
        js = session.page.evaluate(read, text)
        python = parse_vector(text)
        assert js is not None, text
        bits = np.array(js, dtype=np.float64).view(np.int64)
        assert np.array_equal(bits, python.view(np.int64)), text  # bit for bit
    for text in LEFT_TO_PYTHON:
        assert session.page.evaluate(read, text) is None, text


# ---- (b, c) dragging: every frame right, nothing sent until release ---------------------------


def _drag(session: Session, k: int, press, move, release, target: int, settled=None) -> None:
    """Drag class ``k``'s bar up through the track with the given input functions.

    After release, ``settled(dragged)`` checks that the page took the dragged logits (by
    default: its loss metric shows them)."""
    box = session.track(k).bounding_box()
    x = box["x"] + box["width"] / 2
    ys = [box["y"] + box["height"] * f for f in (0.45, 0.40, 0.33, 0.25, 0.18, 0.12)]
    before = session.shown()
    sent_before = session.sent
    press(x, ys[0])
    session.next_frame()
    previous = session.shown()
    for y in ys[1:]:
        move(x, y)
        session.next_frame()
        now = session.shown()
        assert now["frames"] > previous["frames"]  # redrawn
        assert now["z"][k] > previous["z"][k]  # the bar followed the hand
        assert now["loss"] != previous["loss"]  # and the loss with it
        _agrees_with_ce_core(now, target, curve=False)
        previous = now
    assert session.sent == sent_before, "the browser talked to the server during the drag"
    assert previous["z"] != before["z"]
    release(x, ys[-1])
    dragged = np.array(previous["z"], dtype=float)
    if settled is None:
        expected = f"{explain_logits(dragged, target, previous['T']).loss:.4f}"
        eventually(session.python_loss, lambda text: text == expected)
    else:
        settled(dragged)
    eventually(session.url_logits, lambda z: np.array_equal(z, dragged))
    assert session.sent > sent_before
    session.next_frame()
    _agrees_with_ce_core(session.shown(), target)  # the -ln p point caught up


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_mouse_drag_redraws_every_frame_with_ce_core_numbers(open_live, lang):
    session = open_live(f"lang={lang}&z=2,1,0.1,-1,3&y=1")
    title = session.root.locator(".ce-live-title").text_content()
    assert bool(CJK.search(title)) == (lang == "zh")
    session.root.evaluate("(root) => { root.ceMarker = 'the same node'; }")
    _drag(session, 0, *mouse_hand(session.page), target=0)
    # the rerun after release drew into the same DOM node
    assert session.page.locator(ROOT).evaluate("(root) => root.ceMarker") == "the same node"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_touch_drag_redraws_every_frame_with_ce_core_numbers(open_live, lang):
    session = open_live(
        f"lang={lang}&z=2,1,0.1,-1,3&y=2",
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    session.track(1).scroll_into_view_if_needed()
    _drag(session, 1, *touch_hand(session.page), target=1)


def test_arrow_keys_move_a_focused_bar(open_live):
    session = open_live("lang=en&z=2,1,0.1,-1,3&y=1")
    track = session.track(2)
    track.focus()
    before = session.shown()
    step = session.root.evaluate("(root) => root.ceLive.keyStep")
    sent = session.sent
    track.press("ArrowUp")
    track.press("ArrowUp")
    session.next_frame()
    now = session.shown()
    assert now["z"][2] == pytest.approx(before["z"][2] + 2 * step)
    assert track.get_attribute("aria-valuenow") == repr(now["z"][2])
    _agrees_with_ce_core(now, 0)
    assert session.sent > sent  # each key's release is a release
    expected = f"{explain_logits(np.array(now['z']), 0, 1.0).loss:.4f}"
    eventually(session.python_loss, lambda text: text == expected)
    track.press("ArrowDown")
    session.next_frame()
    assert session.shown()["z"][2] == pytest.approx(now["z"][2] - step)


# ---- the Playground ----------------------------------------------------------------------------


@pytest.fixture
def open_lesson(browser: Browser, app_server: AppServer):
    contexts = []

    def open_(
        query: str, path: str = "playground", root: str = PLAYGROUND, ready: str = ".main-svg"
    ) -> Session:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        return Session(context.new_page(), app_server, query, path, root, ready)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def open_playground(open_lesson):
    return open_lesson


def _bars(session: Session) -> list[float]:
    values = session.root.locator(".ce-live-track").evaluate_all(
        "(tracks) => tracks.map((t) => t.getAttribute('aria-valuetext'))"
    )
    return [float(v.replace("−", "-")) for v in values]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_playground_drag_reaches_box_link_and_metrics(open_playground, lang):
    session = open_playground(f"lang={lang}&z=2,1,0.1,-1,3&y=1")
    session.root.evaluate("(root) => { root.ceMarker = 'the same node'; }")
    _drag(session, 0, *mouse_hand(session.page), target=0)
    dragged = np.array(session.shown()["z"], dtype=float)
    box = widget(session.page, "z").locator("input")
    eventually(box.input_value, lambda text: text == format_vector(dragged, digits=None))
    assert session.page.locator(PLAYGROUND).evaluate("(r) => r.ceMarker") == "the same node"


def test_playground_presets_reset_and_the_box_move_the_bars(open_playground):
    session = open_playground("lang=en&z=2,1,0.1,-1,3&y=1")
    page = session.page
    session.root.evaluate("(root) => { root.ceMarker = 'the same node'; }")
    rerun(page, lambda: widget(page, "preset_confident_wrong").get_by_role("button").click())
    eventually(lambda: _bars(session), lambda bars: bars == [8, 1, 0.5, -1, 0])
    assert metric(page, "Loss") == f"{explain_logits([8, 1, 0.5, -1, 0], 2).loss:.4f}"
    commit_text(page, "z", "1, 2, 3")
    eventually(lambda: _bars(session), lambda bars: bars == [1, 2, 3])
    rerun(page, lambda: widget(page, "reset_playground").get_by_role("button").click())
    eventually(lambda: _bars(session), lambda bars: bars == [2, 1, 0.1, -1, 3])
    assert session.root.evaluate("(root) => root.ceMarker") == "the same node"
    # the same key after Reset sends the logits it sent before: Python hears it again
    box = widget(page, "z").locator("input")
    for _ in range(2):
        session.track(2).focus()
        session.track(2).press("ArrowUp")
        moved = eventually(lambda: _bars(session), lambda bars: bars[2] > 0.1)
        eventually(lambda: parse_vector(box.input_value()).tolist(), moved.__eq__)
        rerun(page, lambda: widget(page, "reset_playground").get_by_role("button").click())
        eventually(box.input_value, lambda text: parse_vector(text).tolist() == [2, 1, 0.1, -1, 3])


def test_hovering_a_class_marks_its_term_gradient_bar_and_table_row(open_playground):
    session = open_playground("lang=en&z=2,1,0.1,-1,3&y=1")
    page = session.page
    rerun(page, lambda: widget(page, "pg_pipeline").locator("summary").click())
    session.track(1).hover()
    session.next_frame()
    term = session.root.locator('.ce-live-term[data-class="1"]')
    eventually(lambda: term.get_attribute("class"), lambda c: "ce-live-hover" in c)
    widths = session.root.locator('[data-chart="chart_grad"]').evaluate(
        "(plot) => Array.from(plot._fullData[0].marker.line.width)"
    )
    assert widths == [0, 3, 0, 0, 0]
    rows = widget(page, "pipeline_table").locator("tbody tr")
    colour = "(row) => getComputedStyle(row).backgroundColor"
    assert rows.nth(1).evaluate(colour) != rows.nth(0).evaluate(colour)
    # and the reverse: a row of the table marks its class's bars and term
    rows.nth(3).hover()
    eventually(lambda: _outlines(session, "chart_probs"), lambda w: w == [0, 0, 0, 3, 0])
    assert _outlines(session, "chart_grad") == [0, 0, 0, 3, 0]
    term = session.root.locator('.ce-live-term[data-class="3"]')
    assert "ce-live-hover" in term.get_attribute("class")
    page.mouse.move(5, 5)  # away from the table: nothing marked
    eventually(lambda: _outlines(session, "chart_probs"), lambda w: w == [0, 0, 0, 0, 0])


def _outlines(session: Session, chart: str) -> list[float]:
    return session.root.locator(f'[data-chart="{chart}"]').evaluate(
        "(plot) => Array.from(plot._fullData[0].marker.line.width)"
    )


def test_the_widgets_temperature_reaches_the_link_and_metrics(open_playground):
    session = open_playground("lang=en&z=2,1,0.1,-1,3&y=1")
    page = session.page
    # one temperature control: the widget's (the page's own slider is only for probabilities)
    assert page.locator("[data-testid=stSlider]").count() == 0
    slider = session.root.locator(".ce-live-t input")
    rerun(page, lambda: slider.press("ArrowRight"))  # 1.0 -> 1.5, the next of the page's steps
    link = lambda: parse_qs(urlparse(page.evaluate("location.href")).query).get("T")  # noqa: E731
    eventually(link, lambda value: value == ["1.5"])
    assert session.root.locator(".ce-live-t output").text_content() == "1.5"
    expected = f"{explain_logits([2, 1, 0.1, -1, 3], 0, 1.5).loss:.4f}"
    eventually(lambda: metric(page, "Loss"), lambda text: text == expected)
    session.next_frame()
    _agrees_with_ce_core(session.shown(), 0)


# ---- the Derivation: the same widget under the result ------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_derivation_drag_moves_a_and_the_gradient_then_every_line(open_lesson, lang):
    session = open_lesson(f"lang={lang}&z=2,1,0.1,-1,3&y=2", "derivation", DERIVATION)
    page = session.page
    assert not session.root.locator(".ce-live-t").is_visible()  # T is the page's own, at the top
    session.root.evaluate("(root) => { root.ceMarker = 'the same node'; }")
    session.track(3).scroll_into_view_if_needed()

    def settled(dragged: np.ndarray) -> None:
        box = widget(page, "z").locator("input")
        eventually(box.input_value, lambda text: text == format_vector(dragged, digits=None))
        # the derivation's loss line (KaTeX keeps its TeX source) is computed from them
        expected = latex_loss(chain_rule(dragged, 1)).strip()
        tex = page.locator("annotation[encoding='application/x-tex']")
        eventually(tex.all_text_contents, lambda texts: expected in [x.strip() for x in texts])

    _drag(session, 3, *mouse_hand(page), target=1, settled=settled)
    assert page.locator(DERIVATION).evaluate("(r) => r.ceMarker") == "the same node"
    # the page's whole width: the bars beside the charts; on a phone's width, stacked
    wide = "(root) => root.classList.contains('ce-live-wide')"
    boxes = "(plots) => plots.map((p) => p.querySelector('.main-svg').getBoundingClientRect())"
    lefts = lambda: [  # noqa: E731
        round(box["left"]) for box in session.root.locator(".ce-live-plot").evaluate_all(boxes)
    ]
    assert session.root.evaluate(wide) and len(set(lefts()[:2])) == 2  # side by side
    page.set_viewport_size({"width": 390, "height": 844})
    eventually(lambda: session.root.evaluate(wide), lambda is_wide: not is_wide)
    session.next_frame()
    assert len(set(lefts())) == 1  # one under another, each redrawn to the column's width
    widths = [box["width"] for box in session.root.locator(".ce-live-plot").evaluate_all(boxes)]
    assert all(300 <= w <= 390 for w in widths), widths


# ---- a typed change: every chart takes the new numbers in one frame ---------------------------

# After each frame drawn by ``quick`` (lab/live), what it drew: SHOWN, and per bar chart its bars'
# numbers and how far each number stands from its bar's end (page pixels).
WATCH_QUICK = (
    """(root) => {
  const widget = root.ceLive;
  const shown = """
    + SHOWN.strip()
    + """;
  const labels = (key) => {
    const gd = root.querySelector(`.ce-live-plot[data-chart="${key}"]`);
    const bars = gd.querySelectorAll('.barlayer .trace:first-child path');
    return Array.from(gd.querySelectorAll('.barlayer .trace:first-child text.bartext'), (t, i) => {
      const text = t.getBoundingClientRect();
      const bar = bars[i].getBoundingClientRect();
      const below = gd._fullData[0].y[i] < 0;
      return [t.textContent, below ? text.top - bar.bottom : bar.top - text.bottom];
    });
  };
  window.ceQuick = [];
  window.ceLabels = () => ({ probs: labels('chart_probs'), grad: labels('chart_grad') });
  const draw = widget.draw.bind(widget);
  widget.draw = (...args) => {
    const before = widget.stats.quick;
    draw(...args);
    if (widget.stats.quick > before) {
      // python: the logits of Python's last data (a typed change is drawn before they come)
      const python = widget.data.z;
      window.ceQuick.push({ ...shown(root), labels: window.ceLabels(), python });
    }
  };
}"""
)


def test_typed_logits_redraw_every_chart_on_enter_in_one_frame_as_plotly_would(open_playground):
    session = open_playground("lang=en&z=2,1,0.1,-1,3&y=1")
    page = session.page
    session.root.evaluate(WATCH_QUICK)
    commit_text(page, "z", "1.2, 1, -0.5, 2, 0.3")
    session.next_frame()  # and Python's figures drawn over it, one a frame
    quick = page.evaluate("window.ceQuick")
    assert len(quick) == 1, "the new numbers were not drawn in one frame"
    drawn = quick[0]
    assert drawn["z"] == [1.2, 1, -0.5, 2, 0.3]
    # drawn on Enter, from the box, before the rerun's data (ce_core's) came: the same numbers
    assert drawn["python"] == [2, 1, 0.1, -1, 3]
    assert session.root.evaluate("(root) => root.ceLive.data.z") == drawn["z"]
    _agrees_with_ce_core(drawn, 0)  # the bars, the loss and the point on -ln p
    result = explain_logits(drawn["z"], 0)
    labels = drawn["labels"]
    assert [text for text, _ in labels["probs"]] == [numbers.bar(v) for v in result.a]
    assert [text for text, _ in labels["grad"]] == [numbers.bar(v) for v in result.grad]
    # each number where Plotly puts it when it draws the same figure (to a pixel)
    final = page.evaluate("window.ceLabels()")
    for chart in ("probs", "grad"):
        assert [text for text, _ in final[chart]] == [text for text, _ in labels[chart]]
        gaps = [gap for _, gap in labels[chart]]
        assert gaps == pytest.approx([gap for _, gap in final[chart]], abs=1.0), chart
    # a change the SVG cannot take (a class more) is drawn by Plotly when Python's data come
    commit_text(page, "z", "1, 2, 3, 4, 5, 6")
    session.next_frame()
    assert len(page.evaluate("window.ceQuick")) == 1
    _agrees_with_ce_core(session.shown(), 0)
    # text that is not plain numbers is left to Python (which reads it, or says what is wrong)
    commit_text(page, "z", "[1, 2, 3, 4, 5, 6.5]")
    session.next_frame()
    assert all(q["python"] == q["z"] for q in page.evaluate("window.ceQuick")[1:])
    _agrees_with_ce_core(session.shown(), 0)
    assert session.root.evaluate("(root) => root.ceLive.stats.typed") == 1


# ---- Training: the initial logits as bars to drag ----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_training_drag_sets_the_initial_logits_of_the_descent(open_lesson, lang):
    session = open_lesson(f"lang={lang}&tr_z=2,1,0.1,-1,3&tr_y=1", "training", TRAINING, "")
    page = session.page
    assert not session.root.locator(".ce-live-formula").is_visible()  # the loss is the descent's
    final_loss = page.locator("[data-testid=stMetricValue]").first
    before = final_loss.text_content()
    track = session.track(0)
    track.scroll_into_view_if_needed()
    box = track.bounding_box()
    x = box["x"] + box["width"] / 2
    sent = session.sent
    page.mouse.move(x, box["y"] + box["height"] * 0.45)
    page.mouse.down()
    values = []
    for f in (0.8, 0.9, 0.95):  # down: class 1 (the true one) less likely at the start
        page.mouse.move(x, box["y"] + box["height"] * f)
        session.next_frame()
        values.append(float(track.get_attribute("aria-valuenow")))
    assert values == sorted(values, reverse=True) and len(set(values)) == 3  # the bar followed
    assert session.sent == sent, "the browser talked to the server during the drag"
    page.mouse.up()
    dragged = np.array(session.root.evaluate("(root) => Array.from(root.ceLive.z)"))
    assert dragged[0] == values[-1] and list(dragged[1:]) == [1, 0.1, -1, 3]
    text = widget(page, "tr_z").locator("input")
    eventually(text.input_value, lambda value: value == format_vector(dragged, digits=None))
    link = lambda: parse_vector(  # noqa: E731
        parse_qs(urlparse(page.evaluate("location.href")).query)["tr_z"][0]
    )
    eventually(link, lambda z: np.array_equal(z, dragged))
    eventually(final_loss.text_content, lambda value: value != before)  # the descent ran again
