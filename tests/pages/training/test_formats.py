"""The Training page prints each quantity one way, and lays itself out for a projector.

A loss (or a gradient's norm) reads with 4 significant digits and a probability with 6
decimals wherever it appears: metric, the chart's per-step line, its labels, the notes. The
expected texts are written with Python's own format specifiers, not read from the page.
"""

from __future__ import annotations

import json
import math

from ..apptest import metric, open_page


def figure(at, key: str) -> dict:
    """Return the whole Plotly spec (data, layout, frames) of the chart drawn with ``key``."""
    for element in at.get("plotly_chart"):
        if element.proto.id and key in element.proto.id:
            return json.loads(element.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")


def last_status(at, key: str) -> str:
    """Return the per-step line under the title of chart ``key``'s last frame."""
    return figure(at, key)["frames"][-1]["layout"]["title"]["subtitle"]["text"]


def descent(at) -> tuple[list[float], list[float]]:
    """Return the loss and the gradient norm per step, as the curves chart holds them."""
    for element in at.get("plotly_chart"):
        if element.proto.id and "tr_curves" in element.proto.id:
            data = json.loads(element.proto.spec)["data"]
            return [float(v) for v in data[0]["y"]], [float(v) for v in data[1]["y"]]
    raise AssertionError("no loss curves")


def walk(node):
    """Yield what each element of ``node`` is, in the order of the screen: a chart's key, or
    the element's type."""
    if node.type == "plotly_chart":
        yield next(
            k for k in ("tr_bars", "tr_curves", "tr_regions", "tr_fit") if k in node.proto.id
        )
    else:
        yield node.type
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def elements(node):
    """Yield every element under ``node``, in the order of the screen."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from elements(child)


def test_the_final_loss_and_norm_read_the_same_in_the_metrics_and_the_chart():
    at = open_page("training")
    loss, norm = descent(at)
    assert metric(at, "Final loss") == f"{loss[-1]:.4g}"
    assert metric(at, "Final ‖∂L/∂z‖") == f"{norm[-1]:.4g}"
    assert last_status(at, "tr_bars") == (f"step 200: L = {loss[-1]:.4g}, ‖∂L/∂z‖ = {norm[-1]:.4g}")


def test_a_tiny_loss_reads_the_same_in_the_metric_and_the_chart():
    at = open_page("training")
    at.select_slider(key="tr_lr").set_value(10.0).run()
    at.slider(key="tr_steps").set_value(500).run()
    loss, norm = descent(at)
    assert loss[-1] < 1e-4  # printed in scientific notation by %g, in both places
    assert "e-" in metric(at, "Final loss")
    assert metric(at, "Final loss") == f"{loss[-1]:.4g}"
    assert f"L = {loss[-1]:.4g}," in last_status(at, "tr_bars")
    assert f"= {norm[-1]:.4g}" in last_status(at, "tr_bars")


def test_probabilities_read_with_six_decimals_everywhere():
    at = open_page("training")
    at.slider(key="tr_eps").set_value(0.1).run()
    optimum = 1 - 0.1 + 0.1 / 5
    assert metric(at, "Best possible a_j") == f"{optimum:.6f}"
    assert len(metric(at, "Final a_j").split(".")[1]) == 6
    labels = [note["text"] for note in figure(at, "tr_bars")["layout"]["annotations"]]
    assert labels == [f"best a_j = {optimum:.6f}"]  # short: one phone-wide label
    assert any(f"{optimum:.6f}" in info.value for info in at.info)
    loss, _ = descent(at)
    floor = figure(at, "tr_curves")["layout"]["annotations"][0]["text"]
    assert floor.startswith(f"H(q) = {min(loss):.4g}")


def test_regression_losses_read_the_same_in_the_metrics_and_the_chart():
    at = open_page("training")
    final = metric(at, "Final mean loss")
    assert metric(at, "Loss at step 0 (ln K)") == f"{math.log(3):.4g}"
    assert last_status(at, "tr_regions").startswith(f"step 200: L = {final},")
    assert figure(at, "tr_regions")["layout"]["title"]["subtitle"]["text"].startswith(
        f"step 0: L = {math.log(3):.4g},"
    )


def test_on_a_projector_the_bars_come_before_the_numbers_and_fit_the_screen():
    at = open_page("training", present="1")
    assert not at.exception
    assert [e.label for e in at.expander][:2] == [
        "What you learn here, and what to try",
        "**1 · Gradient descent on the logits themselves**",
    ]
    assert figure(at, "tr_bars")["layout"]["height"] < 560
    order = [kind for kind in walk(at.main) if kind in ("tr_bars", "metric")]
    assert order[:2] == ["tr_bars", "metric"]


def test_off_a_projector_each_part_has_its_heading_and_introduction():
    at = open_page("training")
    assert [h.value for h in at.header] == [
        "1 · Gradient descent on the logits themselves",
        "2 · Softmax regression on a toy data set",
    ]
    texts = [getattr(e, "value", None) for e in elements(at.main)]
    texts = [v for v in texts if isinstance(v, str) and v]
    first, second = (texts.index(h.value) for h in at.header)
    assert texts[first + 1].startswith("No model yet")  # each heading above its introduction
    assert texts[second + 1].startswith("Now the logits come from a model")
    assert figure(at, "tr_bars")["layout"]["height"] == 560
    order = [kind for kind in walk(at.main) if kind in ("tr_bars", "metric")]
    assert order[:5] == ["metric"] * 4 + ["tr_bars"]  # the four numbers, then the bars
