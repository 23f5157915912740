"""Messages for every error code ce_core gives about what a user typed (``error.<code>``).

The English is ce_core's own (:data:`ce_core.errors.MESSAGES`, the one English source); only the
Chinese is written here, and English is built for exactly the codes translated here.
"""

from ce_core.errors import MESSAGES

ZH = {
    "error.empty": "请至少输入一个数。",
    "error.too_long": "文本太长：共 {length} 个字符，最多允许 {max_chars} 个。",
    "error.too_many": "数字太多：最多允许 {max_count} 个。",
    "error.bad_token": "“{token}”（第 {position} 个数，第 {character} 个字符处）不是一个数。",
    "error.empty_item": "第 {position} 个数（第 {character} 个字符处）缺失：分隔符前面没有数。",
    "error.bad_character": "第 {position} 个数（第 {character} 个字符处）含有不可见字符 "
    "{codepoint}。",
    "error.unmatched_bracket": "第 {character} 个字符处的括号“{bracket}”没有配对："
    "括号必须成对地包住整个列表。",
    "error.overflow": "“{token}”（第 {position} 个数，第 {character} 个字符处）太大了："
    "最大的数约为 1.8e308。如果你想表示无穷大，请输入 inf。",
    "error.nan_not_allowed": "“{token}”（第 {position} 个数，第 {character} 个字符处）"
    "在这里不允许：每个值都必须是数。",
    "error.inf_not_allowed": "“{token}”（第 {position} 个数，第 {character} 个字符处）"
    "在这里不允许：每个值都必须是有限数。",
    "error.too_many_names": "名称太多：最多允许 {max_count} 个。",
    "error.name_too_long": "第 {position} 个名称（第 {character} 个字符处）有 {length} 个字符，"
    "最多允许 {max_length} 个。",
    "error.empty_name": "第 {position} 个名称（第 {character} 个字符处）是空的：连续出现了两个分隔符。",
    "error.name_bad_character": "第 {position} 个名称（第 {character} 个字符处）含有不可见字符 "
    "{codepoint}。",
    "error.not_finite": "第 {position} 个概率是 {value}：每个概率都必须是有限数。",
    "error.negative": "第 {position} 个概率是 {value}：概率不能为负。",
    "error.above_one": "第 {position} 个概率是 {value}：概率不能大于 1。",
    "error.not_normalised": "这些概率之和为 {total}，不是 1（允许的误差：{tol}）。",
    "error.zero_sum": "这些数之和为 0，无法缩放成和为 1。",
    "error.too_few_classes": "至少需要 2 个类别，现在只有 {count} 个。",
    "error.nan_logit": "第 {position} 个 logit 是 NaN：每个 logit 都必须是数。",
    "error.positive_inf": "+inf 不能作为 logit（第 {position} 个数）：它的 softmax 没有定义。"
    "请用一个很大的有限数；−inf 表示屏蔽类别。",
    "error.all_masked": "所有类别都被屏蔽了（−inf）：至少要有一个有限的 logit。",
}

EN = {key: MESSAGES[key.removeprefix("error.")] for key in ZH}
