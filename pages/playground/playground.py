"""Page 1, the Playground: type logits (or probabilities), pick the true class, see everything."""

import functools

import streamlit as st

from ce_core import (
    check_distribution,
    check_logits,
    explain_logits,
    explain_probabilities,
    neg_log_curve,
    softmax_steps,
    top_classes,
)
from lab import safe_text, urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import checked_target, error_text, vector_input
from lab.language import t
from pages.playground import state
from pages.playground.figures import gradient_figure, neg_log_figure, probabilities_figure
from pages.playground.view import (
    class_labels,
    latex_loss,
    latex_vector,
    pipeline_table,
    result_record,
    torch_snippet,
)

page_header("playground")
state.init()
urlstate.sync("playground", state.URL_FIELDS, keep_url=False)  # written by workbench()

presets = st.container(horizontal=True)
for name in state.PRESETS:
    presets.button(
        t(f"playground.preset.{name}"),
        key=f"preset_{name}",
        on_click=state.apply_preset,
        args=(name,),
        width="stretch",
    )


@st.fragment
def workbench() -> None:
    """The inputs and all that is computed from them: typing reruns this part of the page only."""
    urlstate.write(state.URL_FIELDS)
    inputs, outputs = st.columns([1, 2], gap="large")
    with inputs:
        urlstate.share_and_reset("playground", state.URL_FIELDS, state.reset)
        mode = st.segmented_control(
            t("playground.mode"),
            state.MODES,
            key="mode",
            format_func=lambda m: t(f"playground.mode.{m}"),
            on_change=state.carry_over,
            persist_state="session",
        )
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
            values, ok = check_logits(z), True
        elif mode == "probs":
            values, ok = vector_input("a", t("playground.a"), check=check_distribution)
            if not ok and state.normalisable():
                st.button(
                    t("playground.normalise", total=state.probability_sum()),
                    key="normalise",
                    on_click=state.normalise,
                    icon=":material/balance:",
                )
        else:
            values, ok = vector_input(
                "z",
                t("playground.z"),
                help=t("playground.z.help"),
                allow_inf=True,
                check=check_logits,
            )
        names_text = st.text_input(
            t("playground.names"),
            key="names",
            help=t("playground.names.help"),
            persist_state="session",
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

    if values is None:  # nothing valid typed yet in this session
        values = state.fallback_values(mode)
    num_classes = len(values)
    try:
        names = state.class_names(names_text, num_classes)
    except ValueError as exc:
        inputs.error(error_text(exc), icon=":material/error:")
        names = []
    target = checked_target(target, num_classes, memory="_valid_y", where=inputs)

    if mode == "probs":
        result = explain_probabilities(values, target - 1, tol=1e-4)
    else:
        result = explain_logits(values, target - 1, temperature)
    labels = class_labels(names, num_classes)
    shown = top_classes(result.a, result.target)

    with outputs:
        loss_column, predicted_column, entropy_column, perplexity_column = st.columns(4)
        loss_column.metric(
            t("playground.loss"),
            f"{result.loss:.4f}",
            help=t("playground.loss.full", value=repr(result.loss)),
        )
        predicted_column.metric(
            t("playground.predicted"),
            safe_text.markdown(labels[result.predicted]),  # a name is user text
            delta=t("playground.right") if result.correct else t("playground.wrong"),
            delta_color="normal" if result.correct else "inverse",
            delta_arrow="off",
        )
        entropy_column.metric(t("playground.entropy"), f"{result.entropy:.4f}")
        perplexity_column.metric(
            t("playground.perplexity"),
            f"{result.perplexity:.3f}",
            help=t("playground.perplexity.help"),
        )
        st.latex(latex_loss(result, labels))
        if not ok:
            st.caption(t("error.using_last"))
        if len(shown) < num_classes:
            st.info(
                t("playground.top", shown=len(shown), total=num_classes),
                icon=":material/filter_list:",
            )
        chart(
            probabilities_figure(
                result.a,
                result.y,
                shown,
                [labels[k] for k in shown],
                result.target,
                result.predicted,
                {
                    "title": t("playground.fig.probs"),
                    "a": t("playground.fig.a"),
                    "y": t("playground.fig.y"),
                    "argmax": t("playground.fig.argmax"),
                    "class": t("class"),
                },
            ),
            "chart_probs",
        )
        st.latex(latex_vector("y", result.y, shown))
        chart(
            gradient_figure(
                result.grad,
                shown,
                [labels[k] for k in shown],
                {
                    "title": t("playground.fig.grad"),
                    "grad": t("playground.fig.grad.axis"),
                    "class": t("class"),
                },
            ),
            "chart_grad",
        )
        if result.temperature != 1.0:
            st.caption(t("playground.grad.temperature"))
        p, neg_log_p = neg_log_curve(result.a[result.target] / 2)
        chart(
            neg_log_figure(
                p,
                neg_log_p,
                float(result.a[result.target]),
                result.loss,
                {
                    "title": t("playground.fig.neglog"),
                    "p": t("playground.fig.p"),
                    "loss": t("playground.fig.loss"),
                    "current": t("playground.fig.current"),
                },
            ),
            "chart_neglog",
        )
        steps = softmax_steps(result.z if result.z is not None else result.a)
        # Filled only while open (a rerun opens them): most reruns skip the table and the code.
        pipeline = st.expander(t("playground.pipeline"), key="pg_pipeline", on_change="rerun")
        if pipeline.open:
            with pipeline:
                if result.z is None:
                    st.caption(t("playground.pipeline.probs"))
                st.table(
                    pipeline_table(steps, result, labels, t), border="horizontal", hide_index=True
                )
                st.caption(t("playground.sum", total=f"{float(steps.total[0]):.6g}"))
        code = st.expander(t("playground.code"), key="pg_code", on_change="rerun")
        if code.open:
            code.code(torch_snippet(result, t), language="python")
        downloads(
            "playground",
            functools.partial(pipeline_table, steps, result, labels),
            result_record(result, labels),
        )


workbench()
