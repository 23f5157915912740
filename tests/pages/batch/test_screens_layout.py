"""The Batch page on a projector, a laptop and a phone: what comes first, and chart text that
never collides (values over a dashed level, a colour key under an axis title)."""

from __future__ import annotations

import math

from lab.i18n import translate
from pages.batch.figures import decomposition_figure, row_losses_figure, vocabulary_figure
from pages.batch.figures_double import double_gradients_figure, double_losses_figure
from pages.batch.view import figure_text

from ..apptest import open_page


def english(key: str, **values) -> str:
    return translate(key, "en").format(**values) if values else translate(key, "en")


def elements(node):
    """Yield every element under ``node``, in the order of the screen."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from elements(child)


def kinds(at) -> list[str]:
    """Return the main area's inputs and charts in screen order ("k", "chart <key>", ...)."""
    out = []
    for element in elements(at.main):
        if element.type == "plotly_chart":
            out.append("chart " + element.proto.id.split("bt_chart_")[-1].split("-")[0])
        elif element.type == "number_input" and element.key == "bt_k":
            out.append("k")
        elif element.type == "header":
            out.append("results")
    return out


def test_the_row_losses_come_right_after_the_table_before_the_results():
    for query in ({}, {"present": "1"}):
        at = open_page("batch", **query)
        order = kinds(at)
        assert order[:3] == ["k", "chart losses", "results"], (query, order)


def test_on_a_projector_the_table_its_losses_and_the_options_are_three_columns():
    at = open_page("batch", present="1")
    columns = [c for c in elements(at.main) if c.type == "column"]
    assert len(columns) >= 3
    first_three = [kinds_of(c) for c in columns[:3]]
    assert "k" in first_three[0] and "chart losses" in first_three[1]
    assert "bt_reduction" in first_three[2]


def kinds_of(column) -> list[str]:
    out = []
    for element in elements(column):
        if element.type == "plotly_chart":
            out.append("chart " + element.proto.id.split("bt_chart_")[-1].split("-")[0])
        elif getattr(element, "key", None):
            out.append("k" if element.key == "bt_k" else element.key)
    return out


def test_the_table_help_is_folded():
    at = open_page("batch")
    folded = [e for e in at.expander if e.label == english("batch.table.help.title")]
    assert len(folded) == 1
    inside = [c.value for c in elements(folded[0]) if c.type == "caption"]
    everywhere = [c.value for c in at.main.caption if "One row per example" in c.value]
    assert len(everywhere) == 1 and everywhere == [v for v in inside if "One row per" in v]


def test_dashed_levels_lie_behind_the_values_printed_over_the_bars():
    text = {key: english(value) for key, value in FIGURE_TEXT_LOSSES.items()}
    figures = [
        row_losses_figure([0.5, 0.6, 0.0], [False, False, True], 0.55, text),
        vocabulary_figure([10.0, 11.0], math.log(50_257), text),
    ]
    for spec in figures:
        (level,) = spec["layout"]["shapes"]
        assert level["layer"] == "between"  # above the grid, under the bars and their text
        bars = spec["data"][0]
        assert bars["textposition"] == "outside" and bars["textfont"]["shadow"] == "auto"
    assert figures[0]["data"][0]["text"] == ["0.500", "0.600", "ignored"]


def test_colour_keys_under_the_plot_hang_from_the_chart_bottom():
    t = english
    figures = [
        decomposition_figure([0.0], [0.4], [0.4], [False], figure_text("decomposition", t)),
        double_losses_figure([0.4], [0.9], (0.5, 1.5), figure_text("double_losses", t)),
        double_gradients_figure([0.4], [0.1], figure_text("double_grads", t)),
    ]
    for spec in figures:
        legend = spec["layout"]["legend"]
        assert (legend["yref"], legend["y"], legend["yanchor"]) == ("container", 0, "bottom")
        assert spec["layout"]["margin"]["b"] >= 130  # the ticks, the axis title and the key


FIGURE_TEXT_LOSSES = {
    "title": "batch.fig.losses",
    "row": "batch.fig.row",
    "loss": "batch.fig.loss",
    "ignored": "batch.fig.ignored",
    "mean": "batch.fig.mean",
    "broken": "batch.fig.broken",
    "baseline": "batch.vocab.fig.baseline",
}
