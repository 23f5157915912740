"""ce_core: exact, stable softmax and cross-entropy numerics in pure NumPy.

Everything Cross-Entropy Lab shows is computed here. No Streamlit, no Plotly, no I/O.
"""

from .loss import (
    REDUCTIONS,
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_with_grad,
    one_hot,
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
    "SoftmaxSteps",
    "cross_entropy",
    "cross_entropy_grad",
    "cross_entropy_with_grad",
    "log_softmax",
    "logsumexp",
    "naive_softmax",
    "one_hot",
    "softmax",
    "softmax_jacobian",
    "softmax_steps",
]
