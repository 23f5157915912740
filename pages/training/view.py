"""The Training page's results as text: one format per quantity, tables for the downloads.

Wherever a number appears on the page (a metric, a chart's per-step line, a note, a sentence),
a loss or a gradient's norm reads :func:`loss_text`, a probability :func:`probability_text`, a
share :func:`percent`. The values printed on the bars are :func:`lab.numbers.bar`'s.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from lab import numbers
from pages.training.model import LogitDescent, RegressionRun


def loss_text(value: float) -> str:
    """Return a loss, an entropy or a gradient's norm with 4 significant digits (``0.003793``).

    These span many orders of magnitude while training; a fixed number of decimals would
    print a small loss as 0.0000. Non-finite values read ``∞`` and ``NaN``.
    """
    return numbers.sig(value, 4)


def probability_text(value: float) -> str:
    """Return a probability (a_j, its optimum) with 6 decimals (``0.996215``, ``1.000000``).

    The same decimals for all of them, so that a_j is read against its optimum digit by digit.
    """
    return numbers.fixed(value, 6)


def percent(share: float) -> str:
    """Return a share (0 to 1) as a percentage with one decimal, ``87.5%``."""
    return numbers.fixed(100 * share, 1) + "%"


def _spelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with NaN written out (a CSV would leave an empty cell)."""
    return frame.astype(object).where(frame.notna(), "NaN")


def logit_history(run: LogitDescent, t: Callable[..., str]) -> pd.DataFrame:
    """Return one row per step: the loss, the gradient's norm, a_j, then every z_k and a_k."""
    k = run.z.shape[1]
    columns = {
        t("training.col.step"): np.arange(run.loss.size),
        t("training.fig.loss"): run.loss,
        t("training.fig.norm"): run.grad_norm,
        t("training.col.a_j", j=run.target + 1): run.a[:, run.target],
    }
    columns |= {f"z_{i + 1}": run.z[:, i] for i in range(k)}
    columns |= {f"a_{i + 1}": run.a[:, i] for i in range(k)}
    return _spelled(pd.DataFrame(columns))


def logit_record(run: LogitDescent) -> dict:
    """Return the inputs and the final state of the descent, for the JSON download."""
    return {
        "z_start": run.z[0],
        "true_class": run.target + 1,
        "learning_rate": run.learning_rate,
        "steps": run.loss.size - 1,
        "label_smoothing": run.label_smoothing,
        "final": {
            "loss": run.loss[-1],
            "a_j": run.a[-1, run.target],
            "grad_norm": run.grad_norm[-1],
            "z": run.z[-1],
            "a": run.a[-1],
        },
        "target_q": run.optimum,
        "lowest_possible_loss": run.min_loss,
        "first_step_with_loss_0": run.first_zero_loss,
        "first_step_with_loss_inf": run.first_infinite_loss,
    }


def regression_history(run: RegressionRun, t: Callable[..., str]) -> pd.DataFrame:
    """Return one row per step of softmax regression: the mean loss and the accuracy."""
    return _spelled(
        pd.DataFrame(
            {
                t("training.col.step"): np.arange(run.loss.size),
                t("training.fig.mean_loss"): run.loss,
                t("training.fig.accuracy"): run.accuracy,
            }
        )
    )


def regression_record(run: RegressionRun, inputs: dict) -> dict:
    """Return the inputs, the final metrics and the final weights, for the JSON download."""
    return {
        **inputs,
        "loss_at_step_0": run.loss[0],
        "final_mean_loss": run.loss[-1],
        "final_accuracy": run.accuracy[-1],
        "W": run.W[-1],
        "b": run.b[-1],
    }
