/**
 * The Python bridge (standard library only), driven with objects shaped like ClawLoop's rebuilt from the real sample:
 * its output validates against our schemas, round-trips through a file and through `serve`, and it never raises.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { startCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { requireSample, ROOT } from '../helpers/paths.js';

const sample = requireSample();
const dump = join(sample, 'episodes.ndjson');
const drive = (...args: string[]) =>
  spawnSync('python3', [join(ROOT, 'test', 'bridge', 'drive_bridge.py'), dump, ...args], { encoding: 'utf8', timeout: 60_000 });
const sampleEpisodes = readFileSync(dump, 'utf8').split('\n').filter(Boolean).flatMap((l) => JSON.parse(l).episodes);

describe('clawloop_bridge.py', () => {
  it('writes valid canonical events to a file: every episode exactly as ClawLoop wrote it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bridge-')), 'events.ndjson');
    const run = drive('--path', file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('failures=0');
    const { events, problems } = await collect(file);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      'run.started', ...Array(4).fill('episode'), 'iteration', ...Array(4).fill('episode'), 'iteration', ...Array(4).fill('episode'), 'iteration', 'run.finished',
    ]);
    expect(events.filter((e): e is EpisodeEvent => e.type === 'episode').map((e) => e.episode)).toEqual(sampleEpisodes);
    const iteration = events.find((e) => e.type === 'iteration')!;
    const experiment = JSON.parse(readFileSync(join(sample, 'experiment.jsonl'), 'utf8').split('\n')[0]);
    expect(iteration).toMatchObject({ avg_reward: experiment.avg_reward, min_reward: experiment.min_reward, max_reward: experiment.max_reward, n_episodes: 4 });
    expect(iteration.type === 'iteration' && Object.keys(iteration.per_task ?? {}).sort()).toEqual(Object.keys(experiment.per_task).sort());
    expect(iteration.type === 'iteration' && iteration.state_id?.combined_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips through serve', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bridge-serve-')), 'report.html');
    const server = await startCli(['serve', '--port', '0', '--token', 'bridge-token-1', '--sink', 'report', '--out', out], /listening on (http:\/\/[^ ]+)/);
    const run = drive('--url', `${server.match[1]}/events`, '--token', 'bridge-token-1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('failures=0');
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toMatch(/report\s+ok\s+sent 17\/17/);
    expect(readFileSync(out, 'utf8')).toContain('bridge-test-run');
  });

  it('never raises into the loop when serve is unreachable or refuses, and says so once', () => {
    const run = drive('--url', 'http://127.0.0.1:9/events', '--token', 'x');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/calls_ok seconds=\d/);
    expect(run.stdout).toContain('failures=4');
    expect(run.stderr.match(/after_iteration failed/g)).toHaveLength(1);
    expect(run.stderr).toContain('the run goes on');
  });
});
