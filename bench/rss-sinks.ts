/**
 * Peak RSS per sink streaming the ≥ 1 GB generated events file into its real backend on loopback: the built CLI
 * (built here first), one `replay --sink <sink>` with its defaults per sink, its resident set read from /proc. A
 * backend that takes the whole file in minutes gets all of it; one that cannot (Phoenix on sqlite, MLflow with
 * traces, Langfuse: tens of episodes a second) gets `maxSeconds` of it, enough for the sink to sit at its bounded
 * queue under back-pressure, and the table says how much it read (it is stopped with SIGINT, as Ctrl-C: what was read
 * is still delivered). RSS is sampled through the replay (at each quarter of it), so growth would show as a slope.
 *
 *   pnpm exec tsx bench/rss-sinks.ts [--sinks report,wandb,otel,phoenix,mlflow,langfuse] [--max-seconds 180] [--input f]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { langfuseCacheDir, langfuseCacheState } from '../scripts/backends/langfuse.js';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { openSource } from '../src/sources/open-source.js';
import { startJaeger } from '../test/integration/servers/jaeger.js';
import { startLangfuse } from '../test/integration/servers/langfuse.js';
import { startMlflow } from '../test/integration/servers/mlflow.js';
import { startPhoenix } from '../test/integration/servers/phoenix.js';
import { generateRun } from './generate.js';

export interface SinkRss {
  sink: string;
  backend: string;
  /** Events read from the input (all of it unless capped). */
  events: number;
  inputEvents: number;
  capped: boolean;
  /** How long the input was read when capped (the rest of the wall time is delivering what was read). */
  readSeconds?: number;
  exitCode: number | null;
  wallSeconds: number;
  /** Peak resident set (the kernel's maxrss), MB. */
  maxRssMb: number;
  /** RSS at 25 / 50 / 75 / 100 % of the replay, MB. */
  rssAtQuarters: number[];
  /** The sink's line of the CLI's closing summary. */
  summary: string;
  note?: string;
}

const log = (line: string) => process.stderr.write(`bench rss: ${line}\n`);
export const ALL_SINKS = ['report', 'wandb', 'otel', 'phoenix', 'mlflow', 'langfuse'] as const;

/** The ≥ 1 GiB input (the 200×50 shape, more iterations), made once per machine in the temp dir and reused. */
export async function hugeInput(sample?: readonly CanonicalEvent[]): Promise<{ path: string; events: number; bytes: number }> {
  const dir = join(tmpdir(), 'clawloop-bench-rss');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'run-1gb.ndjson');
  const events = (iterations: number) => 2 + iterations * 51;
  if (existsSync(path) && statSync(path).size >= 2 ** 30) return { path, events: events(8000), bytes: statSync(path).size };
  const events0: CanonicalEvent[] = [...(sample ?? [])];
  if (!sample) for await (const e of openSource('examples/data/toolbench-run', { onProblem: () => {} })) events0.push(e);
  let info = { episodes: 0, bytes: 0 };
  let its = 2000;
  for (; info.bytes < 2 ** 30; its *= 2) info = generateRun(events0, path, its, 50);
  return { path, events: events(its / 2), bytes: info.bytes };
}

interface ChildResult {
  exitCode: number | null;
  wallSeconds: number;
  /** Events the sink received (read from the input), from the closing summary. */
  events: number;
  capped: boolean;
  maxRssMb: number;
  rssAtQuarters: number[];
  summary: string;
}

/** VmRSS and VmHWM (the kernel's peak resident set) of a live process, MB. */
function procRss(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Runs the built CLI (`node dist/src/cli/main.js replay`, what an installed package runs: no TypeScript loader) with
 * its defaults, sampling its resident set from /proc; after `maxSeconds` it gets SIGINT, as a user's Ctrl-C: reading
 * stops and what was read is delivered before it exits.
 */
function runChild(input: string, sink: string, env: NodeJS.ProcessEnv, maxSeconds: number, out: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    const args = [join('dist', 'src', 'cli', 'main.js'), 'replay', input, '--sink', sink, '-q', '--out', out];
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
    const samples: Array<{ at: number; rss: number }> = [];
    let hwm = 0;
    const sampler = setInterval(() => {
      const m = procRss(child.pid!);
      // A process on its way out may show a status without its memory lines.
      if (!m || !Number.isFinite(m.rss) || !Number.isFinite(m.hwm)) return;
      samples.push({ at: performance.now() - started, rss: m.rss });
      hwm = Math.max(hwm, m.hwm);
    }, 250);
    let capped = false;
    const cap = Number.isFinite(maxSeconds)
      ? setTimeout(() => {
          capped = true;
          child.kill('SIGINT');
        }, maxSeconds * 1000)
      : undefined;
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(cap);
      const last = samples.at(-1)?.at ?? 0;
      const quarter = (q: number) => samples.find((x) => x.at >= q * last) ?? samples.at(-1);
      const summary = stderr.split('\n').find((l) => l.startsWith(sink)) ?? stderr.slice(-1000);
      resolve({
        exitCode: code,
        wallSeconds: (performance.now() - started) / 1000,
        events: Number(summary.match(/sent \d+\/(\d+)/)?.[1] ?? NaN),
        capped,
        maxRssMb: hwm,
        rssAtQuarters: [0.25, 0.5, 0.75, 1].map((q) => Math.round(quarter(q)?.rss ?? NaN)),
        summary: summary.trim(),
      });
    });
  });
}

export async function rssPerSink(
  options: { sinks?: readonly string[]; maxSeconds?: number; input?: string } = {},
): Promise<{ rows: SinkRss[]; inputBytes: number }> {
  const sinks = options.sinks ?? ALL_SINKS;
  // The compiled CLI, as an installed package runs it: the TypeScript loader of a checkout adds ~35 MB of its own.
  const build = spawnSync('pnpm', ['build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`pnpm build failed: ${build.stdout}${build.stderr}`);
  const maxSeconds = options.maxSeconds ?? 180;
  const input = options.input ? { path: options.input, events: 0, bytes: statSync(options.input).size } : await hugeInput();
  const work = mkdtempSync(join(tmpdir(), 'clawloop-rss-'));
  const rows: SinkRss[] = [];
  // Fast sinks take the whole file; backends known to ingest tens of episodes a second get maxSeconds of it.
  const capped = new Set(['phoenix', 'mlflow', 'langfuse']);
  for (const sink of sinks) {
    let backend = '';
    let env: NodeJS.ProcessEnv = {};
    let stop = async () => {};
    try {
      if (sink === 'report') backend = 'HTML file';
      if (sink === 'wandb') {
        backend = 'offline run files';
        env = { WANDB_MODE: 'offline', WANDB_DIR: mkdtempSync(join(work, 'wandb-')), WANDB_API_KEY: '' };
      }
      if (sink === 'otel') {
        const jaeger = await startJaeger();
        backend = 'Jaeger v2';
        env = { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttp };
        stop = () => jaeger.stop();
      }
      if (sink === 'phoenix') {
        const phoenix = await startPhoenix();
        backend = 'Phoenix (sqlite), annotations on';
        env = { PHOENIX_COLLECTOR_ENDPOINT: phoenix.url, PHOENIX_PROJECT_NAME: 'bench-rss' };
        stop = () => phoenix.stop();
      }
      if (sink === 'mlflow') {
        const mlflow = await startMlflow();
        backend = 'MLflow (sqlite), traces + assessments on';
        env = { MLFLOW_TRACKING_URI: mlflow.url, MLFLOW_EXPERIMENT_NAME: 'bench-rss' };
        stop = () => mlflow.stop();
      }
      if (sink === 'langfuse') {
        const state = langfuseCacheState(langfuseCacheDir());
        if (!state.ready) {
          rows.push({ ...empty(sink, 'none'), note: `no real Langfuse: ${state.why}` });
          continue;
        }
        const langfuse = await startLangfuse();
        backend = 'Langfuse 4.16.0';
        env = langfuse.sinkEnv();
        stop = () => langfuse.stop();
      }
      log(`${sink} → ${backend}`);
      const r = await runChild(input.path, sink, env, capped.has(sink) ? maxSeconds : Infinity, join(work, `${sink}.html`));
      rows.push({ sink, backend, inputEvents: input.events, ...r, readSeconds: r.capped ? maxSeconds : undefined });
      log(JSON.stringify(rows.at(-1)));
    } catch (error) {
      rows.push({ ...empty(sink, backend), note: `could not run: ${(error as Error).message.slice(0, 300)}` });
    } finally {
      await stop();
    }
  }
  return { rows, inputBytes: input.bytes };
}

function empty(sink: string, backend: string): SinkRss {
  return {
    sink,
    backend,
    events: 0,
    inputEvents: 0,
    capped: false,
    exitCode: null,
    wallSeconds: 0,
    maxRssMb: NaN,
    rssAtQuarters: [],
    summary: '',
  };
}

/** The per-sink table as markdown. */
export function formatRssTable(rows: readonly SinkRss[], inputBytes: number): string[] {
  return [
    `Peak RSS per sink streaming the ${(inputBytes / 2 ** 30).toFixed(2)} GiB generated events file (target ≤ 150 MB):`,
    '',
    '| sink | backend | events read | peak RSS MB | RSS at ¼ / ½ / ¾ / end MB | wall s | exit | note |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.sink} | ${r.backend} | ${r.events}${r.capped ? ` (read for ${r.readSeconds} s)` : ' (all)'} | ${r.maxRssMb.toFixed(0)} | ${r.rssAtQuarters.join(' / ')} | ${r.wallSeconds.toFixed(0)} | ${r.exitCode ?? '—'} | ${r.note ?? (r.exitCode === 0 ? '' : r.summary)} |`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { sinks: { type: 'string' }, 'max-seconds': { type: 'string' }, input: { type: 'string' } },
  });
  const { rows, inputBytes } = await rssPerSink({
    sinks: values.sinks?.split(','),
    maxSeconds: values['max-seconds'] ? Number(values['max-seconds']) : undefined,
    input: values.input,
  });
  process.stdout.write(formatRssTable(rows, inputBytes).join('\n') + '\n');
}
