"""The baseline of the app benchmarks: a trivial Streamlit page, one input box and one chart."""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lab.streamlit_fixes.net import no_delay_once

no_delay_once()  # the same server fix as app.py's, so that only the pages differ

st.title("Trivial page")
text = st.text_input("Numbers", "1, 2, 3", key="numbers")
try:
    values = [float(v) for v in text.split(",")]
except ValueError:
    values = [0.0]
st.metric("Sum", f"{sum(values):.4f}")
st.plotly_chart(
    go.Figure(go.Bar(y=values, text=[f"{v:.3f}" for v in values], textposition="outside")),
    theme=None,
)
