"""Send every rerun to the browser at once: Nagle's algorithm off on the server's sockets.

Streamlit (1.67) binds its listening socket with ``socket.socket(family)``, whose ``proto`` is 0,
and asyncio only turns Nagle's algorithm off (``TCP_NODELAY``) on sockets whose ``proto`` is
``IPPROTO_TCP``. With Nagle on, the first small message of a rerun leaves at once and the rest
wait until the browser acknowledges it, which Linux delays by 40 ms: every change a student makes
came back 40 ms late, whatever the page (``benchmarks/bench_app.py`` measured 44 ms for a rerun
whose script takes 3 ms, 6 ms with this fix).

The fix is the socket option itself, set once per process on its TCP sockets: on the server's
listening socket, which connections accepted later inherit (Linux, macOS), and on the
connections already open (a client connection the process holds gets it too, harmlessly).
Nothing of Streamlit's is patched; if Streamlit sets the option itself, this changes nothing.
"""

from __future__ import annotations

import gc
import logging
import socket
import threading

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_done = False


def tcp_sockets() -> list[socket.socket]:
    """Return this process's open TCP sockets: the server's, and any client connections."""
    found = []
    for obj in gc.get_objects():
        # type(), not isinstance(): that would also ask each object for ``__class__``, which
        # some lazy modules' objects answer with a deprecation warning
        if not issubclass(type(obj), socket.socket):
            continue
        try:
            if (
                obj.family in (socket.AF_INET, socket.AF_INET6)
                and obj.type == socket.SOCK_STREAM
                and obj.fileno() != -1
            ):
                found.append(obj)
        except Exception:  # an odd socket subclass is simply left alone
            continue
    return found


def no_delay_once() -> int:
    """Set ``TCP_NODELAY`` on this process's TCP sockets, the first time only.

    Returns how many sockets were set (0 after the first call). Takes about 20 ms, once. It is
    only a speed-up: whatever goes wrong is logged and the app runs on as before.
    """
    global _done
    with _lock:
        if _done:
            return 0
        _done = True
        count = 0
        try:
            for sock in tcp_sockets():
                try:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    count += 1
                except OSError:  # closed meanwhile, or not a socket this option applies to
                    pass
        except Exception:  # never let a speed-up break the page
            _log.warning("could not turn Nagle's algorithm off", exc_info=True)
        return count
