#!/usr/bin/env python3
"""ClawLoop's own exporters on the benchmark's generated run, for `pnpm bench --anchors`.

Run with the ClawLoop checkout on PYTHONPATH (nothing of ClawLoop is copied here): reads the canonical NDJSON run,
rebuilds ClawLoop's own objects from it (Episode, EpisodeSummary, a Harness holding the iteration's playbook, an
AgentState) and calls the exporter exactly as a user attaches it:

  wandb   WandbSink(run_id=..., project=..., config=...), .after_iteration(i, agent_state, episodes) per iteration,
          .finish() (WANDB_MODE=offline, WANDB_DIR set by the caller)
  otel    OTelExporter(endpoint=..., service_name=..., resource_attributes=...), .export(episodes) per iteration,
          .flush() with its default timeout, then the provider's shutdown
  mlflow  MlflowSink(experiment_name=..., run_name=..., tracking_uri=...) (in ClawLoop's PR #61),
          .after_iteration(i, agent_state, episodes) per iteration, .finish() (--endpoint is the tracking URI,
          --project the experiment)

Only the exporter's calls are timed (rebuilding the objects from JSON is the loop's work in a real run, not the
exporter's); its construction is timed apart. Prints one JSON line:
  {"sink", "episodes", "iterations", "seconds", "init_seconds", "cpu_seconds", "run_dir"?, "run_id"?}

  python clawloop_anchor.py --input run.ndjson --sink wandb|otel|mlflow [--endpoint URL] [--service NAME] [--project NAME]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time

from clawloop.core.episode import Episode, EpisodeSummary, Message, StepMeta, Timing, TokenLogProb, TokenUsage, ToolCall
from clawloop.core.loop import AgentState
from clawloop.core.reward import RewardSignal
from clawloop.learning_layers.harness import Harness, PlaybookEntry
from clawloop.learning_layers.router import Router
from clawloop.learning_layers.weights import Weights


def known(cls, d: dict | None) -> dict:
    """The keys of `d` that dataclass `cls` declares (canonical events may carry more)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in (d or {}).items() if k in names}


def message(m: dict) -> Message:
    calls = [ToolCall(**known(ToolCall, c)) for c in m["tool_calls"]] if m.get("tool_calls") else None
    lps = [TokenLogProb(**known(TokenLogProb, lp)) for lp in m["logprobs"]] if m.get("logprobs") else None
    content = m.get("content")
    if not isinstance(content, str):  # content parts: ClawLoop's Message holds text
        content = "" if content is None else json.dumps(content)
    return Message(**{**known(Message, m), "content": content, "tool_calls": calls, "logprobs": lps})


def episode(e: dict) -> Episode:
    s = e.get("summary") or {}
    summary = EpisodeSummary(
        signals={k: RewardSignal(name=k, value=v["value"], confidence=v["confidence"]) for k, v in (s.get("signals") or {}).items()},
        score_breakdown=s.get("score_breakdown"),
        token_usage=TokenUsage(**known(TokenUsage, s["token_usage"])) if s.get("token_usage") else None,
        timing=Timing(**known(Timing, s["timing"])) if s.get("timing") else None,
        filtered=bool(s.get("filtered")),
    )
    return Episode(
        **{
            **known(Episode, e),
            "messages": [message(m) for m in e.get("messages") or []],
            "steps": [StepMeta(**known(StepMeta, st)) for st in e.get("steps") or []],
            "summary": summary,
            "step_boundaries": e.get("step_boundaries") or [],
            "session_id": e.get("session_id") or "",
            "metadata": e.get("metadata") or {},
        }
    )


def agent_state(prompts: dict, iteration: dict) -> AgentState:
    harness = Harness(system_prompts=prompts)
    entries = (iteration.get("playbook") or {}).get("entries") or iteration.get("playbook_entries") or []
    harness.playbook.entries = [PlaybookEntry(**known(PlaybookEntry, p)) for p in entries]
    return AgentState(harness=harness, router=Router(), weights=Weights())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--sink", choices=["wandb", "otel", "mlflow"], required=True)
    ap.add_argument("--endpoint", default="http://localhost:4318")
    ap.add_argument("--service", default="clawloop")
    ap.add_argument("--project", default="clawloop-anchor")
    args = ap.parse_args()

    timed = 0.0
    cpu = 0.0

    def call(fn, *a):
        nonlocal timed, cpu
        t, c = time.perf_counter(), time.process_time()
        fn(*a)
        timed += time.perf_counter() - t
        cpu += time.process_time() - c

    prompts: dict = {}
    config: dict = {}
    pending: list[Episode] = []
    n_episodes = n_iterations = 0
    t0 = time.perf_counter()
    if args.sink == "wandb":
        from clawloop.integrations.wandb import WandbSink

        sink = None
    elif args.sink == "mlflow":
        from clawloop.integrations.mlflow import MlflowSink

        sink = None
    else:
        from clawloop.exporters.otel import OTelExporter

        sink = OTelExporter(
            endpoint=args.endpoint, service_name=args.service, resource_attributes={"openinference.project.name": args.project}
        )
    init_seconds = time.perf_counter() - t0

    with open(args.input, encoding="utf-8") as f:
        for line in f:
            event = json.loads(line)
            kind = event.get("type")
            if kind == "run.started":
                prompts = ((event.get("agent_config") or {}).get("system_prompts")) or {}
                config = {"bench": event.get("bench"), "n_iterations": event.get("n_iterations")}
                if args.sink == "wandb":
                    t0 = time.perf_counter()
                    sink = WandbSink(run_id="clawloop-" + str(event.get("run_id"))[:16], project=args.project, config=config)
                    init_seconds = time.perf_counter() - t0
                elif args.sink == "mlflow":
                    # Constructing it sets the tracking URI and experiment and starts the run (3-4 requests).
                    t0 = time.perf_counter()
                    name = "clawloop-" + str(event.get("run_id"))[:16]
                    sink = MlflowSink(experiment_name=args.project, run_name=name, tracking_uri=args.endpoint)
                    init_seconds = time.perf_counter() - t0
            elif kind == "episode":
                pending.append(episode(event["episode"]))
            elif kind == "iteration":
                if args.sink in ("wandb", "mlflow"):
                    call(sink.after_iteration, event["iteration"], agent_state(prompts, event), pending)
                else:
                    call(sink.export, pending)
                n_episodes += len(pending)
                n_iterations += 1
                pending = []

    out = {"sink": args.sink, "episodes": n_episodes, "iterations": n_iterations}
    if args.sink == "wandb":
        call(sink.finish)
        out["run_dir"] = sink._run.dir
    elif args.sink == "mlflow":
        call(sink.finish)
        out["run_id"] = sink._run.info.run_id
    else:
        call(sink.flush)
        call(sink._provider.shutdown)
    print(json.dumps({**out, "seconds": timed, "cpu_seconds": cpu, "init_seconds": init_seconds}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
