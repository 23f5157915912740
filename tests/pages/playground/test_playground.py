"""The Playground in AppTest: presets, input modes, languages, bad input, the numbers shown."""

from __future__ import annotations

import math

import pytest

from ..apptest import bar_values, live_data, metric, open_page


def test_default_page_shows_loss_of_default_logits():
    at = open_page("playground")
    loss = float(metric(at, "Loss"))
    # z = 2, 1, 0.1, -1, 3 with class 1 true: -ln softmax(z)_0
    z = [2, 1, 0.1, -1, 3]
    expected = -(z[0] - math.log(sum(math.exp(v) for v in z)))
    assert loss == pytest.approx(expected, abs=5e-5)


def test_lecture_preset_shows_note_loss_and_gradient():
    at = open_page("playground")
    at.button(key="preset_lecture").click().run()
    assert metric(at, "Loss") == "1.6094"
    assert bar_values(at, "chart_probs") == pytest.approx([0.1, 0.1, 0.1, 0.2, 0.5])
    assert bar_values(at, "chart_probs", trace=1) == [0, 0, 0, 1, 0]
    assert bar_values(at, "chart_grad") == pytest.approx([0.1, 0.1, 0.1, -0.8, 0.5], abs=1e-15)
    assert any("1.6094" in latex.value for latex in at.latex)


@pytest.mark.parametrize(
    ("preset", "expected_loss"),
    [
        ("confident_right", None),
        ("confident_wrong", None),
        ("uniform", math.log(5)),
        ("overflow", 0.0),
        ("masked", None),
    ],
)
def test_every_preset_gives_a_finite_loss(preset, expected_loss):
    at = open_page("playground")
    at.button(key=f"preset_{preset}").click().run()
    assert not at.exception and not at.error
    loss = float(metric(at, "Loss"))
    assert math.isfinite(loss) and loss >= 0
    if expected_loss is not None:
        assert loss == pytest.approx(expected_loss, abs=5e-5)


def test_confident_wrong_loses_more_than_confident_right():
    at = open_page("playground")
    at.button(key="preset_confident_right").click().run()
    right = float(metric(at, "Loss"))
    at.button(key="preset_confident_wrong").click().run()
    assert float(metric(at, "Loss")) > right + 5


def test_typed_logits_change_the_bars():
    at = open_page("playground")
    at.text_input(key="z").set_value("0; 0，0").run()
    assert bar_values(at, "chart_probs") == pytest.approx([1 / 3] * 3)
    assert float(metric(at, "Loss")) == pytest.approx(math.log(3), abs=5e-5)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1, abc, 3", "abc"),
        ("", "at least one number"),
        ("5", "At least 2 classes"),
        ("1, nan, 2", "nan"),
        ("1, inf", "+inf"),
        (",".join(["1"] * 1_000_001), "too long"),
    ],
)
def test_bad_logits_show_a_message_and_keep_the_page(text, fragment):
    at = open_page("playground")
    at.text_input(key="z").set_value("4, 1, 1").run()
    good = bar_values(at, "chart_probs")
    at.text_input(key="z").set_value(text).run()
    assert not at.exception
    assert any(fragment.lower() in e.value.lower() for e in at.error), [e.value for e in at.error]
    assert bar_values(at, "chart_probs") == good  # the last valid values stay on screen
    assert at.text_input(key="z").value == text  # what the user typed is kept


def test_true_class_beyond_k_is_reported_next_to_the_input():
    at = open_page("playground")
    at.number_input(key="y").set_value(9).run()
    assert any("between 1 and 5" in e.value for e in at.error)
    assert at.number_input(key="y").value == 9
    assert float(metric(at, "Loss")) > 0


def test_probabilities_that_do_not_sum_to_one_offer_normalising():
    at = open_page("playground")
    at.segmented_control(key="mode").set_value("probs").run()
    at.text_input(key="a").set_value("1, 1, 2").run()
    assert at.error
    at.button(key="normalise").click().run()
    assert not at.error
    assert bar_values(at, "chart_probs") == pytest.approx([0.25, 0.25, 0.5])


def test_mode_switch_carries_values_over():
    at = open_page("playground")
    at.text_input(key="z").set_value("1, 2, 3").run()
    before = bar_values(at, "chart_probs")
    at.segmented_control(key="mode").set_value("sliders").run()
    assert at.slider(key="k").value == 3
    assert [at.slider(key=f"z{i}").value for i in range(3)] == [1.0, 2.0, 3.0]
    assert bar_values(at, "chart_probs") == pytest.approx(before)
    at.segmented_control(key="mode").set_value("probs").run()
    assert bar_values(at, "chart_probs") == pytest.approx(before, abs=1e-6)
    at.segmented_control(key="mode").set_value("text").run()
    assert bar_values(at, "chart_probs") == pytest.approx(before, abs=1e-5)


def test_temperature_flattens_the_distribution():
    at = open_page("playground")
    cold = max(bar_values(at, "chart_probs"))
    assert not at.select_slider  # with logits, T is the live widget's own slider
    at.session_state["T"] = 20.0  # what the widget's release callback stores
    at.run()
    assert max(bar_values(at, "chart_probs")) < cold
    assert at.query_params["T"] in (["20.0"], "20.0", ["20"], "20")


def test_large_vocabulary_shows_top_twenty_plus_true_class():
    at = open_page("playground")
    at.text_input(key="z").set_value(", ".join(str(i % 97) for i in range(1000))).run()
    assert len(bar_values(at, "chart_probs")) == 21
    assert any("1000" in i.value for i in at.info)


def test_chinese_page_is_translated():
    at = open_page("playground", lang="zh")
    assert at.title[0].value == "Softmax 与交叉熵实验台"
    assert metric(at, "损失")
    at.text_input(key="z").set_value("1, x").run()
    assert any("不是" in e.value or "数" in e.value for e in at.error)


def test_a_link_restores_the_inputs():
    at = open_page("playground", z="1,2,3", y="2", T="0.5", names="cat,dog,bird")
    assert at.text_input(key="z").value == "1,2,3"
    assert at.number_input(key="y").value == 2
    assert at.session_state["T"] == 0.5
    assert live_data(at)["temperature"] == 0.5
    assert metric(at, "Predicted class") == "bird"
    assert at.query_params["z"] == ["1,2,3"] or at.query_params["z"] == "1,2,3"


def test_a_link_with_sliders_restores_them():
    at = open_page("playground", mode="sliders", s="1,-2,3.5")
    assert at.slider(key="k").value == 3
    assert [at.slider(key=f"z{i}").value for i in range(3)] == [1.0, -2.0, 3.5]


@pytest.mark.parametrize(
    "query",
    [
        {"T": "0"},
        {"T": "abc"},
        {"y": "-3"},
        {"y": "1e999"},
        {"mode": "<script>"},
        {"s": "1,2,999"},
        {"z": "1\x00,2"},
        {"lang": "xx"},
    ],
)
def test_hostile_link_values_are_ignored_without_a_crash(query):
    at = open_page("playground", **query)
    assert not at.exception
    assert float(metric(at, "Loss")) > 0
    if "lang" not in query:
        assert any(key in warning.value for warning in at.warning for key in query)


def test_inputs_are_written_to_the_url():
    at = open_page("playground")
    at.text_input(key="z").set_value("3, 1, 2").run()
    at.number_input(key="y").set_value(2).run()
    params = dict(at.query_params)
    assert params["z"] in ("3,1,2", ["3,1,2"])  # written without the spaces
    assert params["y"] in ("2", ["2"])


def test_reset_brings_back_the_defaults():
    at = open_page("playground")
    at.text_input(key="z").set_value("9, 9").run()
    at.button(key="reset_playground").click().run()
    assert at.text_input(key="z").value == "2, 1, 0.1, -1, 3"


def test_a_link_with_sliders_uses_a_readable_key_and_old_links_still_open():
    at = open_page("playground", mode="sliders", sliders="0.5,-1")
    assert [at.slider(key=f"z{i}").value for i in range(2)] == [0.5, -1.0]
    params = dict(at.query_params)
    assert params["sliders"] in ("0.5,-1", ["0.5,-1"]) and "s" not in params
    old = open_page("playground", mode="sliders", s="2,0,-2")  # a link shared before the rename
    assert [old.slider(key=f"z{i}").value for i in range(3)] == [2.0, 0.0, -2.0]
    assert "s" not in dict(old.query_params) and "sliders" in dict(old.query_params)


def test_step_table_with_a_temperature_shows_the_steps_of_z_over_t():
    """With T = 2 every column is a step of softmax(z / 2), and the last is (a − y) / T."""
    at = open_page("playground", z="2,1,0.1,-1,3", T="2")
    at.session_state["pg_pipeline"] = True  # the step table is built while its expander is open
    at.run()
    table = at.table[0].value
    z_over_t = [1.0, 0.5, 0.05, -0.5, 1.5]  # by hand
    shifted = [v - 1.5 for v in z_over_t]
    e = [math.exp(v) for v in shifted]
    a = [v / sum(e) for v in e]
    grad = [(a_k - (k == 0)) / 2 for k, a_k in enumerate(a)]
    assert list(table.columns) == [
        "class",
        "z / T",
        "z/T − max",
        "e^(z/T − max)",
        "a = e / Σ",
        "y",
        "∂L/∂z = (a − y) / T",
    ]
    assert table["z / T"].tolist() == pytest.approx(z_over_t)
    assert table["z/T − max"].tolist() == pytest.approx(shifted)
    assert table["e^(z/T − max)"].tolist() == pytest.approx(e)
    assert table["a = e / Σ"].tolist() == pytest.approx(a)
    assert table["a = e / Σ"][0] == pytest.approx(0.2587, abs=5e-5)
    assert table["∂L/∂z = (a − y) / T"].tolist() == pytest.approx(grad)


def test_without_a_temperature_the_step_table_keeps_its_plain_headers():
    at = open_page("playground", z="2,1,0.1,-1,3")
    at.session_state["pg_pipeline"] = True
    at.run()
    assert list(at.table[0].value.columns)[1:4] == ["z", "z − max", "e^(z − max)"]


def test_both_charts_explain_their_colours_in_the_legend():
    from ..apptest import chart_data

    at = open_page("playground", z="2,1,0.1,-1,3", y="1")
    names = [
        trace.get("name")
        for trace in chart_data(at, "chart_probs")
        if trace.get("showlegend", True)
    ]
    assert names == ["true class", "predicted", "other classes", "y (target)"]
    names = [
        trace.get("name") for trace in chart_data(at, "chart_grad") if trace.get("showlegend", True)
    ]
    assert names == ["negative: descent pushes z up", "positive: descent pushes z down"]


def test_a_loss_of_zero_is_never_shown_with_a_minus_sign():
    at = open_page("playground")
    at.button(key="preset_overflow").click().run()
    assert metric(at, "Loss") == "0.0000"
    assert metric(at, "Entropy H(a)") == "0.0000"


def test_the_gradient_legend_is_translated():
    from lab.i18n import translate

    for key in ("playground.fig.grad.negative", "playground.fig.grad.positive"):
        assert translate(key, "zh") != translate(key, "en")
        assert "梯度下降" in translate(key, "zh")
