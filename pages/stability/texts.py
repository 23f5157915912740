"""Strings of the Numerical stability page."""

EN = {
    "stability.title": "Numerical stability: why softmax subtracts the maximum",
    "stability.learn": "**What you learn here:** why the textbook formula $e^{z_i} / \\sum_k e^{z_k}$ "
    "returns NaN for ordinary logits, in which step the NaN is born, why subtracting "
    "$m = \\max_k z_k$ fixes it without changing the answer, and why a loss uses log_softmax.",
    "stability.try": "**Try this:** click “Breaks float32” and find the purple cell where inf first "
    "appears; switch the float type to float64 and watch it disappear; then try "
    "“Breaks float64” and “Underflow 0/0”.",
    "stability.dtype": "Float type",
    "stability.dtype.help": "float16: half precision (GPUs). float32: PyTorch's default. "
    "float64: NumPy's default.",
    "stability.tab.steps": "Naive vs stable, step by step",
    "stability.tab.sweep": "Where each float type breaks",
    "stability.tab.shift": "Shift invariance",
    "stability.tab.log": "log(softmax) vs log_softmax",
    "stability.preset.fine": "Fine in every type",
    "stability.preset.float16": "Breaks float16",
    "stability.preset.float32": "Breaks float32",
    "stability.preset.float64": "Breaks float64",
    "stability.preset.underflow": "Underflow 0/0",
    "stability.preset.masked": "Masked −inf",
    "stability.z": "Logits z (up to {count} numbers)",
    "stability.z.help": "Commas, spaces or semicolons between the numbers. `-inf` masks a class.",
    "stability.z.stored": "In {dtype}, the logit {value} is too large to store (the largest {dtype} is "
    "{max}): it becomes {stored} before softmax even starts.",
    "stability.verdicts.naive": "Naive formula:",
    "stability.verdicts.stable": "Max-shifted:",
    "stability.badge.ok": "{dtype}: works",
    "stability.badge.broken": "{dtype}: {value} in {step}",
    "stability.naive.title": "Naive (textbook) formula",
    "stability.stable.title": "Max-shifted (stable) formula",
    "stability.naive.formula": r"a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "stability.stable.formula": r"a_i = \frac{e^{z_i - m}}{\sum_k e^{z_k - m}},\quad m = \max_k z_k",
    "stability.m.naive": "No shift: m = 0.",
    "stability.m.stable": "m = max z = {m}",
    "stability.col.formula": "formula",
    "stability.col.class": "class",
    "stability.col.z": "z",
    "stability.col.shifted": "z − m",
    "stability.col.exp": "e^(z − m)",
    "stability.col.a": "a = e^(z − m) / Σ",
    "stability.row.total": "Σ",
    "stability.step.z": "z",
    "stability.step.shifted": "z − m",
    "stability.step.exp": "e^(z − m)",
    "stability.step.total": "Σ",
    "stability.step.a": "a",
    "stability.verdict.fine": "No inf or NaN is born: every step holds an ordinary {dtype} number.",
    "stability.masked.note": "−inf masks class {classes} on purpose: e^(−inf) = 0 exactly, so its "
    "probability is exactly 0.",
    "stability.verdict.first": "**{value}** first appears in step **{step}**{where}.",
    "stability.verdict.where": " (class {classes})",
    "stability.cause.z.inf": "A logit is larger than {max}, the largest {dtype}: storing it already "
    "gives inf.",
    "stability.cause.z.-inf": "A logit is below −{max}, the most negative {dtype}: it is stored as "
    "−inf and acts like a masked class.",
    "stability.cause.shifted.-inf": "z − m is below −{max}, the most negative {dtype}, so it is stored "
    "as −inf. Harmless: e^(−inf) = 0, and the true value is far below the smallest {dtype}.",
    "stability.cause.exp.inf": "e^(z − m) is larger than {max}, the largest {dtype}: it overflows to inf. "
    "That happens as soon as z − m > ln({max}) = {threshold}.",
    "stability.cause.total.inf": "Each e^(z − m) is finite, but their sum passes {max}, the largest "
    "{dtype}: Σ overflows to inf, every a becomes 0, and the a's add up to {a_total}, not 1.",
    "stability.cause.a.nan": "Every e^(z − m) underflowed to 0: each is below {tiny}, the smallest "
    "positive {dtype}, which happens once z − m < {threshold}. So Σ = 0.",
    "stability.cause.other": "A value no longer fits in {dtype}.",
    "stability.nan.inf/inf": "NaN is born in step **a**: inf / inf has no value.",
    "stability.nan.0/0": "NaN is born in step **a**: 0 / 0 has no value.",
    "stability.underflow.note": "Yellow: e^(z − m) underflowed to exactly 0 (class {classes}). "
    "Harmless here: the true value is below {tiny}, the smallest positive {dtype}, and Σ ≥ 1.",
    "stability.legend": "Purple: where inf or NaN is born. Light purple: inf or NaN passed on. "
    "Yellow: a number that underflowed to exactly 0. Numbers are printed as {dtype} prints them.",
    "stability.fig.naive": "Naive a ({dtype})",
    "stability.fig.stable": "Max-shifted a ({dtype})",
    "stability.fig.a": "a",
    "stability.fig.broken": "not a number",
    "stability.sweep.intro": "Each float type has a largest number and a smallest positive one. The naive "
    "formula breaks when $e^{z}$ passes either. The shifted one only ever computes $e^{z - m}$ "
    "with $z - m \\le 0$: the largest exponential is exactly 1, so $1 \\le \\Sigma \\le K$.",
    "stability.limits.dtype": "float type",
    "stability.limits.max": "largest number",
    "stability.limits.overflow": "e^z = inf when z >",
    "stability.limits.tiny": "smallest positive number",
    "stability.limits.underflow": "e^z = 0 when z <",
    "stability.metric.overflow": "{dtype}: e^z overflows above",
    "stability.metric.underflow": "{dtype}: e^z underflows below",
    "stability.fig.overflow": "Logits (x, 0): is a₁ still a number?",
    "stability.fig.underflow": "Logits (−x, −x, −x): is a₁ still a number?",
    "stability.fig.x.overflow": "x (log scale)",
    "stability.fig.x.underflow": "x (log scale); every logit is −x",
    "stability.fig.finite": "a number",
    "stability.fig.nan": "NaN",
    "stability.fig.threshold.overflow": "x = {value}",
    "stability.fig.threshold.underflow": "−x = {value}",
    "stability.row.naive": "naive {dtype}",
    "stability.row.stable": "shifted {dtype}",
    "stability.sweep.caption": "Dashed lines: ln(largest number) for overflow, ln(smallest positive / 2) "
    "for underflow, computed from np.finfo; the bars are computed point by point in each type. "
    "Hover for the value of a₁.",
    "stability.shift.intro": "Subtracting the same constant c from every logit does not change softmax: "
    "the factor $e^{-c}$ cancels. That is why subtracting the maximum is allowed.",
    "stability.shift.formula": r"\frac{e^{z_i - c}}{\sum_k e^{z_k - c}} = "
    r"\frac{e^{-c}\, e^{z_i}}{e^{-c} \sum_k e^{z_k}} = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "stability.shift.z": "Logits z (the lecture's example: 2, 3, 4)",
    "stability.shift.c": "Constant c subtracted from every logit",
    "stability.shift.c.help": "Any number from {low} to {high}: type it, or step by 1 with + and −.",
    "stability.shift.set.zero": "c = 0",
    "stability.shift.set.zero.help": "No shift: z − c is z itself.",
    "stability.shift.set.max": "c = max z",
    "stability.shift.set.max.help": "The stable softmax's shift: c = max z = {max}, so the largest "
    "z − c is 0 and no e^(z − c) can overflow.",
    "stability.shift.set.max.outside": "max z = {max} is outside the range of c ({low} to {high}): "
    "type a c in that range.",
    "stability.shift.set.overflow": "c = {c}",
    "stability.shift.set.overflow.help": "For logits near 0, z − c is about 1000: e^(z − c) overflows "
    "even in float64 and the naive formula breaks, while softmax itself does not change.",
    "stability.shift.link_ignored": "The link's value of c was not a number from {low} to {high}, "
    "so c = {c} is used.",
    "stability.shift.row.z": "z",
    "stability.shift.row.shifted": "z − c",
    "stability.shift.row.a": "softmax(z)",
    "stability.shift.row.a_shifted": "softmax(z − c)",
    "stability.shift.row.naive": "naive formula on z − c",
    "stability.shift.max_diff": "max |softmax(z) − softmax(z − c)|",
    "stability.shift.same": "Identical to the last bit.",
    "stability.shift.overflow": "z − c does not fit in {dtype} (the largest {dtype} is {max}): it "
    "became inf, so even the shifted softmax cannot help. Pick a smaller c or a wider type.",
    "stability.shift.rounding": "Not exactly 0 only because z − c is rounded to {dtype}.",
    "stability.shift.naive": "The naive formula on z − c breaks although the math is the same: it "
    "computes e^(z − c) itself.",
    "stability.fig.shift": "softmax(z) and softmax(z − c) in {dtype}",
    "stability.log.intro": "The loss needs $\\ln a_j$. Computing $a_j$ first and then its logarithm fails "
    "when $a_j$ underflows to 0: $\\ln 0 = -\\infty$ and the loss is infinite. "
    "log_softmax never forms $a_j$:",
    "stability.log.formula": r"\mathrm{log\_softmax}(z)_j = z_j - m - \ln \sum_k e^{z_k - m},"
    r"\quad m = \max_k z_k",
    "stability.log.z": "Logits z",
    "stability.log.y": "True class j (counting from 1)",
    "stability.log.a_j": "a_j = softmax(z)_j",
    "stability.log.log_a": "ln(softmax(z)_j)",
    "stability.log.log_softmax": "log_softmax(z)_j",
    "stability.log.loss_naive": "Loss from ln(softmax)",
    "stability.log.loss_stable": "Loss from log_softmax",
    "stability.log.broken": "a_j underflowed to 0 in {dtype}, so ln(a_j) = −∞ and the loss is infinite. "
    "log_softmax gives the right, finite loss: {loss}.",
    "stability.log.fine": "Here a_j is not 0, so both agree. Make z_j much smaller than the other "
    "logits (for example −800) to see ln(softmax) break.",
    "stability.log.pytorch": "That is why PyTorch's F.cross_entropy takes logits and applies "
    "log_softmax inside: never write torch.log(torch.softmax(z, dim=-1)) for a loss.",
}

ZH = {
    "stability.title": "数值稳定性：为什么 softmax 要减去最大值",
    "stability.learn": "**你将学到：** 为什么教科书公式 $e^{z_i} / \\sum_k e^{z_k}$ 对很普通的 logits "
    "也会得到 NaN，NaN 是在哪一步产生的；为什么先减去 $m = \\max_k z_k$ 就能解决问题而结果不变；"
    "以及为什么计算损失要用 log_softmax。",
    "stability.try": "**试一试：** 点击“float32 溢出”，找到 inf 最先出现的紫色格子；把浮点类型切换到 "
    "float64，看它消失；再试试“float64 溢出”和“下溢 0/0”。",
    "stability.dtype": "浮点类型",
    "stability.dtype.help": "float16：半精度（GPU 常用）。float32：PyTorch 的默认类型。"
    "float64：NumPy 的默认类型。",
    "stability.tab.steps": "朴素公式与稳定公式，逐步对比",
    "stability.tab.sweep": "各浮点类型在哪里失效",
    "stability.tab.shift": "平移不变性",
    "stability.tab.log": "log(softmax) 与 log_softmax",
    "stability.preset.fine": "所有类型都正常",
    "stability.preset.float16": "float16 溢出",
    "stability.preset.float32": "float32 溢出",
    "stability.preset.float64": "float64 溢出",
    "stability.preset.underflow": "下溢 0/0",
    "stability.preset.masked": "屏蔽 −inf",
    "stability.z": "Logits z（最多 {count} 个数）",
    "stability.z.help": "数字之间用逗号、空格或分号分隔。`-inf` 表示屏蔽该类别。",
    "stability.z.stored": "在 {dtype} 中，logit {value} 太大，无法存储（{dtype} 能表示的最大数是 "
    "{max}）：还没开始计算 softmax，它就已经变成了 {stored}。",
    "stability.verdicts.naive": "朴素公式：",
    "stability.verdicts.stable": "减去最大值后：",
    "stability.badge.ok": "{dtype}：正常",
    "stability.badge.broken": "{dtype}：{step} 出现 {value}",
    "stability.naive.title": "朴素（教科书）公式",
    "stability.stable.title": "减去最大值（稳定）公式",
    "stability.naive.formula": r"a_i = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "stability.stable.formula": r"a_i = \frac{e^{z_i - m}}{\sum_k e^{z_k - m}},\quad m = \max_k z_k",
    "stability.m.naive": "不做平移：m = 0。",
    "stability.m.stable": "m = max z = {m}",
    "stability.col.formula": "公式",
    "stability.col.class": "类别",
    "stability.col.z": "z",
    "stability.col.shifted": "z − m",
    "stability.col.exp": "e^(z − m)",
    "stability.col.a": "a = e^(z − m) / Σ",
    "stability.row.total": "Σ",
    "stability.step.z": "z",
    "stability.step.shifted": "z − m",
    "stability.step.exp": "e^(z − m)",
    "stability.step.total": "Σ",
    "stability.step.a": "a",
    "stability.verdict.fine": "没有产生任何 inf 或 NaN：每一步都是正常的 {dtype} 数。",
    "stability.masked.note": "−inf 是有意屏蔽类别 {classes}：e^(−inf) 恰好等于 0，所以它的概率恰好是 0。",
    "stability.verdict.first": "**{value}** 最先出现在 **{step}** 这一步{where}。",
    "stability.verdict.where": "（类别 {classes}）",
    "stability.cause.z.inf": "有一个 logit 大于 {dtype} 能表示的最大数 {max}：一存储就变成了 inf。",
    "stability.cause.z.-inf": "有一个 logit 小于 {dtype} 能表示的最小负数 −{max}：它被存成 −inf，"
    "效果相当于屏蔽了这个类别。",
    "stability.cause.shifted.-inf": "z − m 小于 {dtype} 能表示的最小负数 −{max}，于是被存成 −inf。"
    "这没有危害：e^(−inf) = 0，而它的真实值本来就远小于 {dtype} 的最小正数。",
    "stability.cause.exp.inf": "e^(z − m) 大于 {dtype} 能表示的最大数 {max}：上溢成了 inf。"
    "只要 z − m > ln({max}) = {threshold}，就会这样。",
    "stability.cause.total.inf": "每个 e^(z − m) 都是有限数，但它们的和超过了 {dtype} 的最大数 {max}："
    "Σ 上溢成 inf，所有 a 都变成 0，a 的总和是 {a_total}，而不是 1。",
    "stability.cause.a.nan": "所有 e^(z − m) 都下溢成了 0：它们都小于 {dtype} 的最小正数 {tiny}，"
    "只要 z − m < {threshold} 就会这样。于是 Σ = 0。",
    "stability.cause.other": "有一个值超出了 {dtype} 的表示范围。",
    "stability.nan.inf/inf": "NaN 在 **a** 这一步产生：inf / inf 没有确定的值。",
    "stability.nan.0/0": "NaN 在 **a** 这一步产生：0 / 0 没有确定的值。",
    "stability.underflow.note": "黄色：e^(z − m) 下溢成了精确的 0（类别 {classes}）。这里没有危害："
    "它的真实值小于 {dtype} 的最小正数 {tiny}，而且 Σ ≥ 1。",
    "stability.legend": "紫色：inf 或 NaN 产生的位置。浅紫色：被传递下去的 inf 或 NaN。"
    "黄色：下溢成精确 0 的数。数字按 {dtype} 的精度显示。",
    "stability.fig.naive": "朴素公式的 a（{dtype}）",
    "stability.fig.stable": "减去最大值后的 a（{dtype}）",
    "stability.fig.a": "a",
    "stability.fig.broken": "非数值",
    "stability.sweep.intro": "每种浮点类型都有能表示的最大数和最小正数。只要 $e^{z}$ 越过其中任何一个，"
    "朴素公式就会失效。减去最大值后，只会计算 $z - m \\le 0$ 时的 $e^{z - m}$："
    "最大的指数恰好是 1，所以 $1 \\le \\Sigma \\le K$。",
    "stability.limits.dtype": "浮点类型",
    "stability.limits.max": "最大的数",
    "stability.limits.overflow": "z 大于此值时 e^z = inf",
    "stability.limits.tiny": "最小的正数",
    "stability.limits.underflow": "z 小于此值时 e^z = 0",
    "stability.metric.overflow": "{dtype}：上溢的阈值",
    "stability.metric.underflow": "{dtype}：下溢的阈值",
    "stability.fig.overflow": "Logits (x, 0)：a₁ 还是一个数吗？",
    "stability.fig.underflow": "Logits (−x, −x, −x)：a₁ 还是一个数吗？",
    "stability.fig.x.overflow": "x（对数刻度）",
    "stability.fig.x.underflow": "x（对数刻度）；每个 logit 都是 −x",
    "stability.fig.finite": "正常数值",
    "stability.fig.nan": "NaN",
    "stability.fig.threshold.overflow": "x = {value}",
    "stability.fig.threshold.underflow": "−x = {value}",
    "stability.row.naive": "朴素 {dtype}",
    "stability.row.stable": "减最大值 {dtype}",
    "stability.sweep.caption": "虚线：上溢阈值 ln(最大数)，下溢阈值 ln(最小正数 / 2)，由 np.finfo 算出；"
    "条形是在各类型中逐点计算的结果。把鼠标悬停在图上可以看到 a₁ 的值。",
    "stability.shift.intro": "把每个 logit 都减去同一个常数 c，softmax 不变：因子 $e^{-c}$ 被约掉了。"
    "正因为如此，才可以减去最大值。",
    "stability.shift.formula": r"\frac{e^{z_i - c}}{\sum_k e^{z_k - c}} = "
    r"\frac{e^{-c}\, e^{z_i}}{e^{-c} \sum_k e^{z_k}} = \frac{e^{z_i}}{\sum_k e^{z_k}}",
    "stability.shift.z": "Logits z（讲义中的例子：2, 3, 4）",
    "stability.shift.c": "每个 logit 都减去的常数 c",
    "stability.shift.c.help": "可以输入 {low} 到 {high} 之间的任意数，也可以用 + 和 − 每次改变 1。",
    "stability.shift.set.zero": "c = 0",
    "stability.shift.set.zero.help": "不平移：z − c 就是 z 本身。",
    "stability.shift.set.max": "c = max z",
    "stability.shift.set.max.help": "稳定 softmax 用的平移：c = max z = {max}，于是最大的 z − c 为 0，"
    "任何 e^(z − c) 都不会上溢。",
    "stability.shift.set.max.outside": "max z = {max} 超出了 c 的范围（{low} 到 {high}）："
    "请输入这个范围内的 c。",
    "stability.shift.set.overflow": "c = {c}",
    "stability.shift.set.overflow.help": "对于接近 0 的 logits，z − c 约为 1000：即使在 float64 中 "
    "e^(z − c) 也会上溢，朴素公式失效；softmax 本身不变。",
    "stability.shift.link_ignored": "链接中 c 的值不是 {low} 到 {high} 之间的数，因此使用 c = {c}。",
    "stability.shift.row.z": "z",
    "stability.shift.row.shifted": "z − c",
    "stability.shift.row.a": "softmax(z)",
    "stability.shift.row.a_shifted": "softmax(z − c)",
    "stability.shift.row.naive": "朴素公式作用于 z − c",
    "stability.shift.max_diff": "max |softmax(z) − softmax(z − c)|",
    "stability.shift.same": "逐位完全相同。",
    "stability.shift.overflow": "z − c 超出了 {dtype} 的表示范围（{dtype} 能表示的最大数是 {max}）："
    "它变成了 inf，这时减去最大值也无济于事。请选一个更小的 c，或者换一种更宽的浮点类型。",
    "stability.shift.rounding": "不完全为 0，只是因为 z − c 在 {dtype} 中有舍入。",
    "stability.shift.naive": "数学上结果没有变，朴素公式作用于 z − c 却失效了：因为它直接计算 e^(z − c)。",
    "stability.fig.shift": "softmax(z) 与 softmax(z − c)（{dtype}）",
    "stability.log.intro": "损失需要的是 $\\ln a_j$。如果先算出 $a_j$ 再取对数，一旦 $a_j$ 下溢成 0 就会出错："
    "$\\ln 0 = -\\infty$，损失变成无穷大。log_softmax 从不显式地算出 $a_j$：",
    "stability.log.formula": r"\mathrm{log\_softmax}(z)_j = z_j - m - \ln \sum_k e^{z_k - m},"
    r"\quad m = \max_k z_k",
    "stability.log.z": "Logits z",
    "stability.log.y": "真实类别 j（从 1 开始计数）",
    "stability.log.a_j": "a_j = softmax(z)_j",
    "stability.log.log_a": "ln(softmax(z)_j)",
    "stability.log.log_softmax": "log_softmax(z)_j",
    "stability.log.loss_naive": "用 ln(softmax) 算的损失",
    "stability.log.loss_stable": "用 log_softmax 算的损失",
    "stability.log.broken": "在 {dtype} 中 a_j 下溢成了 0，所以 ln(a_j) = −∞，损失是无穷大。"
    "log_softmax 给出正确的有限损失：{loss}。",
    "stability.log.fine": "这里 a_j 不是 0，所以两者一致。把 z_j 调得比其他 logit 小得多（例如 −800），"
    "就能看到 ln(softmax) 失效。",
    "stability.log.pytorch": "这就是为什么 PyTorch 的 F.cross_entropy 接收 logits，并在内部使用 "
    "log_softmax：计算损失时千万不要写 torch.log(torch.softmax(z, dim=-1))。",
}
