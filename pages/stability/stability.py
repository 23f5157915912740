"""Page 3, Numerical stability: where the textbook softmax breaks, and why the shifted one won't."""

import streamlit as st

from lab import urlstate
from lab.header import page_header
from lab.language import t
from pages.stability import sections, shift_and_log_tabs, state
from pages.stability.model import dtype_limits

page_header("stability")
state.init()
urlstate.sync("stability", state.URL_FIELDS)

dtype_column, link_column = st.columns([3, 1], vertical_alignment="bottom")
dtype = dtype_column.segmented_control(
    t("stability.dtype"),
    state.DTYPE_NAMES,
    key="st_dtype",
    required=True,
    help=t("stability.dtype.help"),
    persist_state="session",
)
with link_column:
    urlstate.share_and_reset("stability", state.URL_FIELDS, state.reset)
dtype = dtype if dtype in state.DTYPE_NAMES else state.current_dtype()
limits = {name: dtype_limits(name) for name in state.DTYPE_NAMES}

steps_tab, sweep_tab, shift_tab, log_tab = st.tabs(
    [
        t("stability.tab.steps"),
        t("stability.tab.sweep"),
        t("stability.tab.shift"),
        t("stability.tab.log"),
    ]
)

with steps_tab:
    sections.steps(dtype, limits)
with sweep_tab:
    sections.sweep(limits)
with shift_tab:
    shift_and_log_tabs.shift(dtype, limits)
with log_tab:
    shift_and_log_tabs.log(dtype)
