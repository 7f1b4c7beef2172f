"""Shared pieces: the repository's paths, ClawLoop stand-ins rebuilt from real after_iteration dumps, and a loopback
stand-in of ``clawloop-sinks serve`` whose answers a test scripts (202, 207, 5xx, a hang)."""

from __future__ import annotations

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "test" / "fixtures" / "clawloop"
sys.path.insert(0, str(REPO / "test" / "bridge"))

import fake_clawloop  # noqa: E402

#: How the tests run the repository's CLI (scripts/test-python.ts sets it; the default works from a checkout).
os.environ.setdefault("CLAWLOOP_SINKS_CLI", f"{REPO / 'node_modules' / '.bin' / 'tsx'} {REPO / 'src' / 'cli' / 'main.ts'}")


def iterations(dump: str = "normal/episodes.ndjson"):
    """(iteration, agent_state, episodes) of a real ClawLoop run, as learning_loop hands them to after_iteration."""
    return list(fake_clawloop.iterations_from_dump(str(FIXTURES / dump)))


Answer = Tuple[int, dict]


class StandInServe:
    """Records each POST /events body (as parsed lines) and answers with ``respond(lines) -> (status, body)``."""

    def __init__(self, respond: Callable[[List[dict]], Optional[Answer]]) -> None:
        self.respond = respond
        self.requests: List[List[dict]] = []
        self.statuses: List[Optional[int]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("content-length", "0"))).decode("utf-8")
                lines = [json.loads(line) for line in body.splitlines() if line.strip()]
                outer.requests.append(lines)
                answer = outer.respond(lines)
                outer.statuses.append(answer[0] if answer else None)
                if answer is None:  # hang up without an answer
                    self.close_connection = True
                    return
                status, payload = answer
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/events"

    @property
    def accepted(self) -> List[dict]:
        """Lines of the requests answered 202 or 207 (a 207's refused lines included: tests subtract them)."""
        return [e for r, status in zip(self.requests, self.statuses) if status in (202, 207) for e in r]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stand_in() -> Iterator[Callable[..., StandInServe]]:
    servers: List[StandInServe] = []

    def start(respond: Callable[[List[dict]], Optional[Answer]] = lambda lines: (202, {"accepted": len(lines)})) -> StandInServe:
        server = StandInServe(respond)
        servers.append(server)
        return server

    yield start
    for s in servers:
        s.close()
