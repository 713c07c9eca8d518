"""Start ``vroeghulp`` commands in a subprocess (a server, a scheduled job) as an operator would,
with a clean environment; a server's output is added to the run's BSN scan (``logscan``)."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.datastructures import CaseInsensitiveMapping

from vroeghulp.common.tests import logscan

VROEGHULP = str(Path(sys.executable).with_name("vroeghulp"))
GOOD_KEY = "k" * 20 + "-Zq8#vT2!pW9@xL4$mN7%bR1^cY6&dF3*" + "h" * 10


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without our settings (the test run's DATABASE_URL included)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VROEGHULP_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([VROEGHULP, *args], env=env, capture_output=True, text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log_path: Path
    output: str = field(default="")

    def log(self) -> str:
        """What the server wrote so far (stdout and stderr)."""
        return self.log_path.read_text(encoding="utf-8", errors="backslashreplace")


@contextlib.contextmanager
def serve(*args: str, env: dict[str, str], port: int, wait_path: str = "/gezond/",
          timeout: float = 60) -> Iterator[Server]:
    """Start ``vroeghulp ARGS``, wait until ``wait_path`` answers, stop it with SIGTERM after."""
    with tempfile.TemporaryDirectory(prefix="vroeghulp-server-") as tmp:
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen([VROEGHULP, *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        server = Server(f"http://127.0.0.1:{port}", process, log_path)
        try:
            _wait_until_up(server, wait_path, timeout)
            yield server
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # its own session: the master and its workers
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            server.output = server.log()
            logscan.add_output(f"vroeghulp {args[0]}", server.output)


def _wait_until_up(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"De server stopte (code {server.process.returncode}):\n{server.log()}")
        try:
            with urllib.request.urlopen(server.base + path, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"De server antwoordde niet binnen {timeout} s:\n{server.log()}")


@dataclass
class Response:
    status: int
    headers: CaseInsensitiveMapping  # HTTP header names: any case (granian sends them in lower case)
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 10) -> Response:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Response(response.status, CaseInsensitiveMapping(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, CaseInsensitiveMapping(error.headers.items()), error.read())


def raw(port: int, data: bytes, timeout: float = 5) -> bytes:
    """Send bytes as they are (a malformed request) and return the first answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        return s.recv(65536)


def post_json(url: str, data, headers: dict[str, str] | None = None, timeout: float = 10) -> Response:
    body = json.dumps(data).encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Response(response.status, CaseInsensitiveMapping(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, CaseInsensitiveMapping(error.headers.items()), error.read())
