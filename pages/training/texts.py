"""Strings of the Training page."""

EN = {
    "training.title": "Training: watching the gradient work",
    "training.learn": "**What you learn here:** what gradient descent does with $\\partial L/\\partial z = a - y$: "
    "it pulls the softmax output toward the target, step by step; why the loss never reaches 0 "
    "with finite logits; how label smoothing gives a finite optimum; and how the same gradient, "
    "through the chain rule, trains a real classifier.",
    "training.try": "**Try this:** press ▶ under the bars and watch the green bar climb toward 1 but "
    "never arrive; then set label smoothing to 0.1. Below, switch the data to *Rings* and turn "
    "on the extra features.",
    # Part 1: the logits themselves
    "training.logits.header": "1 · Gradient descent on the logits themselves",
    "training.logits.intro": "No model yet: the parameters being trained are the logits $z$ of one "
    "example. Each step moves them against the gradient, $z \\leftarrow z - \\eta\\,(a - q)$, "
    "where $q$ is the target.",
    "training.preset.basic": "Basic",
    "training.preset.slow": "Small steps",
    "training.preset.smoothing": "Label smoothing",
    "training.preset.confident_wrong": "Confident & wrong start",
    "training.z": "Initial logits z (commas, spaces or semicolons between numbers)",
    "training.z.help": "2 to {max} finite numbers: the starting point of gradient descent.",
    "training.y": "True class j (counting from 1)",
    "training.lr": "Learning rate η",
    "training.lr.help": "How far each step moves the logits: z ← z − η (a − q). The values are spaced "
    "on a log scale.",
    "training.steps": "Number of steps",
    "training.eps": "Label smoothing ε",
    "training.eps.help": "The target becomes q = (1 − ε) y + ε / K, as in PyTorch's "
    "F.cross_entropy(label_smoothing=ε).",
    "training.rule": "\\begin{gathered} z^{(t+1)} = z^{(t)} - \\eta\\,\\bigl(a^{(t)} - q\\bigr) "
    "\\\\ q = (1 - \\varepsilon)\\,y + \\frac{\\varepsilon}{K} \\end{gathered}",
    "training.metric.loss": "Final loss",
    "training.metric.a_j": "Final a_j",
    "training.full": "Full precision: {value}",
    "training.metric.optimum": "Best possible a_j",
    "training.metric.optimum.help": "1 − ε + ε/K: reached only in the limit when ε = 0.",
    "training.metric.norm": "Final ‖∂L/∂z‖",
    "training.fig.bars": "Softmax output a → target q",
    "training.fig.bars.frame": "step {step}: L = {loss}, ‖∂L/∂z‖ = {norm}",
    "training.fig.a": "a (softmax)",
    "training.fig.q": "q (target)",
    "training.fig.optimum": "best a_j = {value}",  # 1 − ε + ε/K: the metric's help
    "training.fig.play": "▶ Play",
    "training.fig.pause": "❚❚ Pause",
    "training.fig.step": "step ",
    "training.fig.curves": "Loss and ‖∂L/∂z‖ per step",
    "training.fig.loss": "loss L",
    "training.fig.norm": "‖∂L/∂z‖",
    "training.fig.floor": "H(q) = {value}: the lowest loss",
    "training.fig.log": "value (log scale)",
    "training.fig.steps": "step",
    "training.col.step": "step",
    "training.col.a_j": "a_j (true class j = {j})",
    "training.never_zero": "**The loss never reaches 0.** With finite logits every $a_k > 0$, so "
    "$a_j < 1$, $L = -\\ln a_j > 0$ and $\\partial L/\\partial z = a - y \\neq 0$. Both only tend "
    "to 0 in the limit, as the true logit's lead grows without end: on the log axis they keep "
    "falling, ever more slowly, and never hit the bottom. This is why, without "
    "regularisation, training keeps pushing logits apart.",
    "training.smoothing_floor": "**With label smoothing the optimum is finite.** The target "
    "$q = (1 - \\varepsilon)\\,y + \\varepsilon/K$ has no zeros, and finite logits can reach it: "
    "$a_j$ stops at $1 - \\varepsilon + \\varepsilon/K = {optimum}$, the gradient $a - q$ "
    "really goes to 0, and the loss levels off at the entropy of the target, "
    "$H(q) = {floor}$, not at 0.",
    "training.rounded_zero": "From step {step} on, the loss is smaller than the smallest float64 number "
    "and is stored as exactly 0, which a log axis cannot draw. Mathematically it is still "
    "positive.",
    "training.infinite": "From step {step} on, the loss is larger than the largest float64 number "
    "(about 1.8e308) and is stored as ∞, which the log axis cannot draw.",
    # Part 2: softmax regression
    "training.reg.header": "2 · Softmax regression on a toy data set",
    "training.reg.intro": "Now the logits come from a model: $Z = XW + b$ for points $X$ ($N \\times D$), "
    "weights $W$ ($D \\times K$) and biases $b$. The gradient with respect to the logits is "
    "the same $a - y$ as above (averaged over the $N$ points); the chain rule carries it to the "
    "weights. Full-batch gradient descent from $W = 0$, $b = 0$.",
    "training.reg.rule": "\\begin{gathered} \\frac{\\partial L}{\\partial W} = \\frac{1}{N}\\,X^\\top (A - Y) "
    "\\\\ \\frac{\\partial L}{\\partial b} = \\frac{1}{N}\\sum_{n=1}^{N} (a_n - y_n) \\end{gathered}",
    "training.data": "Data set",
    "training.data.blobs": "Blobs",
    "training.data.moons": "Moons",
    "training.data.rings": "Rings",
    "training.data.spirals": "Spirals",
    "training.k": "Number of classes K",
    "training.n": "Points per class",
    "training.noise": "Noise",
    "training.noise.help": "Standard deviation of the random jitter added to every point.",
    "training.seed": "Seed",
    "training.seed.help": "The same seed always gives the same points.",
    "training.quad": "Add the features x², y², xy",
    "training.quad.help": "The model then sees (x, y, x², y², xy): its boundaries can be circles, "
    "ellipses and parabolas instead of straight lines.",
    "training.rlr": "Learning rate η",
    "training.rsteps": "Number of steps",
    "training.reg.metric.loss": "Final mean loss",
    "training.reg.metric.start": "Loss at step 0 (ln K)",
    "training.reg.metric.accuracy": "Training accuracy",
    "training.fig.regions": "Decision regions (argmax class)",
    "training.fig.regions.frame": "step {step}: L = {loss}, accuracy {accuracy}",
    "training.fig.x1": "x",
    "training.fig.x2": "y",
    "training.fig.fit": "Training loss and accuracy",
    "training.fig.mean_loss": "mean loss L",
    "training.fig.accuracy": "accuracy",
    "training.reg.too_fast": "The loss ended higher than it started: with this learning rate each "
    "step overshoots the valley. Try a smaller η.",
    "training.reg.note.linear": "Softmax regression draws straight boundaries between the classes "
    "(each pair of classes is split where their two logits are equal, a line).",
    "training.reg.note.quadratic": "With the extra features the boundaries may curve: a line in "
    "(x, y, x², y², xy) is a conic section in the plane.",
    "training.reg.note.rings": "Rings cannot be split by straight lines; with x² and y² the model "
    "can use the radius, and the rings become separable (give it a larger learning rate or "
    "more steps).",
    "training.reg.note.spirals": "Spirals defeat both straight lines and conic sections: separating "
    "them needs many more features, or a neural network that learns its own.",
}

ZH = {
    "training.title": "训练：看梯度如何起作用",
    "training.learn": "**你将学到：** 梯度下降如何利用 $\\partial L/\\partial z = a - y$，一步一步把 "
    "softmax 输出拉向目标；为什么 logits 有限时损失永远到不了 0；标签平滑如何带来有限的最优点；"
    "以及同一个梯度如何通过链式法则训练一个真正的分类器。",
    "training.try": "**试一试：** 点击条形图下方的 ▶，看绿色条形不断逼近 1 却始终达不到；再把标签平滑设为 "
    "0.1。在下方把数据集换成“圆环”，并打开额外特征。",
    "training.logits.header": "1 · 直接对 logits 做梯度下降",
    "training.logits.intro": "这里还没有模型：被训练的参数就是一个样本的 logits $z$。每一步都沿梯度的反方向"
    "移动它们：$z \\leftarrow z - \\eta\\,(a - q)$，其中 $q$ 是目标。",
    "training.preset.basic": "基础",
    "training.preset.slow": "小步长",
    "training.preset.smoothing": "标签平滑",
    "training.preset.confident_wrong": "从自信的错误出发",
    "training.z": "初始 logits z（数字之间用逗号、空格或分号分隔）",
    "training.z.help": "2 到 {max} 个有限的数：梯度下降的起点。",
    "training.y": "真实类别 j（从 1 开始计数）",
    "training.lr": "学习率 η",
    "training.lr.help": "每一步移动 logits 的幅度：z ← z − η (a − q)。可选值按对数刻度排列。",
    "training.steps": "步数",
    "training.eps": "标签平滑 ε",
    "training.eps.help": "目标变为 q = (1 − ε) y + ε / K，与 PyTorch 的 "
    "F.cross_entropy(label_smoothing=ε) 相同。",
    "training.rule": "\\begin{gathered} z^{(t+1)} = z^{(t)} - \\eta\\,\\bigl(a^{(t)} - q\\bigr) "
    "\\\\ q = (1 - \\varepsilon)\\,y + \\frac{\\varepsilon}{K} \\end{gathered}",
    "training.metric.loss": "最终损失",
    "training.metric.a_j": "最终 a_j",
    "training.full": "完整精度：{value}",
    "training.metric.optimum": "a_j 的最优值",
    "training.metric.optimum.help": "1 − ε + ε/K：当 ε = 0 时只能在极限中达到。",
    "training.metric.norm": "最终 ‖∂L/∂z‖",
    "training.fig.bars": "Softmax 输出 a → 目标 q",
    "training.fig.bars.frame": "第 {step} 步：L = {loss}，‖∂L/∂z‖ = {norm}",
    "training.fig.a": "a（softmax）",
    "training.fig.q": "q（目标）",
    "training.fig.optimum": "a_j 最优值 = {value}",
    "training.fig.play": "▶ 播放",
    "training.fig.pause": "❚❚ 暂停",
    "training.fig.step": "步数 ",
    "training.fig.curves": "每一步的损失与 ‖∂L/∂z‖",
    "training.fig.loss": "损失 L",
    "training.fig.norm": "‖∂L/∂z‖",
    "training.fig.floor": "H(q) = {value}：最小损失",
    "training.fig.log": "数值（对数刻度）",
    "training.fig.steps": "步数",
    "training.col.step": "步",
    "training.col.a_j": "a_j（真实类别 j = {j}）",
    "training.never_zero": "**损失永远到不了 0。** logits 有限时每个 $a_k > 0$，所以 $a_j < 1$，"
    "$L = -\\ln a_j > 0$，且 $\\partial L/\\partial z = a - y \\neq 0$。两者只在极限中趋于 0，"
    "即真实类别的 logit 领先得越来越多、没有尽头——在对数坐标上它们一直下降、越来越慢，"
    "却永远碰不到底。这也是为什么在没有正则化时，训练会不断把 logits 推开。",
    "training.smoothing_floor": "**有了标签平滑，最优点是有限的。** 目标 "
    "$q = (1 - \\varepsilon)\\,y + \\varepsilon/K$ 中没有 0，有限的 logits 可以达到它："
    "$a_j$ 停在 $1 - \\varepsilon + \\varepsilon/K = {optimum}$，梯度 $a - q$ 真正趋于 0，"
    "损失则稳定在目标的熵 $H(q) = {floor}$，而不是 0。",
    "training.rounded_zero": "从第 {step} 步起，损失小于 float64 能表示的最小数，被存成了恰好 0，"
    "对数坐标无法画出。从数学上说它仍然是正数。",
    "training.infinite": "从第 {step} 步起，损失大于 float64 能表示的最大数（约 1.8e308），被存成了 ∞，"
    "对数坐标无法画出。",
    "training.reg.header": "2 · 在玩具数据集上做 softmax 回归",
    "training.reg.intro": "现在 logits 来自一个模型：$Z = XW + b$，其中 $X$ 是数据点（$N \\times D$），"
    "$W$ 是权重（$D \\times K$），$b$ 是偏置。损失对 logits 的梯度与上面相同，仍是 $a - y$"
    "（对 $N$ 个点取平均）；链式法则再把它传到权重上。从 $W = 0$、$b = 0$ 开始做全批量梯度下降。",
    "training.reg.rule": "\\begin{gathered} \\frac{\\partial L}{\\partial W} = \\frac{1}{N}\\,X^\\top (A - Y) "
    "\\\\ \\frac{\\partial L}{\\partial b} = \\frac{1}{N}\\sum_{n=1}^{N} (a_n - y_n) \\end{gathered}",
    "training.data": "数据集",
    "training.data.blobs": "团簇",
    "training.data.moons": "月牙",
    "training.data.rings": "圆环",
    "training.data.spirals": "螺旋",
    "training.k": "类别数 K",
    "training.n": "每类的点数",
    "training.noise": "噪声",
    "training.noise.help": "加到每个点上的随机扰动的标准差。",
    "training.seed": "随机种子",
    "training.seed.help": "同一个种子总是生成同样的点。",
    "training.quad": "加入特征 x²、y²、xy",
    "training.quad.help": "模型看到的输入变为 (x, y, x², y², xy)：分界线可以是圆、椭圆和抛物线，"
    "而不只是直线。",
    "training.rlr": "学习率 η",
    "training.rsteps": "步数",
    "training.reg.metric.loss": "最终平均损失",
    "training.reg.metric.start": "第 0 步的损失（ln K）",
    "training.reg.metric.accuracy": "训练准确率",
    "training.fig.regions": "决策区域（argmax 类别）",
    "training.fig.regions.frame": "第 {step} 步：L = {loss}，准确率 {accuracy}",
    "training.fig.x1": "x",
    "training.fig.x2": "y",
    "training.fig.fit": "每一步的训练损失与准确率",
    "training.fig.mean_loss": "平均损失 L",
    "training.fig.accuracy": "准确率",
    "training.reg.too_fast": "损失最后比开始时还高：在这个学习率下，每一步都越过了谷底。请试试更小的 η。",
    "training.reg.note.linear": "Softmax 回归在类别之间画出直线分界（任意两个类别在它们的 logits "
    "相等处被分开，那是一条直线）。",
    "training.reg.note.quadratic": "加入额外特征后，分界线可以弯曲：在 (x, y, x², y², xy) "
    "空间中的一条直线，在平面上是一条圆锥曲线。",
    "training.reg.note.rings": "圆环无法用直线分开；有了 x² 和 y²，模型就能利用半径，圆环变得可分"
    "（可以调大学习率或增加步数）。",
    "training.reg.note.spirals": "螺旋既不能用直线分开，也不能用圆锥曲线分开：要分开它们需要多得多的特征，"
    "或者一个能自己学习特征的神经网络。",
}
