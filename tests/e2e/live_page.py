"""A bare page holding only the live softmax widget, served by tests/e2e/test_live.py.

``?z=2,1,0.1&y=1&T=1&lang=en&present=1`` set its start. It shows what Python holds: the loss
from ce_core and the logits (also written back to ``?z=``), so a test can tell what reached it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: find lab/

import streamlit as st

from ce_core import format_vector, parse_vector
from lab.language import init_language
from lab.live import LiveFigure, live_softmax
from lab.presentation import init_presentation, presenting
from lab.streamlit_fixes.net import no_delay_once
from pages.playground.figures import GRADIENT_ROOM
from pages.playground.model import explain_logits, top_classes
from pages.playground.outputs import bar_figures, neg_log_chart

TEMPERATURES = (0.05, 0.1, 0.5, 1.0, 2.0, 5.0, 20.0)

no_delay_once()  # as app.py: benchmarks compare this page with others served alike

init_language()
init_presentation()
if "z" not in st.session_state:
    st.session_state["z"] = parse_vector(st.query_params.get("z", "2, 1, 0.1, -1, 3"))
    st.session_state["y"] = int(st.query_params.get("y", "1"))
    st.session_state["T"] = float(st.query_params.get("T", "1"))
st.session_state.setdefault("runs", 0)
st.session_state["runs"] += 1


def keep_logits(z):
    st.session_state["z"] = z


def keep_temperature(value):
    st.session_state["T"] = value


z, target, temperature = st.session_state["z"], st.session_state["y"] - 1, st.session_state["T"]
result = explain_logits(z, target, temperature)
classes = top_classes(result.a, target)
labels = [str(k + 1) for k in range(result.a.size)]
probabilities, gradient = bar_figures(result, labels, list(classes))
st.metric("loss", f"{result.loss:.4f}", help=repr(result.loss))
st.text(f"runs={st.session_state['runs']} present={presenting()}")
live_softmax(
    z,
    target,
    temperature,
    key="live",
    classes=classes,
    labels=[str(k + 1) for k in classes],
    temperatures=TEMPERATURES,
    figures=[
        LiveFigure("chart_probs", "probabilities", probabilities),
        LiveFigure("chart_grad", "gradient", gradient, room=GRADIENT_ROOM),
        LiveFigure("chart_neglog", "neglog", neg_log_chart(result)),
    ],
    on_release=keep_logits,
    on_temperature=keep_temperature,
)
st.query_params["z"] = format_vector(z, digits=None)
st.query_params["T"] = f"{temperature:g}"
