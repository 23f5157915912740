"""Text, LaTeX and tables the Playground shows, built from a ce_core Prediction (no math here)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ce_core import Prediction, SoftmaxSteps
from lab import numbers


def class_labels(names: Sequence[str], num_classes: int) -> list[str]:
    """Return the label of each class: its name when names were given, else 1, 2, 3 …"""
    if len(names) == num_classes:
        return list(names)
    return [str(k + 1) for k in range(num_classes)]


def _tex_number(value: float) -> str:
    """Return ``value`` in LaTeX as on a bar, with 4 decimals: ``0.2000``, ``\\infty``."""
    text = numbers.bar(float(value), 4)
    return {"∞": r"\infty", "−∞": r"-\infty", "NaN": r"\mathrm{NaN}"}.get(text, text)


def latex_vector(name: str, values: np.ndarray, shown: Sequence[int]) -> str:
    """Return ``name = (0, 1, …, 0)`` in LaTeX (whole numbers), ``…`` for classes not shown."""
    parts: list[str] = []
    previous = -1
    for k in shown:
        if k != previous + 1:
            parts.append(r"\dots")
        parts.append(numbers.fixed(values[k], 0))
        previous = k
    if previous != len(values) - 1:
        parts.append(r"\dots")
    return f"{name} = (" + ",\\ ".join(parts) + ")"


def latex_loss(result: Prediction) -> str:
    """Return the loss formula filled in: ``L = -Σ y_k ln a_k = -ln a_j = -ln 0.2000 = 1.6094``."""
    j = result.target + 1
    a_j = _tex_number(result.a[result.target])
    loss = _tex_number(result.loss)
    return (
        rf"L = -\sum_{{k=1}}^{{{result.a.size}}} y_k \ln a_k = -\ln a_{{{j}}}"
        rf" = -\ln {a_j} = {loss}"
    )


def loss_text(loss: float) -> str:
    """Return the loss for its metric: 4 decimals, or ``inf`` when the true class is masked."""
    return numbers.fixed(loss) if math.isfinite(loss) else numbers.full(loss)


def _over_t(temperature: float) -> str:
    """Return the suffix of the step table's translation keys when its steps are those of z / T."""
    return "" if temperature == 1.0 else "_T"


def pipeline_table(
    steps: SoftmaxSteps, result: Prediction, labels: Sequence[str], t: Callable[..., str]
) -> pd.DataFrame:
    """Return the table z/T → z/T − max → e^(z/T − max) → a, y and ∂L/∂z, one row per class.

    ``steps`` are those of ``softmax_steps(result.z / result.temperature)``; without a
    temperature the columns are named z, z − max … and the gradient a − y.
    """
    suffix = _over_t(result.temperature)
    return pd.DataFrame(
        {
            t("playground.col.class"): list(labels),
            t(f"playground.col.z{suffix}"): steps.z,
            t(f"playground.col.shifted{suffix}"): steps.shifted,
            t(f"playground.col.exp{suffix}"): steps.exp,
            t("playground.col.a"): result.a,
            t("playground.col.y"): result.y,
            t(f"playground.col.grad{suffix}"): result.grad,
        }
    )


def pipeline_sum(steps: SoftmaxSteps, temperature: float, t: Callable[..., str]) -> str:
    """Return the caption under the step table: ``Σ e^(z − max) = 1.57691``."""
    total = numbers.sig(float(steps.total[0]))
    return t(f"playground.sum{_over_t(temperature)}", total=total)


def torch_snippet(result: Prediction, t: Callable[..., str]) -> str:
    """Return PyTorch code that reproduces the loss and gradient on screen (0-based class)."""
    z = ", ".join(numbers.full(v) if np.isfinite(v) else "float('-inf')" for v in result.z)
    scale = "" if result.temperature == 1.0 else f" / {numbers.full(result.temperature)}"
    return "\n".join(
        [
            "import torch",
            "import torch.nn.functional as F",
            "",
            t("playground.code.comment", shown=result.target + 1, index=result.target),
            f"z = torch.tensor([{z}], dtype=torch.float64, requires_grad=True)",
            f"loss = F.cross_entropy(z{scale}, torch.tensor([{result.target}]))",
            "loss.backward()",
            f"print(loss.item())  # {numbers.full(result.loss)}",
            "print(z.grad)",
        ]
    )


def result_record(result: Prediction, labels: Sequence[str]) -> dict:
    """Return everything the page shows as plain data, for the JSON download."""
    return {
        "classes": list(labels),
        "true_class": result.target + 1,
        "true_class_index_from_0": result.target,
        "temperature": result.temperature,
        "z": result.z,
        "a": result.a,
        "y": result.y,
        "loss": result.loss,
        "grad": result.grad,
        "predicted_class": result.predicted + 1,
        "entropy": result.entropy,
        "perplexity": result.perplexity,
    }
