"""Strings of the sigmoid & binary cross-entropy page."""

EN = {
    "binary.title": "Sigmoid & binary cross-entropy",
    "binary.learn": "**What you learn here:** the sigmoid $\\sigma(x) = 1/(1 + e^{-x})$ turns one "
    "score into a probability; binary cross-entropy is cross-entropy with two classes, its "
    "gradient is simply $\\sigma(x) - y$; and why you must never compute $\\ln \\sigma(x)$ "
    "naively.",
    "binary.try": "**Try this:** press *Confident & wrong* and look at the slope of the loss "
    "(it is almost −1: the model is pushed hard); then press *Overflow* and compare the naive "
    "and the stable loss in the table at the bottom.",
    "binary.preset.unsure": "Unsure (x = 0)",
    "binary.preset.confident_right": "Confident & right",
    "binary.preset.confident_wrong": "Confident & wrong",
    "binary.preset.overflow": "Overflow (x = −800)",
    "binary.presets.note": "A preset sets x and y, and the two-class check below to z = (0, x) with "
    "the class y: the same example seen as a softmax over two logits.",
    "binary.section.sigmoid": "1 · One logit: the sigmoid and the binary loss",
    "binary.x": "Logit x (any number)",
    "binary.x.help": "Type any finite number, for example −800 or 1e3; the slider below covers "
    "{low} … {high}.",
    "binary.x_slider": "Drag x",
    "binary.live.hint": "Drag sideways on either chart to move x (or the arrow keys on a chart).",
    "binary.x.outside": "The x typed above lies outside the slider's range {low} … {high}: the slider "
    "stays at its end.",
    "binary.label": "Label y",
    "binary.label.1": "y = 1",
    "binary.label.0": "y = 0",
    "binary.label.help": "y = 1: the example belongs to the positive class; y = 0: to the negative "
    "class; a soft label is a probability in between.",
    "binary.label.soft": "soft",
    "binary.soft": "Soft label y",
    "binary.soft.help": "A probability between 0 and 1, for example after label smoothing.",
    "binary.m.sigma": "σ(x)",
    "binary.m.sigma_grad": "σ′(x) = σ(1 − σ)",
    "binary.m.loss": "Loss ℓ",
    "binary.m.grad": "Gradient σ(x) − y",
    "binary.full": "Full precision: {value}",
    "binary.sigma_zero": "σ(x) is smaller than the smallest float64 number and rounds to 0, so "
    "ln σ(x) cannot be taken from it. The loss uses ln σ(x) = {log}, computed directly "
    "(log-sigmoid), and stays exact.",
    "binary.sigma_one": "σ(x) rounds to exactly 1 in float64, so 1 − σ(x) computed by subtraction "
    "would be 0 and its logarithm −∞. The loss uses ln(1 − σ(x)) = {log}, computed directly "
    "(log-sigmoid of −x), and stays exact.",
    "binary.naive_breaks": "At this x the textbook formula, computed as written, gives {value} "
    "instead: see section 3.",
    "binary.fig.sigmoid": "σ(x) and its derivative σ′(x)",
    "binary.fig.sigma": "σ(x)",
    "binary.fig.sigma_grad": "σ′(x) (at most 1/4)",
    "binary.fig.x": "logit x",
    "binary.fig.off": "x = {x} is off the chart",
    "binary.fig.loss": "Loss ℓ over x, tangent at the current x",
    "binary.fig.loss.axis": "loss ℓ",
    "binary.fig.y1": "y = 1: ln(1 + e^−x)",
    "binary.fig.y0": "y = 0: ln(1 + e^x)",
    "binary.fig.ysoft": "y = {y}",
    "binary.fig.current": "current x",
    "binary.fig.tangent": "tangent (slope σ − y)",
    "binary.fig.point": "ℓ = {loss}<br>slope = {slope}",
    "binary.loss.insight": "The slope of the tangent is the gradient σ(x) − y. Far on the wrong "
    "side the loss grows like a straight line of slope ±1, so the gradient never vanishes "
    "however wrong the model is; on the right side both the loss and the gradient fade to 0.",
    "binary.section.two": "2 · Two classes: softmax is the sigmoid in disguise",
    "binary.two.intro": "Give two logits $z_0, z_1$ and a true class. Softmax over the two classes "
    "only depends on the difference $z_1 - z_0$, so two-class cross-entropy is binary "
    "cross-entropy of the logit $x = z_1 - z_0$ with $y$ = the true class. The table computes "
    "both ways, independently, and subtracts.",
    "binary.z0": "Logit z₀ of class 0",
    "binary.z1": "Logit z₁ of class 1",
    "binary.class": "True class",
    "binary.class.option": "class {n}",
    "binary.row.p0": "probability of class 0",
    "binary.row.p1": "probability of class 1",
    "binary.row.loss": "loss",
    "binary.row.g0": "∂L/∂z₀",
    "binary.row.g1": "∂L/∂z₁",
    "binary.col.quantity": "quantity",
    "binary.col.softmax": "softmax & CE of (z₀, z₁)",
    "binary.col.sigmoid": "σ & binary CE of z₁ − z₀",
    "binary.col.diff": "difference",
    "binary.m.largest": "Largest difference",
    "binary.m.largest.help": "float64 numbers near 1 are {eps} apart: a difference of that size "
    "is the last digit rounding differently, not a different formula.",
    "binary.two.caption": "The gradients show (g₀, g₁) with g₁ = −g₀ = σ(z₁ − z₀) − y: raising z₁ "
    "by some amount and z₀ by the same amount changes nothing, so the two gradients cancel.",
    "binary.section.stability": "3 · Never compute ln σ(x) naively",
    "binary.stab.intro": "For large |x|, σ(x) rounds to exactly 0 or 1 and a logarithm of it gives "
    "−∞; then 0 × (−∞) gives NaN. The stable formula never takes the logarithm of a rounded "
    "probability: it is what `torch.nn.functional.binary_cross_entropy_with_logits` computes. "
    "Both columns below use the label y chosen above.",
    "binary.stab.naive": "**Naive**, as written in the textbook:",
    "binary.stab.stable": "**Stable**, as PyTorch computes it:",
    "binary.col.x": "x",
    "binary.col.naive": "naive ({dtype})",
    "binary.col.stable": "stable ({dtype})",
    "binary.row.current": "{x} (your x)",
    "binary.stab.table_caption": "Label y = {y}. Purple cells: the naive result is ∞, NaN, or 0 "
    "where the true loss is positive.",
    "binary.fig.stab": "Naive against stable loss in {dtype} (y = {y}), log scale",
    "binary.fig.stab.naive": "naive",
    "binary.fig.stab.stable": "stable",
    "binary.fig.stab.broken": "naive: ∞ or NaN",
    "binary.fig.stab.zero": "naive: 0 (wrong)",
    "binary.fig.stab.underflow": "underflow to 0 (correct)",
    "binary.stab.chart_caption": "A log axis has no place for 0, ∞ or NaN: they are drawn as thick "
    "lines along the bottom (0) and the top (∞, NaN) edge, and the x where the naive formula "
    "fails are shaded purple. A dotted line at the bottom is a correct 0: the true loss is "
    "smaller than the smallest float. float32 fails much sooner than float64 (e^−x overflows past "
    "x ≈ −{f32} instead of −{f64}).",
    "binary.code": "The same in PyTorch",
    "error.one_number": "Type exactly one number here, got {count}.",
    "error.label_range": "The label y must be between 0 and 1, got {value}.",
    "error.two_class_target": "The class must be 0 or 1.",
}

ZH = {
    "binary.title": "Sigmoid 与二分类交叉熵",
    "binary.learn": "**你将学到：** sigmoid 函数 $\\sigma(x) = 1/(1 + e^{-x})$ 把一个分数变成"
    "概率；二分类交叉熵就是只有两个类别的交叉熵，它的梯度就是 $\\sigma(x) - y$；"
    "以及为什么绝不能直接计算 $\\ln \\sigma(x)$。",
    "binary.try": "**试一试：** 点击“自信但错误”，看损失曲线的斜率（接近 −1：模型被用力推动）；"
    "再点击“溢出”，在页面底部的表格中比较朴素公式与稳定公式的损失。",
    "binary.preset.unsure": "犹豫不决（x = 0）",
    "binary.preset.confident_right": "自信且正确",
    "binary.preset.confident_wrong": "自信但错误",
    "binary.preset.overflow": "溢出（x = −800）",
    "binary.presets.note": "预设会设置 x 和 y，同时把下面的两类别验证设为 z = (0, x)、类别为 y："
    "同一个例子，看作两个 logits 上的 softmax。",
    "binary.section.sigmoid": "1 · 一个 logit：sigmoid 与二分类损失",
    "binary.x": "Logit x（任意数）",
    "binary.x.help": "可以输入任意有限数，例如 −800 或 1e3；下面的滑块范围是 {low} … {high}。",
    "binary.x_slider": "拖动 x",
    "binary.live.hint": "在任一图上左右拖动即可移动 x（也可选中图后按方向键）。",
    "binary.x.outside": "上面输入的 x 超出了滑块的范围 {low} … {high}：滑块停在端点。",
    "binary.label": "标签 y",
    "binary.label.1": "y = 1",
    "binary.label.0": "y = 0",
    "binary.label.help": "y = 1：样本属于正类；y = 0：样本属于负类；软标签是介于两者之间的概率。",
    "binary.label.soft": "软标签",
    "binary.soft": "软标签 y",
    "binary.soft.help": "0 到 1 之间的概率，例如标签平滑之后的标签。",
    "binary.m.sigma": "σ(x)",
    "binary.m.sigma_grad": "σ′(x) = σ(1 − σ)",
    "binary.m.loss": "损失 ℓ",
    "binary.m.grad": "梯度 σ(x) − y",
    "binary.full": "完整精度：{value}",
    "binary.sigma_zero": "σ(x) 比 float64 能表示的最小正数还小，被舍入为 0，因此不能再对它取对数。"
    "损失使用直接计算（log-sigmoid）得到的 ln σ(x) = {log}，结果依然精确。",
    "binary.sigma_one": "在 float64 中 σ(x) 被舍入为恰好 1，用减法计算 1 − σ(x) 会得到 0，"
    "其对数为 −∞。损失使用直接计算（对 −x 取 log-sigmoid）得到的 ln(1 − σ(x)) = {log}，"
    "结果依然精确。",
    "binary.naive_breaks": "在这个 x 处，按教科书公式直接计算得到的却是 {value}：见第 3 部分。",
    "binary.fig.sigmoid": "σ(x) 及其导数 σ′(x)",
    "binary.fig.sigma": "σ(x)",
    "binary.fig.sigma_grad": "σ′(x)（最大为 1/4）",
    "binary.fig.x": "logit x",
    "binary.fig.off": "x = {x} 在图外",
    "binary.fig.loss": "损失 ℓ 随 x 的变化及当前 x 处的切线",
    "binary.fig.loss.axis": "损失 ℓ",
    "binary.fig.y1": "y = 1：ln(1 + e^−x)",
    "binary.fig.y0": "y = 0：ln(1 + e^x)",
    "binary.fig.ysoft": "y = {y}",
    "binary.fig.current": "当前 x",
    "binary.fig.tangent": "切线（斜率 σ − y）",
    "binary.fig.point": "ℓ = {loss}<br>斜率 = {slope}",
    "binary.loss.insight": "切线的斜率就是梯度 σ(x) − y。在错误的一侧走得越远，损失越接近一条"
    "斜率为 ±1 的直线，所以无论模型错得多离谱，梯度都不会消失；在正确的一侧，"
    "损失和梯度都逐渐趋于 0。",
    "binary.section.two": "2 · 两个类别：softmax 就是换了个样子的 sigmoid",
    "binary.two.intro": "输入两个 logits $z_0, z_1$ 和真实类别。两个类别上的 softmax 只取决于"
    "差值 $z_1 - z_0$，所以两类别交叉熵就是 logit 为 $x = z_1 - z_0$、$y$ 为真实类别的"
    "二分类交叉熵。下表用两种方法分别独立计算，再相减。",
    "binary.z0": "类别 0 的 logit z₀",
    "binary.z1": "类别 1 的 logit z₁",
    "binary.class": "真实类别",
    "binary.class.option": "类别 {n}",
    "binary.row.p0": "类别 0 的概率",
    "binary.row.p1": "类别 1 的概率",
    "binary.row.loss": "损失",
    "binary.row.g0": "∂L/∂z₀",
    "binary.row.g1": "∂L/∂z₁",
    "binary.col.quantity": "量",
    "binary.col.softmax": "(z₀, z₁) 的 softmax 与交叉熵",
    "binary.col.sigmoid": "z₁ − z₀ 的 σ 与二分类交叉熵",
    "binary.col.diff": "差值",
    "binary.m.largest": "最大差值",
    "binary.m.largest.help": "在 1 附近，相邻的 float64 数相差 {eps}：这么大的差值只是最后一位"
    "舍入不同，而不是公式不同。",
    "binary.two.caption": "梯度为 (g₀, g₁)，其中 g₁ = −g₀ = σ(z₁ − z₀) − y：把 z₁ 和 z₀ 同时增加"
    "同样的量不会改变任何结果，所以两个梯度正好抵消。",
    "binary.section.stability": "3 · 绝不要直接计算 ln σ(x)",
    "binary.stab.intro": "当 |x| 很大时，σ(x) 会被舍入为恰好 0 或 1，对它取对数得到 −∞；"
    "接着 0 × (−∞) 得到 NaN。稳定公式从不对舍入后的概率取对数：这正是 "
    "`torch.nn.functional.binary_cross_entropy_with_logits` 的计算方式。"
    "下面两列都使用上面选定的标签 y。",
    "binary.stab.naive": "**朴素公式**，照教科书直接计算：",
    "binary.stab.stable": "**稳定公式**，PyTorch 的计算方式：",
    "binary.col.x": "x",
    "binary.col.naive": "朴素（{dtype}）",
    "binary.col.stable": "稳定（{dtype}）",
    "binary.row.current": "{x}（你的 x）",
    "binary.stab.table_caption": "标签 y = {y}。紫色单元格：朴素公式的结果是 ∞、NaN，"
    "或者在真实损失为正时得到 0。",
    "binary.fig.stab": "{dtype} 中的朴素损失与稳定损失（y = {y}），对数坐标",
    "binary.fig.stab.naive": "朴素",
    "binary.fig.stab.stable": "稳定",
    "binary.fig.stab.broken": "朴素：∞ 或 NaN",
    "binary.fig.stab.zero": "朴素：0（错误）",
    "binary.fig.stab.underflow": "下溢为 0（正确）",
    "binary.stab.chart_caption": "对数坐标轴上放不下 0、∞ 和 NaN：它们画成沿底边（0）和顶边"
    "（∞、NaN）的粗线，朴素公式失效的 x 区间涂成紫色。底部的点线表示正确的 0：真实损失比最小的浮点数还小。float32 比 float64 早得多就会失效"
    "（e^−x 在 x ≈ −{f32} 以下溢出，而不是 −{f64}）。",
    "binary.code": "用 PyTorch 计算同样的结果",
    "error.one_number": "这里请只输入一个数，现在有 {count} 个。",
    "error.label_range": "标签 y 必须在 0 到 1 之间，现在是 {value}。",
    "error.two_class_target": "类别必须是 0 或 1。",
}
