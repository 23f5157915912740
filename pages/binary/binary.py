"""Page 4: the sigmoid and binary cross-entropy, two-class softmax in disguise, computed stably."""

import functools

import numpy as np
import streamlit as st

from lab import numbers, urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import preset_row, vector_input
from lab.language import t
from pages.binary import state, view
from pages.binary.figures import loss_figure, sigmoid_figure
from pages.binary.model import (
    binary_loss_curve,
    check_one_number,
    compare_two_class,
    explain_binary,
    sigmoid_curves,
    tangent_line,
)
from pages.binary.naive_versus_stable import (
    exp_overflow_limit,
    naive_versus_stable,
    spacing_at_one,
    stability_grid,
)
from pages.binary.stability_figure import stability_figure

page_header("binary")
state.init()
urlstate.sync("binary", state.URL_FIELDS)

presets = preset_row(
    state.PRESETS, lesson="binary", key_prefix="bn_preset_", on_click=state.apply_preset
)
with presets:
    urlstate.share_and_reset("binary", state.URL_FIELDS, state.reset)
st.caption(t("binary.presets.note"))

# 1. One logit: the sigmoid, its derivative, the loss and its gradient.
st.header(t("binary.section.sigmoid"))
inputs, outputs = st.columns([1, 2], gap="large")
slider_ends = view.slider_ends(state.SLIDER_MIN, state.SLIDER_MAX)
with inputs:
    values, x_ok = vector_input(
        "bn_x",
        t("binary.x"),
        help=t("binary.x.help", **slider_ends),
        allow_inf=False,
        check=check_one_number,
    )
    x = float(values[0]) if values is not None else state.fallback("bn_x")
    if x_ok:
        state.follow_text(x)
    st.slider(
        t("binary.x_slider"),
        state.SLIDER_MIN,
        state.SLIDER_MAX,
        step=0.1,
        key="bn_x_slider",
        on_change=state.slider_moved,
        persist_state="session",
    )
    if not state.SLIDER_MIN <= x <= state.SLIDER_MAX:
        st.caption(t("binary.x.outside", **slider_ends))
    label = st.segmented_control(
        t("binary.label"),
        state.LABELS,
        key="bn_label",
        required=True,
        help=t("binary.label.help"),
        format_func=lambda option: t(f"binary.label.{option}"),
        persist_state="session",
    )
    soft = st.slider(
        t("binary.soft"),
        0.0,
        1.0,
        step=0.05,
        key="bn_soft",
        help=t("binary.soft.help"),
        persist_state="session",
        disabled=label != "soft",
    )
    y = state.label_value(label, soft)

p = explain_binary(x, y)
with outputs:
    sigma_column, sigma_grad_column, loss_column, grad_column = st.columns(4)
    for column, name, value in (
        (sigma_column, "sigma", p.sigma),
        (sigma_grad_column, "sigma_grad", p.sigma_grad),
        (loss_column, "loss", p.loss),
        (grad_column, "grad", p.grad),
    ):
        column.metric(
            t(f"binary.m.{name}"),
            numbers.bar(value, 4),
            help=t("binary.full", value=view.full(value)),
        )
    st.latex(view.latex_sigmoid(p))
    st.latex(view.latex_sigmoid_grad(p))
    st.latex(view.latex_loss(p))
    st.latex(view.latex_grad(p))
    if not x_ok:
        st.caption(t("error.using_last"))
    if p.sigma == 0.0:
        st.info(t("binary.sigma_zero", log=view.full(p.log_sigma)), icon=":material/info:")
    elif p.sigma == 1.0:
        st.info(t("binary.sigma_one", log=view.full(p.log_one_minus_sigma)), icon=":material/info:")
    if p.naive_is_off:
        st.warning(
            t("binary.naive_breaks", value=view.full(p.naive_loss)), icon=":material/warning:"
        )

sigmoid_column, loss_chart_column = st.columns(2, gap="large")
with sigmoid_column:
    curve_x, curve_sigma, curve_sigma_grad = sigmoid_curves()
    chart(
        sigmoid_figure(
            curve_x,
            curve_sigma,
            curve_sigma_grad,
            p.x,
            p.sigma,
            p.sigma_grad,
            {
                "title": t("binary.fig.sigmoid"),
                "sigma": t("binary.fig.sigma"),
                "grad": t("binary.fig.sigma_grad"),
                "x": t("binary.fig.x"),
                "off": t("binary.fig.off"),
            },
        ),
        "bn_chart_sigmoid",
    )
with loss_chart_column:
    loss_x = sigmoid_curves(*view.loss_range(p.x))[0]
    curves = [
        (t("binary.fig.y1"), loss_x, binary_loss_curve(loss_x, 1.0), "solid"),
        (t("binary.fig.y0"), loss_x, binary_loss_curve(loss_x, 0.0), "solid"),
    ]
    if label == "soft":
        curves.append(
            (
                t("binary.fig.ysoft", y=view.label_text(y)),
                loss_x,
                binary_loss_curve(loss_x, y),
                "dash",
            )
        )
    chart(
        loss_figure(
            curves,
            p.x,
            p.loss,
            tangent_line(p.x, p.loss, p.grad, half_width=view.tangent_half_width(loss_x)),
            state.curve_of(label),
            {
                "title": t("binary.fig.loss"),
                "x": t("binary.fig.x"),
                "loss": t("binary.fig.loss.axis"),
                "current": t("binary.fig.current"),
                "tangent": t("binary.fig.tangent"),
                "point": t("binary.fig.point", loss=numbers.bar(p.loss), slope=numbers.bar(p.grad)),
                "off": t("binary.fig.off"),
            },
        ),
        "bn_chart_loss",
    )
st.caption(t("binary.loss.insight"))

# 2. Two classes: softmax of (z0, z1) is the sigmoid of z1 - z0.
st.header(t("binary.section.two"))
st.markdown(t("binary.two.intro"))
two_inputs, two_outputs = st.columns([1, 2], gap="large")
with two_inputs:
    z0_values, z0_ok = vector_input(
        "bn_z0", t("binary.z0"), allow_inf=False, check=check_one_number
    )
    z1_values, z1_ok = vector_input(
        "bn_z1", t("binary.z1"), allow_inf=False, check=check_one_number
    )
    target = st.segmented_control(
        t("binary.class"),
        state.CLASSES,
        key="bn_class",
        required=True,
        format_func=lambda n: t("binary.class.option", n=n),
        persist_state="session",
    )
z0 = float(z0_values[0]) if z0_values is not None else state.fallback("bn_z0")
z1 = float(z1_values[0]) if z1_values is not None else state.fallback("bn_z1")
check = compare_two_class(z0, z1, int(target if target is not None else 1))
with two_outputs:
    st.latex(view.latex_two_class(check))
    st.dataframe(view.two_class_table(check, t), hide_index=True, key="bn_two_table")
    st.metric(
        t("binary.m.largest"),
        view.difference(check.largest_difference),
        help=t("binary.m.largest.help", eps=numbers.sig(spacing_at_one(), 2)),
    )
    if not (z0_ok and z1_ok):
        st.caption(t("error.using_last"))
st.caption(t("binary.two.caption"))

# 3. The naive formula against the stable one, in float32 and float64.
st.header(t("binary.section.stability"))
st.markdown(t("binary.stab.intro"))
naive_column, stable_column = st.columns(2)
naive_column.markdown(t("binary.stab.naive"))
naive_column.latex(view.LATEX_NAIVE)
stable_column.markdown(t("binary.stab.stable"))
stable_column.latex(view.LATEX_STABLE)
table_x = view.table_logits(p.x)
table = [naive_versus_stable(table_x, y, dtype) for dtype in (np.float32, np.float64)]
st.dataframe(
    view.stability_table(table, t, view.current_row(table_x, p.x)),
    hide_index=True,
    key="bn_stability_table",
)
st.caption(t("binary.stab.table_caption", y=view.label_text(y)))
downloads(
    "binary",
    functools.partial(view.stability_download, table),
    view.values_record(p, check),
)
for column, dtype in zip(st.columns(2, gap="large"), (np.float32, np.float64), strict=True):
    sweep = naive_versus_stable(stability_grid(dtype), y, dtype)
    with column:
        chart(
            stability_figure(
                sweep.x,
                sweep.naive,
                sweep.stable,
                sweep.status,
                p.x,
                {
                    "title": t("binary.fig.stab", dtype=sweep.dtype.name, y=view.label_text(y)),
                    "x": t("binary.fig.x"),
                    "loss": t("binary.fig.loss.axis"),
                    "naive": t("binary.fig.stab.naive"),
                    "stable": t("binary.fig.stab.stable"),
                    "broken": t("binary.fig.stab.broken"),
                    "zero": t("binary.fig.stab.zero"),
                    "underflow": t("binary.fig.stab.underflow"),
                    "current": t("binary.fig.current"),
                },
            ),
            f"bn_chart_stability_{sweep.dtype.name}",
        )
st.caption(
    t(
        "binary.stab.chart_caption",
        f32=numbers.fixed(exp_overflow_limit(np.float32), 1),
        f64=numbers.fixed(exp_overflow_limit(np.float64), 1),
    )
)
with st.expander(t("binary.code")):
    st.code(view.torch_snippet(p), language="python")
