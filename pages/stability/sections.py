"""The stability page's first two tabs, each drawn top to bottom as it appears on screen (the
last two are in ``shift_and_log_tabs``).

Each tab takes the chosen float type ``dtype`` and ``limits`` (every float type's
:class:`~.model.DtypeLimits`, by name); the ce_core calls are here, the text in ``view``.
"""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from ce_core import check_logits
from lab import numbers
from lab.charts import HEIGHT, NEGATIVE, chart
from lab.downloads import downloads
from lab.inputs import preset_row, vector_input
from lab.language import t
from lab.presentation import presenting
from pages.stability import state
from pages.stability.figures import (
    BARS_HEIGHT_PRESENTED,
    Series,
    bars_figure,
    sweep_figure,
)
from pages.stability.model import (
    Diagnosis,
    DtypeLimits,
    diagnose_softmax,
    overflow_sweep,
    sweep_grid,
    underflow_sweep,
)
from pages.stability.view import (
    badge_text,
    class_labels,
    classes_text,
    dtype_number,
    limits_table,
    naive_and_stable_download,
    signed,
    steps_record,
    steps_table,
    underflow_classes,
    verdict,
)

Limits = dict[str, DtypeLimits]


def logits_box(key: str, label: str, **options) -> tuple[np.ndarray, bool]:
    """Draw a logits box; return its valid logits (the defaults if none yet) and whether ok."""
    z, ok = vector_input(key, label, max_count=state.MAX_LOGITS, check=check_logits, **options)
    return (state.fallback(key) if z is None else z), ok


def bars_text(title: str) -> dict[str, str]:
    """Return the translated labels of a probability bar chart titled ``title``."""
    return {
        "title": title,
        "a": t("stability.fig.a"),
        "class": t("class"),
        "broken": t("stability.fig.broken"),
    }


# ---- 1. naive vs stable, step by step ---------------------------------------------------------
def steps(dtype: str, limits: Limits) -> None:
    """Draw the presets, the logits, the verdicts and both formulas' step tables and bars.

    On a projector both bar charts stand beside the logits and the verdicts, so that the input
    and what it does share the first screen; the step tables follow under them. Elsewhere each
    formula's bars come under its own step table.
    """
    preset_row(
        state.PRESETS, lesson="stability", key_prefix="st_preset_", on_click=state.apply_preset
    )
    if presenting():
        input_column, bars_column = st.columns([2, 3], gap="large")
        verdict_column = input_column
    else:
        input_column, verdict_column = st.columns([1, 1], gap="large")
    with input_column:
        z, ok = logits_box(
            "st_z", t("stability.z", count=state.MAX_LOGITS), help=t("stability.z.help")
        )
        results = {
            (name, stable): diagnose_softmax(z, name, stable=stable)
            for name in state.DTYPE_NAMES
            for stable in (False, True)
        }
        _stored_warning(z, results[dtype, False], limits[dtype])
        if not ok:
            st.caption(t("error.using_last"))
    with verdict_column:
        for stable, label in (
            (False, "stability.verdicts.naive"),
            (True, "stability.verdicts.stable"),
        ):
            badges = [badge_text(results[name, stable], name, t) for name in state.DTYPE_NAMES]
            st.markdown(f"**{t(label)}** &nbsp; " + " &nbsp; ".join(badges))
    if presenting():
        for column, stable in zip(bars_column.columns(2), (False, True), strict=True):
            with column:
                _bars(results[dtype, stable], stable, dtype, presented=True)

    naive_column, stable_column = st.columns(2, gap="large")
    for column, stable in ((naive_column, False), (stable_column, True)):
        with column:
            _formula(results[dtype, stable], stable, limits[dtype])
            if not presenting():
                _bars(results[dtype, stable], stable, dtype)
    st.caption(t("stability.legend", dtype=dtype))
    naive, stable = results[dtype, False], results[dtype, True]
    downloads(
        "stability",
        functools.partial(naive_and_stable_download, naive, stable, dtype),
        steps_record(z, naive, stable, dtype, list(limits.values())),
    )


def _stored_warning(z: np.ndarray, naive: Diagnosis, limits: DtypeLimits) -> None:
    """Warn when a logit is too large for the float type before any step runs."""
    too_big = naive.born["z"]
    if too_big.any():
        k = int(np.argmax(too_big))
        st.warning(
            t(
                "stability.z.stored",
                dtype=limits.name,
                value=numbers.sig(z[k]),
                max=numbers.sig(limits.max, 5),
                stored=dtype_number(float(naive.steps.z[k]), limits.name),
            ),
            icon=":material/warning:",
        )


def _formula(result: Diagnosis, stable: bool, limits: DtypeLimits) -> None:
    """Draw one formula (naive or stable): its steps and its verdict."""
    name, dtype = ("stable" if stable else "naive"), limits.name
    st.subheader(t(f"stability.{name}.title"))
    st.latex(t(f"stability.{name}.formula"))
    shift = dtype_number(float(result.steps.shift[0]), dtype)
    st.markdown(t("stability.m.stable", m=shift) if stable else t("stability.m.naive"))
    st.table(steps_table(result, dtype, t))
    sentences = verdict(result, limits, t)
    if sentences:
        st.warning("  \n".join(sentences), icon=":material/error:")
    else:
        st.success(t("stability.verdict.fine", dtype=dtype), icon=":material/check_circle:")
        _fine_notes(result, limits)


def _bars(result: Diagnosis, stable: bool, dtype: str, *, presented: bool = False) -> None:
    """Draw the probabilities one formula (naive or stable) gives, NaN and inf as such.

    ``presented``: half of a projector's width, beside the logits, so shorter and without the
    legend (the hatched bars say NaN or inf themselves, and the caption under the tables says
    what the purple means).
    """
    name = "stable" if stable else "naive"
    chart(
        bars_figure(
            class_labels(result.steps.z.size),
            [Series(t("stability.fig.a"), result.steps.a.tolist(), NEGATIVE)],
            bars_text(t(f"stability.fig.{name}", dtype=dtype)),
            height=BARS_HEIGHT_PRESENTED if presented else HEIGHT,
            legend=not presented,
        ),
        f"st_chart_{name}",
    )


def _fine_notes(result: Diagnosis, limits: DtypeLimits) -> None:
    """Say which classes were masked (−inf) or underflowed to 0 in a computation that worked."""
    if result.masked.any():
        st.caption(t("stability.masked.note", classes=classes_text(np.flatnonzero(result.masked))))
    if underflow_classes(result):
        st.caption(
            t(
                "stability.underflow.note",
                classes=classes_text(underflow_classes(result)),
                tiny=numbers.sig(limits.smallest_subnormal, 3),
                dtype=limits.name,
            )
        )


# ---- 2. where each float type breaks ----------------------------------------------------------
def sweep(limits: Limits) -> None:
    """Draw each float type's thresholds and where the naive and stable softmax break."""
    st.markdown(t("stability.sweep.intro"))
    metric_columns = st.columns(len(state.DTYPE_NAMES))
    for column, name in zip(metric_columns, state.DTYPE_NAMES, strict=True):
        column.metric(t("stability.metric.overflow", dtype=name), signed(limits[name].overflow))
        column.metric(t("stability.metric.underflow", dtype=name), signed(limits[name].underflow))
    st.table(limits_table(list(limits.values()), t), hide_index=True)
    x = sweep_grid()
    for kind, sweep_of in (("overflow", overflow_sweep), ("underflow", underflow_sweep)):
        _sweep_chart(kind, x, {name: sweep_of(x, name) for name in state.DTYPE_NAMES}, limits)
    st.caption(t("stability.sweep.caption"))


def _sweep_chart(kind: str, x: np.ndarray, results: dict, limits: Limits) -> None:
    """Draw the ``kind`` sweep: a strip per formula and float type, thresholds dashed."""
    rows = [(t("stability.row.naive", dtype=name), results[name][0]) for name in results]
    rows += [(t("stability.row.stable", dtype=name), results[name][1]) for name in results]
    thresholds = [
        (
            abs(getattr(limits[name], kind)),
            t(f"stability.fig.threshold.{kind}", value=signed(getattr(limits[name], kind))),
        )
        for name in state.DTYPE_NAMES
    ]
    chart(
        sweep_figure(
            x.tolist(),
            [(label, values.tolist()) for label, values in rows],
            thresholds,
            {
                "title": t(f"stability.fig.{kind}"),
                "x": t(f"stability.fig.x.{kind}"),
                "finite": t("stability.fig.finite"),
                "nan": t("stability.fig.nan"),
            },
        ),
        f"st_chart_{kind}",
    )
