/**
 * What `replay <output-dir>` merges: ClawLoop's files, the after_iteration dump, the bridge's events.ndjson and the
 * archive — each episode once (in full when a full copy exists, else the archive's summary), one run id, nothing the
 * bridge wrote lost. On copies of the real ClawLoop sample.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();

function copySample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawloop-merge-'));
  cpSync(sample, dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) chmodSync(join(dir, f), 0o755);
  return dir;
}

const episodes = (events: CanonicalEvent[]) => events.filter((e): e is EpisodeEvent => e.type === 'episode');
const types = (events: CanonicalEvent[]) => events.map((e) => e.type);

describe('archive episodes', () => {
  it('without the dump, every archive episode record becomes a summary episode: signals, tokens, latency, counts, no messages', async () => {
    const dir = copySample();
    rmSync(join(dir, 'episodes.ndjson'));
    const full = episodes((await collect(sample)).events);
    const { events, problems } = await collect(dir);
    expect(problems).toEqual([]);
    const summaries = episodes(events);
    expect(summaries.map((e) => e.episode.id)).toEqual(full.map((e) => e.episode.id));
    for (const [i, { episode, iteration }] of summaries.entries()) {
      const real = full[i];
      expect(iteration).toBe(real.iteration);
      expect(episode.messages).toBeUndefined();
      expect(episode.summary.signals).toEqual(real.episode.summary.signals);
      expect(episode.summary.token_usage).toEqual(real.episode.summary.token_usage ?? undefined);
      // The archive keeps Timing.total_ms as an integer.
      expect(episode.summary.timing?.total_ms).toBe(Math.trunc(real.episode.summary.timing!.total_ms));
      expect(episode.n_steps).toBe(real.episode.steps!.length);
      expect(episode).toMatchObject({ task_id: real.episode.task_id, bench: real.episode.bench, created_at: real.episode.created_at });
    }
  });

  it('an archive directory alone gives iterations (rewards, layer metrics, playbook from the variants) and summary episodes', async () => {
    const { events, problems } = await collect(join(sample, 'archive'));
    expect(problems).toEqual([]);
    const iterations = events.filter((e) => e.type === 'iteration');
    const fromFiles = (await collect(sample)).events.filter((e) => e.type === 'iteration');
    expect(iterations.map((e) => e.iteration)).toEqual(fromFiles.map((e) => e.iteration));
    for (const [i, it] of iterations.entries()) {
      const real = fromFiles[i];
      if (it.type !== 'iteration' || real.type !== 'iteration') continue;
      expect(it.avg_reward).toBeCloseTo(real.avg_reward!, 12);
      expect(it.n_episodes).toBe(real.n_episodes);
      expect(it.playbook?.entries.map((e) => e.id)).toEqual(real.playbook?.entries.map((e) => e.id));
      for (const [layer, result] of Object.entries(real.fb_results ?? {})) {
        if (result?.status === 'ok') expect(it.fb_results?.[layer as 'harness']?.metrics).toEqual(result.metrics);
      }
    }
    expect(episodes(events)).toHaveLength(12);
  });
});

describe('the bridge events.ndjson found in an output directory', () => {
  it('is merged by run id: each episode once, one run.started and run.finished, the bridge config kept', async () => {
    const dir = copySample();
    const { events: real } = await collect(sample);
    const runId = real[0].run_id;
    const bridge: CanonicalEvent[] = [
      { type: 'run.started', run_id: runId, started_at: 1, source: 'bridge', config: { lr: 0.1 }, tags: ['ci'] },
      ...real.filter((e) => e.type === 'episode' || e.type === 'iteration'),
      { type: 'run.finished', run_id: runId, finished_at: 2, status: 'completed', n_iterations_completed: 3 },
    ];
    writeFileSync(join(dir, 'events.ndjson'), bridge.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { events, problems } = await collect(dir);
    expect(problems).toEqual([]);
    expect(types(events)).toEqual(types(real));
    expect(episodes(events).map((e) => e.episode.id)).toEqual(episodes(real).map((e) => e.episode.id));
    expect(events[0]).toMatchObject({ type: 'run.started', run_id: runId, config: { lr: 0.1 }, tags: ['ci'], bench: 'toolbench' });
  });

  it('a failed run: the bridge finish(status="failed") status and error reach run.finished', async () => {
    const dir = copySample();
    const { events: real } = await collect(sample);
    const runId = real[0].run_id;
    writeFileSync(
      join(dir, 'events.ndjson'),
      JSON.stringify({ type: 'run.finished', run_id: runId, finished_at: 2, status: 'failed', error: 'CUDA OOM' }) + '\n',
    );
    const { events } = await collect(dir);
    expect(events.at(-1)).toMatchObject({
      type: 'run.finished',
      status: 'failed',
      error: 'CUDA OOM',
      best_reward: (real.at(-1) as { best_reward: number }).best_reward,
    });
  });

  it('events of another run are not merged and not lost: replayed after, as their own run, with a notice', async () => {
    const dir = copySample();
    const other: CanonicalEvent[] = [
      { type: 'run.started', run_id: 'other-run', started_at: 1, source: 'bridge' },
      { type: 'run.finished', run_id: 'other-run', finished_at: 2, status: 'completed' },
    ];
    writeFileSync(join(dir, 'events.ndjson'), other.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { events, notices } = await collect(dir);
    expect(events.slice(-2)).toEqual(other);
    expect(events.filter((e) => e.run_id !== 'other-run').map((e) => e.type)).toEqual(types((await collect(sample)).events));
    expect(notices.join('\n')).toContain('other runs');
  });

  it('a directory holding only events.ndjson takes its run id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clawloop-merge-'));
    const { events: real } = await collect(sample);
    writeFileSync(join(dir, 'events.ndjson'), real.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { events } = await collect(dir, { format: 'run' });
    expect(events.every((e) => e.run_id === real[0].run_id)).toBe(true);
    expect(episodes(events)).toHaveLength(episodes(real).length);
  });
});
