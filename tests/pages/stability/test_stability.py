"""The stability page in AppTest: presets, float types, where NaN is born, sweeps, shift, log."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from lab.charts import BROKEN

from ..apptest import chart_data, metric, open_page

NAIVE, STABLE, LIMITS, SHIFT = range(4)  # the page's tables, in order
EXP_COLUMN, A_COLUMN = 2, 3  # columns: z, z − m, e^(z − m), a


def cell_styles(at, table: int) -> dict[tuple[int, int], str]:
    """Return the CSS of every styled cell of table ``table``, keyed by (row, column)."""
    css = at.table[table].proto.arrow_data.styler.styles
    styles = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        for row, column in re.findall(r"_row(\d+)_col(\d+)", selectors):
            styles[int(row), int(column)] = body.strip()
    return styles


def born_cells(at, table: int) -> set[tuple[int, int]]:
    """Return the cells highlighted as the place where inf or NaN is born."""
    return {
        cell
        for cell, body in cell_styles(at, table).items()
        if f"background-color: {BROKEN}" in body
    }


def trace(at, key: str, name: str) -> dict | None:
    """Return the trace called ``name`` of chart ``key``, or None."""
    return next((data for data in chart_data(at, key) if data.get("name") == name), None)


def warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def softmax(z):
    e = [math.exp(v - max(z)) for v in z]
    return [v / sum(e) for v in e]


# ---- naive vs stable, step by step ------------------------------------------------------------


def test_default_float32_overflow_is_born_in_the_exp_step_and_stable_has_none():
    at = open_page("stability")
    assert at.segmented_control(key="st_dtype").value == "float32"
    assert at.text_input(key="st_z").value == "90, 89, 10"
    assert born_cells(at, NAIVE) == {(0, EXP_COLUMN), (1, EXP_COLUMN)}
    assert cell_styles(at, STABLE) == {}
    naive = at.table[NAIVE].value
    assert naive.iloc[0, EXP_COLUMN] == "inf" and naive.iloc[0, A_COLUMN] == "NaN"
    assert naive.iloc[3, EXP_COLUMN] == "inf"  # the Σ row
    text = warnings(at)
    assert "**inf** first appears in step **e^(z − m)** (class 1, 2)" in text
    assert "NaN is born in step **a**: inf / inf" in text
    assert "88.72" in text
    assert any("No inf or NaN is born" in s.value for s in at.success)


def test_nan_bars_are_drawn_in_the_naive_chart_not_dropped():
    at = open_page("stability")
    placeholders = trace(at, "st_chart_naive", "not a number")
    assert placeholders["x"] == ["1", "2"]
    assert placeholders["text"] == ["NaN", "NaN"]
    assert placeholders["y"] == [1.0, 1.0]  # full height
    bars = trace(at, "st_chart_naive", "a")
    assert bars["y"] == [None, None, 0.0]
    assert trace(at, "st_chart_stable", "not a number") is None
    stable = trace(at, "st_chart_stable", "a")["y"]
    assert stable == pytest.approx(softmax([90, 89, 10]), rel=1e-6)


@pytest.mark.parametrize(
    ("preset", "z", "dtype", "naive_born"),
    [
        ("fine", "2, 1, 0.1", "float32", set()),
        ("float16", "12, 11, 0", "float16", {(0, EXP_COLUMN)}),
        ("float32", "90, 89, 10", "float32", {(0, EXP_COLUMN), (1, EXP_COLUMN)}),
        ("float64", "1000, 999, 0", "float64", {(0, EXP_COLUMN), (1, EXP_COLUMN)}),
        (
            "underflow",
            "-1000, -1001, -1002",
            "float32",
            {(0, A_COLUMN), (1, A_COLUMN), (2, A_COLUMN)},
        ),
        ("masked", "2, 1, -inf", "float32", set()),
    ],
)
def test_every_preset_breaks_the_naive_formula_where_expected(preset, z, dtype, naive_born):
    at = open_page("stability")
    at.button(key=f"st_preset_{preset}").click().run()
    assert not at.exception and not at.error
    assert at.text_input(key="st_z").value == z
    assert at.segmented_control(key="st_dtype").value == dtype
    assert born_cells(at, NAIVE) == naive_born
    assert born_cells(at, STABLE) == set()
    nan_bars = trace(at, "st_chart_naive", "not a number")
    assert (nan_bars is not None) == bool(naive_born)
    values = [float(v) for v in z.split(",")]
    assert trace(at, "st_chart_stable", "a")["y"] == pytest.approx(softmax(values), abs=1e-3)


def test_underflow_preset_explains_zero_over_zero():
    at = open_page("stability")
    at.button(key="st_preset_underflow").click().run()
    styles = cell_styles(at, NAIVE)
    assert all("240, 228, 66" in styles[row, EXP_COLUMN] for row in range(3))  # yellow: 0
    assert "0 / 0" in warnings(at)


def test_masked_preset_says_the_minus_inf_is_on_purpose():
    at = open_page("stability")
    at.button(key="st_preset_masked").click().run()
    assert any("masks class 3" in c.value for c in at.caption)
    assert at.table[NAIVE].value.iloc[2, 0] == "−inf"


@pytest.mark.parametrize(
    ("dtype", "naive_born", "e_of_90"),
    [
        ("float16", {(0, EXP_COLUMN), (1, EXP_COLUMN)}, "inf"),
        ("float32", {(0, EXP_COLUMN), (1, EXP_COLUMN)}, "inf"),
        ("float64", set(), "1.2204032943178408e+39"),
    ],
)
def test_each_float_type_computes_in_its_own_precision(dtype, naive_born, e_of_90):
    at = open_page("stability")
    at.segmented_control(key="st_dtype").set_value(dtype).run()
    assert born_cells(at, NAIVE) == naive_born
    assert at.table[NAIVE].value.iloc[0, EXP_COLUMN] == e_of_90
    assert at.table[STABLE].value.iloc[1, EXP_COLUMN] == str(np.exp(np.dtype(dtype).type(-1)))
    assert f"({dtype})" in at.get("plotly_chart")[0].proto.spec  # the chart title names it


def test_badges_compare_the_three_float_types():
    at = open_page("stability")
    badges = next(m.value for m in at.markdown if m.value.startswith("**Naive formula:**"))
    assert "float16: inf in e^(z − m)" in badges and "float64: works" in badges


def test_logit_too_large_for_float16_is_reported_beside_the_input():
    at = open_page("stability")
    at.segmented_control(key="st_dtype").set_value("float16").run()
    at.text_input(key="st_z").set_value("70000, 0").run()
    assert not at.error
    assert "65504" in warnings(at)
    assert born_cells(at, NAIVE) >= {(0, 0)}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1, abc, 3", "abc"),
        ("", "at least one number"),
        ("1, inf", "+inf"),
        (", ".join(["1"] * 21), "at most 20"),
    ],
)
def test_bad_logits_show_a_message_and_keep_the_page(text, fragment):
    at = open_page("stability")
    at.text_input(key="st_shift_z").set_value("1, 2").run()
    at.text_input(key="st_z").set_value("3, 1").run()
    good = trace(at, "st_chart_stable", "a")["y"]
    at.text_input(key="st_z").set_value(text).run()
    assert not at.exception
    assert any(fragment.lower() in e.value.lower() for e in at.error), [e.value for e in at.error]
    assert trace(at, "st_chart_stable", "a")["y"] == good
    assert at.text_input(key="st_z").value == text
    assert at.text_input(key="st_shift_z").value == "1, 2"  # other inputs are kept
    assert metric(at, "float32: e^z overflows above") == "88.72"  # the rest still renders


# ---- where each float type breaks -------------------------------------------------------------


def test_thresholds_are_shown_to_two_decimals():
    at = open_page("stability")
    shown = {m.label: m.value for m in at.metric}
    for dtype, overflow, underflow in [
        ("float16", "11.09", "−17.33"),
        ("float32", "88.72", "−103.97"),
        ("float64", "709.78", "−745.13"),
    ]:
        assert shown[f"{dtype}: e^z overflows above"] == overflow
        assert shown[f"{dtype}: e^z underflows below"] == underflow
    limits = at.table[LIMITS].value
    assert list(limits.iloc[:, 2]) == ["11.09", "88.72", "709.78"]


@pytest.mark.parametrize(
    ("key", "thresholds"),
    [
        ("st_chart_overflow", (11.09, 88.72, 709.78)),
        ("st_chart_underflow", (17.33, 103.97, 745.13)),
    ],
)
def test_sweeps_break_at_each_threshold_and_the_stable_rows_never(key, thresholds):
    at = open_page("stability")
    nan = trace(at, key, "NaN")
    finite = trace(at, key, "a number")
    for dtype, threshold in zip(("float16", "float32", "float64"), thresholds, strict=True):
        xs = [x for x, y in zip(nan["x"], nan["y"], strict=True) if y == f"naive {dtype}"]
        assert min(xs) == pytest.approx(threshold, abs=0.02)
        assert max(xs) == 1000
        assert f"shifted {dtype}" not in nan["y"]
        stable = [
            x for x, y in zip(finite["x"], finite["y"], strict=True) if y == f"shifted {dtype}"
        ]
        assert min(stable) == 1 and max(stable) == 1000


# ---- shift invariance -------------------------------------------------------------------------


@pytest.mark.parametrize("c", [-1000.0, 0.0, 250.0])
def test_shifting_the_lecture_example_changes_nothing(c):
    at = open_page("stability")
    at.number_input(key="st_shift").set_value(c).run()
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "0"
    shifted = at.table[SHIFT].value
    assert list(shifted.iloc[1]) == [str(np.float32(v - c)).replace("-", "−") for v in (2, 3, 4)]
    data = chart_data(at, "st_chart_shift")
    original, moved = data[0]["y"], data[1]["y"]
    assert original == moved == pytest.approx(softmax([2, 3, 4]), rel=1e-6)
    naive_breaks = trace(at, "st_chart_shift", "not a number") is not None
    assert naive_breaks == (abs(c) >= 250)


ROW_Z, ROW_SHIFTED, ROW_A, ROW_A_SHIFTED, ROW_NAIVE = range(5)  # the shift table's rows
SHIFT_IGNORED = "The link's value of c was not a number from −1000 to 1000, so c = 0 is used."


def test_shift_tab_opens_without_a_shift():
    at = open_page("stability")
    assert at.number_input(key="st_shift").value == 0.0
    table = at.table[SHIFT].value
    assert list(table.iloc[ROW_SHIFTED]) == list(table.iloc[ROW_Z]) == ["2.0", "3.0", "4.0"]
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "0"


def test_max_z_button_shifts_the_lecture_example_by_4_and_changes_nothing():
    at = open_page("stability")
    at.button(key="st_shift_to_max").click().run()
    assert at.number_input(key="st_shift").value == 4.0
    table = at.table[SHIFT].value
    assert list(table.iloc[ROW_SHIFTED]) == ["−2.0", "−1.0", "0.0"]
    assert list(table.iloc[ROW_A_SHIFTED]) == list(table.iloc[ROW_A])  # every digit the same
    assert list(table.iloc[ROW_NAIVE]) == list(table.iloc[ROW_A])
    assert [float(v) for v in table.iloc[ROW_A]] == pytest.approx(softmax([2, 3, 4]), rel=1e-6)
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "0"
    assert "Identical to the last bit." in [s.value for s in at.success]
    at.button(key="st_shift_to_zero").click().run()
    assert at.number_input(key="st_shift").value == 0.0


def test_max_z_button_reads_logits_typed_in_the_same_rerun():
    at = open_page("stability")
    at.text_input(key="st_shift_z").set_value("1, 7.5, -inf")
    at.button(key="st_shift_to_max").click()
    at.run()
    assert at.number_input(key="st_shift").value == 7.5


def test_max_z_outside_the_range_of_c_disables_its_button():
    at = open_page("stability")
    at.text_input(key="st_shift_z").set_value("65000, 0").run()
    assert at.button(key="st_shift_to_max").disabled
    assert at.number_input(key="st_shift").value == 0.0


def test_overflow_button_breaks_the_naive_formula_only():
    at = open_page("stability")
    at.button(key="st_shift_to_overflow").click().run()
    assert at.number_input(key="st_shift").value == -1000.0
    assert trace(at, "st_chart_shift", "not a number") is not None
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "0"


@pytest.mark.parametrize(("text", "c"), [("-1000", -1000.0), ("250", 250.0), ("2.5", 2.5)])
def test_a_link_with_c_is_read_whole_or_not(text, c):
    at = open_page("stability", st_shift=text)
    assert at.number_input(key="st_shift").value == c
    assert "ignored" not in warnings(at) and SHIFT_IGNORED not in warnings(at)
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "0"
    params = {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}
    assert params["st_shift"] == text


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", SHIFT_IGNORED), ("zh", "链接中 c 的值不是 −1000 到 1000 之间的数，因此使用 c = 0。")],
)
def test_a_bad_c_in_a_link_falls_back_to_0_and_says_so(lang, message):
    at = open_page("stability", lang=lang, st_shift="-1e5")
    assert not at.exception
    assert at.number_input(key="st_shift").value == 0.0
    assert message in [w.value for w in at.warning]
    assert at.table[SHIFT].value.iloc[ROW_SHIFTED].tolist() == ["2.0", "3.0", "4.0"]


# ---- log(softmax) vs log_softmax --------------------------------------------------------------


def test_log_softmax_is_finite_where_log_of_softmax_is_minus_inf():
    at = open_page("stability")
    at.segmented_control(key="st_dtype").set_value("float64").run()
    assert metric(at, "a_j = softmax(z)_j") == "0.0"
    assert metric(at, "ln(softmax(z)_j)") == "−inf"
    assert metric(at, "log_softmax(z)_j") == "−800.0"
    assert metric(at, "Loss from ln(softmax)") == "inf"
    assert metric(at, "Loss from log_softmax") == "800.0"
    assert any(r"= -800.0" in latex.value for latex in at.latex)


def test_log_of_softmax_agrees_for_the_true_class_that_does_not_underflow():
    at = open_page("stability")
    at.number_input(key="st_log_y").set_value(1).run()
    assert metric(at, "ln(softmax(z)_j)") == metric(at, "log_softmax(z)_j") == "0.0"
    assert metric(at, "Loss from ln(softmax)") == metric(at, "Loss from log_softmax") == "0.0"


def test_true_class_beyond_k_is_reported_and_the_last_valid_one_is_used():
    at = open_page("stability")
    at.number_input(key="st_log_y").set_value(5).run()
    assert any("between 1 and 2" in e.value for e in at.error)
    assert at.number_input(key="st_log_y").value == 5
    assert metric(at, "log_softmax(z)_j") == "−800.0"


def test_bad_log_logits_keep_the_last_valid_values():
    at = open_page("stability")
    at.text_input(key="st_log_z").set_value("0, x").run()
    assert any("'`x`'" in e.value for e in at.error)
    assert metric(at, "log_softmax(z)_j") == "−800.0"


# ---- languages --------------------------------------------------------------------------------


def test_chinese_page_is_translated():
    at = open_page("stability", lang="zh")
    assert at.title[0].value == "数值稳定性：为什么 softmax 要减去最大值"
    assert metric(at, "float32：上溢的阈值") == "88.72"
    assert "最先出现在" in warnings(at)
    assert trace(at, "st_chart_naive", "非数值")["text"] == ["NaN", "NaN"]
    at.text_input(key="st_z").set_value("1, x").run()
    assert any("不是一个数" in e.value for e in at.error)


def test_shift_beyond_float16_is_explained_not_crashed():
    at = open_page("stability")
    at.segmented_control(key="st_dtype").set_value("float16").run()
    at.text_input(key="st_shift_z").set_value("65000, 0").run()
    at.number_input(key="st_shift").set_value(-1000.0).run()  # 65000 + 1000 > 65504
    assert not at.exception
    assert metric(at, "max |softmax(z) − softmax(z − c)|") == "NaN"
    assert "65504" in warnings(at)


# ---- the link, reset and downloads ------------------------------------------------------------


def test_a_link_restores_the_inputs():
    at = open_page(
        "stability",
        st_dtype="float16",
        st_z="12,11,0",
        st_shift_z="1,2",
        st_shift="-5",
        st_log_z="0,-20",
        st_log_y="1",
    )
    assert at.segmented_control(key="st_dtype").value == "float16"
    assert at.text_input(key="st_z").value == "12,11,0"
    assert at.text_input(key="st_shift_z").value == "1,2"
    assert at.number_input(key="st_shift").value == -5.0
    assert at.text_input(key="st_log_z").value == "0,-20"
    assert at.number_input(key="st_log_y").value == 1
    assert not any("ignored" in w.value for w in at.warning)
    naive, stable = at.table[NAIVE].value, at.table[STABLE].value
    assert naive.iloc[0, EXP_COLUMN] == "inf"  # e^12 > 65504, the largest float16
    z16 = np.array([12.0, 11.0, 0.0], dtype=np.float16)  # the max-shifted softmax, in float16
    e16 = np.exp(z16 - z16.max())
    assert stable.iloc[:3, A_COLUMN].tolist() == [str(v) for v in e16 / e16.sum()]
    assert "e^(z − m) is larger than 65504, the largest float16" in warnings(at)


@pytest.mark.parametrize(
    "query",
    [
        {"st_dtype": "float8"},
        {"st_dtype": "<script>alert(1)</script>"},
        {"st_z": "1," * 30},  # more than 20 logits
        {"st_z": "1\x00,2"},
        {"st_z": "9" * 5000},
        {"st_z": "inf,0"},  # +inf has no softmax
        {"st_z": "nan,1"},
        {"st_shift_z": "abc"},
        {"st_shift": "1e999"},
        {"st_shift": "5000"},
        {"st_shift": "nan"},
        {"st_shift": "-1000.5"},  # just beyond the box's range
        {"st_log_y": "0"},
        {"st_log_y": "21"},
        {"st_log_y": "2.5"},
        {"st_log_z": "1"},  # one class is not a softmax
    ],
)
def test_hostile_link_values_are_ignored_without_a_crash(query):
    at = open_page("stability", **query)
    assert not at.exception
    (key,) = query
    notice = [w.value for w in at.warning if "ignored" in w.value]
    assert notice and key in notice[0]
    assert at.segmented_control(key="st_dtype").value == "float32"
    assert at.text_input(key="st_z").value == "90, 89, 10"
    assert at.number_input(key="st_shift").value == 0.0
    assert at.number_input(key="st_log_y").value == 2
    assert key not in dict(at.query_params)  # the link no longer carries it
    assert at.table[NAIVE].value.iloc[0, EXP_COLUMN] == "inf"  # the page still works


def test_inputs_are_written_to_the_url():
    at = open_page("stability")
    assert dict(at.query_params) in ({"lang": "en"}, {"lang": ["en"]})  # defaults stay out
    at.text_input(key="st_z").set_value("3, 2, 1").run()
    at.segmented_control(key="st_dtype").set_value("float64").run()
    at.number_input(key="st_shift").set_value(250.0).run()
    at.number_input(key="st_log_y").set_value(1).run()
    params = {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}
    assert params == {
        "st_dtype": "float64",
        "st_z": "3,2,1",
        "st_shift": "250",
        "st_log_y": "1",
        "lang": "en",
    }


def test_a_preset_is_written_to_the_url():
    at = open_page("stability")
    at.button(key="st_preset_float16").click().run()
    params = {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}
    assert params["st_dtype"] == "float16" and params["st_z"] == "12,11,0"


def test_reset_brings_back_the_defaults():
    at = open_page("stability", st_dtype="float64", st_z="1,2", st_shift="3", st_log_y="1")
    at.text_input(key="st_log_z").set_value("5, 6, 7").run()
    at.button(key="reset_stability").click().run()
    assert at.segmented_control(key="st_dtype").value == "float32"
    assert at.text_input(key="st_z").value == "90, 89, 10"
    assert at.text_input(key="st_shift_z").value == "2, 3, 4"
    assert at.number_input(key="st_shift").value == 0.0
    assert at.text_input(key="st_log_z").value == "0, -800"
    assert at.number_input(key="st_log_y").value == 2
    assert dict(at.query_params) in ({"lang": "en"}, {"lang": ["en"]})


def test_the_share_link_holds_the_inputs():
    at = open_page("stability", lang="zh", st_dtype="float16", st_z="12,11,0")
    link = at.get("code")[0].value if at.get("code") else ""
    assert link.endswith("/stability?st_dtype=float16&st_z=12,11,0&lang=zh")


def test_downloads_hold_both_step_tables_and_the_thresholds():
    from lab.language import t
    from pages.stability import view
    from pages.stability.model import diagnose_softmax, dtype_limits

    at = open_page("stability")
    keys = [b.key for b in at.get("download_button")]
    assert keys == ["download_csv_stability", "download_json_stability"]

    z = np.array([90.0, 89.0, 10.0])
    naive, stable = diagnose_softmax(z, "float32", False), diagnose_softmax(z, "float32", True)
    table = view.steps_download([("naive", naive), ("stable", stable)], "float32", t)
    assert table.shape == (8, 6)  # 3 classes and Σ, twice
    assert table.iloc[0].tolist() == ["naive", "1", "90.0", "90.0", "inf", "NaN"]
    z32 = z.astype(np.float32)  # the max-shifted softmax, by hand in float32
    e32 = np.exp(z32 - z32.max())
    expected = [str(v) for v in e32 / e32.sum()]
    assert table.iloc[4:7, 5].tolist() == expected
    assert table.iloc[7, 4] == str(e32.sum())
    assert "NaN" not in table.iloc[4:].to_numpy()  # the stable formula never breaks
    record = view.steps_record(z, naive, stable, "float32", [dtype_limits("float16")])
    assert record["naive"]["first_broken_step"] == "exp"
    assert record["stable"]["first_broken_step"] is None
    assert record["stable"]["a"] == [float(v) for v in expected]
    assert record["thresholds"]["float16"]["exp_overflows_above"] == pytest.approx(math.log(65504))
