/**
 * Where an MLflow replay spends its time: replays a generated run with the CLI's hub settings (a child process,
 * bench/mlflow-replay-child.ts, optionally under `node --cpu-prof`) into a real MLflow behind a request recorder, and prints the requests,
 * bytes and server time per endpoint, the replay's wall and CPU time, the server's CPU time and whether it completed.
 *
 *   pnpm exec tsx bench/mlflow-profile.ts [--iterations 200] [--episodes 50] [--traces | --cli] [--cpu-prof <dir>]
 *
 * --cli runs `clawloop-sinks replay --sink mlflow` itself (traces and assessments on, every default as a user gets it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { openSource } from '../src/sources/open-source.js';
import { startMlflow } from '../test/integration/servers/mlflow.js';
import { generateRun } from './generate.js';
import { processTreeCpuSeconds } from './process-cpu.js';
import { formatRequestTable, startRequestRecorder, type EndpointStats } from './request-recorder.js';

export interface MlflowReplayProfile {
  iterations: number;
  episodes: number;
  traces: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** CPU seconds of the replay process (user + system). */
  cpuSeconds: number;
  /** CPU seconds the MLflow server used during the replay. */
  serverCpuSeconds: number;
  requests: EndpointStats[];
  summary: string;
}

/** Replays a generated run into `trackingUri` (through a recorder) with the CLI's defaults. */
export async function profileMlflowReplay(options: {
  trackingUri: string;
  serverPid?: number;
  iterations: number;
  episodes: number;
  traces: boolean;
  cli?: boolean;
  cpuProfDir?: string;
  experiment: string;
}): Promise<MlflowReplayProfile> {
  const sample: CanonicalEvent[] = [];
  for await (const e of openSource('examples/data/toolbench-run', { onProblem: () => {} })) sample.push(e);
  const work = mkdtempSync(join(tmpdir(), 'mlflow-profile-'));
  const input = join(work, 'run.ndjson');
  generateRun(sample, input, options.iterations, options.episodes, `profile-${options.experiment}`);
  const recorder = await startRequestRecorder(options.trackingUri);
  const cpuFile = join(work, 'cpu.json');
  const node = [
    '--import',
    'tsx',
    '--import',
    './bench/cpu-at-exit.ts',
    ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []),
  ];
  const serverCpuBefore = options.serverPid ? processTreeCpuSeconds(options.serverPid) : 0;
  const started = performance.now();
  // The CLI itself (traces on, its defaults), or a child with the CLI's hub settings that can turn traces off.
  const command = options.cli
    ? ['src/cli/main.ts', 'replay', input, '--sink', 'mlflow', '--quiet']
    : ['bench/mlflow-replay-child.ts', input, String(options.traces)];
  const child = spawn(process.execPath, [...node, ...command], {
    env: { ...process.env, MLFLOW_TRACKING_URI: recorder.url, MLFLOW_EXPERIMENT_NAME: options.experiment, CPU_AT_EXIT_FILE: cpuFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const serverCpuSeconds = options.serverPid ? processTreeCpuSeconds(options.serverPid) - serverCpuBefore : NaN;
  await recorder.close();
  const cpu = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
  return {
    iterations: options.iterations,
    episodes: options.iterations * options.episodes,
    traces: options.traces,
    exitCode,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    serverCpuSeconds,
    requests: recorder.stats(),
    summary: `${stdout.trim()}\n${stderr.trim().split('\n').slice(-6).join('\n')}`,
  };
}

export function formatProfile(p: MlflowReplayProfile): string[] {
  return [
    `${p.iterations} iterations, ${p.episodes} episodes, traces ${p.traces ? 'on' : 'off'}: exit ${p.exitCode}, ${p.wallSeconds.toFixed(1)} s wall, ${p.cpuSeconds.toFixed(1)} CPU s (replay), ${p.serverCpuSeconds.toFixed(1)} CPU s (MLflow server)`,
    '',
    ...formatRequestTable(p.requests),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '200' },
      episodes: { type: 'string', default: '50' },
      traces: { type: 'boolean', default: false },
      cli: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      url: { type: 'string' },
      'server-pid': { type: 'string' },
    },
  });
  const mlflow = values.url ? undefined : await startMlflow();
  try {
    const profile = await profileMlflowReplay({
      trackingUri: values.url ?? mlflow!.url,
      serverPid: mlflow?.child.pid ?? (values['server-pid'] ? Number(values['server-pid']) : undefined),
      iterations: Number(values.iterations),
      episodes: Number(values.episodes),
      traces: values.traces || values.cli,
      cli: values.cli,
      cpuProfDir: values['cpu-prof'],
      experiment: `profile-${Date.now()}`,
    });
    process.stdout.write(formatProfile(profile).join('\n') + '\n\n' + profile.summary + '\n');
  } finally {
    await mlflow?.stop();
  }
}
