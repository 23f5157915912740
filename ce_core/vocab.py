r"""A language model's output at toy scale: N rows of 50,257 logits (GPT-2's vocabulary).

A model that knows nothing spreads its probability evenly and scores :math:`\ln K` per token
(10.825 nats for K = 50,257); that is the baseline every trained model must beat. The seeded
logits here are :math:`z_{nk} \sim \mathcal{N}(0, \sigma^2)` in float32, with a "hint" :math:`h`
added to each row's true token, so the mean loss is about :math:`\ln K + \sigma^2/2 - h` until
the hint makes the model confident.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .loss import cross_entropy

GPT2_VOCAB_SIZE = 50_257
MAX_VOCAB_ROWS = 64


def random_vocabulary_logits(
    num_rows: int,
    vocab_size: int = GPT2_VOCAB_SIZE,
    *,
    seed: int = 0,
    spread: float = 1.0,
    hint: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    r"""Return seeded float32 logits ``(num_rows, vocab_size)`` and true tokens (int64, from 0).

    :math:`z_{nk} = \sigma\, \xi_{nk}` with :math:`\xi` standard normal (NumPy's PCG64 seeded
    with ``seed``), then ``hint`` is added to each row's true token, drawn uniformly. The same
    arguments always give the same numbers.

    Parameters
    ----------
    num_rows : int
        N, the number of predicted tokens, from 1 to :data:`MAX_VOCAB_ROWS`.
    vocab_size : int
        K, at least 2; GPT-2's 50,257 by default.
    seed : int
        The generator's seed.
    spread : float
        :math:`\sigma \ge 0`, the standard deviation of the logits.
    hint : float
        :math:`h`, added to the true token's logit: how much the "model" knows.

    Returns
    -------
    z : ndarray, shape (N, K), float32
        The logits.
    tokens : ndarray, shape (N,), int64
        Each row's true token, counting from 0.

    Examples
    --------
    >>> z, tokens = random_vocabulary_logits(2, 10, seed=1, hint=5.0)
    >>> z.shape, z.dtype, tokens.tolist()
    ((2, 10), dtype('float32'), [4, 5])
    """
    if not 1 <= int(num_rows) <= MAX_VOCAB_ROWS:
        raise ValueError(f"num_rows must be between 1 and {MAX_VOCAB_ROWS}, got {num_rows}")
    if int(vocab_size) < 2:
        raise ValueError(f"vocab_size must be at least 2, got {vocab_size}")
    if not (math.isfinite(spread) and spread >= 0 and math.isfinite(hint)):
        raise ValueError("spread must be finite and >= 0, and hint finite")
    rng = np.random.default_rng(seed)
    tokens = rng.integers(0, vocab_size, size=int(num_rows))
    z = rng.standard_normal((int(num_rows), int(vocab_size)), dtype=np.float32)
    z *= np.float32(spread)
    z[np.arange(z.shape[0]), tokens] += np.float32(hint)
    return z, tokens.astype(np.int64)


@dataclass(frozen=True)
class VocabularySummary:
    """What a batch of next-token predictions scores, without the big array."""

    losses: np.ndarray  #: (N,) float64, -ln p of each row's true token (computed in float32)
    mean: float  #: the mean loss (reduction="mean", float32 as PyTorch would)
    baseline: float  #: ln K, the loss of the uniform prediction
    target_probability: np.ndarray  #: (N,) p of the true token
    target_rank: np.ndarray  #: (N,) 1 + how many tokens have a larger logit
    top_tokens: np.ndarray  #: (N, top) token ids (from 0), most probable first
    top_probabilities: np.ndarray  #: (N, top) their probabilities

    @property
    def perplexity(self) -> float:
        """Return :math:`e^{\\text{mean}}`: how many tokens the model hesitates between."""
        return math.exp(self.mean) if self.mean < 709 else math.inf


def top_k(logits: ArrayLike, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the ``count`` largest logits of each row and their columns, largest first.

    Ties keep the smaller column first.

    Parameters
    ----------
    logits : array_like, shape (N, K) or (K,)
        The scores; a 1-D input is one row.
    count : int
        How many to keep per row (at most K).

    Returns
    -------
    columns : ndarray, shape (N, count), int64
        The columns of the largest logits, largest first.
    values : ndarray, shape (N, count)
        The logits there, in the input's dtype.

    Examples
    --------
    >>> top_k([[0.1, 3.0, 2.0, 3.0]], 2)
    (array([[1, 3]]), array([[3., 3.]]))
    """
    z = np.array(logits, ndmin=2)  # a copy: the columns taken are masked in it
    count = min(int(count), z.shape[1])
    rows = np.arange(z.shape[0])
    columns = np.empty((z.shape[0], count), dtype=np.int64)
    values = np.empty((z.shape[0], count), dtype=z.dtype)
    # A few passes of argmax beat sorting or partitioning 50,257 columns for a handful.
    for i in range(count):
        columns[:, i] = np.argmax(z, axis=1)
        values[:, i] = z[rows, columns[:, i]]
        z[rows, columns[:, i]] = -np.inf
    return columns, values


def summarise_vocabulary(logits: ArrayLike, tokens: ArrayLike, top: int = 5) -> VocabularySummary:
    r"""Return the losses, the :math:`\ln K` baseline and the top tokens of a batch of logits.

    Parameters
    ----------
    logits : array_like, shape (N, K)
        The logits, as from :func:`random_vocabulary_logits`.
    tokens : array_like, shape (N,)
        Each row's true token, counting from 0.
    top : int
        How many of the most probable tokens to keep per row.

    Returns
    -------
    VocabularySummary
        The per-row losses (from :func:`~ce_core.cross_entropy`), their mean, :math:`\ln K`, the
        true token's probability and rank, and the ``top`` tokens with their probabilities.

    Examples
    --------
    >>> s = summarise_vocabulary(np.zeros((2, 4), np.float32), [0, 3])
    >>> round(s.mean, 6), round(s.baseline, 6), s.top_tokens[0].tolist()
    (1.386294, 1.386294, [0, 1, 2, 3])
    """
    z = np.asarray(logits)
    t = np.asarray(tokens, dtype=np.int64)
    losses = np.asarray(cross_entropy(z, t, reduction="none"), dtype=np.float64)
    mean = float(cross_entropy(z, t))
    columns, values = top_k(z, top)
    rows = np.arange(z.shape[0])
    true_logit = z[rows, t]
    lse = losses + true_logit  # ln sum e^z, since the loss is lse - z_true
    with np.errstate(under="ignore"):
        top_probabilities = np.exp(values - lse[:, None])
        target_probability = np.exp(-losses)
    rank = 1 + np.count_nonzero(z > true_logit[:, None], axis=1)
    return VocabularySummary(
        losses,
        mean,
        math.log(z.shape[1]),
        target_probability,
        rank,
        columns,
        top_probabilities,
    )
