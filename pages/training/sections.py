"""The Training page's results, drawn in the order of the screen; the page script calls them.

Each function takes the runs of :mod:`pages.training.model` and draws them with the figures and
:mod:`pages.training.view`'s formats; no maths here. Losses and gradient norms are printed with
:func:`pages.training.view.loss_text`, probabilities with
:func:`pages.training.view.probability_text`, wherever they appear.
"""

from __future__ import annotations

import streamlit as st

from lab import numbers
from lab.charts import chart
from lab.language import t
from lab.presentation import presenting
from pages.training.figures import (
    BARS_HEIGHT,
    BARS_HEIGHT_PRESENTED,
    descent_curves_figure,
    logit_animation_figure,
)
from pages.training.model import LogitDescent
from pages.training.view import loss_text, probability_text


def part_heading(header: str, intro: str, rule: str | None = None) -> None:
    """Draw a part's heading, its introduction and its rule (LaTeX).

    On a projector the introduction and the rule fold into an expander labelled with the
    heading, so that the part's inputs and first chart share the first screen.
    """
    if presenting():
        where = st.expander(f"**{header}**")
    else:
        st.header(header)
        where = st.container()
    where.markdown(intro)
    if rule is not None:
        where.latex(rule)


def animation_text() -> dict[str, str]:
    """Return the play / pause / step labels of both animated charts."""
    return {
        "play": t("training.fig.play"),
        "pause": t("training.fig.pause"),
        "step": t("training.fig.step"),
    }


def logit_numbers(run: LogitDescent, ok: bool) -> None:
    """Draw the descent's final loss, a_j, best possible a_j and gradient norm, and the rule."""
    loss_column, a_column, optimum_column, norm_column = st.columns(4)
    loss_column.metric(
        t("training.metric.loss"),
        loss_text(run.loss[-1]),
        help=t("training.full", value=numbers.full(float(run.loss[-1]))),
    )
    a_column.metric(t("training.metric.a_j"), probability_text(run.a[-1, run.target]))
    optimum_column.metric(
        t("training.metric.optimum"),
        probability_text(run.optimum[run.target]),
        help=t("training.metric.optimum.help"),
    )
    norm_column.metric(t("training.metric.norm"), loss_text(run.grad_norm[-1]))
    if not ok:
        st.caption(t("error.using_last"))
    st.latex(t("training.rule"))


def logit_bars(run: LogitDescent, frames: list[int], names: list[str]) -> None:
    """Draw the animated bars of a moving toward the target q (lower on a projector)."""
    chart(
        logit_animation_figure(
            frames,
            run.a[frames],
            run.z[frames],
            run.loss[frames],
            run.grad_norm[frames],
            run.target,
            run.optimum,
            names,
            {
                "title": t("training.fig.bars"),
                "frame": t("training.fig.bars.frame"),
                "a": t("training.fig.a"),
                "q": t("training.fig.q"),
                "optimum": t("training.fig.optimum"),
                **animation_text(),
            },
            height=BARS_HEIGHT_PRESENTED if presenting() else BARS_HEIGHT,
        ),
        "tr_bars",
    )


def logit_curves(run: LogitDescent) -> None:
    """Draw the loss and the gradient norm per step, and what the page says about their end."""
    chart(
        descent_curves_figure(
            run.loss,
            run.grad_norm,
            run.min_loss,
            {
                "title": t("training.fig.curves"),
                "loss": t("training.fig.loss"),
                "norm": t("training.fig.norm"),
                "floor": t("training.fig.floor"),
                "log": t("training.fig.log"),
                "steps": t("training.fig.steps"),
            },
        ),
        "tr_curves",
    )
    if run.label_smoothing > 0:
        st.info(
            t(
                "training.smoothing_floor",
                optimum=probability_text(run.optimum[run.target]),
                floor=loss_text(run.min_loss),
            ),
            icon=":material/flag:",
        )
    else:
        st.info(t("training.never_zero"), icon=":material/all_inclusive:")
    if run.first_zero_loss is not None:
        st.caption(t("training.rounded_zero", step=run.first_zero_loss))
    if run.first_infinite_loss is not None:
        st.caption(t("training.infinite", step=run.first_infinite_loss))
