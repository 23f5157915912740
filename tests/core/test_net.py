"""lab.net: Nagle's algorithm off on the server's sockets, once per process."""

import socket

import pytest

from lab.streamlit_fixes import net


@pytest.fixture
def fresh(monkeypatch):
    monkeypatch.setattr(net, "_done", False)


def nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_listening_socket_made_as_streamlit_makes_it_gets_nodelay(fresh):
    # Streamlit 1.67 binds with socket.socket(family): proto 0, which asyncio leaves with Nagle on.
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert not nodelay(listener)
        assert net.no_delay_once() >= 1
        assert nodelay(listener)
        with socket.create_connection(listener.getsockname()) as client:
            accepted, _ = listener.accept()
            with accepted:
                assert nodelay(accepted)  # later connections inherit it from the listener
                assert client


def test_open_connections_get_nodelay_too(fresh):
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as client:
            accepted, _ = listener.accept()
            with accepted:
                assert not nodelay(accepted)
                net.no_delay_once()
                assert nodelay(accepted)
                assert nodelay(client)


def test_only_the_first_call_scans(fresh):
    net.no_delay_once()
    with socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert net.no_delay_once() == 0
        assert not nodelay(listener)


def test_closed_and_non_tcp_sockets_are_left_alone(fresh):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    closed = socket.socket(socket.AF_INET)
    closed.close()
    with udp:
        found = net.tcp_sockets()
        assert all(s is not udp and s is not closed for s in found)
        net.no_delay_once()  # nothing raised


class _OddSocket(socket.socket):
    """A socket subclass whose family cannot even be read."""

    @property
    def family(self):
        raise RuntimeError("odd")


def test_an_odd_socket_is_skipped_and_the_others_still_get_nodelay(fresh):
    with _OddSocket(socket.AF_INET) as odd, socket.socket(family=socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert net.no_delay_once() >= 1
        assert nodelay(listener)
        assert odd not in net.tcp_sockets()


def test_a_failing_scan_is_logged_and_never_reaches_the_page(fresh, monkeypatch, caplog):
    def broken() -> list:
        raise MemoryError

    monkeypatch.setattr(net, "tcp_sockets", broken)
    assert net.no_delay_once() == 0
    assert "Nagle" in caplog.text
