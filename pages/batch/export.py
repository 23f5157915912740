"""What the Batch page hands out: the batch as CSV, the results as CSV and JSON, PyTorch code.

Every float is written with ``repr`` (the shortest text that reads back as the same float64), so
a file read back, or a snippet run in PyTorch, gives exactly the numbers on screen.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import partial

import numpy as np

from ce_core import BatchTable
from lab import numbers
from pages.batch.options import Options

SNIPPET_MAX_NUMBERS = 2_000  # more than this, and the snippet reads the downloaded CSV instead
CSV_NAME = "batch.csv"


def _float(value: float) -> str:
    """Return every digit of ``value`` (:func:`lab.numbers.full`), NaN as ``nan`` as in Python."""
    value = float(value)
    return "nan" if math.isnan(value) else numbers.full(value)


def batch_csv(table: BatchTable) -> str:
    """Return the batch in the page's CSV format: ``label`` (empty: ignored), ``z…``, ``q…``."""
    k = table.num_classes
    header = (["label"] if table.labels is not None else []) + [f"z{i + 1}" for i in range(k)]
    header += [f"q{i + 1}" for i in range(k)] if table.soft is not None else []
    lines = [",".join(header)]
    for n in range(table.num_rows):
        cells = []
        if table.labels is not None:
            label = table.labels[n]
            cells.append("" if math.isnan(label) else str(int(label)))
        cells += [_float(v) for v in table.logits[n]]
        if table.soft is not None:
            cells += [_float(v) for v in table.soft[n]]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def results_csv(losses: np.ndarray, grad: np.ndarray, targets: np.ndarray | None) -> str:
    """Return per row: PyTorch's target (class targets only), the loss and the gradient."""
    k = grad.shape[1]
    header = ["row"] + (["target"] if targets is not None else []) + ["loss"]
    header += [f"grad_z{i + 1}" for i in range(k)]
    lines = [",".join(header)]
    for n in range(losses.shape[0]):
        cells = [str(n + 1)] + ([str(int(targets[n]))] if targets is not None else [])
        cells += [_float(losses[n])] + [_float(v) for v in grad[n]]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def _json_value(value):
    if isinstance(value, np.ndarray):
        return _json_value(value.tolist())
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, float | np.floating):
        value = float(value)
        return value if math.isfinite(value) else _float(value)  # JSON has no NaN or inf
    return value


def results_json(options: Options, loss, denominator: float | None, losses, grad, targets) -> str:
    """Return the options and every result as JSON (NaN and infinities written as strings)."""
    document = {
        "options": options.record(),
        "loss": _json_value(np.asarray(loss, dtype=np.float64)),
        "mean_denominator": None if denominator is None else _json_value(denominator),
        "row_losses": _json_value(np.asarray(losses, dtype=np.float64)),
        "grad": _json_value(np.asarray(grad, dtype=np.float64)),
        "target": None if targets is None else [int(v) for v in targets],
    }
    return json.dumps(document, indent=2, allow_nan=False, ensure_ascii=False)


def download_files(
    table: BatchTable,
    options: Options,
    loss,
    denominator: float,
    losses: np.ndarray,
    grad: np.ndarray,
    targets: np.ndarray | None,
) -> list[tuple[str, Callable[[], str], str, str]]:
    """Return ``(name, make data, file name, MIME type)`` of each download.

    The data is made only when its button is clicked: for 10,000 rows it is megabytes of text.
    """
    mean_denominator = denominator if options.reduction == "mean" else None
    return [
        ("batch", partial(batch_csv, table), CSV_NAME, "text/csv"),
        ("csv", partial(results_csv, losses, grad, targets), "results.csv", "text/csv"),
        (
            "json",
            partial(results_json, options, loss, mean_denominator, losses, grad, targets),
            "results.json",
            "application/json",
        ),
    ]


def _matrix(rows: np.ndarray, indent: str = "    ") -> str:
    lines = ["[" + ", ".join(_torch_float(v) for v in row) + "]," for row in rows]
    return "[\n" + "\n".join(indent + line for line in lines) + "\n]"


def _torch_float(value: float) -> str:
    text = _float(value)
    return f'float("{text}")' if text in ("inf", "-inf", "nan") else text


def _call(logits: str, options: Options) -> str:
    arguments = [logits, "target"]
    if options.weight is not None:
        arguments.append("weight=weight")
    if not options.soft:
        arguments.append(f"ignore_index={options.ignore_index}")
    arguments.append(f'reduction="{options.reduction}"')
    arguments.append(f"label_smoothing={options.label_smoothing!r}")
    line = "F.cross_entropy(" + ", ".join(arguments) + ")"
    if len(line) <= 80:
        return line
    return "F.cross_entropy(\n    " + ",\n    ".join(arguments) + ",\n)"


def _inline(table: BatchTable, options: Options) -> bool:
    """Return whether the snippet holds the batch itself (else it reads the downloaded CSV)."""
    return table.logits.size * (2 if options.soft else 1) <= SNIPPET_MAX_NUMBERS


def _data_lines(table: BatchTable, options: Options, targets: np.ndarray | None) -> list[str]:
    """Return the lines that build ``z`` and ``target``: inline, or read from the CSV."""
    if _inline(table, options):
        lines = [f"z = torch.tensor({_matrix(table.logits)}, dtype=torch.float64)"]
        if options.soft:
            lines.append(f"target = torch.tensor({_matrix(table.soft)}, dtype=torch.float64)")
        else:
            lines.append(f"target = torch.tensor({[int(v) for v in targets]})")
        return lines
    k = table.num_classes
    lines = [
        "import numpy as np",
        "",
        f'data = np.genfromtxt("{CSV_NAME}", delimiter=",", names=True)',
        f'z = torch.tensor(np.stack([data[f"z{{k}}"] for k in range(1, {k + 1})], axis=1))',
    ]
    if options.soft:
        lines.append(
            f'target = torch.tensor(np.stack([data[f"q{{k}}"] for k in range(1, {k + 1})], axis=1))'
        )
    else:
        lines.append(
            'target = torch.tensor(np.where(np.isnan(data["label"]), '
            f'{options.ignore_index}, data["label"] - 1).astype(np.int64))'
        )
    return lines


def torch_snippet(
    table: BatchTable,
    options: Options,
    targets: np.ndarray | None,
    loss,
    *,
    double: bool,
    comments: Callable[[str], str],
) -> str:
    """Return PyTorch code that computes the loss and gradient on screen, to the last digit.

    ``targets`` are PyTorch's class indices (from 0), unused for probability targets;
    ``comments(name)`` gives the translated comment lines (``labels``, ``csv``, ``expected``,
    ``double``).
    """
    backward = "loss.sum().backward()" if options.reduction == "none" else "loss.backward()"
    show = "loss.tolist()" if options.reduction == "none" else "loss.item()"
    lines = ["import torch", "import torch.nn.functional as F", ""]
    if not options.soft:
        lines.append(comments("labels"))
    if not _inline(table, options):
        lines.append(comments("csv"))
    lines += _data_lines(table, options, targets)
    lines.append("z.requires_grad_(True)")
    if options.weight is not None:
        weight = ", ".join(_torch_float(v) for v in options.weight)
        lines.append(f"weight = torch.tensor([{weight}], dtype=torch.float64)")
    expected = _json_value(np.asarray(loss, dtype=np.float64))
    lines += [
        "",
        f"loss = {_call('z', options)}",
        backward,
        f"print({show})  # {comments('expected')} {expected}",
        "print(z.grad.tolist())",
    ]
    if double:
        wrong = _call("F.softmax(z, dim=1)", options)
        lines += [
            "",
            comments("double"),
            "z.grad = None",
            f"wrong = {wrong}",
            backward.replace("loss", "wrong"),
            f"print({show.replace('loss', 'wrong')})",
            "print(z.grad.tolist())",
        ]
    return "\n".join(lines)
