"""Work-arounds for Streamlit 1.67 behaviours that cost us speed, each with its measurement."""
