"""The Dockerfile's promises, read statically (this machine has a Docker client but no daemon).

``deploy/try_image.sh`` builds and serves the image with podman (README, "How the image was
tried here"); the suite does not, because it needs Debian's root and PyPI inside the build.
Here we check what a review would: a base image pinned by exact tag, a non-root user, the
health check on Streamlit's endpoint and port, the command serving ``app.py`` headless on
0.0.0.0 at that port, and a ``.dockerignore`` that keeps what the app needs and leaves out the
rest.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"


def instructions(text: str) -> list[tuple[str, str]]:
    """Return the Dockerfile's ``(INSTRUCTION, arguments)`` in order, continuations joined."""
    joined = re.sub(r"\\\n", " ", text)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def arguments(form: str) -> list[str]:
    """Return the words of a ``CMD``/``RUN`` in exec (JSON) or shell form."""
    return json.loads(form) if form.startswith("[") else shlex.split(form)


def option(words: list[str], name: str) -> str | None:
    """Return the value of ``--name=value`` or ``--name value`` in ``words``."""
    for i, word in enumerate(words):
        if word.startswith(f"{name}="):
            return word.split("=", 1)[1]
        if word == name and i + 1 < len(words):
            return words[i + 1]
    return None


@pytest.fixture(scope="module")
def steps() -> list[tuple[str, str]]:
    return instructions(DOCKERFILE.read_text())


def only(steps, kind: str) -> str:
    """Return the arguments of the last ``kind`` instruction (the one that takes effect)."""
    found = [rest for word, rest in steps if word == kind]
    assert found, f"the Dockerfile has no {kind}"
    return found[-1]


def test_base_image_is_pinned_to_an_exact_python_tag_the_project_supports(steps):
    image = only(steps, "FROM").split()[0]
    exact = r"python:(\d+)\.(\d+)\.(\d+)-slim-(bookworm|trixie)(@sha256:[0-9a-f]{64})?"
    match = re.fullmatch(exact, image)
    assert match, f"{image}: pin an exact tag such as python:3.11.11-slim-bookworm"
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    low = tuple(int(v) for v in re.fullmatch(r">=(\d+)\.(\d+)", required).groups())
    assert (int(match[1]), int(match[2])) >= low


def test_the_app_runs_as_a_user_created_in_the_image_not_root(steps):
    user = only(steps, "USER").split(":")[0]
    assert user not in {"root", "0"}
    creates = [rest for word, rest in steps if word == "RUN" and "useradd" in rest]
    assert any(user in arguments(rest) for rest in creates), f"no `useradd ... {user}`"
    kinds = [word for word, _ in steps]
    last_user = len(kinds) - 1 - kinds[::-1].index("USER")
    assert last_user < kinds.index("CMD"), "USER must come before CMD"
    assert "RUN" not in kinds[last_user:], "nothing runs as root after USER"


def test_command_serves_app_py_headless_on_all_interfaces(steps):
    words = arguments(only(steps, "CMD"))
    assert words[:5] == ["python", "-m", "streamlit", "run", "app.py"]
    assert option(words, "--server.address") == "0.0.0.0"
    assert option(words, "--server.headless") == "true"
    assert option(words, "--browser.gatherUsageStats") == "false"


def test_healthcheck_asks_streamlits_health_endpoint_on_the_served_and_exposed_port(steps):
    port = option(arguments(only(steps, "CMD")), "--server.port")
    assert port and port.isdigit()
    check = only(steps, "HEALTHCHECK")
    assert re.search(r"\bCMD\b", check)
    urls = re.findall(r"https?://[^'\" ]+", check)
    assert urls == [f"http://127.0.0.1:{port}/_stcore/health"]
    assert only(steps, "EXPOSE").split() == [port]


def test_runtime_requirements_are_installed_before_the_code_is_copied(steps):
    kinds = [(word, rest) for word, rest in steps]
    install = next(i for i, (w, r) in enumerate(kinds) if w == "RUN" and "-r requirements.txt" in r)
    copy_req = next(i for i, (w, r) in enumerate(kinds) if w == "COPY" and "requirements.txt" in r)
    copy_all = next(i for i, (w, r) in enumerate(kinds) if w == "COPY" and r.split()[0] == ".")
    assert copy_req < install < copy_all  # a code change does not reinstall the packages


def ignored(path: str, patterns: list[str]) -> bool:
    """Return whether ``.dockerignore``'s ``patterns`` leave ``path`` out (no ``!`` rules here)."""
    parts = path.split("/")
    for pattern in patterns:
        bare = pattern.removeprefix("**/")
        candidates = ["/".join(parts[i:]) for i in range(len(parts))] if bare != pattern else [path]
        for candidate in candidates:
            if fnmatch.fnmatch(candidate, bare) or any(
                fnmatch.fnmatch("/".join(candidate.split("/")[:n]), bare)
                for n in range(1, candidate.count("/") + 1)
            ):
                return True
    return False


def test_dockerignore_keeps_what_the_app_needs_and_leaves_out_the_rest():
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert not any(p.startswith("!") for p in patterns), "the matcher here has no `!` rules"
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    needed = [
        p
        for p in tracked
        if p in {"app.py", "requirements.txt", ".streamlit/config.toml"}
        or p.split("/")[0] in {"pages", "lab", "ce_core", "assets"}
    ]
    assert "app.py" in needed and any(p.startswith("pages/") for p in needed)
    assert [p for p in needed if ignored(p, patterns)] == []
    left_out = (".venv/bin/python", ".git/HEAD", "artifacts/e2e/x.log", "lab/__pycache__/a.pyc")
    for unwanted in left_out:
        assert ignored(unwanted, patterns), unwanted
    assert ignored("tests/e2e/conftest.py", patterns)


def test_plotly_js_copied_at_build_time_can_be_read_by_the_apps_user(tmp_path):
    """The image's build step runs as root and the app as ``lab``: the copy must be world-readable.

    A build and run of the image (README, "How the image was tried here") served every live chart
    without Plotly.js: the copy had a temporary file's mode, 0600, and the app's user got
    "Permission denied".
    """
    from lab.live.widget import STATIC_NAME, serve_plotly_from

    url = serve_plotly_from(str(tmp_path))
    copied = tmp_path / "static" / STATIC_NAME
    assert url == f"app/static/{STATIC_NAME}"
    assert copied.stat().st_mode & 0o777 == 0o644
