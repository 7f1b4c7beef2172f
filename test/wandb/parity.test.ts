/**
 * Parity with ClawLoop's own WandbSink (tests/test_wandb_sink.py, clawloop-shapes.md §5a): for ClawLoop's fixture
 * episodes, our generated W&B mapping produces the same metric names and values.
 */
import { describe, expect, it } from 'vitest';
import { mapWandbEvent } from '../../generated/wandb/adapter.gen.js';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { DerivedContext } from '../../src/core/derived-context.js';

/** ClawLoop's `_make_episode(reward, episode_id, task_id, bench, n_steps)`. */
function makeEpisode(reward = 0.8, id = 'ep-001', iteration = 0): EpisodeEvent {
  return {
    type: 'episode',
    run_id: 'run-parity',
    iteration,
    episode: {
      id,
      state_id: 'state-abc123',
      task_id: 'task-1',
      bench: 'test',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
      step_boundaries: [0],
      steps: [0, 1].map((t) => ({ t, reward: t === 1 ? reward : 0, done: t === 1, timing_ms: 100 })).map((s) => ({ ...s, info: {} })),
      summary: {
        signals: {
          outcome: { name: 'outcome', value: reward * 2 - 1, confidence: 1 },
          execution: { name: 'execution', value: 0.5, confidence: 0.9 },
        },
        token_usage: { prompt_tokens: 50, completion_tokens: 20, total_tokens: 70 },
        timing: { total_ms: 200, per_step_ms: [100, 100] },
        filtered: false,
      },
      session_id: '',
      model: 'gpt-4o',
      created_at: 1_700_000_000,
      metadata: {},
    },
  };
}

const STATE = {
  harness_hash: 'a'.repeat(64),
  router_hash: 'b'.repeat(64),
  weights_hash: 'c'.repeat(64),
  combined_hash: '0123456789abcdef'.repeat(4),
};

function iteration(extra: Partial<IterationEvent> = {}): IterationEvent {
  return {
    type: 'iteration',
    run_id: 'run-parity',
    iteration: 0,
    timestamp: 1_700_000_100,
    n_episodes: 0,
    avg_reward: 0,
    min_reward: 0,
    max_reward: 0,
    per_task: {},
    fb_results: {},
    ...extra,
  };
}

function history(events: CanonicalEvent[]): Record<string, unknown> {
  const ctx = new DerivedContext();
  let out: Record<string, unknown> = {};
  for (const e of events) {
    ctx.observe(e);
    const m = mapWandbEvent(e, ctx);
    if (m.type === 'iteration') out = { ...m.history };
    ctx.release(e);
  }
  return out;
}

describe("ClawLoop WandbSink's metrics (TestLogEpisodes, TestLogIteration)", () => {
  it('reward/mean is the effective reward, not the raw one (0.8 → 0.6)', () => {
    expect(history([makeEpisode(0.8), iteration()])['reward/mean']).toBeCloseTo(0.6, 9);
  });

  it('reward/min and reward/max over the batch (0.3, 0.9 → -0.4, 0.8)', () => {
    const h = history([makeEpisode(0.3, 'a'), makeEpisode(0.9, 'b'), iteration()]);
    expect(h['reward/min']).toBeCloseTo(-0.4, 9);
    expect(h['reward/max']).toBeCloseTo(0.8, 9);
    expect(h['episodes/count']).toBe(2);
  });

  it('reward/<signal>_mean per signal', () => {
    const h = history([makeEpisode(0.8), iteration()]);
    expect(h['reward/outcome_mean']).toBeCloseTo(0.6, 9);
    expect(h['reward/execution_mean']).toBe(0.5);
  });

  it('playbook/size and playbook/mean_score (mean effective score); an empty playbook has no mean_score', () => {
    const entry = { id: 'str-00000001', content: 'x', helpful: 2, harmful: 0, tags: [], decay_rate: 0.01, last_activated: 1_700_000_100 };
    const h = history([iteration({ playbook: { entries: [entry] } })]);
    expect(h['playbook/size']).toBe(1);
    expect(h['playbook/mean_score']).toBe(2);
    const empty = history([iteration({ playbook: { entries: [] } })]);
    expect(empty['playbook/size']).toBe(0);
    expect(empty).not.toHaveProperty('playbook/mean_score');
  });

  it('state/* hold the first 12 hex chars of each hash', () => {
    const h = history([iteration({ state_id: STATE })]);
    expect(h).toMatchObject({
      'state/combined': '0123456789ab',
      'state/harness': 'aaaaaaaaaaaa',
      'state/router': 'bbbbbbbbbbbb',
      'state/weights': 'cccccccccccc',
    });
  });

  it('fb/<layer>/<metric> for numeric metrics only (strings skipped)', () => {
    const h = history([
      iteration({ fb_results: { harness: { status: 'ok', metrics: { insights_generated: 3, count: 5, detail: 'words' } } } }),
    ]);
    expect(h['fb/harness/insights_generated']).toBe(3);
    expect(h['fb/harness/count']).toBe(5);
    expect(h).not.toHaveProperty('fb/harness/detail');
    expect(h['fb/harness/status']).toBe('ok');
  });

  it('no episodes: no reward metrics (TestLogEpisodes.test_empty_episodes_noop)', () => {
    const h = history([iteration()]);
    expect(Object.keys(h).filter((k) => k.startsWith('reward/') && !k.startsWith('reward/raw_'))).toEqual([]);
  });
});
