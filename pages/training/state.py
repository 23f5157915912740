"""The Training page's inputs (defaults, presets) and its cached training runs.

Inputs live in ``st.session_state`` under the widgets' keys, all prefixed ``tr_``. The runs are
pure functions of those inputs, cached with ``st.cache_data``, so a rerun with the same inputs
(switching language, moving the animation's slider) costs nothing. ``URL_FIELDS`` keeps every
input in the link under the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from ce_core import check_logits, parse_vector
from lab import urlstate
from pages.training.datasets import DATASETS, grid_axes, make_dataset
from pages.training.model import (
    LogitDescent,
    RegressionRun,
    add_features,
    decision_regions,
    descend_logits,
    train_softmax_regression,
)

LEARNING_RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
REGRESSION_RATES = LEARNING_RATES[3:]
MAX_SEED = 999_999
MAX_STEPS = 500
MAX_LOGITS = 10
LOGIT_FRAMES = 60
REGRESSION_FRAMES = 40
GRID_RESOLUTION = 60
CLASS_RANGE = (3, 5)
SMOOTHING_MAX, SMOOTHING_STEP = 0.5, 0.01
POINTS_RANGE, POINTS_STEP = (10, 200), 10  # points per class
NOISE_MAX, NOISE_STEP = 0.5, 0.05

DEFAULTS = {
    "tr_z": "2, 1, 0.1, -1, 3",
    "tr_y": 1,
    "tr_lr": 1.0,
    "tr_steps": 200,
    "tr_eps": 0.0,
    "tr_data": "blobs",
    "tr_k": 3,
    "tr_n": 60,
    "tr_noise": 0.1,
    "tr_seed": 0,
    "tr_quad": False,
    "tr_rlr": 1.0,
    "tr_rsteps": 200,
}

PRESETS = {
    "basic": {"tr_z": "2, 1, 0.1, -1, 3", "tr_y": 1, "tr_lr": 1.0, "tr_steps": 200, "tr_eps": 0.0},
    "slow": {"tr_z": "2, 1, 0.1, -1, 3", "tr_y": 1, "tr_lr": 0.05, "tr_steps": 500, "tr_eps": 0.0},
    "smoothing": {
        "tr_z": "2, 1, 0.1, -1, 3",
        "tr_y": 1,
        "tr_lr": 1.0,
        "tr_steps": 200,
        "tr_eps": 0.1,
    },
    "confident_wrong": {
        "tr_z": "-2, 0, 6, 1",
        "tr_y": 1,
        "tr_lr": 0.5,
        "tr_steps": 300,
        "tr_eps": 0.0,
    },
}


def init() -> None:
    """Give every input its default the first time the page runs in this session."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def apply_preset(name: str) -> None:
    """Callback: load the logits preset ``name``."""
    st.session_state.update(PRESETS[name])


def reset() -> None:
    """Callback: every input of both parts back to its default."""
    st.session_state.update(DEFAULTS)


def fallback_logits() -> np.ndarray:
    """Return the default logits, for a page opened with invalid input."""
    return parse_vector(DEFAULTS["tr_z"])


@st.cache_data(max_entries=64, show_spinner=False)
def logit_run(
    z: tuple[float, ...], target: int, learning_rate: float, steps: int, label_smoothing: float
) -> LogitDescent:
    """Return :func:`.model.descend_logits` for these inputs (cached)."""
    return descend_logits(np.array(z), target, learning_rate, steps, label_smoothing)


@dataclass(frozen=True)
class RegressionView:
    """A data set, the softmax regression trained on it, and its decision regions per frame."""

    X: np.ndarray  #: (N, 2) the points
    labels: np.ndarray  #: (N,) their classes
    run: RegressionRun
    xs: np.ndarray  #: the grid's x values
    ys: np.ndarray  #: the grid's y values
    regions: np.ndarray  #: (F, len(ys), len(xs)) the predicted class at each frame


@st.cache_data(max_entries=32, show_spinner=False)
def regression_run(
    dataset: str,
    num_classes: int,
    points_per_class: int,
    noise: float,
    seed: int,
    quadratic: bool,
    learning_rate: float,
    steps: int,
) -> RegressionView:
    """Return the data set and its trained softmax regression for these inputs (cached)."""
    X, labels = make_dataset(dataset, num_classes, points_per_class, noise, seed)
    run = train_softmax_regression(
        add_features(X, quadratic), labels, num_classes, learning_rate, steps, REGRESSION_FRAMES
    )
    xs, ys = grid_axes(X, GRID_RESOLUTION)
    regions = np.stack(
        [decision_regions(xs, ys, W, b, quadratic) for W, b in zip(run.W, run.b, strict=True)]
    )
    return RegressionView(X, labels, run, xs, ys, regions.astype(np.int8))


# ---- the link ---------------------------------------------------------------------------------
MAX_TEXT = 300  # 10 logits with every digit a float64 holds fit in about 240 characters


def _logits_field() -> urlstate.Field:
    """Return the field of the logits box: only text the box itself would accept is taken."""
    field = urlstate.text("tr_z", max_chars=MAX_TEXT, default=DEFAULTS["tr_z"])

    def read(value: str) -> str:
        text = field.read(value)
        check_logits(parse_vector(text, allow_nan=False, allow_inf=False, max_count=MAX_LOGITS))
        return text

    return replace(field, read=read)


def _on_grid(field: urlstate.Field, step: float) -> urlstate.Field:
    """Return ``field`` taking only multiples of ``step``, the values its slider can reach."""

    def read(value: str) -> float:
        steps = field.read(value) / step
        if abs(steps - round(steps)) > 1e-9:
            raise ValueError(field.key)
        return type(step)(round(round(steps) * step, 10) + 0)  # + 0 turns -0.0 into 0.0

    return replace(field, read=read)


def _integer(key: str, low: int, high: int) -> urlstate.Field:
    return urlstate.integer(key, low, high, default=DEFAULTS[key])


URL_FIELDS = (
    _logits_field(),
    _integer("tr_y", 1, MAX_LOGITS),
    urlstate.choice("tr_lr", LEARNING_RATES, default=DEFAULTS["tr_lr"]),
    _integer("tr_steps", 1, MAX_STEPS),
    _on_grid(
        urlstate.number("tr_eps", 0.0, SMOOTHING_MAX, default=DEFAULTS["tr_eps"]), SMOOTHING_STEP
    ),
    urlstate.choice("tr_data", DATASETS, default=DEFAULTS["tr_data"]),
    _integer("tr_k", *CLASS_RANGE),
    _on_grid(_integer("tr_n", *POINTS_RANGE), POINTS_STEP),
    _on_grid(urlstate.number("tr_noise", 0.0, NOISE_MAX, default=DEFAULTS["tr_noise"]), NOISE_STEP),
    _integer("tr_seed", 0, MAX_SEED),
    urlstate.flag("tr_quad", default=DEFAULTS["tr_quad"]),
    urlstate.choice("tr_rlr", REGRESSION_RATES, default=DEFAULTS["tr_rlr"]),
    _integer("tr_rsteps", 1, MAX_STEPS),
)
