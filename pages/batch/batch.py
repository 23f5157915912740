"""Page 6, Batches & PyTorch options: a batch through F.cross_entropy, option by option."""

import streamlit as st

from lab import urlstate
from lab.header import page_header
from lab.inputs import preset_row
from lab.presentation import presenting
from pages.batch import link, panels, sections, state
from pages.batch.options import Options
from pages.batch.results import batch_results, decomposition, double_softmax
from pages.batch.vocabulary import vocabulary_section

page_header("batch")
state.init()
urlstate.sync("batch", link.URL_FIELDS)
preset_row(state.PRESETS, lesson="batch", key_prefix="bt_preset_", on_click=state.apply_preset)

if presenting():  # a projector: the table, its losses and the options side by side
    batch_column, chart_column, options_column = st.columns([5, 5, 4], gap="medium")
else:  # the losses under the table: on a phone, where the columns stack, right after it
    batch_column, options_column = st.columns([3, 2], gap="large")
    chart_column = batch_column
with options_column:
    choices = panels.options_panel()
with batch_column:
    table = panels.batch_panel(choices.soft)
with choices.link_box:  # filled once the table is read: the link holds it
    urlstate.share_and_reset("batch", link.URL_FIELDS, state.reset)
st.query_params.from_dict(urlstate.current(link.URL_FIELDS))  # now with the table as edited
with choices.weight_box:
    weights = panels.class_weights(choices.use_weight, table.num_classes)
with choices.ignore_box:
    panels.ignore_note(choices.soft, choices.ignore_index, table.num_classes)

# PyTorch's semantics, all from ce_core.
options = Options(
    choices.soft, weights, int(choices.ignore_index), choices.reduction, float(choices.smoothing)
)
results = batch_results(table, options)
with chart_column:
    sections.losses_chart(results, options)
sections.result_numbers(results, options, table.num_rows)
sections.result_charts(table, results, options)
sections.decomposition_section(
    decomposition(results, options, table.num_classes), results.ignored, options
)
if choices.double:
    sections.double_softmax_section(double_softmax(table, results, options), results, options)
sections.code_section(table, results, options, choices.double)
vocabulary_section()
