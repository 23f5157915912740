"""Section 1 of the sigmoid page: one logit x, its label y, σ(x), the loss and its gradient.

The inputs and both curves share a row, so the curves stand on a projector's first screen beside
the inputs and come straight after them on a phone (where the columns stack); the four numbers
and their equations follow under the curves. The curves print the same four numbers at the
current point, so what the room sees first already has them.
"""

from __future__ import annotations

import streamlit as st

from lab import numbers
from lab.inputs import vector_input
from lab.language import t
from lab.live.sigmoid import LossDrag, SigmoidFigures, live_sigmoid
from lab.presentation import presenting
from pages.binary import state, view
from pages.binary.figures import (
    CURVE_HEIGHT,
    CURVE_HEIGHT_PRESENTED,
    curves_top,
    loss_figure,
    point_label,
    sigmoid_figure,
    sigmoid_markers,
    vline,
)
from pages.binary.model import (
    BinaryPrediction,
    binary_loss_curve,
    check_one_number,
    explain_binary,
    sigmoid_curves,
    tangent_line,
)


def one_logit() -> tuple[BinaryPrediction, str, float]:
    """Draw section 1; return the explanation at the current x, the label's kind and y."""
    # on a projector the loss chart is wider: its legend's two columns need the room
    split = (1.15, 1.45) if presenting() else (1.3, 1.3)
    inputs, curves = st.columns([1, sum(split)], gap="medium")
    with inputs:
        x, label, y = _inputs()
    p = explain_binary(x, y)
    height = CURVE_HEIGHT_PRESENTED if presenting() else CURVE_HEIGHT
    with curves:
        live_sigmoid(
            p.x,
            p.y,
            _figures(p, label, y, height),
            key="bn_live",
            keys=("bn_chart_sigmoid", "bn_chart_loss"),
            x_range=(state.SLIDER_MIN, state.SLIDER_MAX),
            step=state.SLIDER_STEP,
            split=split,
            # a projector's first screen has no line to spare above the charts: the teacher
            # drags, the room watches
            text={
                "hint": "" if presenting() else t("binary.live.hint"),
                "slider": t("binary.x_slider"),
            },
            on_release=state.dragged,
        )
    _numbers(p)
    st.caption(t("binary.loss.insight"))
    return p, label, y


def _inputs() -> tuple[float, str, float]:
    """Draw the logit's box and slider and the label's control; return x, its kind and y."""
    slider_ends = view.slider_ends(state.SLIDER_MIN, state.SLIDER_MAX)
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
    else:
        st.caption(t("error.using_last"))
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
    return x, label, state.label_value(label, soft)


def _figures(p: BinaryPrediction, label: str, y: float, height: int) -> SigmoidFigures:
    """Return σ(x) and σ'(x) with x marked on both, and the loss over x for y = 1, y = 0 (and a
    soft y) with the tangent at x: as drawn at rest, and what the browser needs to move x."""
    curve_x, curve_sigma, curve_sigma_grad = sigmoid_curves()
    off = t("binary.fig.off")
    sigmoid_text = {
        "title": t("binary.fig.sigmoid"),
        "sigma": t("binary.fig.sigma"),
        "grad": t("binary.fig.sigma_grad"),
        "x": t("binary.fig.x"),
        "off": off,
    }
    sigmoid = sigmoid_figure(
        curve_x, curve_sigma, curve_sigma_grad, p.x, p.sigma, p.sigma_grad, sigmoid_text, height
    )
    point = t("binary.fig.point", loss="{loss}", slope="{slope}")
    loss_range = view.loss_range(p.x)
    loss, curves, half_width, top = _loss(p, label, y, height, loss_range)
    low, high = state.SLIDER_MIN, state.SLIDER_MAX
    drag = None
    if loss_range != (low, high):  # widened to reach x: the hand brings x within
        at = explain_binary(min(max(p.x, low), high), y)
        figure, _, reach, highest = _loss(at, label, y, height, (low, high))
        drag = LossDrag(figure=figure, half_width=reach, top=highest)
    return SigmoidFigures(
        sigmoid=sigmoid,
        loss=loss,
        curves=curves,
        markers=sigmoid_markers(0.0, 0.5, 0.25),
        line=vline(0.0),
        note=point_label(0.0, 0.0, low, high, top, ""),
        point_text=point,
        half_width=half_width,
        top=top,
        loss_drag=drag,
    )


def _loss(
    p: BinaryPrediction, label: str, y: float, height: int, x_range: tuple[float, float]
) -> tuple[dict, int, float, float]:
    """Return the loss over ``x_range`` for y = 1, y = 0 (and a soft y) with the tangent at
    ``p.x``, its number of curves, how far the tangent reaches each side, and its top."""
    loss_x = sigmoid_curves(*x_range)[0]
    curves = [
        (t("binary.fig.y1"), loss_x, binary_loss_curve(loss_x, 1.0), "solid"),
        (t("binary.fig.y0"), loss_x, binary_loss_curve(loss_x, 0.0), "solid"),
    ]
    if label == "soft":
        soft_name = t("binary.fig.ysoft", y=view.label_text(y))
        curves.append((soft_name, loss_x, binary_loss_curve(loss_x, y), "dash"))
    loss_text = {
        "title": t("binary.fig.loss"),
        "x": t("binary.fig.x"),
        "loss": t("binary.fig.loss.axis"),
        "current": t("binary.fig.current"),
        "tangent": t("binary.fig.tangent"),
        "point": t("binary.fig.point", loss=numbers.bar(p.loss), slope=numbers.bar(p.grad)),
        "off": t("binary.fig.off"),
    }
    half_width = view.tangent_half_width(loss_x)
    tangent = tangent_line(p.x, p.loss, p.grad, half_width=half_width)
    figure = loss_figure(curves, p.x, p.loss, tangent, state.curve_of(label), loss_text, height)
    return figure, len(curves), half_width, curves_top(curves)


def _numbers(p: BinaryPrediction) -> None:
    """Draw σ, σ', the loss and the gradient, their equations and what a rounded σ means."""
    for column, name, value in zip(
        st.columns(4),
        ("sigma", "sigma_grad", "loss", "grad"),
        (p.sigma, p.sigma_grad, p.loss, p.grad),
        strict=True,
    ):
        column.metric(
            t(f"binary.m.{name}"),
            numbers.bar(value, 4),
            help=t("binary.full", value=view.full(value)),
        )
    sigmoid_equations, loss_equations = st.columns(2, gap="large")
    sigmoid_equations.latex(view.latex_sigmoid(p))
    sigmoid_equations.latex(view.latex_sigmoid_grad(p))
    loss_equations.latex(view.latex_loss(p))
    loss_equations.latex(view.latex_grad(p))
    if p.sigma == 0.0:
        st.info(t("binary.sigma_zero", log=view.full(p.log_sigma)), icon=":material/info:")
    elif p.sigma == 1.0:
        st.info(t("binary.sigma_one", log=view.full(p.log_one_minus_sigma)), icon=":material/info:")
    if p.naive_is_off:
        st.warning(
            t("binary.naive_breaks", value=view.full(p.naive_loss)), icon=":material/warning:"
        )
