"""Strings of the Batch page's section on the double softmax mistake."""

EN = {
    "batch.double.help": "Feed softmax outputs into cross_entropy as if they were logits, and compare.",
    "batch.double.header": "The double-softmax mistake",
    "batch.double.intro": "`F.cross_entropy` applies softmax itself. A model that already ends with "
    "softmax and is trained with it computes softmax twice: the loss becomes "
    "−ln softmax(a)_y with a in [0, 1], so it hardly moves, and the gradients almost vanish.",
    "batch.double.window": "Whatever the logits, each row's mistaken loss stays between {low} and "
    "{high} (for K = {k}): a window one nat wide. The correct loss goes from 0 to ∞.",
    "batch.double.metric.right": "Loss, correct",
    "batch.double.metric.wrong": "Loss, softmax twice",
    "batch.double.metric.grad_right": "Largest gradient, correct",
    "batch.double.metric.grad_wrong": "Largest gradient, softmax twice",
    "batch.double.fig.losses": "Each row's loss",
    "batch.double.fig.grads": "Length of each row's gradient ‖∂L/∂z_n‖",
    "batch.double.fig.right": "cross_entropy(z, y)",
    "batch.double.fig.wrong": "cross_entropy(softmax(z), y)",
    "batch.double.fig.window": "the mistake's range",
    "batch.double.fig.norm": "‖∂L/∂z_n‖",
    "batch.double.col.loss_right": "loss, correct",
    "batch.double.col.loss_wrong": "loss, softmax twice",
    "batch.double.col.grad_right": "‖gradient‖, correct",
    "batch.double.col.grad_wrong": "‖gradient‖, softmax twice",
}

ZH = {
    "batch.double.help": "把 softmax 的输出当作 logits 传给 cross_entropy，并进行比较。",
    "batch.double.header": "“两次 softmax”的错误",
    "batch.double.intro": "`F.cross_entropy` 自己会做 softmax。如果模型最后已经有一层 softmax，再用它训练，"
    "就做了两次 softmax：损失变成 −ln softmax(a)_y，而 a 只在 [0, 1] 之间取值，所以损失几乎不动，梯度也几乎消失。",
    "batch.double.window": "不管 logits 是多少，出错时每行的损失都在 {low} 和 {high} 之间（K = {k}）："
    "只在宽度为 1 奈特的窗口内变化。而正确的损失可以从 0 一直到 ∞。",
    "batch.double.metric.right": "损失（正确）",
    "batch.double.metric.wrong": "损失（两次 softmax）",
    "batch.double.metric.grad_right": "最大梯度（正确）",
    "batch.double.metric.grad_wrong": "最大梯度（两次 softmax）",
    "batch.double.fig.losses": "每行的损失",
    "batch.double.fig.grads": "每行梯度的长度 ‖∂L/∂z_n‖",
    "batch.double.fig.right": "cross_entropy(z, y)",
    "batch.double.fig.wrong": "cross_entropy(softmax(z), y)",
    "batch.double.fig.window": "出错时的取值范围",
    "batch.double.fig.norm": "‖∂L/∂z_n‖",
    "batch.double.col.loss_right": "损失（正确）",
    "batch.double.col.loss_wrong": "损失（两次 softmax）",
    "batch.double.col.grad_right": "‖梯度‖（正确）",
    "batch.double.col.grad_wrong": "‖梯度‖（两次 softmax）",
}
