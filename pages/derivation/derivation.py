"""Page 2: the derivation of ∂L/∂z = a − y, step by step with the Playground's numbers."""

import functools
import math

import streamlit as st

from ce_core import InputError, check_logits
from lab import numbers, urlstate
from lab.charts import chart
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import checked_target, error_text, vector_input
from lab.language import t
from lab.live import logits_into_box
from pages.derivation import latex, state, view
from pages.derivation.figures import jacobian_figure, step_sweep_figure
from pages.derivation.model import chain_rule, check_gradient, two_class_sigmoid
from pages.playground import state as playground  # the example is the Playground's: z, y, T
from pages.playground.model import explain_logits, top_classes
from pages.playground.outputs import live_view

page_header("derivation")
state.init()
urlstate.sync("derivation", state.URL_FIELDS)

note, lecture, links = st.columns([3, 1, 2], vertical_alignment="center")
note.caption(t("derivation.shared"))
lecture.button(
    t("derivation.lecture"),
    key="dv_lecture",
    help=t("derivation.lecture.help"),
    on_click=state.use_lecture_example,
    icon=":material/school:",
    width="stretch",
)
with links:
    urlstate.share_and_reset("derivation", state.URL_FIELDS, state.reset)
z_column, y_column, t_column = st.columns([4, 2, 3])
with z_column:
    values, ok = vector_input(
        "z", t("derivation.z"), help=t("derivation.z.help"), allow_inf=True, check=check_logits
    )
with y_column:
    target = st.number_input(
        t("derivation.y"), min_value=1, step=1, key="y", persist_state="session"
    )
with t_column:
    temperature = st.select_slider(
        t("derivation.T"),
        playground.TEMPERATURES,
        key="T",
        help=t("derivation.T.help"),
        persist_state="session",
    )

if values is None:  # nothing valid typed yet in this session
    values = playground.fallback_values("text")
num_classes = len(values)
target = checked_target(target, num_classes, memory="_valid_y", where=y_column)
if not ok:
    st.caption(t("error.using_last"))

c = chain_rule(values, target - 1, temperature)
j, u = c.target + 1, "z" if c.temperature == 1.0 else "u"
shown = view.vector_classes(c.a, c.target)
checked = top_classes(c.a, c.target)
if len(shown) < num_classes:
    st.caption(t("derivation.top", shown=len(shown), total=num_classes))

chain_tab, jacobian_tab, check_tab, sigmoid_tab = st.tabs(
    [
        t("derivation.tab.chain"),
        t("derivation.tab.jacobian"),
        t("derivation.tab.check"),
        t("derivation.tab.sigmoid"),
    ]
)

with chain_tab:
    st.markdown(
        t("derivation.step.forward" if c.temperature == 1.0 else "derivation.step.forward_T", j=j)
    )
    st.latex(latex.latex_forward(c, shown))
    st.markdown(t("derivation.step.loss"))
    st.latex(latex.latex_loss(c))
    if c.a[c.target] == 0 and math.isfinite(c.loss):
        st.info(t("derivation.loss.underflow", j=j, u=u), icon=":material/info:")
    st.markdown(t("derivation.step.chain"))
    st.latex(latex.stacked(latex.latex_chain(c)))
    st.markdown(t("derivation.step.softmax"))
    st.latex(latex.stacked(latex.latex_softmax(c)))
    st.markdown(t("derivation.case.same", j=j))
    for line in latex.latex_same_class(c):
        st.latex(latex.stacked(line))
    st.markdown(t("derivation.case.other", i=c.other + 1))
    for line in latex.latex_other_class(c):
        st.latex(latex.stacked(line))
    if not c.invertible:
        st.warning(t("derivation.zero_aj", j=j), icon=":material/warning:")
    st.markdown(t("derivation.step.result"))
    st.latex(latex.latex_result(c, shown))
    if c.temperature != 1.0:
        st.markdown(t("derivation.step.temperature", T=numbers.sig(c.temperature)))
        st.latex(latex.latex_temperature(c, shown))
    # The Playground's live widget: drag a logit and watch a, the loss and a - y move.
    st.markdown(t("derivation.live"))
    live_view(
        explain_logits(values, c.target, c.temperature),
        [str(k + 1) for k in range(num_classes)],
        [int(k) for k in checked],
        draggable=True,
        key="dv_live",
        rows=None,
        on_release=functools.partial(logits_into_box, "z"),
        temperature_control=False,  # the page's own T is at the top
        side_by_side=True,
        source="z",
    )

with jacobian_tab:
    st.markdown(t("derivation.jac.intro"))
    st.latex(latex.stacked(latex.latex_jacobian(c)))
    cells = view.jacobian_classes(c.a, c.target)
    chart(
        jacobian_figure(
            c.jacobian[cells][:, cells],
            [str(k + 1) for k in cells],
            cells.tolist().index(c.target),
            {
                "title": t("derivation.fig.jacobian"),
                "rows": t("derivation.fig.rows"),
                "columns": t("derivation.fig.columns"),
            },
        ),
        "dv_chart_jacobian",
    )
    if len(cells) < num_classes:
        st.caption(t("derivation.jac.subset", shown=len(cells), total=num_classes))
    symmetric, rows, product = st.columns(3)
    symmetric.metric(
        t("derivation.jac.symmetric"),
        view.small(c.symmetry_error),
        help=t("derivation.jac.symmetric.help"),
    )
    rows.metric(
        t("derivation.jac.rows"), view.small(c.row_sum_error), help=t("derivation.jac.rows.help")
    )
    product.metric(
        t("derivation.jac.chain"), view.small(c.chain_error), help=t("derivation.jac.chain.help")
    )
    if max(c.symmetry_error, c.row_sum_error, c.chain_error) > 0:
        st.caption(t("derivation.jac.roundoff"))
    st.markdown(t("derivation.jac.backprop"))
    st.latex(latex.latex_backprop(c, shown))
    if not c.invertible:
        st.warning(t("derivation.jac.zero"), icon=":material/warning:")

with check_tab:
    try:
        check = check_gradient(values, c.target, c.temperature, classes=checked)
    except InputError as exc:  # a masked true class: the loss is infinite everywhere
        st.info(error_text(exc), icon=":material/block:")
    else:
        st.markdown(t("derivation.check.intro", eps=latex.number(check.step, 3)))
        table, verdict = st.columns([3, 1])
        table.dataframe(view.gradient_table(check, c.temperature, t), hide_index=True)
        verdict.metric(
            t("derivation.check.error"),
            view.small(check.error),
            help=t("derivation.check.error.help"),
        )
        verdict.caption(t("derivation.check.rule"))
        if len(checked) < num_classes:
            st.caption(t("derivation.check.subset", shown=len(checked), total=num_classes))
        if len(check.classes) < len(checked):
            st.caption(t("derivation.check.masked"))
        st.markdown(t("derivation.sweep.title"))
        sweep = state.cached_step_sweep(values, c.target, c.temperature, tuple(checked.tolist()))
        chart(
            step_sweep_figure(
                sweep.steps,
                sweep.errors,
                sweep.best,
                {
                    "title": t("derivation.fig.sweep"),
                    "step": t("derivation.fig.step"),
                    "error": t("derivation.fig.error"),
                    "best": t("derivation.fig.best", eps="{eps}"),
                    "truncation": t("derivation.fig.truncation"),
                    "roundoff": t("derivation.fig.roundoff"),
                },
            ),
            "dv_chart_sweep",
        )
        for name, best in sweep.best.items():
            if math.isnan(best):
                st.caption(t("derivation.sweep.nan", dtype=name))
        st.markdown(t("derivation.sweep.explain"))

with sigmoid_tab:
    st.markdown(t("derivation.sig.intro"))
    st.latex(latex.SIGMOID)
    st.markdown(t("derivation.sig.identity"))
    st.latex(latex.TWO_CLASSES)
    example = t("derivation.pair.placeholder", z1=values[0], z2=values[1])
    with st.columns([2, 3])[0]:
        z1, z2 = view.pair_input(t("derivation.pair"), t("derivation.pair.help"), example, values)
    try:
        pair = two_class_sigmoid(z1, z2, c.temperature)
    except InputError as exc:
        masked = exc.code == "all_masked"
        st.info(t("derivation.sig.masked") if masked else error_text(exc), icon=":material/block:")
    else:
        st.markdown(t("derivation.sig.numbers", z1=latex.typed(z1), z2=latex.typed(z2)))
        st.latex(latex.latex_two_classes(pair, z1, z2, c.temperature))
        plain = "_1" if c.temperature == 1.0 else ""
        left, right, slope_left, slope_right = st.columns(4)
        left.metric(t("derivation.sig.softmax"), numbers.sig(pair.softmax[1], 10))
        right.metric(t(f"derivation.sig.sigmoid{plain}"), numbers.sig(pair.sigmoid[1], 10))
        slope_left.metric(t(f"derivation.sig.jacobian{plain}"), numbers.sig(pair.jacobian, 10))
        slope_right.metric(t("derivation.sig.slope"), numbers.sig(pair.slope, 10))
        st.caption(t("derivation.sig.difference", value=view.small(pair.difference)))

downloads("derivation", functools.partial(view.steps_table, c, values), view.record(c, values))
