"""Strings of the Numerical stability page."""

EN = {
    "st.title": "Numerical stability: why softmax subtracts the maximum",
    "st.learn": "**What you learn here:** why the textbook formula $e^{z_i} / \\sum_k e^{z_k}$ "
    "returns NaN for ordinary logits, in which step the NaN is born, why subtracting "
    "$m = \\max_k z_k$ fixes it without changing the answer, and why a loss uses log_softmax.",
    "st.try": "**Try this:** click “Breaks float32” and find the purple cell where inf first "
    "appears; switch the float type to float64 and watch it disappear; then try "
    "“Breaks float64” and “Underflow 0/0”.",
    "st.dtype": "Float type",
    "st.dtype.help": "float16: half precision (GPUs). float32: PyTorch's default. "
    "float64: NumPy's default.",
    "st.tab.steps": "Naive vs stable, step by step",
    "st.tab.sweep": "Where each float type breaks",
    "st.tab.shift": "Shift invariance",
    "st.tab.log": "log(softmax) vs log_softmax",
    "st.presets": "Examples",
    "st.preset.fine": "Fine in every type",
    "st.preset.float16": "Breaks float16",
    "st.preset.float32": "Breaks float32",
    "st.preset.float64": "Breaks float64",
    "st.preset.underflow": "Underflow 0/0",
    "st.preset.masked": "Masked −inf",
    "st.z": "Logits z (up to 20 numbers)",
    "st.z.help": "Commas, spaces or semicolons between the numbers. `-inf` masks a class.",
    "st.z.stored": "In {dtype}, the logit {value} is too large to store (the largest {dtype} is "
    "{max}): it becomes {stored} before softmax even starts.",
    "st.verdicts.naive": "Naive formula:",
    "st.verdicts.stable": "Max-shifted:",
    "st.badge.ok": "{dtype}: works",
    "st.badge.broken": "{dtype}: {value} in {step}",
    "st.naive.title": "Naive (textbook) formula",
    "st.stable.title": "Max-shifted (stable) formula",
    "st.naive.formula": r"a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "st.stable.formula": r"a_i = \frac{e^{z_i - m}}{\sum_k e^{z_k - m}},\quad m = \max_k z_k",
    "st.m.naive": "No shift: m = 0.",
    "st.m.stable": "m = max z = {m}",
    "st.col.formula": "formula",
    "st.col.class": "class",
    "st.col.z": "z",
    "st.col.shifted": "z − m",
    "st.col.exp": "e^(z − m)",
    "st.col.a": "a = e^(z − m) / Σ",
    "st.row.total": "Σ",
    "st.step.z": "z",
    "st.step.shifted": "z − m",
    "st.step.exp": "e^(z − m)",
    "st.step.total": "Σ",
    "st.step.a": "a",
    "st.verdict.fine": "No inf or NaN is born: every step holds an ordinary {dtype} number.",
    "st.masked.note": "−inf masks class {classes} on purpose: e^(−inf) = 0 exactly, so its "
    "probability is exactly 0.",
    "st.verdict.first": "**{value}** first appears in step **{step}**{where}.",
    "st.verdict.where": " (class {classes})",
    "st.cause.z.inf": "A logit is larger than {max}, the largest {dtype}: storing it already "
    "gives inf.",
    "st.cause.z.-inf": "A logit is below −{max}, the most negative {dtype}: it is stored as "
    "−inf and acts like a masked class.",
    "st.cause.shifted.-inf": "z − m is below −{max}, the most negative {dtype}, so it is stored "
    "as −inf. Harmless: e^(−inf) = 0, and the true value is far below the smallest {dtype}.",
    "st.cause.exp.inf": "e^(z − m) is larger than {max}, the largest {dtype}: it overflows to inf. "
    "That happens as soon as z − m > ln({max}) = {threshold}.",
    "st.cause.total.inf": "Each e^(z − m) is finite, but their sum passes {max}, the largest "
    "{dtype}: Σ overflows to inf, every a becomes 0, and the a's add up to {a_total}, not 1.",
    "st.cause.a.nan": "Every e^(z − m) underflowed to 0: each is below {tiny}, the smallest "
    "positive {dtype}, which happens once z − m < {threshold}. So Σ = 0.",
    "st.cause.other": "A value no longer fits in {dtype}.",
    "st.nan.inf/inf": "NaN is born in step **a**: inf / inf has no value.",
    "st.nan.0/0": "NaN is born in step **a**: 0 / 0 has no value.",
    "st.underflow.note": "Yellow: e^(z − m) underflowed to exactly 0 (class {classes}). "
    "Harmless here: the true value is below {tiny}, the smallest positive {dtype}, and Σ ≥ 1.",
    "st.legend": "Purple: where inf or NaN is born. Light purple: inf or NaN passed on. "
    "Yellow: a number that underflowed to exactly 0. Numbers are printed as {dtype} prints them.",
    "st.fig.naive": "Naive a ({dtype})",
    "st.fig.stable": "Max-shifted a ({dtype})",
    "st.fig.a": "a",
    "st.fig.broken": "not a number",
    "st.sweep.intro": "Each float type has a largest number and a smallest positive one. The naive "
    "formula breaks when $e^{z}$ passes either. The shifted one only ever computes $e^{z - m}$ "
    "with $z - m \\le 0$: the largest exponential is exactly 1, so $1 \\le \\Sigma \\le K$.",
    "st.limits.dtype": "float type",
    "st.limits.max": "largest number",
    "st.limits.overflow": "e^z = inf when z >",
    "st.limits.tiny": "smallest positive number",
    "st.limits.underflow": "e^z = 0 when z <",
    "st.metric.overflow": "{dtype}: e^z overflows above",
    "st.metric.underflow": "{dtype}: e^z underflows below",
    "st.fig.overflow": "Logits (x, 0): is a₁ still a number?",
    "st.fig.underflow": "Logits (−x, −x, −x): is a₁ still a number?",
    "st.fig.x.overflow": "x (log scale)",
    "st.fig.x.underflow": "x (log scale); every logit is −x",
    "st.fig.finite": "a number",
    "st.fig.nan": "NaN",
    "st.fig.threshold.overflow": "x = {value}",
    "st.fig.threshold.underflow": "−x = {value}",
    "st.row.naive": "naive {dtype}",
    "st.row.stable": "shifted {dtype}",
    "st.sweep.caption": "Dashed lines: ln(largest number) for overflow, ln(smallest positive / 2) "
    "for underflow, computed from np.finfo; the bars are computed point by point in each type. "
    "Hover for the value of a₁.",
    "st.shift.intro": "Subtracting the same constant c from every logit does not change softmax: "
    "the factor $e^{-c}$ cancels. That is why subtracting the maximum is allowed.",
    "st.shift.formula": r"\frac{e^{z_i - c}}{\sum_k e^{z_k - c}} = "
    r"\frac{e^{-c}\, e^{z_i}}{e^{-c} \sum_k e^{z_k}} = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "st.shift.z": "Logits z (the lecture's example: 2, 3, 4)",
    "st.shift.c": "Constant c subtracted from every logit",
    "st.shift.row.z": "z",
    "st.shift.row.shifted": "z − c",
    "st.shift.row.a": "softmax(z)",
    "st.shift.row.a_shifted": "softmax(z − c)",
    "st.shift.row.naive": "naive formula on z − c",
    "st.shift.max_diff": "max |softmax(z) − softmax(z − c)|",
    "st.shift.same": "Identical to the last bit.",
    "st.shift.overflow": "z − c does not fit in {dtype} (the largest {dtype} is {max}): it "
    "became inf, so even the shifted softmax cannot help. Pick a smaller c or a wider type.",
    "st.shift.rounding": "Not exactly 0 only because z − c is rounded to {dtype}.",
    "st.shift.naive": "The naive formula on z − c breaks although the math is the same: it "
    "computes e^(z − c) itself.",
    "st.fig.shift": "softmax(z) and softmax(z − c) in {dtype}",
    "st.log.intro": "The loss needs $\\ln a_j$. Computing $a_j$ first and then its logarithm fails "
    "when $a_j$ underflows to 0: $\\ln 0 = -\\infty$ and the loss is infinite. "
    "log_softmax never forms $a_j$:",
    "st.log.formula": r"\mathrm{log\_softmax}(z)_j = z_j - m - \ln \sum_k e^{z_k - m},"
    r"\quad m = \max_k z_k",
    "st.log.z": "Logits z",
    "st.log.y": "True class j (counting from 1)",
    "st.log.a_j": "a_j = softmax(z)_j",
    "st.log.log_a": "ln(softmax(z)_j)",
    "st.log.log_softmax": "log_softmax(z)_j",
    "st.log.loss_naive": "Loss from ln(softmax)",
    "st.log.loss_stable": "Loss from log_softmax",
    "st.log.broken": "a_j underflowed to 0 in {dtype}, so ln(a_j) = −∞ and the loss is infinite. "
    "log_softmax gives the right, finite loss: {loss}.",
    "st.log.fine": "Here a_j is not 0, so both agree. Make z_j much smaller than the other "
    "logits (for example −800) to see ln(softmax) break.",
    "st.log.pytorch": "That is why PyTorch's F.cross_entropy takes logits and applies "
    "log_softmax inside: never write torch.log(torch.softmax(z, dim=-1)) for a loss.",
}

ZH = {
    "st.title": "数值稳定性：为什么 softmax 要减去最大值",
    "st.learn": "**你将学到：** 为什么教科书公式 $e^{z_i} / \\sum_k e^{z_k}$ 对很普通的 logits "
    "也会得到 NaN，NaN 是在哪一步产生的；为什么先减去 $m = \\max_k z_k$ 就能解决问题而结果不变；"
    "以及为什么计算损失要用 log_softmax。",
    "st.try": "**试一试：** 点击“float32 溢出”，找到 inf 最先出现的紫色格子；把浮点类型切换到 "
    "float64，看它消失；再试试“float64 溢出”和“下溢 0/0”。",
    "st.dtype": "浮点类型",
    "st.dtype.help": "float16：半精度（GPU 常用）。float32：PyTorch 的默认类型。"
    "float64：NumPy 的默认类型。",
    "st.tab.steps": "朴素公式与稳定公式，逐步对比",
    "st.tab.sweep": "各浮点类型在哪里失效",
    "st.tab.shift": "平移不变性",
    "st.tab.log": "log(softmax) 与 log_softmax",
    "st.presets": "示例",
    "st.preset.fine": "所有类型都正常",
    "st.preset.float16": "float16 溢出",
    "st.preset.float32": "float32 溢出",
    "st.preset.float64": "float64 溢出",
    "st.preset.underflow": "下溢 0/0",
    "st.preset.masked": "屏蔽 −inf",
    "st.z": "Logits z（最多 20 个数）",
    "st.z.help": "数字之间用逗号、空格或分号分隔。`-inf` 表示屏蔽该类别。",
    "st.z.stored": "在 {dtype} 中，logit {value} 太大，无法存储（{dtype} 能表示的最大数是 "
    "{max}）：还没开始计算 softmax，它就已经变成了 {stored}。",
    "st.verdicts.naive": "朴素公式：",
    "st.verdicts.stable": "减去最大值后：",
    "st.badge.ok": "{dtype}：正常",
    "st.badge.broken": "{dtype}：{step} 出现 {value}",
    "st.naive.title": "朴素（教科书）公式",
    "st.stable.title": "减去最大值（稳定）公式",
    "st.naive.formula": r"a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "st.stable.formula": r"a_i = \frac{e^{z_i - m}}{\sum_k e^{z_k - m}},\quad m = \max_k z_k",
    "st.m.naive": "不做平移：m = 0。",
    "st.m.stable": "m = max z = {m}",
    "st.col.formula": "公式",
    "st.col.class": "类别",
    "st.col.z": "z",
    "st.col.shifted": "z − m",
    "st.col.exp": "e^(z − m)",
    "st.col.a": "a = e^(z − m) / Σ",
    "st.row.total": "Σ",
    "st.step.z": "z",
    "st.step.shifted": "z − m",
    "st.step.exp": "e^(z − m)",
    "st.step.total": "Σ",
    "st.step.a": "a",
    "st.verdict.fine": "没有产生任何 inf 或 NaN：每一步都是正常的 {dtype} 数。",
    "st.masked.note": "−inf 是有意屏蔽类别 {classes}：e^(−inf) 恰好等于 0，所以它的概率恰好是 0。",
    "st.verdict.first": "**{value}** 最先出现在 **{step}** 这一步{where}。",
    "st.verdict.where": "（类别 {classes}）",
    "st.cause.z.inf": "有一个 logit 大于 {dtype} 能表示的最大数 {max}：一存储就变成了 inf。",
    "st.cause.z.-inf": "有一个 logit 小于 {dtype} 能表示的最小负数 −{max}：它被存成 −inf，"
    "效果相当于屏蔽了这个类别。",
    "st.cause.shifted.-inf": "z − m 小于 {dtype} 能表示的最小负数 −{max}，于是被存成 −inf。"
    "这没有危害：e^(−inf) = 0，而它的真实值本来就远小于 {dtype} 的最小正数。",
    "st.cause.exp.inf": "e^(z − m) 大于 {dtype} 能表示的最大数 {max}：上溢成了 inf。"
    "只要 z − m > ln({max}) = {threshold}，就会这样。",
    "st.cause.total.inf": "每个 e^(z − m) 都是有限数，但它们的和超过了 {dtype} 的最大数 {max}："
    "Σ 上溢成 inf，所有 a 都变成 0，a 的总和是 {a_total}，而不是 1。",
    "st.cause.a.nan": "所有 e^(z − m) 都下溢成了 0：它们都小于 {dtype} 的最小正数 {tiny}，"
    "只要 z − m < {threshold} 就会这样。于是 Σ = 0。",
    "st.cause.other": "有一个值超出了 {dtype} 的表示范围。",
    "st.nan.inf/inf": "NaN 在 **a** 这一步产生：inf / inf 没有确定的值。",
    "st.nan.0/0": "NaN 在 **a** 这一步产生：0 / 0 没有确定的值。",
    "st.underflow.note": "黄色：e^(z − m) 下溢成了精确的 0（类别 {classes}）。这里没有危害："
    "它的真实值小于 {dtype} 的最小正数 {tiny}，而且 Σ ≥ 1。",
    "st.legend": "紫色：inf 或 NaN 产生的位置。浅紫色：被传递下去的 inf 或 NaN。"
    "黄色：下溢成精确 0 的数。数字按 {dtype} 的精度显示。",
    "st.fig.naive": "朴素公式的 a（{dtype}）",
    "st.fig.stable": "减去最大值后的 a（{dtype}）",
    "st.fig.a": "a",
    "st.fig.broken": "非数值",
    "st.sweep.intro": "每种浮点类型都有能表示的最大数和最小正数。只要 $e^{z}$ 越过其中任何一个，"
    "朴素公式就会失效。减去最大值后，只会计算 $z - m \\le 0$ 时的 $e^{z - m}$："
    "最大的指数恰好是 1，所以 $1 \\le \\Sigma \\le K$。",
    "st.limits.dtype": "浮点类型",
    "st.limits.max": "最大的数",
    "st.limits.overflow": "z 大于此值时 e^z = inf",
    "st.limits.tiny": "最小的正数",
    "st.limits.underflow": "z 小于此值时 e^z = 0",
    "st.metric.overflow": "{dtype}：上溢的阈值",
    "st.metric.underflow": "{dtype}：下溢的阈值",
    "st.fig.overflow": "Logits (x, 0)：a₁ 还是一个数吗？",
    "st.fig.underflow": "Logits (−x, −x, −x)：a₁ 还是一个数吗？",
    "st.fig.x.overflow": "x（对数刻度）",
    "st.fig.x.underflow": "x（对数刻度）；每个 logit 都是 −x",
    "st.fig.finite": "正常数值",
    "st.fig.nan": "NaN",
    "st.fig.threshold.overflow": "x = {value}",
    "st.fig.threshold.underflow": "−x = {value}",
    "st.row.naive": "朴素 {dtype}",
    "st.row.stable": "减最大值 {dtype}",
    "st.sweep.caption": "虚线：上溢阈值 ln(最大数)，下溢阈值 ln(最小正数 / 2)，由 np.finfo 算出；"
    "条形是在各类型中逐点计算的结果。把鼠标悬停在图上可以看到 a₁ 的值。",
    "st.shift.intro": "把每个 logit 都减去同一个常数 c，softmax 不变：因子 $e^{-c}$ 被约掉了。"
    "正因为如此，才可以减去最大值。",
    "st.shift.formula": r"\frac{e^{z_i - c}}{\sum_k e^{z_k - c}} = "
    r"\frac{e^{-c}\, e^{z_i}}{e^{-c} \sum_k e^{z_k}} = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "st.shift.z": "Logits z（讲义中的例子：2, 3, 4）",
    "st.shift.c": "每个 logit 都减去的常数 c",
    "st.shift.row.z": "z",
    "st.shift.row.shifted": "z − c",
    "st.shift.row.a": "softmax(z)",
    "st.shift.row.a_shifted": "softmax(z − c)",
    "st.shift.row.naive": "朴素公式作用于 z − c",
    "st.shift.max_diff": "max |softmax(z) − softmax(z − c)|",
    "st.shift.same": "逐位完全相同。",
    "st.shift.overflow": "z − c 超出了 {dtype} 的表示范围（{dtype} 能表示的最大数是 {max}）："
    "它变成了 inf，这时减去最大值也无济于事。请选一个更小的 c，或者换一种更宽的浮点类型。",
    "st.shift.rounding": "不完全为 0，只是因为 z − c 在 {dtype} 中有舍入。",
    "st.shift.naive": "数学上结果没有变，朴素公式作用于 z − c 却失效了：因为它直接计算 e^(z − c)。",
    "st.fig.shift": "softmax(z) 与 softmax(z − c)（{dtype}）",
    "st.log.intro": "损失需要的是 $\\ln a_j$。如果先算出 $a_j$ 再取对数，一旦 $a_j$ 下溢成 0 就会出错："
    "$\\ln 0 = -\\infty$，损失变成无穷大。log_softmax 从不显式地算出 $a_j$：",
    "st.log.formula": r"\mathrm{log\_softmax}(z)_j = z_j - m - \ln \sum_k e^{z_k - m},"
    r"\quad m = \max_k z_k",
    "st.log.z": "Logits z",
    "st.log.y": "真实类别 j（从 1 开始计数）",
    "st.log.a_j": "a_j = softmax(z)_j",
    "st.log.log_a": "ln(softmax(z)_j)",
    "st.log.log_softmax": "log_softmax(z)_j",
    "st.log.loss_naive": "用 ln(softmax) 算的损失",
    "st.log.loss_stable": "用 log_softmax 算的损失",
    "st.log.broken": "在 {dtype} 中 a_j 下溢成了 0，所以 ln(a_j) = −∞，损失是无穷大。"
    "log_softmax 给出正确的有限损失：{loss}。",
    "st.log.fine": "这里 a_j 不是 0，所以两者一致。把 z_j 调得比其他 logit 小得多（例如 −800），"
    "就能看到 ln(softmax) 失效。",
    "st.log.pytorch": "这就是为什么 PyTorch 的 F.cross_entropy 接收 logits，并在内部使用 "
    "log_softmax：计算损失时千万不要写 torch.log(torch.softmax(z, dim=-1))。",
}
