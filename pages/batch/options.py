"""The options of ``F.cross_entropy`` the Batch page offers, defined once for the page, the link,
the downloads and the PyTorch code."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

REDUCTIONS = ("mean", "sum", "none")
PYTORCH_IGNORE_INDEX = -100  # F.cross_entropy's default ignore_index
IGNORE_RANGE = (-1_000_000, 1_000_000)  # what the ignore_index box and the link take
SMOOTHING_STEP = 0.05  # label smoothing ε from 0 to 1 in these steps


@dataclass(frozen=True)
class Options:
    """The options of ``F.cross_entropy`` chosen on the page (targets: labels or probabilities).

    The defaults are PyTorch's: class targets, no weights, ``ignore_index=-100``, the mean,
    no label smoothing.
    """

    soft: bool = False
    weight: np.ndarray | None = None
    ignore_index: int = PYTORCH_IGNORE_INDEX
    reduction: str = "mean"
    label_smoothing: float = 0.0

    @property
    def effective_ignore_index(self) -> int:
        """Return the ignore_index PyTorch uses: probability targets ignore no row."""
        return PYTORCH_IGNORE_INDEX if self.soft else self.ignore_index

    def kwargs(self, **changes: object) -> dict:
        """Return the keyword arguments of ce_core's cross_entropy (and PyTorch's), ``changes``
        applied (e.g. ``reduction="none"``)."""
        return {
            "weight": self.weight,
            "ignore_index": self.effective_ignore_index,
            "reduction": self.reduction,
            "label_smoothing": self.label_smoothing,
            **changes,
        }

    def record(self) -> dict:
        """Return the options as the JSON download states them (weights finite, so plain)."""
        return {
            "targets": "probabilities" if self.soft else "class indices (from 0)",
            "weight": None if self.weight is None else [float(w) for w in self.weight],
            "ignore_index": None if self.soft else self.ignore_index,
            "reduction": self.reduction,
            "label_smoothing": self.label_smoothing,
        }


DEFAULT = Options()
