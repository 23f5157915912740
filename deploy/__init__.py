"""Serving the app to a course: N Streamlit processes behind nginx (see docs/serving.md)."""
