"""ce_core: exact, stable softmax and cross-entropy numerics in pure NumPy.

Everything Cross-Entropy Lab shows is computed here. No Streamlit, no Plotly, no I/O.
"""

from .binary import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    log_sigmoid,
    naive_binary_cross_entropy,
    sigmoid,
    sigmoid_grad,
)
from .explain import (
    InputError,
    Prediction,
    check_logits,
    explain_logits,
    explain_probabilities,
    logits_from_probabilities,
    neg_log_curve,
    top_classes,
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
from .loss import (
    REDUCTIONS,
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_with_grad,
    one_hot,
)
from .parse import (
    ParseError,
    format_vector,
    parse_class_names,
    parse_vector,
)
from .softmax import (
    SoftmaxSteps,
    log_softmax,
    logsumexp,
    naive_softmax,
    softmax,
    softmax_jacobian,
    softmax_steps,
)

__all__ = [
    "REDUCTIONS",
    "InputError",
    "ParseError",
    "Prediction",
    "ProbabilityError",
    "SoftmaxSteps",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "check_logits",
    "check_probabilities",
    "cross_entropy",
    "cross_entropy_grad",
    "cross_entropy_of_distributions",
    "cross_entropy_with_grad",
    "entropy",
    "explain_logits",
    "explain_probabilities",
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
    "neg_log_curve",
    "normalise",
    "numerical_grad",
    "one_hot",
    "parse_class_names",
    "parse_vector",
    "perplexity",
    "relative_error",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "softmax_jacobian",
    "softmax_steps",
    "top_classes",
]
