"""Strings of the Batch page: where a table or CSV is wrong, and what is wrong with it."""

EN = {
    "batch.at.line": "Line {line}",
    "batch.at.line_column": "Line {line}, column {column}",
    "batch.at.line_column_name": "Line {line}, column {column} ({name})",
    "batch.at.row": "Row {row}",
    "batch.at.row_column": "Row {row}, column {name}",
    "batch.at.join": "{where}: {reason}",
    "batch.error.too_big": "The file has {size_mb} MB; at most {max_mb} MB are allowed.",
    "batch.error.binary": "This is not a text file (it holds a zero byte at byte {offset}). Upload a "
    "CSV saved as text.",
    "batch.error.utf16": "This file is saved as UTF-16 text. Save it as UTF-8 CSV and try again.",
    "batch.error.encoding": "These bytes are not UTF-8 text (the file may be saved as GBK or "
    "Latin-1). Save it as UTF-8 CSV and try again.",
    "batch.error.control_character": "'{token}' contains the invisible character {codepoint}.",
    "batch.error.malformed": "The CSV cannot be read: {detail}.",
    "batch.error.no_header": "The CSV is empty: its first line must be a header such as "
    "label,z1,z2,z3.",
    "batch.error.unknown_column": "'{token}' is not a column name this page knows: use label (or "
    "target), z1 … zK and q1 … qK.",
    "batch.error.duplicate_column": "The column '{token}' appears twice.",
    "batch.error.missing_column": "The header has no column {token}: the logits must be z1, z2, … zK "
    "with none missing.",
    "batch.error.no_target": "The header needs a label column (classes 1 … K) or the columns q1 … qK "
    "(probability targets).",
    "batch.error.label_and_target": "Use a label column (counting from 1) or a target column "
    "(counting from 0), not both.",
    "batch.error.q_count": "There are {count} probability columns q… for {k} classes: give q1 … q{k}.",
    "batch.error.too_few_classes": "At least 2 classes are needed (z1 and z2), got {k}.",
    "batch.error.too_many_classes": "{k} classes is too many: at most {max_classes} are allowed.",
    "batch.error.too_many_rows": "Too many rows: at most {max_rows} are allowed.",
    "batch.error.no_rows": "There is no example: add at least one row.",
    "batch.error.cell_count": "This line has {count} cells but the header has {expected}.",
    "batch.error.blank": "This cell is empty: every logit and every probability needs a number.",
    "batch.error.not_number": "'{token}' is not a number.",
    "batch.error.nan_value": "'{token}' is not allowed here: every value must be a number.",
    "batch.error.overflow": "'{token}' is too large: the largest number is about 1.8e308.",
    "batch.error.pos_inf": "+inf is not a usable logit: its softmax is undefined. Use a large finite "
    "number; -inf masks a class.",
    "batch.error.all_masked": "Every logit of this row is -inf: at least one must be finite.",
    "batch.error.label": "'{token}' is not a class: labels are whole numbers from 1 to {k}. Leave the "
    "label empty to ignore the row.",
    "batch.error.target": "'{token}' is not a class index: targets are whole numbers from 0 to "
    "{last} (or -100, or empty, to ignore the row).",
    "batch.error.probability": "'{token}' is not a probability: it must be between 0 and 1.",
    "batch.error.probability_sum": "The probabilities of this row add up to {total}, not 1.",
    "error.class_weight_count": "{count} weights for {k} classes: give one weight per class.",
    "error.class_weight_not_finite": "Weight {position} is {value}: every weight must be a finite "
    "number.",
    "error.class_weight_negative": "Weight {position} is {value}: weights cannot be negative.",
}

ZH = {
    "batch.at.line": "第 {line} 行",
    "batch.at.line_column": "第 {line} 行第 {column} 列",
    "batch.at.line_column_name": "第 {line} 行第 {column} 列（{name}）",
    "batch.at.row": "第 {row} 行",
    "batch.at.row_column": "第 {row} 行的 {name} 列",
    "batch.at.join": "{where}：{reason}",
    "batch.error.too_big": "文件大小为 {size_mb} MB，最多允许 {max_mb} MB。",
    "batch.error.binary": "这不是文本文件（第 {offset} 个字节是零字节）。请上传保存为文本的 CSV。",
    "batch.error.utf16": "这个文件是 UTF-16 编码的文本。请另存为 UTF-8 编码的 CSV 后重试。",
    "batch.error.encoding": "这些字节不是 UTF-8 文本（文件可能是 GBK 或 Latin-1 编码）。请另存为 UTF-8 编码的 "
    "CSV 后重试。",
    "batch.error.control_character": "“{token}”含有不可见字符 {codepoint}。",
    "batch.error.malformed": "无法读取这个 CSV：{detail}。",
    "batch.error.no_header": "CSV 是空的：第一行必须是列名，例如 label,z1,z2,z3。",
    "batch.error.unknown_column": "“{token}”不是本页认识的列名：请使用 label（或 target）、z1 … zK 和 q1 … qK。",
    "batch.error.duplicate_column": "列“{token}”出现了两次。",
    "batch.error.missing_column": "列名中没有 {token}：logits 必须是 z1、z2、… zK，一个都不能少。",
    "batch.error.no_target": "列名中需要有 label 列（类别 1 … K）或 q1 … qK 列（概率目标）。",
    "batch.error.label_and_target": "请使用 label 列（从 1 开始计数）或 target 列（从 0 开始计数），不要同时使用。",
    "batch.error.q_count": "有 {count} 个概率列 q…，但有 {k} 个类别：请给出 q1 … q{k}。",
    "batch.error.too_few_classes": "至少需要 2 个类别（z1 和 z2），现在只有 {k} 个。",
    "batch.error.too_many_classes": "{k} 个类别太多了：最多允许 {max_classes} 个。",
    "batch.error.too_many_rows": "行数太多：最多允许 {max_rows} 行。",
    "batch.error.no_rows": "没有样本：请至少添加一行。",
    "batch.error.cell_count": "这一行有 {count} 个单元格，但列名有 {expected} 个。",
    "batch.error.blank": "这个单元格是空的：每个 logit 和每个概率都需要一个数。",
    "batch.error.not_number": "“{token}”不是一个数。",
    "batch.error.nan_value": "这里不允许“{token}”：每个值都必须是数。",
    "batch.error.overflow": "“{token}”太大了：最大的数约为 1.8e308。",
    "batch.error.pos_inf": "+inf 不能作为 logit：它的 softmax 没有定义。请用一个很大的有限数；-inf 表示屏蔽类别。",
    "batch.error.all_masked": "这一行的所有 logit 都是 -inf：至少要有一个有限值。",
    "batch.error.label": "“{token}”不是一个类别：label 是 1 到 {k} 之间的整数。把 label 留空即可忽略这一行。",
    "batch.error.target": "“{token}”不是类别下标：target 是 0 到 {last} 之间的整数（或 -100，或留空，表示忽略这一行）。",
    "batch.error.probability": "“{token}”不是概率：它必须在 0 和 1 之间。",
    "batch.error.probability_sum": "这一行的概率之和为 {total}，不是 1。",
    "error.class_weight_count": "{count} 个权重对应 {k} 个类别：请为每个类别给出一个权重。",
    "error.class_weight_not_finite": "第 {position} 个权重是 {value}：每个权重都必须是有限数。",
    "error.class_weight_negative": "第 {position} 个权重是 {value}：权重不能为负。",
}
