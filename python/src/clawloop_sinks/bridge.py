"""ClawLoopBridge: sends a running ClawLoop learning loop (or live-mode batches) to clawloop-sinks.

Pass ``bridge.after_iteration`` as ``learning_loop``'s ``after_iteration`` (or ``bridge.on_batch`` as an
``EpisodeCollector``'s ``on_batch``) and call ``bridge.finish()`` at the end. Each iteration becomes canonical events:
``run.started`` once, every full Episode, the iteration with its playbook and state hashes. They go to an NDJSON file
(``path=``), to a running ``clawloop-sinks serve`` (``url=``, ``token=``), or to a serve the bridge starts itself
(``sinks="mlflow,wandb"``). The bridge never raises into the training loop and never drops events quietly: what serve
cannot take now is spooled on disk and resent; what is refused is logged with serve's reasons; ``counters`` tell how
many events were sent, refused and are still pending.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

from .events import iteration_event, run_finished, run_started
from .serialize import episode_to_dict
from .serve import ManagedServe, ServeNotStarted
from .transport import FileTransport, HttpTransport

__all__ = ["ClawLoopBridge"]

_log = logging.getLogger("clawloop_sinks")


def _archive_runs_file(archive: Any) -> Optional[Path]:
    """runs.jsonl of a JsonlArchiveStore (or of an archive directory given as a path)."""
    if archive is None:
        return None
    if isinstance(archive, (str, os.PathLike)):
        return Path(archive) / "runs.jsonl"
    runs_path = getattr(archive, "_runs_path", None)
    if callable(runs_path):
        return Path(runs_path())
    directory = getattr(archive, "_archive_dir", None) or getattr(archive, "archive_dir", None)
    return Path(directory) / "runs.jsonl" if directory else None


def _latest_run_id(runs_file: Optional[Path]) -> Optional[str]:
    """The run id of the last run_start record (learning_loop writes it before iteration 0)."""
    if runs_file is None or not runs_file.is_file():
        return None
    run_id = None
    with open(runs_file, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("record_type") == "run_start" and isinstance(record.get("run_id"), str):
                run_id = record["run_id"]
    return run_id


class ClawLoopBridge:
    """An ``after_iteration`` callback that turns a ClawLoop run into clawloop-sinks events.

    Exactly one destination: ``path`` (an NDJSON file to replay or watch), ``url`` (+ ``token``) of a running
    ``clawloop-sinks serve``, or ``sinks`` (e.g. ``"mlflow,wandb"``): a local serve started now and stopped by
    ``finish()``; without Node.js that falls back to ``fallback_path`` and logs how to replay it.

    ``archive``: the JsonlArchiveStore (or its directory) given to ``learning_loop``; the bridge then takes the run id
    ClawLoop's archive recorder chose, so the output directory, the events and every backend share one id.
    """

    def __init__(
        self,
        path: Optional[str] = None,
        *,
        url: Optional[str] = None,
        token: Optional[str] = None,
        sinks: Optional[str] = None,
        run_id: Optional[str] = None,
        archive: Any = None,
        bench: Optional[str] = None,
        config: Optional[Dict[str, Any]] = None,
        tags: Optional[List[str]] = None,
        timeout: float = 2.0,
        spool_dir: Optional[str] = None,
        fallback_path: Optional[str] = None,
        serve_args: Optional[List[str]] = None,
    ) -> None:
        if sum(x is not None for x in (path, url, sinks)) != 1:
            raise ValueError("give exactly one of path= (NDJSON file), url= (clawloop-sinks serve) or sinks= (start a local serve)")
        self._explicit_run_id = run_id is not None
        self.run_id: str = run_id or uuid.uuid4().hex
        self._archive_runs = _archive_runs_file(archive)
        self.bench = bench
        self.config = config
        self.tags = tags
        self.started = False
        self.finished = False
        self.iterations = 0
        #: Failures by kind (``after_iteration:OSError``): each kind is logged once, then counted.
        self.failures: Dict[str, int] = {}
        self.serve: Optional[ManagedServe] = None
        self.serve_exit_code: Optional[int] = None
        self._batches = 0
        spool = spool_dir or os.path.join(tempfile.gettempdir(), "clawloop-sinks-spool")
        if sinks is not None:
            try:
                self.serve = ManagedServe(sinks, extra_args=serve_args)
                url, token = self.serve.url, self.serve.token
            except ServeNotStarted as error:
                path = fallback_path or os.path.abspath("clawloop-events.ndjson")
                _log.warning(
                    "could not start clawloop-sinks serve (%s); writing events to %s instead. "
                    "Replay them later with: npx clawloop-sinks replay %s --sink %s",
                    error, path, path, sinks,
                )
        self.path = path
        self.url = url
        self.transport: Union[FileTransport, HttpTransport]
        if path is not None:
            self.transport = FileTransport(path)
        else:
            assert url is not None
            self.transport = HttpTransport(url, token, timeout=timeout, spool_path=os.path.join(spool, f"{uuid.uuid4().hex}.ndjson"))

    # -- counters -------------------------------------------------------------------------------------------------
    @property
    def counters(self) -> Dict[str, int]:
        """sent (written, or accepted by serve), refused (by serve, with its reasons logged), pending (spooled,
        not yet delivered), problems (fields serve dropped or coerced on accepted events), iterations."""
        return {**self.transport.counters.as_dict(), "iterations": self.iterations, "failures": sum(self.failures.values())}

    # -- ClawLoop's hooks -----------------------------------------------------------------------------------------
    def after_iteration(self, iteration: int, agent_state: Any, episodes: Sequence[Any]) -> None:
        """``learning_loop``'s callback: the iteration's episodes, the iteration, and run.started before the first."""
        try:
            self._adopt_archive_run_id()
            dicts = [episode_to_dict(ep) for ep in episodes]
            events: List[Dict[str, Any]] = []
            if not self.started:
                events.append(run_started(self.run_id, bench=self.bench, config=self.config, tags=self.tags, episodes=dicts))
            events += [{"type": "episode", "run_id": self.run_id, "iteration": iteration, "episode": ep} for ep in dicts]
            events.append(iteration_event(self.run_id, iteration, agent_state, dicts, on_error=self._warn))
            self.iterations += 1
            # The transport keeps what it could not deliver (spool or retry), so run.started is never written twice.
            self.started = True
            self._send(events)
        except Exception as exc:  # never into the training loop
            self._warn("after_iteration", exc)

    def on_batch(self, episodes: Sequence[Any]) -> None:
        """Live mode: an ``EpisodeCollector(on_batch=...)`` callback; batches are numbered as iterations 0, 1, …"""
        batch = self._batches
        self._batches += 1
        self.after_iteration(batch, None, episodes)

    def finish(self, status: str = "completed", error: Optional[str] = None) -> None:
        """Call after learning_loop returns (or fails: ``status="failed", error=str(exc)``). Sends run.finished,
        tries once more to deliver what is spooled, and stops a serve the bridge started."""
        if self.finished:
            return
        self.finished = True
        try:
            self._send([run_finished(self.run_id, status=status, error=error, iterations=self.iterations)])
        except Exception as exc:
            self._warn("finish", exc)
        try:
            if isinstance(self.transport, HttpTransport):
                delivered, left = self.transport.close()
                if not delivered:
                    _log.warning(
                        "%d event(s) could not be delivered to %s; they are kept in %s. "
                        "Replay them with: npx clawloop-sinks replay %s",
                        left, self.url, self.transport.spool_path, self.transport.spool_path,
                    )
            else:
                self.transport.close()
        except Exception as exc:
            self._warn("finish", exc)
        if self.serve is not None:
            self.serve_exit_code = self.serve.stop()
            if self.serve_exit_code != 0:
                _log.warning("serve exited with %s:\n%s", self.serve_exit_code, self.serve.summary)

    # -- internals ------------------------------------------------------------------------------------------------
    def _adopt_archive_run_id(self) -> None:
        if self.started or self._explicit_run_id or self._archive_runs is None:
            return
        run_id = _latest_run_id(self._archive_runs)
        if run_id:
            self.run_id = run_id

    def _send(self, events: List[Dict[str, Any]]) -> None:
        self.transport.send(events)

    def _warn(self, where: str, exc: BaseException) -> None:
        kind = f"{where}:{type(exc).__name__}"
        self.failures[kind] = self.failures.get(kind, 0) + 1
        if self.failures[kind] == 1:
            _log.warning("%s failed (%s: %s); the run goes on, the events are kept to retry", where, type(exc).__name__, exc)
