"""Where the bridge's events go: an NDJSON file, or ``clawloop-sinks serve`` over HTTP with a local spool.

Over HTTP an event counts as sent only once serve accepted it. serve answers 202 (all accepted) or 207 (multi-status:
``refused_lines`` were refused, every other line accepted, ``problems`` name line, field and problem); a refused line
is logged with its problems and counted, not resent (it would be refused again). When serve is unreachable, slow or
answers 5xx, the events are appended to a spool file and resent, in order, before the next events; what is still
spooled at the end stays on disk, and the log says how to replay it.
"""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .serialize import to_json_line

__all__ = ["Counters", "FileTransport", "HttpTransport"]

_log = logging.getLogger("clawloop_sinks")


@dataclass
class Counters:
    """What happened to the bridge's events. ``sent`` were written (file) or accepted by serve; ``refused`` were
    refused by serve (logged with their problems); ``pending`` wait in the spool; ``problems`` are fields serve
    dropped or coerced on accepted events."""

    sent: int = 0
    refused: int = 0
    pending: int = 0
    problems: int = 0
    attempts: int = 0
    failed_attempts: int = 0

    def as_dict(self) -> Dict[str, int]:
        return dict(vars(self))


class FileTransport:
    """Appends events to an NDJSON file (what ``clawloop-sinks replay`` and ``watch`` read)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.counters = Counters()
        self._unwritten: List[str] = []

    def send(self, events: Sequence[Dict[str, Any]]) -> None:
        lines = self._unwritten + [to_json_line(e) for e in events]
        self.counters.attempts += 1
        try:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write("".join(lines))
        except OSError:
            # Kept for the next call (and reported by the bridge); never dropped quietly.
            self._unwritten = lines
            self.counters.pending = len(lines)
            self.counters.failed_attempts += 1
            raise
        self._unwritten = []
        self.counters.pending = 0
        self.counters.sent += len(lines)

    def close(self) -> None:
        if self._unwritten:
            self.send([])


@dataclass
class _Answer:
    accepted: int
    refused_lines: List[int] = field(default_factory=list)
    problems: List[Dict[str, Any]] = field(default_factory=list)


class ServeUnavailable(Exception):
    """serve could not take the events now (unreachable, slow, 5xx, 401): they go to the spool."""


class HttpTransport:
    """POSTs events to ``clawloop-sinks serve``; spools what serve cannot take now and resends it first, in order."""

    #: Seconds between attempts once serve failed, doubling up to ``max_backoff`` so a dead serve never slows the loop.
    min_backoff = 1.0
    max_backoff = 60.0
    #: Events per request: small enough for serve's body limit, large enough to keep requests few.
    batch_events = 500

    def __init__(self, url: str, token: Optional[str], *, timeout: float, spool_path: str) -> None:
        self.url = url
        self.token = token
        self.timeout = timeout
        self.spool_path = spool_path
        self.counters = Counters()
        self._retry_at = 0.0
        self._backoff = self.min_backoff
        self._down = False
        self.counters.pending = self._count_spooled()

    # -- public ---------------------------------------------------------------------------------------------------
    def send(self, events: Sequence[Dict[str, Any]]) -> None:
        """Delivers spooled events, then ``events``; what serve cannot take now is spooled. Raises only when even the
        spool cannot be written (the bridge reports it)."""
        lines = [to_json_line(e) for e in events]
        if self.counters.pending > 0 or time.monotonic() < self._retry_at:
            self._spool(lines)
            self.flush()
            return
        try:
            self._post_all(lines)
        except ServeUnavailable:
            self._spool(lines)

    def flush(self, force: bool = False) -> bool:
        """Resends the spool (at most once per backoff period unless ``force``). True when nothing is left."""
        if self.counters.pending == 0:
            return True
        if not force and time.monotonic() < self._retry_at:
            return False
        lines = self._read_spool()
        try:
            sent = self._post_all(lines, spooled=True)
        except ServeUnavailable as failure:
            sent = failure.args[1] if len(failure.args) > 1 else 0
            self._rewrite_spool(lines[sent:])
            return False
        self._rewrite_spool([])
        return sent == len(lines)

    # -- HTTP -----------------------------------------------------------------------------------------------------
    def _post_all(self, lines: List[str], spooled: bool = False) -> int:
        """Posts ``lines`` in batches; returns how many were answered. Raises ServeUnavailable(reason, answered)."""
        done = 0
        while done < len(lines):
            batch = lines[done : done + self.batch_events]
            try:
                self._post_batch(batch)
            except ServeUnavailable as failure:
                raise ServeUnavailable(failure.args[0], done) from failure
            done += len(batch)
        if spooled and done:
            _log.warning("%d spooled event(s) delivered to %s", done, self.url)
        return done

    def _post_batch(self, batch: List[str]) -> None:
        self.counters.attempts += 1
        try:
            answer = self._request("".join(batch))
        except ServeUnavailable as failure:
            self.counters.failed_attempts += 1
            self._retry_at = time.monotonic() + self._backoff
            self._backoff = min(self.max_backoff, self._backoff * 2)
            if not self._down:
                self._down = True
                _log.warning("serve at %s cannot take events now (%s); they are spooled in %s and resent", self.url, failure.args[0], self.spool_path)
            raise
        if self._down:
            self._down = False
            _log.warning("serve at %s answers again; resending what was spooled", self.url)
        self._backoff = self.min_backoff
        self._retry_at = 0.0
        if answer is None:
            # 413: the body is over serve's --max-body; halves go through, one event too large is refused.
            if len(batch) == 1:
                self.counters.refused += 1
                _log.warning("serve refused an event larger than its --max-body: %s…", batch[0][:120])
                return
            half = len(batch) // 2
            self._post_batch(batch[:half])
            self._post_batch(batch[half:])
            return
        self.counters.sent += answer.accepted
        self.counters.refused += len(answer.refused_lines)
        refused = set(answer.refused_lines)
        for p in answer.problems:
            where = f"line {p.get('line')}: {p.get('field') + ': ' if p.get('field') else ''}{p.get('problem')}"
            if p.get("line") in refused:
                _log.warning("serve refused an event: %s", where)
            else:
                self.counters.problems += 1
                _log.warning("serve accepted an event with a field dropped or coerced: %s", where)

    def _request(self, body: str) -> Optional[_Answer]:
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), method="POST")
        request.add_header("content-type", "application/x-ndjson")
        if self.token:
            request.add_header("authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            if error.code == 413:
                return None
            if error.code == 400:
                # Not even readable as events: nothing in it was accepted, and resending cannot help.
                n = body.count("\n")
                _log.warning("serve refused %d event(s) as unreadable: %s", n, text[:500])
                return _Answer(accepted=0, refused_lines=list(range(1, n + 1)))
            raise ServeUnavailable(f"HTTP {error.code}: {text[:300]}") from error
        except (OSError, ValueError) as error:  # URLError, timeouts, connection resets
            raise ServeUnavailable(f"{type(error).__name__}: {error}") from error
        try:
            data = json.loads(payload.decode("utf-8") or "{}")
        except ValueError:
            raise ServeUnavailable(f"unreadable answer: {payload[:200]!r}") from None
        accepted = int(data.get("accepted", body.count("\n")))
        return _Answer(accepted=accepted, refused_lines=[int(x) for x in data.get("refused_lines", [])], problems=list(data.get("problems", [])))

    # -- spool ----------------------------------------------------------------------------------------------------
    def _count_spooled(self) -> int:
        try:
            with open(self.spool_path, encoding="utf-8") as f:
                return sum(1 for line in f if line.strip())
        except FileNotFoundError:
            return 0

    def _read_spool(self) -> List[str]:
        with open(self.spool_path, encoding="utf-8") as f:
            return [line if line.endswith("\n") else line + "\n" for line in f if line.strip()]

    def _spool(self, lines: List[str]) -> None:
        if not lines:
            return
        directory = os.path.dirname(self.spool_path)
        if directory:
            os.makedirs(directory, exist_ok=True)
        with open(self.spool_path, "a", encoding="utf-8") as f:
            f.write("".join(lines))
            f.flush()
            os.fsync(f.fileno())
        self.counters.pending += len(lines)

    def _rewrite_spool(self, lines: List[str]) -> None:
        if not lines:
            try:
                os.remove(self.spool_path)
            except FileNotFoundError:
                pass
            self.counters.pending = 0
            return
        tmp = self.spool_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("".join(lines))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.spool_path)
        self.counters.pending = len(lines)

    def close(self, attempts: int = 3) -> Tuple[bool, int]:
        """Last tries to empty the spool. Returns (everything delivered, events left in the spool)."""
        for i in range(attempts):
            if self.flush(force=True):
                return True, 0
            time.sleep(min(1.0, 0.25 * (i + 1)))
        return self.counters.pending == 0, self.counters.pending
