"""The five other pages in a real browser: typing, a preset, a shared link, bad input.

Each page has a small spec (``SPECS``, below): what to type, which preset to press, which link to
open, where to type something wrong, and what the page must then show (widget values, metric
texts, table cells, chart data). Every expected number is computed here with plain math, never
read off the page.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ce_core import parse_vector
from lab.i18n import translate
from pages.batch import link as batch_link
from pages.binary import state as binary_state
from pages.derivation import state as derivation_state
from pages.stability import state as stability_state
from pages.training import state as training_state

from .conftest import VIEWPORT, Opener
from .helpers import (
    commit_text,
    eventually,
    expect,
    expect_no_exception,
    metric_map,
    rerun,
    shown_numbers,
    table_column,
    trace_data,
    wait_idle,
    widget,
    widget_values,
)

# ---- plain math (and NumPy), independent of ce_core ---------------------------------------------


def softmax(z: Sequence[float]) -> list[float]:
    top = max(z)
    exps = [math.exp(v - top) for v in z]
    return [e / sum(exps) for e in exps]


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def cross_entropy(z: Sequence[float], j: int, eps: float = 0.0) -> float:
    """Loss of logits ``z``, true class ``j`` (from 0), label smoothing ``eps`` (PyTorch's)."""
    log_total = math.log(sum(math.exp(v - max(z)) for v in z)) + max(z)
    return sum(q * (log_total - v) for q, v in zip(smoothed(len(z), j, eps), z, strict=True))


def smoothed(k: int, j: int, eps: float) -> list[float]:
    """The target q of class ``j`` of ``k``: one-hot, mixed with ``eps`` of the uniform."""
    return [(1 - eps) * (i == j) + eps / k for i in range(k)]


def jacobian(z: Sequence[float], temperature: float = 1.0) -> list[list[float]]:
    """da/dz of a = softmax(z / T): (diag(a) - a a^T) / T."""
    a = softmax([v / temperature for v in z])
    return [
        [(a[i] * (i == k) - a[i] * a[k]) / temperature for k in range(len(a))]
        for i in range(len(a))
    ]


@dataclass(frozen=True)
class Descent:
    """Gradient descent on logits, z <- z - lr (a - q), step by step."""

    loss: list[float]
    norm: list[float]
    a: list[float]  #: softmax after the last step
    q: list[float]

    @classmethod
    def run(cls, z: Sequence[float], j: int, lr: float, steps: int, eps: float = 0.0) -> Descent:
        z, q = list(z), smoothed(len(z), j, eps)
        loss, norm = [], []
        for step in range(steps + 1):
            a = softmax(z)
            grad = [a_k - q_k for a_k, q_k in zip(a, q, strict=True)]
            loss.append(cross_entropy(z, j, eps))
            norm.append(math.sqrt(sum(g * g for g in grad)))
            if step < steps:
                z = [v - lr * g for v, g in zip(z, grad, strict=True)]
        return cls(loss, norm, a, q)

    def metrics(self, j: int) -> tuple[Metric, ...]:
        return (
            # a loss or a norm: 4 significant digits; a probability: 6 decimals
            Metric("training.metric.loss", f"{self.loss[-1]:.4g}"),
            Metric("training.metric.a_j", f"{self.a[j]:.6f}"),
            Metric("training.metric.optimum", f"{self.q[j]:.6f}"),
            Metric("training.metric.norm", f"{self.norm[-1]:.4g}"),
        )


def naive_softmax(z: Sequence[float], dtype: str) -> list[float]:
    """Softmax by the textbook formula e^z / sum(e^z), computed in ``dtype`` (may give inf/NaN)."""
    with np.errstate(all="ignore"):
        e = np.exp(np.array(z, dtype=dtype))
        return [float(v) for v in e / e.sum()]


def gaps(values: Sequence[float]) -> list[float | None]:
    """What a bar chart holds for ``values``: inf and NaN are gaps (drawn by a separate trace)."""
    return [v if math.isfinite(v) else None for v in values]


def broken(values: Sequence[float]) -> list[str]:
    """The classes (bar names, from 1) whose value is inf or NaN."""
    return [str(k + 1) for k, v in enumerate(values) if not math.isfinite(v)]


def fixed(value: float, digits: int = 4) -> str:
    """A number as the pages print it on a metric: ``digits`` decimals."""
    return f"{value:.{digits}f}"


# ---- what a page must show ----------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """A metric, by its label's translation key, and the text (or number, within ``tol``) shown."""

    key: str
    value: str | float
    params: dict[str, Any] = field(default_factory=dict)
    tol: float = 1e-12

    def check(self, shown: dict[str, str], lang: str) -> str | None:
        label = translate(self.key, lang, **self.params)
        text = shown.get(label)
        if isinstance(self.value, str) or text is None:
            ok = text == self.value
        else:
            number = float(text.replace("−", "-").replace(",", ""))
            ok = math.isclose(number, self.value, rel_tol=self.tol, abs_tol=self.tol)
        return None if ok else f"metric {label!r} is {text!r}, not {self.value!r}"


@dataclass(frozen=True)
class Trace:
    """Field ``field`` of trace ``trace`` of the chart drawn with ``key`` (None: a gap)."""

    key: str
    values: list
    trace: int = 0
    field: str = "y"
    tol: float = 1e-9

    def check(self, charts: dict[str, list[dict]]) -> str | None:
        traces = charts[self.key]
        found = traces[self.trace][self.field] if self.trace < len(traces) else None
        if close(found, self.values, self.tol):
            return None
        return f"{self.key} trace {self.trace} {self.field} is {found}, not {self.values}"


@dataclass(frozen=True)
class Column:
    """The first ``len(values)`` cells of a column of the table under a heading, as numbers."""

    heading: str  #: translation key of the heading
    column: str  #: translation key of the column's title
    values: list[float]
    tol: float

    def check(self, page: Page, lang: str) -> str | None:
        cells = table_column(page, translate(self.heading, lang), translate(self.column, lang))
        try:
            found = [float(c.replace("−", "-")) for c in cells[: len(self.values)]]
        except (TypeError, ValueError, AttributeError):
            found = cells
        if close(found, self.values, self.tol):
            return None
        return f"column {self.column!r} under {self.heading!r} is {cells}, not {self.values}"


def close(found: Any, expected: Any, tol: float) -> bool:
    """Whether ``found`` (nested lists of numbers, strings, None) matches ``expected``."""
    if isinstance(expected, list | tuple):
        return (
            isinstance(found, list)
            and len(found) == len(expected)
            and all(close(f, e, tol) for f, e in zip(found, expected, strict=True))
        )
    if isinstance(expected, float | int) and not isinstance(expected, bool):
        return isinstance(found, float | int) and math.isclose(
            found, expected, rel_tol=tol, abs_tol=tol
        )
    return found == expected


@dataclass(frozen=True)
class Shown:
    """What a page must show: widget values (text, or numbers typed in a box), metrics, data."""

    inputs: dict[str, Any] = field(default_factory=dict)
    metrics: tuple[Metric, ...] = ()
    charts: tuple[Trace, ...] = ()
    columns: tuple[Column, ...] = ()

    def mismatches(self, page: Page, lang: str) -> list[str]:
        """Return what the page shows differently from this, now (empty when all is shown)."""
        wrong = []
        values = widget_values(page, list(self.inputs))
        for key, expected in self.inputs.items():
            value = values[key]
            if isinstance(expected, list):  # numbers typed in a box, as floats
                with contextlib.suppress(TypeError, ValueError):
                    value = parse_vector(value).tolist()
            if not close(value, expected, 1e-12):
                wrong.append(f"widget {key!r} shows {values[key]!r}, not {expected!r}")
        shown = metric_map(page) if self.metrics else {}
        wrong += [m for m in (metric.check(shown, lang) for metric in self.metrics) if m]
        charts = {key: trace_data(page, key) for key in {trace.key for trace in self.charts}}
        wrong += [m for m in (trace.check(charts) for trace in self.charts) if m]
        wrong += [m for m in (column.check(page, lang) for column in self.columns) if m]
        return wrong

    def expect(self, page: Page, lang: str = "en") -> None:
        """Wait until the page shows all of this; fail listing what it shows instead."""
        eventually(lambda: self.mismatches(page, lang), lambda wrong: not wrong, timeout=10)
        expect_no_exception(page)


# ---- what a test does on a page -----------------------------------------------------------------


@dataclass(frozen=True)
class Type:
    """Type ``text`` into the box ``key`` and press Enter."""

    key: str
    text: str

    def on(self, page: Page) -> None:
        commit_text(page, self.key, self.text)


@dataclass(frozen=True)
class Click:
    """Click the button ``key`` (a preset)."""

    key: str

    def on(self, page: Page) -> None:
        rerun(page, lambda: widget(page, self.key).get_by_role("button").click())


@dataclass(frozen=True)
class Choose:
    """Choose option ``option`` (its English text) of the segmented control ``key``."""

    key: str
    option: str

    def on(self, page: Page) -> None:
        option = widget(page, self.key).get_by_role("radio", name=self.option, exact=True)
        rerun(page, option.click)


@dataclass(frozen=True)
class Press:
    """Press ``button`` on the slider ``key`` (moves it one step)."""

    key: str
    button: str

    def on(self, page: Page) -> None:
        slider = widget(page, self.key).get_by_role("slider")
        rerun(page, lambda: slider.press(self.button))


Step = Type | Click | Choose | Press


@dataclass(frozen=True)
class Link:
    """A shared link: its language and query values, and what it must open with."""

    lang: str
    query: dict[str, str]
    shown: Shown


@dataclass(frozen=True)
class BadInput:
    """Wrong text for box ``key``, typed after ``before``; ``note`` is shown under the results."""

    before: tuple[Step, ...]
    key: str
    text: str = "1, abc"
    note: str | None = "error.using_last"


@dataclass(frozen=True)
class PageSpec:
    """One page: what to type, which preset to press, which link to open, what to get wrong."""

    path: str
    url_fields: tuple  #: the page's ``URL_FIELDS``: every input kept in a link
    typed: tuple[Type, Shown]
    preset: tuple[Click, Shown]
    link: Link
    bad: BadInput


# ---- the five pages -----------------------------------------------------------------------------

LECTURE = [0.1, 0.1, 0.1, 0.2, 0.5]  # the lecture note's probabilities, j = 4
LECTURE_LOGITS = [-1.609438, -1.609438, -1.609438, -0.916291, 0.0]  # ln a - ln 0.5, 6 decimals
BATCH = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 1.0], [3.0, -1.0, 0.0]]  # labels 1, 2, 3, -
LOSS_1, LOSS_2, LOSS_3 = (cross_entropy(BATCH[j], j) for j in range(3))
LINK_BATCH = ([2.0, 0.0], 0), ([0.0, 1.0], 1), ([0.0, 0.0], 0)
LINK_LOSSES = [cross_entropy(z, j, eps=0.1) for z, j in LINK_BATCH]
STABILITY_LINK = {
    "st_dtype": "float64",
    "st_z": "1000,999,0",
    "st_shift_z": "1,2",
    "st_shift": "5",
    "st_log_z": "0,-10",
    "st_log_y": "1",
}
TRAINING_TYPED = Descent.run([0.0, 0.0, 0.0], 0, 1.0, 200)
TRAINING_PRESET = Descent.run([-2.0, 0.0, 6.0, 1.0], 0, 0.5, 300)
TRAINING_LINK = Descent.run([1.0, 2.0, 3.0], 2, 0.5, 50, eps=0.1)


def binary_loss(x: float, y: float) -> float:
    """Binary cross-entropy of logit ``x`` for label ``y``: -(y ln σ(x) + (1 - y) ln σ(-x))."""
    return -(y * math.log(sigmoid(x)) + (1 - y) * math.log(sigmoid(-x)))


def binary_metrics(x: float, y: float) -> tuple[Metric, ...]:
    """The four metrics of the sigmoid page's first section, as it prints them."""
    sigma, loss = sigmoid(x), binary_loss(x, y)
    return (
        Metric("binary.m.sigma", fixed(sigma)),
        Metric("binary.m.sigma_grad", fixed(sigma * (1 - sigma))),
        Metric("binary.m.loss", fixed(loss)),
        Metric("binary.m.grad", fixed(sigma - y)),
    )


def binary_points(x: float, y: float, current: int) -> tuple[Trace, ...]:
    """The marked point on the sigmoid chart and on the loss chart (trace ``current``)."""
    sigma, loss = sigmoid(x), binary_loss(x, y)
    return (
        Trace("bn_chart_sigmoid", [sigma, sigma * (1 - sigma)], trace=2),
        Trace("bn_chart_sigmoid", [x, x], trace=2, field="x"),
        Trace("bn_chart_loss", [loss], trace=current),
        Trace("bn_chart_loss", [x], trace=current, field="x"),
    )


def pair_metrics(z1: float, z2: float, temperature: float = 1.0) -> tuple[Metric, ...]:
    """The sigmoid tab's metrics for the pair (z1, z2): a 2-class softmax is σ((z2 - z1) / T)."""
    a = sigmoid((z2 - z1) / temperature)
    plain = "_1" if temperature == 1.0 else ""
    return (
        Metric("derivation.sig.softmax", f"{a:.10g}"),
        Metric(f"derivation.sig.sigmoid{plain}", f"{a:.10g}"),
        Metric(f"derivation.sig.jacobian{plain}", f"{a * (1 - a):.10g}"),
        Metric("derivation.sig.slope", f"{a * (1 - a):.10g}"),
    )


def stable_and_naive(z: list[float], dtype: str, tol: float) -> tuple[Trace, ...]:
    """Both softmax bar charts of the stability page; inf/NaN bars are on a trace of their own."""
    naive = naive_softmax(z, dtype)
    charts = [
        Trace("st_chart_stable", softmax(z), tol=tol),
        Trace("st_chart_naive", gaps(naive), tol=tol),
    ]
    if broken(naive):
        charts.append(Trace("st_chart_naive", broken(naive), trace=1, field="x"))
    return tuple(charts)


SPECS = [
    PageSpec(
        "derivation",
        derivation_state.URL_FIELDS,
        typed=(
            Type("z", "1, 2, 3"),
            Shown(
                metrics=pair_metrics(1, 2),
                charts=(Trace("dv_chart_jacobian", jacobian([1, 2, 3]), field="z", tol=1e-12),),
            ),
        ),
        preset=(
            Click("dv_lecture"),
            Shown(  # ln a as typed by a person: shifted so the largest is 0, 6 decimals
                inputs={"z": LECTURE_LOGITS, "y": "4", "T": "1.0"},
                metrics=pair_metrics(LECTURE_LOGITS[0], LECTURE_LOGITS[1]),
                charts=(
                    Trace(
                        "dv_chart_jacobian",
                        jacobian(LECTURE_LOGITS),
                        field="z",
                        tol=1e-12,
                    ),
                ),
            ),
        ),
        link=Link(
            "zh",
            {"z": "0,1,2,3", "y": "3", "T": "2", "dv_pair": "0.5,-1"},
            Shown(
                inputs={"z": "0,1,2,3", "y": "3", "T": "2.0", "dv_pair": "0.5,-1"},
                metrics=pair_metrics(0.5, -1, temperature=2.0),
                charts=(Trace("dv_chart_jacobian", jacobian([0, 1, 2, 3], 2.0), field="z"),),
            ),
        ),
        bad=BadInput((Press("T", "ArrowRight"),), "z"),
    ),
    PageSpec(
        "stability",
        stability_state.URL_FIELDS,
        typed=(
            Type("st_z", "1, 2, 3"),
            Shown(
                charts=stable_and_naive([1, 2, 3], "float32", tol=1e-6),
                columns=(
                    Column(
                        "stability.stable.title", "stability.col.a", softmax([1, 2, 3]), tol=1e-6
                    ),
                ),
            ),
        ),
        preset=(
            Click("st_preset_float16"),
            Shown(
                inputs={"st_z": "12, 11, 0", "st_dtype": "float16"},
                charts=stable_and_naive([12, 11, 0], "float16", tol=1e-3),
                columns=(
                    Column(
                        "stability.stable.title", "stability.col.a", softmax([12, 11, 0]), tol=1e-3
                    ),
                ),
            ),
        ),
        link=Link(
            "en",
            STABILITY_LINK,
            Shown(
                inputs=STABILITY_LINK,  # each box shows the link's text
                metrics=(
                    Metric("stability.log.a_j", sigmoid(10)),
                    Metric("stability.log.log_a", -math.log1p(math.exp(-10))),
                    Metric("stability.log.log_softmax", -math.log1p(math.exp(-10))),
                    Metric("stability.log.loss_naive", math.log1p(math.exp(-10))),
                    Metric("stability.log.loss_stable", math.log1p(math.exp(-10))),
                ),
                charts=(
                    *stable_and_naive([1000, 999, 0], "float64", tol=1e-12),
                    *(Trace("st_chart_shift", softmax([1, 2]), trace=k) for k in range(3)),
                ),
            ),
        ),
        bad=BadInput((Choose("st_dtype", "float64"),), "st_z"),
    ),
    PageSpec(
        "binary",
        binary_state.URL_FIELDS,
        typed=(
            Type("bn_x", "-1"),
            Shown(
                inputs={"bn_x_slider": "-1.00"},
                metrics=binary_metrics(-1, 1),
                charts=binary_points(-1, 1, current=3),
            ),
        ),
        preset=(
            Click("bn_preset_confident_wrong"),
            Shown(
                inputs={
                    "bn_x": "-6",
                    "bn_x_slider": "-6.00",
                    "bn_label": "y = 1",
                    "bn_z0": "0",
                    "bn_z1": "-6",
                    "bn_class": "class 1",
                },
                metrics=binary_metrics(-6, 1),
                charts=binary_points(-6, 1, current=3),
            ),
        ),
        link=Link(
            "zh",
            {
                "bn_x": "-3",
                "bn_label": "soft",
                "bn_soft": "0.25",
                "bn_z0": "1",
                "bn_z1": "-2",
                "bn_class": "0",
            },
            Shown(
                inputs={
                    "bn_x": "-3",
                    "bn_x_slider": "-3.00",
                    "bn_label": translate("binary.label.soft", "zh"),
                    "bn_soft": "0.25",
                    "bn_z0": "1",
                    "bn_z1": "-2",
                    "bn_class": translate("binary.class.option", "zh", n=0),
                },
                metrics=binary_metrics(-3, 0.25),
                charts=binary_points(-3, 0.25, current=4),  # a third curve: the soft label's
            ),
        ),
        bad=BadInput((Choose("bn_label", "y = 0"),), "bn_x"),
    ),
    PageSpec(
        "training",
        training_state.URL_FIELDS,
        typed=(
            Type("tr_z", "0, 0, 0"),
            Shown(
                metrics=TRAINING_TYPED.metrics(0),
                charts=(
                    Trace("tr_bars", [1 / 3] * 3),
                    Trace("tr_bars", [1.0, 0.0, 0.0], trace=1),
                    Trace("tr_curves", TRAINING_TYPED.loss),
                    Trace("tr_curves", TRAINING_TYPED.norm, trace=1),
                ),
            ),
        ),
        preset=(
            Click("tr_preset_confident_wrong"),
            Shown(
                inputs={
                    "tr_z": "-2, 0, 6, 1",
                    "tr_y": "1",
                    "tr_lr": "0.5",
                    "tr_steps": "300",
                    "tr_eps": "0.00",
                },
                metrics=TRAINING_PRESET.metrics(0),
                charts=(
                    Trace("tr_bars", softmax([-2, 0, 6, 1])),
                    Trace("tr_curves", TRAINING_PRESET.loss),
                ),
            ),
        ),
        link=Link(
            "en",
            {
                "tr_z": "1,2,3",
                "tr_y": "3",
                "tr_lr": "0.5",
                "tr_steps": "50",
                "tr_eps": "0.1",
                "tr_k": "4",
                "tr_seed": "7",
                "tr_quad": "1",
            },
            Shown(
                inputs={
                    "tr_z": "1,2,3",
                    "tr_y": "3",
                    "tr_lr": "0.5",
                    "tr_steps": "50",
                    "tr_eps": "0.10",
                    "tr_k": "4",
                    "tr_seed": "7",
                    "tr_quad": True,
                },
                metrics=(
                    *TRAINING_LINK.metrics(2),
                    # softmax regression starts from zero weights: every class 1/K, loss ln K
                    Metric("training.reg.metric.start", f"{math.log(4):.4g}"),
                ),
                charts=(
                    Trace("tr_bars", softmax([1, 2, 3])),
                    Trace("tr_bars", smoothed(3, 2, 0.1), trace=1),
                    Trace("tr_curves", TRAINING_LINK.loss),
                ),
            ),
        ),
        bad=BadInput((Type("tr_y", "2"),), "tr_z"),
    ),
    PageSpec(
        "batch",
        batch_link.URL_FIELDS,
        typed=(
            Type("bt_ignore", "1"),  # class 2 ignored, and the unlabelled row with it
            Shown(
                metrics=(
                    Metric(
                        "batch.metric.loss", fixed((LOSS_1 + LOSS_3) / 2), {"reduction": "mean"}
                    ),
                    Metric("batch.metric.ignored", "2"),
                    Metric("batch.metric.denominator", "2"),
                ),
                charts=(Trace("bt_chart_losses", [LOSS_1, 0.0, LOSS_3, 0.0]),),
            ),
        ),
        preset=(
            Click("bt_preset_weighted"),
            Shown(
                inputs={"bt_use_weight": True, "bt_weight": "1, 2, 5"},
                metrics=(
                    Metric(
                        "batch.metric.loss",
                        fixed((LOSS_1 + 2 * LOSS_2 + 5 * LOSS_3) / 8),
                        {"reduction": "mean"},
                    ),
                    Metric("batch.metric.denominator", "8"),
                ),
                charts=(Trace("bt_chart_losses", [LOSS_1, 2 * LOSS_2, 5 * LOSS_3, 0.0]),),
            ),
        ),
        link=Link(
            "zh",
            {
                "bt_csv": "label,z1,z2~1,2,0~2,0,1~1,0,0",
                "bt_reduction": "sum",
                "bt_smoothing": "0.1",
            },
            Shown(
                inputs={
                    "bt_k": "2",
                    "bt_soft": False,
                    "bt_reduction": "sum",
                    "bt_use_weight": False,
                    "bt_smoothing": "0.10",
                },
                metrics=(
                    Metric("batch.metric.loss", fixed(sum(LINK_LOSSES)), {"reduction": "sum"}),
                    Metric("batch.metric.rows", "3"),
                    Metric("batch.metric.ignored", "0"),
                    Metric(
                        "batch.metric.denominator", translate("batch.metric.denominator.none", "zh")
                    ),
                ),
                charts=(Trace("bt_chart_losses", LINK_LOSSES),),
            ),
        ),
        bad=BadInput((Click("bt_preset_weighted"),), "bt_weight"),
    ),
]

PRELOAD = [(spec.path, "en") for spec in SPECS]


def specs_to_come(request: pytest.FixtureRequest, fixture: str) -> list[PageSpec]:
    """Return the specs of this run's later tests that use ``fixture``, in their order."""
    items = request.session.items
    later = items[items.index(request.node) + 1 :]
    return [
        item.callspec.params["spec"]
        for item in later
        if fixture in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")
    ]


@pytest.fixture
def fresh(pages, request: pytest.FixtureRequest):
    """Return ``fresh(spec)``: a new session of the spec's page, in English.

    A replacement starts loading only when a later test of this run takes the same page: a page
    loaded for nobody costs about 4 s of Chromium's CPU, on a machine with 2 cores.
    """

    def take(spec: PageSpec) -> Page:
        again = any(later is spec for later in specs_to_come(request, "fresh"))
        return pages.take(spec.path, "en", refill=again)

    return take


class LinkPages:
    """The shared links of the specs in ``plan``, each opened in a browser context of its own.

    They start loading as soon as this is made, ``ahead`` at a time (once the server has served a
    first page, as in :class:`PageCache`), so that a link loads while earlier tests wait for
    reruns and leave a core idle; :meth:`open` returns one ready to read.
    """

    def __init__(self, browser: Browser, opener: Opener, plan: Sequence[PageSpec], ahead: int = 1):
        self._browser = browser
        self._opener = opener
        self._plan = list(plan)
        self._ahead = ahead
        self._loading: dict[str, Page] = {}
        self._contexts: list[BrowserContext] = []
        self._prefetch()

    def _start(self, spec: PageSpec) -> None:
        context = self._browser.new_context(viewport=VIEWPORT, locale="en-US")
        self._contexts.append(context)
        link = spec.link
        page = self._opener.start(context.new_page(), spec.path, link.lang, **link.query)
        self._loading[spec.path] = page

    def _prefetch(self) -> None:
        if not self._opener.warm:  # sessions opened together on a new server (see test_shell.py)
            return
        while self._plan and len(self._loading) < self._ahead:
            self._start(self._plan.pop(0))

    def open(self, spec: PageSpec) -> Page:
        """Return the link of ``spec`` in a fresh browser context, ready to read."""
        if spec.path not in self._loading:
            self._plan = [planned for planned in self._plan if planned is not spec]
            self._start(spec)
        page = self._loading.pop(spec.path)
        self._prefetch()
        self._opener.finish(page)
        self._prefetch()
        return page

    def close(self) -> None:
        for context in self._contexts:
            context.close()


@pytest.fixture(scope="module")
def link_pages(
    browser: Browser, open_page: Opener, request: pytest.FixtureRequest
) -> Iterator[LinkPages]:
    """The module's :class:`LinkPages`, planned from the tests of this run that open links."""
    test = test_shared_link_opens_with_its_values_in_a_fresh_browser
    plan = [
        item.callspec.params["spec"]
        for item in request.session.items
        if getattr(item, "function", None) is test
    ]
    links = LinkPages(browser, open_page, plan)
    yield links
    links.close()


EACH_PAGE = [pytest.param(spec, id=spec.path) for spec in SPECS]


def step_changes_what_is_shown(page: Page, step: Type | Click, shown: Shown) -> None:
    """Take ``step`` on a fresh page and check that the page then shows ``shown``."""
    assert shown.mismatches(page, "en"), "the page shows this already: a vacuous test"
    step.on(page)
    shown.expect(page)


@pytest.mark.parametrize("spec", EACH_PAGE)
def test_typed_input_changes_the_numbers_and_the_chart(fresh, spec: PageSpec):
    step_changes_what_is_shown(fresh(spec), *spec.typed)


@pytest.mark.parametrize("spec", EACH_PAGE)
def test_preset_sets_its_inputs_and_numbers(fresh, spec: PageSpec):
    step_changes_what_is_shown(fresh(spec), *spec.preset)


@pytest.mark.parametrize("spec", EACH_PAGE)
@pytest.mark.usefixtures("link_pages")  # the shared links start loading meanwhile
def test_bad_input_shows_the_message_under_its_box_and_keeps_the_rest(fresh, spec: PageSpec):
    page = fresh(spec)
    bad = spec.bad
    for step in bad.before:
        step.on(page)
    keys = [f.key for f in spec.url_fields if f.key != bad.key]
    inputs = widget_values(page, keys)
    numbers = shown_numbers(page)

    commit_text(page, bad.key, bad.text)

    try:  # "abc" is not a number, whatever else the box accepts: the parser's own message
        parse_vector(bad.text)
    except ValueError as exc:
        message = translate(f"error.{exc.code}", "en", **exc.params)
    alert = page.locator(
        f".st-key-{bad.key} + div [data-testid=stAlert] [data-testid=stMarkdownContainer]"
    )
    expect(alert).to_have_text(message)
    expect(widget(page, bad.key).locator("input")).to_have_value(bad.text)  # the typing is kept
    assert widget_values(page, keys) == inputs
    assert shown_numbers(page) == numbers, "the numbers changed: the last valid ones are lost"
    if bad.note:
        expect(page.get_by_text(translate(bad.note, "en"))).to_be_visible()
    expect_no_exception(page)


@pytest.mark.parametrize("spec", EACH_PAGE)
def test_shared_link_opens_with_its_values_in_a_fresh_browser(link_pages, spec: PageSpec):
    link = spec.link
    assert set(link.query) <= {f.key for f in spec.url_fields}, "a key the page does not read"
    page = link_pages.open(spec)
    try:
        wait_idle(page)
        link.shown.expect(page, link.lang)
    finally:
        page.context.close()
