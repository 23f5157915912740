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
from pages.binary.model import check_one_number, compare_two_class
from pages.binary.naive_versus_stable import (
    exp_overflow_limit,
    naive_versus_stable,
    spacing_at_one,
    stability_grid,
)
from pages.binary.one_logit import one_logit
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
p, label, y = one_logit()

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
