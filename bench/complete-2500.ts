/**
 * Issue 19's "done means", repeatable: a real-shaped 2 500-episode run (bench/generate.ts generateLearningRun, 50 × 50)
 * replayed by the CLI with its default settings into real Phoenix, real MLflow with traces and assessments, and real
 * Langfuse (when `pnpm backends` has built it), while a busy loop started here keeps one core busy. Each backend sits
 * behind the request recorder, whose log shows whether any batch reached the backend a second time while its first
 * attempt was still alive. Prints per backend: exit code, wall time, events sent, what was read back vs expected, and
 * the duplicate check. Run under the bench lock:
 *
 *   flock /work/bench.lock pnpm exec tsx bench/complete-2500.ts [--backends phoenix,mlflow,langfuse] [--episodes 2500]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { langfuseCacheDir, langfuseCacheState } from '../scripts/backends/langfuse.js';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../generated/types.gen.js';
import { effectiveReward, normalizedReward } from '../src/core/rewards.js';
import { openSource } from '../src/sources/open-source.js';
import { runTraceId } from '../src/transports/langfuse/index.js';
import { episodeSpanIds } from '../src/otlp/spans.js';
import { runCliAsync } from '../test/helpers/cli.js';
import { observations, scores, type LangfuseApi } from '../test/integration/servers/langfuse-api.js';
import { startLangfuse } from '../test/integration/servers/langfuse.js';
import { startMlflow, type Mlflow } from '../test/integration/servers/mlflow.js';
import { startPhoenix, type Phoenix } from '../test/integration/servers/phoenix.js';
import { fetchForReadBack } from '../test/integration/servers/process.js';
import { generateLearningRun } from './generate.js';
import { overlappingDuplicates, startRequestRecorder, type RequestRecorder } from './request-recorder.js';

export interface DoneMeansRow {
  backend: string;
  exitCode: number | null;
  wallSeconds: number;
  /** From the CLI's closing summary: sent / received. */
  sent: string;
  /** What was read back vs what the run should have produced, per kind. */
  readBack: Array<{ what: string; read: number; expected: number }>;
  complete: boolean;
  requests: number;
  /** Requests whose path and body an earlier request already carried (retries; allowed once the first ended). */
  resent: number;
  /** Pairs of identical requests alive at the backend at the same time (must be 0). */
  overlapping: number;
  summary: string;
}

const log = (line: string) => process.stderr.write(`bench done-means: ${line}\n`);

/** One core kept busy by a child this script starts and stops (by its pid). */
function startBusyLoop(): { stop(): void } {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return { stop: () => child.kill('SIGKILL') };
}

const spansOf = (e: EpisodeEvent) =>
  1 + (e.episode.messages ?? []).filter((m) => m.role === 'assistant').reduce((n, m) => n + 1 + (m.tool_calls?.length ?? 0), 0);
const signalsOf = (e: EpisodeEvent) => Object.keys(e.episode.summary.signals).length;

/** Polls until `done` or `ms` pass (the backends ingest in the background), returning the last value. */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || performance.now() > until) return value;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

interface Run {
  path: string;
  events: CanonicalEvent[];
  episodes: EpisodeEvent[];
  iterations: IterationEvent[];
}

async function readPhoenix(phoenix: Phoenix, project: string, run: Run) {
  const expectedSpans = run.episodes.reduce((n, e) => n + spansOf(e), 0) + run.iterations.length;
  const spans = await poll(
    () => phoenix.spans(project),
    (s) => new Set(s.map((x) => x.context.span_id)).size >= expectedSpans,
    600_000,
  );
  const roots = run.episodes.map((e) => episodeSpanIds(e.run_id, e.episode.id).root);
  const expectedAnnotations = run.episodes.reduce((n, e) => n + signalsOf(e) + 1, 0);
  const readAnnotations = async () => {
    const ids = new Set<string>();
    for (let i = 0; i < roots.length; i += 50) {
      const params = new URLSearchParams({ limit: '10000' });
      for (const id of roots.slice(i, i + 50)) params.append('span_ids', id);
      const res = await fetchForReadBack(`${phoenix.url}/v1/projects/${project}/span_annotations?${params.toString()}`);
      for (const a of ((await res.json()) as { data: Array<{ span_id: string; name: string }> }).data) ids.add(`${a.span_id}/${a.name}`);
    }
    return ids.size;
  };
  // Phoenix attaches an annotation once its span is ingested, retrying every 10 s.
  const annotations = await poll(readAnnotations, (n) => n >= expectedAnnotations, 600_000);
  return [
    { what: 'spans', read: new Set(spans.map((s) => s.context.span_id)).size, expected: expectedSpans },
    { what: 'reward annotations', read: annotations, expected: expectedAnnotations },
  ];
}

async function readMlflow(mlflow: Mlflow, experimentName: string, run: Run) {
  const { experiment } = await mlflow.get<{ experiment: { experiment_id: string } }>('/api/2.0/mlflow/experiments/get-by-name', {
    experiment_name: experimentName,
  });
  type MlflowRun = { info: { run_id: string }; data: { tags?: Array<{ key: string; value: string }> } };
  const runs: MlflowRun[] = [];
  let token: string | undefined;
  do {
    const page: { runs?: MlflowRun[]; next_page_token?: string } = await mlflow.post('/api/2.0/mlflow/runs/search', {
      experiment_ids: [experiment.experiment_id],
      max_results: 1000,
      ...(token ? { page_token: token } : {}),
    });
    runs.push(...(page.runs ?? []));
    token = page.next_page_token || undefined;
  } while (token);
  const parent = runs.find((r) => r.data.tags?.some((t) => t.key === 'clawloop.role' && t.value === 'run'));
  const curve = parent
    ? ((
        await mlflow.get<{ metrics?: Array<{ step: number }> }>('/api/2.0/mlflow/metrics/get-history', {
          run_id: parent.info.run_id,
          metric_key: 'reward.mean',
        })
      ).metrics ?? [])
    : [];
  type Trace = { trace_id: string; assessments?: Array<{ assessment_name: string }> };
  const traces: Trace[] = [];
  token = undefined;
  do {
    const page: { traces?: Trace[]; next_page_token?: string } = await mlflow.post('/api/3.0/mlflow/traces/search', {
      locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experiment.experiment_id } }],
      max_results: 500,
      ...(token ? { page_token: token } : {}),
    });
    traces.push(...(page.traces ?? []));
    token = page.next_page_token || undefined;
  } while (token);
  return [
    { what: 'runs (parent + one per iteration)', read: runs.length, expected: 1 + run.iterations.length },
    { what: 'reward.mean points on the parent', read: new Set(curve.map((m) => m.step)).size, expected: run.iterations.length },
    { what: 'traces', read: new Set(traces.map((t) => t.trace_id)).size, expected: run.episodes.length },
    {
      what: 'assessments',
      read: traces.reduce((n, t) => n + (t.assessments?.length ?? 0), 0),
      expected: run.episodes.reduce((n, e) => n + signalsOf(e) + 1, 0),
    },
  ];
}

async function readLangfuse(api: LangfuseApi, run: Run) {
  // Observations: AGENT root, a GENERATION per assistant message, a TOOL per tool call; a CHAIN per iteration on the run trace.
  const expectedObservations = run.episodes.reduce((n, e) => n + spansOf(e), 0) + run.iterations.length;
  // Scores: each signal, effective and normalized reward, `filtered` per episode; per iteration on the run trace
  // reward.mean, reward.mean_normalized, reward.raw_mean and playbook.size where defined.
  const perIteration = (it: IterationEvent) => {
    const mine = run.episodes.filter((e) => e.iteration === it.iteration);
    const defined = [
      mine.length ? mine.reduce((s, e) => s + effectiveReward(e.episode.summary.signals), 0) : undefined,
      mine.length ? mine.reduce((s, e) => s + normalizedReward(e.episode.summary.signals), 0) : undefined,
      it.avg_reward,
      it.playbook?.entries.length ?? it.playbook_size ?? it.playbook_entries?.length,
    ];
    return defined.filter((v) => v !== undefined && v !== null).length;
  };
  const expectedScores = run.episodes.reduce((n, e) => n + signalsOf(e) + 3, 0) + run.iterations.reduce((n, it) => n + perIteration(it), 0);
  const traceIds = new Set([
    ...run.episodes.map((e) => episodeSpanIds(e.run_id, e.episode.id).traceId),
    runTraceId(run.iterations[0].run_id),
  ]);
  // Distinct ids: v4's list endpoints read without FINAL, so a row written twice may show twice until ClickHouse merges.
  const readObservations = async () =>
    new Set((await observations(api, {})).filter((o) => traceIds.has(o.traceId ?? '')).map((o) => o.id)).size;
  const readScores = async () => new Set((await scores(api, {})).map((s) => s.id)).size;
  const obs = await poll(readObservations, (n) => n >= expectedObservations, 600_000);
  const sc = await poll(readScores, (n) => n >= expectedScores, 600_000);
  return [
    { what: 'observations', read: obs, expected: expectedObservations },
    { what: 'scores', read: sc, expected: expectedScores },
  ];
}

async function replayThrough(
  backend: string,
  recorder: RequestRecorder,
  run: Run,
  env: NodeJS.ProcessEnv,
  readBack: () => Promise<Array<{ what: string; read: number; expected: number }>>,
): Promise<DoneMeansRow> {
  log(`${backend}: replaying ${run.episodes.length} episodes with the CLI's defaults`);
  const started = performance.now();
  const { code, stderr } = await runCliAsync(['replay', run.path, '--sink', backend, '-q'], env);
  const wallSeconds = (performance.now() - started) / 1000;
  const summary = stderr.split('\n').find((l) => l.startsWith(backend)) ?? stderr.slice(-500);
  log(`${backend}: exit ${code} in ${wallSeconds.toFixed(0)} s: ${summary}`);
  const read = await readBack();
  const { resent, overlapping } = overlappingDuplicates(recorder.log);
  return {
    backend,
    exitCode: code,
    wallSeconds,
    sent: summary.match(/sent (\d+\/\d+)/)?.[1] ?? '?',
    readBack: read,
    complete: read.every((r) => r.read === r.expected),
    requests: recorder.log.length,
    resent,
    overlapping: overlapping.length,
    summary: summary.trim(),
  };
}

export async function doneMeans(options: { backends?: readonly string[]; episodes?: number } = {}): Promise<DoneMeansRow[]> {
  const backends = options.backends ?? ['phoenix', 'mlflow', 'langfuse'];
  const perIteration = 50;
  const iterations = Math.ceil((options.episodes ?? 2500) / perIteration);
  const sample: CanonicalEvent[] = [];
  for await (const e of openSource('examples/data/toolbench-run', { onProblem: () => {} })) sample.push(e);
  const path = join(mkdtempSync(join(tmpdir(), 'clawloop-done-')), 'run.ndjson');
  generateLearningRun(sample, path, { iterations, episodesPerIteration: perIteration, runId: `done-means-${iterations}x${perIteration}` });
  const events = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CanonicalEvent);
  const run: Run = {
    path,
    events,
    episodes: events.filter((e): e is EpisodeEvent => e.type === 'episode'),
    iterations: events.filter((e): e is IterationEvent => e.type === 'iteration'),
  };
  const rows: DoneMeansRow[] = [];
  for (const backend of backends) {
    let stop = async () => {};
    let recorder: RequestRecorder | undefined;
    try {
      if (backend === 'phoenix') {
        const phoenix = await startPhoenix();
        stop = () => phoenix.stop();
        recorder = await startRequestRecorder(phoenix.url);
        const env = { PHOENIX_COLLECTOR_ENDPOINT: recorder.url, PHOENIX_PROJECT_NAME: 'done-means' };
        rows.push(await withBusyCore(() => replayThrough(backend, recorder!, run, env, () => readPhoenix(phoenix, 'done-means', run))));
      } else if (backend === 'mlflow') {
        const mlflow = await startMlflow();
        stop = () => mlflow.stop();
        recorder = await startRequestRecorder(mlflow.url);
        const env = { MLFLOW_TRACKING_URI: recorder.url, MLFLOW_EXPERIMENT_NAME: 'done-means' };
        rows.push(await withBusyCore(() => replayThrough(backend, recorder!, run, env, () => readMlflow(mlflow, 'done-means', run))));
      } else if (backend === 'langfuse') {
        const state = langfuseCacheState(langfuseCacheDir());
        if (!state.ready) {
          log(`langfuse: no real Langfuse built (${state.why}); skipped`);
          continue;
        }
        const langfuse = await startLangfuse();
        stop = () => langfuse.stop();
        recorder = await startRequestRecorder(langfuse.url);
        const env = { ...langfuse.sinkEnv(), LANGFUSE_BASE_URL: recorder.url };
        rows.push(await withBusyCore(() => replayThrough(backend, recorder!, run, env, () => readLangfuse(langfuse, run))));
      }
    } catch (error) {
      // One backend that cannot be started or read does not cost the others' results.
      log(`${backend}: ${(error as Error).message}`);
      rows.push({
        backend,
        exitCode: null,
        wallSeconds: 0,
        sent: '?',
        readBack: [],
        complete: false,
        requests: recorder?.log.length ?? 0,
        resent: 0,
        overlapping: 0,
        summary: `could not run: ${(error as Error).message.slice(0, 300)}`,
      });
    } finally {
      await recorder?.close();
      await stop();
    }
  }
  return rows;
}

/** Runs `work` with the busy loop on; the read-back that follows is part of `work` (a loaded machine reads slower too). */
async function withBusyCore<T>(work: () => Promise<T>): Promise<T> {
  const busy = startBusyLoop();
  try {
    return await work();
  } finally {
    busy.stop();
  }
}

export function formatDoneMeans(rows: readonly DoneMeansRow[], episodes: number): string[] {
  return [
    `Done means: a real-shaped ${episodes}-episode run replayed with the CLI's defaults while one core runs a busy loop:`,
    '',
    '| backend | exit | wall s | events sent | read back / expected | complete | requests with a body | resent after the first ended | identical requests alive together |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.backend} | ${r.exitCode} | ${r.wallSeconds.toFixed(0)} | ${r.sent} | ${r.readBack.map((x) => `${x.what} ${x.read}/${x.expected}`).join('; ')} | ${r.complete ? 'yes' : 'NO'} | ${r.requests} | ${r.resent} | ${r.overlapping} |`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { backends: { type: 'string' }, episodes: { type: 'string' } } });
  const episodes = Number(values.episodes ?? 2500);
  const rows = await doneMeans({ backends: values.backends?.split(','), episodes });
  process.stdout.write(formatDoneMeans(rows, episodes).join('\n') + '\n');
  for (const r of rows) process.stdout.write(`${r.backend}: ${r.summary}\n`);
}
