"""Tables, downloads and check sizes of the derivation page, from ce_core results (no math here).

The formulae themselves are in :mod:`pages.derivation.latex`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ce_core import InputError, parse_vector
from lab import numbers
from lab.inputs import error_text
from pages.derivation.model import ChainRule, GradientCheck
from pages.playground.model import top_classes

Translate = Callable[..., str]
MAX_VECTOR = 10  # entries of a vector written out in LaTeX: more would not fit a slide
MAX_ANNOTATED = 12  # a K x K heatmap with more cells than this per side is unreadable


def vector_classes(a: np.ndarray, target: int) -> np.ndarray:
    """Return the classes a LaTeX vector shows: all of them, or 8 (the most probable, j) of many."""
    if a.size <= MAX_VECTOR:
        return np.arange(a.size)
    return top_classes(a, target, count=MAX_VECTOR - 3)


def jacobian_classes(a: np.ndarray, target: int) -> np.ndarray:
    """Return the classes the heatmap shows: all of them, or the 12 most useful of many."""
    if a.size <= MAX_ANNOTATED:
        return np.arange(a.size)
    return top_classes(a, target, count=MAX_ANNOTATED - 1)


def gradient_table(check: GradientCheck, temperature: float, t: Translate) -> Styler:
    """Return the table class | formula | finite differences | |difference|, one row per class."""
    formula = t("derivation.col.formula" if temperature == 1.0 else "derivation.col.formula_T")
    frame = pd.DataFrame(
        {
            t("derivation.col.class"): [str(k + 1) for k in check.classes],
            formula: check.analytic,
            t("derivation.col.numeric"): check.numeric,
            t("derivation.col.difference"): check.difference,
        }
    )
    return frame.style.format(
        {
            formula: "{:.10f}",
            t("derivation.col.numeric"): "{:.10f}",
            t("derivation.col.difference"): "{:.1e}",
        }
    )


def steps_table(c: ChainRule, z: np.ndarray, t: Translate) -> pd.DataFrame:
    """Return the numbers of the chain rule, one row per class, for the CSV download."""
    return pd.DataFrame(
        {
            t("derivation.col.class"): [str(k + 1) for k in range(z.size)],
            t("derivation.col.z"): z,
            t("derivation.col.a"): c.a,
            t("derivation.col.y"): c.y,
            t("derivation.col.dl_da"): c.dloss_da,
            t("derivation.col.grad"): c.grad,
            t("derivation.col.chain"): c.chain,
        }
    )


def record(c: ChainRule, z: np.ndarray) -> dict:
    """Return everything the page computes as plain data, for the JSON download."""
    return {
        "z": z,
        "true_class": c.target + 1,
        "true_class_index_from_0": c.target,
        "temperature": c.temperature,
        "loss": c.loss,
        "a": c.a,
        "y": c.y,
        "dloss_da": c.dloss_da,
        "grad": c.grad,
        "jacobian": c.jacobian,
        "jacobian_T_times_dloss_da": c.chain,
        "symmetry_error": c.symmetry_error,
        "row_sum_error": c.row_sum_error,
        "chain_error": c.chain_error,
    }


def small(value: float) -> str:
    """Return a check's size for a metric: ``0``, ``1.4e-17``, or ``NaN``."""
    return numbers.sci(value)


def pair_input(label: str, help: str, placeholder: str, z: np.ndarray) -> tuple[float, float]:
    """Draw the box for two logits of the sigmoid comparison; return them.

    Left empty, it gives the example's first two logits. A bad entry shows a translated error
    under the box and gives them too.
    """
    text = st.text_input(
        label, key="dv_pair", help=help, placeholder=placeholder, persist_state="session"
    )
    if text.strip():
        try:
            pair = parse_vector(text, allow_inf=True, max_count=2)
            if pair.size != 2:
                raise InputError("pair_count", "type exactly two logits", count=pair.size)
        except ValueError as exc:
            st.error(error_text(exc), icon=":material/error:")
        else:
            return float(pair[0]), float(pair[1])
    return float(z[0]), float(z[1])
