"""The first visitors of a new server: routed by Streamlit's legacy ``pages/`` folder routing.

Streamlit 1.67 decides once per process whether the app uses the old folder routing
(``PagesManager.uses_pages_directory``: does a ``pages/`` folder stand beside ``app.py``?) and
only ``st.navigation`` turns it off. So every session that starts a run before the first
``st.navigation`` has run is routed by the folder: with no ``pages/*.py`` (each lesson is a
folder) it finds no page called ``playground``, queues a "Page not found" dialog and runs
``app.py`` inside that routing. Measured on a fresh server: the first visitor of
``/playground`` saw the dialog (tests/e2e/test_shell.py opens three together).

:func:`leave_folder_routing` turns the folder routing off and restarts the run, for the
page the visitor asked for, before anything was drawn: the restart clears the queued dialog
with the rest of the run's output (``AppSession`` clears the browser queue when a run starts)
and the new run is routed by ``st.navigation`` alone. ``st.rerun()`` would not do: it reruns
the page the folder routing chose (the main script, so the visitor would land on the default
page), hence a rerun asked for by the page's name, as the browser asks for it.
"""

from __future__ import annotations

import sys

from streamlit.runtime.scriptrunner import RerunData, RerunException, get_script_run_ctx

try:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_runner import _mpa_v1
except ImportError:  # a Streamlit without the folder routing
    PagesManager = _mpa_v1 = None


def _routed_by_folder() -> bool:
    """Return whether this run of ``app.py`` was started by the folder routing (``_mpa_v1``).

    Asked of the run itself, not of the process-wide flag: visitors arriving together are all
    routed by the folder before the first of them turns it off.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is _mpa_v1.__code__:
            return True
        frame = frame.f_back
    return False


def leave_folder_routing() -> None:
    """Rerun this run through ``st.navigation`` if Streamlit's folder routing started it."""
    if _mpa_v1 is None or not _routed_by_folder():
        return
    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    if ctx is None:  # not a server run (AppTest routes by itself)
        return
    raise RerunException(
        RerunData(
            query_string=ctx.query_string,
            page_name=ctx.pages_manager.intended_page_name or "",
            context_info=ctx.context_info,
        )
    )
