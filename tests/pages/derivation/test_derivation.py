"""The derivation page in AppTest: the lecture note's numbers, the Jacobian, the gradient check."""

from __future__ import annotations

import math

import pytest

from ..apptest import bar_values, chart_data, live_data, metric, open_page

LECTURE_GRADIENT = r"(0.1000,\ 0.1000,\ 0.1000,\ -0.8000,\ 0.5000)"
# z = ln a up to a constant: ln 1, ln 1, ln 1, ln 2, ln 5 (a = 0.1, 0.1, 0.1, 0.2, 0.5)
LECTURE_TEXT = "0, 0, 0, 0.6931471805599453, 1.6094379124341003"


def softmax(z, temperature=1.0):
    top = max(z)
    e = [math.exp((v - top) / temperature) for v in z]
    return [v / sum(e) for v in e]


def latex(at) -> str:
    return "\n".join(element.value for element in at.latex)


def lecture_page(lang: str = "en"):
    at = open_page("derivation", lang)
    at.text_input(key="z").set_value(LECTURE_TEXT).run()
    at.number_input(key="y").set_value(4).run()
    assert not at.exception and not at.error
    return at


def test_lecture_note_derivation_shows_the_note_numbers_step_by_step():
    at = lecture_page()
    text = latex(at)
    assert r"-\ln a_{4} = -\ln 0.2000 = 1.6094" in text
    assert r"-\frac{1}{a_{4}} = -\frac{1}{0.2000} = -5.0000" in text
    assert r"= 0.2000\,(1 - 0.2000) = 0.1600" in text  # da_4/dz_4 = a_4 (1 - a_4)
    assert r"-5.0000 \cdot 0.1600 = -0.8000 = a_{4} - 1" in text
    assert r"= -0.2000 \cdot 0.5000 = -0.1000" in text  # da_4/dz_5 = -a_4 a_5
    assert r"-5.0000 \cdot (-0.1000) = 0.5000 = a_{5}" in text
    assert rf"\boxed{{{LECTURE_GRADIENT}}}" in text
    table = at.dataframe[0].value
    assert list(table.iloc[:, 1]) == pytest.approx([0.1, 0.1, 0.1, -0.8, 0.5], abs=1e-15)
    assert list(table.iloc[:, 2]) == pytest.approx([0.1, 0.1, 0.1, -0.8, 0.5], abs=1e-9)
    assert float(metric(at, "Relative error")) < 1e-9


def test_lecture_button_loads_z_as_ln_a():
    """ln a, written as a person would type it: shifted so the largest is 0, 6 decimals."""
    at = open_page("derivation")
    at.button(key="dv_lecture").click().run()
    assert at.number_input(key="y").value == 4
    assert at.select_slider(key="T").value == 1.0
    # ln 0.1 - ln 0.5 = -ln 5 = -1.6094379..., ln 0.2 - ln 0.5 = -ln 2.5 = -0.9162907...
    assert at.text_input(key="z").value == "-1.609438, -1.609438, -1.609438, -0.916291, 0"
    assert rf"\boxed{{{LECTURE_GRADIENT}}}" in latex(at)
    assert r"-\ln a_{4} = -\ln 0.2000 = 1.6094" in latex(at)


def test_the_derivation_shows_what_the_playground_shows_even_as_probabilities():
    at = open_page("playground")
    at.button(key="preset_lecture").click().run()  # probabilities mode, L = -ln 0.2
    at.switch_page("pages/derivation/derivation.py").run()
    assert at.text_input(key="z").value == "-1.609438, -1.609438, -1.609438, -0.916291, 0"
    assert at.number_input(key="y").value == 4
    assert r"-\ln a_{4} = -\ln 0.2000 = 1.6094" in latex(at)
    at.text_input(key="z").set_value("1, 2, 3").run()  # typed here: kept on the next run
    at.number_input(key="y").set_value(1).run()
    assert at.text_input(key="z").value == "1, 2, 3"


def test_jacobian_heatmap_is_diag_a_minus_a_a_transpose_and_the_checks_are_zero():
    at = lecture_page()
    heatmap = chart_data(at, "dv_chart_jacobian")[0]
    a = [0.1, 0.1, 0.1, 0.2, 0.5]
    expected = [[(a[i] if i == k else 0) - a[i] * a[k] for k in range(5)] for i in range(5)]
    for row, want in zip(heatmap["z"], expected, strict=True):
        assert row == pytest.approx(want, abs=1e-15)
    assert heatmap["x"] == heatmap["y"] == ["1", "2", "3", "4", "5"]
    assert heatmap["text"][3][3] == "0.160" and heatmap["zmid"] == 0
    for label in ("Symmetric: max |J − Jᵀ|", "Rows sum to 0: max |Σₖ Jᵢₖ|"):
        assert float(metric(at, label)) < 1e-15
    assert float(metric(at, "Jᵀ ∂L/∂a − ∂L/∂z: max difference")) < 1e-15
    text = latex(at)
    assert r"-\frac{y}{a} = (0,\ 0,\ 0,\ -5.0000,\ 0)" in text
    assert rf"J^\top \frac{{\partial L}}{{\partial a}} &= {LECTURE_GRADIENT}" in text


def test_step_sweep_has_float32_and_float64_curves_with_the_minimum_inside():
    at = lecture_page()
    traces = chart_data(at, "dv_chart_sweep")
    lines = [trace for trace in traces if trace["mode"] == "lines+markers"]
    assert [trace["name"] for trace in lines] == ["float32", "float64"]
    for line in lines:
        x, y = line["x"], line["y"]
        assert x[0] == pytest.approx(1e-12) and x[-1] == pytest.approx(1e-1) and len(x) == 23
        best = y.index(min(y))
        assert 0 < best < len(y) - 1
        star = next(t for t in traces if t["mode"] == "markers+text" and t["name"] == line["name"])
        assert star["x"] == [x[best]] and star["y"] == [y[best]]
    float32, float64 = (min(line["y"]) for line in lines)
    assert float64 < 1e-10 < float32


def test_temperature_adds_the_one_over_t_step():
    at = open_page("derivation")
    z = [2.0, 1.0, 0.1, -1.0, 3.0]
    at.text_input(key="z").set_value("2, 1, 0.1, -1, 3").run()
    at.number_input(key="y").set_value(1).run()
    at.select_slider(key="T").set_value(2.0).run()
    a = softmax(z, 2.0)
    expected = [(v - (k == 0)) / 2 for k, v in enumerate(a)]
    assert r"\frac{a - y}{2}" in latex(at) and r"u &= \frac{z}{T} = \frac{z}{2}" in latex(at)
    table = at.dataframe[0].value
    assert table.columns[1] == "formula (a − y) / T"
    assert list(table.iloc[:, 1]) == pytest.approx(expected, abs=1e-15)
    assert list(table.iloc[:, 2]) == pytest.approx(expected, abs=1e-9)
    heatmap = chart_data(at, "dv_chart_jacobian")[0]
    assert heatmap["z"][0][1] == pytest.approx(-a[0] * a[1] / 2, abs=1e-15)


def test_chinese_page_shows_the_same_numbers():
    at = lecture_page("zh")
    assert at.title[0].value.startswith("梯度与推导")
    assert any("链式法则" in m.value for m in at.markdown)
    assert rf"\boxed{{{LECTURE_GRADIENT}}}" in latex(at)
    assert float(metric(at, "相对误差")) < 1e-9
    lines = [t for t in chart_data(at, "dv_chart_sweep") if t["mode"] == "lines+markers"]
    assert len(lines) == 2


@pytest.mark.parametrize(("text", "fragment"), [("1, abc", "abc"), ("5", "At least 2"), ("", "")])
def test_bad_logits_show_a_message_and_keep_the_last_valid_example(text, fragment):
    at = lecture_page()
    before = chart_data(at, "dv_chart_jacobian")[0]["z"]
    at.text_input(key="z").set_value(text).run()
    assert not at.exception
    assert any(fragment.lower() in e.value.lower() for e in at.error), [e.value for e in at.error]
    assert at.text_input(key="z").value == text
    assert chart_data(at, "dv_chart_jacobian")[0]["z"] == before
    assert rf"\boxed{{{LECTURE_GRADIENT}}}" in latex(at)
    assert any("last valid" in c.value for c in at.caption)


def test_true_class_beyond_k_is_reported_and_the_last_valid_one_is_used():
    at = lecture_page()
    at.number_input(key="y").set_value(9).run()
    assert not at.exception
    assert any("between 1 and 5" in e.value for e in at.error)
    assert at.number_input(key="y").value == 9
    assert rf"\boxed{{{LECTURE_GRADIENT}}}" in latex(at)  # still j = 4


def test_true_class_that_underflows_is_explained_instead_of_dividing_by_zero():
    at = open_page("derivation")
    at.text_input(key="z").set_value("1000, 0").run()
    at.number_input(key="y").set_value(2).run()
    assert not at.exception and not at.error
    text = latex(at)
    assert r"= \ln \sum_k e^{z_k} - z_{2} = 1000.0000" in text
    assert r"\boxed{(1.0000,\ -1.0000)}" in text
    assert len(at.warning) == 2  # the chain rule and the Jacobian tab both explain it
    assert metric(at, "Jᵀ ∂L/∂a − ∂L/∂z: max difference") == "NaN"


def test_masked_true_class_skips_the_gradient_check_with_a_reason():
    at = open_page("derivation")
    at.text_input(key="z").set_value("2, 1, -inf, 0.5").run()
    at.number_input(key="y").set_value(3).run()
    assert not at.exception and not at.error
    assert any("no gradient to check" in i.value for i in at.info)
    assert not at.dataframe


def test_many_classes_show_a_readable_part_of_the_jacobian():
    at = open_page("derivation")
    z = [round(math.sin(k) * 3, 2) for k in range(30)]
    j = z.index(min(z)) + 1  # the least probable class: not among the 20 most probable
    at.text_input(key="z").set_value(", ".join(map(str, z))).run()
    at.number_input(key="y").set_value(j).run()
    assert not at.exception and not at.error
    heatmap = chart_data(at, "dv_chart_jacobian")[0]
    assert len(heatmap["z"]) == 12 and str(j) in heatmap["x"]
    assert any("12 most useful" in c.value for c in at.caption)
    assert r"\dots" in latex(at)
    assert len(at.dataframe[0].value) == 21  # the 20 most probable and the true class


def test_two_class_pair_matches_the_sigmoid():
    at = open_page("derivation")
    at.text_input(key="dv_pair").set_value("0.5, 2.5").run()
    expected = 1 / (1 + math.exp(-2.0))
    assert float(metric(at, "softmax(z₁, z₂)₂")) == pytest.approx(expected, rel=1e-9)
    assert float(metric(at, "σ(d), d = z₂ − z₁")) == pytest.approx(expected, rel=1e-9)
    slope = expected * (1 - expected)
    assert float(metric(at, "∂a₂/∂z₂ = a₂(1 − a₂)")) == pytest.approx(slope, rel=1e-9)
    assert float(metric(at, "σ′(d)")) == pytest.approx(slope, rel=1e-9)


def test_two_class_pair_defaults_to_the_first_two_logits_and_rejects_bad_pairs():
    at = open_page("derivation")
    at.text_input(key="z").set_value("2, 1, 0").run()
    expected = softmax([2.0, 1.0])[1]
    assert float(metric(at, "softmax(z₁, z₂)₂")) == pytest.approx(expected, rel=1e-9)
    at.text_input(key="dv_pair").set_value("1").run()
    assert any("exactly two" in e.value for e in at.error)
    assert float(metric(at, "softmax(z₁, z₂)₂")) == pytest.approx(expected, rel=1e-9)
    at.text_input(key="dv_pair").set_value("-inf, -inf").run()
    assert any("both −∞" in i.value for i in at.info)


def test_the_example_is_shared_with_the_playground():
    at = open_page("playground")
    at.text_input(key="z").set_value("3, 2, 1").run()
    at.number_input(key="y").set_value(3).run()
    at.switch_page("pages/derivation/derivation.py").run()
    assert not at.exception and not at.error
    assert at.text_input(key="z").value == "3, 2, 1"
    assert r"-\ln a_{3}" in latex(at)
    at.text_input(key="z").set_value("1, 1").run()
    at.number_input(key="y").set_value(1).run()
    at.switch_page("pages/playground/playground.py").run()
    assert at.text_input(key="z").value == "1, 1"


def test_translations_have_the_same_keys_and_placeholders():
    from string import Formatter

    from pages.derivation import texts as derivation

    assert derivation.EN.keys() == derivation.ZH.keys()
    for key, english in derivation.EN.items():

        def names(text):
            return {name for _, name, _, _ in Formatter().parse(text) if name}

        assert names(english) == names(derivation.ZH[key]), key


def test_a_link_restores_the_example():
    at = open_page("derivation", z="1,2,3", y="3", T="2")
    assert at.text_input(key="z").value == "1,2,3"
    assert at.number_input(key="y").value == 3
    assert at.select_slider(key="T").value == 2.0
    assert dict(at.query_params)["z"] in ("1,2,3", ["1,2,3"])


def test_hostile_link_values_are_ignored_with_a_notice():
    at = open_page("derivation", T="-1", y="zero", dv_pair="\x07")
    assert not at.exception
    assert any("T" in w.value and "y" in w.value for w in at.warning)


def test_downloads_hold_the_chain_rule_numbers():
    import numpy as np

    from lab.language import t
    from pages.derivation import view
    from pages.derivation.model import chain_rule

    at = open_page("derivation", z="2,1,0.1", y="2", T="2")
    keys = [b.key for b in at.get("download_button")]
    assert keys == ["download_csv_derivation", "download_json_derivation"]
    z = np.array([2.0, 1.0, 0.1])
    c = chain_rule(z, 1, 2.0)
    table = view.steps_table(c, z, t)
    assert list(table.columns) == [
        "class",
        "z",
        "a = softmax(z)",
        "y",
        "∂L/∂a",
        "∂L/∂z",
        "Jᵀ · ∂L/∂a",
    ]
    a = np.exp(z / 2) / np.exp(z / 2).sum()
    np.testing.assert_allclose(table["a = softmax(z)"], a, rtol=1e-15)
    assert table["y"].tolist() == [0, 1, 0]
    np.testing.assert_allclose(table["∂L/∂z"], (a - [0, 1, 0]) / 2, rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(table["Jᵀ · ∂L/∂a"], table["∂L/∂z"], rtol=1e-13, atol=1e-16)
    record = view.record(c, z)
    assert record["true_class"] == 2 and record["true_class_index_from_0"] == 1
    assert record["loss"] == pytest.approx(-math.log(a[1]), rel=1e-14)
    assert np.shape(record["jacobian"]) == (3, 3)


def test_the_live_widget_under_the_result_holds_the_example_and_the_pages_temperature():
    at = open_page("derivation")
    at.text_input(key="z").set_value("2, 1, 0.1, -inf, 3").run()
    at.number_input(key="y").set_value(2).run()
    at.select_slider(key="T").set_value(2.0).run()
    data = live_data(at)
    assert data["z"] == [2, 1, 0.1, None, 3]  # -inf: a masked class
    assert (data["target"], data["temperature"]) == (1, 2.0)
    # bars to drag beside the charts, and one T: the page's own, at the top
    assert data["draggable"] and data["columns"] == 2 and data["temperatureControl"] is False
    a = softmax([2, 1, 0.1, -math.inf, 3], 2.0)
    assert bar_values(at, "chart_probs") == pytest.approx(a, abs=1e-15)
    gradient = [(v - (k == 1)) / 2 for k, v in enumerate(a)]
    assert bar_values(at, "chart_grad") == pytest.approx(gradient, abs=1e-15)
