"""Serve the app as N Streamlit processes behind nginx on this machine, until Ctrl-C.

    python deploy/run_cluster.py --apps 3 --port 8080      # then open http://127.0.0.1:8080
    python deploy/run_cluster.py --apps 3 --print-config   # the nginx.conf it would use

Each app process is ``streamlit run app.py --server.port P --server.address 127.0.0.1
--server.headless true`` with the repository's ``.streamlit/config.toml``; nginx runs in the
foreground (``daemon off``) from a temporary prefix holding its config, pid file and logs
(``apt-get install -y nginx``). It stops after ``--hours`` (a lecture's length by default).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from deploy.cluster import Cluster, free_port, render_nginx_conf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=2, help="app processes (about one per core)")
    parser.add_argument("--port", type=int, default=0, help="nginx's port (0: a free one)")
    parser.add_argument("--hours", type=float, default=4.0, help="stop after this long")
    parser.add_argument(
        "--print-config", action="store_true", help="print the nginx.conf and start nothing"
    )
    args = parser.parse_args()
    if args.print_config:
        ports = [8501 + i for i in range(args.apps)]
        print(render_nginx_conf(ports, f"127.0.0.1:{args.port or 8080}", "/var/lib/ce-lab-nginx"))
        return
    # SIGTERM (a service manager, `timeout`) ends the run like Ctrl-C: every process stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with Cluster(args.apps, debug_header=False, port=args.port or free_port()) as cluster:
        ports = ", ".join(str(app.port) for app in cluster.apps)
        print(f"http://127.0.0.1:{cluster.port}  (app processes on {ports})")
        print(f"config and logs: {cluster.prefix}")
        deadline = time.monotonic() + args.hours * 3600
        exited: set[int] = set()
        try:
            while time.monotonic() < deadline:
                for app in cluster.apps:
                    if app.process.poll() is not None and app.port not in exited:
                        exited.add(app.port)
                        print(f"the app process on {app.port} exited; its students move on")
                time.sleep(5)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
