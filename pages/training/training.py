"""Page 5, Training: gradient descent on the logits themselves, then softmax regression."""

import functools

import streamlit as st

from ce_core import check_logits
from lab import urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import checked_target, preset_row, vector_input
from lab.language import t
from lab.live import live_softmax, logits_into_box
from lab.presentation import presenting
from pages.training import sections, state, view
from pages.training.datasets import DATASETS
from pages.training.figures import fit_curves_figure
from pages.training.model import sample_steps
from pages.training.regions import regions_animation_figure

page_header("training")
state.init()
urlstate.sync("training", state.URL_FIELDS)

# Part 1: gradient descent on one example's logits.
sections.part_heading(t("training.logits.header"), t("training.logits.intro"))
preset_row(state.PRESETS, lesson="training", key_prefix="tr_preset_", on_click=state.apply_preset)

inputs, outputs = st.columns([1, 2], gap="large")
with inputs:
    urlstate.share_and_reset("training", state.URL_FIELDS, state.reset)
    z, ok = vector_input(
        "tr_z",
        t("training.z"),
        help=t("training.z.help", max=state.MAX_LOGITS),
        allow_inf=False,
        max_count=state.MAX_LOGITS,
        check=check_logits,
    )
    if z is None:  # nothing valid typed yet in this session
        z = state.fallback_logits()
    target = st.number_input(
        t("training.y"), min_value=1, step=1, key="tr_y", persist_state="session"
    )
    target = checked_target(target, z.size, memory="_valid_tr_y")
    learning_rate = st.select_slider(
        t("training.lr"),
        state.LEARNING_RATES,
        key="tr_lr",
        help=t("training.lr.help"),
        persist_state="session",
    )
    steps = st.slider(
        t("training.steps"), 1, state.MAX_STEPS, key="tr_steps", persist_state="session"
    )
    smoothing = st.slider(
        t("training.eps"),
        0.0,
        state.SMOOTHING_MAX,
        step=state.SMOOTHING_STEP,
        key="tr_eps",
        help=t("training.eps.help"),
        persist_state="session",
    )
    # The same logits as bars to drag (lab/live): the descent starts from where they are let go.
    live_softmax(
        z,
        target - 1,
        1.0,
        key="tr_live",
        classes=range(z.size),
        labels=[str(k + 1) for k in range(z.size)],
        temperatures=[1.0],
        figures=[],
        on_release=functools.partial(logits_into_box, "tr_z"),
        on_temperature=lambda _: None,  # no T here
        temperature_control=False,
        formula=False,  # the loss is the descent's (with label smoothing), shown beside
        source="tr_z",
    )

run = state.logit_run(tuple(float(v) for v in z), target - 1, learning_rate, steps, smoothing)
frames = sample_steps(steps, state.LOGIT_FRAMES)
names = [str(k + 1) for k in range(z.size)]

with outputs:
    if presenting():  # on a projector the bars come first, beside the inputs
        sections.logit_bars(run, frames, names)
        sections.logit_numbers(run, ok)
    else:
        sections.logit_numbers(run, ok)
        sections.logit_bars(run, frames, names)
    sections.logit_curves(run)
    downloads("training_logits", functools.partial(view.logit_history, run), view.logit_record(run))

# Part 2: softmax regression on a two-dimensional toy data set.
st.divider()
sections.part_heading(t("training.reg.header"), t("training.reg.intro"), t("training.reg.rule"))

inputs, outputs = st.columns([1, 2], gap="large")
with inputs:
    dataset = st.segmented_control(
        t("training.data"),
        DATASETS,
        key="tr_data",
        format_func=lambda name: t(f"training.data.{name}"),
        required=True,
        persist_state="session",
    )
    num_classes = st.slider(
        t("training.k"), *state.CLASS_RANGE, key="tr_k", persist_state="session"
    )
    points = st.slider(
        t("training.n"),
        *state.POINTS_RANGE,
        step=state.POINTS_STEP,
        key="tr_n",
        persist_state="session",
    )
    noise = st.slider(
        t("training.noise"),
        0.0,
        state.NOISE_MAX,
        step=state.NOISE_STEP,
        key="tr_noise",
        help=t("training.noise.help"),
        persist_state="session",
    )
    seed = st.number_input(
        t("training.seed"),
        min_value=0,
        max_value=state.MAX_SEED,
        step=1,
        key="tr_seed",
        help=t("training.seed.help"),
        persist_state="session",
    )
    quadratic = st.toggle(
        t("training.quad"), key="tr_quad", help=t("training.quad.help"), persist_state="session"
    )
    rate = st.select_slider(
        t("training.rlr"), state.REGRESSION_RATES, key="tr_rlr", persist_state="session"
    )
    regression_steps = st.slider(
        t("training.rsteps"), 1, state.MAX_STEPS, key="tr_rsteps", persist_state="session"
    )

trained = state.regression_run(
    dataset, num_classes, points, noise, int(seed), quadratic, rate, regression_steps
)
fit = trained.run
class_names = [t("class_n", n=k + 1) for k in range(num_classes)]

with outputs:
    loss_column, start_column, accuracy_column = st.columns(3)
    loss_column.metric(t("training.reg.metric.loss"), view.loss_text(fit.loss[-1]))
    start_column.metric(t("training.reg.metric.start"), view.loss_text(fit.loss[0]))
    accuracy_column.metric(t("training.reg.metric.accuracy"), view.percent(fit.accuracy[-1]))
    chart(
        regions_animation_figure(
            trained.xs,
            trained.ys,
            trained.regions,
            fit.frames,
            fit.loss[fit.frames],
            fit.accuracy[fit.frames],
            trained.X,
            trained.labels,
            class_names,
            {
                "title": t("training.fig.regions"),
                "frame": t("training.fig.regions.frame"),
                "x1": t("training.fig.x1"),
                "x2": t("training.fig.x2"),
                **sections.animation_text(),
            },
        ),
        "tr_regions",
    )
    if fit.loss[-1] > fit.loss[0]:
        st.warning(t("training.reg.too_fast"), icon=":material/trending_up:")
    st.caption(t("training.reg.note.quadratic" if quadratic else "training.reg.note.linear"))
    if dataset in ("rings", "spirals"):
        st.info(t(f"training.reg.note.{dataset}"), icon=":material/lightbulb:")
    chart(
        fit_curves_figure(
            fit.loss,
            fit.accuracy,
            {
                "title": t("training.fig.fit"),
                "loss": t("training.fig.mean_loss"),
                "accuracy": t("training.fig.accuracy"),
                "steps": t("training.fig.steps"),
            },
        ),
        "tr_fit",
    )
    downloads(
        "training_regression",
        functools.partial(view.regression_history, fit),
        view.regression_record(
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
