"""Objects shaped like ClawLoop's (clawloop/core/episode.py, core/state.py, learning_layers/harness.py, core/loop.py),
rebuilt from the real after_iteration dump of the shared sample, so the bridge sees what a live loop would hand it.
EpisodeSummary is a plain class here, as in ClawLoop (it is not a dataclass)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: str
    result: str | None = None
    success: bool | None = None
    latency_ms: float | None = None
    error: str | None = None


@dataclass
class Message:
    role: str
    content: str
    name: str | None = None
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str | None = None
    timestamp: float | None = None
    token_count: int | None = None
    model: str | None = None
    logprobs: list | None = None
    reasoning_content: str | None = None


@dataclass
class StepMeta:
    t: int
    reward: float
    done: bool
    timing_ms: float
    info: dict = field(default_factory=dict)


@dataclass
class RewardSignal:
    name: str
    value: float
    confidence: float


@dataclass
class TokenUsage:
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


@dataclass
class Timing:
    total_ms: float
    per_step_ms: list[float]


class EpisodeSummary:
    def __init__(self, signals, score_breakdown=None, token_usage=None, timing=None, filtered=False, scored_at_generation=None):
        self.signals = signals
        self.score_breakdown = score_breakdown
        self.token_usage = token_usage
        self.timing = timing
        self.filtered = filtered
        self.scored_at_generation = scored_at_generation

    def effective_reward(self) -> float:  # present on the real class; the bridge must not need it
        raise AssertionError("the bridge computes rewards from signals")


@dataclass
class Episode:
    id: str
    state_id: str
    task_id: str
    bench: str
    messages: list[Message]
    step_boundaries: list[int]
    steps: list[StepMeta]
    summary: EpisodeSummary
    session_id: str = ""
    model: str | None = None
    created_at: float | None = None
    metadata: dict = field(default_factory=dict)


@dataclass
class PlaybookEntry:
    id: str
    content: str
    helpful: int = 0
    harmful: int = 0
    tags: list[str] = field(default_factory=list)
    source_episode_ids: list[str] = field(default_factory=list)
    name: str = ""
    description: str = ""
    anti_patterns: str = ""
    category: str = "general"
    created_at: float = 0.0
    last_activated: float = 0.0
    generation: int = 0
    decay_rate: float = 0.01
    superseded_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class Playbook:
    entries: list[PlaybookEntry]


@dataclass
class StateID:
    harness_hash: str
    router_hash: str
    weights_hash: str
    combined_hash: str


class Harness:
    def __init__(self, playbook: Playbook, version: int, generation: int):
        self.playbook = playbook
        self.playbook_version = version
        self.playbook_generation = generation


class AgentState:
    def __init__(self, harness: Harness, state: StateID):
        self.harness = harness
        self._state = state

    def state_id(self) -> StateID:
        return self._state


def _episode(d: dict) -> Episode:
    messages = [
        Message(**{**m, "tool_calls": [ToolCall(**c) for c in m["tool_calls"]] if m["tool_calls"] else m["tool_calls"]})
        for m in d["messages"]
    ]
    s = d["summary"]
    summary = EpisodeSummary(
        signals={k: RewardSignal(**v) for k, v in s["signals"].items()},
        score_breakdown=s["score_breakdown"],
        token_usage=TokenUsage(**s["token_usage"]) if s["token_usage"] else None,
        timing=Timing(**s["timing"]) if s["timing"] else None,
        filtered=s["filtered"],
        scored_at_generation=s["scored_at_generation"],
    )
    return Episode(**{**d, "messages": messages, "steps": [StepMeta(**x) for x in d["steps"]], "summary": summary})


def iterations_from_dump(path: str):
    """Yields (iteration, agent_state, episodes) as learning_loop would pass them to after_iteration."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            playbook = Playbook([PlaybookEntry(**e) for e in d["playbook"]["entries"]])
            harness = Harness(playbook, d.get("playbook_version", d["iteration"]), d.get("playbook_generation", 0))
            yield d["iteration"], AgentState(harness, StateID(**d["state_id"])), [_episode(e) for e in d["episodes"]]
