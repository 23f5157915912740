"""The Batch page in AppTest: PyTorch's options on a batch, CSV input, the snippet, both languages.

Expected numbers are computed here with plain Python (log-sum-exp by hand), not with ce_core.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from ..apptest import bar_values, chart_data, metric, open_page

NAN = math.nan
# The page's default batch (preset "basic"): labels from 1, the last row ignored.
LABELS = [1, 2, 3, None]
Z = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [1.0, 1.0, 1.0], [3.0, -1.0, 0.0]]
Q = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.25, 0.25, 0.5], [0.5, 0.5, 0.0]]
WEIGHTS = [1.0, 2.0, 5.0]


def log_softmax(z: list[float]) -> list[float]:
    top = max(z)
    total = math.log(math.fsum(math.exp(v - top) for v in z)) + top
    return [v - total for v in z]


def nll(z: list[float], label: int) -> float:
    return -log_softmax(z)[label - 1]


def full_loss(at) -> float:
    """Return the loss at full precision, from the help of the loss metric."""
    element = next(m for m in at.metric if m.label.startswith("Loss L"))
    return float(element.help.rsplit(" ", 1)[1])


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def layout_of(at, key: str) -> dict:
    for element in at.get("plotly_chart"):
        if element.proto.id and key in element.proto.id:
            return json.loads(element.proto.spec)["layout"]
    raise AssertionError(key)


def paste(at, text: str):
    at.text_area(key="bt_paste").set_value(text)
    return at.button(key="bt_load_paste").click().run()


@pytest.fixture
def at():
    return open_page("batch")


# ---------------------------------------------------------------- the reductions


def test_mean_divides_by_the_rows_not_ignored(at):
    rows = [nll(Z[n], LABELS[n]) for n in range(3)]
    assert full_loss(at) == pytest.approx(math.fsum(rows) / 3, rel=1e-14)
    assert metric(at, "Loss L (mean)") == f"{math.fsum(rows) / 3:.4f}"
    assert metric(at, "The mean divides by") == "3"
    assert metric(at, "Ignored rows") == "1" and metric(at, "Rows N") == "4"
    assert bar_values(at, "bt_chart_losses") == pytest.approx([*rows, 0.0], rel=1e-13)
    assert layout_of(at, "bt_chart_losses")["shapes"][0]["y0"] == pytest.approx(full_loss(at))
    assert any("3 of the N = 4 rows" in m.value for m in at.markdown)


def test_weighted_mean_divides_by_the_weights_of_the_kept_targets(at):
    at.button(key="bt_preset_weighted").click().run()
    rows = [WEIGHTS[LABELS[n] - 1] * nll(Z[n], LABELS[n]) for n in range(3)]
    assert metric(at, "The mean divides by") == "8"  # 1 + 2 + 5, not N = 4 nor 3 rows
    assert full_loss(at) == pytest.approx(math.fsum(rows) / 8, rel=1e-14)
    assert bar_values(at, "bt_chart_losses")[:3] == pytest.approx(rows, rel=1e-13)
    assert any(r"\frac{6.2164}{1 + 2 + 5}" in latex.value for latex in at.latex)
    assert any("sum of the weights of the non-ignored targets" in m.value for m in at.markdown)


def test_every_row_ignored_gives_nan_and_sum_gives_zero(at):
    at.button(key="bt_preset_all_ignored").click().run()
    assert metric(at, "Loss L (mean)") == "NaN" and math.isnan(full_loss(at))
    assert metric(at, "The mean divides by") == "0"
    assert any("Every row is ignored" in m.value for m in at.markdown)
    assert bar_values(at, "bt_chart_losses") == [0.0] * 4
    heat = chart_data(at, "bt_chart_grad")[0]["z"]
    assert heat == [[0.0] * 3] * 4
    at.segmented_control(key="bt_reduction").set_value("sum").run()
    assert metric(at, "Loss L (sum)") == "0.0000"


def test_probability_targets_divide_by_n_even_with_weights(at):
    at.button(key="bt_preset_soft").click().run()
    at.toggle(key="bt_use_weight").set_value(True).run()
    rows = [
        -math.fsum(w * q * lp for w, q, lp in zip(WEIGHTS, Q[n], log_softmax(Z[n]), strict=True))
        for n in range(4)
    ]
    assert metric(at, "The mean divides by") == "4"
    assert full_loss(at) == pytest.approx(math.fsum(rows) / 4, rel=1e-13)
    assert any("even with class weights" in m.value for m in at.markdown)
    assert at.number_input(key="bt_ignore").disabled


def test_sum_and_none(at):
    rows = [nll(Z[n], LABELS[n]) for n in range(3)]
    at.segmented_control(key="bt_reduction").set_value("sum").run()
    assert full_loss(at) == pytest.approx(math.fsum(rows), rel=1e-14)
    assert metric(at, "The mean divides by") == "—"
    at.segmented_control(key="bt_reduction").set_value("none").run()
    assert metric(at, "Loss L (none)") == "one per row"
    assert bar_values(at, "bt_chart_losses") == pytest.approx([*rows, 0.0], rel=1e-13)
    assert any("loss.sum().backward()" in code.value for code in at.code)


def test_gradient_of_the_mean_is_a_minus_y_over_the_denominator(at):
    heat = chart_data(at, "bt_chart_grad")[0]["z"]
    for n in range(3):
        a = [math.exp(v) for v in log_softmax(Z[n])]
        expected = [(a[k] - (k == LABELS[n] - 1)) / 3 for k in range(3)]
        assert heat[n] == pytest.approx(expected, rel=1e-12, abs=1e-16)
    assert heat[3] == [0.0, 0.0, 0.0]


def test_ignore_index_on_a_real_class(at):
    at.button(key="bt_preset_pad_token").click().run()
    assert at.number_input(key="bt_ignore").value == 0
    assert any("Index 0 is class 1" in c.value for c in at.caption)
    kept = [(Z[1], 2), (Z[3], 3)]  # labels 1, 2, 1, 3: the rows labelled 1 are ignored
    assert metric(at, "Ignored rows") == "2"
    assert full_loss(at) == pytest.approx(math.fsum(nll(z, j) for z, j in kept) / 2, rel=1e-14)


def test_label_smoothing(at):
    at.slider(key="bt_smoothing").set_value(0.2).run()
    eps, k = 0.2, 3
    rows = []
    for n in range(3):
        lp = log_softmax(Z[n])
        rows.append(-(1 - eps) * lp[LABELS[n] - 1] - eps / k * math.fsum(lp))
    assert full_loss(at) == pytest.approx(math.fsum(rows) / 3, rel=1e-13)
    assert any(r"\varepsilon" in latex.value for latex in at.latex)


def test_entropy_plus_kl_per_row_with_probability_targets(at):
    at.button(key="bt_preset_soft").click().run()
    traces = chart_data(at, "bt_chart_decomposition")
    for n in range(4):
        q, lp = Q[n], log_softmax(Z[n])
        h = -math.fsum(v * math.log(v) for v in q if v > 0)
        cross = -math.fsum(v * p for v, p in zip(q, lp, strict=True))
        assert traces[0]["y"][n] == pytest.approx(h, rel=1e-12)
        assert traces[1]["y"][n] == pytest.approx(cross - h, rel=1e-9, abs=1e-15)
        assert traces[2]["y"][n] == pytest.approx(cross, rel=1e-12)


# ---------------------------------------------------------------- the double softmax


def test_double_softmax_flattens_loss_and_gradient(at):
    at.toggle(key="bt_double").set_value(True).run()
    wrong = [nll([math.exp(v) for v in log_softmax(Z[n])], LABELS[n]) for n in range(3)]
    losses = chart_data(at, "bt_chart_double_losses")
    assert [float(v) for v in losses[1]["y"][:3]] == pytest.approx(wrong, rel=1e-12)
    assert metric(at, "Loss, softmax twice") == f"{math.fsum(wrong) / 3:.4f}"
    low, high = math.log(math.e + 2) - 1, math.log(math.e + 2)
    assert all(low <= v <= high for v in wrong)
    norms = chart_data(at, "bt_chart_double_grads")
    assert max(norms[1]["y"]) < max(norms[0]["y"])
    assert any("F.softmax(z, dim=1)" in code.value for code in at.code)


# ---------------------------------------------------------------- the PyTorch snippet


SNIPPET_SETUPS = [
    {"preset": "basic"},
    {"preset": "weighted", "bt_reduction": "sum", "bt_smoothing": 0.1},
    {"preset": "soft", "bt_use_weight": True, "bt_reduction": "none"},
    {"preset": "pad_token", "bt_double": True},
    {"preset": "all_ignored"},
]


def test_snippet_reproduces_the_numbers_on_screen(at):
    torch = pytest.importorskip("torch")
    for setup in SNIPPET_SETUPS:
        at.button(key=f"bt_preset_{setup['preset']}").click().run()  # options back to defaults
        for key, value in setup.items():
            if key == "bt_reduction":
                at.segmented_control(key=key).set_value(value).run()
            elif key == "bt_smoothing":
                at.slider(key=key).set_value(value).run()
            elif key.startswith("bt_"):
                at.toggle(key=key).set_value(value).run()
        printed = []
        namespace = {"print": printed.append}
        exec(at.code[-1].value, namespace)  # the user's copy-paste, exactly
        assert namespace["z"].dtype == torch.float64
        grad = [[float(v) for v in row] for row in printed[1]]
        heat = chart_data(at, "bt_chart_grad")[0]["z"]
        assert np.allclose(grad, heat, rtol=1e-12, atol=1e-17), setup
        if setup.get("bt_reduction") == "none":
            assert printed[0] == pytest.approx(bar_values(at, "bt_chart_losses"), rel=1e-12)
        else:
            assert printed[0] == pytest.approx(full_loss(at), rel=1e-13, nan_ok=True), setup
        assert len(printed) == (4 if setup.get("bt_double") else 2)


def test_snippet_for_a_large_batch_reads_the_downloaded_csv(tmp_path, monkeypatch):
    torch = pytest.importorskip("torch")
    from ce_core import cross_entropy_with_grad, parse_batch_csv
    from pages.batch.export import Options, batch_csv, torch_snippet
    from pages.batch.model import class_targets

    rng = np.random.default_rng(0)
    z = rng.normal(size=(300, 8))
    labels = [str(v) if v else "" for v in rng.integers(0, 9, size=300)]
    text = "label," + ",".join(f"z{k + 1}" for k in range(8)) + "\n"
    text += "".join(
        f"{lab}," + ",".join(map(repr, row.tolist())) + "\n"
        for lab, row in zip(labels, z, strict=True)
    )
    table = parse_batch_csv(text)
    options = Options(False, None, -100, "mean", 0.0)
    targets = class_targets(table.labels)
    loss, grad = cross_entropy_with_grad(table.logits, targets)
    snippet = torch_snippet(
        table, options, targets, loss, double=False, comments=lambda name: f"# {name}"
    )
    assert "genfromtxt" in snippet
    (tmp_path / "batch.csv").write_text(batch_csv(table))
    monkeypatch.chdir(tmp_path)
    printed = []
    exec(snippet, {"print": printed.append})
    assert printed[0] == pytest.approx(float(loss), rel=1e-13)
    assert np.allclose(printed[1], grad, rtol=1e-12, atol=1e-17)
    assert torch.__version__


# ---------------------------------------------------------------- CSV in, errors beside inputs


def test_pasted_csv_replaces_the_table(at):
    paste(at, "label,z1,z2\n2,0,0\n1,1,0\n")
    assert any("Loaded 2 rows × 2 classes" in s.value for s in at.success)
    assert at.number_input(key="bt_k").value == 2
    expected = [math.log(2), nll([1.0, 0.0], 1)]
    assert bar_values(at, "bt_chart_losses") == pytest.approx(expected, rel=1e-14)
    assert at.data_editor[0].value["z1"].tolist() == [0.0, 1.0]


BAD_PASTES = [
    ("label,z1,z2\n1,2,3\n1,abc,3\n", "Line 3, column 2 (z1): 'abc' is not a number."),
    ("label,z1,z2\n1,2,3\n7,1,1\n", "Line 3, column 1 (label): '7' is not a class"),
    ("label,z1,z2\n1,2\n", "Line 2, column 3: This line has 2 cells but the header has 3."),
    ("label,z1,zz\n", "Line 1, column 3: 'zz' is not a column name"),
    ("", "The CSV is empty"),
]


def test_bad_paste_names_line_and_column_and_keeps_everything(at):
    at.toggle(key="bt_use_weight").set_value(True).run()
    before = bar_values(at, "bt_chart_losses")
    for text, message in BAD_PASTES:
        paste(at, text)
        assert not at.exception
        assert any(message in e for e in errors(at)), errors(at)
        assert bar_values(at, "bt_chart_losses") == before  # the table keeps its last content
        assert at.text_area(key="bt_paste").value == text  # what was pasted is kept
        assert at.toggle(key="bt_use_weight").value  # and so are the other inputs


def test_uploaded_files_load_or_explain(at):
    uploader = at.file_uploader(key="bt_upload")
    uploader.set_value(("batch.csv", b"z1,z2,q1,q2\n0,0,0.5,0.5\n", "text/csv")).run()
    assert at.toggle(key="bt_soft").value  # probability targets only: the toggle follows
    assert full_loss(at) == pytest.approx(math.log(2), rel=1e-15)
    before = bar_values(at, "bt_chart_losses")
    for data, message in [
        (b"z1,z2,q1,q2\n0,0,0.5,0.25\n", "Line 2: The probabilities of this row add up to 0.75"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "This is not a text file"),
        ("z1,z2\n".encode("utf-16"), "UTF-16"),
        (b"label,z1,z2\n1,\xb1\xea,2\n", "Line 2, column 3: These bytes are not UTF-8"),
        (b"label,z1,z2\n" + b"1,0,0\n" * 900_000, "at most 5 MB are allowed"),
    ]:
        at.file_uploader(key="bt_upload").set_value(("bad.csv", data, "text/csv")).run()
        assert any(message in e for e in errors(at)), errors(at)
        assert bar_values(at, "bt_chart_losses") == before


def test_bad_cell_in_the_table_shows_the_row_and_keeps_the_last_valid_batch(at):
    before = bar_values(at, "bt_chart_losses")
    key = at.data_editor[0].key
    at.session_state[key] = {
        "edited_rows": {1: {"z2": None}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert any(e.startswith("Row 2, column z2: This cell is empty") for e in errors(at))
    assert bar_values(at, "bt_chart_losses") == before
    assert any("last valid values" in c.value for c in at.caption)


def test_bad_weights_show_a_message_beside_the_input(at):
    at.toggle(key="bt_use_weight").set_value(True).run()
    at.text_input(key="bt_weight").set_value("1, 2, 3").run()
    kept = metric(at, "The mean divides by")
    assert kept == "6"  # w_1 + w_2 + w_3 over the three rows not ignored
    for text, fragment in [
        ("1, 2", "2 weights for 3 classes"),
        ("1, -2, 3", "cannot be negative"),
        ("1, x", "'`x`'"),
    ]:
        at.text_input(key="bt_weight").set_value(text).run()
        assert any(fragment in e for e in errors(at)), errors(at)
        assert at.text_input(key="bt_weight").value == text
        assert metric(at, "The mean divides by") == kept  # the last valid weights meanwhile
        assert any("the last valid values" in c.value for c in at.caption)
    at.number_input(key="bt_k").set_value(4).run()  # 3 weights cannot weigh 4 classes
    assert metric(at, "The mean divides by") == "3"  # the 3 rows, unweighted
    assert any("not used until they are fixed" in c.value for c in at.caption)


def test_more_classes_add_columns(at):
    at.number_input(key="bt_k").set_value(4).run()
    assert "z4" in at.data_editor[0].value.columns
    rows = [nll([*Z[n], 0.0], LABELS[n]) for n in range(3)]
    assert bar_values(at, "bt_chart_losses")[:3] == pytest.approx(rows, rel=1e-13)
    at.number_input(key="bt_k").set_value(2).run()
    assert not at.exception
    assert any("'3' is not a class" in e for e in errors(at))  # row 3's label is 3 > K


# ---------------------------------------------------------------- languages, vocabulary, pages


def test_chinese_page(at):
    zh = open_page("batch", lang="zh")
    assert zh.title[0].value == "批量与 PyTorch 的选项"
    assert any("未被忽略" in m.value for m in zh.markdown)
    paste(zh, "label,z1,z2\n1,abc,2\n")
    assert any(e.startswith("第 2 行第 2 列（z1）：“abc”不是一个数") for e in errors(zh))
    assert not zh.exception


def test_large_vocabulary_mean_against_ln_k(at):
    at.slider(key="bt_vocab_n").set_value(3).run()
    at.slider(key="bt_vocab_spread").set_value(0.0).run()
    assert len(bar_values(at, "bt_chart_vocab")) == 3
    assert metric(at, "Baseline ln K") == f"{math.log(50257):.4f}"
    assert metric(at, "Mean loss") == metric(at, "Baseline ln K")
    at.slider(key="bt_vocab_hint").set_value(20.0).run()
    assert float(metric(at, "Mean loss")) < 0.01


def test_inputs_and_table_edits_survive_a_page_switch(at):
    at.button(key="bt_preset_weighted").click().run()
    at.slider(key="bt_smoothing").set_value(0.3).run()
    at.number_input(key="bt_k").set_value(4).run()
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {0: {"z4": 7.0}},
        "added_rows": [],
        "deleted_rows": [3],
    }
    at.text_input(key="bt_weight").set_value("1, 2, 5, 1").run()
    loss = full_loss(at)
    at.switch_page("pages/playground/playground.py").run()
    at.switch_page("pages/batch/batch.py").run()
    assert at.slider(key="bt_smoothing").value == 0.3
    assert at.toggle(key="bt_use_weight").value
    assert at.number_input(key="bt_k").value == 4
    table = at.data_editor[0].value
    assert table["z4"].tolist() == [7.0, 0.0, 0.0] and metric(at, "Rows N") == "3"
    assert full_loss(at) == loss


def test_downloads_round_trip_exactly(at):
    from ce_core import parse_batch_csv
    from pages.batch.export import Options, download_files

    assert [b.key for b in at.get("download_button")] == [
        "bt_download_batch",
        "bt_download_csv",
        "bt_download_json",
    ]
    table = parse_batch_csv("label,z1,z2\n1,0.1,-inf\n,0.30000000000000004,2\n")
    losses, grad, targets = np.array([0.0, NAN]), np.array([[0.5, -0.5], [0.0, 0.0]]), [0, -100]
    options = Options(False, np.array([1.0, 3.0]), -100, "mean", 0.1)
    files = {
        name: (make(), file)
        for name, make, file, _ in download_files(
            table, options, NAN, 0.0, losses, grad, np.array(targets)
        )
    }
    again = parse_batch_csv(files["batch"][0])
    assert np.array_equal(again.logits, table.logits)
    assert np.array_equal(again.labels, table.labels, equal_nan=True)
    assert files["batch"][1] == "batch.csv"
    assert files["csv"][0].splitlines()[1:] == ["1,0,0.0,0.5,-0.5", "2,-100,nan,0.0,0.0"]
    document = json.loads(files["json"][0])  # strict JSON: NaN written as a string
    assert document["loss"] == "nan" and document["mean_denominator"] == 0.0
    assert document["options"]["weight"] == [1.0, 3.0] and document["target"] == targets


# ---------------------------------------------------------------- the link and reset


def params(at) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in dict(at.query_params).items()}


def share_link(at) -> str:
    return next(c.value for c in at.get("code") if "/batch?" in c.value)


def test_a_link_restores_the_batch_and_the_options():
    query = {
        "bt_csv": "label,z1,z2~2,0,0~1,1,0~,5,5",
        "bt_reduction": "sum",
        "bt_use_weight": "1",
        "bt_weight": "1,3",
        "bt_double": "1",
        "bt_vocab_n": "4",
        "bt_vocab_seed": "9",
        "bt_vocab_spread": "2.5",
        "bt_vocab_hint": "3.5",
    }
    at = open_page("batch", **query)
    assert not any("ignored" in w.value for w in at.warning)
    table = at.data_editor[0].value
    assert table["z1"].tolist() == [0.0, 1.0, 5.0] and table["z2"].tolist() == [0.0, 0.0, 5.0]
    assert table["label"].tolist()[:2] == [2.0, 1.0] and math.isnan(table["label"].iloc[2])
    assert at.number_input(key="bt_k").value == 2
    assert at.segmented_control(key="bt_reduction").value == "sum"
    assert at.toggle(key="bt_use_weight").value and at.toggle(key="bt_double").value
    assert at.text_input(key="bt_weight").value == "1,3"
    assert (
        at.slider(key="bt_vocab_n").value == 4 and at.number_input(key="bt_vocab_seed").value == 9
    )
    assert at.slider(key="bt_vocab_spread").value == 2.5
    assert at.slider(key="bt_vocab_hint").value == 3.5
    expected = 3 * math.log(2) + nll([1.0, 0.0], 1)  # weight 3 on class 2; the last row ignored
    assert full_loss(at) == pytest.approx(expected, rel=1e-14)
    assert params(at) == {**query, "lang": "en"}


def test_a_link_with_probability_targets_turns_them_on():
    csv = "z1,z2,q1,q2~0,0,0.5,0.5~2,-inf,0,1"
    at = open_page("batch", bt_csv=csv)
    assert at.toggle(key="bt_soft").value
    assert at.data_editor[0].value["z2"].tolist() == [0.0, -math.inf]
    assert full_loss(at) == math.inf  # all the target on a masked class
    at.text_area(key="bt_paste").set_value("z1,z2,q1,q2\n0,0,0.5,0.5\n2,0,0,1\n")
    at.button(key="bt_load_paste").click().run()
    assert full_loss(at) == pytest.approx((math.log(2) + nll([2.0, 0.0], 2)) / 2, rel=1e-14)
    assert params(at) == {"bt_csv": "z1,z2,q1,q2~0,0,0.5,0.5~2,0,0,1", "bt_soft": "1", "lang": "en"}
    assert params(open_page("batch", bt_csv=csv)) == {"bt_csv": csv, "bt_soft": "1", "lang": "en"}


def test_a_link_with_ignore_index_on_a_real_class():
    at = open_page("batch", bt_ignore="0")  # PyTorch's class 0 is the page's class 1
    assert metric(at, "Ignored rows") == "2"
    rows = [nll(Z[n], LABELS[n]) for n in (1, 2)]
    assert full_loss(at) == pytest.approx(math.fsum(rows) / 2, rel=1e-14)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("bt_csv", "label,z1,z2~1,abc,3"),
        ("bt_csv", "label,z1,z2~7,1,1"),  # no class 7
        ("bt_csv", "z1,z2,q1,q2~0,0,0.5,0.25"),  # probabilities adding up to 0.75
        ("bt_csv", "label,z1,z2~1,2,3\x00"),
        ("bt_csv", "label,z1,z2" + "~1,2,3" * 400),  # longer than a link holds
        ("bt_csv", ""),
        ("bt_reduction", "avg"),
        ("bt_use_weight", "2"),
        ("bt_weight", "1,2"),  # 2 weights for 3 classes
        ("bt_weight", "1,-2,3"),
        ("bt_ignore", "1e9"),
        ("bt_ignore", "-1000001"),
        ("bt_smoothing", "0.07"),  # the slider moves by 0.05
        ("bt_smoothing", "1.5"),
        ("bt_double", "yes"),
        ("bt_vocab_n", "0"),
        ("bt_vocab_n", "65"),
        ("bt_vocab_seed", "4294967296"),
        ("bt_vocab_spread", "0.3"),
        ("bt_vocab_hint", "inf"),
    ],
)
def test_hostile_link_values_are_ignored_without_a_crash(key, value):
    query = {key: value, "bt_use_weight": "1"} if key == "bt_weight" else {key: value}
    at = open_page("batch", **query)
    assert not at.exception
    notice = [w.value for w in at.warning if "ignored" in w.value]
    assert notice and key in notice[0] and notice[0].count("bt_") == 1
    assert key not in params(at)
    assert at.data_editor[0].value["z1"].tolist() == [row[0] for row in Z]
    if key == "bt_weight":  # the weights stay on, with their default 1, 2, 5
        rows = [WEIGHTS[LABELS[n] - 1] * nll(Z[n], LABELS[n]) for n in range(3)]
        assert full_loss(at) == pytest.approx(math.fsum(rows) / 8, rel=1e-14)
    else:
        rows = [nll(Z[n], LABELS[n]) for n in range(3)]
        assert full_loss(at) == pytest.approx(math.fsum(rows) / 3, rel=1e-14)


def test_inputs_and_table_edits_are_written_to_the_url(at):
    assert params(at) == {"lang": "en"}  # the basic batch and default options stay out
    at.segmented_control(key="bt_reduction").set_value("none").run()
    at.slider(key="bt_smoothing").set_value(0.2).run()
    at.session_state[at.data_editor[0].key] = {
        "edited_rows": {0: {"z1": 7.5}},
        "added_rows": [],
        "deleted_rows": [3],
    }
    at.run()
    csv = "label,z1,z2,z3~1,7.5,1,0.1~2,0.5,2.5,-1~3,1,1,1"
    assert params(at) == {
        "bt_csv": csv,
        "bt_reduction": "none",
        "bt_smoothing": "0.2",
        "lang": "en",
    }
    assert share_link(at).endswith(
        f"/batch?bt_csv={csv}&bt_reduction=none&bt_smoothing=0.2&lang=en"
    )
    at.toggle(key="bt_soft").set_value(True).run()
    assert params(at)["bt_soft"] == "1"  # and the link holds the targets instead of labels
    assert params(at)["bt_csv"].startswith("z1,z2,z3,q1,q2,q3~2,1,0.1,0.7,0.2,0.1~")


def test_a_large_batch_stays_out_of_the_link_but_its_options_do_not(at):
    paste(at, "label,z1,z2\n" + "1,0.123456789,2.5\n" * 300)
    at.segmented_control(key="bt_reduction").set_value("sum").run()
    assert "bt_csv" not in params(at) and params(at)["bt_reduction"] == "sum"
    assert any("too large for a link" in c.value for c in at.caption)


def test_reset_brings_back_the_defaults():
    at = open_page(
        "batch",
        bt_csv="label,z1,z2~2,0,0",
        bt_reduction="sum",
        bt_smoothing="0.5",
        bt_double="1",
        bt_vocab_n="2",
    )
    at.text_area(key="bt_paste").set_value("label,z1\n").run()
    at.button(key="reset_batch").click().run()
    assert at.data_editor[0].value["z1"].tolist() == [row[0] for row in Z]
    assert at.number_input(key="bt_k").value == 3
    assert at.segmented_control(key="bt_reduction").value == "mean"
    assert at.slider(key="bt_smoothing").value == 0.0
    assert not at.toggle(key="bt_double").value
    assert at.slider(key="bt_vocab_n").value == 8
    assert at.text_area(key="bt_paste").value.startswith("label,z1,z2,z3\n1,2.0,1.0,0.1")
    assert params(at) == {"lang": "en"}
