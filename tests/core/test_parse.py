"""Reading typed numbers and class names: what is accepted, what is refused, how it is said."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ce_core import ParseError, format_vector, parse_class_names, parse_vector
from ce_core.parse import MESSAGES

INF, NAN = math.inf, math.nan

ACCEPTED = [
    ("2, 1, 0.1, -1, 3", [2, 1, 0.1, -1, 3]),
    ("2 1 0.1 -1 3", [2, 1, 0.1, -1, 3]),
    ("2\t1\n0.1\r\n-1   3", [2, 1, 0.1, -1, 3]),
    ("2;1; 0.1 ;-1;3", [2, 1, 0.1, -1, 3]),
    ("2，1，0.1，-1，3", [2, 1, 0.1, -1, 3]),
    ("2、1、0.1", [2, 1, 0.1]),
    ("2；1；0.1", [2, 1, 0.1]),
    ("1,\n2,\n3", [1, 2, 3]),
    ("[2, 1, 0.1]", [2, 1, 0.1]),
    ("(2, 1, 0.1)", [2, 1, 0.1]),
    ("  [ 2, 1 ]  ", [2, 1]),
    ("［1，2］", [1, 2]),
    ("（1，2）", [1, 2]),
    ("[1. 2. 3.]", [1, 2, 3]),  # NumPy's way of printing an array
    ("1, 2, 3,", [1, 2, 3]),  # one trailing comma, as Python allows
    ("[1, 2, 3,]", [1, 2, 3]),
    ("1e-3, 2.5E+4, -1e5, 1E0", [1e-3, 2.5e4, -1e5, 1.0]),
    (".5, 5., -.5, +.5e1", [0.5, 5.0, -0.5, 5.0]),
    ("+3, -0, 007", [3, -0.0, 7]),
    ("inf, -inf, +inf, Infinity, -INFINITY", [INF, -INF, INF, INF, -INF]),
    ("nan, NaN, NAN, -nan", [NAN, NAN, NAN, NAN]),
    ("１２，－３．５", [12, -3.5]),  # full-width digits, minus, point and comma
    ("１ｅ－３", [1e-3]),
    ("ｉｎｆ", [INF]),
    ("−4, −inf", [-4, -INF]),  # U+2212, the minus sign of typeset text
    ("1\u3000 2\u00a03", [1, 2, 3]),  # ideographic space, no-break space
    ("1.7976931348623157e308", [1.7976931348623157e308]),
    ("1e-400", [0.0]),  # underflows to 0: as close as a float gets
    ("5e-324", [5e-324]),
    ("42", [42]),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_inputs_give_the_typed_values(text, expected):
    values = parse_vector(text)
    assert values.dtype == np.float64
    np.testing.assert_array_equal(values, np.array(expected, dtype=np.float64))


def test_negative_zero_keeps_its_sign():
    assert np.signbit(parse_vector("-0")[0])


REFUSED = [
    # (text, code, position, column, token)
    ("1, 2, abc", "bad_token", 3, 6, "abc"),
    ("--1", "bad_token", 1, 0, "--1"),
    ("1, +-2", "bad_token", 2, 3, "+-2"),
    ("0x10", "bad_token", 1, 0, "0x10"),
    ("1_000", "bad_token", 1, 0, "1_000"),
    ("1.2.3", "bad_token", 1, 0, "1.2.3"),
    ("1e", "bad_token", 1, 0, "1e"),
    ("e5", "bad_token", 1, 0, "e5"),
    (".", "bad_token", 1, 0, "."),
    ("-", "bad_token", 1, 0, "-"),
    ("1e5.5", "bad_token", 1, 0, "1e5.5"),
    ("infinit", "bad_token", 1, 0, "infinit"),
    ("nan1", "bad_token", 1, 0, "nan1"),
    ("1j", "bad_token", 1, 0, "1j"),
    ("٣", "bad_token", 1, 0, "٣"),  # Arabic-Indic digit: float() takes it, we do not
    ("10²", "bad_token", 1, 0, "10²"),  # NFKC would make it 102
    ("①", "bad_token", 1, 0, "①"),
    ("\u0131nf", "bad_token", 1, 0, "\u0131nf"),  # dotless ı: "inf" only under Unicode case folding
    ("\u0130NF", "bad_token", 1, 0, "\u0130NF"),
    ("1,2,3]", "unmatched_bracket", 0, 5, ""),
    ("[1,2,3", "unmatched_bracket", 0, 0, ""),
    ("(1, 2]", "unmatched_bracket", 0, 0, ""),
    ("[[1, 2]]", "bad_token", 1, 1, "[1"),
    ("[", "unmatched_bracket", 0, 0, ""),
    ("1,,2", "empty_item", 2, 2, ""),
    ("1, , 2", "empty_item", 2, 3, ""),
    (",1", "empty_item", 1, 0, ""),
    ("1;;2", "empty_item", 2, 2, ""),
    ("1，，2", "empty_item", 2, 2, ""),
    ("1,2,,", "empty_item", 3, 4, ""),
    (",", "empty_item", 1, 0, ""),
    ("1, 2\x00", "bad_character", 2, 3, "2\x00"),
    ("1\x07", "bad_character", 1, 0, "1\x07"),
    ("1\u200b2", "bad_character", 1, 0, "1\u200b2"),  # zero-width space
    ("1\x1c2", "bad_character", 1, 0, "1\x1c2"),  # str.isspace() says yes; we say no
    ("\ufeff1", "bad_character", 1, 0, "\ufeff1"),  # a byte-order mark pasted from a file
    ("1, 1e999", "overflow", 2, 3, "1e999"),
    ("-1E400", "overflow", 1, 0, "-1E400"),
    ("1.8e308", "overflow", 1, 0, "1.8e308"),
    ("9" * 400, "overflow", 1, 0, "9" * 400),
    ("", "empty", 0, 0, ""),
    ("   \n\t ", "empty", 0, 0, ""),
    ("[]", "empty", 0, 0, ""),
    ("( )", "empty", 0, 0, ""),
]


@pytest.mark.parametrize(("text", "code", "position", "column", "token"), REFUSED)
def test_refused_inputs_name_the_offending_item(text, code, position, column, token):
    with pytest.raises(ParseError) as info:
        parse_vector(text)
    error = info.value
    assert (error.code, error.position, error.column, error.token) == (
        code,
        position,
        column,
        token,
    )


def test_message_names_the_token_its_position_and_its_character():
    with pytest.raises(ParseError) as info:
        parse_vector("1, 2, abc")
    assert str(info.value) == "'abc' (number 3, at character 7) is not a number."
    assert info.value.params == {"token": "abc", "position": 3, "column": 6, "character": 7}


def test_parse_error_is_a_value_error():
    with pytest.raises(ValueError, match="not a number"):
        parse_vector("x")


def test_message_escapes_invisible_characters_and_shortens_long_tokens():
    with pytest.raises(ParseError) as info:
        parse_vector("1\x07")
    assert info.value.params["codepoint"] == "U+0007"
    assert "U+0007" in str(info.value)
    with pytest.raises(ParseError) as info:
        parse_vector("x" * 500)
    assert info.value.token == "x" * 500
    assert info.value.params["token"] == "x" * 29 + "…"


def test_refused_nan_names_its_position_when_nan_is_not_allowed():
    with pytest.raises(ParseError) as info:
        parse_vector("1, 2, NaN", allow_nan=False)
    assert (info.value.code, info.value.position, info.value.token) == ("nan_not_allowed", 3, "NaN")
    np.testing.assert_array_equal(parse_vector("1, inf", allow_nan=False), [1, INF])


def test_refused_inf_names_its_position_when_inf_is_not_allowed():
    with pytest.raises(ParseError) as info:
        parse_vector("1, -inf", allow_inf=False)
    assert (info.value.code, info.value.position, info.value.column) == ("inf_not_allowed", 2, 3)
    assert np.isnan(parse_vector("nan", allow_inf=False)[0])


def test_the_first_offending_item_is_reported():
    with pytest.raises(ParseError) as info:
        parse_vector("1, x, 1e999, nan", allow_nan=False)
    assert (info.value.code, info.value.position) == ("bad_token", 2)


def test_text_longer_than_max_chars_is_refused_before_it_is_read():
    text = "1," * 500_000 + "1"  # 1,000,001 characters
    with pytest.raises(ParseError) as info:
        parse_vector(text)
    assert info.value.code == "too_long"
    assert info.value.params["length"] == 1_000_001
    assert info.value.params["max_chars"] == 1_000_000
    with pytest.raises(ParseError, match="too long"):
        parse_vector("abc" * 10, max_chars=20)  # too_long wins over bad_token


def test_text_of_exactly_max_chars_is_read():
    assert parse_vector("1" + " " * 999_998 + "2").tolist() == [1.0, 2.0]


def test_more_than_max_count_numbers_are_refused_at_the_first_one_too_many():
    text = ", ".join(["1"] * 200_000)
    with pytest.raises(ParseError) as info:
        parse_vector(text)
    error = info.value
    assert (error.code, error.position, error.column) == ("too_many", 100_001, 300_000)
    assert error.params["max_count"] == 100_000


def test_max_count_numbers_are_accepted_and_one_more_is_not():
    assert parse_vector("1 2 3", max_count=3).size == 3
    with pytest.raises(ParseError, match="at most 3"):
        parse_vector("1 2 3 4", max_count=3)


def test_every_code_has_an_english_message():
    expected = {
        "empty",
        "too_long",
        "too_many",
        "bad_token",
        "empty_item",
        "bad_character",
        "unmatched_bracket",
        "overflow",
        "nan_not_allowed",
        "inf_not_allowed",
        "too_many_names",
        "name_too_long",
        "empty_name",
        "name_bad_character",
        "names_count",
    }
    assert set(MESSAGES) == expected


@settings(max_examples=500)
@given(st.text())
def test_arbitrary_text_raises_nothing_but_parse_error(text):
    try:
        values = parse_vector(text)
    except ParseError as error:
        assert error.code in MESSAGES
        assert 0 <= error.column <= len(text)
        assert str(error)
    else:
        assert values.dtype == np.float64 and values.ndim == 1 and values.size >= 1


_PIECES = st.sampled_from(
    ["1", "-2.5", "1e-3", "inf", "nan", "[", "]", "(", ")", ",", ";", " ", "\n", "，", "、", "e",
     ".", "+", "-", "_", "x", "１", "－", "\x00", "\u200b", "999e999"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_number_like_text_raises_nothing_but_parse_error(text):
    try:
        parse_vector(text)
    except ParseError as error:
        assert error.code in MESSAGES


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=20))
def test_values_joined_by_any_separator_read_back(values):
    for separator in (", ", " ", ";", "\n", "，", "、", "；"):
        np.testing.assert_array_equal(parse_vector(separator.join(map(repr, values))), values)


def test_column_is_the_offset_in_the_original_text_after_wide_characters():
    with pytest.raises(ParseError) as info:
        parse_vector("［１２，　ｘ］")
    assert (info.value.token, info.value.position, info.value.column) == ("ｘ", 2, 5)


# format_vector


def test_format_vector_writes_the_lecture_example():
    assert format_vector([2.0, 1.0, 0.1, -1.0, 3.0]) == "2, 1, 0.1, -1, 3"


@pytest.mark.parametrize(
    ("values", "digits", "text"),
    [
        ([1 / 3, 2 / 3], 6, "0.333333, 0.666667"),
        ([1 / 3], 2, "0.33"),
        ([123456789.0], 4, "1.235e+08"),
        ([np.inf, -np.inf, np.nan], 6, "inf, -inf, nan"),
        ([np.inf, -np.inf, np.nan], None, "inf, -inf, nan"),
        ([0.1 + 0.2], None, "0.30000000000000004"),
        ([2.0, -0.0, 1e16, 5e-324], None, "2, -0, 1e+16, 5e-324"),
        (np.array([0.1, 1e-5], dtype=np.float32), None, "0.1, 1e-05"),
        (3.5, 6, "3.5"),
        ([], 6, ""),
    ],
)
def test_format_vector_gives_known_text(values, digits, text):
    assert format_vector(values, digits=digits) == text


@pytest.mark.parametrize("digits", [0, -1, 2.5, True, "6"])
def test_format_vector_refuses_a_bad_number_of_digits(digits):
    with pytest.raises(ValueError, match="digits"):
        format_vector([1.0], digits=digits)


def test_format_vector_refuses_a_table():
    with pytest.raises(ValueError, match="shape"):
        format_vector([[1.0, 2.0]])


@given(hnp.arrays(np.float64, st.integers(1, 30), elements=st.floats(width=64)))
def test_format_then_parse_gives_back_every_float64_exactly(x):
    back = parse_vector(format_vector(x, digits=None))
    np.testing.assert_array_equal(back, x)  # NaN equals NaN here
    numbers = ~np.isnan(x)  # a NaN's sign bit means nothing and is not written
    assert np.array_equal(np.signbit(back[numbers]), np.signbit(x[numbers]))


@given(hnp.arrays(np.float32, st.integers(1, 30), elements=st.floats(width=32)))
def test_format_then_parse_gives_back_every_float32_exactly(x):
    np.testing.assert_array_equal(parse_vector(format_vector(x, digits=None)).astype(np.float32), x)


@given(hnp.arrays(np.float64, st.integers(1, 30), elements=st.floats(width=64)))
def test_format_with_digits_reads_back_within_its_precision(x):
    back = parse_vector(format_vector(x, digits=6))
    finite = np.isfinite(x) & (np.abs(x) < 1e307)
    np.testing.assert_allclose(back[finite], x[finite], rtol=5e-6, atol=0)
    np.testing.assert_array_equal(back[~np.isfinite(x)], x[~np.isfinite(x)])


# parse_class_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("cat, dog, bird", ["cat", "dog", "bird"]),
        ("猫，狗，鸟", ["猫", "狗", "鸟"]),
        ("猫、狗、鸟", ["猫", "狗", "鸟"]),
        ("cat\ndog\r\nbird\n", ["cat", "dog", "bird"]),
        ("  pine tree ,  oak ", ["pine tree", "oak"]),
        (",cat,dog,", ["cat", "dog"]),
        ("\n\ncat\n\n", ["cat"]),
        ("", []),
        ("   \n , ", []),
        ("👩\u200d💻, 🐱", ["👩\u200d💻", "🐱"]),
        ("x" * 40, ["x" * 40]),
    ],
)
def test_class_names_are_split_and_stripped(text, names):
    assert parse_class_names(text) == names


@pytest.mark.parametrize(
    ("text", "code", "position", "column"),
    [
        ("cat,,dog", "empty_name", 2, 4),
        ("cat\n\ndog", "empty_name", 2, 4),
        ("cat, " + "x" * 41, "name_too_long", 2, 5),
        ("cat, d\x00g", "name_bad_character", 2, 5),
        ("a\tb", "name_bad_character", 1, 0),
    ],
)
def test_bad_class_names_are_refused_with_their_position(text, code, position, column):
    with pytest.raises(ParseError) as info:
        parse_class_names(text)
    assert (info.value.code, info.value.position, info.value.column) == (code, position, column)


def test_name_too_long_reports_its_length():
    with pytest.raises(ParseError) as info:
        parse_class_names("x" * 41)
    assert info.value.params["length"] == 41
    assert info.value.params["max_length"] == 40


def test_names_must_be_one_per_class_or_none_when_the_number_of_classes_is_given():
    assert parse_class_names("cat, dog", 2) == ["cat", "dog"]
    assert parse_class_names("  ", 5) == []
    with pytest.raises(ParseError) as info:
        parse_class_names("cat, dog, bird", 2)
    assert (info.value.code, info.value.params["count"], info.value.params["k"]) == (
        "names_count",
        3,
        2,
    )
    assert str(info.value) == "3 names for 2 classes: give one name per class, or none."


def test_more_than_1000_class_names_are_refused():
    assert len(parse_class_names(",".join(["a"] * 1000))) == 1000
    with pytest.raises(ParseError) as info:
        parse_class_names(",".join(["a"] * 100_000))
    assert (info.value.code, info.value.position) == ("too_many_names", 1001)
    assert info.value.params["max_count"] == 1000


@given(st.text())
def test_arbitrary_text_gives_names_or_a_parse_error(text):
    try:
        names = parse_class_names(text)
    except ParseError as error:
        assert error.code in MESSAGES
    else:
        assert all(name and name == name.strip() and len(name) <= 40 for name in names)
