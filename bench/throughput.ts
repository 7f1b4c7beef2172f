/**
 * Replay throughput per sink into real loopback backends (the same servers the tests start), and the baselines a user
 * would otherwise pick, measured side by side.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPLAY_MAX_QUEUED } from '../src/cli/replay.js';
import { Hub } from '../src/core/hub.js';
import type { Sink } from '../src/core/sink.js';
import { openSource } from '../src/sources/open-source.js';

export interface Throughput {
  sink: string;
  input: string;
  episodes: number;
  seconds: number;
  episodesPerSecond: number;
  mbPerSecond: number;
  complete: boolean;
  note?: string;
}

export async function replayInto(
  sink: Sink,
  input: string,
  label: string,
  episodes: number,
  bytes: number,
  note?: string,
): Promise<Throughput> {
  // Patient, as a replay is: a backend that cannot keep up (Phoenix on sqlite answers 503 at capacity) is waited for.
  const hub = new Hub([sink], { onWarning: (w) => process.stderr.write(`${w}\n`), batchSize: 100, retry: { maxElapsedMs: 1_800_000 } });
  const started = performance.now();
  for await (const event of openSource(input, { onProblem: () => {} })) {
    hub.emit(event);
    await hub.waitForCapacity(REPLAY_MAX_QUEUED);
  }
  const report = await hub.close({ timeoutMs: 1_800_000 });
  const seconds = (performance.now() - started) / 1000;
  return {
    sink: sink.name,
    input: label,
    episodes,
    seconds,
    episodesPerSecond: episodes / seconds,
    mbPerSecond: bytes / 2 ** 20 / seconds,
    complete: report.complete,
    note,
  };
}

/** Runs a Python snippet in a venv and returns its wall time as it measured it (seconds). */
export function pythonSeconds(python: string, script: string, args: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-py-'));
  const file = join(dir, 'baseline.py');
  writeFileSync(file, script);
  const r = spawnSync(python, [file, ...args], {
    encoding: 'utf8',
    cwd: dir,
    timeout: 1_800_000,
    env: { ...process.env, WANDB_SILENT: 'true', WANDB_MODE: 'offline' },
  });
  if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr.slice(-2000)}`);
  return Number(JSON.parse(r.stdout.trim().split('\n').at(-1)!).seconds);
}

export function readRows(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
