"""The stability page's bar charts: what each bar says, on any screen."""

from __future__ import annotations

import math

from lab.charts import NEGATIVE, POSITIVE, PREDICTED
from pages.stability.figures import Series, bars_figure

TEXT = {"title": "t", "a": "a", "class": "class", "broken": "NaN or inf"}


def _texts(figure: dict) -> list[list[str] | None]:
    return [trace.get("text") for trace in figure["data"]]


def test_one_series_prints_every_finite_value_and_names_the_broken_ones():
    figure = bars_figure(["1", "2", "3"], [Series("a", [0.5, math.nan, 0.5], NEGATIVE)], TEXT)
    bars, placeholders = figure["data"]
    assert bars["text"] == ["0.500", "", "0.500"]
    assert placeholders["x"] == ["2"] and placeholders["text"] == ["NaN"]


def test_several_series_print_only_the_first_one_so_the_values_never_run_together():
    a = [0.09003057, 0.24472847, 0.66524096]
    figure = bars_figure(
        ["1", "2", "3"],
        [Series("a", a, NEGATIVE), Series("b", a, PREDICTED), Series("c", a, POSITIVE)],
        TEXT,
    )
    assert _texts(figure) == [["0.090", "0.245", "0.665"], None, None]
    assert figure["layout"]["legend"]["y"] == 0  # under the plot, clear of the title
