"""Reading the running app from the browser: waiting for reruns, metrics, charts, screenshots.

:data:`RUN_COUNTER` counts the script runs the server has finished for a page, read off the
WebSocket (a ``ForwardMsg`` whose ``script_finished`` field is set), so :func:`rerun` can wait
for the run an action caused even when it was over before we looked. (The root element's
``data-test-script-state`` is not enough: a quick run can go from ``notRunning`` to
``notRunning`` within one render.) Values are read with short polls (:func:`eventually`) and
Playwright's ``expect``, never with long fixed sleeps.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

T = TypeVar("T")

FIRST_LOAD_MS = 20_000  # the first load fetches Plotly's 4.7 MB bundle
RERUN_MS = 10_000
SETTLE_MS = 200
FIRST_SETTLE_MS = 600  # a first visit may chain a second run after a pause
CJK = re.compile(r"[\u4e00-\u9fff]")

# Installed before the app's own scripts. Each WebSocket message is one ForwardMsg; its top-level
# protobuf fields are walked to find field 6, script_finished (status 2, "finished early for a
# rerun", is not a finished run).
RUN_COUNTER = """
if (window.__ceRuns === undefined) {
  window.__ceRuns = 0;
  const varint = (bytes, i) => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[i++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return [value, i];
    }
  };
  const finishesRun = (bytes) => {
    let i = 0;
    while (i < bytes.length) {
      let tag, value;
      [tag, i] = varint(bytes, i);
      const field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) {
        [value, i] = varint(bytes, i);
        if (field === 6) return value !== 2;
      } else if (wire === 2) {
        [value, i] = varint(bytes, i);
        i += value;
      } else if (wire === 1) {
        i += 8;
      } else if (wire === 5) {
        i += 4;
      } else {
        return false;
      }
    }
    return false;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer && finishesRun(new Uint8Array(event.data))) {
          window.__ceRuns += 1;
        }
      });
    }
  };
}
"""

# Idle: at least ``minRuns`` runs have finished, no other has finished for ``settleMs`` (a run may
# chain into another: st.rerun, st.switch_page, the first visit's routing fix), the app shows it
# is not running, and no element is still a grey skeleton (element code loads lazily).
_SKELETONS = (
    "[data-testid=stSkeleton], [data-testid=stSkeletonElement], [data-testid=stAppSkeleton]"
)
_IDLE = """
([minRuns, settleMs]) => {
  const app = document.querySelector('[data-testid=stApp]');
  const idle = !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && window.__ceRuns >= minRuns
    && !document.querySelector('[data-testid=stStatusWidget]')
    && !document.querySelector('__SKELETONS__');
  const now = performance.now();
  if (!idle) {
    window.__ceIdleSince = null;
    return false;
  }
  if (window.__ceIdleSince == null || window.__ceIdleRuns !== window.__ceRuns) {
    window.__ceIdleSince = now;
    window.__ceIdleRuns = window.__ceRuns;
  }
  return now - window.__ceIdleSince >= settleMs;
}
""".replace("__SKELETONS__", _SKELETONS)

# Every chart element Streamlit created has been drawn by Plotly.
_CHARTS_DRAWN = """
() => !document.querySelector('__SKELETONS__')
  && Array.from(document.querySelectorAll('[data-testid=stPlotlyChart]'))
    .every((c) => c.querySelector('.js-plotly-plot .main-svg'))
  && Array.from(document.querySelectorAll('.ce-live, .ce-sig'))
    .every((w) => w.dataset.pending === undefined
      && Array.from(w.querySelectorAll('.ce-live-plot')).every((p) => p.querySelector('.main-svg')))
""".replace("__SKELETONS__", _SKELETONS)

# Per chart: how many finite numbers its visible traces hold, and how many marks Plotly drew.
_CHART_SUMMARY = """
(el) => {
  const finite = (v) => {
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number') return Number.isFinite(v) ? 1 : 0;
    if (typeof v === 'string') return 0;
    if (ArrayBuffer.isView(v) || Array.isArray(v)) {
      let n = 0;
      for (const item of v) n += finite(item);
      return n;
    }
    return 0;
  };
  const traces = (el._fullData || []).filter((t) => t.visible === true);
  const points = traces.map((t) => ['x', 'y', 'z', 'values', 'r', 'a', 'b']
    .reduce((n, k) => n + finite(t[k]), 0));
  const marks = Array.from(el.querySelectorAll(
    '.barlayer .point path, .scatterlayer .trace path.js-line, .scatterlayer .point, '
    + '.scatterlayer .js-fill, .heatmaplayer image, .imagelayer image, .contourlayer path, '
    + '.pielayer .slice path, .boxlayer path, .violinlayer path, .funnellayer path, '
    + '.waterfalllayer path, .gl-container canvas'
  )).filter((m) => {
    if (m.tagName === 'image') return !!(m.getAttribute('href') || m.getAttribute('xlink:href'));
    if (m.tagName === 'canvas') return m.width > 0 && m.height > 0;
    const d = m.getAttribute('d') || '';
    return d.length > 0 && d !== 'M0,0Z';
  }).length;
  const title = el.querySelector('.gtitle');
  return {
    title: title ? title.textContent : '',
    traces: traces.length,
    points: points.reduce((a, b) => a + b, 0),
    marks,
  };
}
"""

_TWO_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"

# During a chart's pixel check, hide everything that is not data: grid, axes, titles, legend,
# annotations, shapes, the toolbar. What is left of an empty chart is one flat background.
NON_DATA_CSS = """
.js-plotly-plot .gridlayer, .js-plotly-plot .zerolinelayer, .js-plotly-plot .xlines-above,
.js-plotly-plot .ylines-above, .js-plotly-plot .xlines-below, .js-plotly-plot .ylines-below,
.js-plotly-plot .xaxislayer-above, .js-plotly-plot .yaxislayer-above,
.js-plotly-plot .xaxislayer-below, .js-plotly-plot .yaxislayer-below,
.js-plotly-plot .infolayer, .js-plotly-plot .annotation, .js-plotly-plot .layer-above,
.js-plotly-plot .layer-below, .js-plotly-plot .shapelayer, .js-plotly-plot .selectionlayer,
.js-plotly-plot .hoverlayer, .js-plotly-plot .modebar-container { visibility: hidden !important; }
"""


def eventually(read: Callable[[], T], check: Callable[[T], bool], timeout: float = 5.0) -> T:
    """Return ``read()`` once ``check`` accepts it; fail with the last value after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        time.sleep(0.05)


def runs(page: Page) -> int:
    """Return how many script runs the server has finished for the page since it was loaded."""
    return page.evaluate("window.__ceRuns")


_DIAGNOSIS = """
() => ({
  state: document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state'),
  runs: window.__ceRuns,
  statusWidget: document.querySelectorAll('[data-testid=stStatusWidget]').length,
  skeletons: document.querySelectorAll('__SKELETONS__').length,
  charts: document.querySelectorAll('[data-testid=stPlotlyChart]').length,
  drawn: document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot .main-svg').length,
  dialogs: Array.from(document.querySelectorAll('[role=dialog]')).map((d) => d.textContent),
})
""".replace("__SKELETONS__", _SKELETONS)


def _wait(page: Page, condition: str, arg: object, timeout: float, what: str) -> None:
    try:
        page.wait_for_function(condition, arg=arg, timeout=timeout, polling=50)
    except PlaywrightTimeoutError:
        raise AssertionError(
            f"{what} not reached in {timeout / 1000:.0f} s: {page.evaluate(_DIAGNOSIS)}"
        ) from None


def wait_idle(
    page: Page, min_runs: int = 1, timeout: float = RERUN_MS, settle: float = SETTLE_MS
) -> None:
    """Wait until ``min_runs`` runs have finished and no other for ``settle`` ms."""
    _wait(page, _IDLE, [min_runs, settle], timeout, f"idle after {min_runs} run(s)")


def wait_charts_drawn(page: Page, timeout: float = FIRST_LOAD_MS) -> None:
    """Wait until Plotly has drawn every chart element of the page."""
    _wait(page, _CHARTS_DRAWN, None, timeout, "every chart drawn")


def rerun(page: Page, action: Callable[[], object], timeout: float = RERUN_MS) -> None:
    """Do ``action`` (a click, an Enter...) and wait for the rerun it causes to finish."""
    before = runs(page)
    action()
    wait_idle(page, before + 1, timeout)
    wait_charts_drawn(page, timeout)


def exceptions(page: Page) -> list[str]:
    """Return the texts of the exception boxes on the page (there must be none)."""
    return page.locator("[data-testid=stException]").all_text_contents()


def title(page: Page) -> str:
    """Return the page's title (its h1)."""
    return page.locator("[data-testid=stMain] h1").first.text_content(timeout=5_000).strip()


def widget(page: Page, key: str) -> Locator:
    """Return the element container of the widget with ``key``."""
    return page.locator(f".st-key-{key}")


def plot(page: Page, chart_key: str) -> Locator:
    """Return the Plotly div of the chart drawn with ``chart_key``: an ``st.plotly_chart``, or a
    figure of a live widget (``lab.live``), whose div carries ``data-chart=<key>``."""
    return page.locator(
        f".st-key-{chart_key} .js-plotly-plot, .js-plotly-plot[data-chart='{chart_key}']"
    )


def language(page: Page, name: str) -> Locator:
    """Return the sidebar's language button ``name`` ("中文" or "English")."""
    return widget(page, "lang").locator("button", has_text=name)


def commit_text(page: Page, key: str, text: str, how: str = "Enter") -> None:
    """Type ``text`` into the text input ``key`` and commit it (``Enter`` or ``Tab`` = blur)."""
    box = widget(page, key).locator("input")
    box.fill(text)
    rerun(page, lambda: box.press(how))


def metric_values(page: Page) -> list[str]:
    """Return the values of all metrics, in page order."""
    return [v.strip() for v in page.locator("[data-testid=stMetricValue]").all_text_contents()]


def metric(page: Page, label: str) -> str:
    """Return the value of the metric labelled ``label``."""
    box = page.locator("[data-testid=stMetric]").filter(
        has=page.locator(
            "[data-testid=stMetricLabel]", has_text=re.compile(f"^{re.escape(label)}$")
        )
    )
    return box.locator("[data-testid=stMetricValue]").text_content(timeout=2_000).strip()


def bar_texts(page: Page, chart_key: str) -> list[str]:
    """Return the numbers printed on the bars of the chart drawn with ``chart_key``."""
    texts = plot(page, chart_key).locator(".bartext").all_text_contents()
    return [text.strip() for text in texts]


def traces(page: Page, chart_key: str) -> list[dict[str, Any]]:
    """Return the traces (type, name, x, y) of the chart drawn with ``chart_key``."""
    return plot(page, chart_key).evaluate(
        """(el) => (el._fullData || []).map((t) => {
             const plain = (v) => (v && (ArrayBuffer.isView(v) || Array.isArray(v)))
               ? Array.from(v) : null;
             return {type: t.type, name: t.name, x: plain(t.x), y: plain(t.y)};
           })"""
    )


def bar_values(page: Page, chart_key: str, trace: int = 0) -> list[float]:
    """Return the y values of trace ``trace`` of the chart drawn with ``chart_key``."""
    return [float(v) for v in traces(page, chart_key)[trace]["y"]]


def expect_values(
    page: Page, chart_key: str, expected: list[float], trace: int = 0, tol: float = 1e-9
) -> None:
    """Wait until trace ``trace`` of chart ``chart_key`` holds ``expected`` (within ``tol``)."""

    def close(values: list[float]) -> bool:
        if len(values) != len(expected):
            return False
        pairs = zip(values, expected, strict=True)
        return all(math.isclose(v, e, rel_tol=tol, abs_tol=tol) for v, e in pairs)

    eventually(lambda: bar_values(page, chart_key, trace), close)


def chart_summaries(page: Page) -> list[dict[str, Any]]:
    """Return, per chart: its title, visible traces, finite data points and drawn marks."""
    return [plot.evaluate(_CHART_SUMMARY) for plot in page.locator(".js-plotly-plot").all()]


def flat_chart_areas(page: Page) -> list[str]:
    """Return the titles of the charts whose data area is one flat colour (nothing drawn).

    Each chart's plot area (the whole chart for charts without axes) is screenshotted with
    everything but the data hidden; an empty chart leaves only its background. Charts in other
    tabs are checked after opening their tab. Needs Pillow.
    """
    from io import BytesIO

    from PIL import Image

    flat: list[str] = []
    checked: set[int] = set()

    def check_visible_charts() -> None:
        for index, plot in enumerate(page.locator(".js-plotly-plot").all()):
            if index in checked or not plot.is_visible():
                continue
            checked.add(index)
            plot.scroll_into_view_if_needed()
            area = plot.locator(".nsewdrag").first
            box = area.bounding_box() if area.count() else None
            png = (
                page.screenshot(clip=box, style=NON_DATA_CSS)
                if box and box["width"] > 4 and box["height"] > 4
                else plot.screenshot(style=NON_DATA_CSS)
            )
            if data_pixels(Image.open(BytesIO(png)).convert("RGB")) < 20:
                name = plot.locator(".gtitle").first
                flat.append(name.text_content() if name.count() else f"chart {index + 1}")

    check_visible_charts()
    tabs = page.locator("[data-testid=stTabs] [role=tab]")
    for i in range(tabs.count()):
        tab = tabs.nth(i)
        if tab.get_attribute("aria-selected") == "true":
            continue
        before = runs(page)
        tab.click()
        wait_idle(page, before)  # a tab with on_change reruns the script; others do not
        wait_charts_drawn(page)
        page.evaluate(_TWO_FRAMES)  # let Plotly fit the charts it drew while hidden
        check_visible_charts()
    return flat


def data_pixels(image: Any, tolerance: int = 24) -> int:
    """Return how many pixels of ``image`` differ clearly from its most common colour."""
    colours = image.getcolors(maxcolors=image.width * image.height)
    background = max(colours)[1]
    return sum(
        count
        for count, colour in colours
        if max(abs(c - b) for c, b in zip(colour, background, strict=True)) > tolerance
    )


def save_full_page(page: Page, path: Path) -> None:
    """Write a screenshot of the whole page, below the fold included, to ``path``.

    Streamlit scrolls inside its main section, not the document, so the viewport is made as tall
    as the content for the shot.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        """() => {
             const main = document.querySelector('[data-testid=stMain]');
             const side = document.querySelector('[data-testid=stSidebarContent]');
             return Math.max(main ? main.scrollHeight : 0, side ? side.scrollHeight : 0);
           }"""
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(max(height, 600), 12_000)})
    try:
        wait_charts_drawn(page)
        page.evaluate(_TWO_FRAMES)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(viewport)


def expect_no_exception(page: Page, server_log: Callable[[], str] | None = None) -> None:
    """Fail when the page shows an exception box; the message carries the server's traceback."""
    boxes = exceptions(page)
    if boxes:
        log = server_log() if server_log else ""
        raise AssertionError(f"exception on the page: {boxes}\n--- server log (end) ---\n{log}")


__all__ = [
    "CJK",
    "FIRST_LOAD_MS",
    "RUN_COUNTER",
    "bar_texts",
    "bar_values",
    "chart_summaries",
    "commit_text",
    "eventually",
    "expect",
    "expect_no_exception",
    "expect_values",
    "flat_chart_areas",
    "language",
    "metric",
    "metric_values",
    "rerun",
    "save_full_page",
    "title",
    "traces",
    "wait_charts_drawn",
    "wait_idle",
    "widget",
]


# ---- more readers (appended for test_each_page.py) --------------------------------------------
_WIDGET_VALUES = """
(keys) => Object.fromEntries(keys.map((key) => {
  const box = document.querySelector('.st-key-' + CSS.escape(key));
  if (!box) return [key, null];
  const thumbs = box.querySelectorAll('[data-testid=stSliderThumbValue]');
  if (thumbs.length) return [key, Array.from(thumbs, (t) => t.textContent.trim()).join(' – ')];
  const options = box.querySelectorAll('[role=radio]');
  if (options.length) {
    const chosen = Array.from(options).filter((o) => o.getAttribute('aria-checked') === 'true');
    return [key, chosen.map((o) => o.textContent.trim()).join(', ')];
  }
  const check = box.querySelector('input[type=checkbox]');
  if (check) return [key, check.checked];
  const field = box.querySelector('textarea, input');
  return [key, field ? field.value : null];
}))
"""


def widget_values(page: Page, keys: list[str]) -> dict[str, Any]:
    """Return what each widget shows: a box's text, a slider's thumb text, a segmented control's
    chosen option, a toggle's on/off (bool); None for a key with no widget on the page."""
    return page.evaluate(_WIDGET_VALUES, list(keys))


def metric_map(page: Page) -> dict[str, str]:
    """Return every metric's value by its label (both as shown)."""
    return page.evaluate(
        """() => Object.fromEntries(Array.from(
             document.querySelectorAll('[data-testid=stMetric]'),
             (m) => [m.querySelector('[data-testid=stMetricLabel]')?.textContent.trim(),
                     m.querySelector('[data-testid=stMetricValue]')?.textContent.trim()]))"""
    )


_PLAIN_TRACES = """
(el) => {
  const plain = (v) => (v && (ArrayBuffer.isView(v) || Array.isArray(v)))
    ? Array.from(v, plain) : (v === undefined ? null : v);
  return (el._fullData || []).map((t) => ({
    type: t.type, name: t.name, x: plain(t.x), y: plain(t.y), z: plain(t.z),
  }));
}
"""


def trace_data(page: Page, chart_key: str) -> list[dict[str, Any]]:
    """Return the traces (type, name, x, y, z as nested lists, gaps None) of chart ``chart_key``."""
    return plot(page, chart_key).evaluate(_PLAIN_TRACES)


def table_column(page: Page, heading: str, column: str) -> list[str]:
    """Return the cells of column ``column`` of the first table after the heading ``heading``."""
    return page.evaluate(
        """([heading, column]) => {
             const title = Array.from(document.querySelectorAll('h1, h2, h3, h4'))
               .find((h) => h.textContent.trim() === heading);
             if (!title) return null;
             const table = Array.from(document.querySelectorAll('[data-testid=stTable] table'))
               .find((t) => title.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
             if (!table) return null;
             const headers = Array.from(table.querySelectorAll('thead th'), (h) =>
               h.textContent.trim());
             const index = headers.indexOf(column);
             if (index < 0) return null;
             return Array.from(table.querySelectorAll('tbody tr'), (row) =>
               row.children[index]?.textContent.trim() ?? null);
           }""",
        [heading, column],
    )


def shown_numbers(page: Page) -> dict[str, Any]:
    """Return every number the page shows: metrics, tables and the data of every chart."""
    return page.evaluate(
        "() => ({"
        "  metrics: Array.from(document.querySelectorAll('[data-testid=stMetric]'),"
        "    (m) => m.textContent),"
        "  tables: Array.from(document.querySelectorAll('[data-testid=stTable]'),"
        "    (t) => t.textContent),"
        f"  charts: Array.from(document.querySelectorAll('.js-plotly-plot'), {_PLAIN_TRACES}),"
        "})"
    )


__all__ += ["metric_map", "shown_numbers", "table_column", "trace_data", "widget_values"]


Hand = tuple[Callable[[float, float], None], ...]


def mouse_hand(page: Page) -> Hand:
    """Return ``(press, move, release)`` at page coordinates ``(x, y)``, with the mouse."""
    mouse = page.mouse

    def press(x: float, y: float) -> None:
        mouse.move(x, y)
        mouse.down()

    return press, mouse.move, lambda x, y: mouse.up()


def touch_hand(page: Page) -> Hand:
    """Return ``(press, move, release)`` at page coordinates ``(x, y)``, with one finger
    (touch events sent through the DevTools protocol, as a touch screen sends them)."""
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str) -> Callable[[float, float], None]:
        def send(x: float, y: float) -> None:
            points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        return send

    return touch("touchStart"), touch("touchMove"), touch("touchEnd")
