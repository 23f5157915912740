"""Text, LaTeX and tables the Playground shows, built from a ce_core Prediction (no math here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ce_core import SoftmaxSteps
from lab import numbers
from pages.playground.model import Prediction


def class_labels(names: Sequence[str], num_classes: int) -> list[str]:
    """Return the label of each class: its name when names were given, else 1, 2, 3 …"""
    if len(names) == num_classes:
        return list(names)
    return [str(k + 1) for k in range(num_classes)]


def _tex_number(value: float, digits: int = 4) -> str:
    text = numbers.bar(float(value), digits)
    return {"∞": r"\infty", "−∞": r"-\infty", "NaN": r"\mathrm{NaN}"}.get(text, text)


def latex_vector(name: str, values: np.ndarray, shown: Sequence[int], digits: int = 0) -> str:
    """Return ``name = (v_1, …, v_K)`` in LaTeX, with ``…`` where classes are not shown."""
    parts: list[str] = []
    previous = -1
    for k in shown:
        if k != previous + 1:
            parts.append(r"\dots")
        parts.append(_tex_number(values[k], digits) if digits else numbers.fixed(values[k], 0))
        previous = k
    if previous != len(values) - 1:
        parts.append(r"\dots")
    return f"{name} = (" + ",\\ ".join(parts) + ")"


def latex_loss(result: Prediction, labels: Sequence[str]) -> str:
    """Return the loss formula filled in: ``L = -Σ y_k ln a_k = -ln a_j = -ln 0.2000 = 1.6094``.

    On two aligned lines, so that it fits a phone's width.
    """
    j = result.target + 1
    a_j = _tex_number(result.a[result.target])
    loss = _tex_number(result.loss)
    return (
        rf"\begin{{aligned}} L &= -\sum_{{k=1}}^{{{result.a.size}}} y_k \ln a_k \\"
        rf" &= -\ln a_{{{j}}} = -\ln {a_j} = {loss} \end{{aligned}}"
    )


def pipeline_table(
    steps: SoftmaxSteps, result: Prediction, labels: Sequence[str], t: Callable[..., str]
) -> pd.DataFrame:
    """Return the table z → z − max → e^(z − max) → a, with y and the gradient, one row per class.

    ``steps`` are the steps of the softmax of ``z / T``; with a temperature the headers say so,
    and the last column is the gradient with respect to ``z``, ``(a − y) / T``.
    """
    scaled = ".T" if result.temperature != 1.0 else ""
    return pd.DataFrame(
        {
            t("playground.col.class"): list(labels),
            t(f"playground.col.z{scaled}"): steps.z,
            t(f"playground.col.shifted{scaled}"): steps.shifted,
            t(f"playground.col.exp{scaled}"): steps.exp,
            t("playground.col.a"): result.a,
            t("playground.col.y"): result.y,
            t(f"playground.col.grad{scaled}"): result.grad,
        }
    )


def torch_snippet(result: Prediction, t: Callable[..., str]) -> str:
    """Return PyTorch code that reproduces the loss and gradient on screen (0-based class)."""
    z = ", ".join(repr(float(v)) if np.isfinite(v) else "float('-inf')" for v in result.z)
    scale = "" if result.temperature == 1.0 else f" / {result.temperature!r}"
    return "\n".join(
        [
            "import torch",
            "import torch.nn.functional as F",
            "",
            t("playground.code.comment", shown=result.target + 1, index=result.target),
            f"z = torch.tensor([{z}], dtype=torch.float64, requires_grad=True)",
            f"loss = F.cross_entropy(z{scale}, torch.tensor([{result.target}]))",
            "loss.backward()",
            f"print(loss.item())  # {result.loss!r}",
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
