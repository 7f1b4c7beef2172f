/**
 * Replays of what real ClawLoop runs wrote (test/fixtures/clawloop, made by regenerate.sh from ClawLoop's own code):
 * every shape replays with exit 0 and no problem, and each source on its own still yields what the sinks need.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { mapWandbEvent } from '../../generated/wandb/adapter.gen.js';
import { DerivedContext } from '../../src/core/derived-context.js';
import { runCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'clawloop');
const episodes = (events: CanonicalEvent[]) => events.filter((e): e is EpisodeEvent => e.type === 'episode');
const iterations = (events: CanonicalEvent[]) => events.filter((e): e is IterationEvent => e.type === 'iteration');

/** What the W&B sink logs per step: reward curves, per-signal means and the episodes table's row count. */
function wandbSteps(events: CanonicalEvent[]) {
  const ctx = new DerivedContext();
  const rows = new Map<number, number>();
  const steps: Array<Record<string, unknown>> = [];
  for (const e of events) {
    ctx.observe(e);
    const m = mapWandbEvent(e, ctx);
    if (m.type === 'episode')
      rows.set(e.type === 'episode' ? e.iteration : -1, (rows.get(e.type === 'episode' ? e.iteration : -1) ?? 0) + 1);
    if (m.type === 'iteration') steps.push({ ...m.history, table_rows: rows.get(m.event.iteration) ?? 0 });
    ctx.release(e);
  }
  return steps;
}

describe('every shape a real ClawLoop run writes replays with exit 0 and no problem', () => {
  it.each(['normal', 'normal/events.ndjson', 'no-dump', 'no-dump/archive', 'pre-2026-04-19', 'live/events.ndjson'])('%s', (input) => {
    const { code, stderr } = runCli(['replay', join(FIXTURES, input), '--sink', 'console', '--no-progress']);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/input (error|problem)/);
    expect(stderr).toMatch(/console\s+ok/);
  });
});

describe('each source alone gives what the sinks need', () => {
  it('output directory with events.ndjson, dump and archive: one run, each episode once and in full, ClawLoop fields and bridge fields merged', async () => {
    const { events, problems } = await collect(join(FIXTURES, 'normal'));
    expect(problems).toEqual([]);
    const fromBridge = (await collect(join(FIXTURES, 'normal', 'events.ndjson'))).events;
    expect(new Set(events.map((e) => e.run_id)).size).toBe(1);
    expect(events[0].run_id).toBe(fromBridge[0].run_id);
    expect(episodes(events).map((e) => e.episode.id)).toEqual(episodes(fromBridge).map((e) => e.episode.id));
    expect(episodes(events).every((e) => (e.episode.messages?.length ?? 0) > 0)).toBe(true);
    expect(events[0]).toMatchObject({
      type: 'run.started',
      config: { iters: 3, eps: 4 },
      tags: ['e2e', 'offline'],
      config_hash: expect.any(String),
    });
    for (const it of iterations(events)) {
      expect(Object.keys(it.fb_results ?? {})).toEqual(['harness', 'router', 'weights']);
      expect(it.state_id?.combined_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(it.playbook?.entries.length).toBe(it.playbook_size);
    }
  });

  it('ClawLoop before 2026-04-19 (per_task of reward / signals / error only): iterations with rewards, reward curves from the archive', async () => {
    const { events, problems } = await collect(join(FIXTURES, 'pre-2026-04-19'));
    expect(problems).toEqual([]);
    const its = iterations(events);
    expect(its.map((e) => e.iteration)).toEqual([0, 1, 2]);
    for (const it of its) {
      expect(typeof it.avg_reward).toBe('number');
      for (const task of Object.values(it.per_task ?? {})) expect(Object.keys(task).sort()).toEqual(['error', 'reward', 'signals']);
    }
    const steps = wandbSteps(events);
    expect(steps.map((s) => typeof s['reward/mean'])).toEqual(['number', 'number', 'number']);
    expect(steps.map((s) => s['reward/raw_mean'])).toEqual(its.map((it) => it.avg_reward));
  });

  it('no dump and no bridge events: reward curves, per-signal means and an episodes table from the archive', async () => {
    const { events, problems } = await collect(join(FIXTURES, 'no-dump'));
    expect(problems).toEqual([]);
    const summaries = episodes(events);
    expect(summaries).toHaveLength(12);
    expect(summaries.every((e) => e.episode.messages === undefined && typeof e.episode.n_steps === 'number')).toBe(true);
    const steps = wandbSteps(events);
    expect(steps).toHaveLength(3);
    for (const step of steps) {
      expect(step).toMatchObject({
        'reward/mean': expect.any(Number),
        'reward/min': expect.any(Number),
        'reward/max': expect.any(Number),
        'episodes/count': 4,
        table_rows: 4,
      });
      expect(Object.keys(step).some((k) => /^reward\/\w+_mean$/.test(k))).toBe(true);
      expect(step['state/harness']).toBeUndefined();
    }
  });

  it('the archive directory alone gives the same curves', async () => {
    const fromDir = wandbSteps((await collect(join(FIXTURES, 'no-dump'))).events);
    const fromArchive = wandbSteps((await collect(join(FIXTURES, 'no-dump', 'archive'))).events);
    const curve = (steps: Array<Record<string, unknown>>, key: string) => steps.map((s) => s[key]);
    for (const key of [
      'reward/mean',
      'reward/min',
      'reward/max',
      'reward/mean_normalized',
      'episodes/count',
      'table_rows',
      'playbook/size',
    ]) {
      expect(curve(fromArchive, key), key).toEqual(curve(fromDir, key));
    }
  });

  it('live mode: null content, content parts, developer role and logprob dicts arrive as ClawLoop built them', async () => {
    const { events, problems } = await collect(join(FIXTURES, 'live', 'events.ndjson'));
    expect(problems).toEqual([]);
    const messages = episodes(events).flatMap((e) => e.episode.messages ?? []);
    expect(messages.filter((m) => m.role === 'developer')).toHaveLength(2);
    expect(messages.some((m) => m.role === 'assistant' && m.content === null && (m.tool_calls?.length ?? 0) > 0)).toBe(true);
    expect(messages.find((m) => Array.isArray(m.content))?.content).toEqual([
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
    ]);
    expect(messages.flatMap((m) => m.logprobs ?? []).every((lp) => lp.top_logprobs && !Array.isArray(lp.top_logprobs))).toBe(true);
    expect(episodes(events).some((e) => e.episode.summary.signals.user?.value === 1)).toBe(true);
  });
});

describe('--run-id on an output directory', () => {
  /** Events with the run id left out, to compare a run sent under another id with itself. */
  const withoutRunId = (events: CanonicalEvent[]) => events.map(({ run_id: _, ...rest }) => rest);

  it('an id that names no run there sends the run found, all of it, under that id', async () => {
    const plain = await collect(join(FIXTURES, 'normal'));
    const relabelled = await collect(join(FIXTURES, 'normal'), { runId: 'fresh-run' });
    expect(relabelled.problems).toEqual([]);
    expect(new Set(relabelled.events.map((e) => e.run_id))).toEqual(new Set(['fresh-run']));
    // Nothing of the archive or the bridge is left behind for not carrying the new id.
    expect(withoutRunId(relabelled.events)).toEqual(withoutRunId(plain.events));
  });

  it('the id of the run there (the archive and the bridge share it) changes nothing', async () => {
    const plain = await collect(join(FIXTURES, 'normal'));
    const named = await collect(join(FIXTURES, 'normal'), { runId: plain.events[0].run_id });
    expect(named.events).toEqual(plain.events);
  });
});
