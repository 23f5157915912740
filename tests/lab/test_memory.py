"""The reclaiming of closed sessions (lab/streamlit_fixes/memory.py), on Streamlit's own storage."""

from __future__ import annotations

from types import SimpleNamespace

from streamlit.runtime.memory_session_storage import MemorySessionStorage

from lab.streamlit_fixes import memory


class Session:
    def __init__(self, name: str) -> None:
        self.id = name
        self.shut_down = False

    def shutdown(self) -> None:
        self.shut_down = True


def _runtime(monkeypatch, storage) -> None:
    instance = SimpleNamespace(_session_mgr=SimpleNamespace(_session_storage=storage))
    fake = SimpleNamespace(exists=lambda: True, get_instance=lambda: instance)
    monkeypatch.setattr(memory, "runtime", fake)


def test_expired_sessions_are_shut_down_and_the_others_kept(monkeypatch):
    clock = [0.0]
    storage = MemorySessionStorage(maxsize=128, ttl_seconds=120)
    storage._cache._timer = lambda: clock[0]  # Streamlit's TTL cache, on a clock of our own
    old, recent = Session("old"), Session("recent")
    storage.save(SimpleNamespace(session=old))
    clock[0] = 100.0
    storage.save(SimpleNamespace(session=recent))
    _runtime(monkeypatch, storage)

    assert memory.reclaim() == 0  # both within their 2 minutes
    clock[0] = 130.0
    assert memory.reclaim() == 1
    assert old.shut_down and not recent.shut_down
    assert storage.get("recent") is not None and storage.get("old") is None
    clock[0] = 230.0
    assert memory.reclaim() == 1 and recent.shut_down


def test_nothing_happens_without_a_server_or_a_storage(monkeypatch):
    monkeypatch.setattr(memory, "runtime", SimpleNamespace(exists=lambda: False))
    assert memory.reclaim() == 0
    _runtime(monkeypatch, SimpleNamespace())  # a later Streamlit without this storage
    assert memory.reclaim() == 0
