"""Page 1, the Playground: type logits (or probabilities), pick the true class, see everything."""

import streamlit as st

from lab import urlstate
from lab.header import page_header
from lab.inputs import preset_row
from pages.playground import sections, state

page_header("playground")
state.init()
urlstate.sync("playground", state.URL_FIELDS, keep_url=False)  # written by workbench()
preset_row(state.PRESETS, lesson="playground", key_prefix="preset_", on_click=state.apply_preset)


@st.fragment
def workbench() -> None:
    """The inputs and all that is computed from them: typing reruns this part of the page only."""
    urlstate.write(state.URL_FIELDS)
    inputs_column, outputs_column = st.columns([1, 2], gap="large")
    with inputs_column:
        typed = sections.inputs()
    result, labels = sections.explain(typed, where=inputs_column)
    with outputs_column:
        sections.outputs(result, labels, typed.ok)


workbench()
