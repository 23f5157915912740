"""The Playground's output column: the four numbers, the loss formula, the softmax and gradient
bars, the ``-ln p`` curve, the step table, the PyTorch code and the downloads.

On a projector (presentation mode) the two bar charts stand side by side, so that the input,
the numbers and both charts share the first screen; the formula and the rest come below.
"""

from __future__ import annotations

import functools

import streamlit as st

from ce_core import Prediction, neg_log_curve, softmax_steps
from lab import numbers, safe_text
from lab.charts import chart
from lab.downloads import downloads
from lab.language import t
from lab.presentation import presenting
from pages.playground.figures import gradient_figure, neg_log_figure, probabilities_figure
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


def bar_charts(result: Prediction, labels: list[str], shown: list[int]) -> None:
    """Draw the softmax bars (with the one-hot target) and the gradient bars."""
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
    left, right = st.columns(2) if presenting() else (st.container(), st.container())
    with left:
        chart(probabilities, "chart_probs")
    with right:
        chart(gradient, "chart_grad")
    if result.temperature != 1.0:
        st.caption(t("playground.grad.temperature"))


def neg_log(result: Prediction) -> None:
    """Draw the curve ``-ln p`` with the true class's probability on it."""
    a_j = float(result.a[result.target])
    p, neg_log_p = neg_log_curve(a_j / 2)
    text = {key: t(f"playground.fig.{key}") for key in ("p", "loss", "current")}
    text["title"] = t("playground.fig.neglog")
    chart(neg_log_figure(p, neg_log_p, a_j, result.loss, text), "chart_neglog")


def details(result: Prediction, labels: list[str], mode: str) -> None:
    """Draw the step table and the PyTorch code (filled only while open), and the downloads."""
    steps = softmax_steps(result.z / result.temperature)  # the steps of the softmax of z / T
    # Filled only while open (a rerun opens them): most reruns skip the table and the code.
    pipeline = st.expander(t("playground.pipeline"), key="pg_pipeline", on_change="rerun")
    if pipeline.open:
        with pipeline:
            if mode == "probs":
                st.caption(t("playground.pipeline.probs"))
            table = pipeline_table(steps, result, labels, t)
            st.table(table, border="horizontal", hide_index=True)
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
    if not presenting():
        st.latex(latex_loss(result, labels))
    bar_charts(result, labels, shown)
    if presenting():
        st.latex(latex_loss(result, labels))
    st.latex(latex_vector("y", result.y, shown))
    neg_log(result)
    details(result, labels, mode)
