"""Tables and sentences of the stability page, built from ce_core results (no math here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from lab import numbers
from lab.charts import BROKEN
from lab.i18n import STRINGS
from pages.stability.model import Diagnosis, DtypeLimits
from pages.stability.shift_and_log import LogComparison, ShiftCheck

Translate = Callable[..., str]

#: Cell styles: where inf/NaN is born, where it is passed on, where a number underflowed to 0.
BORN_CSS = f"background-color: {BROKEN}; color: white; font-weight: bold"
CARRIED_CSS = "background-color: rgba(204, 121, 167, 0.28)"
UNDERFLOW_CSS = "background-color: rgba(240, 228, 66, 0.55)"
_COLUMN_STEPS = ("z", "shifted", "exp", "a")  # table columns; Σ has a row of its own


def dtype_number(value: float, dtype: str) -> str:
    """Return ``value`` as NumPy prints it in ``dtype`` (shortest exact text), inf/NaN spelled."""
    text = numbers.full(np.dtype(dtype).type(value))
    return text.replace("-", "−") if text.startswith("-") else text


def signed(value: float, digits: int = 2) -> str:
    """Return ``value`` with ``digits`` decimals and a typographic minus: ``−17.33``."""
    return numbers.fixed(value, digits).replace("-", "−")


def number_text(value: float) -> str:
    """Return ``value`` with up to 6 significant digits and a typographic minus: ``−1000``."""
    return numbers.sig(value).replace("-", "−")


def difference_text(value: float) -> str:
    """Return a max difference for a metric: ``0``, ``1.39e-17``, or ``NaN``."""
    return numbers.sig(value, 3)


def class_labels(count: int) -> list[str]:
    """Return the x labels of ``count`` classes, counting from 1: ``["1", "2", ...]``."""
    return [str(k + 1) for k in range(count)]


def classes_text(classes: Sequence[int]) -> str:
    """Return classes counted from 0 as the text ``1, 2`` (counting from 1)."""
    return ", ".join(str(k + 1) for k in classes)


def steps_table(diagnosis: Diagnosis, dtype: str, t: Translate) -> Styler:
    """Return the table z → z − m → e^(z − m) → a (one row per class) and Σ, coloured."""
    steps = diagnosis.steps
    k = steps.z.size
    columns = [t(f"stability.col.{name}") for name in _COLUMN_STEPS]
    rows = [
        [dtype_number(float(getattr(steps, n)[i]), dtype) for n in _COLUMN_STEPS] for i in range(k)
    ]
    rows.append(["", "", dtype_number(float(steps.total[0]), dtype), ""])
    index = pd.Index(
        [str(i + 1) for i in range(k)] + [t("stability.row.total")], name=t("stability.col.class")
    )
    frame = pd.DataFrame(rows, index=index, columns=columns)
    css = np.full(frame.shape, "", dtype=object)
    for column, name in enumerate(_COLUMN_STEPS):
        for mask, style in (
            (diagnosis.underflow.get(name), UNDERFLOW_CSS),
            (diagnosis.carried[name], CARRIED_CSS),
            (diagnosis.born[name], BORN_CSS),
        ):
            if mask is not None:
                css[:k, column][mask] = style
    for mask, style in (
        (diagnosis.underflow["total"], UNDERFLOW_CSS),
        (diagnosis.carried["total"], CARRIED_CSS),
        (diagnosis.born["total"], BORN_CSS),
    ):
        if mask[0]:
            css[k, 2] = style
    return frame.style.apply(lambda _: pd.DataFrame(css, index=index, columns=columns), axis=None)


def verdict(diagnosis: Diagnosis, limits: DtypeLimits, t: Translate) -> list[str]:
    """Return the sentences saying where inf or NaN was born, and why (empty list: none)."""
    if diagnosis.first_step is None:
        return []
    step = diagnosis.first_step
    value = diagnosis.first_value
    kind = "nan" if value != value else "inf" if value > 0 else "-inf"
    classes = diagnosis.first_classes
    where = t("stability.verdict.where", classes=classes_text(classes)) if classes else ""
    sentences = [
        t(
            "stability.verdict.first",
            value=dtype_number(value, limits.name),
            step=t(f"stability.step.{step}"),
            where=where,
        )
    ]
    params = {
        "dtype": limits.name,
        "max": numbers.sig(limits.max, 5),
        "tiny": numbers.sig(limits.smallest_subnormal, 3),
        "a_total": numbers.sig(diagnosis.a_total),
        "threshold": signed(limits.underflow if kind == "nan" else limits.overflow),
    }
    key = f"stability.cause.{step}.{kind}"
    sentences.append(t(key if key in STRINGS["en"] else "stability.cause.other", **params))
    if diagnosis.nan_cause is not None:
        sentences.append(t(f"stability.nan.{diagnosis.nan_cause}"))
    return sentences


def underflow_classes(diagnosis: Diagnosis) -> list[int]:
    """Return the classes (from 0) whose e^(z − m) underflowed to exactly 0."""
    return [int(k) for k in np.flatnonzero(diagnosis.underflow["exp"])]


def badge_text(diagnosis: Diagnosis, dtype: str, t: Translate) -> str:
    """Return a Markdown badge: green ``float16: works`` or purple ``float16: inf in e^(z − m)``."""
    if diagnosis.first_step is None:
        return f":green-badge[:material/check_circle: {t('stability.badge.ok', dtype=dtype)}]"
    text = t(
        "stability.badge.broken",
        dtype=dtype,
        value=dtype_number(diagnosis.first_value, dtype),
        step=t(f"stability.step.{diagnosis.first_step}"),
    )
    return f":violet-badge[:material/error: {text}]"


def limits_table(limits: Sequence[DtypeLimits], t: Translate) -> pd.DataFrame:
    """Return one row per float type: largest number, overflow point, smallest one, underflow."""
    return pd.DataFrame(
        {
            t("stability.limits.dtype"): [item.name for item in limits],
            t("stability.limits.max"): [numbers.sig(item.max, 5) for item in limits],
            t("stability.limits.overflow"): [signed(item.overflow) for item in limits],
            t("stability.limits.tiny"): [
                numbers.sig(item.smallest_subnormal, 3) for item in limits
            ],
            t("stability.limits.underflow"): [signed(item.underflow) for item in limits],
        }
    )


def shift_table(check: ShiftCheck, dtype: str, t: Translate) -> pd.DataFrame:
    """Return z, z − c, softmax of each and the naive formula on z − c, one column per class."""
    rows = {
        t("stability.shift.row.z"): check.z,
        t("stability.shift.row.shifted"): check.shifted,
        t("stability.shift.row.a"): check.a,
        t("stability.shift.row.a_shifted"): check.a_shifted,
        t("stability.shift.row.naive"): check.naive_shifted,
    }
    return pd.DataFrame(
        [[dtype_number(float(v), dtype) for v in values] for values in rows.values()],
        index=list(rows),
        columns=[t("class_n", n=k + 1) for k in range(check.z.size)],
    )


def _tex(value: float, dtype: str) -> str:
    text = dtype_number(value, dtype).replace("−", "-")
    return {"inf": r"\infty", "-inf": r"-\infty", "NaN": r"\mathrm{NaN}"}.get(text, text)


def _paren(value: float, dtype: str) -> str:
    text = _tex(value, dtype)
    return f"({text})" if text.startswith("-") else text


def latex_log_softmax(comparison: LogComparison, dtype: str) -> str:
    """Return log_softmax_j = z_j − m − ln Σ = ... filled in with the numbers."""
    j = comparison.target + 1
    z_j, m = _paren(float(comparison.z[comparison.target]), dtype), _paren(comparison.m, dtype)
    return (
        rf"\mathrm{{log\_softmax}}(z)_{{{j}}} = {z_j} - {m} - \ln {_tex(comparison.total, dtype)}"
        rf" = {z_j} - {m} - {_paren(comparison.log_sum, dtype)}"
        rf" = {_tex(comparison.log_softmax, dtype)}"
    )


def latex_log_of_softmax(comparison: LogComparison, dtype: str) -> str:
    """Return ln(softmax(z)_j) = ln a_j = ... filled in with the numbers."""
    j = comparison.target + 1
    return (
        rf"\ln\big(\mathrm{{softmax}}(z)_{{{j}}}\big) = \ln {_tex(comparison.a_j, dtype)}"
        rf" = {_tex(comparison.log_of_softmax, dtype)}"
    )


# ---- the downloads ----------------------------------------------------------------------------
def _cell(value: float, dtype: str) -> str:
    """Return ``value`` with every digit ``dtype`` holds, as the CSV writes it."""
    return numbers.full(np.dtype(dtype).type(value))


def _in_dtype(value: float, dtype: str) -> float:
    """Return ``value`` as the shortest decimal that ``dtype`` stores as the same number."""
    return float(_cell(value, dtype))


def naive_and_stable_download(
    naive: Diagnosis, stable: Diagnosis, dtype: str, t: Translate
) -> pd.DataFrame:
    """Return :func:`steps_download` of the naive and the stable computation, labelled."""
    return steps_download(
        [
            (t("stability.row.naive", dtype=dtype), naive),
            (t("stability.row.stable", dtype=dtype), stable),
        ],
        dtype,
        t,
    )


def steps_download(
    diagnoses: Sequence[tuple[str, Diagnosis]], dtype: str, t: Translate
) -> pd.DataFrame:
    """Return both step tables as one CSV-ready table (numbers as ``dtype`` stores them).

    ``diagnoses`` holds ``(row label, Diagnosis)`` pairs; each gives one row per class and a row
    for the sum Σ, as on the page.
    """
    rows = []
    for label, diagnosis in diagnoses:
        steps = diagnosis.steps
        for k in range(steps.z.size):
            cells = [_cell(float(getattr(steps, name)[k]), dtype) for name in _COLUMN_STEPS]
            rows.append([label, str(k + 1), *cells])
        rows.append(
            [label, t("stability.row.total"), "", "", _cell(float(steps.total[0]), dtype), ""]
        )
    columns = [t("stability.col.formula"), t("stability.col.class")] + [
        t(f"stability.col.{n}") for n in _COLUMN_STEPS
    ]
    return pd.DataFrame(rows, columns=columns)


def _steps_record(diagnosis: Diagnosis, dtype: str) -> dict:
    steps = diagnosis.steps
    return {
        "m": _in_dtype(float(steps.shift[0]), dtype),
        "z_minus_m": [_in_dtype(float(v), dtype) for v in steps.shifted],
        "exp": [_in_dtype(float(v), dtype) for v in steps.exp],
        "sum": _in_dtype(float(steps.total[0]), dtype),
        "a": [_in_dtype(float(v), dtype) for v in steps.a],
        "first_broken_step": diagnosis.first_step,
        "nan_cause": diagnosis.nan_cause,
    }


def steps_record(
    z: np.ndarray, naive: Diagnosis, stable: Diagnosis, dtype: str, limits: Sequence[DtypeLimits]
) -> dict:
    """Return the typed logits, both formulas step by step and every float type's thresholds."""
    return {
        "dtype": dtype,
        "z": [float(v) for v in z],
        "z_stored": [_in_dtype(float(v), dtype) for v in naive.steps.z],
        "naive": _steps_record(naive, dtype),
        "stable": _steps_record(stable, dtype),
        "thresholds": {
            item.name: {
                "largest_number": item.max,
                "exp_overflows_above": item.overflow,
                "smallest_positive_number": item.smallest_subnormal,
                "exp_underflows_below": item.underflow,
            }
            for item in limits
        },
    }
