"""Fixtures for the deployment tests: nginx, and the benchmarks' protocol clients on the path.

nginx is Debian's (``apt-get install -y nginx``; ``CE_LAB_NGINX=/path/to/nginx`` for another).
When it is missing the tests that need it are skipped, except under ``CI=true`` where they fail,
as the browser tests do without Chromium: CI must not go green without the proxy.
To check that behaviour: ``CI=true CE_LAB_NGINX=/nonexistent python -m pytest tests/deploy``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from deploy.cluster import NGINX
from tests.e2e.conftest import in_ci

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))  # protocol_client and proxy_client, as load.py


@pytest.fixture(scope="session")
def nginx_executable() -> str:
    """Return the nginx to run; skip (or, under CI, fail) when it is not there."""
    if Path(NGINX).is_file() and os.access(NGINX, os.X_OK):
        return NGINX
    message = f"nginx not found at {NGINX} (set CE_LAB_NGINX, or `apt-get install -y nginx`)"
    if in_ci():
        pytest.fail(f"{message}, and CI=true requires the proxy tests.", pytrace=False)
    pytest.skip(message)
