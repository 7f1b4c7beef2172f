/**
 * Where one sink's replay spends its time: replays a generated run through `clawloop-sinks replay`'s own session (a
 * child process, bench/replay-child.ts) into the sink's real backend on loopback behind a request recorder, and
 * prints the replay's wall and CPU time, the backend's CPU time, requests / bytes / backend time per endpoint and the
 * top self-time functions of the replay's CPU profile.
 *
 *   pnpm exec tsx bench/sink-profile.ts --sink otel|phoenix|wandb|report [--iterations 200] [--episodes 50] [--input f]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { openSource } from '../src/sources/open-source.js';
import { startJaeger } from '../test/integration/servers/jaeger.js';
import { startPhoenix } from '../test/integration/servers/phoenix.js';
import type { RunningServer } from '../test/integration/servers/process.js';
import { formatSelfTimes, selfTimes } from './cpu-profile-top.js';
import { generateRun } from './generate.js';
import { processTreeCpuSeconds } from './process-cpu.js';
import { formatRequestTable, startRequestRecorder, type EndpointStats } from './request-recorder.js';

export interface ChildResult {
  exitCode: number;
  wallSeconds: number;
  cpuSeconds: number;
  events: number;
  maxRssMb: number;
}

/** Runs bench/replay-child.ts; resolves with its measurement (stderr is kept for a failure). */
export async function runReplayChild(
  input: string,
  sink: string,
  env: NodeJS.ProcessEnv,
  options: { profile?: string; out?: string; args?: string[] } = {},
): Promise<ChildResult & { stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/replay-child.ts', input, sink, ...(options.out ? ['--out', options.out] : []), ...(options.args ?? [])],
    {
      env: { ...process.env, ...env, ...(options.profile ? { CPU_PROFILE_FILE: options.profile } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const last = stdout.trim().split('\n').at(-1);
  if (!last?.startsWith('{')) throw new Error(`replay child for ${sink} exited ${code} without a result:\n${stderr.slice(-3000)}`);
  return { ...(JSON.parse(last) as ChildResult), stderr };
}

export interface SinkBackend {
  server?: RunningServer;
  /** Environment pointing the sink at `url` (the recorder in front of the backend). */
  env(url: string, label: string): NodeJS.ProcessEnv;
  /** Where the backend's ingest endpoint is (the recorder's upstream). */
  upstream?: string;
}

export async function startBackend(sink: string, work: string): Promise<SinkBackend> {
  switch (sink) {
    case 'otel': {
      const jaeger = await startJaeger();
      return {
        server: jaeger,
        upstream: jaeger.otlpHttp,
        env: (url, label) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: url, OTEL_SERVICE_NAME: label }),
      };
    }
    case 'phoenix': {
      const phoenix = await startPhoenix();
      return {
        server: phoenix,
        upstream: phoenix.url,
        env: (url, label) => ({ PHOENIX_COLLECTOR_ENDPOINT: url, PHOENIX_PROJECT_NAME: label }),
      };
    }
    case 'wandb':
      return { env: () => ({ WANDB_DIR: mkdtempSync(join(work, 'wandb-')), WANDB_MODE: 'offline' }) };
    case 'report':
      return { env: () => ({}) };
    default:
      throw new Error(`no benchmark backend for sink "${sink}"`);
  }
}

export async function benchInput(work: string, iterations: number, episodes: number): Promise<string> {
  const sample: CanonicalEvent[] = [];
  for await (const e of openSource('examples/data/toolbench-run', { onProblem: () => {} })) sample.push(e);
  const input = join(work, `run-${iterations}x${episodes}.ndjson`);
  generateRun(sample, input, iterations, episodes);
  return input;
}

export interface SinkProfile extends ChildResult {
  sink: string;
  serverCpuSeconds: number;
  requests: EndpointStats[];
  profile: string;
}

export async function profileSink(sink: string, input: string, backend: SinkBackend, work: string, label: string): Promise<SinkProfile> {
  const recorder = backend.upstream ? await startRequestRecorder(backend.upstream) : undefined;
  const profile = join(work, `${label}.cpuprofile`);
  const pid = backend.server?.child.pid;
  const serverBefore = pid ? processTreeCpuSeconds(pid) : 0;
  try {
    const result = await runReplayChild(input, sink, backend.env(recorder?.url ?? '', label), {
      profile,
      out: join(work, `${label}.html`),
    });
    if (result.exitCode !== 0) process.stderr.write(result.stderr.slice(-2000));
    return {
      ...result,
      sink,
      serverCpuSeconds: pid ? processTreeCpuSeconds(pid) - serverBefore : 0,
      requests: recorder?.stats() ?? [],
      profile,
    };
  } finally {
    await recorder?.close();
  }
}

export function formatSinkProfile(p: SinkProfile, top = 20): string[] {
  return [
    `${p.sink}: exit ${p.exitCode}, ${p.events} events, ${p.wallSeconds.toFixed(2)} s wall, ${p.cpuSeconds.toFixed(2)} CPU s (replay), ${p.serverCpuSeconds.toFixed(2)} CPU s (backend), peak RSS ${p.maxRssMb.toFixed(0)} MB`,
    '',
    ...(p.requests.length > 0 ? [...formatRequestTable(p.requests), ''] : []),
    ...formatSelfTimes(selfTimes(JSON.parse(readFileSync(p.profile, 'utf8'))), top),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      sink: { type: 'string', default: 'otel' },
      iterations: { type: 'string', default: '200' },
      episodes: { type: 'string', default: '50' },
      input: { type: 'string' },
      top: { type: 'string', default: '20' },
    },
  });
  const work = mkdtempSync(join(tmpdir(), 'sink-profile-'));
  const input = values.input ?? (await benchInput(work, Number(values.iterations), Number(values.episodes)));
  const backend = await startBackend(values.sink, work);
  try {
    const p = await profileSink(values.sink, input, backend, work, `profile-${values.sink}-${Date.now()}`);
    process.stdout.write(formatSinkProfile(p, Number(values.top)).join('\n') + '\n');
  } finally {
    await backend.server?.stop();
  }
}
