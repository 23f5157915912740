"""The Training page in AppTest: descent on logits, label smoothing, softmax regression, errors."""

from __future__ import annotations

import base64
import itertools
import json
import math

import numpy as np
import pytest

from ..apptest import chart_data, live_data, metric, open_page


def figure(at, key: str) -> dict:
    """Return the whole Plotly spec (data, layout, frames) of the chart drawn with ``key``."""
    for element in at.get("plotly_chart"):
        if element.proto.id and key in element.proto.id:
            return json.loads(element.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")


def array(value) -> np.ndarray:
    """Return a Plotly 7 JSON array (a list, or ``{"dtype", "bdata", "shape"}``) as NumPy."""
    if isinstance(value, dict):
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", flat.size)).split(",")]
        return flat.reshape(shape)
    return np.asarray(value)


def last_frame_bars(at) -> list[float]:
    return [float(v) for v in figure(at, "tr_bars")["frames"][-1]["data"][0]["y"]]


def loss_curve(at) -> list[float]:
    return [float(v) for v in chart_data(at, "tr_curves")[0]["y"]]


def points(at) -> list[list[float]]:
    return [trace["x"] + trace["y"] for trace in chart_data(at, "tr_regions")[1:]]


def test_default_page_renders_both_parts():
    at = open_page("training")
    assert not at.exception and not at.error
    assert at.title[0].value == "Training: watching the gradient work"
    assert metric(at, "Best possible a_j") == "1.000000"  # a probability: 6 decimals
    assert metric(at, "Loss at step 0 (ln K)") == f"{math.log(3):.4g}"
    assert float(metric(at, "Final loss")) > 0


def test_small_learning_rate_lowers_the_loss_at_every_step():
    at = open_page("training")
    at.select_slider(key="tr_lr").set_value(0.1).run()
    at.slider(key="tr_steps").set_value(300).run()
    loss = loss_curve(at)
    assert len(loss) == 301
    # z = 2, 1, 0.1, -1, 3, true class 1: the loss starts at -ln softmax(z)_1
    z = [2, 1, 0.1, -1, 3]
    assert loss[0] == pytest.approx(math.log(sum(math.exp(v) for v in z)) - 2, rel=1e-12)
    assert all(later < earlier for earlier, later in itertools.pairwise(loss))
    assert all(value > 0 for value in loss)


def test_without_smoothing_a_j_approaches_one():
    at = open_page("training")
    at.select_slider(key="tr_lr").set_value(10.0).run()
    at.slider(key="tr_steps").set_value(500).run()
    bars = last_frame_bars(at)
    assert 0.9999 < bars[0] < 1
    assert float(metric(at, "Final a_j")) == pytest.approx(bars[0], abs=1e-6)
    assert any("never reaches 0" in info.value for info in at.info)


def test_with_smoothing_a_j_stops_at_its_finite_optimum():
    at = open_page("training")
    at.slider(key="tr_eps").set_value(0.1).run()
    at.select_slider(key="tr_lr").set_value(5.0).run()
    at.slider(key="tr_steps").set_value(500).run()
    optimum = 1 - 0.1 + 0.1 / 5
    bars = last_frame_bars(at)
    assert bars[0] == pytest.approx(optimum, abs=1e-9)
    assert bars[1:] == pytest.approx([0.02] * 4, abs=1e-9)
    assert metric(at, "Best possible a_j") == "0.920000"
    entropy_of_q = -(optimum * math.log(optimum) + 4 * 0.02 * math.log(0.02))
    assert loss_curve(at)[-1] == pytest.approx(entropy_of_q, rel=1e-10)
    shapes = figure(at, "tr_bars")["layout"]["shapes"]
    assert [shape["y0"] for shape in shapes] == pytest.approx([optimum])
    assert any(f"{entropy_of_q:.4g}" in info.value for info in at.info)
    assert any(f"{optimum:.6f}" in info.value for info in at.info)


def test_animation_has_at_most_sixty_frames_a_slider_and_buttons():
    at = open_page("training")
    at.slider(key="tr_steps").set_value(500).run()
    spec = figure(at, "tr_bars")
    names = [frame["name"] for frame in spec["frames"]]
    assert 2 <= len(names) <= 60 and names[0] == "0" and names[-1] == "500"
    slider = spec["layout"]["sliders"][0]
    assert [step["args"][0][0] for step in slider["steps"]] == names
    buttons = spec["layout"]["updatemenus"][0]["buttons"]
    assert [button["method"] for button in buttons] == ["animate", "animate"]
    first = [float(v) for v in spec["frames"][0]["data"][0]["y"]]
    assert first == pytest.approx(np.exp([2, 1, 0.1, -1, 3]) / np.exp([2, 1, 0.1, -1, 3]).sum())
    colours = spec["data"][0]["marker"]["color"]
    assert colours[0] != colours[1] and len(set(colours[1:])) == 1


def test_few_steps_give_one_frame_per_step():
    at = open_page("training")
    at.slider(key="tr_steps").set_value(5).run()
    assert [f["name"] for f in figure(at, "tr_bars")["frames"]] == ["0", "1", "2", "3", "4", "5"]


def test_every_preset_trains_downhill():
    at = open_page("training")
    for preset in ("basic", "slow", "smoothing", "confident_wrong"):
        at.button(key=f"tr_preset_{preset}").click().run()
        assert not at.exception and not at.error, preset
        loss = loss_curve(at)
        assert loss[-1] < loss[0], preset
    assert at.text_input(key="tr_z").value == "-2, 0, 6, 1"
    assert last_frame_bars(at)[0] > 0.99  # from a_1 = 3e-4 to almost 1
    at.button(key="tr_preset_smoothing").click().run()
    assert at.slider(key="tr_eps").value == 0.1
    assert metric(at, "Best possible a_j") == "0.920000"


def test_softmax_regression_on_blobs_reaches_high_accuracy():
    at = open_page("training")
    assert float(metric(at, "Training accuracy").rstrip("%")) > 90
    spec = figure(at, "tr_regions")
    assert 2 <= len(spec["frames"]) <= 40
    heatmap = array(spec["frames"][-1]["data"][0]["z"])
    assert heatmap.shape == (60, 60)
    assert set(np.unique(heatmap)) == {0, 1, 2}
    assert set(np.unique(array(spec["frames"][0]["data"][0]["z"]))) == {0}  # W = 0: class 1
    accuracy = chart_data(at, "tr_fit")[1]["y"]
    assert float(accuracy[-1]) > 0.9 and float(accuracy[0]) == pytest.approx(1 / 3)


def test_data_sets_are_reproducible_by_seed():
    at = open_page("training")
    at.number_input(key="tr_seed").set_value(42).run()
    first = points(at)
    at.number_input(key="tr_seed").set_value(43).run()
    assert points(at) != first
    at.number_input(key="tr_seed").set_value(42).run()
    assert points(at) == first


def test_every_data_set_and_class_count_renders():
    at = open_page("training")
    for dataset in ("blobs", "moons", "rings", "spirals"):
        at.segmented_control(key="tr_data").set_value(dataset).run()
        for k in (3, 5):
            at.slider(key="tr_k").set_value(k).run()
            assert not at.exception, (dataset, k)
            traces = chart_data(at, "tr_regions")
            assert len(traces) == 1 + k
            assert [len(trace["x"]) for trace in traces[1:]] == [60] * k
            assert metric(at, "Loss at step 0 (ln K)") == f"{math.log(k):.4g}"


def test_extra_features_separate_rings():
    at = open_page("training")
    at.segmented_control(key="tr_data").set_value("rings").run()
    at.select_slider(key="tr_rlr").set_value(10.0).run()
    at.slider(key="tr_rsteps").set_value(500).run()
    linear = float(metric(at, "Training accuracy").rstrip("%"))
    at.toggle(key="tr_quad").set_value(True).run()
    quadratic = float(metric(at, "Training accuracy").rstrip("%"))
    assert linear < 60 < 90 < quadratic


BAD_LOGITS = [
    ("1, abc, 3", "abc"),
    ("", "at least one number"),
    ("5", "At least 2 classes"),
    ("1, inf", "finite"),
    ("1, -inf", "finite"),
    ("1, nan", "nan"),
    (", ".join(["1"] * 11), "at most 10"),
]


def test_bad_logits_show_a_message_and_keep_the_page():
    at = open_page("training")
    at.text_input(key="tr_z").set_value("4, 1, 1").run()
    good = last_frame_bars(at)
    for text, fragment in BAD_LOGITS:
        at.text_input(key="tr_z").set_value(text).run()
        assert not at.exception
        errors = [e.value for e in at.error]
        assert any(fragment.lower() in e.lower() for e in errors), (text, errors)
        assert last_frame_bars(at) == good
        assert at.text_input(key="tr_z").value == text
        assert any("last valid" in c.value for c in at.caption)
        assert float(metric(at, "Training accuracy").rstrip("%")) > 90  # part 2 is untouched
    at.text_input(key="tr_z").set_value("0, 0").run()
    assert not at.error
    assert last_frame_bars(at)[0] > 0.99


def test_true_class_beyond_k_is_reported_and_the_page_keeps_working():
    at = open_page("training")
    at.number_input(key="tr_y").set_value(9).run()
    assert any("between 1 and 5" in e.value for e in at.error)
    assert at.number_input(key="tr_y").value == 9
    assert last_frame_bars(at)[0] > 0.99  # still trained on class 1, the last valid one
    at.number_input(key="tr_y").set_value(5).run()
    assert not at.error
    assert last_frame_bars(at)[4] > 0.99


def test_losses_beyond_float64_are_explained():
    at = open_page("training")
    at.text_input(key="tr_z").set_value("1000, 0").run()
    assert any("smaller than the smallest float64" in c.value for c in at.caption)
    at.text_input(key="tr_z").set_value("1e308, -1e308").run()
    at.number_input(key="tr_y").set_value(2).run()
    assert not at.exception
    assert metric(at, "Final loss") == "∞"  # as the caption says it is stored
    assert any("larger than the largest float64" in c.value for c in at.caption)


def test_chinese_page_is_translated():
    at = open_page("training", lang="zh")
    assert at.title[0].value == "训练：看梯度如何起作用"
    assert metric(at, "a_j 的最优值") == "1.000000"
    assert float(metric(at, "训练准确率").rstrip("%")) > 90
    spec = figure(at, "tr_bars")
    assert spec["layout"]["updatemenus"][0]["buttons"][0]["label"] == "▶ 播放"
    assert spec["frames"][-1]["layout"]["title"]["subtitle"]["text"].startswith("第 200 步")
    at.text_input(key="tr_z").set_value("1, x").run()
    assert any("不是一个数" in e.value for e in at.error)


def test_too_large_a_learning_rate_is_pointed_out():
    at = open_page("training")
    assert not at.warning
    at.segmented_control(key="tr_data").set_value("spirals").run()
    at.select_slider(key="tr_rlr").set_value(10.0).run()
    assert any("smaller η" in w.value for w in at.warning)
    fit = chart_data(at, "tr_fit")[0]["y"]
    assert float(fit[-1]) > float(fit[0])


def test_translations_have_the_same_keys_and_placeholders():
    import string

    from pages.training import texts as training

    assert training.EN.keys() == training.ZH.keys()
    fields = string.Formatter()
    for key, english in training.EN.items():
        names = {name for _, name, _, _ in fields.parse(english) if name}
        assert names == {name for _, name, _, _ in fields.parse(training.ZH[key]) if name}, key


# ---- the link, reset and downloads ------------------------------------------------------------


def params(at) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}


LINK = {
    "tr_z": "1,2,3",
    "tr_y": "3",
    "tr_lr": "0.1",
    "tr_steps": "2",
    "tr_eps": "0.05",
    "tr_data": "moons",
    "tr_k": "4",
    "tr_n": "20",
    "tr_noise": "0.2",
    "tr_seed": "7",
    "tr_quad": "1",
    "tr_rlr": "0.5",
    "tr_rsteps": "30",
}


def test_a_link_restores_the_inputs():
    at = open_page("training", **LINK)
    assert not any("ignored" in w.value for w in at.warning)
    assert at.text_input(key="tr_z").value == "1,2,3"
    assert at.number_input(key="tr_y").value == 3
    assert at.select_slider(key="tr_lr").value == 0.1
    assert at.slider(key="tr_steps").value == 2
    assert at.slider(key="tr_eps").value == 0.05
    assert at.segmented_control(key="tr_data").value == "moons"
    assert at.slider(key="tr_k").value == 4
    assert at.slider(key="tr_n").value == 20
    assert at.slider(key="tr_noise").value == 0.2
    assert at.number_input(key="tr_seed").value == 7
    assert at.toggle(key="tr_quad").value is True
    assert at.select_slider(key="tr_rlr").value == 0.5
    assert at.slider(key="tr_rsteps").value == 30
    # two steps z <- z - 0.1 (a - q) with q smoothed by 0.05 over 3 classes, by hand
    z, q = np.array([1.0, 2.0, 3.0]), np.array([0.05 / 3, 0.05 / 3, 0.95 + 0.05 / 3])
    for _ in range(2):
        a = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        z = z - 0.1 * (a - q)
    a = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert metric(at, "Final a_j") == f"{a[2]:.6f}"
    assert loss_curve(at)[-1] == pytest.approx(-(q * np.log(a)).sum(), rel=1e-12)
    assert metric(at, "Loss at step 0 (ln K)") == f"{math.log(4):.4g}"
    assert [len(xy) for xy in points(at)] == [2 * 20] * 4  # 20 points (x and y) per class
    assert params(at) == {**LINK, "lang": "en"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("tr_z", "1, inf"),  # the box takes finite logits only
        ("tr_z", "1,2,3,4,5,6,7,8,9,10,11"),  # at most 10
        ("tr_z", "1\x002"),
        ("tr_z", "9" * 400),
        ("tr_y", "0"),
        ("tr_y", "11"),
        ("tr_lr", "0.3"),  # not on the slider
        ("tr_lr", "nan"),
        ("tr_steps", "501"),
        ("tr_steps", "1e3"),
        ("tr_eps", "0.005"),
        ("tr_eps", "0.6"),
        ("tr_data", "mnist"),
        ("tr_k", "2"),
        ("tr_n", "15"),  # the slider moves by 10
        ("tr_n", "1000"),
        ("tr_noise", "-0.05"),
        ("tr_seed", "-1"),
        ("tr_seed", "1000000"),
        ("tr_quad", "yes"),
        ("tr_rlr", "0.001"),  # a rate of part 1 only
        ("tr_rsteps", "0"),
    ],
)
def test_hostile_link_values_are_ignored_without_a_crash(key, value):
    at = open_page("training", **{key: value})
    assert not at.exception
    notice = [w.value for w in at.warning if "ignored" in w.value]
    assert notice and key in notice[0]
    assert key not in params(at)
    assert at.text_input(key="tr_z").value == "2, 1, 0.1, -1, 3"
    assert at.slider(key="tr_n").value == 60 and at.number_input(key="tr_seed").value == 0
    assert metric(at, "Loss at step 0 (ln K)") == f"{math.log(3):.4g}"


def test_inputs_are_written_to_the_url():
    at = open_page("training")
    assert params(at) == {"lang": "en"}  # defaults stay out of the link
    at.text_input(key="tr_z").set_value("0, 0").run()
    at.slider(key="tr_eps").set_value(0.1).run()
    at.segmented_control(key="tr_data").set_value("rings").run()
    at.toggle(key="tr_quad").set_value(True).run()
    at.number_input(key="tr_seed").set_value(42).run()
    assert params(at) == {
        "tr_z": "0,0",
        "tr_eps": "0.1",
        "tr_data": "rings",
        "tr_seed": "42",
        "tr_quad": "1",
        "lang": "en",
    }
    at.button(key="tr_preset_slow").click().run()
    assert params(at)["tr_lr"] == "0.05" and params(at)["tr_steps"] == "500"


def test_reset_brings_back_the_defaults():
    at = open_page("training", **LINK)
    at.button(key="reset_training").click().run()
    from pages.training.state import DEFAULTS

    assert at.text_input(key="tr_z").value == DEFAULTS["tr_z"]
    assert at.number_input(key="tr_y").value == 1
    assert at.select_slider(key="tr_lr").value == 1.0
    assert at.slider(key="tr_eps").value == 0.0
    assert at.segmented_control(key="tr_data").value == "blobs"
    assert at.slider(key="tr_k").value == 3 and at.slider(key="tr_n").value == 60
    assert at.toggle(key="tr_quad").value is False
    assert at.slider(key="tr_rsteps").value == 200
    assert params(at) == {"lang": "en"}


def test_downloads_hold_the_history_and_the_final_metrics():
    from lab.language import t
    from pages.training import state, view

    at = open_page("training", tr_z="1,2,3", tr_y="3", tr_lr="0.1", tr_steps="2")
    keys = [b.key for b in at.get("download_button")]
    assert keys == [
        "download_csv_training_logits",
        "download_json_training_logits",
        "download_csv_training_regression",
        "download_json_training_regression",
    ]
    run = state.logit_run((1.0, 2.0, 3.0), 2, 0.1, 2, 0.0)
    history = view.logit_history(run, t)
    assert list(history.columns[:4]) == ["step", "loss L", "‖∂L/∂z‖", "a_j (true class j = 3)"]
    assert history["step"].tolist() == [0, 1, 2]
    a0 = np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum()
    assert history["loss L"][0] == pytest.approx(-math.log(a0[2]), rel=1e-14)
    assert history["‖∂L/∂z‖"][0] == pytest.approx(np.linalg.norm(a0 - [0, 0, 1]), rel=1e-14)
    assert history["z_3"][1] == pytest.approx(3 - 0.1 * (a0[2] - 1), rel=1e-14)
    record = view.logit_record(run)
    assert record["final"]["loss"] == history["loss L"][2]
    assert record["true_class"] == 3 and record["steps"] == 2
    fit = state.regression_run("blobs", 3, 60, 0.1, 0, False, 1.0, 200).run
    regression = view.regression_history(fit, t)
    assert regression.shape == (201, 3)
    assert regression.iloc[0, 1] == pytest.approx(math.log(3), rel=1e-14)
    final = view.regression_record(fit, {"dataset": "blobs"})
    assert final["dataset"] == "blobs"
    assert final["final_accuracy"] == regression.iloc[-1, 2]
    assert np.shape(final["W"]) == (2, 3) and np.shape(final["b"]) == (3,)


def test_the_initial_logits_are_also_bars_to_drag():
    at = open_page("training")
    at.text_input(key="tr_z").set_value("-2, 0, 6, 1").run()
    at.number_input(key="tr_y").set_value(2).run()
    data = live_data(at)
    assert data["z"] == [-2, 0, 6, 1] and data["target"] == 1
    assert data["classes"] == [0, 1, 2, 3] and data["labels"] == ["1", "2", "3", "4"]
    # only the bars: the loss and its chart are the descent's, beside them; no temperature here
    assert data["figures"] == [] and data["formula"] is False
    assert data["temperatureControl"] is False and data["temperatures"] == [1.0]
