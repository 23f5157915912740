"""What the input fuzz suite types, and how it reads a page before and after.

Kept apart from ``test_fuzz_inputs.py`` so the test file reads as the list of properties.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from .apptest import open_page

# ---- what is typed ------------------------------------------------------------------------------

#: Hostile text, by name (the name is the test id). Each is typed alone, then the page reruns.
HOSTILE = {
    "empty": "",
    "spaces": " \t  ",
    "word": "abc",
    "empty_item": "1,,2",
    "double_minus": "--1",
    "hex": "0x10",
    "underscore": "1_000",
    "full_width": "１２，３",
    "overflow": "1e999",
    "minus_overflow": "-1e999",
    "nan": "nan",
    "inf": "inf",
    "minus_inf": "-inf",
    "underflow": "1e-400",
    "subnormal": "5e-324",
    "largest": "1e308, -1e308",
    "control": "\x00\x07",
    "html": "<script>alert(1)</script>",
    "latex": "$$\\frac{a}{b}$$",
    "sql": "'; DROP TABLE",
    "million_chars": "1, 2; x " * 125_000,
    "many_numbers": ",".join(["1"] * 200_000),
    "long_number": "9" * 100_000,
    "long_word": "é" * 100_000,
    "emoji": "😀, 👍🏽, 1",
    "rtl": "שלום, ١٢٣, \u202e1, 2",
    "newlines": "1\n2\n3\n4\n5",
    "one_number": "1",
    "huge_sum": "1e308, 1e308",
}

#: Names of HOSTILE values that no box expecting numbers may accept without a message.
NOT_NUMBERS = ("word", "empty_item", "double_minus", "hex", "overflow", "control")

#: Values forced into number boxes through AppTest (the browser would clamp them itself).
BEYOND = (-(2**63), -1e308, -1.0, 0.5, 1e308, 2**63)


def hypothesis_text(numbers: bool) -> st.SearchStrategy[str]:
    """Return arbitrary text; for a box of numbers, also lists of floats with odd separators."""
    text = st.text(max_size=80)
    if not numbers:
        return text
    floats = st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=12)
    separators = st.sampled_from([",", ", ", " ", ";", "，", "\n", ",,", "、"])
    listed = st.tuples(floats, separators).map(lambda fs: fs[1].join(repr(f) for f in fs[0]))
    return st.one_of(text, listed)


def examples(page: str) -> int:
    """Return how many Hypothesis examples a box of ``page`` gets (``FUZZ_EXAMPLES`` scales it)."""
    base = 10 if page in SLOW_PAGES else 25
    return max(1, round(base * float(os.environ.get("FUZZ_SCALE", "1"))))


SLOW_PAGES = ("training", "batch")


def fuzz_settings(page: str) -> settings:
    """Return Hypothesis settings: few examples, no deadline, reproducible unless FUZZ_RANDOM."""
    return settings(
        max_examples=examples(page),
        deadline=None,
        database=None,
        derandomize=not os.environ.get("FUZZ_RANDOM"),
        suppress_health_check=[HealthCheck.too_slow],
    )


# ---- the boxes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """One input: its page, widget key and kind, whether it expects numbers, how to reveal it."""

    page: str
    key: str
    kind: str = "text_input"
    numbers: bool = True
    setup: str = ""  #: a name in SETUPS: the page state in which the box is drawn
    linked: tuple[str, ...] = ()  #: other widgets this one may legitimately move

    @property
    def id(self) -> str:
        return f"{self.page}-{self.key}" + (f"-{self.setup}" if self.setup else "")


@dataclass(frozen=True)
class NumberBox:
    """A number input and the largest value it accepts without a message (None: any)."""

    page: str
    key: str
    quiet_max: int | None = None
    slow: bool = False

    @property
    def id(self) -> str:
        return f"{self.page}-{self.key}"


def _probs(at: AppTest) -> None:
    at.segmented_control(key="mode").set_value("probs").run()


def _weights(at: AppTest) -> None:
    at.toggle(key="bt_use_weight").set_value(True).run()


SETUPS = {"": lambda at: None, "probs": _probs, "weights": _weights}

TEXT_BOXES = (
    Box("playground", "z"),
    Box("playground", "names", numbers=False),
    Box("playground", "a", setup="probs"),
    Box("derivation", "z"),
    Box("derivation", "dv_pair"),
    Box("stability", "st_z"),
    Box("stability", "st_shift_z"),
    Box("stability", "st_log_z"),
    Box("binary", "bn_x", linked=("bn_x_slider",)),
    Box("binary", "bn_z0"),
    Box("binary", "bn_z1"),
    Box("training", "tr_z"),
    Box("batch", "bt_weight", setup="weights"),
    # The CSV box is read when "Load" is clicked; a table that loads sets K and the target kind.
    Box("batch", "bt_paste", kind="text_area", numbers=False, linked=("bt_k", "bt_soft")),
)

NUMBER_BOXES = (
    NumberBox("playground", "y", quiet_max=5),
    NumberBox("derivation", "y", quiet_max=5),
    NumberBox("stability", "st_log_y", quiet_max=2),
    NumberBox("stability", "st_shift"),  # c: any number from −1000 to 1000
    NumberBox("training", "tr_y", quiet_max=5),
    NumberBox("training", "tr_seed", slow=True),
    NumberBox("batch", "bt_k", slow=True),
    NumberBox("batch", "bt_ignore"),
    NumberBox("batch", "bt_vocab_seed", slow=True),
)

PAGES = ("playground", "derivation", "stability", "binary", "training", "batch")


def opened(page: str, setup: str = "", lang: str = "en") -> AppTest:
    """Return ``page`` opened in AppTest, put in the state ``setup`` names."""
    at = open_page(page)
    SETUPS[setup](at)  # in English: AppTest formats options outside the page, in English
    if lang != "en":
        at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def box_widget(at: AppTest, box: Box | NumberBox):
    return getattr(at, getattr(box, "kind", "number_input"))(key=box.key)


def type_into(at: AppTest, box: Box, text: str) -> None:
    """Type ``text`` into ``box`` and rerun (clicking "Load" for the CSV box)."""
    box_widget(at, box).set_value(text)
    if box.key == "bt_paste":
        at.button(key="bt_load_paste").click()
    at.run()


# ---- what is read -------------------------------------------------------------------------------

VALUE_KINDS = (
    "text_input",
    "text_area",
    "number_input",
    "slider",
    "select_slider",
    "segmented_control",
    "toggle",
)


def widget_values(at: AppTest) -> dict[str, object]:
    """Return the value of every input widget on screen, by key."""
    return {w.key: w.value for kind in VALUE_KINDS for w in getattr(at, kind)}


#: Charts a page leaves out on purpose for some valid input: the derivation's step sweep when the
#: true class is masked (-inf), whose loss is then infinite at every step.
OPTIONAL_CHARTS = {"dv_chart_sweep"}


def chart_keys(at: AppTest) -> set[str]:
    """Return the keys of the Plotly charts drawn, on their own or in a live widget."""
    keys = {element.proto.id.rsplit("-", 1)[-1] for element in at.get("plotly_chart")}
    for element in at.get("bidi_component"):
        keys |= {f["key"] for f in json.loads(element.proto.json or "{}").get("figures", [])}
    return keys


def _siblings(node, key: str):
    """Yield the elements that follow the widget ``key`` in its own block, nearest first."""
    children = list(getattr(node, "children", {}).values())
    for i, child in enumerate(children):
        if getattr(child, "key", None) == key and not getattr(child, "children", None):
            yield from children[i + 1 :]
            return
        yield from _siblings(child, key)


def messages_after(
    at: AppTest, key: str, within: int = 3, kinds: tuple[str, ...] = ("error",)
) -> list[str]:
    """Return the texts of the messages (errors) among the ``within`` elements after ``key``."""
    following = list(_siblings(at.main, key))[:within]
    return [e.value for e in following if getattr(e, "type", "") in kinds]


@dataclass
class Snapshot:
    """The page as it was before one input changed."""

    values: dict[str, object]
    charts: set[str]
    skip: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, at: AppTest, *skip: str) -> Snapshot:
        return cls(widget_values(at), chart_keys(at), set(skip))

    def problems(self, at: AppTest) -> list[str]:
        """Return what went wrong after the change: exceptions, lost inputs, lost charts."""
        found = [f"exception: {e.message}" for e in at.exception]
        now = widget_values(at)
        for key, before in self.values.items():
            if key in self.skip:
                continue
            if key not in now:
                found.append(f"input {key!r} disappeared")
            elif now[key] != before:
                found.append(f"input {key!r} changed from {before!r} to {now[key]!r}")
        missing = self.charts - chart_keys(at) - OPTIONAL_CHARTS
        if missing:
            found.append(f"charts gone: {sorted(missing)}")
        return found
