"""The Playground: type logits (or probabilities), pick the true class, see everything."""

import streamlit as st

from lab import urlstate
from lab.header import page_header
from lab.inputs import preset_row
from lab.presentation import presenting
from pages.playground import inputs, outputs, state
from pages.playground.model import explain_logits, explain_probabilities, top_classes
from pages.playground.view import class_labels

page_header("playground")
state.init()
urlstate.sync("playground", state.URL_FIELDS, keep_url=False)  # written by workbench()
preset_row(state.PRESETS, lesson="playground", key_prefix="preset_", on_click=state.apply_preset)


@st.fragment
def workbench() -> None:
    """The inputs and all that is computed from them: typing reruns this part of the page only."""
    urlstate.write(state.URL_FIELDS)
    input_column, output_column = st.columns([1, 3] if presenting() else [1, 2], gap="large")
    with input_column:
        typed = inputs.draw()
    if typed.mode == "probs":
        result = explain_probabilities(typed.values, typed.target - 1, tol=state.PROBABILITY_TOL)
    else:
        result = explain_logits(typed.values, typed.target - 1, typed.temperature)
    labels = class_labels(typed.names, result.a.size)
    with output_column:
        outputs.draw(result, labels, top_classes(result.a, result.target), typed.ok, typed.mode)


workbench()
