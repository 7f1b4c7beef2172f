/**
 * `pnpm bench --anchors <clawloop-checkout>`: our sinks against ClawLoop's own exporters and each backend's ceiling, on
 * the same generated run. Per repeat, interleaved (ours and theirs alternate who goes first): W&B offline (ours, its
 * `WandbSink`, and Node's read + JSON.parse of the file as the floor), OTel into Jaeger and into Phoenix (ours,
 * `OTelExporter`, and the backend fed our exact recorded request bodies as fast as it accepts them). Every delivery is
 * read back from the backend. A fresh backend per delivery, so none measures another's leftovers. MLflow (ours with
 * traces off, the setting `pnpm bench` uses at this size, against ClawLoop's `MlflowSink`, each into a fresh server
 * behind the request recorder) only if the checkout has that sink (ClawLoop's PR #61) and its Python has the MLflow
 * client. Writes bench/results/anchors.json and anchors.md. Medians over repeats; on a shared machine only the
 * ratios carry.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSource } from '../src/sources/open-source.js';
import { startJaeger } from '../test/integration/servers/jaeger.js';
import { startMlflow } from '../test/integration/servers/mlflow.js';
import { startPhoenix } from '../test/integration/servers/phoenix.js';
import { findClawLoop, mlflowMissing, runAnchor, type ClawLoop } from './clawloop-exporters.js';
import { readCapture, replayCapture, type CeilingRun } from './ingest-ceiling.js';
import { processTreeCpuSeconds } from './process-cpu.js';
import { jaegerEpisodes, mlflowContents, phoenixCounts, settle, wandbCompleteness, type MlflowContents } from './readback.js';
import { startRequestRecorder } from './request-recorder.js';
import { benchInput, runReplayChild } from './sink-profile.js';

const log = (line: string) => process.stderr.write(`bench --anchors: ${line}\n`);

export interface Delivery {
  who: 'ours' | 'clawloop' | 'ceiling';
  seconds: number;
  /** What the backend holds afterwards, and whether it is everything. */
  readBack: string;
  complete: boolean;
  detail?: string;
}

interface Expected {
  episodes: number;
  iterations: number;
  /** Spans of the episodes' trees: root + one per assistant message + one per tool call. */
  episodeSpans: number;
}

async function expectedOf(input: string): Promise<Expected> {
  const e: Expected = { episodes: 0, iterations: 0, episodeSpans: 0 };
  for await (const event of openSource(input, { onProblem: () => {} })) {
    if (event.type === 'iteration') e.iterations += 1;
    if (event.type !== 'episode') continue;
    e.episodes += 1;
    e.episodeSpans += 1;
    for (const m of event.episode.messages ?? []) if (m.role === 'assistant') e.episodeSpans += 1 + (m.tool_calls?.length ?? 0);
  }
  return e;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function wandbOurs(input: string, work: string, x: Expected): Promise<Delivery> {
  const dir = mkdtempSync(join(work, 'wandb-ours-'));
  const r = await runReplayChild(input, 'wandb', { WANDB_DIR: dir, WANDB_MODE: 'offline' });
  const back = wandbCompleteness(dir);
  return wandbDelivery('ours', r.wallSeconds, back, x, `exit ${r.exitCode}, ${r.cpuSeconds.toFixed(2)} CPU s`);
}

async function wandbTheirs(c: ClawLoop, input: string, work: string, x: Expected): Promise<Delivery> {
  const dir = mkdtempSync(join(work, 'wandb-clawloop-'));
  const r = await runAnchor(c, 'wandb', input, { env: { WANDB_DIR: dir } });
  const back = wandbCompleteness(dir);
  return wandbDelivery(
    'clawloop',
    r.seconds,
    back,
    x,
    `${r.cpu_seconds.toFixed(2)} CPU s in-process; wandb.init ${r.init_seconds.toFixed(1)} s not counted`,
  );
}

function wandbDelivery(
  who: Delivery['who'],
  seconds: number,
  back: { steps: number; tableRows: number },
  x: Expected,
  detail: string,
): Delivery {
  return {
    who,
    seconds,
    readBack: `${back.steps} steps, ${back.tableRows} table rows`,
    complete: back.steps === x.iterations && back.tableRows === x.episodes,
    detail,
  };
}

function parseFloor(input: string): Delivery {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'parse-floor.ts'), input], { encoding: 'utf8' });
  const { seconds, lines } = JSON.parse(r.stdout.trim()) as { seconds: number; lines: number };
  return { who: 'ceiling', seconds, readBack: `${lines} lines parsed`, complete: true, detail: 'Node read + JSON.parse of the file' };
}

type Otlp = 'jaeger' | 'phoenix';

/** One fresh backend for one delivery: its OTLP base URL and a read-back of what it stores under `label`. */
async function freshBackend(kind: Otlp) {
  if (kind === 'jaeger') {
    const j = await startJaeger();
    return {
      url: j.otlpHttp,
      stop: () => j.stop(),
      ourEnv: (url: string, label: string) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: url, OTEL_SERVICE_NAME: label }),
      count: async (label: string, x: Expected) => {
        const n = await settle(() => jaegerEpisodes(j.query, label), x.episodes);
        return { text: `${n} of ${x.episodes} episode traces`, complete: n === x.episodes };
      },
    };
  }
  const p = await startPhoenix();
  return {
    url: p.url,
    stop: () => p.stop(),
    ourEnv: (url: string, label: string) => ({ PHOENIX_COLLECTOR_ENDPOINT: url, PHOENIX_PROJECT_NAME: label }),
    count: async (label: string, x: Expected, spans = x.episodeSpans) => {
      const n = await settle(async () => (await phoenixCounts(p.url, label)).spans, spans, 30_000);
      const { traces } = await phoenixCounts(p.url, label);
      return { text: `${traces} traces, ${n} spans (${spans} expected)`, complete: n >= spans && traces >= x.episodes };
    },
  };
}

async function otlpOurs(kind: Otlp, input: string, work: string, x: Expected, capture?: string) {
  const backend = await freshBackend(kind);
  const recorder = await startRequestRecorder(backend.url, { capture });
  const label = `ours-${kind}`;
  try {
    const sink = kind === 'jaeger' ? 'otel' : 'phoenix';
    const r = await runReplayChild(input, sink, backend.ourEnv(recorder.url, label));
    const back = await backend.count(label, x, kind === 'phoenix' ? x.episodeSpans + x.iterations : undefined);
    const requests = recorder.stats().reduce((n, s) => n + s.requests, 0);
    const delivery: Delivery = {
      who: 'ours',
      seconds: r.wallSeconds,
      readBack: back.text,
      complete: r.exitCode === 0 && back.complete,
      detail: `exit ${r.exitCode}, ${r.cpuSeconds.toFixed(2)} CPU s, ${requests} requests`,
    };
    return { delivery, spans: Number(/(\d+) spans/.exec(back.text)?.[1] ?? 0) };
  } finally {
    await recorder.close();
    await backend.stop();
  }
}

async function otlpTheirs(c: ClawLoop, kind: Otlp, input: string, x: Expected): Promise<Delivery> {
  const backend = await freshBackend(kind);
  const label = `clawloop-${kind}`;
  try {
    const r = await runAnchor(c, 'otel', input, { endpoint: backend.url, service: label, project: label });
    const back = await backend.count(label, x);
    return {
      who: 'clawloop',
      seconds: r.seconds,
      readBack: back.text,
      complete: back.complete,
      detail: `${r.cpu_seconds.toFixed(2)} CPU s in-process`,
    };
  } finally {
    await backend.stop();
  }
}

/**
 * One MLflow delivery into a fresh server behind the request recorder: ours (the replay child, traces off) or
 * ClawLoop's `MlflowSink`. Complete: the runs each writes (ClawLoop's: one; ours: a parent and one per iteration),
 * every learning-curve key at every iteration, the same number of files for every iteration, and every file a run
 * records (ours: stored, or unchanged and pointing to the run that holds it) listed by the server.
 */
async function mlflowDelivery(who: 'ours' | 'clawloop', c: ClawLoop, input: string, x: Expected): Promise<Delivery> {
  const server = await startMlflow();
  const recorder = await startRequestRecorder(server.url);
  const experiment = `${who}-mlflow`;
  try {
    const serverCpu = processTreeCpuSeconds(server.child.pid!);
    let seconds: number;
    let detail: string;
    if (who === 'ours') {
      const env = { MLFLOW_TRACKING_URI: recorder.url, MLFLOW_EXPERIMENT_NAME: experiment };
      const r = await runReplayChild(input, 'mlflow', env, { args: ['--no-mlflow-traces'] });
      if (r.exitCode !== 0) log(`mlflow ours: exit ${r.exitCode}\n${r.stderr.slice(-2000)}`);
      seconds = r.wallSeconds;
      detail = `exit ${r.exitCode}, ${r.cpuSeconds.toFixed(2)} CPU s`;
    } else {
      const r = await runAnchor(c, 'mlflow', input, { endpoint: recorder.url, project: experiment });
      seconds = r.seconds;
      detail = `${r.cpu_seconds.toFixed(2)} CPU s in-process; MlflowSink() ${r.init_seconds.toFixed(1)} s not counted`;
    }
    const requests = recorder.stats().reduce((n, s) => n + s.requests, 0);
    detail += `, ${requests} requests, server ${(processTreeCpuSeconds(server.child.pid!) - serverCpu).toFixed(1)} CPU s`;
    const back = await mlflowContents(server.url, experiment);
    const runs = who === 'ours' ? 1 + x.iterations : 1;
    return { who, seconds, detail, readBack: mlflowText(back), complete: mlflowComplete(back, runs, x.iterations) };
  } finally {
    await recorder.close();
    await server.stop();
  }
}

/**
 * The learning curve is whole when `reward.mean` (both sinks' name) has a point per iteration and every key has as
 * many points as there are iterations carrying it: with nested runs (ours) the iteration runs that hold it, else
 * every iteration. Per-task keys, for one, exist only in iterations that ran the task.
 */
function mlflowComplete(b: MlflowContents, runs: number, iterations: number): boolean {
  const files = b.filesPerIteration;
  const nested = Object.keys(b.nested).length > 0;
  const curveWhole = Object.entries(nested ? b.nested : b.curve).every(([key, n]) => b.curve[key] === (nested ? n : iterations));
  return (
    b.runs === runs &&
    b.curve['reward.mean'] === iterations &&
    curveWhole &&
    files.length === iterations &&
    Math.min(...files) === Math.max(...files) &&
    b.missing === 0
  );
}

function mlflowText(b: MlflowContents): string {
  const points = (counts: Record<string, number>) => Object.values(counts).reduce((a, n) => a + n, 0);
  const files = b.filesPerIteration;
  return [
    `${b.runs} runs`,
    `${Object.keys(b.curve).length} curve metrics, ${points(b.curve)} points`,
    ...(points(b.nested) ? [`${points(b.nested)} metrics in iteration runs`] : []),
    `${files.length} iterations × ${Math.min(...files)}-${Math.max(...files)} files${b.pointers ? ` (${b.pointers} unchanged, pointing to their holder)` : ''}`,
    ...(b.missing ? [`${b.missing} files missing`] : []),
  ].join(', ');
}

/**
 * Our recorded bodies into a fresh backend at 1 and 4 requests in flight; the faster run counts. Timed like the
 * senders: until the backend accepted the last request (the time until it read back complete is in the detail).
 */
async function otlpCeiling(kind: Otlp, capture: string, x: Expected, ourSpans: number): Promise<Delivery> {
  const requests = readCapture(capture);
  let best: { run: CeilingRun; stored: number; text: string; complete: boolean } | undefined;
  for (const concurrency of [1, 4]) {
    const backend = await freshBackend(kind);
    try {
      const started = performance.now();
      const run = await replayCapture(requests, backend.url, concurrency);
      const back = await backend.count(`ours-${kind}`, x, kind === 'phoenix' ? ourSpans : undefined);
      const stored = (performance.now() - started) / 1000;
      if (!best || run.seconds < best.run.seconds) best = { run, stored, ...back };
    } finally {
      await backend.stop();
    }
  }
  const { run, stored, text, complete } = best!;
  return {
    who: 'ceiling',
    seconds: run.seconds,
    readBack: text,
    complete,
    detail: `${run.requests} requests, ${(run.bytes / 1e6).toFixed(0)} MB, ${run.concurrency} in flight, ${run.busyAnswers} busy answers, read back complete after ${stored.toFixed(1)} s`,
  };
}

export async function runAnchors(options: {
  checkout: string;
  python?: string;
  repeat: number;
  sinks: string[];
  iterations: number;
  episodes: number;
}) {
  const c = findClawLoop(options.checkout, options.python);
  const work = mkdtempSync(join(tmpdir(), 'bench-anchors-'));
  const input = await benchInput(work, options.iterations, options.episodes);
  const x = await expectedOf(input);
  log(`${x.episodes} episodes, ${x.iterations} iterations, ${x.episodeSpans} episode spans; ClawLoop at ${c.checkout} with ${c.python}`);
  const runs: Record<string, Delivery[]> = {};
  const missing = options.sinks.includes('mlflow') ? mlflowMissing(c) : 'not asked for (--sinks)';
  const mlflow = missing
    ? `not compared: ${missing}`
    : "ours with traces off (runs, metrics, artifacts: `pnpm bench`'s setting at this size) against ClawLoop's MlflowSink";
  const dir = join('bench', 'results');
  mkdirSync(dir, { recursive: true });
  let done = 0;
  // Written after every delivery: a long run stopped early still leaves what it measured.
  const write = () => {
    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg() };
    const input = { perIteration: options.episodes, ...x };
    writeFileSync(
      join(dir, 'anchors.json'),
      JSON.stringify({ date: new Date().toISOString(), machine, input, runs, mlflow }, null, 2) + '\n',
    );
    writeFileSync(join(dir, 'anchors.md'), formatAnchors(runs, `${done} of ${options.repeat} repeats done`, x, mlflow, machine));
  };
  const add = (sink: string, d: Delivery) => {
    log(`${sink} ${d.who}: ${d.seconds.toFixed(2)} s, ${d.readBack}${d.complete ? '' : ' (INCOMPLETE)'}; ${d.detail ?? ''}`);
    (runs[sink] ??= []).push(d);
    write();
  };
  for (let i = 0; i < options.repeat; i += 1) {
    const theirsFirst = i % 2 === 1;
    if (options.sinks.includes('wandb')) {
      const pair = [() => wandbOurs(input, work, x), () => wandbTheirs(c, input, work, x)];
      for (const f of theirsFirst ? pair.reverse() : pair) add('wandb', await f());
      add('wandb', parseFloor(input));
    }
    for (const kind of ['jaeger', 'phoenix'] as const) {
      if (!options.sinks.includes(kind)) continue;
      const sink = kind === 'jaeger' ? 'otel → Jaeger' : 'phoenix';
      const capture = join(work, `${kind}-${i}.capture`);
      let ourSpans = 0;
      const ours = async () => {
        const r = await otlpOurs(kind, input, work, x, capture);
        ourSpans = r.spans;
        return r.delivery;
      };
      const pair = [ours, () => otlpTheirs(c, kind, input, x)];
      for (const f of theirsFirst ? pair.reverse() : pair) add(sink, await f());
      add(sink, await otlpCeiling(kind, capture, x, ourSpans));
    }
    if (!missing) {
      const pair = [() => mlflowDelivery('ours', c, input, x), () => mlflowDelivery('clawloop', c, input, x)];
      for (const f of theirsFirst ? pair.reverse() : pair) add('mlflow', await f());
    }
    done += 1;
  }
  write();
  process.stdout.write(readFileSync(join(dir, 'anchors.md'), 'utf8'));
}

export function formatAnchors(
  runs: Record<string, Delivery[]>,
  repeats: string,
  x: Expected,
  mlflow: string,
  machine: { cpus: number; loadavg: number[] },
): string {
  const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));
  const lines = [
    `# Ours vs ClawLoop's exporters vs backend ceiling`,
    '',
    `${x.iterations} iterations × ${x.episodes / x.iterations} episodes (${x.episodes} episodes, ${x.episodeSpans} episode spans); median over runs (${repeats}); ${machine.cpus} cores, load average ${machine.loadavg.map((l) => l.toFixed(1)).join(' ')} at the end.`,
    '',
    '| sink | ours s | ClawLoop s | ceiling s | ClawLoop / ours | ours / ceiling | ours read back | ClawLoop read back | ceiling |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [sink, ds] of Object.entries(runs)) {
    const of = (who: Delivery['who']) => ds.filter((d) => d.who === who);
    const med = (who: Delivery['who']) => (of(who).length ? median(of(who).map((d) => d.seconds)) : undefined);
    const [ours, theirs, ceiling] = [med('ours'), med('clawloop'), med('ceiling')];
    // The median, and every run's figure when there are several.
    const cell = (who: Delivery['who']) => {
      const all = of(who).map((d) => d.seconds.toFixed(2));
      return all.length > 1 ? `${f(med(who))} (${all.join(', ')})` : f(med(who));
    };
    const back = (who: Delivery['who']) =>
      of(who)
        .map((d) => `${d.readBack}${d.complete ? '' : ' **incomplete**'}`)
        .join('; ') || '—';
    lines.push(
      `| ${sink} | ${cell('ours')} | ${cell('clawloop')} | ${cell('ceiling')} | ${ours && theirs ? `${(theirs / ours).toFixed(2)}×` : '—'} | ${ours && ceiling ? `${(ours / ceiling).toFixed(2)}×` : '—'} | ${back('ours')} | ${back('clawloop')} | ${of('ceiling')[0]?.detail ?? '—'} |`,
    );
  }
  lines.push('', `MLflow: ${mlflow}.`, '');
  return lines.join('\n');
}
