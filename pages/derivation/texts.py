"""Strings of the derivation page (gradient, Jacobian, gradient check, sigmoid)."""

EN = {
    "derivation.title": "Gradient & derivation: why ∂L/∂z = a − y",
    "derivation.learn": "**What you learn here:** the chain rule that turns $L = -\\ln a_j$ into the "
    "gradient $a - y$, step by step with your own numbers; the softmax Jacobian; how to check a "
    "gradient with finite differences, and why the step size matters; why a two-class softmax is "
    "a sigmoid.",
    "derivation.try": "**Try this:** press *Lecture note example* and follow the numbers down the first "
    "tab. Then type `1000, 0` with true class 2: $a_2$ rounds to 0, $-1/a_2$ cannot be computed, "
    "yet $a - y$ is still exact.",
    "derivation.shared": "The same example as on the Playground: what you change here changes there too.",
    "derivation.lecture": "Lecture note example",
    "derivation.lecture.help": "a = (0.1, 0.1, 0.1, 0.2, 0.5) with true class j = 4, typed as the logits "
    "z = ln a.",
    "derivation.z": "Logits z",
    "derivation.z.help": "Numbers separated by commas, spaces or semicolons. `-inf` masks a class.",
    "derivation.y": "True class j (from 1)",
    "derivation.T": "Temperature T",
    "derivation.T.help": "a = softmax(z / T). Any T other than 1 adds a factor 1/T to the gradient.",
    "derivation.top": "{total} classes: vectors show {shown} of them (the most probable ones and the "
    "true class); … stands for the others.",
    "derivation.tab.chain": "① Chain rule",
    "derivation.tab.jacobian": "② Softmax Jacobian",
    "derivation.tab.check": "③ Gradient check",
    "derivation.tab.sigmoid": "④ Two classes = sigmoid",
    # 1. The chain rule
    "derivation.step.forward": "**1. Forward pass.** Softmax turns the logits into probabilities $a$; "
    "the target $y$ is one-hot at the true class $j = {j}$.",
    "derivation.step.forward_T": "**1. Forward pass.** The logits are first divided by the temperature, "
    "$u = z / T$; softmax turns $u$ into probabilities $a$; the target $y$ is one-hot at the true "
    "class $j = {j}$.",
    "derivation.step.loss": "**2. The loss.** Every $y_k$ is 0 except $y_j = 1$, so only one term of the "
    "sum survives:",
    "derivation.loss.underflow": "$a_{j}$ is 0 in floating point (it underflowed), yet the loss is "
    "finite: it is computed as $\\ln \\sum_k e^{{{u}_k}} - {u}_{j}$ (log-softmax), never as the "
    "logarithm of a rounded 0.",
    "derivation.step.chain": "**3. Chain rule.** $L$ depends on the logits only through $a_j$, so every "
    "partial derivative passes through it:",
    "derivation.step.softmax": "**4. Differentiate the softmax** with the quotient rule. Call the "
    "denominator $S$; its derivative with respect to any logit is that logit's exponential.",
    "derivation.case.same": "**Case i = j** (the true class, here $j = {j}$): the numerator depends on "
    "this logit too.",
    "derivation.case.other": "**Case i ≠ j** (every other class; worked here for $i = {i}$, the most "
    "probable of them): the numerator does not depend on this logit.",
    "derivation.zero_aj": "Here $a_{j} = 0$ in floating point (a masked class, or one that underflowed): "
    "$-1/a_{j}$ cannot be computed. On paper $a_{j}$ cancels, and $a_{j} - 1$ and $a_i$ stay "
    "exact. That is why frameworks compute $a - y$ directly (a fused softmax + cross-entropy) "
    "instead of multiplying the two factors.",
    "derivation.step.result": "**5. Together:** the case i = j gives $a_j - 1$, every other case gives "
    "$a_i$. As one vector:",
    "derivation.live": "**Drag it.** Move a logit up or down: $a$, the loss $-\\ln a_j$ and the "
    "gradient below follow the hand at once; let go, and every line above takes the new numbers.",
    "derivation.step.temperature": "**6. Temperature.** The logits were divided by $T = {T}$ first, so "
    "the chain rule adds one more factor, $\\partial u_i / \\partial z_i = 1/T$:",
    # 2. The Jacobian
    "derivation.jac.intro": "The softmax Jacobian holds every $\\partial a_i / \\partial z_k$; the "
    "derivation above used only its row $j$ (outlined in green). The diagonal is positive (raising $z_i$ raises "
    "$a_i$), every other cell is negative (raising $z_k$ takes probability away from $a_i$).",
    "derivation.fig.jacobian": "Softmax Jacobian J = ∂a/∂z",
    "derivation.fig.rows": "row i (a_i)",
    "derivation.fig.columns": "column k (z_k)",
    "derivation.jac.subset": "{total} × {total} cells are too many to read: the heatmap shows the {shown} "
    "most useful classes (the most probable and the true class). The checks below use the whole "
    "matrix.",
    "derivation.jac.symmetric": "Symmetric: max |J − Jᵀ|",
    "derivation.jac.symmetric.help": "∂a_i/∂z_k = ∂a_k/∂z_i = −a_i a_k: J equals its transpose.",
    "derivation.jac.rows": "Rows sum to 0: max |Σₖ Jᵢₖ|",
    "derivation.jac.rows.help": "Adding the same number to every logit changes no probability, so the "
    "derivative along (1, 1, …, 1) is 0.",
    "derivation.jac.chain": "Jᵀ ∂L/∂a − ∂L/∂z: max difference",
    "derivation.jac.chain.help": "Back-propagation as a matrix product: the vector–Jacobian product "
    "gives the same gradient as the simplified formula.",
    "derivation.jac.roundoff": "Values around 10⁻¹⁷ are round-off: on paper they are exactly 0.",
    "derivation.jac.backprop": "**Back-propagation in matrix form.** $\\partial L / \\partial a = -y / a$ "
    "has a single nonzero entry, $-1/a_j$; multiplying by $J^\\top$ picks row $j$ of $J$ and "
    "scales it, which gives the gradient again:",
    "derivation.jac.zero": "Here $\\partial L / \\partial a_j = -1/a_j$ is $-\\infty$ ($a_j = 0$ in "
    "floating point), so $J^\\top \\partial L / \\partial a$ is not a number (NaN); the "
    "simplified $a - y$ needs no division and stays exact.",
    # 3. The gradient check
    "derivation.check.intro": "**Is the formula right?** Move one logit at a time by $\\pm h$ and "
    "measure how the loss changes: $\\dfrac{{L(z + h e_i) - L(z - h e_i)}}{{2h}}$, with "
    "$h = \\varepsilon \\max(1, |z_i|)$ and $\\varepsilon = {eps}$ (float64).",
    "derivation.col.class": "class",
    "derivation.col.formula": "formula a − y",
    "derivation.col.formula_T": "formula (a − y) / T",
    "derivation.col.numeric": "finite differences",
    "derivation.col.difference": "|difference|",
    "derivation.col.z": "z",
    "derivation.col.a": "a = softmax(z)",
    "derivation.col.y": "y",
    "derivation.col.dl_da": "∂L/∂a",
    "derivation.col.grad": "∂L/∂z",
    "derivation.col.chain": "Jᵀ · ∂L/∂a",
    "derivation.check.error": "Relative error",
    "derivation.check.error.help": "max |formula − differences| / max(|formula| + |differences|).",
    "derivation.check.rule": "Rule of thumb: below 10⁻⁷ the gradient is right; above 10⁻² it is wrong.",
    "derivation.check.subset": "With {total} classes only {shown} are checked (the 20 most probable and "
    "the true class): each costs two loss evaluations per step.",
    "derivation.check.masked": "Masked classes (−∞) are constants, not variables: they are left out.",
    "derivation.sweep.title": "**How small should h be?** The same check for 23 steps from 10⁻¹² to "
    "10⁻¹, in float32 and in float64:",
    "derivation.fig.sweep": "Relative error of finite differences against the step ε",
    "derivation.fig.step": "step ε (relative)",
    "derivation.fig.error": "relative error",
    "derivation.fig.best": "best ε ≈ {eps}",
    "derivation.fig.truncation": "truncation error ∝ ε² →",
    "derivation.fig.roundoff": "← round-off error ∝ 1/ε",
    "derivation.sweep.explain": "Large steps suffer truncation error (the Taylor terms a central "
    "difference leaves out, ∝ ε²) and tiny steps suffer round-off (the two losses agree in "
    "almost every digit, so their difference is mostly noise, ∝ machine ε / ε), which draws a V "
    "whose bottom lies near ∛(machine ε): about 10⁻⁵ in float64, 10⁻² in float32.",
    "derivation.sweep.nan": "{dtype}: some logits do not fit in this type (they become ±∞), so it has "
    "no curve.",
    "error.masked_target": "The true class is masked (−∞): its probability is 0 and the loss is "
    "infinite for every nearby logit, so there is no gradient to check.",
    # 4. The sigmoid
    "derivation.sig.intro": "**The sigmoid** and its derivative, which is written with the sigmoid itself:",
    "derivation.sig.identity": "**A two-class softmax is a sigmoid of the logit difference:** divide "
    "the numerator and the denominator by $e^{z_2}$.",
    "derivation.pair": "Two logits z₁, z₂ (optional)",
    "derivation.pair.help": "Leave empty to use the first two logits of the example above.",
    "derivation.pair.placeholder": "empty: the example's first two logits, {z1:g} and {z2:g}",
    "error.pair_count": "Type exactly two logits, z₁ and z₂ (got {count}).",
    "derivation.sig.numbers": "With $z_1 = {z1}$ and $z_2 = {z2}$:",
    "derivation.sig.softmax": "softmax(z₁, z₂)₂",
    "derivation.sig.sigmoid": "σ(d), d = (z₂ − z₁) / T",
    "derivation.sig.sigmoid_1": "σ(d), d = z₂ − z₁",
    "derivation.sig.jacobian": "∂a₂/∂u₂ = a₂(1 − a₂)",
    "derivation.sig.jacobian_1": "∂a₂/∂z₂ = a₂(1 − a₂)",
    "derivation.sig.slope": "σ′(d)",
    "derivation.sig.difference": "Largest difference between the two sides: {value} (rounding only). "
    "The diagonal of a two-class softmax Jacobian is the sigmoid's derivative, at most 1/4.",
    "derivation.sig.masked": "The first two logits are both −∞: their softmax is not defined. Make at "
    "least one of them finite to see this comparison.",
}

ZH = {
    "derivation.title": "梯度与推导：为什么 ∂L/∂z = a − y",
    "derivation.learn": "**你将学到：** 如何用链式法则从 $L = -\\ln a_j$ 一步步推出梯度 $a - y$，"
    "每一步都代入你自己的数字；softmax 的雅可比矩阵；如何用有限差分检验梯度，以及步长为什么重要；"
    "为什么二分类的 softmax 就是 sigmoid。",
    "derivation.try": "**试一试：** 点击“讲义例题”，在第一个标签页里从上到下跟着数字走一遍。"
    "然后输入 `1000, 0` 并把真实类别设为 2：$a_2$ 被舍入为 0，$-1/a_2$ 无法计算，"
    "但 $a - y$ 依然精确。",
    "derivation.shared": "这里用的是与实验台相同的例子：在这里修改，实验台上也会一起改变。",
    "derivation.lecture": "讲义例题",
    "derivation.lecture.help": "a = (0.1, 0.1, 0.1, 0.2, 0.5)，真实类别 j = 4，以 logits z = ln a 的形式输入。",
    "derivation.z": "Logits z",
    "derivation.z.help": "数字之间用逗号、空格或分号分隔。`-inf` 表示屏蔽该类别。",
    "derivation.y": "真实类别 j（从 1 开始）",
    "derivation.T": "温度 T",
    "derivation.T.help": "a = softmax(z / T)。T 不等于 1 时，梯度会多出一个因子 1/T。",
    "derivation.top": "共 {total} 个类别：向量中只显示其中 {shown} 个（概率最大的几个和真实类别），"
    "其余的用 … 表示。",
    "derivation.tab.chain": "① 链式法则",
    "derivation.tab.jacobian": "② Softmax 雅可比矩阵",
    "derivation.tab.check": "③ 梯度检验",
    "derivation.tab.sigmoid": "④ 二分类 = sigmoid",
    # 1. 链式法则
    "derivation.step.forward": "**1. 前向计算。** softmax 把 logits 变成概率 $a$；"
    "目标 $y$ 是在真实类别 $j = {j}$ 处为 1 的独热向量。",
    "derivation.step.forward_T": "**1. 前向计算。** 先把 logits 除以温度，$u = z / T$；"
    "softmax 把 $u$ 变成概率 $a$；目标 $y$ 是在真实类别 $j = {j}$ 处为 1 的独热向量。",
    "derivation.step.loss": "**2. 损失。** 除了 $y_j = 1$，其余的 $y_k$ 都是 0，所以求和中只剩下一项：",
    "derivation.loss.underflow": "$a_{j}$ 在浮点数中为 0（发生了下溢），但损失仍然是有限的："
    "它是按 $\\ln \\sum_k e^{{{u}_k}} - {u}_{j}$（log-softmax）计算的，而不是对舍入后的 0 取对数。",
    "derivation.step.chain": "**3. 链式法则。** $L$ 只通过 $a_j$ 依赖于 logits，所以每个偏导数都要经过 $a_j$：",
    "derivation.step.softmax": "**4. 对 softmax 求导**，用商的求导法则。把分母记作 $S$；"
    "它对任一 logit 的导数就是该 logit 的指数。",
    "derivation.case.same": "**情形 i = j**（真实类别，这里 $j = {j}$）：分子也依赖于这个 logit。",
    "derivation.case.other": "**情形 i ≠ j**（其他每个类别；这里以其中概率最大的 $i = {i}$ 为例）："
    "分子不依赖于这个 logit。",
    "derivation.zero_aj": "这里 $a_{j}$ 在浮点数中为 0（类别被屏蔽，或发生了下溢）：$-1/a_{j}$ 无法计算。"
    "在纸面上 $a_{j}$ 会被约掉，$a_{j} - 1$ 和 $a_i$ 仍然精确。"
    "这正是深度学习框架直接计算 $a - y$（把 softmax 与交叉熵合并计算），"
    "而不是把两个因子相乘的原因。",
    "derivation.step.result": "**5. 合起来：** 情形 i = j 得到 $a_j - 1$，其他情形得到 $a_i$。写成一个向量：",
    "derivation.live": "**动手拖一拖。** 上下拖动一个 logit：下面的 $a$、损失 $-\\ln a_j$ 和梯度立即跟着手变；"
    "松手后，上面每一行都换成新的数字。",
    "derivation.step.temperature": "**6. 温度。** logits 先除以了 $T = {T}$，"
    "所以链式法则还要再乘一个因子 $\\partial u_i / \\partial z_i = 1/T$：",
    # 2. 雅可比矩阵
    "derivation.jac.intro": "softmax 的雅可比矩阵包含所有的 $\\partial a_i / \\partial z_k$；"
    "上面的推导只用到了它的第 $j$ 行（绿色框出）。对角线上的元素为正（增大 $z_i$ 会增大 $a_i$），"
    "其余元素都为负（增大 $z_k$ 会从 $a_i$ 那里拿走概率）。",
    "derivation.fig.jacobian": "Softmax 雅可比矩阵 J = ∂a/∂z",
    "derivation.fig.rows": "第 i 行（a_i）",
    "derivation.fig.columns": "第 k 列（z_k）",
    "derivation.jac.subset": "{total} × {total} 个格子太多，无法看清：热力图只显示最重要的 {shown} 个类别"
    "（概率最大的类别和真实类别）。下面的检验使用的是整个矩阵。",
    "derivation.jac.symmetric": "对称：max |J − Jᵀ|",
    "derivation.jac.symmetric.help": "∂a_i/∂z_k = ∂a_k/∂z_i = −a_i a_k：J 等于它的转置。",
    "derivation.jac.rows": "每行之和为 0：max |Σₖ Jᵢₖ|",
    "derivation.jac.rows.help": "给所有 logits 加上同一个数不会改变任何概率，"
    "所以沿 (1, 1, …, 1) 方向的导数为 0。",
    "derivation.jac.chain": "Jᵀ ∂L/∂a − ∂L/∂z：最大差值",
    "derivation.jac.chain.help": "矩阵形式的反向传播：向量–雅可比乘积给出的梯度与化简后的公式相同。",
    "derivation.jac.roundoff": "10⁻¹⁷ 左右的值是舍入误差：在纸面上它们恰好为 0。",
    "derivation.jac.backprop": "**矩阵形式的反向传播。** $\\partial L / \\partial a = -y / a$ "
    "只有一个非零元素 $-1/a_j$；乘以 $J^\\top$ 就是取出 $J$ 的第 $j$ 行再乘以它，"
    "于是又得到了梯度：",
    "derivation.jac.zero": "这里 $\\partial L / \\partial a_j = -1/a_j$ 为 $-\\infty$（$a_j$ 在浮点数中为 0），"
    "所以 $J^\\top \\partial L / \\partial a$ 不是一个数（NaN）；"
    "化简后的 $a - y$ 不需要做除法，仍然精确。",
    # 3. 梯度检验
    "derivation.check.intro": "**公式对吗？** 每次只把一个 logit 移动 $\\pm h$，看损失变化多少："
    "$\\dfrac{{L(z + h e_i) - L(z - h e_i)}}{{2h}}$，其中 "
    "$h = \\varepsilon \\max(1, |z_i|)$，$\\varepsilon = {eps}$（float64）。",
    "derivation.col.class": "类别",
    "derivation.col.formula": "公式 a − y",
    "derivation.col.formula_T": "公式 (a − y) / T",
    "derivation.col.numeric": "有限差分",
    "derivation.col.difference": "|差值|",
    "derivation.col.z": "z",
    "derivation.col.a": "a = softmax(z)",
    "derivation.col.y": "y",
    "derivation.col.dl_da": "∂L/∂a",
    "derivation.col.grad": "∂L/∂z",
    "derivation.col.chain": "Jᵀ · ∂L/∂a",
    "derivation.check.error": "相对误差",
    "derivation.check.error.help": "max |公式 − 差分| / max(|公式| + |差分|)。",
    "derivation.check.rule": "经验法则：低于 10⁻⁷ 说明梯度正确；高于 10⁻² 说明梯度有错。",
    "derivation.check.subset": "共 {total} 个类别，只检验其中 {shown} 个（概率最大的 20 个和真实类别）："
    "每个类别在每个步长下都要计算两次损失。",
    "derivation.check.masked": "被屏蔽的类别（−∞）是常数而不是变量：不参与检验。",
    "derivation.sweep.title": "**h 应该取多小？** 对从 10⁻¹² 到 10⁻¹ 的 23 个步长做同样的检验，"
    "分别用 float32 和 float64：",
    "derivation.fig.sweep": "有限差分的相对误差随步长 ε 的变化",
    "derivation.fig.step": "步长 ε（相对）",
    "derivation.fig.error": "相对误差",
    "derivation.fig.best": "最佳 ε ≈ {eps}",
    "derivation.fig.truncation": "截断误差 ∝ ε² →",
    "derivation.fig.roundoff": "← 舍入误差 ∝ 1/ε",
    "derivation.sweep.explain": "步长大时，截断误差占主导（中心差分舍去的泰勒项，∝ ε²）；"
    "步长很小时，舍入误差占主导（两次计算的损失几乎每一位都相同，相减后剩下的主要是噪声，"
    "∝ 机器精度 / ε）。两者合起来画出一个 V 形，谷底在 ∛(机器精度) 附近："
    "float64 约为 10⁻⁵，float32 约为 10⁻²。",
    "derivation.sweep.nan": "{dtype}：有些 logits 超出了这种类型的范围（变成了 ±∞），所以没有曲线。",
    "error.masked_target": "真实类别被屏蔽了（−∞）：它的概率为 0，附近任何 logits 的损失都是无穷大，"
    "所以没有梯度可以检验。",
    # 4. sigmoid
    "derivation.sig.intro": "**Sigmoid 函数**及其导数，导数可以用 sigmoid 本身来表示：",
    "derivation.sig.identity": "**二分类的 softmax 就是 logit 之差的 sigmoid**："
    "把分子和分母同时除以 $e^{z_2}$。",
    "derivation.pair": "两个 logits z₁、z₂（可选）",
    "derivation.pair.help": "留空则使用上面例子的前两个 logits。",
    "derivation.pair.placeholder": "留空：使用例子的前两个 logits，{z1:g} 和 {z2:g}",
    "error.pair_count": "请恰好输入两个 logits，即 z₁ 和 z₂（现在是 {count} 个）。",
    "derivation.sig.numbers": "取 $z_1 = {z1}$，$z_2 = {z2}$：",
    "derivation.sig.softmax": "softmax(z₁, z₂)₂",
    "derivation.sig.sigmoid": "σ(d)，d = (z₂ − z₁) / T",
    "derivation.sig.sigmoid_1": "σ(d)，d = z₂ − z₁",
    "derivation.sig.jacobian": "∂a₂/∂u₂ = a₂(1 − a₂)",
    "derivation.sig.jacobian_1": "∂a₂/∂z₂ = a₂(1 − a₂)",
    "derivation.sig.slope": "σ′(d)",
    "derivation.sig.difference": "两边的最大差值：{value}（只是舍入误差）。"
    "二分类 softmax 雅可比矩阵的对角元素就是 sigmoid 的导数，最大为 1/4。",
    "derivation.sig.masked": "前两个 logits 都是 −∞：它们的 softmax 没有定义。"
    "至少让其中一个为有限数，才能看到这个比较。",
}
