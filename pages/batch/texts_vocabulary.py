"""Strings of the Batch page's last section, a batch of GPT-2-sized predictions."""

EN = {
    "batch.vocab.header": "A large vocabulary: 50,257 classes",
    "batch.vocab.intro": "A language model predicts the next token among GPT-2's 50,257. Here are "
    "N rows of random float32 logits (seeded), z ~ σ·N(0, 1), with a hint h added to each row's "
    "true token. A model that knows nothing scores ln K per token: the baseline to beat.",
    "batch.vocab.n": "Rows N",
    "batch.vocab.seed": "Seed",
    "batch.vocab.spread": "Spread σ of the logits",
    "batch.vocab.spread.help": "0: every token equally likely, the loss is exactly ln K. Larger: "
    "confidence at random, which costs about σ²/2 nats more on average.",
    "batch.vocab.hint": "Hint h for the true token",
    "batch.vocab.hint.help": "Added to the true token's logit: how much the model knows.",
    "batch.vocab.mean": "Mean loss",
    "batch.vocab.baseline": "Baseline ln K",
    "batch.vocab.perplexity": "Perplexity e^L",
    "batch.vocab.perplexity.help": "How many tokens the model hesitates between, out of 50,257.",
    "batch.vocab.fig": "Each row's loss against ln K",
    "batch.vocab.fig.baseline": "ln K = {value}",
    "batch.vocab.col.token": "true token (id from 0)",
    "batch.vocab.col.p": "p(true token)",
    "batch.vocab.col.rank": "its rank",
    "batch.vocab.col.loss": "loss",
    "batch.vocab.col.top": "5 most likely tokens: id (p)",
    "batch.vocab.ids": "Token ids count from 0, as in GPT-2's tokenizer. Only these numbers reach "
    "your browser, not the {cells} logits.",
}

ZH = {
    "batch.vocab.header": "大词表：50,257 个类别",
    "batch.vocab.intro": "语言模型要在 GPT-2 的 50,257 个词元中预测下一个。这里是 N 行随机的 float32 logits"
    "（固定随机种子），z ~ σ·N(0, 1)，并给每行的真实词元加上提示 h。一个什么都不知道的模型，每个词元"
    "的损失是 ln K：这是要超越的基准。",
    "batch.vocab.n": "行数 N",
    "batch.vocab.seed": "随机种子",
    "batch.vocab.spread": "logits 的离散程度 σ",
    "batch.vocab.spread.help": "0：所有词元的可能性相同，损失正好是 ln K。σ 越大，模型越是“盲目自信”，平均要多付出约 σ²/2 奈特的损失。",
    "batch.vocab.hint": "给真实词元的提示 h",
    "batch.vocab.hint.help": "加到真实词元的 logit 上：表示模型知道多少。",
    "batch.vocab.mean": "平均损失",
    "batch.vocab.baseline": "基准 ln K",
    "batch.vocab.perplexity": "困惑度 e^L",
    "batch.vocab.perplexity.help": "模型在 50,257 个词元中犹豫于多少个之间。",
    "batch.vocab.fig": "每行的损失与基准 ln K",
    "batch.vocab.fig.baseline": "ln K = {value}",
    "batch.vocab.col.token": "真实词元（id 从 0 开始）",
    "batch.vocab.col.p": "p（真实词元）",
    "batch.vocab.col.rank": "排名",
    "batch.vocab.col.loss": "损失",
    "batch.vocab.col.top": "最可能的 5 个词元：id（p）",
    "batch.vocab.ids": "词元 id 从 0 开始计数，和 GPT-2 的分词器一样。发送到浏览器的只有这些数，而不是全部 "
    "{cells} 个 logits。",
}
