"""The Exercises page's state: which problem (``kind``, ``seed``, both in the link), the answer
boxes ``ex_answer_<part>`` (never in the link), the last check, the solution's visibility, and
the session's record of problems tried.
"""

from __future__ import annotations

import secrets

import streamlit as st

from lab import urlstate
from pages.exercises.checking import Marked
from pages.exercises.model import KINDS, MAX_SEED, Problem

DEFAULTS = {"kind": "softmax", "seed": 1}

# No defaults: a teacher's link always carries both, so it means the same problem for everyone.
URL_FIELDS = (urlstate.choice("kind", KINDS), urlstate.integer("seed", 0, MAX_SEED))

_SHOWN = "_ex_solution_shown"  # the (kind, seed) whose solution is shown, or None
_RESULT = "_ex_result"  # the last check: (kind, seed), the texts checked, their marks
_RECORD = "_ex_record"  # {(kind, seed): {"attempts", "solved", "solution_seen"}}
_PROBLEM = "_ex_problem"  # the (kind, seed) the answer boxes belong to
_CHECK = "_ex_check_requested"


def answer_key(part: str) -> str:
    """Return the key of the answer box of ``part``."""
    return f"ex_answer_{part}"


def init() -> None:
    """Give the problem its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault(_RECORD, {})


def current() -> tuple[str, int]:
    """Return the problem on screen as (kind, seed)."""
    kind = st.session_state.get("kind")
    seed = st.session_state.get("seed")
    kind = kind if kind in KINDS else DEFAULTS["kind"]
    seed = int(seed) if isinstance(seed, int | float) and 0 <= seed <= MAX_SEED else 1
    return kind, seed


def follow_problem() -> None:
    """Empty the answer boxes and hide the solution when another problem is on screen."""
    problem = current()
    if st.session_state.get(_PROBLEM) != problem:
        st.session_state[_PROBLEM] = problem
        for key in [k for k in st.session_state if str(k).startswith("ex_answer_")]:
            st.session_state[key] = ""
        st.session_state[_SHOWN] = None


def new_problem() -> None:
    """Callback: draw another problem number of the same kind."""
    old = st.session_state.get("seed")
    seed = old
    while seed == old:
        seed = secrets.randbelow(MAX_SEED + 1)
    st.session_state["seed"] = seed


def reset() -> None:
    """Callback: the default problem (the record of the session stays)."""
    st.session_state.update(DEFAULTS)


def request_check() -> None:
    """Callback of *Check*: the run that follows checks the boxes."""
    st.session_state[_CHECK] = True


def check_requested() -> bool:
    """Return (once) whether *Check* was just pressed."""
    return bool(st.session_state.pop(_CHECK, False))


def toggle_solution() -> None:
    """Callback: show or hide the solution of the problem on screen (showing it is recorded)."""
    problem = current()
    if solution_shown():
        st.session_state[_SHOWN] = None
        return
    st.session_state[_SHOWN] = problem
    entry = _entry(problem)
    entry["solution_seen"] = True


def solution_shown() -> bool:
    """Return whether the solution of the problem on screen is shown."""
    return st.session_state.get(_SHOWN) == current()


def _entry(problem: tuple[str, int]) -> dict:
    record = st.session_state.setdefault(_RECORD, {})
    return record.setdefault(problem, {"attempts": 0, "solved": False, "solution_seen": False})


def store_check(problem: Problem, texts: dict[str, str], marks: dict[str, Marked]) -> None:
    """Keep the marks of a check, and count it in the session's record."""
    key = (problem.kind, problem.seed)
    st.session_state[_RESULT] = (key, dict(texts), marks)
    entry = _entry(key)
    entry["attempts"] += 1
    entry["solved"] = entry["solved"] or all(m.solved for m in marks.values())


def last_marks(problem: Problem, texts: dict[str, str]) -> dict[str, Marked] | None:
    """Return the marks of the last check if it was of these very answers, else None."""
    result = st.session_state.get(_RESULT)
    if result is None:
        return None
    key, checked, marks = result
    return marks if key == (problem.kind, problem.seed) and checked == texts else None


def record() -> list[dict]:
    """Return the session's record: one dict per problem checked or looked up, in order."""
    return [
        {"kind": kind, "seed": seed, **entry}
        for (kind, seed), entry in st.session_state.get(_RECORD, {}).items()
        if entry["attempts"] or entry["solution_seen"]
    ]


def summary(rows: list[dict]) -> dict[str, dict[str, int]]:
    """Return, per kind with a problem checked: how many tried and how many solved."""
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        if not row["attempts"]:
            continue
        kind = counts.setdefault(row["kind"], {"tried": 0, "solved": 0})
        kind["tried"] += 1
        kind["solved"] += int(row["solved"])
    return {kind: counts[kind] for kind in KINDS if kind in counts}


def typed_values(part: str) -> str:
    """Return the text of the answer box of ``part``."""
    value = st.session_state.get(answer_key(part))
    return value if isinstance(value, str) else ""
