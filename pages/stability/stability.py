"""Page 3, Numerical stability: where the textbook softmax breaks, and why the shifted one won't."""

import functools

import numpy as np
import streamlit as st

from ce_core import (
    check_logits,
    diagnose_softmax,
    dtype_limits,
    log_comparison,
    overflow_sweep,
    shift_check,
    sweep_grid,
    underflow_sweep,
)
from lab import numbers, urlstate
from lab.charts import NEGATIVE, POSITIVE, PREDICTED, chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import checked_target, preset_row, vector_input
from lab.language import t
from pages.stability import state
from pages.stability.figures import Series, bars_figure, sweep_figure
from pages.stability.view import (
    badge_text,
    classes_text,
    difference_text,
    dtype_number,
    latex_log_of_softmax,
    latex_log_softmax,
    limits_table,
    naive_and_stable_download,
    shift_table,
    signed,
    steps_record,
    steps_table,
    underflow_classes,
    verdict,
)

page_header("stability")
state.init()
urlstate.sync("stability", state.URL_FIELDS)

dtype_column, link_column = st.columns([3, 1], vertical_alignment="bottom")
dtype = dtype_column.segmented_control(
    t("stability.dtype"),
    state.DTYPE_NAMES,
    key="st_dtype",
    required=True,
    help=t("stability.dtype.help"),
    persist_state="session",
)
with link_column:
    urlstate.share_and_reset("stability", state.URL_FIELDS, state.reset)
dtype = dtype if dtype in state.DTYPE_NAMES else state.current_dtype()
limits = {name: dtype_limits(name) for name in state.DTYPE_NAMES}

steps_tab, sweep_tab, shift_tab, log_tab = st.tabs(
    [
        t("stability.tab.steps"),
        t("stability.tab.sweep"),
        t("stability.tab.shift"),
        t("stability.tab.log"),
    ]
)

# ---- 1. naive vs stable, step by step ---------------------------------------------------------
with steps_tab:
    preset_row(
        state.PRESETS, lesson="stability", key_prefix="st_preset_", on_click=state.apply_preset
    )
    input_column, verdict_column = st.columns([1, 1], gap="large")
    with input_column:
        z, ok = vector_input(
            "st_z",
            t("stability.z"),
            help=t("stability.z.help"),
            max_count=state.MAX_LOGITS,
            check=check_logits,
        )
        if z is None:
            z = state.fallback("st_z")
        results = {
            (name, stable): diagnose_softmax(z, name, stable=stable)
            for name in state.DTYPE_NAMES
            for stable in (False, True)
        }
        too_big = results[dtype, False].born["z"]
        if too_big.any():
            k = int(np.argmax(too_big))
            st.warning(
                t(
                    "stability.z.stored",
                    dtype=dtype,
                    value=numbers.sig(z[k]),
                    max=numbers.sig(limits[dtype].max, 5),
                    stored=dtype_number(float(results[dtype, False].steps.z[k]), dtype),
                ),
                icon=":material/warning:",
            )
        if not ok:
            st.caption(t("error.using_last"))
    with verdict_column:
        for stable, label in (
            (False, "stability.verdicts.naive"),
            (True, "stability.verdicts.stable"),
        ):
            badges = [badge_text(results[name, stable], name, t) for name in state.DTYPE_NAMES]
            st.markdown(f"**{t(label)}** &nbsp; " + " &nbsp; ".join(badges))

    naive_column, stable_column = st.columns(2, gap="large")
    for column, stable in ((naive_column, False), (stable_column, True)):
        name = "stable" if stable else "naive"
        result = results[dtype, stable]
        with column:
            st.subheader(t(f"stability.{name}.title"))
            st.latex(t(f"stability.{name}.formula"))
            shift = dtype_number(float(result.steps.shift[0]), dtype)
            st.markdown(t("stability.m.stable", m=shift) if stable else t("stability.m.naive"))
            st.table(steps_table(result, dtype, t))
            sentences = verdict(result, limits[dtype], t)
            if sentences:
                st.warning("  \n".join(sentences), icon=":material/error:")
            else:
                st.success(t("stability.verdict.fine", dtype=dtype), icon=":material/check_circle:")
                if result.masked.any():
                    st.caption(
                        t(
                            "stability.masked.note",
                            classes=classes_text(np.flatnonzero(result.masked)),
                        )
                    )
                if underflow_classes(result):
                    st.caption(
                        t(
                            "stability.underflow.note",
                            classes=classes_text(underflow_classes(result)),
                            tiny=numbers.sig(limits[dtype].smallest_subnormal, 3),
                            dtype=dtype,
                        )
                    )
            chart(
                bars_figure(
                    [str(k + 1) for k in range(z.size)],
                    [Series(t("stability.fig.a"), result.steps.a.tolist(), NEGATIVE)],
                    {
                        "title": t(f"stability.fig.{name}", dtype=dtype),
                        "a": t("stability.fig.a"),
                        "class": t("class"),
                        "broken": t("stability.fig.broken"),
                    },
                ),
                f"st_chart_{name}",
            )
    st.caption(t("stability.legend", dtype=dtype))
    naive, stable = results[dtype, False], results[dtype, True]
    downloads(
        "stability",
        functools.partial(naive_and_stable_download, naive, stable, dtype),
        steps_record(z, naive, stable, dtype, list(limits.values())),
    )

# ---- 2. where each float type breaks ----------------------------------------------------------
with sweep_tab:
    st.markdown(t("stability.sweep.intro"))
    metric_columns = st.columns(len(state.DTYPE_NAMES))
    for column, name in zip(metric_columns, state.DTYPE_NAMES, strict=True):
        column.metric(t("stability.metric.overflow", dtype=name), signed(limits[name].overflow))
        column.metric(t("stability.metric.underflow", dtype=name), signed(limits[name].underflow))
    st.table(limits_table(list(limits.values()), t), hide_index=True)
    x = sweep_grid()
    sweeps = {
        "overflow": {name: overflow_sweep(x, name) for name in state.DTYPE_NAMES},
        "underflow": {name: underflow_sweep(x, name) for name in state.DTYPE_NAMES},
    }
    for kind, results in sweeps.items():
        rows = [(t("stability.row.naive", dtype=name), results[name][0]) for name in results]
        rows += [(t("stability.row.stable", dtype=name), results[name][1]) for name in results]
        thresholds = [
            (
                abs(getattr(limits[name], kind)),
                t(f"stability.fig.threshold.{kind}", value=signed(getattr(limits[name], kind))),
            )
            for name in state.DTYPE_NAMES
        ]
        chart(
            sweep_figure(
                x.tolist(),
                [(label, values.tolist()) for label, values in rows],
                thresholds,
                {
                    "title": t(f"stability.fig.{kind}"),
                    "x": t(f"stability.fig.x.{kind}"),
                    "finite": t("stability.fig.finite"),
                    "nan": t("stability.fig.nan"),
                },
            ),
            f"st_chart_{kind}",
        )
    st.caption(t("stability.sweep.caption"))

# ---- 3. shift invariance ----------------------------------------------------------------------
with shift_tab:
    st.markdown(t("stability.shift.intro"))
    st.latex(t("stability.shift.formula"))
    z_column, c_column = st.columns(2, gap="large")
    with z_column:
        shift_z, ok = vector_input(
            "st_shift_z", t("stability.shift.z"), max_count=state.MAX_LOGITS, check=check_logits
        )
        if shift_z is None:
            shift_z = state.fallback("st_shift_z")
        if not ok:
            st.caption(t("error.using_last"))
    with c_column:
        c = st.slider(
            t("stability.shift.c"),
            state.SHIFT_MIN,
            state.SHIFT_MAX,
            step=1.0,
            format="%.0f",
            key="st_shift",
            persist_state="session",
        )
    check = shift_check(shift_z, c, dtype)
    st.table(shift_table(check, dtype, t))
    st.metric(t("stability.shift.max_diff"), difference_text(check.max_difference))
    if check.overflows:
        st.warning(
            t("stability.shift.overflow", dtype=dtype, max=numbers.sig(limits[dtype].max, 5)),
            icon=":material/error:",
        )
    elif check.max_difference == 0:
        st.success(t("stability.shift.same"), icon=":material/check_circle:")
    else:
        st.info(t("stability.shift.rounding", dtype=dtype), icon=":material/info:")
    if check.naive_breaks:
        st.warning(t("stability.shift.naive"), icon=":material/error:")
    chart(
        bars_figure(
            [str(k + 1) for k in range(check.z.size)],
            [
                Series(t("stability.shift.row.a"), check.a.tolist(), NEGATIVE),
                Series(t("stability.shift.row.a_shifted"), check.a_shifted.tolist(), PREDICTED),
                Series(t("stability.shift.row.naive"), check.naive_shifted.tolist(), POSITIVE),
            ],
            {
                "title": t("stability.fig.shift", dtype=dtype),
                "a": t("stability.fig.a"),
                "class": t("class"),
                "broken": t("stability.fig.broken"),
            },
        ),
        "st_chart_shift",
    )

# ---- 4. log(softmax) vs log_softmax -----------------------------------------------------------
with log_tab:
    st.markdown(t("stability.log.intro"))
    st.latex(t("stability.log.formula"))
    z_column, y_column = st.columns(2, gap="large")
    with z_column:
        log_z, ok = vector_input(
            "st_log_z", t("stability.log.z"), max_count=state.MAX_LOGITS, check=check_logits
        )
        if log_z is None:
            log_z = state.fallback("st_log_z")
        if not ok:
            st.caption(t("error.using_last"))
    with y_column:
        target = st.number_input(
            t("stability.log.y"), min_value=1, step=1, key="st_log_y", persist_state="session"
        )
        target = checked_target(
            target, log_z.size, memory="_valid_st_log_y", default=state.DEFAULTS["st_log_y"]
        )
    comparison = log_comparison(log_z, target - 1, dtype)
    a_column, log_a_column, log_softmax_column = st.columns(3)
    a_column.metric(t("stability.log.a_j"), dtype_number(comparison.a_j, dtype))
    log_a_column.metric(t("stability.log.log_a"), dtype_number(comparison.log_of_softmax, dtype))
    log_softmax_column.metric(
        t("stability.log.log_softmax"), dtype_number(comparison.log_softmax, dtype)
    )
    st.latex(latex_log_of_softmax(comparison, dtype))
    st.latex(latex_log_softmax(comparison, dtype))
    loss_naive_column, loss_stable_column = st.columns(2)
    loss_naive_column.metric(
        t("stability.log.loss_naive"), dtype_number(comparison.loss_naive, dtype)
    )
    loss_stable_column.metric(
        t("stability.log.loss_stable"), dtype_number(comparison.loss_stable, dtype)
    )
    if comparison.naive_breaks:
        st.warning(
            t(
                "stability.log.broken",
                dtype=dtype,
                loss=dtype_number(comparison.loss_stable, dtype),
            ),
            icon=":material/error:",
        )
    else:
        st.info(t("stability.log.fine"), icon=":material/info:")
    st.caption(t("stability.log.pytorch"))
