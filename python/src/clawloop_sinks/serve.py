"""A local ``clawloop-sinks serve`` that the bridge starts, owns and stops.

The command is found, in order: ``$CLAWLOOP_SINKS_CLI`` (a command line, e.g. ``node /path/bin/clawloop-sinks.mjs``),
``clawloop-sinks`` on PATH (``npm install -g clawloop-sinks``), the npm package this Python package was shipped in
(``node <package>/bin/clawloop-sinks.mjs``), then npx: ``npx --yes --package=clawloop-sinks`` finds the package
installed in the working directory's project, else fetches it, and says where its command is; the bridge runs that
file with ``node`` itself, so serve is its own child (npm in between would not pass SIGTERM on). serve binds 127.0.0.1
on a port the OS picks (read from its ``listening on http://…`` line), with a random bearer token, and is stopped with
SIGTERM (then SIGKILL) by ``stop()``, which returns its exit code and its closing summary.
"""

from __future__ import annotations

import os
import queue
import secrets
import shlex
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import List, Optional

__all__ = ["ManagedServe", "ServeNotStarted", "find_cli"]


class ServeNotStarted(Exception):
    """No Node / clawloop-sinks here, or serve did not come up."""


def find_cli() -> Optional[List[str]]:
    """The command that runs the clawloop-sinks CLI here, or None when neither it nor Node can be found."""
    override = os.environ.get("CLAWLOOP_SINKS_CLI")
    if override:
        return shlex.split(override)
    on_path = shutil.which("clawloop-sinks")
    if on_path:
        return [on_path]
    node = shutil.which("node")
    # Shipped inside the npm package: <package>/python/src/clawloop_sinks/serve.py → <package>/bin/clawloop-sinks.mjs.
    bundled = Path(__file__).resolve().parents[3] / "bin" / "clawloop-sinks.mjs"
    if node and bundled.is_file() and (bundled.parent.parent / "dist").is_dir():
        return [node, str(bundled)]
    npx = shutil.which("npx")
    if node and npx:
        try:
            probe = subprocess.run([npx, "--yes", "--package=clawloop-sinks", "-c", "command -v clawloop-sinks"],
                                   stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.SubprocessError):
            return None
        lines = probe.stdout.strip().splitlines()
        if probe.returncode == 0 and lines and os.path.isfile(lines[-1]):
            return [node, os.path.realpath(lines[-1])]
    return None


class ManagedServe:
    """``clawloop-sinks serve --sink <sinks>`` as a child process on a loopback port, with its own random token."""

    def __init__(self, sinks: str, *, extra_args: Optional[List[str]] = None, startup_timeout: float = 120.0) -> None:
        cli = find_cli()
        if cli is None:
            raise ServeNotStarted("no Node.js found (node / npx on PATH, or CLAWLOOP_SINKS_CLI)")
        self.token = secrets.token_urlsafe(24)
        args = cli + ["serve", "--host", "127.0.0.1", "--port", "0", "--sink", sinks, *(extra_args or [])]
        env = {**os.environ, "CLAWLOOP_SINKS_TOKEN": self.token}
        try:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        except OSError as error:
            raise ServeNotStarted(f"could not start {' '.join(args)}: {error}") from error
        self.stderr_lines: List[str] = []
        lines: "queue.Queue[Optional[str]]" = queue.Queue()
        self._reader = threading.Thread(target=self._read_stderr, args=(lines,), daemon=True)
        self._reader.start()
        self.url = self._wait_listening(lines, startup_timeout)

    def _read_stderr(self, lines: "queue.Queue[Optional[str]]") -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_lines.append(line.rstrip("\n"))
            lines.put(line)
        lines.put(None)

    def _wait_listening(self, lines: "queue.Queue[Optional[str]]", timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise ServeNotStarted("serve exited before listening:\n" + "\n".join(self.stderr_lines[-20:]))
            if line.startswith("listening on http://"):
                return line.split()[2] + "/events"
        self.stop()
        raise ServeNotStarted(f"serve did not start within {timeout:.0f} s:\n" + "\n".join(self.stderr_lines[-20:]))

    def stop(self, timeout: float = 120.0) -> Optional[int]:
        """Stops serve (it delivers what is queued first, up to its --timeout) and returns its exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=5)
        return self.process.returncode

    @property
    def summary(self) -> str:
        """serve's closing summary (its stderr after the listening line)."""
        return "\n".join(line for line in self.stderr_lines if not line.startswith("listening on"))
