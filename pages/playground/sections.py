"""The Playground's screen, section by section: the inputs on the left, the outputs on the right.

The page script calls these in the order the screen shows them; each draws one part.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import streamlit as st

from ce_core import (
    Prediction,
    check_distribution,
    check_logits,
    explain_logits,
    explain_probabilities,
    neg_log_curve,
    softmax_steps,
    top_classes,
)
from lab import numbers, urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.inputs import checked_target, error_text, vector_input
from lab.language import t
from pages.playground import state
from pages.playground.figures import gradient_figure, neg_log_figure, probabilities_figure
from pages.playground.view import (
    class_labels,
    latex_loss,
    latex_vector,
    loss_text,
    pipeline_sum,
    pipeline_table,
    result_record,
    torch_snippet,
)


@dataclass(frozen=True)
class Inputs:
    """What the inputs hold: the mode, its values (None before any was valid), the rest."""

    mode: str
    values: np.ndarray | None
    ok: bool  #: False when the box holds an error and ``values`` are the last valid ones
    names_text: str
    target: int  #: the true class as typed, from 1 (perhaps beyond the number of classes)
    temperature: float


def inputs() -> Inputs:
    """Draw the share and reset buttons and every input; return what they hold."""
    urlstate.share_and_reset("playground", state.URL_FIELDS, state.reset)
    mode = st.segmented_control(
        t("playground.mode"),
        state.MODES,
        key="mode",
        format_func=lambda m: t(f"playground.mode.{m}"),
        on_change=state.carry_over,
        persist_state="session",
    )
    values, ok = _values(mode)
    names_text = st.text_input(
        t("playground.names"), key="names", help=t("playground.names.help"), persist_state="session"
    )
    target = st.number_input(
        t("playground.y"), min_value=1, step=1, key="y", persist_state="session"
    )
    temperature = st.select_slider(
        t("playground.T"),
        state.TEMPERATURES,
        key="T",
        help=t("playground.T.help"),
        persist_state="session",
        disabled=mode == "probs",
    )
    return Inputs(mode, values, ok, names_text, target, temperature)


def _values(mode: str) -> tuple[np.ndarray | None, bool]:
    """Draw the inputs of ``mode`` (sliders, probabilities or logits); return their values."""
    if mode == "sliders":
        k = st.slider(t("playground.k"), 2, state.MAX_SLIDERS, key="k", persist_state="session")
        z = [
            st.slider(
                t("playground.slider", n=i + 1),
                state.SLIDER_MIN,
                state.SLIDER_MAX,
                step=0.1,
                key=f"z{i}",
                persist_state="session",
            )
            for i in range(k)
        ]
        return check_logits(z), True
    if mode == "probs":
        values, ok = vector_input(
            "a", t("playground.a"), max_count=state.MAX_CLASSES, check=check_distribution
        )
        if not ok and state.normalisable():
            st.button(
                t("playground.normalise", total=numbers.sig(state.probability_sum())),
                key="normalise",
                on_click=state.normalise,
                icon=":material/balance:",
            )
        return values, ok
    return vector_input(
        "z",
        t("playground.z"),
        help=t("playground.z.help", max_classes=f"{state.MAX_CLASSES:,}"),
        allow_inf=True,
        max_count=state.MAX_CLASSES,
        check=check_logits,
    )


def explain(typed: Inputs, where) -> tuple[Prediction, list[str]]:
    """Return the prediction for the inputs and the class labels; input errors go in ``where``."""
    values = typed.values
    if values is None:  # nothing valid typed yet in this session
        values = state.fallback_values(typed.mode)
    num_classes = len(values)
    try:
        names = state.class_names(typed.names_text, num_classes)
    except ValueError as exc:
        where.error(error_text(exc), icon=":material/error:")
        names = []
    target = checked_target(typed.target, num_classes, memory="_valid_y", where=where)
    if typed.mode == "probs":
        result = explain_probabilities(values, target - 1, tol=state.PROBABILITY_TOLERANCE)
    else:
        result = explain_logits(values, target - 1, typed.temperature)
    return result, class_labels(names, num_classes)


def metrics(result: Prediction, labels: Sequence[str]) -> None:
    """Draw the loss, the predicted class, the entropy and the perplexity side by side."""
    loss_column, predicted_column, entropy_column, perplexity_column = st.columns(4)
    loss_column.metric(
        t("playground.loss"),
        loss_text(result.loss),
        help=t("playground.loss.full", value=numbers.full(result.loss)),
    )
    predicted_column.metric(
        t("playground.predicted"),
        labels[result.predicted],
        delta=t("playground.right") if result.correct else t("playground.wrong"),
        delta_color="normal" if result.correct else "inverse",
        delta_arrow="off",
    )
    entropy_column.metric(t("playground.entropy"), numbers.fixed(result.entropy))
    perplexity_column.metric(
        t("playground.perplexity"),
        numbers.fixed(result.perplexity, 3),
        help=t("playground.perplexity.help"),
    )


def charts(result: Prediction, labels: Sequence[str], shown: Sequence[int]) -> None:
    """Draw the probabilities with the target, the gradient and the curve -ln p."""
    names = [labels[k] for k in shown]
    probabilities = probabilities_figure(
        result.a,
        result.y,
        shown,
        names,
        result.target,
        result.predicted,
        {
            "title": t("playground.fig.probs"),
            "a": t("playground.fig.a"),
            "y": t("playground.fig.y"),
            "argmax": t("playground.fig.argmax"),
            "class": t("class"),
        },
    )
    chart(probabilities, "chart_probs")
    st.latex(latex_vector("y", result.y, shown))
    gradient_text = {
        "title": t("playground.fig.grad"),
        "grad": t("playground.fig.grad.axis"),
        "class": t("class"),
    }
    chart(gradient_figure(result.grad, shown, names, gradient_text), "chart_grad")
    if result.temperature != 1.0:
        st.caption(t("playground.grad.temperature"))
    a_j = float(result.a[result.target])
    p, neg_log_p = neg_log_curve(a_j / 2)
    neg_log_text = {
        "title": t("playground.fig.neglog"),
        "p": t("playground.fig.p"),
        "loss": t("playground.fig.loss"),
        "current": t("playground.fig.current"),
    }
    chart(neg_log_figure(p, neg_log_p, a_j, result.loss, neg_log_text), "chart_neglog")


def steps_code_and_downloads(result: Prediction, labels: Sequence[str]) -> None:
    """Draw the expanders with the softmax of z/T step by step and the PyTorch code; downloads."""
    steps = softmax_steps(result.z / result.temperature)
    # Filled only while open (a rerun opens them): most reruns skip the table and the code.
    pipeline = st.expander(t("playground.pipeline"), key="pg_pipeline", on_change="rerun")
    if pipeline.open:
        with pipeline:
            st.table(pipeline_table(steps, result, labels, t), border="horizontal", hide_index=True)
            st.caption(pipeline_sum(steps, result.temperature, t))
    code = st.expander(t("playground.code"), key="pg_code", on_change="rerun")
    if code.open:
        code.code(torch_snippet(result, t), language="python")
    downloads(
        "playground",
        functools.partial(pipeline_table, steps, result, labels),
        result_record(result, labels),
    )


def outputs(result: Prediction, labels: Sequence[str], ok: bool) -> None:
    """Draw everything computed from the inputs, top to bottom."""
    shown = top_classes(result.a, result.target)
    metrics(result, labels)
    st.latex(latex_loss(result))
    if not ok:
        st.caption(t("error.using_last"))
    if len(shown) < result.a.size:
        st.info(
            t("playground.top", shown=len(shown), total=result.a.size),
            icon=":material/filter_list:",
        )
    charts(result, labels, shown)
    steps_code_and_downloads(result, labels)
