"""ClawLoop objects as the canonical events' JSON, field names exactly as ClawLoop writes them.

An object's own ``to_dict()`` is used where it has one (``PlaybookEntry.to_dict()`` leaves the embedding fields out
when there is no embedding, ``Playbook.to_dict()``, ...); dataclasses become their fields; ``EpisodeSummary`` (a
plain class, not a dataclass) becomes its attributes. Non-finite floats are kept: they are written as Python's
``json.dumps`` writes them (``NaN``), and clawloop-sinks reports and drops exactly that field.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Dict, List

__all__ = ["plain", "episode_to_dict", "summary_to_dict", "to_json_line"]

#: EpisodeSummary's attributes (clawloop/core/episode.py); it is not a dataclass, so asdict() cannot see them.
SUMMARY_FIELDS = ("signals", "score_breakdown", "token_usage", "timing", "filtered", "scored_at_generation")


def plain(value: Any) -> Any:
    """A JSON-ready copy of ``value``: ``to_dict()`` where the object has one, else its dataclass fields or attributes."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=repr)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict) and not isinstance(value, type):
        return plain(to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if type(value).__name__ == "EpisodeSummary":
        return summary_to_dict(value)
    if hasattr(value, "__dict__"):
        return {k: plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


def summary_to_dict(summary: Any) -> Dict[str, Any]:
    """EpisodeSummary as its attributes (``total_reward`` is a property computed from the signals: left out)."""
    out = {name: plain(getattr(summary, name)) for name in SUMMARY_FIELDS if hasattr(summary, name)}
    out["signals"] = out.get("signals") or {}
    return out


def episode_to_dict(episode: Any) -> Dict[str, Any]:
    """A ClawLoop Episode as the canonical ``episode`` payload (field names exactly as ClawLoop's dataclasses)."""
    if dataclasses.is_dataclass(episode) and not isinstance(episode, type):
        names: List[str] = [f.name for f in dataclasses.fields(episode)]
    else:
        names = [k for k in vars(episode) if not k.startswith("_")]
    out: Dict[str, Any] = {}
    for name in names:
        value = getattr(episode, name)
        out[name] = summary_to_dict(value) if name == "summary" else plain(value)
    return out


def to_json_line(event: Dict[str, Any]) -> str:
    """One NDJSON line. NaN / Infinity stay as Python writes them; clawloop-sinks reports and drops that field."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False) + "\n"
