"""Strings of the derivation page (gradient, Jacobian, gradient check, sigmoid)."""

EN = {
    "dv.title": "Gradient & derivation: why ∂L/∂z = a − y",
    "dv.learn": "**What you learn here:** the chain rule that turns $L = -\\ln a_j$ into the "
    "gradient $a - y$, step by step with your own numbers; the softmax Jacobian; how to check a "
    "gradient with finite differences, and why the step size matters; why a two-class softmax is "
    "a sigmoid.",
    "dv.try": "**Try this:** press *Lecture note example* and follow the numbers down the first "
    "tab. Then type `1000, 0` with true class 2: $a_2$ rounds to 0, $-1/a_2$ cannot be computed, "
    "yet $a - y$ is still exact.",
    "dv.shared": "The same example as on the Playground: what you change here changes there too.",
    "dv.lecture": "Lecture note example",
    "dv.lecture.help": "a = (0.1, 0.1, 0.1, 0.2, 0.5) with true class j = 4, typed as the logits "
    "z = ln a.",
    "dv.z": "Logits z",
    "dv.z.help": "Numbers separated by commas, spaces or semicolons. `-inf` masks a class.",
    "dv.y": "True class j (from 1)",
    "dv.T": "Temperature T",
    "dv.T.help": "a = softmax(z / T). Any T other than 1 adds a factor 1/T to the gradient.",
    "dv.top": "{total} classes: vectors show {shown} of them (the most probable ones and the "
    "true class); … stands for the others.",
    "dv.tab.chain": "① Chain rule",
    "dv.tab.jacobian": "② Softmax Jacobian",
    "dv.tab.check": "③ Gradient check",
    "dv.tab.sigmoid": "④ Two classes = sigmoid",
    # 1. The chain rule
    "dv.step.forward": "**1. Forward pass.** Softmax turns the logits into probabilities $a$; "
    "the target $y$ is one-hot at the true class $j = {j}$.",
    "dv.step.forward_T": "**1. Forward pass.** The logits are first divided by the temperature, "
    "$u = z / T$; softmax turns $u$ into probabilities $a$; the target $y$ is one-hot at the true "
    "class $j = {j}$.",
    "dv.step.loss": "**2. The loss.** Every $y_k$ is 0 except $y_j = 1$, so only one term of the "
    "sum survives:",
    "dv.loss.underflow": "$a_{j}$ is 0 in floating point (it underflowed), yet the loss is "
    "finite: it is computed as $\\ln \\sum_k e^{{{u}_k}} - {u}_{j}$ (log-softmax), never as the "
    "logarithm of a rounded 0.",
    "dv.step.chain": "**3. Chain rule.** $L$ depends on the logits only through $a_j$, so every "
    "partial derivative passes through it:",
    "dv.step.softmax": "**4. Differentiate the softmax** with the quotient rule. Call the "
    "denominator $S$; its derivative with respect to any logit is that logit's exponential.",
    "dv.case.same": "**Case i = j** (the true class, here $j = {j}$): the numerator depends on "
    "this logit too.",
    "dv.case.other": "**Case i ≠ j** (every other class; worked here for $i = {i}$, the most "
    "probable of them): the numerator does not depend on this logit.",
    "dv.zero_aj": "Here $a_{j} = 0$ in floating point (a masked class, or one that underflowed): "
    "$-1/a_{j}$ cannot be computed. On paper $a_{j}$ cancels, and $a_{j} - 1$ and $a_i$ stay "
    "exact. That is why frameworks compute $a - y$ directly (a fused softmax + cross-entropy) "
    "instead of multiplying the two factors.",
    "dv.step.result": "**5. Together:** the case i = j gives $a_j - 1$, every other case gives "
    "$a_i$. As one vector:",
    "dv.step.temperature": "**6. Temperature.** The logits were divided by $T = {T}$ first, so "
    "the chain rule adds one more factor, $\\partial u_i / \\partial z_i = 1/T$:",
    # 2. The Jacobian
    "dv.jac.intro": "The softmax Jacobian holds every $\\partial a_i / \\partial z_k$; the "
    "derivation above used only its row $j$ (outlined in green). The diagonal is positive (raising $z_i$ raises "
    "$a_i$), every other cell is negative (raising $z_k$ takes probability away from $a_i$).",
    "dv.fig.jacobian": "Softmax Jacobian J = ∂a/∂z",
    "dv.fig.rows": "row i (a_i)",
    "dv.fig.columns": "column k (z_k)",
    "dv.jac.subset": "{total} × {total} cells are too many to read: the heatmap shows the {shown} "
    "most useful classes (the most probable and the true class). The checks below use the whole "
    "matrix.",
    "dv.jac.symmetric": "Symmetric: max |J − Jᵀ|",
    "dv.jac.symmetric.help": "∂a_i/∂z_k = ∂a_k/∂z_i = −a_i a_k: J equals its transpose.",
    "dv.jac.rows": "Rows sum to 0: max |Σₖ Jᵢₖ|",
    "dv.jac.rows.help": "Adding the same number to every logit changes no probability, so the "
    "derivative along (1, 1, …, 1) is 0.",
    "dv.jac.chain": "Jᵀ ∂L/∂a − ∂L/∂z: max difference",
    "dv.jac.chain.help": "Back-propagation as a matrix product: the vector–Jacobian product "
    "gives the same gradient as the simplified formula.",
    "dv.jac.roundoff": "Values around 10⁻¹⁷ are round-off: on paper they are exactly 0.",
    "dv.jac.backprop": "**Back-propagation in matrix form.** $\\partial L / \\partial a = -y / a$ "
    "has a single nonzero entry, $-1/a_j$; multiplying by $J^\\top$ picks row $j$ of $J$ and "
    "scales it, which gives the gradient again:",
    "dv.jac.zero": "Here $\\partial L / \\partial a_j = -1/a_j$ is $-\\infty$ ($a_j = 0$ in "
    "floating point), so $J^\\top \\partial L / \\partial a$ is not a number (NaN); the "
    "simplified $a - y$ needs no division and stays exact.",
    # 3. The gradient check
    "dv.check.intro": "**Is the formula right?** Move one logit at a time by $\\pm h$ and "
    "measure how the loss changes: $\\dfrac{{L(z + h e_i) - L(z - h e_i)}}{{2h}}$, with "
    "$h = \\varepsilon \\max(1, |z_i|)$ and $\\varepsilon = {eps}$ (float64).",
    "dv.col.class": "class",
    "dv.col.formula": "formula a − y",
    "dv.col.formula_T": "formula (a − y) / T",
    "dv.col.numeric": "finite differences",
    "dv.col.difference": "|difference|",
    "dv.col.z": "z",
    "dv.col.a": "a = softmax(z)",
    "dv.col.y": "y",
    "dv.col.dl_da": "∂L/∂a",
    "dv.col.grad": "∂L/∂z",
    "dv.col.chain": "Jᵀ · ∂L/∂a",
    "dv.check.error": "Relative error",
    "dv.check.error.help": "max |formula − differences| / max(|formula| + |differences|).",
    "dv.check.rule": "Rule of thumb: below 10⁻⁷ the gradient is right; above 10⁻² it is wrong.",
    "dv.check.subset": "With {total} classes only {shown} are checked (the 20 most probable and "
    "the true class): each costs two loss evaluations per step.",
    "dv.check.masked": "Masked classes (−∞) are constants, not variables: they are left out.",
    "dv.sweep.title": "**How small should h be?** The same check for 23 steps from 10⁻¹² to "
    "10⁻¹, in float32 and in float64:",
    "dv.fig.sweep": "Relative error of finite differences against the step ε",
    "dv.fig.step": "step ε (relative)",
    "dv.fig.error": "relative error",
    "dv.fig.best": "best ε ≈ {eps}",
    "dv.fig.truncation": "truncation error ∝ ε² →",
    "dv.fig.roundoff": "← round-off error ∝ 1/ε",
    "dv.sweep.explain": "Large steps suffer truncation error (the Taylor terms a central "
    "difference leaves out, ∝ ε²) and tiny steps suffer round-off (the two losses agree in "
    "almost every digit, so their difference is mostly noise, ∝ machine ε / ε), which draws a V "
    "whose bottom lies near ∛(machine ε): about 10⁻⁵ in float64, 10⁻² in float32.",
    "dv.sweep.nan": "{dtype}: some logits do not fit in this type (they become ±∞), so it has "
    "no curve.",
    "error.masked_target": "The true class is masked (−∞): its probability is 0 and the loss is "
    "infinite for every nearby logit, so there is no gradient to check.",
    # 4. The sigmoid
    "dv.sig.intro": "**The sigmoid** and its derivative, which is written with the sigmoid itself:",
    "dv.sig.identity": "**A two-class softmax is a sigmoid of the logit difference:** divide "
    "the numerator and the denominator by $e^{z_2}$.",
    "dv.pair": "Two logits z₁, z₂ (optional)",
    "dv.pair.help": "Leave empty to use the first two logits of the example above.",
    "dv.pair.placeholder": "empty: the example's first two logits, {z1:g} and {z2:g}",
    "error.pair_count": "Type exactly two logits, z₁ and z₂ (got {count}).",
    "dv.sig.numbers": "With $z_1 = {z1}$ and $z_2 = {z2}$:",
    "dv.sig.softmax": "softmax(z₁, z₂)₂",
    "dv.sig.sigmoid": "σ(d), d = (z₂ − z₁) / T",
    "dv.sig.sigmoid_1": "σ(d), d = z₂ − z₁",
    "dv.sig.jacobian": "∂a₂/∂u₂ = a₂(1 − a₂)",
    "dv.sig.jacobian_1": "∂a₂/∂z₂ = a₂(1 − a₂)",
    "dv.sig.slope": "σ′(d)",
    "dv.sig.difference": "Largest difference between the two sides: {value} (rounding only). "
    "The diagonal of a two-class softmax Jacobian is the sigmoid's derivative, at most 1/4.",
    "dv.sig.masked": "The first two logits are both −∞: their softmax is not defined. Make at "
    "least one of them finite to see this comparison.",
}

ZH = {
    "dv.title": "梯度与推导：为什么 ∂L/∂z = a − y",
    "dv.learn": "**你将学到：** 如何用链式法则从 $L = -\\ln a_j$ 一步步推出梯度 $a - y$，"
    "每一步都代入你自己的数字；softmax 的雅可比矩阵；如何用有限差分检验梯度，以及步长为什么重要；"
    "为什么二分类的 softmax 就是 sigmoid。",
    "dv.try": "**试一试：** 点击“讲义例题”，在第一个标签页里从上到下跟着数字走一遍。"
    "然后输入 `1000, 0` 并把真实类别设为 2：$a_2$ 被舍入为 0，$-1/a_2$ 无法计算，"
    "但 $a - y$ 依然精确。",
    "dv.shared": "这里用的是与实验台相同的例子：在这里修改，实验台上也会一起改变。",
    "dv.lecture": "讲义例题",
    "dv.lecture.help": "a = (0.1, 0.1, 0.1, 0.2, 0.5)，真实类别 j = 4，以 logits z = ln a 的形式输入。",
    "dv.z": "Logits z",
    "dv.z.help": "数字之间用逗号、空格或分号分隔。`-inf` 表示屏蔽该类别。",
    "dv.y": "真实类别 j（从 1 开始）",
    "dv.T": "温度 T",
    "dv.T.help": "a = softmax(z / T)。T 不等于 1 时，梯度会多出一个因子 1/T。",
    "dv.top": "共 {total} 个类别：向量中只显示其中 {shown} 个（概率最大的几个和真实类别），"
    "其余的用 … 表示。",
    "dv.tab.chain": "① 链式法则",
    "dv.tab.jacobian": "② Softmax 雅可比矩阵",
    "dv.tab.check": "③ 梯度检验",
    "dv.tab.sigmoid": "④ 二分类 = sigmoid",
    # 1. 链式法则
    "dv.step.forward": "**1. 前向计算。** softmax 把 logits 变成概率 $a$；"
    "目标 $y$ 是在真实类别 $j = {j}$ 处为 1 的独热向量。",
    "dv.step.forward_T": "**1. 前向计算。** 先把 logits 除以温度，$u = z / T$；"
    "softmax 把 $u$ 变成概率 $a$；目标 $y$ 是在真实类别 $j = {j}$ 处为 1 的独热向量。",
    "dv.step.loss": "**2. 损失。** 除了 $y_j = 1$，其余的 $y_k$ 都是 0，所以求和中只剩下一项：",
    "dv.loss.underflow": "$a_{j}$ 在浮点数中为 0（发生了下溢），但损失仍然是有限的："
    "它是按 $\\ln \\sum_k e^{{{u}_k}} - {u}_{j}$（log-softmax）计算的，而不是对舍入后的 0 取对数。",
    "dv.step.chain": "**3. 链式法则。** $L$ 只通过 $a_j$ 依赖于 logits，所以每个偏导数都要经过 $a_j$：",
    "dv.step.softmax": "**4. 对 softmax 求导**，用商的求导法则。把分母记作 $S$；"
    "它对任一 logit 的导数就是该 logit 的指数。",
    "dv.case.same": "**情形 i = j**（真实类别，这里 $j = {j}$）：分子也依赖于这个 logit。",
    "dv.case.other": "**情形 i ≠ j**（其他每个类别；这里以其中概率最大的 $i = {i}$ 为例）："
    "分子不依赖于这个 logit。",
    "dv.zero_aj": "这里 $a_{j}$ 在浮点数中为 0（类别被屏蔽，或发生了下溢）：$-1/a_{j}$ 无法计算。"
    "在纸面上 $a_{j}$ 会被约掉，$a_{j} - 1$ 和 $a_i$ 仍然精确。"
    "这正是深度学习框架直接计算 $a - y$（把 softmax 与交叉熵合并计算），"
    "而不是把两个因子相乘的原因。",
    "dv.step.result": "**5. 合起来：** 情形 i = j 得到 $a_j - 1$，其他情形得到 $a_i$。写成一个向量：",
    "dv.step.temperature": "**6. 温度。** logits 先除以了 $T = {T}$，"
    "所以链式法则还要再乘一个因子 $\\partial u_i / \\partial z_i = 1/T$：",
    # 2. 雅可比矩阵
    "dv.jac.intro": "softmax 的雅可比矩阵包含所有的 $\\partial a_i / \\partial z_k$；"
    "上面的推导只用到了它的第 $j$ 行（绿色框出）。对角线上的元素为正（增大 $z_i$ 会增大 $a_i$），"
    "其余元素都为负（增大 $z_k$ 会从 $a_i$ 那里拿走概率）。",
    "dv.fig.jacobian": "Softmax 雅可比矩阵 J = ∂a/∂z",
    "dv.fig.rows": "第 i 行（a_i）",
    "dv.fig.columns": "第 k 列（z_k）",
    "dv.jac.subset": "{total} × {total} 个格子太多，无法看清：热力图只显示最重要的 {shown} 个类别"
    "（概率最大的类别和真实类别）。下面的检验使用的是整个矩阵。",
    "dv.jac.symmetric": "对称：max |J − Jᵀ|",
    "dv.jac.symmetric.help": "∂a_i/∂z_k = ∂a_k/∂z_i = −a_i a_k：J 等于它的转置。",
    "dv.jac.rows": "每行之和为 0：max |Σₖ Jᵢₖ|",
    "dv.jac.rows.help": "给所有 logits 加上同一个数不会改变任何概率，"
    "所以沿 (1, 1, …, 1) 方向的导数为 0。",
    "dv.jac.chain": "Jᵀ ∂L/∂a − ∂L/∂z：最大差值",
    "dv.jac.chain.help": "矩阵形式的反向传播：向量–雅可比乘积给出的梯度与化简后的公式相同。",
    "dv.jac.roundoff": "10⁻¹⁷ 左右的值是舍入误差：在纸面上它们恰好为 0。",
    "dv.jac.backprop": "**矩阵形式的反向传播。** $\\partial L / \\partial a = -y / a$ "
    "只有一个非零元素 $-1/a_j$；乘以 $J^\\top$ 就是取出 $J$ 的第 $j$ 行再乘以它，"
    "于是又得到了梯度：",
    "dv.jac.zero": "这里 $\\partial L / \\partial a_j = -1/a_j$ 为 $-\\infty$（$a_j$ 在浮点数中为 0），"
    "所以 $J^\\top \\partial L / \\partial a$ 不是一个数（NaN）；"
    "化简后的 $a - y$ 不需要做除法，仍然精确。",
    # 3. 梯度检验
    "dv.check.intro": "**公式对吗？** 每次只把一个 logit 移动 $\\pm h$，看损失变化多少："
    "$\\dfrac{{L(z + h e_i) - L(z - h e_i)}}{{2h}}$，其中 "
    "$h = \\varepsilon \\max(1, |z_i|)$，$\\varepsilon = {eps}$（float64）。",
    "dv.col.class": "类别",
    "dv.col.formula": "公式 a − y",
    "dv.col.formula_T": "公式 (a − y) / T",
    "dv.col.numeric": "有限差分",
    "dv.col.difference": "|差值|",
    "dv.col.z": "z",
    "dv.col.a": "a = softmax(z)",
    "dv.col.y": "y",
    "dv.col.dl_da": "∂L/∂a",
    "dv.col.grad": "∂L/∂z",
    "dv.col.chain": "Jᵀ · ∂L/∂a",
    "dv.check.error": "相对误差",
    "dv.check.error.help": "max |公式 − 差分| / max(|公式| + |差分|)。",
    "dv.check.rule": "经验法则：低于 10⁻⁷ 说明梯度正确；高于 10⁻² 说明梯度有错。",
    "dv.check.subset": "共 {total} 个类别，只检验其中 {shown} 个（概率最大的 20 个和真实类别）："
    "每个类别在每个步长下都要计算两次损失。",
    "dv.check.masked": "被屏蔽的类别（−∞）是常数而不是变量：不参与检验。",
    "dv.sweep.title": "**h 应该取多小？** 对从 10⁻¹² 到 10⁻¹ 的 23 个步长做同样的检验，"
    "分别用 float32 和 float64：",
    "dv.fig.sweep": "有限差分的相对误差随步长 ε 的变化",
    "dv.fig.step": "步长 ε（相对）",
    "dv.fig.error": "相对误差",
    "dv.fig.best": "最佳 ε ≈ {eps}",
    "dv.fig.truncation": "截断误差 ∝ ε² →",
    "dv.fig.roundoff": "← 舍入误差 ∝ 1/ε",
    "dv.sweep.explain": "步长大时，截断误差占主导（中心差分舍去的泰勒项，∝ ε²）；"
    "步长很小时，舍入误差占主导（两次计算的损失几乎每一位都相同，相减后剩下的主要是噪声，"
    "∝ 机器精度 / ε）。两者合起来画出一个 V 形，谷底在 ∛(机器精度) 附近："
    "float64 约为 10⁻⁵，float32 约为 10⁻²。",
    "dv.sweep.nan": "{dtype}：有些 logits 超出了这种类型的范围（变成了 ±∞），所以没有曲线。",
    "error.masked_target": "真实类别被屏蔽了（−∞）：它的概率为 0，附近任何 logits 的损失都是无穷大，"
    "所以没有梯度可以检验。",
    # 4. sigmoid
    "dv.sig.intro": "**Sigmoid 函数**及其导数，导数可以用 sigmoid 本身来表示：",
    "dv.sig.identity": "**二分类的 softmax 就是 logit 之差的 sigmoid**："
    "把分子和分母同时除以 $e^{z_2}$。",
    "dv.pair": "两个 logits z₁、z₂（可选）",
    "dv.pair.help": "留空则使用上面例子的前两个 logits。",
    "dv.pair.placeholder": "留空：使用例子的前两个 logits，{z1:g} 和 {z2:g}",
    "error.pair_count": "请恰好输入两个 logits，即 z₁ 和 z₂（现在是 {count} 个）。",
    "dv.sig.numbers": "取 $z_1 = {z1}$，$z_2 = {z2}$：",
    "dv.sig.softmax": "softmax(z₁, z₂)₂",
    "dv.sig.sigmoid": "σ(d)，d = (z₂ − z₁) / T",
    "dv.sig.sigmoid_1": "σ(d)，d = z₂ − z₁",
    "dv.sig.jacobian": "∂a₂/∂u₂ = a₂(1 − a₂)",
    "dv.sig.jacobian_1": "∂a₂/∂z₂ = a₂(1 − a₂)",
    "dv.sig.slope": "σ′(d)",
    "dv.sig.difference": "两边的最大差值：{value}（只是舍入误差）。"
    "二分类 softmax 雅可比矩阵的对角元素就是 sigmoid 的导数，最大为 1/4。",
    "dv.sig.masked": "前两个 logits 都是 −∞：它们的 softmax 没有定义。"
    "至少让其中一个为有限数，才能看到这个比较。",
}
