"""Give a closed class's memory back: reap the sessions Streamlit keeps for reconnection.

Streamlit (1.67) keeps a closed tab's session for 2 minutes (at most 128 of them), so that a
student whose connection dropped comes back to the same page. Its storage drops an expired
session only when another one is stored or looked up, and never shuts it down: after a class of
50 leaves, their sessions (session state, script runner, message cache) stay in memory until the
next class arrives. ``benchmarks/memory.py`` measured the server 10–13% above its start ten
seconds after 50 sessions had opened and closed ten times, and flat afterwards.

:func:`reclaim_forever`, started with the server (``app.py``), does every ``every`` seconds what
Streamlit does for a session that cannot be resumed: it takes the expired sessions out of the
storage and shuts each down. When any went, it runs a full garbage collection (Streamlit's own
after each run is off, ``.streamlit/config.toml``) and asks glibc to return its free heap pages
to the system (``malloc_trim``). A session still inside its 2 minutes is never touched.

Only Streamlit's storage of closed sessions is reached into (a private attribute, checked): if
a later Streamlit has none, this does nothing.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import logging

from streamlit import runtime

_log = logging.getLogger(__name__)
EVERY = 30.0  # seconds between two looks at the closed sessions


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


_LIBC = _libc()
M_ARENA_MAX = -8  # mallopt's parameter (glibc's malloc.h)


def fewer_arenas(limit: int = 2) -> None:
    """Stop glibc's malloc from making more arenas than ``limit``, or than it has already.

    Each rerun runs on a new thread, and each thread may be given its own arena, whose freed
    memory stays with it: with few arenas, a freed page is reused by the next run. glibc allows
    8 per core by default and fixes its limit only when it next needs a new arena. By the time
    the server calls this, it has made 4 thread arenas (``/proc/PID/maps``), which it keeps; it
    makes no more. ``benchmarks/memory.py``: +11.4–12.5% with it, +15.0% without.
    """
    if _LIBC is not None and hasattr(_LIBC, "mallopt"):
        _LIBC.mallopt(M_ARENA_MAX, limit)


def _expired_storage():
    """Return Streamlit's TTL cache of closed sessions, or None if this Streamlit has none."""
    if not runtime.exists():
        return None
    manager = getattr(runtime.get_instance(), "_session_mgr", None)
    storage = getattr(manager, "_session_storage", None)
    cache = getattr(storage, "_cache", None)
    return cache if callable(getattr(cache, "expire", None)) else None


def reclaim() -> int:
    """Shut down the closed sessions whose 2 minutes are over; return how many went.

    When any went, collect garbage and return free heap pages to the system.
    """
    cache = _expired_storage()
    if cache is None:
        return 0
    expired = cache.expire()
    for _session_id, info in expired:
        try:
            info.session.shutdown()
        except Exception:  # one broken session must not stop the others' cleanup
            _log.exception("shutting down an expired session")
    if expired:
        gc.collect()
        if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):
            _LIBC.malloc_trim(0)
    return len(expired)


async def reclaim_forever(every: float = EVERY) -> None:
    """Call :func:`reclaim` every ``every`` seconds, on the server's event loop (the storage
    is touched from that loop only, as Streamlit does)."""
    while True:
        await asyncio.sleep(every)
        try:
            reclaim()
        except Exception:
            _log.exception("reclaiming closed sessions")
