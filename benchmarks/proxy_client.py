"""A student behind the reverse proxy: a protocol client with nginx's cookie and the live URL.

:class:`ProxiedClient` is ``protocol_client.StreamlitClient`` plus what a browser has behind
``deploy/nginx.conf``: the routing cookie nginx set on the first page load (sent with every
request, so the session stays on one app process), the app process that answered (nginx's debug
header, see ``deploy/cluster.py``), and the page's current query string, which the app rewrites
on every run and the browser sends again when it reconnects.

:func:`proxied_student` types logit lists on the Playground like ``load.py``'s students, and
when its WebSocket drops (its app process died) reconnects with the same cookie and URL and
checks that the new session shows the numbers of the last change it saw: restored from the URL.
"""

from __future__ import annotations

import asyncio
import math
import random
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

import websockets
from protocol_client import StreamlitClient
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from deploy.cluster import ROUTE_COOKIE, UPSTREAM_HEADER  # the repository's root is on the path

RECONNECTS = 3  # a student gives up after this many lost connections in one run
RECONNECT_PAUSE = 0.5  # seconds; Streamlit's browser client also waits before reconnecting


def first_visit(port: int, path: str) -> tuple[str, str]:
    """Load ``path`` through the proxy as a browser's first visit; return (cookie, upstream).

    Straight from an app process (no proxy) both are empty.
    """
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as response:
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or ():
            jar.load(header)
        upstream = answered(response.headers.get(UPSTREAM_HEADER, ""))
    if upstream and ROUTE_COOKIE not in jar:
        raise RuntimeError("the proxy set no routing cookie")
    return (jar[ROUTE_COOKIE].value if ROUTE_COOKIE in jar else ""), upstream


def answered(upstreams: str) -> str:
    """Return the process that answered, from nginx's ``$upstream_addr``.

    It lists every process tried: ``127.0.0.1:8502, 127.0.0.1:8501`` when the first was down.
    """
    return upstreams.rsplit(",", 1)[-1].strip()


class _Tap:
    """The client's WebSocket, noting each new query string the app sends on its way past."""

    def __init__(self, socket, client: ProxiedClient) -> None:
        self._socket, self._client = socket, client

    async def recv(self):
        data = await self._socket.recv()
        message = ForwardMsg()
        message.ParseFromString(data)
        if message.WhichOneof("type") == "page_info_changed":
            self._client.query = message.page_info_changed.query_string
        return data

    def __getattr__(self, name):
        return getattr(self._socket, name)


class ProxiedClient(StreamlitClient):
    """One session through nginx on 127.0.0.1:``port``, with the browser's ``cookie``."""

    def __init__(self, port: int, page: str, query: str, cookie: str) -> None:
        super().__init__(port, page, query)
        self.cookie = cookie
        self.upstream = ""  #: the app process that took the WebSocket (nginx's debug header)

    @property
    def query(self) -> str:
        """The page's query string now, as the browser's address bar would show it."""
        return self._query

    @query.setter
    def query(self, value: str) -> None:
        self._query = value

    async def __aenter__(self) -> ProxiedClient:
        socket = await websockets.connect(
            self._url,
            subprotocols=["streamlit"],
            max_size=2**26,
            open_timeout=60,
            additional_headers={"Cookie": f"{ROUTE_COOKIE}={self.cookie}"} if self.cookie else None,
        )
        self.upstream = answered(socket.response.headers.get(UPSTREAM_HEADER, ""))
        self._socket = _Tap(socket, self)
        return self


def expected_loss(z: list[float]) -> str:
    """Return the loss for true class 1 as the page prints it (4 decimals), computed here."""
    m = max(z)
    return f"{math.log(sum(math.exp(v - m) for v in z)) - (z[0] - m):.4f}"


def logits_in(query: str) -> list[float]:
    """Return the logits a Playground query string holds (the page's default when it has none)."""
    text = parse_qs(query).get("z", ["2, 1, 0.1, -1, 3"])[0]
    return [float(v) for v in text.replace(" ", "").split(",")]


@dataclass
class Student:
    """What one student saw: latencies, errors, the app processes it was on, its reconnections."""

    index: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_upstream: str = ""  #: the process that served the first page load
    upstreams: list[str] = field(default_factory=list)  #: one per WebSocket, in order
    lost: int = 0  #: WebSockets that dropped
    restored: int = 0  #: reconnections that showed the last numbers seen, from the URL
    done: int = 0  #: changes answered


async def proxied_student(
    port: int,
    student: Student,
    changes: list[list[float]],
    think: float = 0.0,
    pauses: random.Random | None = None,
    visit: tuple[str, str] | None = None,
    before_change: Callable[[int], Awaitable[None]] | None = None,
) -> None:
    """Type ``changes`` (logit lists) on the Playground through the proxy on ``port``.

    ``think``: seconds between changes (0.5x to 1.5x of it, drawn from ``pauses``); ``visit``:
    the ``(cookie, upstream)`` of a first visit already made; ``before_change(i)`` is awaited
    before the ``i``-th change (a test holds the students there while it kills a process).
    """
    index = student.index
    try:
        if visit is None:
            visit = await asyncio.to_thread(first_visit, port, "playground?lang=en")
        cookie, student.first_upstream = visit
        query = "lang=en"
        change, gated = 0, -1
        for _ in range(RECONNECTS + 1):
            try:
                async with ProxiedClient(port, "playground", query, cookie) as client:
                    student.upstreams.append(client.upstream)
                    first = await client.run()
                    if len(student.upstreams) > 1:  # a reconnection: the URL must bring it back
                        shown, want = first.metrics.get("Loss"), expected_loss(logits_in(query))
                        if shown == want:
                            student.restored += 1
                        else:
                            student.errors.append(
                                f"session {index} reconnected: want {want}, shows {shown}"
                            )
                    box = next(i for k, i in first.text_inputs.items() if k.startswith("Logits"))
                    while change < len(changes):
                        if before_change is not None and change > gated:
                            gated = change  # once per change, not again after a reconnection
                            await before_change(change)
                        if think and pauses is not None:
                            await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
                        z = changes[change]
                        run = await client.run({box: ", ".join(map(str, z))})
                        query = client.query  # what the address bar shows after this run
                        student.latencies.append(run.seconds)
                        student.done += 1
                        shown, want = run.metrics.get("Loss"), expected_loss(z)
                        if shown != want:
                            student.errors.append(
                                f"session {index} change {change}: want {want}, shows {shown}"
                            )
                        student.errors.extend(
                            f"session {index}: exception {e[:80]}" for e in run.exceptions
                        )
                        change += 1
                    return
            except (websockets.ConnectionClosed, OSError):
                student.lost += 1  # its process died: reconnect, as the browser does
                await asyncio.sleep(RECONNECT_PAUSE)
        student.errors.append(f"session {index}: gave up after {RECONNECTS} reconnections")
    except Exception as exc:  # a session that could not even load counts as an error
        student.errors.append(f"session {index}: {type(exc).__name__}: {exc}")
