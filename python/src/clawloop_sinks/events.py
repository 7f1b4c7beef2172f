"""Canonical events (schema/events/ of clawloop-sinks) from what ClawLoop's ``after_iteration`` callback receives."""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, List, Optional, Sequence

from .serialize import plain

__all__ = ["effective_reward", "run_started", "iteration_event", "run_finished"]

#: EpisodeSummary.effective_reward(): the first of these signals present wins; execution only when confident enough.
_PRIORITY = ("user", "outcome", "execution", "judge")
_EXECUTION_MIN_CONFIDENCE = 0.7


def effective_reward(signals: Dict[str, Any]) -> float:
    """ClawLoop's EpisodeSummary.effective_reward() on serialized signals: in [-1, 1], 0.0 without a usable signal."""
    for name in _PRIORITY:
        signal = signals.get(name)
        if not isinstance(signal, dict):
            continue
        if name == "execution" and float(signal.get("confidence", 0.0)) < _EXECUTION_MIN_CONFIDENCE:
            continue
        return float(signal.get("value", 0.0))
    return 0.0


def _total_reward(episode: Dict[str, Any]) -> float:
    # EpisodeSummary.total_reward is normalized_reward(): (effective + 1) / 2.
    return (effective_reward((episode.get("summary") or {}).get("signals") or {}) + 1.0) / 2.0


def _per_task(episodes: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """experiment.jsonl's per_task (core/loop.py ExperimentLog), rebuilt from the episodes the callback receives."""
    tasks: Dict[str, Dict[str, Any]] = {}
    for ep in episodes:
        reward = _total_reward(ep)
        error = (ep.get("metadata") or {}).get("error")
        raw = (ep.get("summary") or {}).get("signals") or {}
        signals = {k: {"value": v.get("value"), "confidence": v.get("confidence")} for k, v in raw.items() if isinstance(v, dict)}
        task = tasks.setdefault(str(ep.get("task_id", "")), {"rewards": [], "errors": [], "rollouts": []})
        task["rewards"].append(reward)
        if error:
            task["errors"].append(str(error))
        task["rollouts"].append({"reward": reward, "error": str(error) if error else None, "signals": signals})
        task["signals"] = signals
    for task in tasks.values():
        rewards = task["rewards"]
        mean = sum(rewards) / len(rewards)
        task.update(
            reward=mean,
            reward_mean=mean,
            reward_min=min(rewards),
            reward_max=max(rewards),
            n_rollouts=len(rewards),
            error=task["errors"][0] if task["errors"] else None,
        )
    return tasks


def run_started(run_id: str, *, bench: Optional[str], config: Optional[Dict[str, Any]], tags: Optional[List[str]],
                episodes: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    event: Dict[str, Any] = {"type": "run.started", "run_id": run_id, "started_at": time.time(), "source": "bridge"}
    bench = bench or (str(episodes[0].get("bench")) if episodes and episodes[0].get("bench") else None)
    if bench:
        event["bench"] = bench
    if config is not None:
        event["config"] = plain(config)
    if tags:
        event["tags"] = [str(t) for t in tags]
    return event


def iteration_event(run_id: str, iteration: int, agent_state: Any, episodes: Sequence[Dict[str, Any]],
                    on_error: Callable[[str, BaseException], None]) -> Dict[str, Any]:
    """The iteration as the callback sees it: rewards and per_task from the episodes, the playbook (through
    ``Playbook.to_dict()``), its version and generation, and the state hashes. forward_backward results are not
    visible to the callback (experiment.jsonl has them; a replay of the output directory merges both)."""
    rewards = [_total_reward(ep) for ep in episodes]
    event: Dict[str, Any] = {
        "type": "iteration",
        "run_id": run_id,
        "iteration": iteration,
        "timestamp": time.time(),
        "n_episodes": len(episodes),
        "avg_reward": sum(rewards) / len(rewards) if rewards else 0.0,
        "min_reward": min(rewards) if rewards else 0.0,
        "max_reward": max(rewards) if rewards else 0.0,
        "per_task": _per_task(episodes),
        "fb_results": {},
    }
    # What agent_state adds is optional: a failure there costs that part (reported), never the iteration.
    try:
        harness = getattr(agent_state, "harness", None)
        playbook = getattr(harness, "playbook", None)
        if playbook is not None:
            snapshot = plain(playbook)
            if isinstance(snapshot, dict) and isinstance(snapshot.get("entries"), list):
                event["playbook"] = {"entries": snapshot["entries"]}
                event["playbook_size"] = len(snapshot["entries"])
        for name in ("playbook_version", "playbook_generation"):
            value = getattr(harness, name, None)
            if isinstance(value, int) and not isinstance(value, bool):
                event[name] = value
    except Exception as exc:  # noqa: BLE001 - reported by the caller
        on_error("playbook", exc)
    try:
        state_id = getattr(agent_state, "state_id", None)
        if callable(state_id):
            event["state_id"] = plain(state_id())
    except Exception as exc:  # noqa: BLE001
        on_error("state_id", exc)
    return event


def run_finished(run_id: str, *, status: str, error: Optional[str], iterations: int) -> Dict[str, Any]:
    event: Dict[str, Any] = {
        "type": "run.finished",
        "run_id": run_id,
        "finished_at": time.time(),
        "status": status,
        "n_iterations_completed": iterations,
    }
    if error:
        event["error"] = error
    return event
