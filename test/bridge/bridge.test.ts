/**
 * The Python bridge on real ClawLoop data: stand-ins of ClawLoop's classes (fake_clawloop.py, which declare every
 * field ClawLoop's classes declare) rebuilt from the after_iteration dumps of real runs (test/fixtures/clawloop), fed
 * to `ClawLoopBridge.after_iteration` as learning_loop feeds it. Its events replay with exit 0 and no problem; into a
 * running `serve` every event is delivered and serve exits 0; with serve unreachable nothing is lost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { runCli, startCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'clawloop');
const drive = (dump: string, ...args: string[]) => {
  const run = spawnSync('python3', [join(ROOT, 'test', 'bridge', 'drive_bridge.py'), join(FIXTURES, dump), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.status !== 0) throw new Error(`drive_bridge.py exited ${run.status}: ${run.stderr}`);
  return {
    ...(JSON.parse(run.stdout) as { counters: Record<string, number>; failures: Record<string, number>; spool: string | null }),
    stderr: run.stderr,
  };
};
const dumpEpisodes = (dump: string) =>
  readFileSync(join(FIXTURES, dump), 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => JSON.parse(l).episodes);
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('ClawLoopBridge on real ClawLoop runs', () => {
  it('learning_loop run: events replay with exit 0 and no problem; every episode exactly as ClawLoop wrote it', async () => {
    const file = join(tmp('bridge-'), 'events.ndjson');
    const run = drive('normal/episodes.ndjson', '--path', file);
    expect(run.counters).toMatchObject({ sent: 17, pending: 0, refused: 0, iterations: 3, failures: 0 });
    const { events, problems } = await collect(file);
    expect(problems).toEqual([]);
    expect(events.filter((e): e is EpisodeEvent => e.type === 'episode').map((e) => e.episode)).toEqual(
      dumpEpisodes('normal/episodes.ndjson'),
    );
    const iteration = events.find((e) => e.type === 'iteration')!;
    const experiment = JSON.parse(readFileSync(join(FIXTURES, 'normal', 'experiment.jsonl'), 'utf8').split('\n')[0]);
    expect(iteration).toMatchObject({
      avg_reward: experiment.avg_reward,
      min_reward: experiment.min_reward,
      max_reward: experiment.max_reward,
      n_episodes: 4,
    });
    expect(iteration.type === 'iteration' && Object.keys(iteration.per_task ?? {}).sort()).toEqual(Object.keys(experiment.per_task).sort());
    const replay = runCli(['replay', file, '--sink', 'report', '--out', join(tmp('bridge-report-'), 'r.html'), '--quiet']);
    expect(replay.code, replay.stderr).toBe(0);
  });

  it('live-mode batches (null and list content, developer role, logprob dicts) replay with no problem', async () => {
    const file = join(tmp('bridge-live-'), 'events.ndjson');
    drive('live/episodes.ndjson', '--path', file);
    const { events, problems } = await collect(file);
    expect(problems).toEqual([]);
    const messages = events.flatMap((e) => (e.type === 'episode' ? (e.episode.messages ?? []) : []));
    expect(messages.some((m) => m.role === 'developer')).toBe(true);
    expect(messages.some((m) => m.content === null)).toBe(true);
    expect(messages.some((m) => Array.isArray(m.content))).toBe(true);
    expect(messages.some((m) => m.logprobs?.some((lp) => lp.top_logprobs && !Array.isArray(lp.top_logprobs)))).toBe(true);
  });

  it('into serve during a run: every event delivered, none refused, serve exits 0', async () => {
    const out = join(tmp('bridge-serve-'), 'report.html');
    const server = await startCli(
      ['serve', '--port', '0', '--token', 'bridge-token-1', '--sink', 'report', '--out', out],
      /listening on (http:\/\/[^ ]+)/,
    );
    const run = drive(
      'normal/episodes.ndjson',
      '--url',
      `${server.match[1]}/events`,
      '--token',
      'bridge-token-1',
      '--run-id',
      'bridge-serve-run',
    );
    expect(run.counters).toMatchObject({ sent: 17, refused: 0, pending: 0, problems: 0 });
    expect(await server.stop(), server.stderr()).toBe(0);
    expect(server.stderr()).toMatch(/report\s+ok\s+sent 17\/17/);
    expect(server.stderr()).not.toMatch(/input (error|problem)/);
    expect(readFileSync(out, 'utf8')).toContain('bridge-serve-run');
  });

  it('serve unreachable: the loop goes on, nothing raises, every event waits in the spool and replays from it', async () => {
    const spoolDir = tmp('bridge-spool-');
    const run = drive('normal/episodes.ndjson', '--url', 'http://127.0.0.1:9/events', '--token', 'x', '--spool-dir', spoolDir);
    expect(run.failures).toEqual({});
    expect(run.counters).toMatchObject({ sent: 0, pending: 17 });
    expect(run.stderr).toContain('cannot take events now');
    expect(run.stderr).toContain(`clawloop-sinks replay ${run.spool}`);
    const { events, problems } = await collect(run.spool!);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      'run.started',
      ...[0, 1, 2].flatMap(() => [...Array(4).fill('episode'), 'iteration']),
      'run.finished',
    ]);
  });
});
