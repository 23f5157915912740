"""CSV downloads: they open in Excel with Chinese headers, and user text never runs as a formula."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from lab.downloads import BOM, csv_text, spreadsheet_safe


@pytest.mark.parametrize(
    "text", ["=1+1", "+2+3", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_text_a_spreadsheet_would_run_is_quoted(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("cell", ["-1.5", "+2", "-inf", "1e-300", "cat", "", 3.0, -7, None])
def test_numbers_and_plain_text_stay_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


def test_csv_has_a_byte_order_mark_and_reads_back_with_its_chinese_headers():
    table = pd.DataFrame({"类别": ["=1+1", "猫"], "损失": [0.5, -1.25]})
    text = csv_text(table)
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows == [["类别", "损失"], ["'=1+1", "0.5"], ["猫", "-1.25"]]


def test_a_formula_in_a_header_is_quoted_too():
    rows = list(csv.reader(io.StringIO(csv_text(pd.DataFrame({"@x": [1]})).removeprefix(BOM))))
    assert rows[0] == ["'@x"]
