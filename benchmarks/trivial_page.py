"""The baseline of bench_app.py: a trivial Streamlit page with one small chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Trivial page")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3, 4, 5], y=[0.1, 0.1, 0.1, 0.2, 0.5])), theme=None)
