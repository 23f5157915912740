"""The stability page's last two tabs: shift invariance, and log(softmax) against log_softmax.

Shift invariance: softmax(z − c) equals softmax(z) for any c, so subtracting the maximum is
allowed; the lecture's c = max z is one click. log(softmax) against log_softmax: taking the
logarithm of a rounded probability loses what log_softmax keeps.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab import numbers
from lab.charts import NEGATIVE, POSITIVE, PREDICTED, chart
from lab.inputs import checked_target
from lab.language import t
from pages.stability import state
from pages.stability.figures import GROUPED_BARS_HEIGHT, Series, bars_figure
from pages.stability.model import DtypeLimits
from pages.stability.sections import Limits, bars_text, logits_box
from pages.stability.shift_and_log import ShiftCheck, log_comparison, shift_check
from pages.stability.view import (
    class_labels,
    difference_text,
    dtype_number,
    latex_log_of_softmax,
    latex_log_softmax,
    number_text,
    shift_table,
)


# ---- 3. shift invariance ----------------------------------------------------------------------
def shift(dtype: str, limits: Limits) -> None:
    """Draw softmax(z) beside softmax(z − c): equal up to rounding, unless z − c overflows."""
    st.markdown(t("stability.shift.intro"))
    st.latex(t("stability.shift.formula"))
    z_column, c_column = st.columns(2, gap="medium")  # stacked on a phone: not 4 rem apart
    with z_column:
        z, ok = logits_box("st_shift_z", t("stability.shift.z"))
        if not ok:
            st.caption(t("error.using_last"))
    with c_column:
        c = _shift_input(z)
    check = shift_check(z, c, dtype)
    st.table(shift_table(check, dtype, t))
    st.metric(t("stability.shift.max_diff"), difference_text(check.max_difference))
    _shift_verdict(check, limits[dtype])
    chart(
        bars_figure(
            class_labels(check.z.size),
            [
                Series(t("stability.shift.row.a"), check.a.tolist(), NEGATIVE),
                Series(t("stability.shift.row.a_shifted"), check.a_shifted.tolist(), PREDICTED),
                Series(t("stability.shift.row.naive"), check.naive_shifted.tolist(), POSITIVE),
            ],
            bars_text(t("stability.fig.shift", dtype=dtype)),
            height=GROUPED_BARS_HEIGHT,
        ),
        "st_chart_shift",
    )


def _shift_input(z: np.ndarray) -> float:
    """Draw the box for c and the buttons that set it; return c.

    The box takes any number in ``SHIFT_MIN..SHIFT_MAX`` (its + and − move by 1); the buttons
    give the lecture's values in one click: no shift, the max-shift (largest z − c is 0), and a
    shift large enough to break the naive formula.
    """
    low, high = number_text(state.SHIFT_MIN), number_text(state.SHIFT_MAX)
    c = st.number_input(
        t("stability.shift.c"),
        min_value=state.SHIFT_MIN,
        max_value=state.SHIFT_MAX,
        step=state.SHIFT_STEP,
        format="%g",
        key="st_shift",
        help=t("stability.shift.c.help", low=low, high=high),
        persist_state="session",
    )
    max_c = state.max_shift(z)
    buttons = st.container(horizontal=True)
    for name in state.SHIFT_CHOICES:
        disabled = name == "max" and not state.shift_allowed(max_c)
        help_key = (
            "stability.shift.set.max.outside" if disabled else f"stability.shift.set.{name}.help"
        )
        buttons.button(
            t(f"stability.shift.set.{name}", c=low),
            key=f"st_shift_to_{name}",
            on_click=state.apply_shift,
            args=(name,),
            disabled=disabled,
            help=t(help_key, max=number_text(max_c), low=low, high=high),
        )
    if "st_shift" in st.session_state.get("_url_ignored_stability", ()):
        st.warning(
            t("stability.shift.link_ignored", low=low, high=high, c=number_text(c)),
            icon=":material/link_off:",
        )
    return c


def _shift_verdict(check: ShiftCheck, limits: DtypeLimits) -> None:
    """Say whether shifting changed the probabilities, and whether the naive formula broke."""
    dtype = limits.name
    if check.overflows:
        st.warning(
            t("stability.shift.overflow", dtype=dtype, max=numbers.sig(limits.max, 5)),
            icon=":material/error:",
        )
    elif check.max_difference == 0:
        st.success(t("stability.shift.same"), icon=":material/check_circle:")
    else:
        st.info(t("stability.shift.rounding", dtype=dtype), icon=":material/info:")
    if check.naive_breaks:
        st.warning(t("stability.shift.naive"), icon=":material/error:")


# ---- 4. log(softmax) vs log_softmax -----------------------------------------------------------
def log(dtype: str) -> None:
    """Draw ln(softmax(z)_j) beside log_softmax(z)_j, and the loss each gives."""
    st.markdown(t("stability.log.intro"))
    st.latex(t("stability.log.formula"))
    z_column, y_column = st.columns(2, gap="medium")  # stacked on a phone: not 4 rem apart
    with z_column:
        z, ok = logits_box("st_log_z", t("stability.log.z"))
        if not ok:
            st.caption(t("error.using_last"))
    with y_column:
        target = st.number_input(
            t("stability.log.y"), min_value=1, step=1, key="st_log_y", persist_state="session"
        )
        target = checked_target(
            target, z.size, memory="_valid_st_log_y", default=state.DEFAULTS["st_log_y"]
        )
    comparison = log_comparison(z, target - 1, dtype)
    metrics = (
        ("stability.log.a_j", comparison.a_j),
        ("stability.log.log_a", comparison.log_of_softmax),
        ("stability.log.log_softmax", comparison.log_softmax),
    )
    for column, (label, value) in zip(st.columns(3), metrics, strict=True):
        column.metric(t(label), dtype_number(value, dtype))
    st.latex(latex_log_of_softmax(comparison, dtype))
    st.latex(latex_log_softmax(comparison, dtype))
    losses = (
        ("stability.log.loss_naive", comparison.loss_naive),
        ("stability.log.loss_stable", comparison.loss_stable),
    )
    for column, (label, value) in zip(st.columns(2), losses, strict=True):
        column.metric(t(label), dtype_number(value, dtype))
    if comparison.naive_breaks:
        loss = dtype_number(comparison.loss_stable, dtype)
        st.warning(t("stability.log.broken", dtype=dtype, loss=loss), icon=":material/error:")
    else:
        st.info(t("stability.log.fine"), icon=":material/info:")
    st.caption(t("stability.log.pytorch"))
