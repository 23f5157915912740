"""The derivation in LaTeX, with the example's numbers filled in (no math here: ce_core's)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lab import numbers
from pages.derivation.model import ChainRule, TwoClassSigmoid


def number(value: float, digits: int = 4) -> str:
    """Return ``value`` in LaTeX with ``digits`` decimals, or as many significant digits if small.

    ``0.2000``, ``-0.8000``, ``0.005455``, ``1.234 \\times 10^{-30}``, ``\\infty``; 0 is ``0``.
    Small values keep their significant digits so that a product of rounded factors still
    agrees with the rounded result.
    """
    value = float(value)
    if value == 0:
        return "0"
    if not np.isfinite(value):
        return r"\mathrm{NaN}" if value != value else (r"\infty" if value > 0 else r"-\infty")
    size = abs(value)
    if size < 1e-4 or size >= 1e5:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    if size < 0.1:
        return f"{value:#.{digits}g}"
    return numbers.fixed(value, digits)


def typed(value: float) -> str:
    """Return a typed value in LaTeX, as short as it reads: ``2``, ``-0.5``, ``-\\infty``."""
    text = number(value) if not np.isfinite(value) else numbers.sig(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def wrapped(value: float) -> str:
    """Return ``number(value)``, in parentheses when negative (for a product)."""
    text = number(value)
    return f"({text})" if text.startswith("-") else text


def vector(values: np.ndarray, shown: Sequence[int], whole: bool = False) -> str:
    """Return ``(v_1,\\ v_2, …)`` for the classes ``shown``.

    When some classes are left out, ``\\dots`` stands for them and each value shown carries its
    class number underneath.
    """
    parts: list[str] = []
    previous = -1
    some = len(shown) < len(values)
    for k in shown:
        if k != previous + 1:
            parts.append(r"\dots")
        text = numbers.fixed(values[k], 0) if whole else number(values[k])
        parts.append(rf"\underset{{{k + 1}}}{{{text}}}" if some else text)
        previous = k
    if previous != len(values) - 1:
        parts.append(r"\dots")
    return "(" + ",\\ ".join(parts) + ")"


def _var(c: ChainRule) -> str:
    return "z" if c.temperature == 1.0 else "u"


def _d(top: str, bottom: str) -> str:
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def latex_forward(c: ChainRule, shown: Sequence[int]) -> str:
    """Return the forward pass, one line each: ``u = z / T``, ``a = softmax(z) = (…)``, ``y``."""
    lines = (
        []
        if c.temperature == 1.0
        else [rf"u &= \frac{{z}}{{T}} = \frac{{z}}{{{numbers.sig(c.temperature)}}}"]
    )
    lines.append(rf"a &= \mathrm{{softmax}}({_var(c)}) \\ &= {vector(c.a, shown)}")
    lines.append(rf"y &= {vector(c.y, shown, whole=True)}")
    return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"


def latex_loss(c: ChainRule) -> str:
    """Return ``L = -Σ y_k ln a_k = -ln a_j = -ln 0.2000 = 1.6094`` (or how a_j = 0 ends)."""
    j = c.target + 1
    start = rf"L &= -\sum_{{k=1}}^{{{c.a.size}}} y_k \ln a_k \\ &= -\ln a_{{{j}}}"
    if c.a[c.target] > 0 or not np.isfinite(c.loss):
        end = rf" = -\ln {number(c.a[c.target])} = {number(c.loss)}"
    else:  # a_j underflowed to 0, the loss itself did not (it comes from log-softmax)
        u = _var(c)
        end = rf" = \ln \sum_k e^{{{u}_k}} - {u}_{{{j}}} = {number(c.loss)}"
    return rf"\begin{{aligned}} {start}{end} \end{{aligned}}"


def latex_chain(c: ChainRule) -> str:
    """Return the chain rule through a_j, with ``-1/a_j`` as a number when it is one."""
    j, u = c.target + 1, _var(c)
    general = (
        rf"{_d('L', f'{u}_i')} = {_d('L', f'a_{{{j}}}')}\,{_d(f'a_{{{j}}}', f'{u}_i')}"
        rf" = -\frac{{1}}{{a_{{{j}}}}}\,{_d(f'a_{{{j}}}', f'{u}_i')}"
    )
    if not c.invertible:
        return general
    return (
        rf"{general}, \qquad -\frac{{1}}{{a_{{{j}}}}} = -\frac{{1}}{{{number(c.a[c.target])}}}"
        rf" = {number(c.inverse)}"
    )


def latex_softmax(c: ChainRule) -> str:
    """Return the softmax written out for the true class, ready for the quotient rule."""
    u = _var(c)
    return (
        rf"a_j = \frac{{e^{{{u}_j}}}}{{S}}, \qquad S = \sum_{{k=1}}^{{{c.a.size}}} e^{{{u}_k}},"
        rf" \qquad {_d('S', f'{u}_i')} = e^{{{u}_i}}"
    )


def latex_same_class(c: ChainRule) -> tuple[str, str]:
    """Return the case i = j: the general derivation, then the line with the numbers."""
    j, u = c.target + 1, _var(c)
    general = (
        rf"{_d('a_j', f'{u}_j')} = \frac{{e^{{{u}_j}} S - e^{{{u}_j}} e^{{{u}_j}}}}{{S^2}}"
        rf" = a_j(1 - a_j) \quad\Rightarrow\quad {_d('L', f'{u}_j')}"
        r" = -\frac{1}{a_j}\,a_j(1 - a_j) = a_j - 1"
    )
    a_j = number(c.a[c.target])
    slope = rf"{_d(f'a_{{{j}}}', f'{u}_{{{j}}}')} = {a_j}\,(1 - {a_j}) = {number(c.diagonal)}"
    grad = _d("L", f"{u}_{{{j}}}")
    if c.invertible:
        product = rf"{number(c.inverse)} \cdot {wrapped(c.diagonal)} = {number(c.grad_target)}"
        return general, rf"{slope}, \qquad {grad} = {product} = a_{{{j}}} - 1"
    return general, rf"{slope}, \qquad {grad} = a_{{{j}}} - 1 = {number(c.grad_u[c.target])}"


def latex_other_class(c: ChainRule) -> tuple[str, str]:
    """Return the case i ≠ j: the general derivation, then the line for ``c.other``."""
    j, i, u = c.target + 1, c.other + 1, _var(c)
    general = (
        rf"{_d('a_j', f'{u}_i')} = \frac{{0 \cdot S - e^{{{u}_j}} e^{{{u}_i}}}}{{S^2}}"
        rf" = -a_j a_i \quad\Rightarrow\quad {_d('L', f'{u}_i')}"
        r" = -\frac{1}{a_j}\,(-a_j a_i) = a_i"
    )
    slope = (
        rf"{_d(f'a_{{{j}}}', f'{u}_{{{i}}}')} = -{number(c.a[c.target])} \cdot "
        rf"{wrapped(c.a[c.other])} = {number(c.off_diagonal)}"
    )
    grad = _d("L", f"{u}_{{{i}}}")
    if c.invertible:
        product = rf"{number(c.inverse)} \cdot {wrapped(c.off_diagonal)} = {number(c.grad_other)}"
        return general, rf"{slope}, \qquad {grad} = {product} = a_{{{i}}}"
    return general, rf"{slope}, \qquad {grad} = a_{{{i}}} = {number(c.grad_u[c.other])}"


def latex_result(c: ChainRule, shown: Sequence[int]) -> str:
    """Return ``∂L/∂z = a - y = (…) - (…) = (…)`` over aligned lines, the answer boxed."""
    result = vector(c.grad_u, shown)
    if c.temperature == 1.0:  # the answer; with a temperature one more step follows
        result = rf"\boxed{{{result}}}"
    lines = [rf"{_d('L', _var(c))} &= a - y"]
    if len(shown) == c.a.size:  # two vectors of many classes would not fit on one line
        lines.append(rf"&= {vector(c.a, shown)}")  # a and y one a line: a phone's width
        lines.append(rf"&\quad - {vector(c.y, shown, whole=True)}")
    lines.append(rf"&= {result}")
    return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"


def latex_temperature(c: ChainRule, shown: Sequence[int]) -> str:
    """Return the last chain-rule factor ``∂u_i/∂z_i = 1/T`` and the gradient it gives."""
    return (
        rf"\begin{{aligned}} {_d('L', 'z_i')} &= {_d('L', 'u_i')}\,{_d('u_i', 'z_i')}"
        r" = \frac{a_i - y_i}{T} \\"
        rf" {_d('L', 'z')} &= \frac{{a - y}}{{{numbers.sig(c.temperature)}}}"
        rf" = \boxed{{{vector(c.grad, shown)}}} \end{{aligned}}"
    )


def latex_jacobian(c: ChainRule) -> str:
    """Return the Jacobian's formula, divided by T when there is a temperature."""
    scale = "" if c.temperature == 1.0 else r"\frac{1}{T}"
    return (
        rf"J_{{ik}} = {_d('a_i', 'z_k')} = {scale}a_i(\delta_{{ik}} - a_k), \qquad"
        rf" J = {scale}\left(\mathrm{{diag}}(a) - a a^\top\right)"
    )


def latex_backprop(c: ChainRule, shown: Sequence[int]) -> str:
    """Return ``∂L/∂a = -y/a = (…)``, then ``J^T ∂L/∂a = (…)`` beside ``∂L/∂z = (…)``."""
    scale = "" if c.temperature == 1.0 else r"\frac{1}{T}"
    return (
        rf"\begin{{aligned}} {_d('L', 'a')} &= -\frac{{y}}{{a}} = {vector(c.dloss_da, shown)} \\"
        rf" J^\top {_d('L', 'a')} &= {vector(c.chain, shown)} \\"
        rf" {_d('L', 'z')} = {scale}(a - y) &= {vector(c.grad, shown)} \end{{aligned}}"
    )


SIGMOID = (
    r"\sigma(x) = \frac{1}{1 + e^{-x}}, \qquad"
    r" \sigma'(x) = \frac{e^{-x}}{(1 + e^{-x})^2} = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"
)
TWO_CLASSES = (
    r"\mathrm{softmax}(z_1, z_2)_2 = \frac{e^{z_2}}{e^{z_1} + e^{z_2}}"
    r" = \frac{1}{1 + e^{-(z_2 - z_1)}} = \sigma(z_2 - z_1)"
)


def latex_two_classes(pair: TwoClassSigmoid, z1: float, z2: float, temperature: float) -> str:
    """Return the identity with the numbers: ``d = …``, ``softmax(…)_2 = … = σ(d) = …``, σ'."""
    first = typed(z1) if z1 >= 0 else f"({typed(z1)})"
    args = f"{typed(z1)}, {typed(z2)}"
    if temperature == 1.0:
        d = rf"d = z_2 - z_1 = {typed(z2)} - {first} = {number(pair.d)}"
        softmax = rf"\mathrm{{softmax}}({args})_2"
        slope = r"\frac{\partial a_2}{\partial z_2}"
    else:
        d = (
            rf"d = \frac{{z_2 - z_1}}{{T}} = \frac{{{typed(z2)} - {first}}}"
            rf"{{{numbers.sig(temperature)}}} = {number(pair.d)}"
        )
        softmax = (
            rf"\mathrm{{softmax}}\left(\frac{{({args})}}{{{numbers.sig(temperature)}}}\right)_2"
        )
        slope = r"\frac{\partial a_2}{\partial u_2}"
    a_2 = number(pair.softmax[1])
    return (
        rf"\begin{{aligned}} & {d} \\"
        rf" & {softmax} = {a_2} \;=\; \sigma({number(pair.d)}) = {number(pair.sigmoid[1])} \\"
        rf" & {slope} = a_2(1 - a_2) = {a_2}\,(1 - {a_2}) = {number(pair.jacobian)}"
        rf" \;=\; \sigma'({number(pair.d)}) = {number(pair.slope)} \end{{aligned}}"
    )


def stacked(tex: str) -> str:
    r"""Return ``tex`` with its side-by-side parts (``, \qquad``, ``\Rightarrow``) one a line.

    One line of them is wider than a phone; stacked and centred, each fits.
    """
    lines = tex.replace(r", \qquad", r" \\ ").replace(r"\qquad", r" \\ ")
    lines = lines.replace(r"\quad\Rightarrow\quad", r" \\ \Rightarrow\ ")
    return tex if lines == tex else rf"\begin{{gathered}} {lines} \end{{gathered}}"
