"""lab.numbers: one meaning per word, and no "−0.0000"."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lab import numbers


@pytest.mark.parametrize("value", [-0.0, -1e-300, -4e-5, 0.0])
def test_zero_to_the_digits_shown_has_no_sign(value):
    assert numbers.fixed(value) == "0.0000"


def test_negative_zero_has_no_sign_anywhere():
    assert (numbers.bar(-0.0), numbers.sig(-0.0), numbers.fixed(-0.0, 2)) == ("0.000", "0", "0.00")


def test_a_tiny_value_shown_in_full_keeps_its_sign():
    assert numbers.bar(-4e-5) == "-4.00e-05"
    assert numbers.sig(-1e-300) == "-1e-300"


def test_a_real_negative_number_keeps_its_sign():
    assert numbers.fixed(-0.5) == "-0.5000"
    assert numbers.bar(-0.8) == "-0.800"
    assert numbers.sig(-1e-20) == "-1e-20"


def test_non_finite_values_read_as_symbols_on_screen_and_as_words_in_files():
    assert [numbers.bar(v) for v in (math.inf, -math.inf, math.nan)] == ["∞", "−∞", "NaN"]
    assert [numbers.full(v) for v in (math.inf, -math.inf, math.nan)] == ["inf", "-inf", "NaN"]


def test_full_is_the_shortest_text_that_reads_back_in_its_own_dtype():
    assert numbers.full(np.float32(0.1)) == "0.1"
    assert numbers.full(0.1 + 0.2) == "0.30000000000000004"
    assert float(numbers.full(1 / 3)) == 1 / 3


def test_exact_prefers_the_short_form_when_it_reads_back():
    assert numbers.exact(0.5) == "0.5"
    assert numbers.exact(1 / 3) == repr(1 / 3)


def test_sci_prints_the_size_of_an_error():
    assert [numbers.sci(v) for v in (0.0, -0.0, 1.4e-17, 2.5e-3, math.inf, math.nan)] == [
        "0",
        "0",
        "1.4e-17",
        "2.5e-03",
        "∞",
        "NaN",
    ]
    assert numbers.sci(1.23456e-8, 3) == "1.235e-08"
