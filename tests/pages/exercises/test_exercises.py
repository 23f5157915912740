"""The Exercises page in AppTest: right answers accepted, mistakes hinted, bad input explained
under its box, and the teacher's link fixing the problem without carrying any answer."""

from __future__ import annotations

import pytest

from ce_core import parse_vector
from lab.i18n import translate
from pages.exercises import view
from pages.exercises.checking import check
from pages.exercises.model import KINDS, generate

from ..apptest import open_page
from .oracle import answers, typed
from .test_model import MISTAKES, mistake_problem


def solve(kind: str, seed: int, texts: dict[str, str], lang: str = "en"):
    """Open the problem, type ``texts`` in its boxes, press Check; return the AppTest."""
    at = open_page("exercises", lang, kind=kind, seed=str(seed))
    for name, text in texts.items():
        at.text_input(key=f"ex_answer_{name}").set_value(text)
    at.button(key="ex_check").click().run()
    assert not at.exception, at.exception
    return at


def page_is_whole(at, kind: str, seed: int, lang: str) -> None:
    """The problem, its boxes, the buttons and the progress section are all still there."""
    p = generate(kind, seed)
    names = translate(f"exercises.kind.{kind}", lang)
    subheaders = [s.value for s in at.subheader]
    assert translate("exercises.problem", lang, kind=names, seed=seed) in subheaders
    assert translate("exercises.progress", lang) in subheaders
    assert at.latex[0].value.strip("$\n") == view.given(p)
    for part in p.parts:
        at.text_input(key=f"ex_answer_{part.name}")
    at.button(key="ex_check")
    at.button(key="ex_solution")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", [1, 42, 2024])
def test_the_mpmath_answer_is_accepted(kind, seed):
    lang = "zh" if seed == 42 else "en"
    texts = {name: typed(values) for name, values in answers(generate(kind, seed)).items()}
    at = solve(kind, seed, texts, lang)
    assert [s.value for s in at.success] == [translate("exercises.result.solved", lang)]
    assert not at.warning and not at.error
    summary = translate("exercises.progress.summary", lang, solved=1, tried=1)
    assert summary in [m.value for m in at.markdown]


@pytest.mark.parametrize(
    ("kind", "condition", "wrong", "hint"), MISTAKES, ids=[m[3] for m in MISTAKES]
)
def test_each_typical_mistake_shows_its_hint(kind, condition, wrong, hint):
    p, texts = mistake_problem(kind, condition, wrong, hint)
    at = solve(kind, p.seed, texts)
    marks = check(p, {name: parse_vector(text) for name, text in texts.items()})
    params = next(m.params for m in marks.values() if m.hint == hint)
    text = translate(f"exercises.hint.{hint}", "en", **(view.task_params(p) | params))
    assert translate("exercises.hint", "en", text=text) in [w.value for w in at.warning]
    assert not at.success
    assert any(":red[" in m.value for m in at.markdown)


def test_a_right_answer_with_chinese_punctuation_is_accepted():
    values = answers(generate("softmax", 5))["a"]
    at = solve("softmax", 5, {"a": "［" + "，".join(f"{v:.4g}" for v in values) + "］"}, "zh")
    assert at.success


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_input_gets_the_translated_error_and_the_page_stays_whole(lang):
    at = solve("gradient", 42, {"grad": "0.1, abc, 0.3"}, lang)
    # the typed token is quoted as code (lab.safe_text): shown as typed, never as markup
    expected = translate("error.bad_token", lang, token="`abc`", position=2, column=5, character=6)
    assert [e.value for e in at.error] == [expected]
    assert not at.success and not at.warning
    page_is_whole(at, "gradient", 42, lang)
    assert at.text_input(key="ex_answer_grad").value == "0.1, abc, 0.3"


def test_too_few_numbers_are_counted_under_the_box():
    p = generate("gradient", 42)
    at = solve("gradient", 42, {"grad": "0.1, 0.2"})
    expected = translate("exercises.error.count", "en", expected=p.num_classes, count=2)
    assert [e.value for e in at.error] == [expected]
    page_is_whole(at, "gradient", 42, "en")


def test_an_empty_box_checked_says_to_type_a_number():
    at = solve("loss", 3, {})
    assert [e.value for e in at.error] == [translate("error.empty", "en")]


def test_the_link_restores_kind_and_seed_and_never_holds_an_answer():
    at = open_page("exercises", "zh", kind="gradient", seed="42")
    assert (at.session_state["kind"], at.session_state["seed"]) == ("gradient", 42)
    assert at.selectbox(key="kind").value == "gradient"
    assert len(at.latex) == 1  # the given numbers; no solution until asked
    at.text_input(key="ex_answer_grad").set_value("0.5, -0.5, 0").run()
    at.button(key="ex_check").click().run()
    assert dict(at.query_params) == {"kind": "gradient", "seed": "42", "lang": "zh"}
    at.button(key="ex_solution").click().run()
    assert len(at.latex) > 1
    assert dict(at.query_params) == {"kind": "gradient", "seed": "42", "lang": "zh"}


def test_a_bad_link_is_ignored_with_a_notice():
    at = open_page("exercises", "en", kind="nonsense", seed="-3")
    assert (at.session_state["kind"], at.session_state["seed"]) == ("softmax", 1)
    assert at.warning  # the shared notice naming the ignored keys


def test_new_problem_draws_another_seed_and_empties_the_boxes():
    at = open_page("exercises", "en", kind="loss", seed="42")
    at.text_input(key="ex_answer_loss").set_value("1.23").run()
    at.button(key="ex_new").click().run()
    assert at.session_state["kind"] == "loss" and at.session_state["seed"] != 42
    assert at.text_input(key="ex_answer_loss").value == ""
    assert at.query_params["seed"] == str(at.session_state["seed"])


def test_the_solution_links_to_the_lesson_with_the_same_numbers():
    at = open_page("exercises", "en", kind="shift", seed="42")
    at.button(key="ex_solution").click().run()
    p = generate("shift", 42)
    z = ",".join(f"{v:g}" for v in p.z)
    link = f"/stability?st_dtype=float32&st_z={z}&lang=en"
    label = translate("exercises.link.stability", "en")
    assert f"[{label}]({link})" in [m.value for m in at.markdown]


def test_progress_counts_solved_and_tried_per_kind():
    p = generate("loss", 42)
    at = solve("loss", 42, {"loss": "99"})
    right = typed(answers(p)["loss"])
    at.text_input(key="ex_answer_loss").set_value(right).run()
    at.button(key="ex_check").click().run()
    assert translate("exercises.progress.summary", "en", solved=1, tried=1) in [
        m.value for m in at.markdown
    ]
    frame = at.table[0].value
    assert frame.loc[translate("exercises.kind.loss", "en")].tolist() == [1, 1]
