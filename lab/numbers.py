"""How numbers are printed, everywhere in the app: one place, so "full" means one thing."""

from __future__ import annotations


def format_value(value: float, digits: int = 3) -> str:
    """Return ``value`` as printed on a bar: 3 decimals, or scientific when tiny or huge."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    if value != 0 and (abs(value) < 10 ** (-digits) or abs(value) >= 1e5):
        return f"{value:.{max(1, digits - 1)}e}"
    return f"{value:.{digits}f}"
