"""The Batch page's input panels: the options column, and the batch's table, paste and upload.

Drawing only: the values live in ``st.session_state`` (see :mod:`pages.batch.state`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from ce_core import BatchTable
from ce_core.batch_table import MAX_CLASSES, MAX_ROWS
from lab.inputs import vector_input
from lab.language import t
from pages.batch import state
from pages.batch.link import MAX_LINK_CSV, link_csv
from pages.batch.model import check_class_weights
from pages.batch.options import IGNORE_RANGE, REDUCTIONS, SMOOTHING_STEP
from pages.batch.table import PREVIEW_ROWS, editable, num_classes
from pages.batch.view import table_error_text


@dataclass(frozen=True)
class Choices:
    """The options as chosen in the options column, and the places left in it for later."""

    soft: bool
    reduction: str
    use_weight: bool
    ignore_index: int
    smoothing: float
    double: bool
    link_box: object  #: the share and reset buttons, once the table is read
    weight_box: object  #: the class weights, once K is known
    ignore_box: object  #: what ignore_index means here, once K is known


def options_panel() -> Choices:
    """Draw the options of ``F.cross_entropy`` and return them."""
    st.subheader(t("batch.options"))
    link_box = st.container()
    soft = st.toggle(
        t("batch.soft"), key="bt_soft", help=t("batch.soft.help"), persist_state="session"
    )
    reduction = st.segmented_control(
        t("batch.reduction"),
        REDUCTIONS,
        key="bt_reduction",
        required=True,
        help=t("batch.reduction.help"),
        persist_state="session",
    )
    use_weight = st.toggle(
        t("batch.use_weight"),
        key="bt_use_weight",
        help=t("batch.use_weight.help"),
        persist_state="session",
    )
    weight_box = st.container()
    ignore_index = st.number_input(
        t("batch.ignore"),
        min_value=IGNORE_RANGE[0],
        max_value=IGNORE_RANGE[1],
        step=1,
        key="bt_ignore",
        help=t("batch.ignore.help"),
        disabled=soft,
        persist_state="session",
    )
    ignore_box = st.container()
    smoothing = st.slider(
        t("batch.smoothing"),
        0.0,
        1.0,
        step=SMOOTHING_STEP,
        key="bt_smoothing",
        help=t("batch.smoothing.help"),
        persist_state="session",
    )
    double = st.toggle(
        t("batch.double"), key="bt_double", help=t("batch.double.help"), persist_state="session"
    )
    return Choices(
        soft,
        reduction,
        use_weight,
        ignore_index,
        smoothing,
        double,
        link_box,
        weight_box,
        ignore_box,
    )


def batch_panel(soft: bool) -> BatchTable:
    """Draw the batch's tabs (table, paste, upload) and the format; return the batch to use."""
    st.subheader(t("batch.batch"))
    table_tab, paste_tab, upload_tab = st.tabs(
        [t("batch.tab.table"), t("batch.tab.paste"), t("batch.tab.upload")]
    )
    with table_tab:
        st.number_input(
            t("batch.k"),
            min_value=2,
            max_value=MAX_CLASSES,
            step=1,
            key="bt_k",
            help=t("batch.k.help"),
            on_change=state.resize,
            persist_state="session",
        )
        table, error = state.checked_table(editor(soft), soft)
        if error is not None:
            st.error(table_error_text(error, t), icon=":material/error:")
            st.caption(t("error.using_last"))
        elif link_csv(table) is None:
            st.caption(t("batch.link.too_big", max=MAX_LINK_CSV))
    with paste_tab:
        st.text_area(
            t("batch.paste"),
            key="bt_paste",
            help=t("batch.paste.help"),
            height=state.PASTE_HEIGHT,
            persist_state="session",
        )
        st.button(t("batch.load"), key="bt_load_paste", on_click=state.load_paste)
        message("paste")
    with upload_tab:
        st.file_uploader(
            t("batch.upload", max_mb=state.UPLOAD_MB),
            type=["csv", "txt", "tsv"],
            key="bt_upload",
            help=t("batch.upload.help"),
            on_change=state.load_upload,
            max_upload_size=state.UPLOAD_MB,
        )
        message("upload")
    with st.expander(t("batch.format.title")):
        st.markdown(
            t(
                "batch.format",
                max_classes=f"{MAX_CLASSES:,}",
                max_mb=state.UPLOAD_MB,
                max_rows=f"{MAX_ROWS:,}",
            )
        )
        st.code(state.DEFAULTS["bt_paste"], language="text")
        st.code(state.SOFT_EXAMPLE, language="text")
    return table


def message(source: str) -> None:
    """Show the last result of loading from ``source`` ("paste" or "upload") beside its input."""
    kind, text = st.session_state.get(f"_bt_{source}_message", (None, None))
    if kind == "error":
        st.error(text, icon=":material/error:")
    elif kind == "success":
        st.success(text, icon=":material/check_circle:")


def editor(soft: bool) -> pd.DataFrame:
    """Draw the table (editable unless too large) and return it as it is on screen now."""
    base = state.editor_base()
    k = num_classes(base)
    if not editable(base):
        st.info(t("batch.too_big_to_edit", n=base.shape[0], k=k, shown=PREVIEW_ROWS))
        st.dataframe(base.head(PREVIEW_ROWS))
        return st.session_state["_bt_current"]
    with st.expander(t("batch.table.help.title")):  # folded: on a phone the chart follows
        st.caption(t("batch.table.help.soft" if soft else "batch.table.help"))
    logits = [f"z{i + 1}" for i in range(k)]
    soft_columns = [f"q{i + 1}" for i in range(k)]
    config = {
        "label": st.column_config.NumberColumn(
            t("batch.col.label.editor"),
            help=t("batch.col.label.editor.help"),
            min_value=1,
            max_value=MAX_CLASSES,
            step=1,
            format="%d",
        ),
        **{name: st.column_config.NumberColumn(name) for name in logits},
        **{
            name: st.column_config.NumberColumn(name, min_value=0.0, max_value=1.0)
            for name in soft_columns
        },
    }
    edited = st.data_editor(
        base,
        key=state.editor_key(),
        column_order=logits + soft_columns if soft else ["label", *logits],
        column_config=config,
        num_rows="dynamic",
        hide_index=False,
        placeholder="—",
    )
    state.remember(edited)
    return edited


def class_weights(use_weight: bool, k: int) -> np.ndarray | None:
    """Draw the class weights' box if they are used; return the weights (None: unweighted)."""
    if not use_weight:
        return None
    typed, weights_ok = vector_input(
        "bt_weight",
        t("batch.weight"),
        allow_inf=False,
        check=lambda w: check_class_weights(w, k),
    )
    try:  # bad text: the last valid weights, while they still fit the classes
        weights = check_class_weights(typed, k) if typed is not None else None
    except ValueError:
        weights = None
    if not weights_ok:
        st.caption(t("error.using_last") if weights is not None else t("batch.weight.unused"))
    return weights


def ignore_note(soft: bool, ignore_index: int, k: int) -> None:
    """Say what ignore_index does here: nothing for probability targets, or drop a class."""
    if soft:
        st.caption(t("batch.ignore.soft"))
    elif 0 <= ignore_index < k:
        st.caption(t("batch.ignore.class", index=ignore_index, label=ignore_index + 1))
