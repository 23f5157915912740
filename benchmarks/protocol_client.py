"""A minimal Streamlit client: one WebSocket session speaking the app's protobuf protocol.

It does what the browser does for a session, without drawing anything: asks for a page, sends
widget values, and reads back what the script sent (metrics, text boxes, exception boxes) until
the run finishes. A classroom's load is 50 such sessions on one server; 50 real browsers on this
2-core machine would measure the browsers, not the server.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_EARLY_FOR_RERUN = 2  # ScriptFinishedStatus: a run that chains into another
FINISHED_FRAGMENT_RUN = 3  # ScriptFinishedStatus: a fragment's own rerun finished


@dataclass
class Run:
    """What one script run sent: metric values and text-box ids by label, exception boxes."""

    metrics: dict[str, str] = field(default_factory=dict)
    text_inputs: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)  #: widget key -> id
    exceptions: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fragment: bool = False  #: only a fragment of the page ran (``st.fragment``)


class StreamlitClient:
    """One session of the app at ``ws://host:port``, on ``page`` with ``query``."""

    def __init__(self, port: int, page: str, query: str) -> None:
        self._url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self._page, self._query = page, query
        self._socket = None
        self._fragment_of: dict[str, str] = {}  #: widget id -> the fragment it was drawn in

    async def __aenter__(self) -> StreamlitClient:
        self._socket = await websockets.connect(
            self._url, subprotocols=["streamlit"], max_size=2**26, open_timeout=120
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self._socket.close()

    async def run(self, widgets: dict[str, str | int] | None = None, timeout: float = 120) -> Run:
        """Rerun the page with widgets ``{id: text or whole number}`` set; return what it sent.

        As in the browser, a change to widgets drawn inside one ``st.fragment`` reruns only that
        fragment.
        """
        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name = self._query, self._page
        fragments = {self._fragment_of.get(widget_id, "") for widget_id in widgets or {}}
        if len(fragments) == 1:
            state.fragment_id = fragments.pop()
        for widget_id, text in (widgets or {}).items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(text, int):
                widget.int_value = text
            else:
                widget.string_value = text
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        run = Run()
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self._socket.recv(), timeout))
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                widget_id = _read(forward.delta.new_element, run)
                if widget_id:
                    self._fragment_of[widget_id] = forward.delta.fragment_id
            elif kind == "script_finished":
                if forward.script_finished == FINISHED_EARLY_FOR_RERUN:
                    run = Run()  # the next run replaces this one
                    continue
                run.seconds = time.perf_counter() - start
                run.fragment = forward.script_finished == FINISHED_FRAGMENT_RUN
                return run


def _read(element, run: Run) -> str:
    """Note what ``element`` shows in ``run``; return its widget id if it is a keyed widget."""
    kind = element.WhichOneof("type")
    widget_id = getattr(getattr(element, kind), "id", "")
    keyed = isinstance(widget_id, str) and widget_id.count("-") >= 2  # "$$ID-<hash>-<key>"
    if keyed:
        run.widgets[widget_id.split("-", 2)[2]] = widget_id
    if kind == "metric":
        run.metrics[element.metric.label] = element.metric.body
    elif kind == "text_input":
        run.text_inputs[element.text_input.label] = element.text_input.id
    elif kind == "exception":
        run.exceptions.append(element.exception.message)
    return widget_id if keyed else ""
