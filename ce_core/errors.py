"""Errors a student can cause, each with a stable ``code``, its ``params`` and one English text.

Every such error is a :class:`CodedError`, a ``ValueError`` whose message is the English template
of its code in :data:`MESSAGES`, formatted with ``str.format(**params)``. The app translates the
same ``code`` with the same ``params``, so the English below is the only English there is: the
app's English table is built from this one.

Codes name what went wrong in the student's terms (``not_normalised``, ``positive_inf``) and never
change; the templates may be reworded. A batch table's errors (:class:`~ce_core.TableError`) have
codes of their own, kept apart under the prefix ``table.`` because a few of them (``overflow``,
``all_masked``...) say the same thing about a table's cell rather than a typed list.
"""

from __future__ import annotations

from typing import ClassVar

#: English template of every error code, formatted with ``str.format(**params)``.
MESSAGES = {
    # A typed list of numbers (ParseError)
    "empty": "Type at least one number.",
    "too_long": "The text is too long: {length} characters, at most {max_chars} are allowed.",
    "too_many": "Too many numbers: at most {max_count} are allowed.",
    "bad_token": "'{token}' (number {position}, at character {character}) is not a number.",
    "empty_item": "Number {position} (at character {character}) is missing: there is a "
    "separator with no number before it.",
    "bad_character": "Number {position} (at character {character}) contains the invisible "
    "character {codepoint}.",
    "unmatched_bracket": "The bracket '{bracket}' at character {character} has no partner: "
    "brackets must come in pairs around the whole list.",
    "overflow": "'{token}' (number {position}, at character {character}) is too large: the "
    "largest number is about 1.8e308. Type inf if you mean infinity.",
    "nan_not_allowed": "'{token}' (number {position}, at character {character}) is not allowed "
    "here: every value must be a number.",
    "inf_not_allowed": "'{token}' (number {position}, at character {character}) is not allowed "
    "here: every value must be finite.",
    # Typed class names (ParseError)
    "too_many_names": "Too many names: at most {max_count} are allowed.",
    "name_too_long": "Name {position} (at character {character}) has {length} characters, "
    "at most {max_length} are allowed.",
    "empty_name": "Name {position} (at character {character}) is empty: there are two "
    "separators in a row.",
    "name_bad_character": "Name {position} (at character {character}) contains the invisible "
    "character {codepoint}.",
    "names_count": "{count} names for {k} classes: give one name per class, or none.",
    # Typed probabilities (ProbabilityError)
    "not_finite": "Probability {position} is {value}: every probability must be a finite number.",
    "negative": "Probability {position} is {value}: probabilities cannot be negative.",
    "above_one": "Probability {position} is {value}: probabilities cannot be larger than 1.",
    "not_normalised": "The probabilities add up to {total}, not 1 (allowed difference: {tol}).",
    "zero_sum": "The numbers add up to 0, so they cannot be scaled to add up to 1.",
    # Typed logits, classes, labels and weights (InputError)
    "too_few_classes": "At least 2 classes are needed, got {count}.",
    "nan_logit": "Logit {position} is NaN: every logit must be a number.",
    "positive_inf": "+inf is not a usable logit (number {position}): its softmax is "
    "undefined. Use a large finite number; −inf masks a class.",
    "all_masked": "Every class is masked (−inf): at least one logit must be finite.",
    "class_out_of_range": "The true class must be between 1 and {k}, got {value}.",
    "masked_target": "The true class is masked (−∞): its probability is 0 and the loss is "
    "infinite for every nearby logit, so there is no gradient to check.",
    "one_number": "Type exactly one number here, got {count}.",
    "label_range": "The label y must be between 0 and 1, got {value}.",
    "two_class_target": "The class must be 0 or 1.",
    "class_weight_count": "{count} weights for {k} classes: give one weight per class.",
    "class_weight_not_finite": "Weight {position} is {value}: every weight must be a finite "
    "number.",
    "class_weight_negative": "Weight {position} is {value}: weights cannot be negative.",
    # A batch table, typed or read from a CSV file (TableError)
    "table.too_big": "The file has {size_mb} MB; at most {max_mb} MB are allowed.",
    "table.binary": "This is not a text file (it holds a zero byte at byte {offset}). Upload a "
    "CSV saved as text.",
    "table.utf16": "This file is saved as UTF-16 text. Save it as UTF-8 CSV and try again.",
    "table.encoding": "These bytes are not UTF-8 text. Save the file as UTF-8 CSV and try again.",
    "table.control_character": "'{token}' contains the invisible character {codepoint}.",
    "table.malformed": "The CSV cannot be read: {detail}.",
    "table.no_header": "The CSV is empty: its first line must be a header such as label,z1,z2,z3.",
    "table.unknown_column": "'{token}' is not a column name this page knows: use label (or "
    "target), z1 … zK and q1 … qK.",
    "table.duplicate_column": "The column '{token}' appears twice.",
    "table.missing_column": "The header has no column {token}: the logits must be z1, z2, … zK "
    "with none missing.",
    "table.no_target": "The header needs a label column (classes 1 … K) or the columns q1 … qK "
    "(probability targets).",
    "table.label_and_target": "Use a label column (counting from 1) or a target column "
    "(counting from 0), not both.",
    "table.q_count": "There are {count} probability columns q… for {k} classes: give q1 … q{k}.",
    "table.too_few_classes": "At least 2 classes are needed (z1 and z2), got {k}.",
    "table.too_many_classes": "{k} classes is too many: at most {max_classes} are allowed.",
    "table.too_many_rows": "Too many rows: at most {max_rows} are allowed.",
    "table.no_rows": "There is no example: add at least one row below the header.",
    "table.cell_count": "This line has {count} cells but the header has {expected}.",
    "table.blank": "This cell is empty: every logit and every probability needs a number.",
    "table.not_number": "'{token}' is not a number.",
    "table.nan_value": "'{token}' is not allowed here: every value must be a number.",
    "table.overflow": "'{token}' is too large: the largest number is about 1.8e308.",
    "table.pos_inf": "+inf is not a usable logit: its softmax is undefined. Use a large finite "
    "number; -inf masks a class.",
    "table.all_masked": "Every logit of this row is -inf: at least one must be finite.",
    "table.label": "'{token}' is not a class: labels are whole numbers from 1 to {k}. Leave the "
    "label empty to ignore the row.",
    "table.target": "'{token}' is not a class index: targets are whole numbers from 0 to {last} "
    "(or -100, or empty, to ignore the row).",
    "table.probability": "'{token}' is not a probability: it must be between 0 and 1.",
    "table.probability_sum": "The probabilities of this row add up to {total}, not 1.",
}


def messages(prefix: str = "") -> dict[str, str]:
    """Return the templates whose id starts with ``prefix``, keyed by their code.

    ``prefix=""`` gives the errors about typed values (ids without a dot), ``"table."`` the batch
    table's.

    Examples
    --------
    >>> messages()["empty"]
    'Type at least one number.'
    >>> messages("table.")["no_rows"]
    'There is no example: add at least one row below the header.'
    """
    if prefix:
        return {i.removeprefix(prefix): t for i, t in MESSAGES.items() if i.startswith(prefix)}
    return {i: t for i, t in MESSAGES.items() if "." not in i}


class CodedError(ValueError):
    """A value a student gave that cannot be used: a stable ``code``, its ``params``, a message.

    Attributes
    ----------
    code : str
        A short stable id: the message's template is ``MESSAGES[prefix + code]``.
    params : dict
        What the template needs, ``str.format`` style; the app translates ``code`` with them.

    Examples
    --------
    >>> error = CodedError("too_few_classes", count=1)
    >>> error.code, error.params, str(error)
    ('too_few_classes', {'count': 1}, 'At least 2 classes are needed, got 1.')
    >>> isinstance(error, ValueError)
    True
    """

    #: Put before ``code`` to find its template (``"table."`` for a batch table's errors).
    prefix: ClassVar[str] = ""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        """Return the English message: the code's template formatted with ``params``."""
        return MESSAGES[self.prefix + self.code].format(**self.params)


class InputError(CodedError):
    """Typed logits, a class, a label or weights that cannot be used.

    ``message`` is for codes the app defines itself (not in :data:`MESSAGES`); a code of the
    table always gets the table's text.

    Examples
    --------
    >>> str(InputError("one_number", count=3))
    'Type exactly one number here, got 3.'
    >>> str(InputError("pair_count", "type exactly two logits", count=3))
    'type exactly two logits'
    """

    def __init__(self, code: str, message: str | None = None, /, **params: object) -> None:
        self.fallback = message if message is not None else code
        super().__init__(code, **params)

    def message(self) -> str:
        """Return the English message: the code's template, or the message given for it."""
        if self.prefix + self.code in MESSAGES:
            return super().message()
        return self.fallback
