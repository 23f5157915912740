"""Strings of the Exercises page."""

EN = {
    "exercises.title": "Exercises",
    "exercises.learn": "**What you learn here:** to compute softmax, the loss and its gradient "
    "yourself, by hand or with a calculator, the way the lecture note's worked example does.",
    "exercises.try": "**Try this:** solve the problem, press *Check*, read the hint if a number is "
    "wrong, and only then open the solution.",
    "exercises.kind": "Kind of problem",
    "exercises.kind.softmax": "Softmax",
    "exercises.kind.loss": "Cross-entropy loss",
    "exercises.kind.gradient": "Gradient a − y",
    "exercises.kind.jacobian": "One Jacobian entry",
    "exercises.kind.shift": "Max shift & float32 overflow",
    "exercises.kind.sigmoid": "Sigmoid & its derivative",
    "exercises.kind.finite_difference": "Finite-difference estimate",
    "exercises.kind.smoothing": "Label smoothing or class weight",
    "exercises.seed": "Problem number",
    "exercises.seed.help": "The same number gives everyone the same problem: a teacher's link "
    "carries the kind and this number, never your answers.",
    "exercises.new": "New problem",
    "exercises.problem": "Problem {kind} · number {seed}",
    "exercises.task.softmax": "Compute the probabilities $a = \\mathrm{{softmax}}(z)$ of the "
    "{K} classes.",
    "exercises.task.loss": "Compute the cross-entropy loss $L = -\\ln a_j$ for the true class "
    "$j = {j}$ (classes are counted from 1).",
    "exercises.task.gradient": "Compute the gradient $\\partial L / \\partial z = a - y$ for the "
    "true class $j = {j}$ ({K} numbers, classes counted from 1).",
    "exercises.task.jacobian": "Compute the Jacobian entry $\\partial a_{{{i}}} / \\partial "
    "z_{{{k}}}$ of $a = \\mathrm{{softmax}}(z)$.",
    "exercises.task.shift": "Compute the shifted logits $z - m$ with $m = \\max_k z_k$. Then, for "
    "each class, say whether the naive $e^{{z_k}}$ is finite in float32: type **1** if it is, "
    "**0** if it overflows to $\\infty$.",
    "exercises.task.sigmoid": "Compute $\\sigma(x) = 1 / (1 + e^{{-x}})$ and its derivative "
    "$\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))$ at $x = {x}$.",
    "exercises.task.finite_difference": "For the loss $L(z) = -\\ln \\mathrm{{softmax}}(z)_j$ "
    "with $j = {j}$, estimate $\\partial L / \\partial z_{{{i}}}$ by the central difference "
    "$\\bigl(L(z + \\varepsilon e_{{{i}}}) - L(z - \\varepsilon e_{{{i}}})\\bigr) / (2\\varepsilon)$ "
    "with $\\varepsilon = {eps}$ (keep 5 digits in the steps: the difference cancels digits).",
    "exercises.task.smoothing": "Compute PyTorch's "
    "`cross_entropy(z, {j0}, label_smoothing={eps})` by hand: the target becomes "
    "$q = (1 - \\varepsilon)\\,y + \\varepsilon / K$ and $L = -\\sum_k q_k \\ln a_k$, true class "
    "$j = {j}$ (counted from 1; PyTorch counts from 0).",
    "exercises.task.weight": "Compute PyTorch's "
    "`cross_entropy(z, {j0}, weight=w, reduction='none')` by hand: $L = -w_j \\ln a_j$ for the "
    "true class $j = {j}$ (counted from 1; PyTorch counts from 0).",
    "exercises.tolerance": "Type each number with at least 3 significant digits: a number counts "
    "as right within 0.5 % of the exact value (or 0.0005 of it, near 0).",
    "exercises.private": "Your answers stay in this browser tab: the link holds only the kind and "
    "the problem number.",
    "exercises.part.a": "a = softmax(z): {K} numbers",
    "exercises.part.loss": "L: one number",
    "exercises.part.grad": "∂L/∂z = a − y: {K} numbers",
    "exercises.part.entry": "∂a{i}/∂z{k}: one number",
    "exercises.part.shifted": "z − m: {K} numbers",
    "exercises.part.finite": "Is e^z finite in float32? {K} numbers, 1 or 0",
    "exercises.part.sigma": "σ(x): one number",
    "exercises.part.slope": "σ′(x): one number",
    "exercises.part.estimate": "The central-difference estimate: one number",
    "exercises.part.help": "Separate numbers by commas, spaces or semicolons (，、； work too).",
    "exercises.error.count": "Type {expected} numbers here, one per box entry: you typed {count}.",
    "exercises.check": "Check",
    "exercises.solution.show": "Show the solution",
    "exercises.solution.hide": "Hide the solution",
    "exercises.result.solved": "All right: solved.",
    "exercises.result.wrong": "{wrong} of {total} numbers are not right yet.",
    "exercises.hint": "**Hint:** {text}",
    "exercises.hint.not_normalised": "You did not divide by the sum: softmax is $e^{{z_k}}$ "
    "divided by $\\sum_i e^{{z_i}}$, so that the probabilities add up to 1.",
    "exercises.hint.exp_minus": "Check the sign in the exponent: it is $e^{{+z_k}}$, the largest "
    "logit gets the largest probability.",
    "exercises.hint.no_exp": "You divided the logits by their sum: take $e^{{z_k}}$ first.",
    "exercises.hint.sum_not_one": "Your numbers add up to {total}; probabilities add up to 1.",
    "exercises.hint.minus": "You forgot the minus sign: $L = -\\ln a_j$ is never negative.",
    "exercises.hint.from_zero": "You used class {used} instead of class {j}: here classes are "
    "counted from 1, so class {j} is the {j}-th number (counting from 0 gives the next one).",
    "exercises.hint.wrong_class": "You used class {used}; the true class is $j = {j}$.",
    "exercises.hint.log10": "You used $\\log_{{10}}$: the loss uses the natural logarithm "
    "$\\ln$ (the `ln` key, not `log`).",
    "exercises.hint.log2": "You used $\\log_2$: the loss uses the natural logarithm $\\ln$.",
    "exercises.hint.sign": "Check the sign: your numbers have the right size but the opposite sign.",
    "exercises.hint.forgot_y": "You gave $a$: subtract the one-hot target $y$ (1 at the true class, "
    "0 elsewhere).",
    "exercises.hint.forgot_factor": "You gave $a_{{{i}}}$: on the diagonal the entry is "
    "$a_{{{i}}}(1 - a_{{{i}}})$.",
    "exercises.hint.used_off_diagonal": "Here $i = k = {i}$: use the diagonal case "
    "$a_i(1 - a_i)$, not $-a_i a_k$.",
    "exercises.hint.forgot_minus": "You forgot the minus sign: off the diagonal the entry is "
    "$-a_{{{i}}} a_{{{k}}}$.",
    "exercises.hint.used_diagonal": "Here $i = {i} \\ne k = {k}$: use $-a_i a_k$, not the "
    "diagonal case $a_i(1 - a_i)$.",
    "exercises.hint.from_zero_entry": "You took the entry one row and one column further: classes "
    "are counted from 1 here.",
    "exercises.hint.shift_sign": "It is $z - m$, not $m - z$: every shifted logit is $\\le 0$.",
    "exercises.hint.shift_min": "Subtract the largest logit $m = \\max_k z_k$, not the smallest.",
    "exercises.hint.not_shifted": "You did not subtract $m = \\max_k z_k$.",
    "exercises.hint.flipped": "1 and 0 are swapped: type 1 where $e^{{z_k}}$ is finite, 0 where "
    "it overflows.",
    "exercises.hint.shifted_is_finite": "That holds for $e^{{z_k - m}}$ (all $\\le 1$); the "
    "question is about the naive $e^{{z_k}}$, before the shift.",
    "exercises.hint.overflow_rule": "In float32, $e^{{z}}$ overflows once "
    "$z > \\ln(3.4 \\times 10^{{38}}) \\approx 88.72$.",
    "exercises.hint.sigmoid_sign": "You computed $\\sigma(-x)$: the exponent is $e^{{-x}}$.",
    "exercises.hint.exp_only": "You gave $e^{{-x}}$: then add 1 and take the reciprocal.",
    "exercises.hint.forgot_factor_sigma": "You gave $\\sigma(x)$: multiply by $1 - \\sigma(x)$.",
    "exercises.hint.used_x": "Use $\\sigma(x)$ in $\\sigma(1 - \\sigma)$, not $x$ itself.",
    "exercises.hint.follow_through": "Your $\\sigma'$ is right for your $\\sigma$: fix "
    "$\\sigma(x)$ first.",
    "exercises.hint.two_eps": "Divide by $2\\varepsilon$, the distance between the two points, "
    "not by $\\varepsilon$.",
    "exercises.hint.one_sided": "That is the one-sided difference $(L(z + \\varepsilon e_{{{i}}}) "
    "- L(z)) / \\varepsilon$: use the central one, through $z - \\varepsilon e_{{{i}}}$.",
    "exercises.hint.exact": "That is the exact derivative $a_{{{i}}} - y_{{{i}}}$: the question "
    "asks for the estimate with this $\\varepsilon$, which differs from it.",
    "exercises.hint.forgot_smoothing": "That is the plain loss $-\\ln a_{{{j}}}$: with label "
    "smoothing every class gets $\\varepsilon / K$ of the target.",
    "exercises.hint.smoothing_k_minus_1": "You spread $\\varepsilon$ over the other classes "
    "($\\varepsilon/(K-1)$ each); PyTorch spreads it over all $K = {K}$, the true class included.",
    "exercises.hint.smoothing_forgot_uniform": "You kept $(1 - \\varepsilon)(-\\ln a_j)$ only: add "
    "$-\\frac{{\\varepsilon}}{{K}} \\sum_k \\ln a_k$.",
    "exercises.hint.forgot_weight": "That is the unweighted loss $-\\ln a_{{{j}}}$: multiply by "
    "the true class's weight $w_{{{j}}}$.",
    "exercises.hint.divided_weight": "Multiply by $w_{{{j}}}$, do not divide.",
    "exercises.hint.wrong_weight": "You used the weight of class {used}; take $w_{{{j}}}$, the "
    "weight of the true class.",
    "exercises.steps": "The solution, step by step",
    "exercises.step.softmax": "Exponentiate each logit, add them up, divide each by the sum:",
    "exercises.step.probabilities": "First the probabilities $a = \\mathrm{{softmax}}(z)$:",
    "exercises.step.loss": "The loss is minus the log-probability of the true class $j = {j}$:",
    "exercises.step.gradient": "The one-hot target $y$ has its 1 at $j = {j}$; the gradient is "
    "$a - y$:",
    "exercises.step.jacobian": "The Jacobian of softmax is $J_{{ik}} = a_i(\\delta_{{ik}} - a_k)$; "
    "here $i = {i}$, $k = {k}$:",
    "exercises.step.shift": "Subtract the largest logit; then compare each $z_k$ with the largest "
    "exponent float32 can take, $\\ln(3.4 \\times 10^{{38}}) \\approx 88.72$:",
    "exercises.step.sigmoid": "Put $x$ into the formula, then reuse $\\sigma(x)$ for the "
    "derivative:",
    "exercises.step.finite_difference": "Move $z_{{{i}}}$ by $\\pm\\varepsilon$, compute the loss "
    "at both points, divide their difference by $2\\varepsilon$:",
    "exercises.step.compare": "The exact derivative $a_{{{i}}} - y_{{{i}}}$ is {exact}: the "
    "estimate differs by {difference} (the error shrinks like $\\varepsilon^2$).",
    "exercises.step.smoothing": "The smoothed target, then the loss against it:",
    "exercises.step.weight": "The loss of the true class, times its weight (no mean: "
    "`reduction='none'`):",
    "exercises.link.playground": "Open the Playground with these numbers",
    "exercises.link.derivation": "Open the Derivation page with these numbers",
    "exercises.link.stability": "Open the Numerical stability page with these numbers",
    "exercises.link.binary": "Open the Sigmoid page with this x",
    "exercises.link.batch": "Open the Batches page with this example",
    "exercises.progress": "Your progress in this session",
    "exercises.progress.none": "Nothing checked yet: your record starts with your first *Check*.",
    "exercises.progress.summary": "Solved {solved} of {tried} problems tried.",
    "exercises.col.kind": "Kind",
    "exercises.col.seed": "Problem number",
    "exercises.col.solved": "Solved",
    "exercises.col.tried": "Tried",
    "exercises.col.attempts": "Checks",
    "exercises.col.solution": "Solution seen",
    "exercises.yes": "yes",
    "exercises.no": "no",
}

ZH = {
    "exercises.title": "练习",
    "exercises.learn": "**你将学到：** 像讲义中的例题那样，亲手（或用计算器）算出 softmax、"
    "损失和它的梯度。",
    "exercises.try": "**试试看：** 先解题，按 *检查*；如果有数不对，读提示；最后再打开解答。",
    "exercises.kind": "题型",
    "exercises.kind.softmax": "Softmax",
    "exercises.kind.loss": "交叉熵损失",
    "exercises.kind.gradient": "梯度 a − y",
    "exercises.kind.jacobian": "雅可比矩阵的一个元素",
    "exercises.kind.shift": "减去最大值与 float32 溢出",
    "exercises.kind.sigmoid": "Sigmoid 及其导数",
    "exercises.kind.finite_difference": "有限差分估计",
    "exercises.kind.smoothing": "标签平滑或类别权重",
    "exercises.seed": "题号",
    "exercises.seed.help": "同一个题号给每个人同一道题：老师的链接只包含题型和这个题号，"
    "绝不包含你的答案。",
    "exercises.new": "换一道题",
    "exercises.problem": "题目：{kind} · 第 {seed} 号",
    "exercises.task.softmax": "计算这 {K} 个类别的概率 $a = \\mathrm{{softmax}}(z)$。",
    "exercises.task.loss": "计算真实类别 $j = {j}$ 的交叉熵损失 $L = -\\ln a_j$（类别从 1 开始数）。",
    "exercises.task.gradient": "对真实类别 $j = {j}$，计算梯度 $\\partial L / \\partial z = a - y$"
    "（{K} 个数，类别从 1 开始数）。",
    "exercises.task.jacobian": "计算 $a = \\mathrm{{softmax}}(z)$ 的雅可比矩阵元素 "
    "$\\partial a_{{{i}}} / \\partial z_{{{k}}}$。",
    "exercises.task.shift": "计算减去最大值后的 logits $z - m$，其中 $m = \\max_k z_k$。然后对每个"
    "类别判断：直接计算的 $e^{{z_k}}$ 在 float32 中是否有限？有限输入 **1**，溢出为 $\\infty$ 输入 **0**。",
    "exercises.task.sigmoid": "计算 $x = {x}$ 处的 $\\sigma(x) = 1 / (1 + e^{{-x}})$ 及其导数 "
    "$\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))$。",
    "exercises.task.finite_difference": "对损失 $L(z) = -\\ln \\mathrm{{softmax}}(z)_j$"
    "（$j = {j}$），用中心差分 "
    "$\\bigl(L(z + \\varepsilon e_{{{i}}}) - L(z - \\varepsilon e_{{{i}}})\\bigr) / (2\\varepsilon)$"
    "（$\\varepsilon = {eps}$）估计 $\\partial L / \\partial z_{{{i}}}$"
    "（中间步骤请保留 5 位数字：相减会抵消掉有效数字）。",
    "exercises.task.smoothing": "手算 PyTorch 的 `cross_entropy(z, {j0}, label_smoothing={eps})`："
    "目标变为 $q = (1 - \\varepsilon)\\,y + \\varepsilon / K$，"
    "$L = -\\sum_k q_k \\ln a_k$，真实类别 $j = {j}$（从 1 开始数；PyTorch 从 0 开始数）。",
    "exercises.task.weight": "手算 PyTorch 的 "
    "`cross_entropy(z, {j0}, weight=w, reduction='none')`：对真实类别 $j = {j}$，"
    "$L = -w_j \\ln a_j$（从 1 开始数；PyTorch 从 0 开始数）。",
    "exercises.tolerance": "每个数至少写 3 位有效数字：与精确值相差不超过 0.5 %"
    "（接近 0 时不超过 0.0005）即算正确。",
    "exercises.private": "你的答案只留在这个浏览器标签页里：链接只包含题型和题号。",
    "exercises.part.a": "a = softmax(z)：{K} 个数",
    "exercises.part.loss": "L：一个数",
    "exercises.part.grad": "∂L/∂z = a − y：{K} 个数",
    "exercises.part.entry": "∂a{i}/∂z{k}：一个数",
    "exercises.part.shifted": "z − m：{K} 个数",
    "exercises.part.finite": "e^z 在 float32 中有限吗？{K} 个数，1 或 0",
    "exercises.part.sigma": "σ(x)：一个数",
    "exercises.part.slope": "σ′(x)：一个数",
    "exercises.part.estimate": "中心差分的估计值：一个数",
    "exercises.part.help": "数与数之间用逗号、空格或分号分隔（，、； 也可以）。",
    "exercises.error.count": "这里要输入 {expected} 个数，你输入了 {count} 个。",
    "exercises.check": "检查",
    "exercises.solution.show": "显示解答",
    "exercises.solution.hide": "隐藏解答",
    "exercises.result.solved": "全部正确：已解出。",
    "exercises.result.wrong": "{total} 个数中还有 {wrong} 个不对。",
    "exercises.hint": "**提示：** {text}",
    "exercises.hint.not_normalised": "你没有除以总和：softmax 是 $e^{{z_k}}$ 除以 "
    "$\\sum_i e^{{z_i}}$，这样概率之和才是 1。",
    "exercises.hint.exp_minus": "检查指数的符号：是 $e^{{+z_k}}$，最大的 logit 得到最大的概率。",
    "exercises.hint.no_exp": "你把 logits 直接除以它们的和：要先取 $e^{{z_k}}$。",
    "exercises.hint.sum_not_one": "你的数之和是 {total}；概率之和应为 1。",
    "exercises.hint.minus": "你忘了负号：$L = -\\ln a_j$ 永远不会是负数。",
    "exercises.hint.from_zero": "你用了类别 {used} 而不是类别 {j}：这里类别从 1 开始数，类别 {j} "
    "是第 {j} 个数（从 0 开始数会取到下一个）。",
    "exercises.hint.wrong_class": "你用了类别 {used}；真实类别是 $j = {j}$。",
    "exercises.hint.log10": "你用了 $\\log_{{10}}$：损失用的是自然对数 $\\ln$（计算器上的 `ln` 键，"
    "不是 `log`）。",
    "exercises.hint.log2": "你用了 $\\log_2$：损失用的是自然对数 $\\ln$。",
    "exercises.hint.sign": "检查符号：你的数大小对了，但符号相反。",
    "exercises.hint.forgot_y": "你给出的是 $a$：还要减去 one-hot 目标 $y$（真实类别处为 1，其余为 0）。",
    "exercises.hint.forgot_factor": "你给出的是 $a_{{{i}}}$：对角线上的元素是 "
    "$a_{{{i}}}(1 - a_{{{i}}})$。",
    "exercises.hint.used_off_diagonal": "这里 $i = k = {i}$：要用对角线的情形 $a_i(1 - a_i)$，"
    "而不是 $-a_i a_k$。",
    "exercises.hint.forgot_minus": "你忘了负号：非对角线元素是 $-a_{{{i}}} a_{{{k}}}$。",
    "exercises.hint.used_diagonal": "这里 $i = {i} \\ne k = {k}$：要用 $-a_i a_k$，而不是对角线的 "
    "$a_i(1 - a_i)$。",
    "exercises.hint.from_zero_entry": "你取的元素多偏了一行一列：这里类别从 1 开始数。",
    "exercises.hint.shift_sign": "是 $z - m$，不是 $m - z$：减去最大值后每个 logit 都 $\\le 0$。",
    "exercises.hint.shift_min": "要减去最大的 logit $m = \\max_k z_k$，而不是最小的。",
    "exercises.hint.not_shifted": "你没有减去 $m = \\max_k z_k$。",
    "exercises.hint.flipped": "1 和 0 弄反了：$e^{{z_k}}$ 有限时输入 1，溢出时输入 0。",
    "exercises.hint.shifted_is_finite": "这对 $e^{{z_k - m}}$ 成立（都 $\\le 1$）；"
    "题目问的是减去最大值之前直接计算的 $e^{{z_k}}$。",
    "exercises.hint.overflow_rule": "在 float32 中，当 "
    "$z > \\ln(3.4 \\times 10^{{38}}) \\approx 88.72$ 时 $e^{{z}}$ 就会溢出。",
    "exercises.hint.sigmoid_sign": "你算的是 $\\sigma(-x)$：指数是 $e^{{-x}}$。",
    "exercises.hint.exp_only": "你给出的是 $e^{{-x}}$：还要加 1 再取倒数。",
    "exercises.hint.forgot_factor_sigma": "你给出的是 $\\sigma(x)$：还要乘以 $1 - \\sigma(x)$。",
    "exercises.hint.used_x": "在 $\\sigma(1 - \\sigma)$ 中要用 $\\sigma(x)$，而不是 $x$ 本身。",
    "exercises.hint.follow_through": "对你的 $\\sigma$ 来说，你的 $\\sigma'$ 是对的：先改正 "
    "$\\sigma(x)$。",
    "exercises.hint.two_eps": "要除以两点之间的距离 $2\\varepsilon$，而不是 $\\varepsilon$。",
    "exercises.hint.one_sided": "这是单侧差分 $(L(z + \\varepsilon e_{{{i}}}) - L(z)) / "
    "\\varepsilon$：请用经过 $z - \\varepsilon e_{{{i}}}$ 的中心差分。",
    "exercises.hint.exact": "这是精确的导数 $a_{{{i}}} - y_{{{i}}}$：题目要的是用这个 "
    "$\\varepsilon$ 得到的估计值，它与精确值不同。",
    "exercises.hint.forgot_smoothing": "这是普通的损失 $-\\ln a_{{{j}}}$：标签平滑时每个类别都得到"
    "目标的 $\\varepsilon / K$。",
    "exercises.hint.smoothing_k_minus_1": "你把 $\\varepsilon$ 分给了其他类别（各 "
    "$\\varepsilon/(K-1)$）；PyTorch 把它分给全部 $K = {K}$ 个类别，包括真实类别。",
    "exercises.hint.smoothing_forgot_uniform": "你只算了 $(1 - \\varepsilon)(-\\ln a_j)$：还要加上 "
    "$-\\frac{{\\varepsilon}}{{K}} \\sum_k \\ln a_k$。",
    "exercises.hint.forgot_weight": "这是不加权的损失 $-\\ln a_{{{j}}}$：要乘以真实类别的权重 "
    "$w_{{{j}}}$。",
    "exercises.hint.divided_weight": "要乘以 $w_{{{j}}}$，不是除以。",
    "exercises.hint.wrong_weight": "你用了类别 {used} 的权重；要用真实类别的权重 $w_{{{j}}}$。",
    "exercises.steps": "解答步骤",
    "exercises.step.softmax": "对每个 logit 取指数，求和，再用每一项除以总和：",
    "exercises.step.probabilities": "先求概率 $a = \\mathrm{{softmax}}(z)$：",
    "exercises.step.loss": "损失是真实类别 $j = {j}$ 的对数概率取负：",
    "exercises.step.gradient": "one-hot 目标 $y$ 在 $j = {j}$ 处为 1；梯度是 $a - y$：",
    "exercises.step.jacobian": "softmax 的雅可比矩阵是 $J_{{ik}} = a_i(\\delta_{{ik}} - a_k)$；"
    "这里 $i = {i}$，$k = {k}$：",
    "exercises.step.shift": "减去最大的 logit；再把每个 $z_k$ 与 float32 能承受的最大指数 "
    "$\\ln(3.4 \\times 10^{{38}}) \\approx 88.72$ 比较：",
    "exercises.step.sigmoid": "把 $x$ 代入公式，再用 $\\sigma(x)$ 求导数：",
    "exercises.step.finite_difference": "把 $z_{{{i}}}$ 移动 $\\pm\\varepsilon$，分别计算两点的损失，"
    "再用它们的差除以 $2\\varepsilon$：",
    "exercises.step.compare": "精确导数 $a_{{{i}}} - y_{{{i}}}$ 是 {exact}：估计值与它相差 "
    "{difference}（误差随 $\\varepsilon^2$ 减小）。",
    "exercises.step.smoothing": "先求平滑后的目标，再求对它的损失：",
    "exercises.step.weight": "真实类别的损失乘以它的权重（不求平均：`reduction='none'`）：",
    "exercises.link.playground": "用这些数打开实验台",
    "exercises.link.derivation": "用这些数打开推导页面",
    "exercises.link.stability": "用这些数打开数值稳定性页面",
    "exercises.link.binary": "用这个 x 打开 Sigmoid 页面",
    "exercises.link.batch": "用这个例子打开批量页面",
    "exercises.progress": "本次会话的进度",
    "exercises.progress.none": "还没有检查过答案：第一次按 *检查* 后开始记录。",
    "exercises.progress.summary": "已尝试 {tried} 道题，解出 {solved} 道。",
    "exercises.col.kind": "题型",
    "exercises.col.seed": "题号",
    "exercises.col.solved": "解出",
    "exercises.col.tried": "尝试",
    "exercises.col.attempts": "检查次数",
    "exercises.col.solution": "看过解答",
    "exercises.yes": "是",
    "exercises.no": "否",
}
