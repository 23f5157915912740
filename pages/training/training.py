"""Page 5, Training: gradient descent on the logits themselves, then softmax regression."""

import functools

import streamlit as st

from ce_core import DATASETS, check_logits, sample_steps
from lab import urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import checked_target, vector_input
from lab.language import t
from pages.training import state
from pages.training.figures import (
    descent_curves_figure,
    fit_curves_figure,
    logit_animation_figure,
    regions_animation_figure,
)

page_header("tr")
state.init()
urlstate.sync("training", state.URL_FIELDS)
animation_text = {"play": t("tr.fig.play"), "pause": t("tr.fig.pause"), "step": t("tr.fig.step")}

# Part 1: gradient descent on one example's logits.
st.header(t("tr.logits.header"))
st.markdown(t("tr.logits.intro"))
preset_columns = st.columns(len(state.PRESETS))
for column, name in zip(preset_columns, state.PRESETS, strict=True):
    column.button(
        t(f"tr.preset.{name}"),
        key=f"tr_preset_{name}",
        on_click=state.apply_preset,
        args=(name,),
        width="stretch",
    )

inputs, outputs = st.columns([1, 2], gap="large")
with inputs:
    urlstate.share_and_reset("training", state.URL_FIELDS, state.reset)
    z, ok = vector_input(
        "tr_z",
        t("tr.z"),
        help=t("tr.z.help"),
        allow_inf=False,
        max_count=state.MAX_LOGITS,
        check=check_logits,
    )
    if z is None:  # nothing valid typed yet in this session
        z = state.fallback_logits()
    target = st.number_input(t("tr.y"), min_value=1, step=1, key="tr_y", persist_state="session")
    target = checked_target(target, z.size, memory="_valid_tr_y")
    learning_rate = st.select_slider(
        t("tr.lr"), state.LEARNING_RATES, key="tr_lr", help=t("tr.lr.help"), persist_state="session"
    )
    steps = st.slider(t("tr.steps"), 1, state.MAX_STEPS, key="tr_steps", persist_state="session")
    smoothing = st.slider(
        t("tr.eps"),
        0.0,
        0.5,
        step=0.01,
        key="tr_eps",
        help=t("tr.eps.help"),
        persist_state="session",
    )

run = state.logit_run(tuple(float(v) for v in z), target - 1, learning_rate, steps, smoothing)
frames = sample_steps(steps, state.LOGIT_FRAMES)
names = [str(k + 1) for k in range(z.size)]

with outputs:
    loss_column, a_column, optimum_column, norm_column = st.columns(4)
    loss_column.metric(
        t("tr.metric.loss"),
        f"{run.loss[-1]:.3g}",
        help=t("tr.full", value=repr(float(run.loss[-1]))),
    )
    a_column.metric(t("tr.metric.a_j"), f"{run.a[-1, run.target]:.6f}")
    optimum_column.metric(
        t("tr.metric.optimum"),
        f"{run.optimum[run.target]:.6g}",
        help=t("tr.metric.optimum.help"),
    )
    norm_column.metric(t("tr.metric.norm"), f"{run.grad_norm[-1]:.3g}")
    if not ok:
        st.caption(t("error.using_last"))
    st.latex(t("tr.rule"))
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
                "title": t("tr.fig.bars"),
                "frame": t("tr.fig.bars.frame"),
                "a": t("tr.fig.a"),
                "q": t("tr.fig.q"),
                "optimum": t("tr.fig.optimum"),
                "class": t("class"),
                **animation_text,
            },
        ),
        "tr_bars",
    )
    chart(
        descent_curves_figure(
            run.loss,
            run.grad_norm,
            run.min_loss,
            {
                "title": t("tr.fig.curves"),
                "loss": t("tr.fig.loss"),
                "norm": t("tr.fig.norm"),
                "floor": t("tr.fig.floor"),
                "log": t("tr.fig.log"),
                "steps": t("tr.fig.steps"),
            },
        ),
        "tr_curves",
    )
    if run.label_smoothing > 0:
        st.info(
            t(
                "tr.smoothing_floor",
                optimum=f"{run.optimum[run.target]:.6g}",
                floor=f"{run.min_loss:.6g}",
            ),
            icon=":material/flag:",
        )
    else:
        st.info(t("tr.never_zero"), icon=":material/all_inclusive:")
    if run.first_zero_loss is not None:
        st.caption(t("tr.rounded_zero", step=run.first_zero_loss))
    if run.first_infinite_loss is not None:
        st.caption(t("tr.infinite", step=run.first_infinite_loss))
    downloads(
        "training_logits", functools.partial(state.logit_history, run), state.logit_record(run)
    )

# Part 2: softmax regression on a two-dimensional toy data set.
st.divider()
st.header(t("tr.reg.header"))
st.markdown(t("tr.reg.intro"))
st.latex(t("tr.reg.rule"))

inputs, outputs = st.columns([1, 2], gap="large")
with inputs:
    dataset = st.segmented_control(
        t("tr.data"),
        DATASETS,
        key="tr_data",
        format_func=lambda name: t(f"tr.data.{name}"),
        required=True,
        persist_state="session",
    )
    num_classes = st.slider(t("tr.k"), *state.CLASS_RANGE, key="tr_k", persist_state="session")
    points = st.slider(t("tr.n"), 10, 200, step=10, key="tr_n", persist_state="session")
    noise = st.slider(
        t("tr.noise"),
        0.0,
        0.5,
        step=0.05,
        key="tr_noise",
        help=t("tr.noise.help"),
        persist_state="session",
    )
    seed = st.number_input(
        t("tr.seed"),
        min_value=0,
        max_value=state.MAX_SEED,
        step=1,
        key="tr_seed",
        help=t("tr.seed.help"),
        persist_state="session",
    )
    quadratic = st.toggle(
        t("tr.quad"), key="tr_quad", help=t("tr.quad.help"), persist_state="session"
    )
    rate = st.select_slider(
        t("tr.rlr"), state.REGRESSION_RATES, key="tr_rlr", persist_state="session"
    )
    regression_steps = st.slider(
        t("tr.rsteps"), 1, state.MAX_STEPS, key="tr_rsteps", persist_state="session"
    )

view = state.regression_run(
    dataset, num_classes, points, noise, int(seed), quadratic, rate, regression_steps
)
fit = view.run
class_names = [t("class_n", n=k + 1) for k in range(num_classes)]

with outputs:
    loss_column, start_column, accuracy_column = st.columns(3)
    loss_column.metric(t("tr.reg.metric.loss"), f"{fit.loss[-1]:.4f}")
    start_column.metric(t("tr.reg.metric.start"), f"{fit.loss[0]:.4f}")
    accuracy_column.metric(t("tr.reg.metric.accuracy"), f"{100 * fit.accuracy[-1]:.1f}%")
    chart(
        regions_animation_figure(
            view.xs,
            view.ys,
            view.regions,
            fit.frames,
            fit.loss[fit.frames],
            fit.accuracy[fit.frames],
            view.X,
            view.labels,
            class_names,
            {
                "title": t("tr.fig.regions"),
                "frame": t("tr.fig.regions.frame"),
                "x1": t("tr.fig.x1"),
                "x2": t("tr.fig.x2"),
                **animation_text,
            },
        ),
        "tr_regions",
    )
    if fit.loss[-1] > fit.loss[0]:
        st.warning(t("tr.reg.too_fast"), icon=":material/trending_up:")
    st.caption(t("tr.reg.note.quadratic" if quadratic else "tr.reg.note.linear"))
    if dataset in ("rings", "spirals"):
        st.info(t(f"tr.reg.note.{dataset}"), icon=":material/lightbulb:")
    chart(
        fit_curves_figure(
            fit.loss,
            fit.accuracy,
            {
                "title": t("tr.fig.fit"),
                "loss": t("tr.fig.mean_loss"),
                "accuracy": t("tr.fig.accuracy"),
                "steps": t("tr.fig.steps"),
            },
        ),
        "tr_fit",
    )
    downloads(
        "training_regression",
        functools.partial(state.regression_history, fit),
        state.regression_record(
            fit,
            {
                "dataset": dataset,
                "classes": num_classes,
                "points_per_class": points,
                "noise": noise,
                "seed": int(seed),
                "extra_features": quadratic,
                "learning_rate": rate,
                "steps": regression_steps,
            },
        ),
    )
