"""Hostile input in every text box, number box, text area and upload of every page.

A whole class typing at once will type everything: for each input, after each value, the page
shows no exception, keeps every other input as it was, still draws its charts, and answers a
value that is plainly not a number with a message right under the box. Uploads (and the CSV
paste box) get binary garbage, wrong encodings, huge and ragged files; the CSV reader itself is
checked for peak memory in ``tests/core/test_batch_csv.py``. The values and the checks are in
``fuzz_helpers``.

The bugs this suite found are fixed; ``REGRESSIONS`` replays the ones that needed a setting first.

``FUZZ_SCALE=4`` runs four times the Hypothesis examples; ``FUZZ_RANDOM=1`` draws new ones.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ce_core.batch_csv import MAX_BYTES
from ce_core.batch_table import MAX_ROWS

from .fuzz_helpers import (
    BEYOND,
    HOSTILE,
    NOT_NUMBERS,
    NUMBER_BOXES,
    PAGES,
    TEXT_BOXES,
    Box,
    Snapshot,
    box_widget,
    chart_keys,
    fuzz_settings,
    hypothesis_text,
    messages_after,
    opened,
    type_into,
)

_PROBS = Box("playground", "a", setup="probs")
_DERIVATION_Z = Box("derivation", "z")

#: id -> (box, settings made first as (kind, key, value), text typed, the bug it found, now fixed).
REGRESSIONS = {
    "playground-one-probability": (
        _PROBS,
        (),
        "1",
        "one probability (it sums to 1) reached explain_probabilities, which raised; it was also "
        "kept as the last valid value, so every later bad entry raised too",
    ),
    "playground-probability-sum-overflows": (
        _PROBS,
        (),
        "1e308, 1e308",
        "the 'normalise' button summed the typed probabilities outside np.errstate",
    ),
    "derivation-cold-huge-logits": (
        _DERIVATION_Z,
        (("select_slider", "T", 0.05),),
        "1e308, -1e308",
        "pages.derivation.model.step_sweep divided z by T outside np.errstate",
    ),
}


def _check_value(at, box: Box, name: str, text: str) -> list[str]:
    """Type one value into ``box``; return what went wrong."""
    before = Snapshot.of(at, box.key, *box.linked)
    type_into(at, box, text)
    found = before.problems(at)
    if box_widget(at, box).value != text:
        found.append("the typed text was not kept")
    # No hostile value is a CSV with a header, and none of NOT_NUMBERS is a number.
    if (box.key == "bt_paste" or (box.numbers and name in NOT_NUMBERS)) and not messages_after(
        at, box.key
    ):
        found.append("no error message under the box")
    return [f"{name} {text[:40]!r}: {problem}" for problem in found]


# ---- every input is fuzzed ----------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGES)
def test_every_input_of_the_page_is_in_the_fuzz_tables(page_name):
    listed = {b.key for b in TEXT_BOXES + NUMBER_BOXES if b.page == page_name}
    found = set()
    for setup in {b.setup for b in TEXT_BOXES if b.page == page_name} | {""}:
        at = opened(page_name, setup)
        found |= {
            w.key for kind in ("text_input", "text_area", "number_input") for w in at.get(kind)
        }
        found |= {w.key for w in at.file_uploader}
    found.discard("bt_upload")  # fuzzed by the upload tests below
    assert found == listed


# ---- text boxes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("box", TEXT_BOXES, ids=lambda b: b.id)
def test_hostile_text_keeps_the_page_working(box):
    at = opened(box.page, box.setup)
    assert chart_keys(at), "the page draws no chart to begin with"
    problems = []
    for name, text in HOSTILE.items():
        problems += _check_value(at, box, name, text)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("box", TEXT_BOXES, ids=lambda b: b.id)
def test_random_text_keeps_the_page_working(box):
    at = opened(box.page, box.setup)

    @fuzz_settings(box.page)
    @given(text=hypothesis_text(box.numbers))
    def check(text):
        problems = _check_value(at, box, "hypothesis", text)
        assert not problems, "\n".join(problems)

    check()


def test_messages_are_translated():
    """The message under a box of numbers is Chinese on a Chinese page."""
    boxes = [b for b in TEXT_BOXES if b.numbers]
    for page, setup in dict.fromkeys((b.page, b.setup) for b in boxes):
        at = opened(page, setup, lang="zh")
        for box in (b for b in boxes if (b.page, b.setup) == (page, setup)):
            type_into(at, box, "abc")
            shown = messages_after(at, box.key)
            assert shown and any("\u4e00" <= c <= "\u9fff" for c in shown[0]), (box.id, shown)


@pytest.mark.parametrize("case", REGRESSIONS.values(), ids=REGRESSIONS.keys())
def test_former_bug(case):
    box, settings, text, _ = case
    at = opened(box.page, box.setup)
    for kind, key, value in settings:
        getattr(at, kind)(key=key).set_value(value).run()
    problems = _check_value(at, box, "known bug", text)
    assert not problems, "\n".join(problems)


# ---- number boxes -------------------------------------------------------------------------------


def _bounds(widget) -> tuple[int, int]:
    high = int(widget.max) if widget.max is not None else 2**53 - 1  # JavaScript's safe integers
    return int(widget.min), high


@pytest.mark.parametrize("box", NUMBER_BOXES, ids=lambda b: b.id)
def test_number_box_extremes_keep_the_page_working(box):
    at = opened(box.page)
    low, high = _bounds(box_widget(at, box))
    problems = []
    # The bounds and next to them, then values the browser would never send (AppTest does).
    for value in (low, high, low + 1, high - 1, *BEYOND):
        before = Snapshot.of(at, box.key)
        box_widget(at, box).set_value(value).run()
        now = box_widget(at, box).value
        problems += [f"{value!r}: {p}" for p in before.problems(at)]
        if not low <= now <= high:
            problems.append(f"{value!r}: the box holds {now!r}, outside {low} … {high}")
        if box.quiet_max is not None and now > box.quiet_max and not messages_after(at, box.key):
            problems.append(f"{value!r}: no error message under the box for {now}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("box", NUMBER_BOXES, ids=lambda b: b.id)
def test_random_numbers_keep_the_page_working(box):
    at = opened(box.page)
    low, high = _bounds(box_widget(at, box))

    @fuzz_settings("batch" if box.slow else box.page)
    @given(value=st.integers(low, high))
    def check(value):
        before = Snapshot.of(at, box.key)
        box_widget(at, box).set_value(value).run()
        problems = before.problems(at)
        assert not problems, "\n".join(problems)
        assert box_widget(at, box).value == value

    check()


# ---- uploads and the CSV paste box --------------------------------------------------------------

_CSV = "label,z1,z2,z3\n1,2.0,1.0,0.1\n2,0.5,2.5,-1.0\n"
_ROWS_TO_5_MB = b"label,z1,z2\n" + b"1,0,0\n" * ((MAX_BYTES - 12) // 6)
#: name -> (file bytes, what the message under the input says; None: the file loads)
UPLOADS = {
    "garbage": (random.Random(0).randbytes(4096), "not a text file"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    "utf16": (_CSV.encode("utf-16"), "UTF-16"),
    "utf16_no_bom": (_CSV.encode("utf-16-le"), "not a text file"),
    "gbk_header": ("标签,z1,z2\n1,0,0\n".encode("gbk"), "Line 1, column 1: These bytes are not"),
    "gbk_cell": ("label,z1,z2\n1,零,0\n".encode("gbk"), "Line 2, column 3: These bytes are not"),
    "million_rows": (b"label,z1,z2\n" + b"1,0,0\n" * 10**6, "at most 5 MB"),
    "5_mb_and_1_byte": (b"label,z1,z2\n" + b"1" * (MAX_BYTES - 12 + 1), "at most 5 MB"),
    "5_mb_of_rows": (_ROWS_TO_5_MB, f"Too many rows: at most {MAX_ROWS}"),
    "one_row_too_many": (b"label,z1,z2\n" + b"1,0,0\n" * (MAX_ROWS + 1), "Too many rows"),
    "ragged": (b"label,z1,z2\n1,0,0\n2,0\n", "Line 3, column 3: This line has 2 cells"),
    "header_only": (b"label,z1,z2\n", "There is no example"),
    "empty": (b"", "The CSV is empty"),
    "nul_in_header": (b"label,z1\x00,z2\n1,0,0\n", "not a text file"),
    "open_quote": (b'label,z1,z2\n1,"0,0\n', "The CSV cannot be read"),
    "bom": (b"\xef\xbb\xbf" + _CSV.encode(), None),
    "crlf": (_CSV.replace("\n", "\r\n").encode(), None),
    "bom_crlf_semicolons": (
        b"\xef\xbb\xbf" + _CSV.replace(",", ";").replace("\n", "\r\n").encode(),
        None,
    ),
}
#: A paste of the file differs: bytes that are not UTF-8 arrive read as Latin-1.
PASTE_MESSAGES = {
    "garbage": "",  # any error
    "png": "",
    "utf16": "invisible character U+0000",
    "utf16_no_bom": "invisible character U+0000",
    "nul_in_header": "invisible character U+0000",
    "gbk_header": "is not a column name",
    "gbk_cell": "Line 2, column 2",
}


def _pasted(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@pytest.fixture(scope="module")
def batch():
    """One Batch page for all the loads (each is checked against the page just before it)."""
    return opened("batch")


def _check_load(at, load, key: str, message: str | None) -> list[str]:
    before = Snapshot.of(at, key, "bt_k", "bt_soft", "bt_paste")
    load()
    found = before.problems(at)
    shown = [e.value for e in at.error] + [s.value for s in at.success]
    if message is None:
        if at.error or not any("Loaded 2 rows × 3 classes" in s.value for s in at.success):
            found.append(f"did not load: {shown}")
    elif not any(message in m for m in messages_after(at, key)):
        found.append(f"expected {message!r} under the input, got {shown}")
    return found


@pytest.mark.parametrize("name", UPLOADS)
def test_upload_loads_or_says_why(batch, name):
    data, message = UPLOADS[name]
    upload = batch.file_uploader(key="bt_upload")
    problems = _check_load(
        batch,
        lambda: upload.set_value((f"{name}.csv", data, "text/csv")).run(),
        "bt_upload",
        message,
    )
    assert not problems, problems


@pytest.mark.parametrize(
    "name",
    UPLOADS,
)
def test_paste_loads_or_says_why(batch, name):
    data, message = UPLOADS[name]
    message = PASTE_MESSAGES.get(name, message)
    paste = next(b for b in TEXT_BOXES if b.key == "bt_paste")
    problems = _check_load(
        batch, lambda: type_into(batch, paste, _pasted(data)), "bt_paste", message
    )
    assert not problems, problems
