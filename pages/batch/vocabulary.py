"""The Batch page's last section: a batch of GPT-2-sized predictions, 50,257 classes per row.

Only the summary reaches the browser (losses, ranks, the top tokens), never the N x 50,257 logits;
it is cached for each choice of inputs, so moving a slider back is instant.
"""

from __future__ import annotations

import streamlit as st

from ce_core import GPT2_VOCAB_SIZE, MAX_VOCAB_ROWS, random_vocabulary_logits, summarise_vocabulary
from lab import numbers
from lab.charts import chart
from lab.language import t
from pages.batch import state
from pages.batch.figures import vocabulary_figure
from pages.batch.view import figure_text, vocabulary_table


@st.cache_data(max_entries=32, show_spinner=False)
def vocabulary(num_rows: int, seed: int, spread: float, hint: float):
    """Return the true tokens and the summary of seeded GPT-2-sized logits."""
    logits, tokens = random_vocabulary_logits(num_rows, seed=seed, spread=spread, hint=hint)
    return tokens, summarise_vocabulary(logits, tokens)


def vocabulary_section() -> None:
    """Draw the section: its inputs, the mean loss against ln K, each row's loss and top tokens."""
    st.header(t("batch.vocab.header"))
    st.markdown(t("batch.vocab.intro"))
    n_column, seed_column, spread_column, hint_column = st.columns(4)
    rows = n_column.slider(
        t("batch.vocab.n"), 1, MAX_VOCAB_ROWS, key="bt_vocab_n", persist_state="session"
    )
    seed = seed_column.number_input(
        t("batch.vocab.seed"),
        0,
        state.VOCAB_SEED_MAX,
        step=1,
        key="bt_vocab_seed",
        persist_state="session",
    )
    spread = spread_column.slider(
        t("batch.vocab.spread"),
        0.0,
        state.VOCAB_SPREAD[0],
        step=state.VOCAB_SPREAD[1],
        key="bt_vocab_spread",
        help=t("batch.vocab.spread.help"),
        persist_state="session",
    )
    hint = hint_column.slider(
        t("batch.vocab.hint"),
        0.0,
        state.VOCAB_HINT[0],
        step=state.VOCAB_HINT[1],
        key="bt_vocab_hint",
        help=t("batch.vocab.hint.help"),
        persist_state="session",
    )
    tokens, summary = vocabulary(int(rows), int(seed), float(spread), float(hint))
    mean_column, baseline_column, perplexity_column = st.columns(3)
    mean_column.metric(t("batch.vocab.mean"), numbers.fixed(summary.mean))
    baseline_column.metric(t("batch.vocab.baseline"), numbers.fixed(summary.baseline))
    perplexity_column.metric(
        t("batch.vocab.perplexity"),
        f"{summary.perplexity:,.1f}",
        help=t("batch.vocab.perplexity.help"),
    )
    chart(
        vocabulary_figure(summary.losses.tolist(), summary.baseline, figure_text("vocab", t)),
        "bt_chart_vocab",
    )
    st.dataframe(vocabulary_table(tokens, summary, t))
    st.caption(t("batch.vocab.ids", cells=f"{int(rows) * GPT2_VOCAB_SIZE:,}"))
