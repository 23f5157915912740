"""Page 6, Batches & PyTorch options: a batch through F.cross_entropy, option by option."""

import streamlit as st

from ce_core import (
    check_class_weights,
    class_targets,
    cross_entropy,
    cross_entropy_of_distributions,
    cross_entropy_with_grad,
    double_softmax_loss_range,
    double_softmax_with_grad,
    entropy,
    gradient_norms,
    kl_divergence,
    mean_denominator,
    softmax,
    target_distribution,
)
from lab import numbers, urlstate
from lab.charts import chart
from lab.header import page_header
from lab.inputs import vector_input
from lab.language import t
from pages.batch import state
from pages.batch.export import Options, download_files, torch_snippet
from pages.batch.figures import decomposition_figure, gradient_heatmap, row_losses_figure
from pages.batch.figures_double import double_gradients_figure, double_losses_figure
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
from pages.batch.vocabulary import vocabulary_section

CHART_ROWS, HEATMAP_ROWS, HEATMAP_CLASSES, TABLE_ROWS = 40, 20, 20, 1000

page_header("batch")
state.init()
urlstate.sync("batch", state.URL_FIELDS)

preset_columns = st.columns(len(state.PRESETS))
for column, name in zip(preset_columns, state.PRESETS, strict=True):
    column.button(
        t(f"batch.preset.{name}"),
        key=f"bt_preset_{name}",
        on_click=state.apply_preset,
        args=(name,),
        width="stretch",
    )

batch_column, options_column = st.columns([3, 2], gap="large")
with options_column:
    st.subheader(t("batch.options"))
    link_box = st.container()  # filled once the table is read: the link holds it
    soft = st.toggle(
        t("batch.soft"), key="bt_soft", help=t("batch.soft.help"), persist_state="session"
    )
    reduction = st.segmented_control(
        t("batch.reduction"),
        state.REDUCTIONS,
        key="bt_reduction",
        required=True,
        help=t("batch.reduction.help"),
        persist_state="session",
    )
    use_weight = st.toggle(
        t("batch.use_weight"),
        key="bt_use_weight",
        help=t("batch.use_weight.help"),
        persist_state="session",
    )
    weight_box = st.container()
    ignore_index = st.number_input(
        t("batch.ignore"),
        min_value=-1_000_000,
        max_value=1_000_000,
        step=1,
        key="bt_ignore",
        help=t("batch.ignore.help"),
        disabled=soft,
        persist_state="session",
    )
    ignore_box = st.container()
    smoothing = st.slider(
        t("batch.smoothing"),
        0.0,
        1.0,
        step=0.05,
        key="bt_smoothing",
        help=t("batch.smoothing.help"),
        persist_state="session",
    )
    double = st.toggle(
        t("batch.double"), key="bt_double", help=t("batch.double.help"), persist_state="session"
    )

with batch_column:
    st.subheader(t("batch.batch"))
    table_tab, paste_tab, upload_tab = st.tabs(
        [t("batch.tab.table"), t("batch.tab.paste"), t("batch.tab.upload")]
    )
    with table_tab:
        st.number_input(
            t("batch.k"),
            min_value=2,
            max_value=state.MAX_CLASSES,
            step=1,
            key="bt_k",
            help=t("batch.k.help"),
            on_change=state.resize,
            persist_state="session",
        )
        table, table_ok = state.checked_table(state.editor(soft), soft)
        if not table_ok:
            st.caption(t("error.using_last"))
        elif state.link_csv(table) is None:
            st.caption(t("batch.link.too_big", max=state.MAX_LINK_CSV))
    with paste_tab:
        st.text_area(
            t("batch.paste"),
            key="bt_paste",
            help=t("batch.paste.help"),
            height=180,
            persist_state="session",
        )
        st.button(t("batch.load"), key="bt_load_paste", on_click=state.load_paste)
        state.message("paste")
    with upload_tab:
        st.file_uploader(
            t("batch.upload"),
            type=["csv", "txt", "tsv"],
            key="bt_upload",
            help=t("batch.upload.help"),
            on_change=state.load_upload,
            max_upload_size=5,
        )
        state.message("upload")
    with st.expander(t("batch.format.title")):
        st.markdown(t("batch.format"))
        st.code(state.DEFAULTS["bt_paste"], language="text")
        st.code(state.SOFT_EXAMPLE, language="text")

with link_box:
    urlstate.share_and_reset("batch", state.URL_FIELDS, state.reset)
st.query_params.from_dict(urlstate.current(state.URL_FIELDS))  # now with the table as edited

num_rows, num_classes = table.logits.shape
weights = None
with weight_box:
    if use_weight:
        typed, weights_ok = vector_input(
            "bt_weight",
            t("batch.weight"),
            allow_inf=False,
            check=lambda w: check_class_weights(w, num_classes),
        )
        try:  # bad text: the last valid weights, while they still fit the classes
            weights = check_class_weights(typed, num_classes) if typed is not None else None
        except ValueError:
            weights = None
        if not weights_ok:
            st.caption(t("error.using_last") if weights is not None else t("batch.weight.unused"))
with ignore_box:
    if soft:
        st.caption(t("batch.ignore.soft"))
    elif 0 <= ignore_index < num_classes:
        st.caption(t("batch.ignore.class", index=ignore_index, label=ignore_index + 1))

# PyTorch's semantics, all from ce_core.
options = Options(soft, weights, int(ignore_index), reduction, float(smoothing))
kwargs = options.kwargs()
targets = None if soft else class_targets(table.labels, options.ignore_index)
target = table.soft if soft else targets
loss, grad = cross_entropy_with_grad(table.logits, target, **kwargs)
row_losses = cross_entropy(table.logits, target, **{**kwargs, "reduction": "none"})
total = float(cross_entropy(table.logits, target, **{**kwargs, "reduction": "sum"}))
denominator = mean_denominator(
    target, num_classes, weight=weights, ignore_index=kwargs["ignore_index"]
)
ignored = ~denominator.kept
a = softmax(table.logits, axis=1)

st.header(t("batch.results"))
loss_column, rows_column, ignored_column, denominator_column = st.columns(4)
loss_column.metric(
    t("batch.metric.loss", reduction=reduction),
    t("batch.metric.loss.none") if reduction == "none" else numbers.bar(float(loss), 4),
    help=None if reduction == "none" else t("batch.metric.loss.help", value=repr(float(loss))),
)
rows_column.metric(t("batch.metric.rows"), str(num_rows))
ignored_column.metric(t("batch.metric.ignored"), str(int(ignored.sum())))
denominator_column.metric(
    t("batch.metric.denominator"),
    f"{denominator.value:.6g}" if reduction == "mean" else t("batch.metric.denominator.none"),
)
st.markdown(t("batch.row_formula"))
st.latex(row_loss_latex(soft, weights is not None, smoothing))
st.latex(reduction_latex(reduction, denominator, total, float(loss) if reduction != "none" else 0))
st.markdown(reduction_sentence(reduction, denominator, num_rows, weights is not None, t))
if num_rows > CHART_ROWS:
    st.caption(t("batch.rows_shown", shown=CHART_ROWS, table=min(num_rows, TABLE_ROWS), n=num_rows))

losses_column, grad_column = st.columns(2, gap="large")
with losses_column:
    chart(
        row_losses_figure(
            row_losses[:CHART_ROWS].tolist(),
            ignored[:CHART_ROWS].tolist(),
            float(loss) if reduction == "mean" else None,
            figure_text("losses", t),
        ),
        "bt_chart_losses",
    )
with grad_column:
    chart(
        gradient_heatmap(
            grad[:HEATMAP_ROWS, :HEATMAP_CLASSES],
            figure_text("grad", t),
        ),
        "bt_chart_grad",
    )
    st.caption(t("batch.grad.colours"))
    if reduction == "mean" and denominator.value == 0:
        st.caption(t("batch.grad.mean_nan"))
    else:
        st.caption(t(f"batch.grad.{reduction}", denominator=f"{denominator.value:.6g}"))
    if num_classes > HEATMAP_CLASSES:
        st.caption(t("batch.classes_shown", shown=HEATMAP_CLASSES, k=num_classes))
    with st.expander(t("batch.grad.table")):
        st.dataframe(gradient_table(grad[:TABLE_ROWS], t))
st.dataframe(
    rows_table(table.labels, targets, ignored, weights, a, row_losses, t).head(TABLE_ROWS),
    hide_index=True,
    placeholder="—",
)

st.header(t("batch.decomp.header"))
st.markdown(t("batch.decomp.intro"))
distribution = target_distribution(
    target, num_classes, label_smoothing=smoothing, ignore_index=kwargs["ignore_index"]
)
h_t = entropy(distribution)
kl = kl_divergence(distribution, a)
h_ta = cross_entropy_of_distributions(distribution, a)
if not soft and smoothing == 0:
    st.caption(t("batch.decomp.onehot"))
if weights is not None:
    st.caption(t("batch.decomp.weights"))
chart_column, numbers_column = st.columns([3, 2], gap="large")
with chart_column:
    chart(
        decomposition_figure(
            h_t[:CHART_ROWS].tolist(),
            kl[:CHART_ROWS].tolist(),
            h_ta[:CHART_ROWS].tolist(),
            ignored[:CHART_ROWS].tolist(),
            figure_text("decomposition", t),
        ),
        "bt_chart_decomposition",
    )
with numbers_column:
    st.dataframe(decomposition_table(h_t, kl, h_ta, t).head(TABLE_ROWS), placeholder="—")

if double:
    st.header(t("batch.double.header"))
    st.markdown(t("batch.double.intro"))
    wrong_loss, wrong_grad = double_softmax_with_grad(table.logits, target, **kwargs)
    wrong_rows, _ = double_softmax_with_grad(
        table.logits, target, **{**kwargs, "reduction": "none"}
    )
    right_norm, wrong_norm = gradient_norms(grad), gradient_norms(wrong_grad)
    low, high = double_softmax_loss_range(num_classes)
    columns = st.columns(4)
    if reduction != "none":
        columns[0].metric(t("batch.double.metric.right"), numbers.bar(float(loss), 4))
        columns[1].metric(t("batch.double.metric.wrong"), numbers.bar(float(wrong_loss), 4))
    columns[2].metric(t("batch.double.metric.grad_right"), numbers.bar(float(right_norm.max()), 4))
    columns[3].metric(t("batch.double.metric.grad_wrong"), numbers.bar(float(wrong_norm.max()), 4))
    st.caption(t("batch.double.window", low=f"{low:.4f}", high=f"{high:.4f}", k=num_classes))
    left, right = st.columns(2, gap="large")
    with left:
        chart(
            double_losses_figure(
                row_losses[:CHART_ROWS].tolist(),
                wrong_rows[:CHART_ROWS].tolist(),
                (low, high),
                figure_text("double_losses", t),
            ),
            "bt_chart_double_losses",
        )
    with right:
        chart(
            double_gradients_figure(
                right_norm[:CHART_ROWS].tolist(),
                wrong_norm[:CHART_ROWS].tolist(),
                figure_text("double_grads", t),
            ),
            "bt_chart_double_grads",
        )
    st.dataframe(double_table(row_losses, wrong_rows, right_norm, wrong_norm, t).head(TABLE_ROWS))

st.header(t("batch.code.header"))
st.caption(t("batch.code.intro"))
st.code(
    torch_snippet(
        table, options, targets, loss, double=double, comments=lambda name: t(f"batch.code.{name}")
    ),
    language="python",
)
download_columns = st.columns(3)
downloads = download_files(table, options, loss, denominator.value, row_losses, grad, targets)
for column, (name, data, file_name, mime) in zip(download_columns, downloads, strict=True):
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

vocabulary_section()
