/** A synthetic ClawLoop run as canonical NDJSON, made from the real sample's episodes (new ids per iteration). */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../generated/types.gen.js';

export function generateRun(
  sample: readonly CanonicalEvent[],
  path: string,
  iterations: number,
  episodesPerIteration: number,
  runId = 'bench-run',
): { episodes: number; bytes: number } {
  const episodes = sample.filter((e): e is EpisodeEvent => e.type === 'episode');
  const its = sample.filter((e): e is IterationEvent => e.type === 'iteration');
  const started = sample.find((e) => e.type === 'run.started')!;
  const fd = openSync(path, 'w');
  let count = 0;
  writeSync(fd, JSON.stringify({ ...started, run_id: runId, n_iterations: iterations }) + '\n');
  for (let i = 0; i < iterations; i += 1) {
    for (let k = 0; k < episodesPerIteration; k += 1) {
      const e = episodes[(i * episodesPerIteration + k) % episodes.length];
      writeSync(
        fd,
        JSON.stringify({ ...e, run_id: runId, iteration: i, episode: { ...e.episode, id: `${e.episode.id.slice(0, 12)}-${i}-${k}` } }) +
          '\n',
      );
      count += 1;
    }
    writeSync(fd, JSON.stringify({ ...its[i % its.length], run_id: runId, iteration: i, n_episodes: episodesPerIteration }) + '\n');
  }
  writeSync(
    fd,
    JSON.stringify({
      type: 'run.finished',
      run_id: runId,
      finished_at: 1_800_000_000,
      status: 'completed',
      n_iterations_completed: iterations,
    }) + '\n',
  );
  closeSync(fd);
  return { episodes: count, bytes: statSync(path).size };
}

export interface LearningRunOptions {
  iterations: number;
  episodesPerIteration: number;
  runId?: string;
  /** Seed of the pseudo-random choices, so a run is the same every time. @default 1 */
  seed?: number;
}

/** mulberry32: a small deterministic PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * A run that learns, shaped like real ClawLoop output: the real sample's episodes (messages, tool calls, steps) under
 * new ids, with outcomes drawn from a success probability that rises over the run with noise; reward signals in
 * ClawLoop's shapes (outcome ±1, or a judge score when there is no outcome); tokens that grow with the playbook;
 * iteration events whose avg/min/max and per_task agree with their episodes; a playbook growing to ClawLoop's cap of 100
 * active entries with helpful/harmful counts; and an evolution entry in ~94 % of iterations (mostly reflect, some
 * mutate, rare paradigm shifts) that changes the state hash. Every 7th iteration's first episode carries a long tool
 * result (a big API answer), as real runs do.
 */
export function generateLearningRun(
  sample: readonly CanonicalEvent[],
  path: string,
  options: LearningRunOptions,
): { episodes: number; bytes: number } {
  const { iterations, episodesPerIteration } = options;
  const runId = options.runId ?? `learning-${iterations}`;
  const random = prng(options.seed ?? 1);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const episodes = sample.filter((e): e is EpisodeEvent => e.type === 'episode');
  const its = sample.filter((e): e is IterationEvent => e.type === 'iteration');
  const started = sample.find((e) => e.type === 'run.started')!;
  const t0 = started.type === 'run.started' ? started.started_at : 1_800_000_000;
  const fd = openSync(path, 'w');
  const write = (event: unknown) => writeSync(fd, JSON.stringify(event) + '\n');
  write({ ...started, run_id: runId, n_iterations: iterations });

  const playbook: Array<{ id: string; content: string; helpful: number; harmful: number; tags: string[] }> = [];
  let combined = hex(64);
  let previousAvg = 0;
  let best = -Infinity;
  let first: number | undefined;
  let count = 0;
  for (let i = 0; i < iterations; i += 1) {
    const progress = 1 - Math.exp((-3 * i) / Math.max(1, iterations - 1));
    const pSuccess = clamp(0.22 + 0.55 * progress + 0.06 * Math.sin(i / 5) + (random() - 0.5) * 0.2, 0.03, 0.97);
    const timestamp = t0 + i * 45;
    const raws: number[] = [];
    const tasks = new Map<
      string,
      {
        rewards: number[];
        errors: string[];
        rollouts: Array<{ reward: number; error: string | null; signals: Record<string, { value: number; confidence: number }> }>;
      }
    >();
    for (let k = 0; k < episodesPerIteration; k += 1) {
      const base = episodes[(i * episodesPerIteration + k) % episodes.length];
      const success = random() < pSuccess;
      const signals: Record<string, { name: string; value: number; confidence: number }> = {};
      let raw: number;
      if (random() < 0.75) {
        signals.outcome = { name: 'outcome', value: success ? 1 : -1, confidence: 1 };
        if (random() < 0.5)
          signals.judge = {
            name: 'judge',
            value: Number(clamp((success ? 0.6 : -0.5) + (random() - 0.5) * 0.6, -1, 1).toFixed(4)),
            confidence: 0.6,
          };
        raw = success ? 1 : 0;
      } else {
        const judged = Number(clamp(2 * pSuccess - 1 + (random() - 0.5) * 0.8, -1, 1).toFixed(4));
        signals.judge = { name: 'judge', value: judged, confidence: 0.7 };
        raw = (judged + 1) / 2;
      }
      if (random() < 0.4)
        signals.execution = {
          name: 'execution',
          value: Number(clamp((success ? 0.5 : -0.5) + (random() - 0.5), -1, 1).toFixed(4)),
          confidence: 0.8,
        };
      raws.push(raw);
      const baseTokens = base.episode.summary.token_usage?.total_tokens ?? 800;
      const total = Math.round(baseTokens * (1 + playbook.length / 60) * (0.8 + 0.4 * random()));
      const messages = (base.episode.messages ?? []).map((m) => ({ ...m }));
      if (k === 0 && i % 7 === 0) {
        const tool = messages.findIndex((m) => m.role === 'tool');
        const at = tool >= 0 ? tool : messages.length - 1;
        const rows = Array.from({ length: 60 }, (_, r) => ({
          id: r,
          title: `Result ${r} for ${base.episode.task_id}`,
          snippet: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.',
        }));
        messages[at] = { ...messages[at], content: JSON.stringify({ ok: true, results: rows }) };
      }
      const error = typeof base.episode.metadata?.error === 'string' && !success ? base.episode.metadata.error : null;
      write({
        ...base,
        run_id: runId,
        iteration: i,
        episode: {
          ...base.episode,
          id: `${base.episode.id.slice(0, 12)}-${i}-${k}`,
          state_id: combined,
          messages,
          summary: {
            ...base.episode.summary,
            signals,
            token_usage: {
              prompt_tokens: Math.round(total * 0.8),
              completion_tokens: total - Math.round(total * 0.8),
              total_tokens: total,
            },
            timing: {
              total_ms: Math.round(500 + total * 1.2 + random() * 900),
              per_step_ms: base.episode.summary.timing?.per_step_ms ?? [],
            },
          },
          created_at: timestamp + k,
          metadata: { ...base.episode.metadata, error: error ?? undefined },
        },
      });
      count += 1;
      const task = tasks.get(base.episode.task_id) ?? { rewards: [], errors: [], rollouts: [] };
      task.rewards.push(raw);
      if (error) task.errors.push(error);
      task.rollouts.push({
        reward: raw,
        error,
        signals: Object.fromEntries(Object.entries(signals).map(([n, s]) => [n, { value: s.value, confidence: s.confidence }])),
      });
      tasks.set(base.episode.task_id, task);
      // The harness attributes the outcome to the entries in the prompt (ClawLoop: reward > 0 → helpful, < 0 → harmful).
      for (let e = 0; e < Math.min(3, playbook.length); e += 1) {
        const entry = playbook[Math.floor(random() * playbook.length)];
        if (success) entry.helpful += 1;
        else entry.harmful += 1;
      }
    }
    const evolves = i === 0 || random() < 0.94;
    const actions = evolves ? [random() < 0.01 ? 'paradigm_shift' : random() < 0.1 ? 'mutate' : 'reflect'] : [];
    if (actions[0] === 'reflect' || actions[0] === 'paradigm_shift') {
      for (let n = 0, adds = 1 + Math.floor(random() * 2); n < adds; n += 1) {
        playbook.push({
          id: `str-${hex(8)}`,
          content: `Insight ${playbook.length} from reflection #${i}`,
          helpful: 0,
          harmful: 0,
          tags: ['toolbench', 'strategy'],
        });
      }
      // ClawLoop caps active entries at 100, keeping the best-scored.
      if (playbook.length > 100) playbook.sort((a, b) => b.helpful - b.harmful - (a.helpful - a.harmful)).splice(100);
    }
    const before = combined;
    if (evolves) combined = hex(64);
    const avg = raws.reduce((a, b) => a + b, 0) / raws.length;
    first ??= avg;
    best = Math.max(best, avg);
    const template = its[i % its.length];
    const { playbook: _full, state_id: _state, ...rest } = template;
    write({
      ...rest,
      run_id: runId,
      iteration: i,
      timestamp: timestamp + 40,
      n_episodes: episodesPerIteration,
      avg_reward: avg,
      min_reward: Math.min(...raws),
      max_reward: Math.max(...raws),
      per_task: Object.fromEntries(
        [...tasks].map(([id, t]) => {
          const mean = t.rewards.reduce((a, b) => a + b, 0) / t.rewards.length;
          return [
            id,
            {
              reward: mean,
              signals: t.rollouts.at(-1)!.signals,
              error: t.errors[0] ?? null,
              n_rollouts: t.rewards.length,
              reward_mean: mean,
              reward_min: Math.min(...t.rewards),
              reward_max: Math.max(...t.rewards),
              rewards: t.rewards,
              errors: t.errors,
              rollouts: t.rollouts,
            },
          ];
        }),
      ),
      playbook_size: playbook.length,
      playbook_entries: playbook.map((e) => ({ ...e, tags: [...e.tags] })),
      state_id: {
        harness_hash: combined,
        router_hash: hex(64),
        weights_hash: hex(64),
        combined_hash: combined,
        created_at: timestamp + 40,
      },
    });
    if (evolves) {
      write({
        type: 'evolution',
        run_id: runId,
        iteration: i,
        timestamp: timestamp + 41,
        state_hash_before: before,
        state_hash_after: combined,
        actions,
        reward_before: previousAvg,
        reward_after: avg,
        reward_delta: avg - previousAvg,
        backend: 'local',
      });
    }
    previousAvg = avg;
  }
  write({
    type: 'run.finished',
    run_id: runId,
    finished_at: t0 + iterations * 45,
    status: 'completed',
    best_reward: best,
    improvement_delta: best - (first ?? 0),
    total_cost_tokens: 0,
    n_iterations_completed: iterations,
  });
  closeSync(fd);
  return { episodes: count, bytes: statSync(path).size };
}
