"""The Batch page's results, drawn in the order of the screen; the page script calls them.

Each section takes ce_core's results (:mod:`pages.batch.results`) and draws them with
:mod:`pages.batch.view`'s text and tables and the figures' charts; no maths here.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from ce_core import BatchTable
from lab import numbers
from lab.charts import chart
from lab.language import t
from pages.batch.export import download_files, torch_snippet
from pages.batch.figures import decomposition_figure, gradient_heatmap, row_losses_figure
from pages.batch.figures_double import double_gradients_figure, double_losses_figure
from pages.batch.options import Options
from pages.batch.results import Decomposition, DoubleSoftmax, Results
from pages.batch.view import (
    decomposition_table,
    double_table,
    figure_text,
    gradient_table,
    reduction_latex,
    reduction_sentence,
    row_loss_latex,
    rows_table,
)

CHART_ROWS, HEATMAP_ROWS, HEATMAP_CLASSES, TABLE_ROWS = 40, 20, 20, 1000


def result_numbers(results: Results, options: Options, num_rows: int) -> None:
    """Draw the results' header, metrics, formulas and the sentence on the denominator."""
    reduction, denominator, weighted = options.reduction, results.denominator, options.weight
    loss = float(results.loss) if reduction != "none" else 0
    st.header(t("batch.results"))
    loss_column, rows_column, ignored_column, denominator_column = st.columns(4)
    loss_column.metric(
        t("batch.metric.loss", reduction=reduction),
        t("batch.metric.loss.none") if reduction == "none" else numbers.bar(loss, 4),
        help=None if reduction == "none" else t("batch.metric.loss.help", value=numbers.full(loss)),
    )
    rows_column.metric(t("batch.metric.rows"), str(num_rows))
    ignored_column.metric(t("batch.metric.ignored"), str(int(results.ignored.sum())))
    denominator_column.metric(
        t("batch.metric.denominator"),
        numbers.sig(denominator.value)
        if reduction == "mean"
        else t("batch.metric.denominator.none"),
    )
    st.markdown(t("batch.row_formula"))
    st.latex(row_loss_latex(options.soft, weighted is not None, options.label_smoothing))
    st.latex(reduction_latex(reduction, denominator, results.total, loss))
    st.markdown(reduction_sentence(reduction, denominator, num_rows, weighted is not None, t))
    if num_rows > CHART_ROWS:
        shown = min(num_rows, TABLE_ROWS)
        st.caption(t("batch.rows_shown", shown=CHART_ROWS, table=shown, n=num_rows))


def losses_chart(results: Results, options: Options) -> None:
    """Draw each row's loss (the first rows), with the mean when the reduction is the mean."""
    mean = float(results.loss) if options.reduction == "mean" else None
    chart(
        row_losses_figure(
            results.row_losses[:CHART_ROWS].tolist(),
            results.ignored[:CHART_ROWS].tolist(),
            mean,
            figure_text("losses", t),
        ),
        "bt_chart_losses",
    )


def result_charts(table: BatchTable, results: Results, options: Options) -> None:
    """Draw the gradient (chart, what its colours and scale mean, table) and the table of rows."""
    reduction, denominator, ignored = options.reduction, results.denominator, results.ignored
    grad_column, notes_column = st.columns(2, gap="large")
    grad = results.grad
    with grad_column:
        chart(
            gradient_heatmap(grad[:HEATMAP_ROWS, :HEATMAP_CLASSES], figure_text("grad", t)),
            "bt_chart_grad",
        )
    with notes_column:
        st.caption(t("batch.grad.colours"))
        if reduction == "mean" and denominator.value == 0:
            st.caption(t("batch.grad.mean_nan"))
        else:
            st.caption(t(f"batch.grad.{reduction}", denominator=numbers.sig(denominator.value)))
        if table.num_classes > HEATMAP_CLASSES:
            st.caption(t("batch.classes_shown", shown=HEATMAP_CLASSES, k=table.num_classes))
        with st.expander(t("batch.grad.table")):
            st.dataframe(gradient_table(grad[:TABLE_ROWS], t))
    rows = rows_table(
        table.labels, results.targets, ignored, options.weight, results.a, results.row_losses, t
    )
    st.dataframe(rows.head(TABLE_ROWS), hide_index=True, placeholder="—")


def decomposition_section(parts: Decomposition, ignored: np.ndarray, options: Options) -> None:
    """Draw H(t, a) = H(t) + KL(t ‖ a) per row: the chart and the numbers."""
    st.header(t("batch.decomp.header"))
    st.markdown(t("batch.decomp.intro"))
    if not options.soft and options.label_smoothing == 0:
        st.caption(t("batch.decomp.onehot"))
    if options.weight is not None:
        st.caption(t("batch.decomp.weights"))
    chart_column, numbers_column = st.columns([3, 2], gap="large")
    with chart_column:
        chart(
            decomposition_figure(
                parts.entropy[:CHART_ROWS].tolist(),
                parts.kl[:CHART_ROWS].tolist(),
                parts.cross[:CHART_ROWS].tolist(),
                ignored[:CHART_ROWS].tolist(),
                figure_text("decomposition", t),
            ),
            "bt_chart_decomposition",
        )
    with numbers_column:
        table = decomposition_table(parts.entropy, parts.kl, parts.cross, t)
        st.dataframe(table.head(TABLE_ROWS), placeholder="—")


def double_softmax_section(wrong: DoubleSoftmax, results: Results, options: Options) -> None:
    """Draw the double-softmax mistake beside the correct loss: metrics, charts, table."""
    st.header(t("batch.double.header"))
    st.markdown(t("batch.double.intro"))
    low, high = wrong.window
    columns = st.columns(4)
    if options.reduction != "none":
        columns[0].metric(t("batch.double.metric.right"), numbers.bar(float(results.loss), 4))
        columns[1].metric(t("batch.double.metric.wrong"), numbers.bar(float(wrong.loss), 4))
    right_max, wrong_max = float(wrong.right_norm.max()), float(wrong.wrong_norm.max())
    columns[2].metric(t("batch.double.metric.grad_right"), numbers.bar(right_max, 4))
    columns[3].metric(t("batch.double.metric.grad_wrong"), numbers.bar(wrong_max, 4))
    k = results.grad.shape[1]
    st.caption(t("batch.double.window", low=numbers.fixed(low), high=numbers.fixed(high), k=k))
    left, right = st.columns(2, gap="large")
    with left:
        chart(
            double_losses_figure(
                results.row_losses[:CHART_ROWS].tolist(),
                wrong.row_losses[:CHART_ROWS].tolist(),
                (low, high),
                figure_text("double_losses", t),
            ),
            "bt_chart_double_losses",
        )
    with right:
        chart(
            double_gradients_figure(
                wrong.right_norm[:CHART_ROWS].tolist(),
                wrong.wrong_norm[:CHART_ROWS].tolist(),
                figure_text("double_grads", t),
            ),
            "bt_chart_double_grads",
        )
    rows = double_table(results.row_losses, wrong.row_losses, wrong.right_norm, wrong.wrong_norm, t)
    st.dataframe(rows.head(TABLE_ROWS))


def code_section(table: BatchTable, results: Results, options: Options, double: bool) -> None:
    """Draw the PyTorch code that gives the same numbers, and the three downloads."""
    st.header(t("batch.code.header"))
    st.caption(t("batch.code.intro"))
    snippet = torch_snippet(
        table,
        options,
        results.targets,
        results.loss,
        double=double,
        comments=lambda name: t(f"batch.code.{name}"),
    )
    st.code(snippet, language="python")
    files = download_files(
        table,
        options,
        results.loss,
        results.denominator.value,
        results.row_losses,
        results.grad,
        results.targets,
    )
    for column, (name, data, file_name, mime) in zip(st.columns(3), files, strict=True):
        column.download_button(
            t(f"batch.download.{name}"),
            data,
            file_name=file_name,
            mime=mime,
            key=f"bt_download_{name}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
