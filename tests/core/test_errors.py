"""The one table of English error messages, and the error classes that format from it."""

import string

import pytest

import ce_core
from ce_core.errors import MESSAGES, CodedError, InputError, messages


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_error_class_is_a_coded_value_error():
    kinds = (ce_core.InputError, ce_core.ParseError, ce_core.ProbabilityError, ce_core.TableError)
    for cls in kinds:
        assert issubclass(cls, CodedError) and issubclass(cls, ValueError)


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_every_template_formats_with_its_own_placeholders(message_id):
    template = MESSAGES[message_id]
    params = dict.fromkeys(placeholders(template), "7")
    text = template.format(**params)
    assert text.strip() == text and "{" not in text and text.endswith(".")


def test_each_kind_of_error_reads_its_message_from_the_one_table():
    assert str(ce_core.ProbabilityError("zero_sum")) == MESSAGES["zero_sum"]
    text = "Logit 2 is NaN: every logit must be a number."
    assert str(InputError("nan_logit", position=2)) == text
    error = ce_core.TableError("no_rows")
    assert str(error) == MESSAGES["table.no_rows"] and error.code == "no_rows"


def test_the_views_split_typed_values_from_tables():
    assert set(messages()) | {f"table.{code}" for code in messages("table.")} == set(MESSAGES)
    assert set(ce_core.parse.MESSAGES) <= set(messages())
    assert messages("table.") == ce_core.batch_table.MESSAGES


def test_input_error_keeps_a_message_for_codes_the_app_defines():
    error = InputError("pair_count", "type exactly two logits", count=3)
    assert (error.code, error.params) == ("pair_count", {"count": 3})
    assert str(error) == "type exactly two logits"
    # a code of the table gets the table's text, whatever message is passed
    assert str(InputError("names_count", "one name per class", count=2, k=3)).startswith("2 names")
