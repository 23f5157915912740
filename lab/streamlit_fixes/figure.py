"""Hand Streamlit a figure that is already a plain dict, without Plotly's validation."""

from __future__ import annotations

import plotly.graph_objects as go


class Prebuilt(go.Figure):
    """A figure already held as a plain dict, handed to Streamlit as it is.

    Streamlit turns a dict into a ``go.Figure`` to validate it (about 25 ms a chart with Plotly
    7); given a Figure it only calls ``to_dict()``. Our dicts are built by tested code, so they
    skip that step: this is what keeps a rerun of the Playground fast.
    """

    def __init__(self, spec: dict) -> None:  # no super().__init__: that is the validation
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec
