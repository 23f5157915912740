"""Reading a batch from CSV, and checking a typed table: values, and errors naming the cell."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest

from ce_core import TableError, check_batch_table, decode_csv, parse_batch_csv
from ce_core.batch_csv import MAX_BYTES
from ce_core.batch_table import MAX_CLASSES, MAX_ROWS, MESSAGES

NAN = math.nan


def error_of(data, **kwargs) -> TableError:
    with pytest.raises(TableError) as info:
        parse_batch_csv(data, **kwargs)
    return info.value


# ---------------------------------------------------------------- what is accepted


def test_labels_count_from_one_and_an_empty_label_ignores_the_row():
    table = parse_batch_csv("label,z1,z2,z3\n1,2.0,1.0,0.1\n3,0.5,-1,2\n,0,0,0\n")
    assert table.logits.tolist() == [[2.0, 1.0, 0.1], [0.5, -1.0, 2.0], [0.0, 0.0, 0.0]]
    assert table.labels[:2].tolist() == [1.0, 3.0] and math.isnan(table.labels[2])
    assert table.soft is None


def test_target_column_counts_from_zero_and_minus_100_ignores():
    table = parse_batch_csv("target,z1,z2\n0,1,2\n1,3,4\n-100,5,6\n,7,8\n")
    assert table.labels[:2].tolist() == [1.0, 2.0]
    assert np.isnan(table.labels[2:]).all()


def test_probability_targets_alone_or_with_labels():
    soft = parse_batch_csv("z1,z2,q1,q2\n1,2,0.25,0.75\n")
    assert soft.labels is None and soft.soft.tolist() == [[0.25, 0.75]]
    both = parse_batch_csv("label,z1,z2,q1,q2\n2,1,2,0.25,0.75\n")
    assert both.labels.tolist() == [2.0] and both.soft.tolist() == [[0.25, 0.75]]


def test_columns_in_any_order_with_spaces_and_capitals():
    table = parse_batch_csv(" Z2 , label ,z1\n5, 2 ,7\n")
    assert table.logits.tolist() == [[7.0, 5.0]] and table.labels.tolist() == [2.0]


@pytest.mark.parametrize(
    "text",
    [
        "label\tz1\tz2\n1\t2\t3\n",
        "label;z1;z2\n1;2;3\n",
        "label,z1,z2\r\n1,2,3\r\n",
        "\n\nlabel,z1,z2\n\n1,2,3\n,,\n\n",
        'label,"z1",z2\n"1",2,"3"\n',
    ],
)
def test_delimiters_line_ends_quotes_and_blank_lines(text):
    table = parse_batch_csv(text)
    assert table.logits.tolist() == [[2.0, 3.0]] and table.labels.tolist() == [1.0]


def test_python_number_syntax_and_minus_inf_masks_a_class():
    table = parse_batch_csv("label,z1,z2,z3\n1, 1.5 ,.5,-inf\n2,1E3,+2,-Infinity\n")
    assert table.logits.tolist() == [[1.5, 0.5, -math.inf], [1000.0, 2.0, -math.inf]]


def test_bytes_with_a_byte_order_mark():
    assert parse_batch_csv(b"\xef\xbb\xbflabel,z1,z2\n1,2,3\n").labels.tolist() == [1.0]


def test_written_floats_read_back_exactly():
    rng = np.random.default_rng(7)
    z = rng.standard_normal((50, 6)) * 10.0 ** rng.integers(-5, 5, size=(50, 6))
    text = "label," + ",".join(f"z{k + 1}" for k in range(6)) + "\n"
    text += "".join("1," + ",".join(repr(float(v)) for v in row) + "\n" for row in z)
    assert np.array_equal(parse_batch_csv(text).logits, z)


def test_the_largest_table_allowed_is_read():
    header = ",".join(["label"] + [f"z{k + 1}" for k in range(MAX_CLASSES)])
    rows = ("1," + ",".join(["0"] * MAX_CLASSES) + "\n") * 3
    assert parse_batch_csv(header + "\n" + rows).logits.shape == (3, MAX_CLASSES)
    many = "label,z1,z2\n" + "1,0,1\n" * MAX_ROWS
    assert parse_batch_csv(many).num_rows == MAX_ROWS


# ---------------------------------------------------------------- errors: where and what


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "name"),
    [
        ("label,z1,z2\n1,2,abc\n", "not_number", 2, 3, "z2"),
        ("label,z1,z2\n1,2,3\n1,,3\n", "blank", 3, 2, "z1"),
        ("label,z1,z2\n1,nan,3\n", "nan_value", 2, 2, "z1"),
        ("label,z1,z2\n1,2,inf\n", "pos_inf", 2, 3, "z2"),
        ("label,z1,z2\n1,2,1e999\n", "overflow", 2, 3, "z2"),
        ("label,z1,z2\n1,1_000,3\n", "not_number", 2, 2, "z1"),
        ("label,z1,z2\n1,0x10,3\n", "not_number", 2, 2, "z1"),
        ("label,z1,z2\n1,1,2\n0,2,3\n", "label", 3, 1, "label"),
        ("z1,z2,label\n1,2,2.5\n", "label", 2, 3, "label"),
        ("label,z1,z2\n3,2,3\n", "label", 2, 1, "label"),
        ("label,z1,z2\nfirst,2,3\n", "label", 2, 1, "label"),
        ("target,z1,z2\n2,2,3\n", "target", 2, 1, "target"),
        ("label,z1,z2\n1,2\n", "cell_count", 2, 3, ""),
        ("label,z1,z2\n1,2,3,4\n", "cell_count", 2, 4, ""),
        ("label,z1,weird\n1,2,3\n", "unknown_column", 1, 3, ""),
        ("label,z1,z1\n1,2,3\n", "duplicate_column", 1, 3, ""),
        ("z1,z2,q1,q2\n1,2,1.5,-0.5\n", "probability", 2, 3, "q1"),
        ("z1,z2,q1,q2\n1,2,0.5,0.4\n", "probability_sum", 2, 0, ""),
        ("label,z1,z2\n1,-inf,-inf\n", "all_masked", 2, 0, ""),
        ("label,z1,z2\n1,2,3\n\n\n1,x,3\n", "not_number", 5, 2, "z1"),
        ("label,z1,z2\n1,\x07,3\n", "control_character", 2, 2, ""),
    ],
)
def test_each_error_names_its_line_and_column(text, code, line, column, name):
    error = error_of(text)
    assert (error.code, error.line, error.column, error.name) == (code, line, column, name)
    assert str(error).startswith(f"Line {line}")


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "no_header", {}),
        ("\n \n", "no_header", {}),
        ("label,z1,z2\n", "no_rows", {}),
        ("label,z1,z3\n1,2,3\n", "missing_column", {"token": "z2"}),
        ("z1,z2\n1,2\n", "no_target", {}),
        ("label,target,z1,z2\n1,0,2,3\n", "label_and_target", {}),
        ("label,z1,z2,q1\n1,2,3,1\n", "q_count", {"count": 1, "k": 2}),
        ("label,z1\n1,2\n", "too_few_classes", {"k": 1}),
        ('label,z1,z2\n1,"2,3\n', "malformed", {}),
    ],
)
def test_header_and_file_errors(text, code, params):
    error = error_of(text)
    assert error.code == code
    assert params.items() <= error.params.items()


def test_too_many_classes():
    header = ",".join(["label"] + [f"z{k + 1}" for k in range(MAX_CLASSES + 1)])
    error = error_of(header + "\n")
    assert (error.code, error.line, error.params["k"]) == ("too_many_classes", 1, MAX_CLASSES + 1)


def test_too_many_rows_stops_at_the_first_row_too_many():
    error = error_of("label,z1,z2\n" + "1,0,1\n" * (MAX_ROWS + 5))
    assert (error.code, error.line) == ("too_many_rows", MAX_ROWS + 2)
    assert error_of("label,z1,z2\n1,0,1\n1,0,1\n", max_rows=1).line == 3


def test_a_file_over_5_mb_is_refused_before_reading():
    error = error_of(b"label,z1,z2\n" + b"1,0,1\n" * (MAX_BYTES // 6 + 1))
    assert error.code == "too_big" and error.params["max_mb"] == "5"
    assert error_of("x" * (MAX_BYTES + 1)).code == "too_big"  # pasted text too


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("label,z1,z2\n1,2,3\n".encode("utf-16"), "utf16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("label,z1,z2\n1,2,3\n".encode("utf-16-le"), "binary"),
        ("标签,z1,z2\n1,2,3\n".encode("gbk"), "encoding"),
    ],
)
def test_binary_files_and_wrong_encodings_are_refused(data, code):
    assert error_of(data).code == code


def test_encoding_errors_name_line_and_column():
    error = error_of(b"label,z1,z2\n1,2,3\n1,\xe9,3\n")
    assert (error.code, error.line, error.column) == ("encoding", 3, 3)
    assert error_of(b"label,z1\x00").params["offset"] == 9


def test_decode_keeps_utf8_text_and_drops_the_byte_order_mark():
    assert decode_csv("label,z1,z2 # α\n".encode()) == "label,z1,z2 # α\n"
    assert decode_csv(b"\xef\xbb\xbfa") == "a"


def test_every_code_has_an_english_message():
    for code in MESSAGES:
        error = TableError(
            code,
            **dict.fromkeys(
                [
                    "size_mb",
                    "max_mb",
                    "offset",
                    "token",
                    "codepoint",
                    "detail",
                    "count",
                    "k",
                    "max_classes",
                    "max_rows",
                    "expected",
                    "last",
                    "total",
                ],
                "1",
            ),
        )
        assert str(error)


# ---------------------------------------------------------------- the typed table


def test_table_errors_name_the_row_and_column():
    with pytest.raises(TableError) as info:
        check_batch_table([[1.0, 2.0], [NAN, 0.0]], [1, 2])
    assert (info.value.code, info.value.row, info.value.name) == ("blank", 2, "z1")
    assert str(info.value) == (
        "Row 2, column 1 (z1): This cell is empty: every logit and every probability needs a "
        "number."
    )
    with pytest.raises(TableError) as info:
        check_batch_table([[1.0, 2.0]], soft=[[0.5, NAN]])
    assert (info.value.code, info.value.name) == ("blank", "q2")
    with pytest.raises(TableError) as info:
        check_batch_table([[1.0, 2.0], [0.0, 0.0]], [1, 0])
    assert (info.value.code, info.value.row, info.value.params["token"]) == ("label", 2, "0")


def test_table_needs_rows_and_a_target():
    with pytest.raises(TableError, match="no example"):
        check_batch_table(np.zeros((0, 3)), np.zeros(0))
    with pytest.raises(TableError) as info:
        check_batch_table([[1.0, 2.0]])
    assert info.value.code == "no_target"


def test_error_moved_to_a_file_line_keeps_its_reason():
    error = TableError("label", row=3, name="label", token="9", k=3).at(line=7, row=0, column=1)
    assert (error.line, error.row, error.column, error.params["k"]) == (7, 0, 1, 3)
    assert str(error).startswith("Line 7, column 1 (label): '9' is not a class")


# ---- a hostile file is refused early, with little memory ----------------------------------------

_MILLION_ROWS = "label,z1,z2\n" + "1,0,0\n" * 10**6
_ROWS_TO_5_MB = "label,z1,z2\n" + "1,0,0\n" * ((MAX_BYTES - 12) // 6)


@pytest.mark.parametrize(
    ("data", "limits", "code", "line"),
    [
        pytest.param(_MILLION_ROWS, {}, "too_big", 0, id="million_rows"),
        pytest.param(
            _MILLION_ROWS, {"max_bytes": 10**9}, "too_many_rows", MAX_ROWS + 2, id="no_size_limit"
        ),
        pytest.param(_ROWS_TO_5_MB, {}, "too_many_rows", MAX_ROWS + 2, id="5_mb_of_rows"),
        pytest.param(
            "label,z1,z2\n" + "12\n" * ((MAX_BYTES - 12) // 3), {}, "cell_count", 2, id="bad_line_2"
        ),
        pytest.param(b"\xff\xfe" + b"\x00" * (MAX_BYTES - 2), {}, "utf16", 0, id="5_mb_utf16"),
        pytest.param(
            "label,z1,z2\n1,0," + "1" * (MAX_BYTES - 30), {}, "malformed", 2, id="5_mb_cell"
        ),
    ],
)
def test_a_hostile_file_is_refused_at_its_first_problem_with_little_memory(
    data, limits, code, line
):
    # The peak used to be 70-120 MB for a 5 MB file of short lines: the delimiter was looked for
    # in text.splitlines(), a string per line, before the header was even read.
    tracemalloc.start()
    try:
        error = error_of(data, **limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (error.code, error.line) == (code, line)
    assert peak < 50 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_a_pasted_byte_order_mark_is_dropped_as_in_a_file():
    # Text copied from a file saved by Excel may start with U+FEFF.
    table = parse_batch_csv("\ufefflabel;z1;z2\r\n1;2;0\r\n")
    assert table.logits.tolist() == [[2.0, 0.0]] and table.labels.tolist() == [1.0]
