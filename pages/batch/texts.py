"""Strings of the Batch page (PyTorch's options on a batch of examples)."""

from pages.batch import texts_double, texts_errors, texts_vocabulary

EN = {
    "batch.title": "Batches & PyTorch's options",
    "batch.learn": "**What you learn here:** how PyTorch's `F.cross_entropy` turns a batch of examples "
    "into one number: class weights, ignored rows, the three reductions, label smoothing and "
    "probability targets, and why the mean does not always divide by N.",
    "batch.try": "**Try this:** click *All rows ignored* and watch the mean become NaN; then "
    "*Class weights*: the mean divides by the sum of the weights of the rows kept, not by N.",
    "batch.preset.basic": "Basic batch",
    "batch.preset.weighted": "Class weights",
    "batch.preset.all_ignored": "All rows ignored",
    "batch.preset.soft": "Probability targets",
    "batch.preset.pad_token": "Ignore class 1 (padding)",
    "batch.batch": "The batch",
    "batch.tab.table": "Table",
    "batch.tab.paste": "Paste CSV",
    "batch.tab.upload": "Upload CSV",
    "batch.k": "Number of classes K",
    "batch.k.help": "Adds classes (logit 0) or removes the last ones.",
    "batch.table.help.title": "How to edit the table",
    "batch.table.help": "One row per example. **label** counts from 1 like the rest of the app; "
    "PyTorch's class index is label − 1. Leave a label empty to ignore its row (PyTorch gets "
    "`ignore_index`). Add rows at the bottom of the table; select rows to delete them.",
    "batch.table.help.soft": "One row per example: the logits z and the target probabilities q "
    "(each row of q adds up to 1).",
    "batch.col.label.editor": "label (1…K)",
    "batch.col.label.editor.help": "The true class, counting from 1. Empty: the row is ignored.",
    "batch.too_big_to_edit": "This table has {n} rows × {k} classes: too large to edit here. The "
    "first {shown} rows are shown; change the CSV and load it again to edit it.",
    "batch.paste": "CSV text",
    "batch.paste.help": "Paste the CSV (format below), then press the button.",
    "batch.load": "Load into the table",
    "batch.upload": "CSV file (at most {max_mb} MB)",
    "batch.upload.help": "A UTF-8 text file in the format below.",
    "batch.format.title": "The CSV format",
    "batch.format": "The first line names the columns; then one line per example.\n\n"
    "- `z1,z2,…,zK`: the logits (2 to {max_classes} classes; `-inf` masks a class).\n"
    "- `label`: the true class **counting from 1**, like the table (empty: the row is ignored). "
    "Or `target`: PyTorch's index **counting from 0** (`-100` or empty: ignored).\n"
    "- `q1,…,qK` instead of (or as well as) a label: probability targets, each line adding up "
    "to 1.\n\n"
    "At most {max_mb} MB and {max_rows} rows. Commas separate the cells (tabs, or semicolons, work too). "
    "Save it as UTF-8 text.",
    "batch.loaded": "Loaded {n} rows × {k} classes into the table.",
    "batch.options": "PyTorch's options",
    "batch.soft": "Probability (soft) targets",
    "batch.soft.help": "Targets are distributions q (columns q1 … qK of the table) instead of class "
    "labels: `F.cross_entropy(z, q)` with q of the logits' shape.",
    "batch.reduction": "reduction",
    "batch.reduction.help": "mean: one number, the average. sum: one number, the total. none: one "
    "loss per row.",
    "batch.use_weight": "Class weights",
    "batch.use_weight.help": "`weight=`: each class's loss is multiplied by its weight.",
    "batch.weight": "weight (one number ≥ 0 per class)",
    "batch.weight.unused": "The weights are not used until they are fixed.",
    "batch.ignore": "ignore_index (PyTorch's index, counting from 0)",
    "batch.ignore.help": "Rows whose target equals it give loss 0, gradient 0, and do not count in "
    "the mean. Empty labels always get this index.",
    "batch.ignore.class": "Index {index} is class {label} on screen: rows labelled {label} are "
    "ignored too.",
    "batch.ignore.soft": "ignore_index only applies to class labels, not to probability targets.",
    "batch.smoothing": "label_smoothing ε",
    "batch.smoothing.help": "The target becomes (1 − ε)·y + ε/K: a little probability for every class.",
    "batch.double": "Show the double-softmax mistake",
    "batch.results": "The loss, row by row",
    "batch.metric.loss": "Loss L ({reduction})",
    "batch.metric.loss.none": "one per row",
    "batch.metric.loss.help": "Full precision: {value}",
    "batch.metric.rows": "Rows N",
    "batch.metric.ignored": "Ignored rows",
    "batch.metric.denominator": "The mean divides by",
    "batch.metric.denominator.none": "—",
    "batch.row_formula": "Each row's loss, with a = softmax(z) and I the ignored rows:",
    "batch.reduce.none": '`reduction="none"`: no division; one loss per row, ignored rows 0. The '
    "gradient below is that of their sum (`loss.sum().backward()`).",
    "batch.reduce.sum": '`reduction="sum"`: the sum of the row losses, no division ({ignored} '
    "ignored rows add 0).",
    "batch.reduce.rows": "With probability targets PyTorch divides by N = {n}, the number of rows.",
    "batch.reduce.rows_weighted": "With probability targets PyTorch divides by N = {n}, **even with "
    "class weights** (with class labels it would divide by the sum of the weights).",
    "batch.reduce.count": "PyTorch divides by the number of rows **not ignored**: {kept} of the "
    "N = {n} rows.",
    "batch.reduce.weights": "With class weights PyTorch divides by **the sum of the weights of the "
    "non-ignored targets**, {total}, not by N = {n}: a weighted average, in which each "
    "row counts as much as the weight of its class.",
    "batch.reduce.all_ignored": "**Every row is ignored**: the mean is 0 / 0, and PyTorch returns "
    "`nan`, as shown here. (`sum` would give 0.)",
    "batch.reduce.zero_weight": "The weights of the {kept} rows kept add up to 0: the mean is 0 / 0, "
    "and PyTorch returns `nan`.",
    "batch.col.row": "row",
    "batch.col.label": "label (from 1)",
    "batch.col.target": "PyTorch target (from 0)",
    "batch.col.ignored": "ignored",
    "batch.col.weight": "weight w_y",
    "batch.col.a_y": "a_y",
    "batch.col.loss": "loss ℓ_n",
    "batch.col.grad": "∂L/∂z{k}",
    "batch.col.entropy": "H(t)",
    "batch.col.kl": "KL(t ‖ a)",
    "batch.col.cross": "H(t, a) = H(t) + KL",
    "batch.fig.losses": "Each row's loss ℓ_n",
    "batch.fig.row": "row",
    "batch.fig.loss": "loss ℓ_n",
    "batch.fig.ignored": "ignored",
    "batch.fig.mean": "mean L = {value}",
    "batch.fig.broken": "not a number",
    "batch.fig.grad": "Gradient ∂L/∂z",
    "batch.grad.colours": "Blue: gradient descent pushes that logit up; red: down.",
    "batch.fig.class": "class",
    "batch.grad.mean": 'With `reduction="mean"` every row\'s gradient (a − t for one example) is '
    "divided by the same denominator, {denominator}. Ignored rows get 0.",
    "batch.grad.mean_nan": "Every row is ignored: the gradient is 0 everywhere (and the loss is NaN).",
    "batch.grad.sum": 'With `reduction="sum"` each row keeps its own gradient, undivided. Ignored '
    "rows get 0.",
    "batch.grad.none": 'With `reduction="none"` the gradient is that of the sum of the row losses. '
    "Ignored rows get 0.",
    "batch.rows_shown": "The charts show the first {shown} of the {n} rows, the tables the first "
    "{table}; the downloads have them all.",
    "batch.classes_shown": "The gradient chart shows the first {shown} of {k} classes.",
    "batch.grad.table": "The whole gradient as a table",
    "batch.decomp.header": "Cross-entropy = entropy + KL divergence",
    "batch.decomp.intro": "Each row's target distribution t (the label as a one-hot vector, or q; "
    "with label smoothing (1 − ε)·t + ε/K) splits its loss into two parts: $H(t, a) = H(t) + "
    "D_{{KL}}(t \\,\\|\\, a)$. The entropy $H(t)$ is the uncertainty already in the target, which "
    "no model can remove; the KL divergence is what the model can still learn.",
    "batch.decomp.onehot": "One-hot targets have H(y) = 0: the whole loss is the KL divergence.",
    "batch.decomp.weights": "Class weights scale each row's loss; this decomposition is of the "
    "unweighted H(t, a).",
    "batch.fig.decomp": "H(t, a) per row = H(t) + KL(t ‖ a)",
    "batch.fig.entropy": "H(t): uncertainty of the target",
    "batch.fig.kl": "KL(t ‖ a): still to learn",
    "batch.fig.nats": "nats",
    "batch.code.header": "The same in PyTorch, and the results to download",
    "batch.code.intro": "This code computes exactly the numbers on this page (float64; class labels "
    "as PyTorch's indices from 0).",
    "batch.code.labels": "# Labels 1 … K on the page are PyTorch's class indices 0 … K−1; "
    "ignored rows get ignore_index.",
    "batch.code.csv": "# The batch is too large to write out here: download it as batch.csv first.",
    "batch.code.expected": "on the page:",
    "batch.code.double": "# The double-softmax mistake: softmax outputs fed in as if they were logits",
    "batch.download.batch": "The batch (CSV)",
    "batch.link.too_big": "This batch is too large for a link (over {max} characters as CSV): "
    "a shared link keeps the options, not the table. Download the batch to share it.",
    "batch.download.csv": "Results (CSV)",
    "batch.download.json": "Results (JSON)",
    **texts_double.EN,
    **texts_vocabulary.EN,
    **texts_errors.EN,
}

ZH = {
    "batch.title": "批量与 PyTorch 的选项",
    "batch.learn": "**你将学到：** PyTorch 的 `F.cross_entropy` 如何把一批样本变成一个数：类别权重、"
    "被忽略的行、三种归约方式、标签平滑和概率目标，以及为什么平均值并不总是除以 N。",
    "batch.try": "**试一试：** 点击“全部行被忽略”，看平均损失变成 NaN；再点击“类别权重”：平均值除以的是"
    "未被忽略的行的权重之和，而不是 N。",
    "batch.preset.basic": "基本批量",
    "batch.preset.weighted": "类别权重",
    "batch.preset.all_ignored": "全部行被忽略",
    "batch.preset.soft": "概率目标",
    "batch.preset.pad_token": "忽略类别 1（填充）",
    "batch.batch": "这一批样本",
    "batch.tab.table": "表格",
    "batch.tab.paste": "粘贴 CSV",
    "batch.tab.upload": "上传 CSV",
    "batch.k": "类别数 K",
    "batch.k.help": "增加类别（logit 为 0），或删去最后几个类别。",
    "batch.table.help.title": "如何编辑表格",
    "batch.table.help": "每行一个样本。**label** 和本应用其他地方一样从 1 开始计数；PyTorch 的类别下标是 "
    "label − 1。把 label 留空即可忽略这一行（PyTorch 收到的是 `ignore_index`）。在表格底部添加行；"
    "选中行即可删除。",
    "batch.table.help.soft": "每行一个样本：logits z 和目标概率 q（每行 q 之和为 1）。",
    "batch.col.label.editor": "label（1…K）",
    "batch.col.label.editor.help": "真实类别，从 1 开始计数。留空：忽略这一行。",
    "batch.too_big_to_edit": "这个表格有 {n} 行 × {k} 个类别，太大了，无法在这里编辑。下面显示前 {shown} "
    "行；要修改，请编辑 CSV 后重新加载。",
    "batch.paste": "CSV 文本",
    "batch.paste.help": "粘贴 CSV（格式见下方），然后点击按钮。",
    "batch.load": "加载到表格",
    "batch.upload": "CSV 文件（最大 {max_mb} MB）",
    "batch.upload.help": "UTF-8 编码的文本文件，格式见下方。",
    "batch.format.title": "CSV 格式",
    "batch.format": "第一行是列名；之后每行一个样本。\n\n"
    "- `z1,z2,…,zK`：logits（2 到 {max_classes} 个类别；`-inf` 表示屏蔽该类别）。\n"
    "- `label`：真实类别，和表格一样**从 1 开始计数**（留空：忽略这一行）。或者用 `target`："
    "PyTorch 的下标，**从 0 开始计数**（`-100` 或留空：忽略）。\n"
    "- `q1,…,qK`：代替（或同时给出）label 的概率目标，每行之和为 1。\n\n"
    "最大 {max_mb} MB、{max_rows} 行。单元格之间用逗号分隔（制表符或分号也可以）。请保存为 UTF-8 文本。",
    "batch.loaded": "已将 {n} 行 × {k} 个类别加载到表格中。",
    "batch.options": "PyTorch 的选项",
    "batch.soft": "概率（软）目标",
    "batch.soft.help": "目标是概率分布 q（表格中的 q1 … qK 列），而不是类别标签：`F.cross_entropy(z, q)`，"
    "q 与 logits 形状相同。",
    "batch.reduction": "reduction（归约方式）",
    "batch.reduction.help": "mean：一个数，取平均。sum：一个数，求总和。none：每行一个损失。",
    "batch.use_weight": "类别权重",
    "batch.use_weight.help": "`weight=`：每个类别的损失乘以该类别的权重。",
    "batch.weight": "weight（每个类别一个 ≥ 0 的数）",
    "batch.weight.unused": "在改正之前，不使用这些权重。",
    "batch.ignore": "ignore_index（PyTorch 的下标，从 0 开始计数）",
    "batch.ignore.help": "目标等于它的行，损失为 0、梯度为 0，也不计入平均值。label 留空的行总是得到这个下标。",
    "batch.ignore.class": "下标 {index} 就是屏幕上的类别 {label}：label 为 {label} 的行也会被忽略。",
    "batch.ignore.soft": "ignore_index 只适用于类别标签，不适用于概率目标。",
    "batch.smoothing": "label_smoothing（标签平滑）ε",
    "batch.smoothing.help": "目标变为 (1 − ε)·y + ε/K：给每个类别都分一点概率。",
    "batch.double": "显示“两次 softmax”的错误",
    "batch.results": "逐行看损失",
    "batch.metric.loss": "损失 L（{reduction}）",
    "batch.metric.loss.none": "每行一个",
    "batch.metric.loss.help": "完整精度：{value}",
    "batch.metric.rows": "行数 N",
    "batch.metric.ignored": "被忽略的行",
    "batch.metric.denominator": "平均值的分母",
    "batch.metric.denominator.none": "—",
    "batch.row_formula": "每行的损失，其中 a = softmax(z)，I 是被忽略的行：",
    "batch.reduce.none": '`reduction="none"`：不做除法；每行一个损失，被忽略的行为 0。下面的梯度是它们之和的'
    "梯度（`loss.sum().backward()`）。",
    "batch.reduce.sum": '`reduction="sum"`：各行损失之和，不做除法（{ignored} 个被忽略的行贡献 0）。',
    "batch.reduce.rows": "使用概率目标时，PyTorch 除以行数 N = {n}。",
    "batch.reduce.rows_weighted": "使用概率目标时，PyTorch 除以行数 N = {n}，**即使有类别权重也是如此**"
    "（若使用类别标签，则会除以权重之和）。",
    "batch.reduce.count": "PyTorch 除以**未被忽略**的行数：N = {n} 行中的 {kept} 行。",
    "batch.reduce.weights": "有类别权重时，PyTorch 除以**未被忽略的目标的权重之和** {total}，而不是 "
    "N = {n}：这是一个加权平均，每一行的分量等于其类别的权重。",
    "batch.reduce.all_ignored": "**所有行都被忽略了**：平均值是 0 / 0，PyTorch 返回 `nan`，这里也一样。"
    "（`sum` 会得到 0。）",
    "batch.reduce.zero_weight": "保留下来的 {kept} 行的权重之和为 0：平均值是 0 / 0，PyTorch 返回 `nan`。",
    "batch.col.row": "行",
    "batch.col.label": "label（从 1 开始）",
    "batch.col.target": "PyTorch 目标（从 0 开始）",
    "batch.col.ignored": "被忽略",
    "batch.col.weight": "权重 w_y",
    "batch.col.a_y": "a_y",
    "batch.col.loss": "损失 ℓ_n",
    "batch.col.grad": "∂L/∂z{k}",
    "batch.col.entropy": "H(t)",
    "batch.col.kl": "KL(t ‖ a)",
    "batch.col.cross": "H(t, a) = H(t) + KL",
    "batch.fig.losses": "每行的损失 ℓ_n",
    "batch.fig.row": "行",
    "batch.fig.loss": "损失 ℓ_n",
    "batch.fig.ignored": "已忽略",
    "batch.fig.mean": "平均 L = {value}",
    "batch.fig.broken": "不是数",
    "batch.fig.grad": "梯度 ∂L/∂z",
    "batch.grad.colours": "蓝色：梯度下降会把这个 logit 往上推；红色：往下推。",
    "batch.fig.class": "类别",
    "batch.grad.mean": '使用 `reduction="mean"` 时，每行的梯度（单个样本时为 a − t）都除以同一个分母 '
    "{denominator}。被忽略的行梯度为 0。",
    "batch.grad.mean_nan": "所有行都被忽略：梯度处处为 0（损失为 NaN）。",
    "batch.grad.sum": '使用 `reduction="sum"` 时，每行保留自己的梯度，不做除法。被忽略的行梯度为 0。',
    "batch.grad.none": '使用 `reduction="none"` 时，梯度是各行损失之和的梯度。被忽略的行梯度为 0。',
    "batch.rows_shown": "图中只显示 {n} 行中的前 {shown} 行，表格中显示前 {table} 行；下载的文件包含全部行。",
    "batch.classes_shown": "梯度图只显示 {k} 个类别中的前 {shown} 个。",
    "batch.grad.table": "完整的梯度表",
    "batch.decomp.header": "交叉熵 = 熵 + KL 散度",
    "batch.decomp.intro": "每行的目标分布 t（label 的 one-hot 向量，或 q；有标签平滑时为 (1 − ε)·t + ε/K）"
    "把这一行的损失分成两部分：$H(t, a) = H(t) + D_{{KL}}(t \\,\\|\\, a)$。熵 $H(t)$ 是目标本身的"
    "不确定性，任何模型都无法消除；KL 散度才是模型还能学到的部分。",
    "batch.decomp.onehot": "one-hot 目标的 H(y) = 0：整个损失就是 KL 散度。",
    "batch.decomp.weights": "类别权重会缩放每行的损失；这里分解的是不加权的 H(t, a)。",
    "batch.fig.decomp": "每行的 H(t, a) = H(t) + KL(t ‖ a)",
    "batch.fig.entropy": "H(t)：目标的不确定性",
    "batch.fig.kl": "KL(t ‖ a)：还能学到的部分",
    "batch.fig.nats": "奈特（nats）",
    "batch.code.header": "用 PyTorch 计算同样的结果，并下载结果",
    "batch.code.intro": "这段代码算出的数与本页完全相同（float64；类别标签换成 PyTorch 从 0 开始的下标）。",
    "batch.code.labels": "# 页面上的 label 1 … K 就是 PyTorch 的类别下标 0 … K−1；被忽略的行得到 ignore_index。",
    "batch.code.csv": "# 这批数据太大，无法直接写在这里：请先把它下载为 batch.csv。",
    "batch.code.expected": "页面上：",
    "batch.code.double": "# “两次 softmax”的错误：把 softmax 的输出当作 logits 传入",
    "batch.download.batch": "这批数据（CSV）",
    "batch.link.too_big": "这批数据太大，放不进链接（写成 CSV 超过 {max} 个字符）："
    "分享的链接只保存选项，不含表格。要分享这批数据，请下载它。",
    "batch.download.csv": "结果（CSV）",
    "batch.download.json": "结果（JSON）",
    **texts_double.ZH,
    **texts_vocabulary.ZH,
    **texts_errors.ZH,
}
