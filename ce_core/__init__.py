"""ce_core: exact, stable softmax and cross-entropy numerics in pure NumPy.

The library every lesson computes with: no Streamlit, no Plotly, no I/O. What only one lesson
shows (its explanation objects) is in that lesson's ``pages/<lesson>/model.py``.
"""

from .batch_csv import parse_batch_csv
from .batch_table import (
    BatchTable,
    TableError,
    check_batch_table,
)
from .binary import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    log_sigmoid,
    sigmoid,
    sigmoid_grad,
)
from .class_names import parse_class_names
from .classes import (
    check_class_range,
    class_indices,
    one_hot,
    whole_number,
)
from .csv_text import decode_csv
from .errors import (
    MESSAGES,
    CodedError,
    InputError,
)
from .gradcheck import (
    gradient_check_sweep,
    numerical_grad,
    relative_error,
)
from .info import (
    ProbabilityError,
    check_probabilities,
    cross_entropy_of_distributions,
    entropy,
    kl_divergence,
    loss_from_probabilities,
    normalise,
    perplexity,
)
from .logits import (
    check_logits,
    logits_from_probabilities,
)
from .loss import (
    REDUCTIONS,
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_with_grad,
)
from .naive_binary import naive_binary_cross_entropy
from .parse import (
    ParseError,
    format_vector,
    parse_vector,
)
from .softmax import (
    log_softmax,
    logsumexp,
    softmax,
    softmax_jacobian,
)
from .softmax_steps import (
    SoftmaxSteps,
    naive_softmax,
    softmax_steps,
)
from .vocab import (
    GPT2_VOCAB_SIZE,
    MAX_VOCAB_ROWS,
    VocabularySummary,
    random_vocabulary_logits,
    summarise_vocabulary,
    top_k,
)

__all__ = [
    "GPT2_VOCAB_SIZE",
    "MAX_VOCAB_ROWS",
    "MESSAGES",
    "REDUCTIONS",
    "BatchTable",
    "CodedError",
    "InputError",
    "ParseError",
    "ProbabilityError",
    "SoftmaxSteps",
    "TableError",
    "VocabularySummary",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "check_batch_table",
    "check_class_range",
    "check_logits",
    "check_probabilities",
    "class_indices",
    "cross_entropy",
    "cross_entropy_grad",
    "cross_entropy_of_distributions",
    "cross_entropy_with_grad",
    "decode_csv",
    "entropy",
    "format_vector",
    "gradient_check_sweep",
    "kl_divergence",
    "log_sigmoid",
    "log_softmax",
    "logits_from_probabilities",
    "logsumexp",
    "loss_from_probabilities",
    "naive_binary_cross_entropy",
    "naive_softmax",
    "normalise",
    "numerical_grad",
    "one_hot",
    "parse_batch_csv",
    "parse_class_names",
    "parse_vector",
    "perplexity",
    "random_vocabulary_logits",
    "relative_error",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "softmax_jacobian",
    "softmax_steps",
    "summarise_vocabulary",
    "top_k",
    "whole_number",
]
