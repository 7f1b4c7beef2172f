"""Send a running ClawLoop learning loop to clawloop-sinks — standard library only.

Pass ``bridge.after_iteration`` as ClawLoop's ``after_iteration`` callback. Each iteration it writes canonical events
(``run.started`` once, every full Episode, the iteration with its playbook and state hashes) as NDJSON to a file, or
POSTs them to ``clawloop-sinks serve``. ``finish()`` writes ``run.finished``. It never raises into the training loop:
a failure is logged once per kind and the loop goes on.

    from clawloop_bridge import ClawLoopBridge

    bridge = ClawLoopBridge(path="runs/my-run/events.ndjson", bench="math")
    # or: ClawLoopBridge(url="http://127.0.0.1:8787/events", token=os.environ["CLAWLOOP_SINKS_TOKEN"])
    learning_loop(..., after_iteration=bridge.after_iteration)
    bridge.finish()

Then: ``clawloop-sinks replay runs/my-run/events.ndjson --sink report,mlflow`` (or ``watch`` while it runs).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import time
import urllib.request
import uuid
from typing import Any

__all__ = ["ClawLoopBridge", "episode_to_dict"]

_log = logging.getLogger("clawloop_bridge")

_SUMMARY_FIELDS = ("signals", "score_breakdown", "token_usage", "timing", "filtered", "scored_at_generation")


def _plain(value: Any) -> Any:
    """JSON-ready copy: dataclasses and objects become dicts; NaN/Infinity become None (JSON has no such numbers)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "to_dict"):
        return _plain(value.to_dict())
    if hasattr(value, "__dict__"):
        return {k: _plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


def _summary_to_dict(summary: Any) -> dict[str, Any]:
    # EpisodeSummary is not a dataclass: dataclasses.asdict() leaves it as an object, so write its attributes.
    out = {name: _plain(getattr(summary, name, None)) for name in _SUMMARY_FIELDS}
    out["filtered"] = bool(out["filtered"])
    out["signals"] = out["signals"] or {}
    return out


def episode_to_dict(episode: Any) -> dict[str, Any]:
    """A ClawLoop Episode as the canonical `episode` payload (field names exactly as ClawLoop's dataclasses)."""
    if dataclasses.is_dataclass(episode):
        names = [f.name for f in dataclasses.fields(episode)]
    else:
        names = [k for k in vars(episode) if not k.startswith("_")]
    out = {}
    for name in names:
        value = getattr(episode, name)
        out[name] = _summary_to_dict(value) if name == "summary" else _plain(value)
    return out


def _effective_reward(signals: dict[str, Any]) -> float:
    # EpisodeSummary.effective_reward(): user > outcome > execution (confidence >= 0.7) > judge, else 0.0.
    for name in ("user", "outcome", "execution", "judge"):
        signal = signals.get(name)
        if signal is None or (name == "execution" and signal["confidence"] < 0.7):
            continue
        return float(signal["value"])
    return 0.0


def _total_reward(episode: dict[str, Any]) -> float:
    return (_effective_reward(episode["summary"]["signals"]) + 1.0) / 2.0


def _per_task(episodes: list[dict[str, Any]]) -> dict[str, Any]:
    """experiment.jsonl's per_task, rebuilt from the episodes the callback receives."""
    tasks: dict[str, Any] = {}
    for ep in episodes:
        reward = _total_reward(ep)
        error = (ep.get("metadata") or {}).get("error")
        signals = {k: {"value": v["value"], "confidence": v["confidence"]} for k, v in ep["summary"]["signals"].items()}
        task = tasks.setdefault(ep["task_id"], {"rewards": [], "errors": [], "rollouts": []})
        task["rewards"].append(reward)
        if error:
            task["errors"].append(str(error))
        task["rollouts"].append({"reward": reward, "error": str(error) if error else None, "signals": signals})
        task["signals"] = signals
    for task in tasks.values():
        rewards = task["rewards"]
        mean = sum(rewards) / len(rewards)
        task.update(
            reward=mean, reward_mean=mean, reward_min=min(rewards), reward_max=max(rewards),
            n_rollouts=len(rewards), error=task["errors"][0] if task["errors"] else None,
        )
    return tasks


class ClawLoopBridge:
    """An ``after_iteration`` callback that turns a ClawLoop run into clawloop-sinks events."""

    def __init__(
        self,
        path: str | None = None,
        *,
        url: str | None = None,
        token: str | None = None,
        run_id: str | None = None,
        bench: str | None = None,
        config: dict[str, Any] | None = None,
        tags: list[str] | None = None,
        timeout: float = 2.0,
    ) -> None:
        if (path is None) == (url is None):
            raise ValueError("give exactly one of path= (NDJSON file) or url= (clawloop-sinks serve)")
        self.path = path
        self.url = url
        self.token = token
        self.run_id = run_id or uuid.uuid4().hex
        self.bench = bench
        self.config = config
        self.tags = tags
        self.timeout = timeout
        self.started = False
        self.iterations = 0
        self.failures: dict[str, int] = {}

    # -- ClawLoop's hook -------------------------------------------------------------------------------------------
    def after_iteration(self, iteration: int, agent_state: Any, episodes: list[Any]) -> None:
        try:
            events = []
            episode_dicts = [episode_to_dict(ep) for ep in episodes]
            if not self.started:
                events.append(self._run_started(episode_dicts))
                self.started = True
            events += [{"type": "episode", "run_id": self.run_id, "iteration": iteration, "episode": ep} for ep in episode_dicts]
            events.append(self._iteration(iteration, agent_state, episode_dicts))
            self.iterations += 1
            self._send(events)
        except Exception as exc:  # never into the training loop
            self._warn("after_iteration", exc)

    def finish(self, status: str = "completed", error: str | None = None) -> None:
        """Call after learning_loop returns (or fails: status="failed", error=str(exc))."""
        try:
            event: dict[str, Any] = {
                "type": "run.finished", "run_id": self.run_id, "finished_at": time.time(),
                "status": status, "n_iterations_completed": self.iterations,
            }
            if error:
                event["error"] = error
            self._send([event])
        except Exception as exc:
            self._warn("finish", exc)

    # -- events ----------------------------------------------------------------------------------------------------
    def _run_started(self, episodes: list[dict[str, Any]]) -> dict[str, Any]:
        event: dict[str, Any] = {"type": "run.started", "run_id": self.run_id, "started_at": time.time(), "source": "bridge"}
        bench = self.bench or (episodes[0]["bench"] if episodes else None)
        if bench:
            event["bench"] = bench
        if self.config is not None:
            event["config"] = _plain(self.config)
        if self.tags:
            event["tags"] = list(self.tags)
        return event

    def _iteration(self, iteration: int, agent_state: Any, episodes: list[dict[str, Any]]) -> dict[str, Any]:
        rewards = [_total_reward(ep) for ep in episodes]
        event: dict[str, Any] = {
            "type": "iteration", "run_id": self.run_id, "iteration": iteration, "timestamp": time.time(),
            "n_episodes": len(episodes),
            "avg_reward": sum(rewards) / len(rewards) if rewards else 0.0,
            "min_reward": min(rewards) if rewards else 0.0,
            "max_reward": max(rewards) if rewards else 0.0,
            "per_task": _per_task(episodes),
            # The callback does not see forward_backward results; experiment.jsonl has them.
            "fb_results": {},
        }
        harness = getattr(agent_state, "harness", None)
        playbook = getattr(harness, "playbook", None)
        if playbook is not None:
            entries = [_plain(e) for e in getattr(playbook, "entries", [])]
            event["playbook"] = {"entries": entries}
            event["playbook_size"] = len(entries)
        for name in ("playbook_version", "playbook_generation"):
            value = getattr(harness, name, None)
            if isinstance(value, int):
                event[name] = value
        state_id = getattr(agent_state, "state_id", None)
        if callable(state_id):
            event["state_id"] = _plain(state_id())
        return event

    # -- transport -------------------------------------------------------------------------------------------------
    def _send(self, events: list[dict[str, Any]]) -> None:
        body = "".join(json.dumps(e, allow_nan=False, separators=(",", ":")) + "\n" for e in events)
        if self.path is not None:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(body)
            return
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), method="POST")
        request.add_header("content-type", "application/x-ndjson")
        if self.token:
            request.add_header("authorization", f"Bearer {self.token}")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()

    def _warn(self, where: str, exc: BaseException) -> None:
        kind = f"{where}:{type(exc).__name__}"
        self.failures[kind] = self.failures.get(kind, 0) + 1
        if self.failures[kind] == 1:
            _log.warning("clawloop_bridge: %s failed (%s: %s); the run goes on", where, type(exc).__name__, exc)
