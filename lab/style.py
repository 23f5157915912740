"""The app's own stylesheet (constant CSS, never user text): nothing is ever cut short.

Streamlit cuts metric values, metric labels, button labels and menu entries with "…" when they
do not fit; a number cut to "1.4…" on a projector is as wrong as a wrong number. Here they wrap
or shrink instead. Plotly's toolbar is hidden on touch screens, where it sits over the titles.
"""

from __future__ import annotations

import streamlit as st

_CSS = """
<style>
/* Metrics: the value shrinks with its column instead of being cut; the label wraps. */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  overflow: visible !important; text-overflow: clip !important; white-space: nowrap;
}
[data-testid="stMetricValue"] { font-size: clamp(1.25rem, 2.4vw, 2.25rem); }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  overflow: visible !important; text-overflow: clip !important; white-space: normal !important;
}
/* Buttons, segmented controls and menu entries wrap onto a second line. */
[data-testid^="stBaseButton"] p, [data-testid^="stBaseButton"] div,
[data-testid="stSidebarNavLink"] span, [data-testid="stButtonGroup"] button * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid^="stBaseButton"] { height: auto; min-height: 2.5rem; }
[data-testid="stButtonGroup"] > div { flex-wrap: wrap; }
/* A phone: display equations a little smaller, so a vector of five numbers fits a line. */
@media (max-width: 640px) {
  .katex-display > .katex { font-size: 0.95em; }
}
/* A phone: a title of two lines at most, less blank above it, the introduction folded (the
   inputs before a screen of prose; lab.header draws it both ways). */
.st-key-intro_folded { display: none !important; }
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 1.8rem; line-height: 1.25; }
  [data-testid="stMain"] h2 { font-size: 1.35rem; }
  [data-testid="stMain"] h3 { font-size: 1.15rem; }
  .stMainBlockContainer { padding-top: 3.25rem; }
  .st-key-intro_shown { display: none !important; }
  .st-key-intro_folded { display: block !important; }
}
/* A phone: a row of metrics and nothing else (loss, entropy, ...) is a 2×2 grid, not a column of
   four; a row that mixes metrics with inputs or charts stacks as usual. */
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] > [data-testid="stVerticalBlock"]
      > [data-testid="stElementContainer"] > [data-testid="stMetric"]):not(:has(
      > [data-testid="stColumn"] > [data-testid="stVerticalBlock"]
      > [data-testid="stElementContainer"] > :not([data-testid="stMetric"])))
      > [data-testid="stColumn"] {
    min-width: calc(50% - 1rem) !important; width: calc(50% - 1rem) !important;
    flex: 1 1 calc(50% - 1rem) !important;
  }
}
/* Touch screens: no chart toolbar over the chart's title (the PNG download stays on desktop). */
@media (hover: none) and (pointer: coarse) {
  .modebar-container { display: none !important; }
}
</style>
"""


def apply() -> None:
    """Add the stylesheet to this run's page."""
    st.html(_CSS)
