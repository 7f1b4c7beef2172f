/**
 * `pnpm bench`: emit() overhead; replay throughput per sink into real loopback backends (bundled sample and a generated
 * 200-iteration × 50-episode run); the baselines a user would otherwise pick; peak RSS streaming a ≥ 1 GB input; MLflow
 * request count against the ⌈n/1000⌉ floor. Writes bench/results/results.json and results.md. Needs `pnpm backends`.
 * With `--anchors <clawloop-checkout>` it compares with ClawLoop's own exporters instead (bench/anchors.ts).
 * `--rss` runs only the per-sink peak RSS table (bench/rss-sinks.ts); `--done-means` only issue 19's 2 500-episode
 * replays into real Phoenix, MLflow and Langfuse with one core busy (bench/complete-2500.ts).
 */
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MLFLOW, venvBin, WANDB } from '../scripts/backends/python.js';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { openSource } from '../src/sources/open-source.js';
import { createMlflowSink } from '../src/transports/mlflow/index.js';
import { createOtelSink } from '../src/transports/otel/index.js';
import { createPhoenixSink } from '../src/transports/phoenix/index.js';
import { createReportSink } from '../src/transports/report/index.js';
import { createWandbSink } from '../src/transports/wandb/index.js';
import { startJaeger } from '../test/integration/servers/jaeger.js';
import { startMlflow } from '../test/integration/servers/mlflow.js';
import { startPhoenix } from '../test/integration/servers/phoenix.js';
import { BACKENDS_CACHE } from '../test/integration/servers/process.js';
import { metricRows, mlflowPython, otelSdkNaive, wandbPython } from './baselines.js';
import { benchEmit } from './emit.js';
import { generateRun } from './generate.js';
import { formatRequestTable, startRequestRecorder, type EndpointStats } from './request-recorder.js';
import { formatRssTable, rssPerSink } from './rss-sinks.js';
import { replayInto, type Throughput } from './throughput.js';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    anchors: { type: 'string' },
    'anchors-python': { type: 'string' },
    repeat: { type: 'string', default: '3' },
    sinks: { type: 'string', default: 'wandb,jaeger,phoenix,mlflow' },
    iterations: { type: 'string', default: '200' },
    episodes: { type: 'string', default: '50' },
    rss: { type: 'boolean', default: false },
    'done-means': { type: 'boolean', default: false },
  },
});
if (args.rss || args['done-means']) {
  const out: string[] = [];
  if (args.rss) {
    const { rssPerSink, formatRssTable } = await import('./rss-sinks.js');
    const { rows, inputBytes } = await rssPerSink();
    out.push(...formatRssTable(rows, inputBytes), '');
  }
  if (args['done-means']) {
    const { doneMeans, formatDoneMeans } = await import('./complete-2500.js');
    out.push(...formatDoneMeans(await doneMeans(), 2500), '');
  }
  process.stdout.write(out.join('\n'));
  process.exit(0);
}
if (args.anchors) {
  // The comparison with ClawLoop's own exporters (bench/anchors.ts) instead of the default benchmark.
  const { runAnchors } = await import('./anchors.js');
  try {
    await runAnchors({
      checkout: args.anchors,
      python: args['anchors-python'],
      repeat: Number(args.repeat),
      sinks: args.sinks.split(','),
      iterations: Number(args.iterations),
      episodes: Number(args.episodes),
    });
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}
const samplePath = positionals[0] ?? 'examples/data/toolbench-run';
const sample: CanonicalEvent[] = [];
for await (const e of openSource(samplePath, { onProblem: () => {} })) sample.push(e);
const work = mkdtempSync(join(tmpdir(), 'clawloop-bench-'));

log('emit() overhead');
const emit = await benchEmit(sample);

const big = join(work, 'run-200x50.ndjson');
const bigInfo = generateRun(sample, big, 200, 50);
const small = join(work, 'sample.ndjson');
writeFileSync(small, sample.map((e) => JSON.stringify(e)).join('\n') + '\n');
const smallInfo = { episodes: sample.filter((e) => e.type === 'episode').length, bytes: statSync(small).size };
const inputs = [
  { label: 'bundled sample (3×4)', path: small, ...smallInfo },
  { label: 'generated 200×50', path: big, ...bigInfo },
];

log('starting Jaeger, Phoenix and MLflow on loopback');
const [jaeger, phoenix, mlflow] = await Promise.all([startJaeger(), startPhoenix(), startMlflow()]);
const throughput: Throughput[] = [];
const baselines: Array<{ name: string; seconds: number; ours: number; ratio: number; note: string }> = [];
const mlflowRequests = { logBatch: 0, metrics: 0, floor: 0 };
const mlflowTables: Array<{ traces: boolean; rows: EndpointStats[] }> = [];
try {
  for (const input of inputs) {
    const run = input.label;
    log(`replay ${run}`);
    throughput.push(await replayInto(createReportSink({ out: join(work, 'report.html') }), input.path, run, input.episodes, input.bytes));
    throughput.push(
      await replayInto(
        createWandbSink({ dir: mkdtempSync(join(work, 'wandb-')), env: {} }),
        input.path,
        run,
        input.episodes,
        input.bytes,
        'offline run files',
      ),
    );
    throughput.push(
      await replayInto(
        await createOtelSink({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttp } }),
        input.path,
        run,
        input.episodes,
        input.bytes,
        'Jaeger v2',
      ),
    );
    throughput.push(
      await replayInto(
        await createPhoenixSink({ env: { PHOENIX_COLLECTOR_ENDPOINT: phoenix.url, PHOENIX_PROJECT_NAME: `bench-${throughput.length}` } }),
        input.path,
        run,
        input.episodes,
        input.bytes,
        'spans + annotations',
      ),
    );
    // MLflow behind a request recorder: requests, bytes and server time per endpoint. Traces and assessments on
    // (the CLI's default) for both inputs; the generated run is also replayed with traces off, the figure the
    // Python baseline below compares with.
    for (const traces of input.path === big ? [false, true] : [true]) {
      const recorder = await startRequestRecorder(mlflow.url);
      const mlflowSink = createMlflowSink({
        env: { MLFLOW_TRACKING_URI: recorder.url, MLFLOW_EXPERIMENT_NAME: `bench-${throughput.length}` },
        traces,
      });
      throughput.push(
        await replayInto(
          mlflowSink,
          input.path,
          run,
          input.episodes,
          input.bytes,
          traces ? 'runs, metrics, artifacts, traces, assessments' : 'runs, metrics, artifacts (traces off)',
        ),
      );
      await recorder.close();
      if (input.path === big) mlflowTables.push({ traces, rows: recorder.stats() });
    }
  }

  log('baselines');
  const rows = { mlflow: join(work, 'mlflow-rows.ndjson'), wandb: join(work, 'wandb-rows.ndjson') };
  await metricRows(big, rows);
  const metricCount = (await import('node:fs'))
    .readFileSync(rows.mlflow, 'utf8')
    .split('\n')
    .filter(Boolean)
    .reduce((n, l) => n + Object.keys(JSON.parse(l).metrics).length, 0);
  // Each nested iteration run needs its own request (200); the parent's points need ⌈metrics / 1000⌉ more.
  // The floor: one log-batch per nested iteration run (its metrics and tags together), ⌈n/1000⌉ for the parent's
  // copy of every point, and one for the parent's params and tags at run start.
  mlflowRequests.metrics = metricCount;
  mlflowRequests.floor = 200 + Math.ceil(metricCount / 1000) + 1;
  mlflowRequests.logBatch =
    mlflowTables.find((t) => !t.traces)?.rows.find((r) => r.endpoint === 'POST /api/2.0/mlflow/runs/log-batch')?.requests ?? 0;
  const oursMlflow = throughput.find(
    (t) => t.sink === 'mlflow' && t.input.startsWith('generated') && t.note?.includes('traces off'),
  )!.seconds;
  const pyMlflow = mlflowPython(venvBin(BACKENDS_CACHE, MLFLOW, 'python'), mlflow.url, rows.mlflow);
  baselines.push({
    name: 'Python mlflow client, log_metrics per iteration',
    seconds: pyMlflow,
    ours: oursMlflow,
    ratio: pyMlflow / oursMlflow,
    note: 'ours also writes nested runs, tags and JSON artifacts',
  });
  const oursWandb = throughput.find((t) => t.sink === 'wandb' && t.input.startsWith('generated'))!.seconds;
  const pyWandb = wandbPython(venvBin(BACKENDS_CACHE, WANDB, 'python'), rows.wandb);
  baselines.push({
    name: 'Python wandb offline, run.log per iteration',
    seconds: pyWandb,
    ours: oursWandb,
    ratio: pyWandb / oursWandb,
    note: 'ours also derives the metrics from 10 000 episodes and writes episode tables',
  });
  const oursOtel = throughput.find((t) => t.sink === 'otel' && t.input.startsWith('generated'))!.seconds;
  const naive = await otelSdkNaive(big, jaeger.otlpHttp);
  baselines.push({
    name: 'OTel JS SDK, BatchSpanProcessor, per-episode loop',
    seconds: naive,
    ours: oursOtel,
    ratio: naive / oursOtel,
    note: 'the naive loop sets a few attributes, ours the full ClawLoop set with episode times',
  });
} finally {
  await Promise.all([jaeger.stop(), phoenix.stop(), mlflow.stop()]);
}

log('peak RSS per sink streaming ≥ 1 GB');
const { rows: rssRows, inputBytes: rssInputBytes } = await rssPerSink();

const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
const results = { machine, emit, throughput, baselines, mlflowRequests, mlflowTables, rss: { inputBytes: rssInputBytes, sinks: rssRows } };
const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const f = (n: number, d = 2) => n.toFixed(d);
const md = [
  '# Benchmarks',
  '',
  `Node ${machine.node}, ${machine.cpus} × ${machine.cpu}. Targets: emit p99 ≤ 20 µs; replay ≥ 10× the Python baselines; RSS ≤ 150 MB on a 1 GB input.`,
  '',
  '| emit() scenario | calls | p50 µs | p99 µs | max µs | dropped |',
  '|---|---|---|---|---|---|',
  ...emit.map((r) => `| ${r.scenario} | ${r.calls} | ${f(r.p50_us)} | ${f(r.p99_us)} | ${f(r.max_us)} | ${r.dropped} |`),
  '',
  '| sink | input | episodes | seconds | episodes/s | MB/s | complete | what |',
  '|---|---|---|---|---|---|---|---|',
  ...throughput.map(
    (t) =>
      `| ${t.sink} | ${t.input} | ${t.episodes} | ${f(t.seconds)} | ${f(t.episodesPerSecond, 0)} | ${f(t.mbPerSecond)} | ${t.complete} | ${t.note ?? ''} |`,
  ),
  '',
  '| baseline (same generated 200×50 run) | baseline s | ours s | ours faster by | note |',
  '|---|---|---|---|---|',
  ...baselines.map((b) => `| ${b.name} | ${f(b.seconds)} | ${f(b.ours)} | ×${f(b.ratio)} | ${b.note} |`),
  '',
  `MLflow log-batch requests for the generated run: ${mlflowRequests.logBatch} for ${mlflowRequests.metrics} metric points per target run; floor ${mlflowRequests.floor} (one per nested run + ⌈n/1000⌉ for the parent + 1 for its params and tags): ×${f(mlflowRequests.logBatch / mlflowRequests.floor)} the floor.`,
  '',
  ...mlflowTables.flatMap((t) => [
    `MLflow requests per endpoint, generated 200×50 run, traces ${t.traces ? 'on' : 'off'} (server ms = the server's answer time seen at a loopback recorder):`,
    '',
    ...formatRequestTable(t.rows),
    '',
  ]),
  ...formatRssTable(rssRows, rssInputBytes),
  '',
].join('\n');
writeFileSync(join(dir, 'results.md'), md);
process.stdout.write(md);
