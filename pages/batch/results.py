"""The Batch page's results: PyTorch's semantics on the batch, all computed by ce_core."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ce_core import (
    BatchTable,
    cross_entropy,
    cross_entropy_of_distributions,
    cross_entropy_with_grad,
    entropy,
    kl_divergence,
    softmax,
)
from pages.batch.model import (
    Denominator,
    class_targets,
    double_softmax_loss_range,
    double_softmax_with_grad,
    gradient_norms,
    mean_denominator,
    target_distribution,
)
from pages.batch.options import Options


@dataclass(frozen=True)
class Results:
    """``F.cross_entropy`` on the batch with the chosen options, and what explains it."""

    targets: np.ndarray | None  #: (N,) PyTorch's class indices from 0; None for probabilities
    target: np.ndarray  #: what goes in as ``target``: ``targets`` or the (N, K) probabilities
    loss: np.ndarray  #: the reduced loss (a scalar, or (N,) for ``reduction="none"``)
    grad: np.ndarray  #: (N, K) the loss's gradient with respect to the logits
    row_losses: np.ndarray  #: (N,) each row's loss
    total: float  #: the sum of the row losses
    denominator: Denominator  #: what the mean divides by
    a: np.ndarray  #: (N, K) the softmax

    @property
    def ignored(self) -> np.ndarray:
        """Return (N,) bool: the rows PyTorch leaves out."""
        return ~self.denominator.kept


def batch_results(table: BatchTable, options: Options) -> Results:
    """Return the loss, its gradient, each row's loss and the mean's denominator."""
    targets = None if options.soft else class_targets(table.labels, options.ignore_index)
    target = table.soft if options.soft else targets
    loss, grad = cross_entropy_with_grad(table.logits, target, **options.kwargs())
    row_losses = cross_entropy(table.logits, target, **options.kwargs(reduction="none"))
    total = float(cross_entropy(table.logits, target, **options.kwargs(reduction="sum")))
    denominator = mean_denominator(
        target,
        table.num_classes,
        weight=options.weight,
        ignore_index=options.effective_ignore_index,
    )
    a = softmax(table.logits, axis=1)
    return Results(targets, target, loss, grad, row_losses, total, denominator, a)


@dataclass(frozen=True)
class Decomposition:
    """Each row's H(t, a) = H(t) + KL(t ‖ a), for the target distribution t PyTorch uses."""

    entropy: np.ndarray  #: (N,) H(t)
    kl: np.ndarray  #: (N,) KL(t ‖ a)
    cross: np.ndarray  #: (N,) H(t, a)


def decomposition(results: Results, options: Options, num_classes: int) -> Decomposition:
    """Return H(t), KL(t ‖ a) and H(t, a) per row."""
    distribution = target_distribution(
        results.target,
        num_classes,
        label_smoothing=options.label_smoothing,
        ignore_index=options.effective_ignore_index,
    )
    return Decomposition(
        entropy(distribution),
        kl_divergence(distribution, results.a),
        cross_entropy_of_distributions(distribution, results.a),
    )


@dataclass(frozen=True)
class DoubleSoftmax:
    """The loss and gradients when softmax outputs go into cross_entropy as if logits."""

    loss: np.ndarray  #: the reduced loss of the mistake
    row_losses: np.ndarray  #: (N,)
    right_norm: np.ndarray  #: (N,) each row's gradient length, correct
    wrong_norm: np.ndarray  #: (N,) the same with the double softmax
    window: tuple[float, float]  #: the range every row's wrong loss stays in


def double_softmax(table: BatchTable, results: Results, options: Options) -> DoubleSoftmax:
    """Return the double-softmax mistake's losses and gradient lengths beside the correct ones."""
    wrong_loss, wrong_grad = double_softmax_with_grad(
        table.logits, results.target, **options.kwargs()
    )
    wrong_rows, _ = double_softmax_with_grad(
        table.logits, results.target, **options.kwargs(reduction="none")
    )
    return DoubleSoftmax(
        wrong_loss,
        wrong_rows,
        gradient_norms(results.grad),
        gradient_norms(wrong_grad),
        double_softmax_loss_range(table.num_classes),
    )
