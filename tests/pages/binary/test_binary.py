"""The sigmoid & binary cross-entropy page in AppTest: presets, inputs, languages, bad input."""

from __future__ import annotations

import base64
import math
import re

import numpy as np
import pytest

from lab import numbers
from lab.live.sigmoid import released_x
from pages.binary import view
from pages.binary.model import compare_two_class, explain_binary
from pages.binary.naive_versus_stable import naive_versus_stable

from ..apptest import chart_data, chart_figure, live_data, metric, open_page

EPS = 2.0**-52


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def softplus(x: float) -> float:
    """ln(1 + e^x), by hand, for the expected values."""
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def full(at, label: str) -> float:
    """Return the full-precision value in the help of metric ``label``."""
    for element in at.metric:
        if element.label == label:
            text = re.split("[:：]", element.proto.help, maxsplit=1)[1].strip()
            text = text.replace("∞", "inf")
            return float(text.replace("−", "-"))
    raise AssertionError(f"no metric {label!r}")


def table(at, key: str):
    """Return the DataFrame of ``st.dataframe(key=...)``."""
    order = ("bn_two_table", "bn_stability_table")  # in the order the page draws them
    return at.dataframe[order.index(key)].value


def number(text: str) -> float:
    return float(str(text).split(" ")[0].replace("∞", "inf").replace("−", "-"))


def decoded(values) -> list[float]:
    """Return a trace's values: a plain list, or a NumPy array Plotly sent as base64 binary."""
    if isinstance(values, dict):
        raw = base64.b64decode(values["bdata"])
        return np.frombuffer(raw, dtype=np.dtype(values["dtype"])).tolist()
    return list(values)


def traces(at, key: str) -> dict[str, dict[str, list[float]]]:
    """Return ``{name: {"x": [...], "y": [...]}}`` for the traces of chart ``key``."""
    return {
        trace.get("name"): {"x": decoded(trace["x"]), "y": decoded(trace["y"])}
        for trace in chart_data(at, key)
    }


def marker(at, key: str, name: str) -> list[float]:
    """Return the y values of the trace called ``name`` in chart ``key``."""
    return traces(at, key)[name]["y"]


def test_default_page_shows_sigmoid_loss_and_gradient_of_x_two():
    at = open_page("binary")
    assert not at.error
    s = sigmoid(2.0)
    assert full(at, "σ(x)") == pytest.approx(s, rel=1e-16)
    assert full(at, "Loss ℓ") == pytest.approx(softplus(-2.0), rel=2e-16)
    assert full(at, "Gradient σ(x) − y") == pytest.approx(s - 1, rel=1e-15)
    assert full(at, "σ′(x) = σ(1 − σ)") == pytest.approx(s * (1 - s), rel=1e-14)
    assert metric(at, "σ(x)") == "0.8808"
    assert any("0.8808 - 1 = -0.1192" in latex.value for latex in at.latex)


def test_unsure_preset_gives_one_half_and_ln_two():
    at = open_page("binary")
    at.button(key="bn_preset_unsure").click().run()
    assert at.text_input(key="bn_x").value == "0" and at.slider(key="bn_x_slider").value == 0
    assert metric(at, "σ(x)") == "0.5000" and metric(at, "σ′(x) = σ(1 − σ)") == "0.2500"
    assert full(at, "Loss ℓ") == math.log(2)
    assert full(at, "Gradient σ(x) − y") == -0.5
    assert marker(at, "bn_chart_loss", "current x") == [math.log(2)]
    sigma_trace = chart_data(at, "bn_chart_sigmoid")[2]
    assert sigma_trace["x"] == [0.0, 0.0] and sigma_trace["y"] == [0.5, 0.25]
    curves = traces(at, "bn_chart_sigmoid")
    assert max(curves["σ′(x) (at most 1/4)"]["y"]) == 0.25
    assert curves["σ(x)"]["x"][0] == -10.0 and curves["σ(x)"]["x"][-1] == 10.0
    # The two-class check is the same example: z = (0, 0), class 1.
    assert at.text_input(key="bn_z0").value == "0" and at.text_input(key="bn_z1").value == "0"
    assert at.segmented_control(key="bn_class").value == 1


@pytest.mark.parametrize(
    ("preset", "x"), [("confident_right", 6.0), ("confident_wrong", -6.0), ("overflow", -800.0)]
)
def test_presets_give_the_loss_and_gradient_of_their_logit(preset, x):
    at = open_page("binary")
    at.button(key=f"bn_preset_{preset}").click().run()
    assert not at.exception and not at.error
    assert number(at.text_input(key="bn_x").value) == x
    assert at.segmented_control(key="bn_label").value == "1"
    assert full(at, "Loss ℓ") == pytest.approx(softplus(-x), rel=2e-16)
    assert full(at, "Gradient σ(x) − y") == pytest.approx(sigmoid(x) - 1, rel=2e-16)
    assert at.slider(key="bn_x_slider").value == max(x, -10.0)
    assert number(at.text_input(key="bn_z1").value) == x


def test_confident_wrong_is_pushed_with_slope_almost_minus_one():
    at = open_page("binary")
    at.button(key="bn_preset_confident_right").click().run()
    right = full(at, "Loss ℓ")
    at.button(key="bn_preset_confident_wrong").click().run()
    assert full(at, "Loss ℓ") > right + 5
    assert full(at, "Gradient σ(x) − y") == pytest.approx(-0.9975273768433653, rel=1e-15)
    assert any("slope" in str(trace.get("name")) for trace in chart_data(at, "bn_chart_loss"))


def test_overflow_preset_keeps_the_stable_loss_and_shows_the_naive_one_break():
    at = open_page("binary")
    at.button(key="bn_preset_overflow").click().run()
    assert full(at, "Loss ℓ") == 800.0 and full(at, "σ(x)") == 0.0
    assert any("−800" in i.value or "-800" in i.value for i in at.info)  # ln σ(x) = -800
    assert any("inf" in w.value or "∞" in w.value for w in at.warning)
    rows = table(at, "bn_stability_table")
    first = rows.iloc[0]
    assert number(first.iloc[0]) == -800 and "your x" in first.iloc[0]
    assert [number(v) for v in first.iloc[1:]] == [math.inf, 800.0, math.inf, 800.0]
    assert marker(at, "bn_chart_loss", "current x") == [800.0]
    layout_text = [a["text"] for a in chart_data_layout(at, "bn_chart_sigmoid")]
    assert any("off the chart" in text for text in layout_text)


def chart_data_layout(at, key: str) -> list[dict]:
    return chart_figure(at, key)["layout"].get("annotations", [])


def test_typed_x_moves_the_slider_and_the_slider_writes_x():
    at = open_page("binary")
    at.text_input(key="bn_x").set_value("3.14").run()
    assert at.slider(key="bn_x_slider").value == pytest.approx(3.1)
    assert full(at, "σ(x)") == pytest.approx(sigmoid(3.14), rel=1e-16)
    at.slider(key="bn_x_slider").set_value(-4.5).run()
    assert at.text_input(key="bn_x").value == "-4.5"
    assert full(at, "Loss ℓ") == pytest.approx(softplus(4.5), rel=2e-16)
    at.text_input(key="bn_x").set_value("1e3").run()
    assert at.slider(key="bn_x_slider").value == 10.0
    assert any("outside" in c.value for c in at.caption)


@pytest.mark.parametrize(("label", "y"), [("0", 0.0), ("soft", 0.7)])
def test_label_changes_the_loss_and_gradient(label, y):
    at = open_page("binary")
    at.segmented_control(key="bn_label").set_value(label).run()
    loss = y * softplus(-2.0) + (1 - y) * softplus(2.0)
    assert full(at, "Loss ℓ") == pytest.approx(loss, rel=4e-16)
    assert full(at, "Gradient σ(x) − y") == pytest.approx(sigmoid(2.0) - y, rel=1e-15)
    curves = [name for name in traces(at, "bn_chart_loss") if name.startswith("y =")]
    assert len(curves) == (3 if label == "soft" else 2)
    shown = traces(at, "bn_chart_loss")[curves[-1]]
    expected = [y * softplus(-v) + (1 - y) * softplus(v) for v in shown["x"]]
    assert shown["y"] == pytest.approx(expected, rel=1e-14, abs=1e-300)
    assert at.slider(key="bn_soft").disabled == (label != "soft")


def test_soft_label_slider_sets_y():
    at = open_page("binary")
    at.segmented_control(key="bn_label").set_value("soft").run()
    at.slider(key="bn_soft").set_value(0.25).run()
    assert full(at, "Gradient σ(x) − y") == pytest.approx(sigmoid(2.0) - 0.25, rel=1e-15)
    assert "y = 0.25" in at.caption[-3].value or any("0.25" in c.value for c in at.caption)


@pytest.mark.parametrize(("z0", "z1", "target"), [(0.5, 2.5, 1), (-1.3, 0.4, 0), (30.0, -12.0, 1)])
def test_two_class_table_shows_softmax_equal_to_sigmoid(z0, z1, target):
    at = open_page("binary")
    at.text_input(key="bn_z0").set_value(str(z0)).run()
    at.text_input(key="bn_z1").set_value(str(z1)).run()
    at.segmented_control(key="bn_class").set_value(target).run()
    rows = table(at, "bn_two_table")
    softmax_side = [float(v) for v in rows.iloc[:, 1]]
    sigmoid_side = [float(v) for v in rows.iloc[:, 2]]
    s = sigmoid(z1 - z0)
    y = float(target)
    expected = [1 - s, s, softplus(-(z1 - z0)) if target else softplus(z1 - z0), y - s, s - y]
    assert softmax_side == pytest.approx(expected, rel=1e-14, abs=1e-16)
    assert sigmoid_side == pytest.approx(expected, rel=1e-14, abs=1e-16)
    differences = [a - b for a, b in zip(softmax_side, sigmoid_side, strict=True)]
    assert max(abs(d) for d in differences) <= 4 * EPS * max(1.0, abs(expected[2]))
    largest = compare_two_class(z0, z1, target).largest_difference
    assert metric(at, "Largest difference") == view.difference(largest)


def test_stability_table_and_charts_follow_the_label():
    at = open_page("binary")
    at.segmented_control(key="bn_label").set_value("0").run()
    rows = table(at, "bn_stability_table")
    by_x = {number(r.iloc[0]): [number(v) for v in r.iloc[1:]] for _, r in rows.iterrows()}
    assert by_x[-40][2] == 0.0 and by_x[-40][3] == pytest.approx(math.exp(-40), rel=1e-15)
    assert by_x[800][2] == math.inf and by_x[800][3] == 800.0
    assert math.isnan(by_x[-800][0]) and by_x[-800][1] == 0.0
    float64 = traces(at, "bn_chart_stability_float64")
    x = float64["stable"]["x"]
    i = x.index(800.0)
    assert float64["stable"]["y"][i] == pytest.approx(800.0)
    assert math.isnan(float64["naive"]["y"][i])  # inf cannot sit on a log axis (NaN: a gap) ...
    top = max(v for v in float64["stable"]["y"] if math.isfinite(v))
    assert float64["naive: ∞ or NaN"]["y"][i] > top  # ... it is drawn along the top edge
    # and 0 along the bottom, under the lowest decade shown (10^-300: float64 has no room below)
    assert float64["naive: 0 (wrong)"]["y"][x.index(-40.0)] < 1e-300
    float32 = traces(at, "bn_chart_stability_float32")
    assert max(float32["stable"]["x"]) == 110.0
    assert float32["stable"]["y"][float32["stable"]["x"].index(-100.0)] == pytest.approx(0.0)


def test_stability_table_colours_the_broken_naive_cells():
    x = view.table_logits(2.0)
    results = [naive_versus_stable(x, 1.0, dtype) for dtype in (np.float32, np.float64)]
    styler = view.stability_table(results, lambda key, **p: f"{key}{p.get('dtype', '')}", 2)
    styler._compute()
    coloured = {(r, c) for (r, c), props in styler.ctx.items() if props}
    # columns: x, naive32, stable32, naive64, stable64; rows -800, -40, 2, 40, 800
    assert coloured == {(r, c) for r in (0, 3, 4) for c in (1, 3)}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("abc", "abc"),
        ("1, 2", "exactly one number"),
        ("", "at least one number"),
        ("nan", "nan"),
        ("inf", "finite"),
        ("1e999", "too large"),
    ],
)
def test_bad_x_shows_a_message_and_keeps_the_page(text, fragment):
    at = open_page("binary")
    at.text_input(key="bn_x").set_value("3").run()
    at.segmented_control(key="bn_label").set_value("0").run()
    at.text_input(key="bn_z0").set_value("1.5").run()
    good = full(at, "Loss ℓ")
    at.text_input(key="bn_x").set_value(text).run()
    assert not at.exception
    assert any(fragment.lower() in e.value.lower() for e in at.error), [e.value for e in at.error]
    assert full(at, "Loss ℓ") == good  # the last valid x stays on screen
    assert at.text_input(key="bn_x").value == text  # what the user typed is kept
    assert at.segmented_control(key="bn_label").value == "0"  # the other inputs too
    assert at.text_input(key="bn_z0").value == "1.5"
    assert at.slider(key="bn_x_slider").value == 3.0
    assert len(at.get("plotly_chart")) == 2 and len(live_data(at)["figures"]) == 2


def test_bad_two_class_logit_is_reported_next_to_it_and_the_rest_works():
    at = open_page("binary")
    before = table(at, "bn_two_table")
    at.text_input(key="bn_z1").set_value("2,5,").run()  # a comma typed for a decimal point
    assert any("exactly one number" in e.value for e in at.error)
    assert table(at, "bn_two_table").equals(before)
    at.text_input(key="bn_x").set_value("-1").run()  # the first section still works
    assert full(at, "Loss ℓ") == pytest.approx(softplus(1.0), rel=2e-16)
    assert at.text_input(key="bn_z1").value == "2,5,"


def test_reset_brings_back_the_defaults():
    at = open_page("binary", bn_label="soft", bn_soft="0.3", bn_class="0")
    at.button(key="bn_preset_overflow").click().run()
    at.button(key="reset_binary").click().run()
    assert at.text_input(key="bn_x").value == "2" and at.slider(key="bn_x_slider").value == 2.0
    assert at.text_input(key="bn_z0").value == "0.5"
    assert at.text_input(key="bn_z1").value == "2.5"
    assert at.segmented_control(key="bn_label").value == "1"
    assert at.slider(key="bn_soft").value == 0.7
    assert at.segmented_control(key="bn_class").value == 1
    assert dict(at.query_params) in ({"lang": "en"}, {"lang": ["en"]})


# ---- the link and the downloads ---------------------------------------------------------------


def params(at) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}


def test_a_link_restores_the_inputs():
    at = open_page(
        "binary", bn_x="-3", bn_label="soft", bn_soft="0.25", bn_z0="1", bn_z1="-2", bn_class="0"
    )
    assert not any("ignored" in w.value for w in at.warning)
    assert at.text_input(key="bn_x").value == "-3"
    assert at.slider(key="bn_x_slider").value == -3.0  # the slider follows the box
    assert at.segmented_control(key="bn_label").value == "soft"
    assert at.slider(key="bn_soft").value == 0.25
    assert at.text_input(key="bn_z0").value == "1" and at.text_input(key="bn_z1").value == "-2"
    assert at.segmented_control(key="bn_class").value == 0
    expected = 0.25 * softplus(3.0) + 0.75 * softplus(-3.0)
    assert full(at, "Loss ℓ") == pytest.approx(expected, rel=2e-16)
    assert full(at, "Gradient σ(x) − y") == pytest.approx(sigmoid(-3.0) - 0.25, rel=1e-15)
    p0 = number(table(at, "bn_two_table").iloc[0, 1])
    assert p0 == pytest.approx(sigmoid(3.0), rel=1e-15)  # softmax(1, -2) of class 0
    assert params(at) == {
        "bn_x": "-3",
        "bn_label": "soft",
        "bn_soft": "0.25",
        "bn_z0": "1",
        "bn_z1": "-2",
        "bn_class": "0",
        "lang": "en",
    }


def test_a_link_with_a_logit_beyond_the_slider_keeps_it():
    at = open_page("binary", bn_x="-800")
    assert at.text_input(key="bn_x").value == "-800"
    assert at.slider(key="bn_x_slider").value == -10.0
    assert full(at, "Loss ℓ") == 800.0


@pytest.mark.parametrize(
    "query",
    [
        {"bn_x": "abc"},
        {"bn_x": "1, 2"},  # one number only
        {"bn_x": "inf"},
        {"bn_x": "nan"},
        {"bn_x": "1e999"},
        {"bn_x": "2\x07"},
        {"bn_x": "1" * 100},
        {"bn_label": "2"},
        {"bn_label": "SOFT"},
        {"bn_soft": "1.5"},
        {"bn_soft": "0.33"},  # the slider moves by 0.05
        {"bn_soft": "-0"},
        {"bn_z0": ""},
        {"bn_z1": "\n3"},
        {"bn_class": "2"},
        {"bn_class": "one"},
    ],
)
def test_hostile_link_values_are_ignored_without_a_crash(query):
    at = open_page("binary", **query)
    assert not at.exception
    (key,) = query
    if query == {"bn_soft": "-0"}:  # -0 is 0, a value the slider has: taken, not ignored
        assert at.slider(key="bn_soft").value == 0.0
        at.segmented_control(key="bn_label").set_value("soft").run()
        assert params(at)["bn_soft"] == "0"
        return
    notice = [w.value for w in at.warning if "ignored" in w.value]
    assert notice and key in notice[0]
    assert key not in params(at)
    assert at.text_input(key="bn_x").value == "2"
    assert full(at, "Loss ℓ") == pytest.approx(softplus(-2.0), rel=2e-16)


def test_inputs_are_written_to_the_url():
    at = open_page("binary")
    assert params(at) == {"lang": "en"}  # defaults stay out of the link
    at.text_input(key="bn_x").set_value(" 1.5 ").run()
    at.segmented_control(key="bn_label").set_value("soft").run()
    at.slider(key="bn_soft").set_value(0.4).run()
    at.text_input(key="bn_z1").set_value("-7").run()
    assert params(at) == {
        "bn_x": "1.5",
        "bn_label": "soft",
        "bn_soft": "0.4",
        "bn_z1": "-7",
        "lang": "en",
    }
    at.segmented_control(key="bn_label").set_value("0").run()
    assert params(at) == {"bn_x": "1.5", "bn_label": "0", "bn_z1": "-7", "lang": "en"}
    at.slider(key="bn_x_slider").set_value(-4.2).run()
    assert params(at)["bn_x"] == "-4.2"


def test_a_preset_is_written_to_the_url():
    at = open_page("binary")
    at.button(key="bn_preset_confident_wrong").click().run()
    assert params(at) == {"bn_x": "-6", "bn_z0": "0", "bn_z1": "-6", "lang": "en"}


def test_downloads_hold_the_naive_versus_stable_table_and_the_values():
    from lab.language import t
    from pages.binary.model import compare_two_class, explain_binary

    at = open_page("binary")
    keys = [b.key for b in at.get("download_button")]
    assert keys == ["download_csv_binary", "download_json_binary"]

    results = [naive_versus_stable([-800.0, 2.0, 40.0], 1.0, d) for d in (np.float32, np.float64)]
    csv = view.stability_download(results, t)
    assert list(csv.columns) == [
        "x",
        "naive (float32)",
        "stable (float32)",
        "naive (float64)",
        "stable (float64)",
    ]
    assert csv.iloc[0].tolist() == ["-800.0", "inf", "800.0", "inf", "800.0"]
    assert csv.iloc[2, 3] == "NaN"  # 0 * ln 0 in the naive formula, spelled out
    assert float(csv.iloc[1, 4]) == softplus(-2.0)  # every digit of float64
    assert csv.iloc[1, 2] == str(np.float32(csv.iloc[1, 2]))  # float32's shortest digits
    record = view.values_record(explain_binary(2.0, 1.0), compare_two_class(0.5, 2.5, 1))
    assert record["logit"]["loss"] == pytest.approx(softplus(-2.0), rel=2e-16)
    assert record["logit"]["sigma"] == pytest.approx(sigmoid(2.0), rel=1e-16)
    assert record["two_class"]["softmax"].tolist() == pytest.approx([sigmoid(-2), sigmoid(2)])
    assert record["two_class"]["largest_difference"] < 1e-15


def test_chinese_page_is_translated():
    at = open_page("binary", lang="zh")
    assert at.title[0].value == "Sigmoid 与二分类交叉熵"
    assert full(at, "损失 ℓ") == pytest.approx(softplus(-2.0), rel=2e-16)
    assert "朴素（float64）" in table(at, "bn_stability_table").columns
    at.text_input(key="bn_x").set_value("1, 2").run()
    assert any("只输入一个数" in e.value for e in at.error)
    at.button(key="bn_preset_overflow").click().run()
    assert any("float64" in i.value for i in at.info)


def test_torch_snippet_values_match_pytorch():
    torch = pytest.importorskip("torch")
    for x, y in [(2.0, 1.0), (-800.0, 1.0), (40.0, 1.0), (-6.0, 0.3)]:
        from pages.binary.model import explain_binary

        p = explain_binary(x, y)
        code = view.torch_snippet(p)
        xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        yt = torch.tensor(y, dtype=torch.float64)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(xt, yt)
        loss.backward()
        assert loss.item() == pytest.approx(p.loss, rel=1e-15, abs=1e-300)
        assert xt.grad.item() == pytest.approx(p.grad, rel=1e-15)
        s = torch.sigmoid(xt.detach())
        naive = (-(yt * torch.log(s) + (1 - yt) * torch.log(1 - s))).item()
        assert view.full(naive) == view.full(p.naive_loss) or naive == pytest.approx(
            p.naive_loss, rel=1e-12
        )
        assert f"# {p.loss!r}" in code


def test_extreme_logits_never_break_the_page():
    at = open_page("binary")
    for text in ["1e308", "-1e308", "5e-324", "-0", "1e5", "-745.2"]:
        opposite = text[1:] if text.startswith("-") else "-" + text
        at.text_input(key="bn_x").set_value(text)
        at.text_input(key="bn_z0").set_value(text)
        at.text_input(key="bn_z1").set_value(opposite).run()
        assert not at.exception and not at.error, text
        assert full(at, "Loss ℓ") == pytest.approx(softplus(-float(text)), rel=2e-16)
        assert len(at.get("plotly_chart")) == 2 and len(live_data(at)["figures"]) == 2
        largest = metric(at, "Largest difference")
        assert largest == "0" or float(largest) < 1e-15, (text, largest)


def test_sigma_rounding_to_one_is_explained_and_the_loss_stays_exact():
    at = open_page("binary")
    at.text_input(key="bn_x").set_value("40").run()
    assert full(at, "σ(x)") == 1.0
    assert full(at, "Loss ℓ") == pytest.approx(math.exp(-40), rel=1e-15)  # not 0, not NaN
    assert any("= -40.0," in i.value for i in at.info)  # ln(1 - σ(40)) = ln σ(-40) = -40
    assert any("NaN" in w.value for w in at.warning)  # the naive formula gives 0 · (-inf)


def test_the_live_charts_hold_x_the_label_and_both_figures():
    at = open_page("binary", bn_x="-1.5", bn_label="soft", bn_soft="0.3")
    data = live_data(at)
    assert (data["x"], data["y"]) == (-1.5, 0.3)
    assert [f["key"] for f in data["figures"]] == ["bn_chart_sigmoid", "bn_chart_loss"]
    assert data["range"] == [-10.0, 10.0] and data["step"] == 0.1  # the slider's
    assert data["curves"] == 3  # y = 1, y = 0 and the soft label's
    # the point's label as the browser fills it in, and as Python did for this x
    p = explain_binary(-1.5, 0.3)
    filled = data["text"]["point"].format(loss=numbers.bar(p.loss), slope=numbers.bar(p.grad))
    assert chart_data_layout(at, "bn_chart_loss")[0]["text"] == filled
    loss = chart_data(at, "bn_chart_loss")
    assert loss[3]["y"][1] - loss[3]["y"][0] == pytest.approx(
        p.grad * (loss[3]["x"][1] - loss[3]["x"][0]), rel=1e-12
    )  # the tangent, whose reach the browser keeps
    assert data["halfWidth"] == pytest.approx((loss[3]["x"][1] - loss[3]["x"][0]) / 2)


@pytest.mark.parametrize(
    ("value", "x"),
    [
        (-7.6, -7.6),
        (3, 3.0),
        (10.0, 10.0),
        (10.5, None),
        (True, None),
        ("2", None),
        (float("nan"), None),
        (None, None),
        ([1.0], None),
        (10**400, None),  # no float can hold it
    ],
)
def test_only_a_number_on_the_charts_is_taken_on_release(value, x):
    assert released_x({"x": value, "seq": 1}, -10.0, 10.0) == x
    assert released_x(value, -10.0, 10.0) is None  # not the message the browser sends
