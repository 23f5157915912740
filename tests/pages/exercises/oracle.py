"""Right answers and typical wrong ones, computed with mpmath from the problem's given numbers
only (never from the checker's own answers)."""

from __future__ import annotations

import mpmath as mp

mp.mp.dps = 30


def softmax(z):
    exps = [mp.e ** mp.mpf(v) for v in z]
    total = mp.fsum(exps)
    return [e / total for e in exps]


def loss(z, j, eps=0.0, weight=None):
    a, K = softmax(z), len(z)
    q = [(1 - mp.mpf(eps)) * (k == j) + mp.mpf(eps) / K for k in range(K)]
    value = -mp.fsum(q_k * mp.log(a_k) for q_k, a_k in zip(q, a, strict=True))
    return value * (weight[j] if weight is not None else 1)


def sigmoid(x):
    return 1 / (1 + mp.e ** (-mp.mpf(x)))


def answers(p) -> dict[str, list]:
    """Return the right answer of each part of problem ``p``, as floats."""
    z, j = [float(v) for v in p.z], p.target
    a = softmax(z)
    if p.kind == "softmax":
        out = {"a": a}
    elif p.kind == "loss":
        out = {"loss": [loss(z, j)]}
    elif p.kind == "gradient":
        out = {"grad": [a_k - (k == j) for k, a_k in enumerate(a)]}
    elif p.kind == "jacobian":
        i, k = p.i, p.k
        out = {"entry": [a[i] * ((i == k) - a[k])]}
    elif p.kind == "shift":
        top = max(z)
        limit = mp.log(mp.mpf("3.4028234663852886e38"))
        out = {"shifted": [v - top for v in z], "finite": [int(v < limit) for v in z]}
    elif p.kind == "sigmoid":
        s = sigmoid(z[0])
        out = {"sigma": [s], "slope": [s * (1 - s)]}
    elif p.kind == "finite_difference":
        up, down = list(z), list(z)
        up[p.i] += p.eps
        down[p.i] -= p.eps
        out = {"estimate": [(loss(up, j) - loss(down, j)) / (2 * p.eps)]}
    else:
        weight = None if p.weight is None else [float(w) for w in p.weight]
        out = {"loss": [loss(z, j, p.eps if weight is None else 0.0, weight)]}
    return {name: [float(v) for v in values] for name, values in out.items()}


def typed(values, digits: int = 4) -> str:
    """Return the numbers as a student types them: ``digits`` significant digits."""
    return ", ".join(f"{v:.{digits}g}" for v in values)
