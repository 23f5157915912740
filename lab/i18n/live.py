"""Strings of the live softmax widget (``lab/live``), shared by every page that shows it."""

EN = {
    "live.title": "Logits z: drag a bar up or down (or focus it and use the arrow keys)",
    "live.slider": "Logit of class {label}",
    "live.temperature": "Temperature T",
}

ZH = {
    "live.title": "Logits z：上下拖动条形（或选中后用方向键）",
    "live.slider": "类别 {label} 的 logit",
    "live.temperature": "温度 T",
}
