"""N app processes behind one nginx, on this machine: what the proxy test and load.py start.

:func:`render_nginx_conf` fills in ``deploy/nginx.conf``; :func:`start_app` starts one
``streamlit run app.py`` on 127.0.0.1 and waits for ``/_stcore/health``; :class:`Cluster` starts
``apps`` of them and nginx in front, in a temporary prefix, and stops all of it on exit. Every
wait is bounded in time; everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"
NGINX = os.environ.get("CE_LAB_NGINX", shutil.which("nginx") or "/usr/sbin/nginx")
HEALTH_TIMEOUT = 90.0  # seconds: a first start imports NumPy, pandas and Plotly
TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
ROUTE_COOKIE = "ce_lab_route"
UPSTREAM_HEADER = "X-CE-Lab-Upstream"  #: only with ``debug_header=True``: which process answered


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(port: int) -> bool:
    """Return whether ``/_stcore/health`` on 127.0.0.1:``port`` answers 200 now."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def render_nginx_conf(
    app_ports: list[int],
    listen: str,
    prefix: str,
    *,
    user: str | None = None,
    debug_header: bool = False,
) -> str:
    """Return ``deploy/nginx.conf`` for the app processes on ``app_ports``, listening on ``listen``.

    ``prefix`` holds the pid file, the logs and nginx's temporary files; ``user`` is the user its
    workers run as (only when nginx starts as root); ``debug_header`` adds a response header
    naming the app process that answered, which the proxy test reads to check stickiness.
    """
    servers = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in app_ports
    )
    debug = f"        add_header {UPSTREAM_HEADER} $upstream_addr always;" if debug_header else ""
    return (
        TEMPLATE.read_text()
        .replace("@@USER@@", f"user {user};" if user else "")
        .replace("@@PREFIX@@", prefix)
        .replace("@@SERVERS@@", servers)
        .replace("@@LISTEN@@", listen)
        .replace("@@DEBUG_HEADER@@", debug)
    )


@dataclass
class AppProcess:
    """One ``streamlit run app.py`` process: its port and its process (its own group)."""

    port: int
    process: subprocess.Popen

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        """End it at once (SIGKILL to its whole group), as a crash or an OOM kill would."""
        stop(self.process, signals=(signal.SIGKILL,))


def start_app(
    port: int, log: Path | None = None, env: dict[str, str] | None = None, wait: bool = True
) -> AppProcess:
    """Start ``streamlit run app.py`` on 127.0.0.1:``port``; with ``wait``, return once healthy."""
    command = [
        *(sys.executable, "-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.port", str(port)),
        *("--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"),
        *("--server.fileWatcherType", "none"),
    ]
    output = log.open("a") if log else subprocess.DEVNULL
    try:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stop() ends all of it
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )
    finally:
        if log:
            output.close()
    app = AppProcess(port, process)
    if wait:
        wait_healthy([app])
    return app


def wait_healthy(apps: list[AppProcess], timeout: float = HEALTH_TIMEOUT) -> None:
    """Return once every app answers its health check; raise if one exits or time runs out."""
    deadline = time.monotonic() + timeout
    waiting = list(apps)
    while waiting:
        waiting = [app for app in waiting if not healthy(app.port)]
        for app in waiting:
            if app.process.poll() is not None:
                code = app.process.returncode
                raise RuntimeError(f"streamlit on port {app.port} exited ({code})")
        if waiting and time.monotonic() > deadline:
            raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s on {waiting[0].port}")
        time.sleep(0.2)


def stop(process: subprocess.Popen, signals=(signal.SIGTERM, signal.SIGKILL)) -> None:
    """End ``process`` and its group: each signal in turn, waiting up to 10 s after each."""
    for sig in signals:
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@dataclass
class Cluster:
    """``apps`` app processes and nginx in front, on free ports; a context manager.

    ``with Cluster(2) as cluster:`` then ``cluster.port`` is nginx's port, ``cluster.apps`` the
    app processes. All processes share one ``server.cookieSecret``, as replicas must (see
    docs/serving.md). ``prefix`` (a temporary folder) holds the config, logs and pid file.
    """

    apps_count: int
    debug_header: bool = True
    port: int = 0
    apps: list[AppProcess] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    prefix: Path | None = None

    def __enter__(self) -> Cluster:
        if not (Path(NGINX).is_file() and os.access(NGINX, os.X_OK)):
            raise FileNotFoundError(f"nginx not found at {NGINX} (apt-get install -y nginx)")
        self.prefix = Path(tempfile.mkdtemp(prefix="ce-lab-nginx-"))
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        self.prefix.chmod(0o755)  # nginx's workers (not root) write its temporary folders
        for name in TEMP_DIRS:
            (self.prefix / name).mkdir()
            (self.prefix / name).chmod(0o777)
        env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
        self.apps = [
            start_app(free_port(), self.prefix / f"app-{i}.log", env, wait=False)
            for i in range(self.apps_count)
        ]
        wait_healthy(self.apps)
        self.port = self.port or free_port()
        config = self.prefix / "nginx.conf"
        config.write_text(
            render_nginx_conf(
                [app.port for app in self.apps],
                f"127.0.0.1:{self.port}",
                str(self.prefix),
                user="www-data" if os.geteuid() == 0 else None,
                debug_header=self.debug_header,
            )
        )
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(self.prefix), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=(self.prefix / "nginx.stderr").open("w"),
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while not healthy(self.port):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start:\n{self.log_tail('nginx.stderr')}")
            time.sleep(0.1)

    def log_tail(self, name: str = "error.log", lines: int = 30) -> str:
        """Return the end of one of the prefix's logs (``error.log``, ``app-0.log``, ...)."""
        path = self.prefix / name
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def app_at(self, address: str) -> AppProcess:
        """Return the app process behind an upstream address such as ``127.0.0.1:8502``."""
        port = int(address.rsplit(":", 1)[1])
        return next(app for app in self.apps if app.port == port)

    def __exit__(self, *exc) -> None:
        if self.nginx is not None:
            stop(self.nginx)
        for app in self.apps:
            stop(app.process)
        if self.prefix is not None and not os.environ.get("CE_LAB_KEEP_NGINX_PREFIX"):
            shutil.rmtree(self.prefix, ignore_errors=True)
