"""The Playground's output column: the four numbers, the loss formula, the softmax and gradient
bars, the ``-ln p`` curve, the step table, the PyTorch code and the downloads.

On a projector (presentation mode) the two bar charts stand side by side, so that the input,
the numbers and both charts share the first screen; the formula and the rest come below.

The three charts are one live widget (``lab.live``), redrawn in place. With logits (typed or on
sliders) it also shows the logits as bars the hand drags and the loss formula, and everything is
redrawn in the browser while it moves; typed probabilities have no logits to drag, so there it
shows the charts only and the formula is typeset by the page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import streamlit as st

from ce_core import softmax_steps
from lab import numbers, safe_text
from lab.downloads import downloads
from lab.language import t
from lab.live import LiveFigure, hover_rows_css, live_softmax
from lab.presentation import presenting
from pages.playground import state
from pages.playground.figures import (
    GRADIENT_ROOM,
    gradient_figure,
    neg_log_figure,
    probabilities_figure,
)
from pages.playground.model import Prediction, neg_log_curve
from pages.playground.view import (
    latex_loss,
    latex_vector,
    pipeline_table,
    result_record,
    torch_snippet,
)


def metrics(result: Prediction, labels: list[str]) -> None:
    """Draw loss, predicted class, entropy and perplexity (a 2×2 grid on a phone)."""
    loss, predicted, entropy, perplexity = st.columns(4)
    loss.metric(
        t("playground.loss"),
        numbers.fixed(result.loss),
        help=t("playground.loss.full", value=numbers.full(result.loss)),
    )
    predicted.metric(
        t("playground.predicted"),
        safe_text.markdown(labels[result.predicted]),  # a class name is user text
        delta=t("playground.right") if result.correct else t("playground.wrong"),
        delta_color="normal" if result.correct else "inverse",
        delta_arrow="off",
    )
    entropy.metric(t("playground.entropy"), numbers.fixed(result.entropy))
    perplexity.metric(
        t("playground.perplexity"),
        numbers.fixed(result.perplexity, 3),
        help=t("playground.perplexity.help"),
    )


def bar_figures(result: Prediction, labels: list[str], shown: list[int]) -> tuple[dict, dict]:
    """Return the softmax bars (with the one-hot target) and the gradient bars."""
    names = [labels[k] for k in shown]
    probabilities = probabilities_figure(
        result.a,
        result.y,
        shown,
        names,
        result.target,
        result.predicted,
        {
            key: t(f"playground.fig.{key}")
            for key in ("probs", "a", "y", "argmax", "true", "predicted", "other")
        }
        | {"class": t("class")},
    )
    gradient = gradient_figure(
        result.grad,
        shown,
        names,
        {
            "title": t("playground.fig.grad"),
            "grad": t("playground.fig.grad.axis"),
            "class": t("class"),
            "negative": t("playground.fig.grad.negative"),
            "positive": t("playground.fig.grad.positive"),
        },
    )
    return probabilities, gradient


def neg_log_chart(result: Prediction) -> dict:
    """Return the curve ``-ln p`` with the true class's probability on it."""
    a_j = float(result.a[result.target])
    p, neg_log_p = neg_log_curve(a_j / 2)
    text = {key: t(f"playground.fig.{key}") for key in ("p", "loss", "current")}
    text["title"] = t("playground.fig.neglog")
    return neg_log_figure(p, neg_log_p, a_j, result.loss, text)


def live_view(
    result: Prediction,
    labels: list[str],
    shown: list[int],
    draggable: bool,
    *,
    key: str = "live_logits",
    rows: str | None = "pipeline_table",
    on_release: Callable[[np.ndarray], None] = state.release_logits,
    temperature_control: bool = True,
    side_by_side: bool = False,
    source: str | None = None,
) -> None:
    """Draw the live widget: the three charts and, if ``draggable``, the logits as bars to drag
    and the formula.

    ``source``: the key of the logits box, whose typed numbers the browser draws on Enter.
    ``side_by_side``: the bars to drag beside the charts (the browser stacks them on a phone);
    the Playground asks for it on a projector only, where its inputs take a column of their own.
    The Derivation page draws the same widget under its result (its own ``key``, no table of
    rows, its own release, its own T input: ``temperature_control=False``, and the page's
    whole width: side by side).
    """
    probabilities, gradient = bar_figures(result, labels, shown)
    live_softmax(
        result.z,
        result.target,
        result.temperature,
        key=key,
        classes=shown,
        labels=[labels[k] for k in shown],
        temperatures=state.TEMPERATURES,
        figures=[
            LiveFigure("chart_probs", "probabilities", probabilities),
            LiveFigure("chart_grad", "gradient", gradient, room=GRADIENT_ROOM),
            LiveFigure("chart_neglog", "neglog", neg_log_chart(result)),
        ],
        columns=2 if side_by_side else 1,
        draggable=draggable,
        rows=rows,
        on_release=on_release,
        on_temperature=state.release_temperature,
        temperature_control=temperature_control,
        source=source,
    )
    if result.temperature != 1.0:
        st.caption(t("playground.grad.temperature"))


def details(result: Prediction, labels: list[str], shown: list[int], mode: str) -> None:
    """Draw the step table and the PyTorch code (filled only while open), and the downloads."""
    steps = softmax_steps(result.z / result.temperature)  # the steps of the softmax of z / T
    # Filled only while open (a rerun opens them): most reruns skip the table and the code.
    pipeline = st.expander(t("playground.pipeline"), key="pg_pipeline", on_change="rerun")
    if pipeline.open:
        with pipeline:
            if mode == "probs":
                st.caption(t("playground.pipeline.probs"))
            table = pipeline_table(steps, result, labels, t)
            # hovering a class's bar in the live widget marks its row here
            st.html(hover_rows_css("pipeline_table", shown))
            st.container(key="pipeline_table").table(table, border="horizontal", hide_index=True)
            st.caption(t("playground.sum", total=numbers.sig(float(steps.total[0]))))
    code = st.expander(t("playground.code"), key="pg_code", on_change="rerun")
    if code.open:
        code.code(torch_snippet(result, t), language="python")
    downloads(
        "playground",
        functools.partial(pipeline_table, steps, result, labels),
        result_record(result, labels),
    )


def draw(result: Prediction, labels: list[str], shown: list[int], typed_ok: bool, mode: str):
    """Draw the output column, top to bottom."""
    metrics(result, labels)
    if not typed_ok:
        st.caption(t("error.using_last"))
    if len(shown) < result.a.size:
        st.info(
            t("playground.top", shown=len(shown), total=result.a.size),
            icon=":material/filter_list:",
        )
    if mode == "probs":
        st.latex(latex_loss(result, labels))
    live_view(
        result,
        labels,
        list(shown),
        draggable=mode != "probs",
        side_by_side=presenting(),
        source="z" if mode == "text" else None,
    )
    st.latex(latex_vector("y", result.y, shown))
    details(result, labels, list(shown), mode)
