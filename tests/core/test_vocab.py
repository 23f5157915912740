"""The large-vocabulary example: seeded GPT-2-sized logits, their losses, ln K, the top tokens."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ce_core import (
    GPT2_VOCAB_SIZE,
    cross_entropy,
    log_softmax,
    random_vocabulary_logits,
    summarise_vocabulary,
    top_k,
)


def test_logits_are_seeded_float32_of_gpt2_size():
    z, tokens = random_vocabulary_logits(3, seed=5)
    again, tokens_again = random_vocabulary_logits(3, seed=5)
    assert z.shape == (3, GPT2_VOCAB_SIZE) and z.dtype == np.float32
    assert np.array_equal(z, again) and np.array_equal(tokens, tokens_again)
    assert not np.array_equal(z, random_vocabulary_logits(3, seed=6)[0])
    assert tokens.min() >= 0 and tokens.max() < GPT2_VOCAB_SIZE


def test_the_hint_goes_to_the_true_token():
    z, tokens = random_vocabulary_logits(4, 100, seed=1, spread=0.0, hint=3.0)
    assert np.array_equal(np.argmax(z, axis=1), tokens)
    assert np.count_nonzero(z) == 4


def test_zero_spread_scores_exactly_the_baseline_ln_k():
    z, tokens = random_vocabulary_logits(2, seed=0, spread=0.0)
    summary = summarise_vocabulary(z, tokens)
    assert summary.baseline == math.log(GPT2_VOCAB_SIZE)
    assert summary.mean == pytest.approx(summary.baseline, rel=1e-6)
    assert summary.perplexity == pytest.approx(GPT2_VOCAB_SIZE, rel=1e-4)


def test_summary_matches_a_float64_computation():
    z, tokens = random_vocabulary_logits(5, seed=3, spread=2.0, hint=4.0)
    summary = summarise_vocabulary(z, tokens)
    log_p = log_softmax(z.astype(np.float64), axis=1)
    rows = np.arange(5)
    assert summary.losses == pytest.approx(-log_p[rows, tokens], rel=1e-6)
    assert summary.mean == pytest.approx(float(cross_entropy(z.astype(np.float64), tokens)), 1e-6)
    order = np.argsort(-z, axis=1, kind="stable")[:, :5]
    assert np.array_equal(summary.top_tokens, order)
    assert summary.top_probabilities == pytest.approx(np.exp(log_p[rows[:, None], order]), 1e-5)
    assert summary.target_probability == pytest.approx(np.exp(log_p[rows, tokens]), rel=1e-5)
    rank = 1 + np.sum(z > z[rows, tokens][:, None], axis=1)
    assert np.array_equal(summary.target_rank, rank)


def test_top_k_takes_ties_in_column_order():
    columns, values = top_k([[0.1, 3.0, 2.0, 3.0], [5.0, 5.0, 5.0, 5.0]], 3)
    assert columns.tolist() == [[1, 3, 2], [0, 1, 2]]
    assert values.tolist() == [[3.0, 3.0, 2.0], [5.0, 5.0, 5.0]]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"num_rows": 0},
        {"num_rows": 65},
        {"num_rows": 1, "vocab_size": 1},
        {"num_rows": 1, "spread": -1.0},
        {"num_rows": 1, "hint": math.inf},
    ],
)
def test_bad_arguments_are_refused(kwargs):
    with pytest.raises(ValueError):
        random_vocabulary_logits(**kwargs)
