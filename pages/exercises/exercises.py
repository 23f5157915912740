"""Exercises: the lecture note's worked example as problems a student solves and the app checks."""

import functools

import streamlit as st

from ce_core import parse_vector
from lab import urlstate
from lab.downloads import downloads
from lab.header import page_header
from lab.inputs import error_text
from lab.language import lang, t
from lab.presentation import presenting
from pages.exercises import solution, state, view
from pages.exercises.checking import check
from pages.exercises.model import KINDS, MAX_SEED, generate

page_header("exercises")
state.init()
urlstate.sync("exercises", state.URL_FIELDS)
state.follow_problem()

kind_column, seed_column, new_column, links = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
kind_names = {kind: t(f"exercises.kind.{kind}") for kind in KINDS}  # translated in this run
kind_column.selectbox(t("exercises.kind"), KINDS, key="kind", format_func=kind_names.get)
seed_column.number_input(
    t("exercises.seed"),
    min_value=0,
    max_value=MAX_SEED,
    step=1,
    key="seed",
    help=t("exercises.seed.help"),
)
new_column.button(
    t("exercises.new"),
    key="ex_new",
    on_click=state.new_problem,
    icon=":material/casino:",
    width="stretch",
)
with links:
    urlstate.share_and_reset("exercises", state.URL_FIELDS, state.reset)

kind, seed = state.current()
problem = generate(kind, seed)
params = view.task_params(problem)
st.subheader(t("exercises.problem", kind=kind_names[kind], seed=seed))
st.markdown(t(f"exercises.task.{problem.variant}", **params))
st.latex(view.given(problem))
st.markdown(t("exercises.tolerance"))

checking = state.check_requested()
answers, texts = {}, {}
for part in problem.parts:
    key = state.answer_key(part.name)
    st.session_state.setdefault(key, "")
    text = st.text_input(
        t(f"exercises.part.{part.name}", **params),
        key=key,
        help=t("exercises.part.help"),
    )
    texts[part.name] = text
    if not text.strip() and not checking:
        continue
    try:
        values = parse_vector(text, allow_nan=False, allow_inf=False, max_count=100)
    except ValueError as exc:
        st.error(error_text(exc), icon=":material/error:")
        continue
    if values.size != part.size:
        st.error(
            t("exercises.error.count", expected=part.size, count=values.size),
            icon=":material/error:",
        )
        continue
    answers[part.name] = values

buttons = st.container(horizontal=True)
buttons.button(
    t("exercises.check"),
    key="ex_check",
    on_click=state.request_check,
    type="primary",
    icon=":material/task_alt:",
)
shown = state.solution_shown()
buttons.button(
    t("exercises.solution.hide" if shown else "exercises.solution.show"),
    key="ex_solution",
    on_click=state.toggle_solution,
    icon=":material/visibility_off:" if shown else ":material/visibility:",
)
st.caption(t("exercises.private"))

complete = len(answers) == len(problem.parts)
if checking and complete:
    state.store_check(problem, texts, check(problem, answers))
marks = state.last_marks(problem, texts) if complete else None
if marks is not None:
    wrong = sum(int((~m.right).sum()) for m in marks.values())
    total = sum(part.size for part in problem.parts)
    for part in problem.parts:
        labels = [t("class_n", n=k + 1) for k in range(part.size)] if part.size > 1 else []
        st.markdown(view.marks_markdown(answers[part.name], marks[part.name], labels))
        hint = marks[part.name].hint
        if hint is not None:
            text = t(f"exercises.hint.{hint}", **(params | marks[part.name].params))
            st.warning(t("exercises.hint", text=text), icon=":material/lightbulb:")
    if wrong:
        st.info(t("exercises.result.wrong", wrong=wrong, total=total), icon=":material/edit:")
    else:
        st.success(t("exercises.result.solved"), icon=":material/check_circle:")

if shown:
    st.subheader(t("exercises.steps"))
    for text_key, step_params, lines in solution.solution(problem):
        st.markdown(t(text_key, **(params | step_params)))
        for line in lines:
            st.latex(line)
    page, link = view.lesson_link(problem, lang(), presenting())
    st.markdown(f"[{t(f'exercises.link.{page}')}]({link})")

st.subheader(t("exercises.progress"))
rows = state.record()
summary = state.summary(rows)
if summary:
    solved = sum(c["solved"] for c in summary.values())
    tried = sum(c["tried"] for c in summary.values())
    st.markdown(t("exercises.progress.summary", solved=solved, tried=tried))
    st.table(view.progress_table(summary, t).set_index(t("exercises.col.kind")))
else:
    st.markdown(t("exercises.progress.none"))
downloads("exercises", functools.partial(view.record_table, rows), view.record_data(rows, summary))
