"""Stand-ins for ClawLoop's classes (clawloop/core/episode.py, core/reward.py, core/state.py,
learning_layers/harness.py, core/loop.py), rebuilt from a real after_iteration dump so the bridge sees what a live
loop hands it. Each declares every field the real class declares, with the same annotation: declarations.py compares
them with the committed snapshot of ClawLoop's own declarations (clawloop-declarations.json). EpisodeSummary is a
plain class here, as in ClawLoop (not a dataclass). Live mode passes the client's message content through, so a
Message may hold None or a list of content parts although ClawLoop annotates ``content: str``."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass
class ToolCall:
    id: str
    name: str
    arguments: str
    result: str | None = None
    success: bool | None = None
    latency_ms: float | None = None
    error: str | None = None


@dataclass(frozen=True)
class TokenLogProb:
    token: str
    token_id: int | None = None
    logprob: float = 0.0
    top_logprobs: dict[str, float] | None = None


@dataclass
class Message:
    role: Literal["system", "user", "assistant", "tool"]
    content: str
    name: str | None = None
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str | None = None
    timestamp: float | None = None
    token_count: int | None = None
    model: str | None = None
    logprobs: list[TokenLogProb] | None = None
    reasoning_content: str | None = None


@dataclass
class StepMeta:
    t: int
    reward: float
    done: bool
    timing_ms: float
    info: dict[str, Any] = field(default_factory=dict)


@dataclass
class TokenUsage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


@dataclass
class Timing:
    total_ms: float = 0.0
    per_step_ms: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class RewardSignal:
    name: str
    value: float
    confidence: float


class EpisodeSummary:
    def __init__(
        self,
        *,
        total_reward: float | None = None,
        signals: dict[str, RewardSignal] | None = None,
        score_breakdown: dict[str, float] | None = None,
        token_usage: TokenUsage | None = None,
        timing: Timing | None = None,
        filtered: bool = False,
    ) -> None:
        self.signals: dict[str, RewardSignal] = signals if signals is not None else {}
        self.score_breakdown = score_breakdown
        self.token_usage = token_usage
        self.timing = timing
        self.filtered = filtered
        self.scored_at_generation: int | None = None
        if total_reward is not None:
            self.signals["outcome"] = RewardSignal("outcome", float(total_reward) * 2.0 - 1.0, 1.0)

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
    metadata: dict[str, Any] = field(default_factory=dict)


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
    created_at: float = field(default_factory=time.time)
    last_activated: float = field(default_factory=time.time)
    generation: int = 0
    decay_rate: float = 0.01
    embedding: list[float] | None = None
    embedding_model_id: str | None = None
    embedding_updated_at: float | None = None
    superseded_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # As ClawLoop's: the embedding fields only when there is an embedding.
        keys = ["id", "content", "helpful", "harmful", "tags", "source_episode_ids", "name", "description", "anti_patterns",
                "category", "created_at", "last_activated", "generation", "decay_rate", "superseded_by"]
        out = {k: getattr(self, k) for k in keys}
        if self.embedding is not None:
            out.update(embedding=self.embedding, embedding_model_id=self.embedding_model_id, embedding_updated_at=self.embedding_updated_at)
        return out


@dataclass
class Playbook:
    entries: list[PlaybookEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries]}


@dataclass(frozen=True)
class StateID:
    harness_hash: str
    router_hash: str
    weights_hash: str
    combined_hash: str
    created_at: float


@dataclass
class Harness:
    system_prompts: dict[str, str] = field(default_factory=dict)
    pareto_fronts: dict[str, ParetoFront] = field(default_factory=dict)
    playbook: Playbook = field(default_factory=Playbook)
    tool_configs: list[ToolConfig] = field(default_factory=list)
    validators: dict[str, Any] = field(default_factory=dict)
    playbook_version: int = 0
    playbook_generation: int = 0
    evolver: Any | None = None


class ParetoFront:  # a name for the annotation; the bridge never reads prompt candidates
    pass


class ToolConfig:  # a name for the annotation; the bridge never reads tool configs
    pass


class Router:
    def to_dict(self) -> dict[str, Any]:
        return {}


class Weights:
    def to_dict(self) -> dict[str, Any]:
        return {}


@dataclass
class AgentState:
    harness: Harness = field(default_factory=Harness)
    router: Router = field(default_factory=Router)
    weights: Weights = field(default_factory=Weights)
    inference_url: str | None = None
    sampling_client: Any = None
    renderer: Any = None
    tokenizer: Any = None
    tried_paradigms: list[str] = field(default_factory=list)
    _state: StateID | None = None

    def state_id(self) -> StateID:
        assert self._state is not None
        return self._state


def _message(m: dict) -> Message:
    calls = [ToolCall(**c) for c in m["tool_calls"]] if m.get("tool_calls") else m.get("tool_calls")
    logprobs = [TokenLogProb(**lp) for lp in m["logprobs"]] if m.get("logprobs") else m.get("logprobs")
    return Message(**{**m, "tool_calls": calls, "logprobs": logprobs})


def _episode(d: dict) -> Episode:
    s = d["summary"]
    summary = EpisodeSummary(
        signals={k: RewardSignal(**v) for k, v in s["signals"].items()},
        score_breakdown=s.get("score_breakdown"),
        token_usage=TokenUsage(**s["token_usage"]) if s.get("token_usage") else None,
        timing=Timing(**s["timing"]) if s.get("timing") else None,
        filtered=s.get("filtered", False),
    )
    summary.scored_at_generation = s.get("scored_at_generation")
    return Episode(**{**d, "messages": [_message(m) for m in d["messages"]], "steps": [StepMeta(**x) for x in d["steps"]], "summary": summary})


def iterations_from_dump(path: str):
    """Yields (iteration, agent_state, episodes) as learning_loop would pass them to after_iteration."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            playbook = Playbook([PlaybookEntry(**e) for e in d.get("playbook", {}).get("entries", [])])
            harness = Harness(playbook=playbook, playbook_version=d.get("playbook_version", d["iteration"]), playbook_generation=d.get("playbook_generation", 0))
            state = d.get("state_id")
            agent = AgentState(harness=harness, _state=StateID(**{"created_at": 0.0, **state}) if state else None)
            yield d["iteration"], agent, [_episode(e) for e in d["episodes"]]
