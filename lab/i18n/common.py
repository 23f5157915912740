"""Strings of the app shell and of errors any page can show."""

EN = {
    "language": "Language",
    "nav.learn": "Learn",
    "nav.more": "Go further",
    "nav.playground": "Playground",
    "nav.derivation": "Gradient & derivation",
    "nav.stability": "Numerical stability",
    "nav.binary": "Sigmoid & binary CE",
    "nav.training": "Training",
    "nav.batch": "Batches & PyTorch options",
    "sidebar.about": "Cross-Entropy Lab: softmax and cross-entropy loss, by touching the numbers.",
    "class": "class",
    "class_n": "class {n}",
    "error.generic": "This value cannot be used: {detail}",
    "error.using_last": "Showing the last valid values until this is fixed.",
}

ZH = {
    "language": "语言",
    "nav.learn": "学习",
    "nav.more": "进阶",
    "nav.playground": "实验台",
    "nav.derivation": "梯度与推导",
    "nav.stability": "数值稳定性",
    "nav.binary": "Sigmoid 与二分类交叉熵",
    "nav.training": "训练",
    "nav.batch": "批量与 PyTorch 选项",
    "sidebar.about": "交叉熵实验室：亲手改动数字，理解 softmax 与交叉熵损失。",
    "class": "类别",
    "class_n": "类别 {n}",
    "error.generic": "这个值无法使用：{detail}",
    "error.using_last": "在改正之前，页面显示的是上一次有效的值。",
}
