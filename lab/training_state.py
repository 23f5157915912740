"""The Training page's inputs (defaults, presets) and its cached training runs.

Inputs live in ``st.session_state`` under the widgets' keys, all prefixed ``tr_``. The runs are
pure functions of those inputs, cached with ``st.cache_data``, so a rerun with the same inputs
(switching language, moving the animation's slider) costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from ce_core import (
    LogitDescent,
    RegressionRun,
    add_features,
    decision_regions,
    descend_logits,
    grid_axes,
    make_dataset,
    parse_vector,
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


def fallback_logits() -> np.ndarray:
    """Return the default logits, for a page opened with invalid input."""
    return parse_vector(DEFAULTS["tr_z"])


def remember_target(target: int) -> None:
    """Keep ``target`` as the last true class that was valid."""
    st.session_state["_valid_tr_y"] = target


def last_valid_target(num_classes: int) -> int:
    """Return the last valid true class (counting from 1), brought within ``num_classes``."""
    return min(int(st.session_state.get("_valid_tr_y", 1)), num_classes)


@st.cache_data(max_entries=64, show_spinner=False)
def logit_run(
    z: tuple[float, ...], target: int, learning_rate: float, steps: int, label_smoothing: float
) -> LogitDescent:
    """Return :func:`ce_core.descend_logits` for these inputs (cached)."""
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
