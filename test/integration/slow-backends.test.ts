/**
 * A slow backend is not a dead one. Real-shaped generated runs (bench/generate.ts, from the real ClawLoop sample) are
 * replayed by the CLI with its default settings into real, slow backends — Jaeger behind a loopback proxy that adds
 * latency, 503 "at capacity" bursts and answers slower than the OTLP time limit; Phoenix on sqlite; MLflow with
 * traces; a real Langfuse — and must exit 0 with every span, run, metric point, annotation and assessment read back. The proxy's
 * request log proves that no span was in two requests alive at the same time (a timed-out export is aborted before
 * it is sent again). The 2 500-episode version of these replays runs in `pnpm bench` (minutes per backend).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRun } from '../../bench/generate.js';
import type { CanonicalEvent, EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { episodeSpanIds } from '../../src/transports/otel/index.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { startFaultProxy, type Fault, type LoggedRequest } from '../helpers/fault-proxy.js';
import { requireSample } from '../helpers/paths.js';
import { expectRunInLangfuse } from './langfuse-expected.js';
import { startJaeger, type Jaeger } from './servers/jaeger.js';
import { startLangfuse, type LangfuseServer } from './servers/langfuse.js';
import { startMlflow, type Mlflow } from './servers/mlflow.js';
import { startPhoenix, type Phoenix } from './servers/phoenix.js';
import { fetchForReadBack } from './servers/process.js';

const work = mkdtempSync(join(tmpdir(), 'clawloop-slow-'));
let sample: CanonicalEvent[];

beforeAll(async () => {
  sample = (await collect(requireSample())).events;
});

/** A generated run on disk and its events. */
function run(name: string, iterations: number, perIteration: number) {
  const path = join(work, `${name}.ndjson`);
  generateRun(sample, path, iterations, perIteration, `slow-${name}`);
  const events = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CanonicalEvent);
  return {
    path,
    events,
    episodes: events.filter((e): e is EpisodeEvent => e.type === 'episode'),
    iterations: events.filter((e): e is IterationEvent => e.type === 'iteration'),
  };
}

const spansOf = (e: EpisodeEvent) =>
  1 + (e.episode.messages ?? []).filter((m) => m.role === 'assistant').reduce((n, m) => n + 1 + (m.tool_calls?.length ?? 0), 0);
const poll = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T> => {
  const until = performance.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || performance.now() > until) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
};

/** Span ids (trace + span) in an OTLP/JSON request body. */
function spanKeys(request: LoggedRequest): string[] {
  const body = JSON.parse(request.body.toString('utf8')) as {
    resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ traceId: string; spanId: string }> }> }>;
  };
  return (body.resourceSpans ?? []).flatMap((r) =>
    (r.scopeSpans ?? []).flatMap((s) => (s.spans ?? []).map((sp) => `${sp.traceId}/${sp.spanId}`)),
  );
}

describe('otel → a slow Jaeger (latency, 503 bursts, answers past the OTLP time limit)', () => {
  let jaeger: Jaeger;
  beforeAll(async () => {
    jaeger = await startJaeger();
  }, 120_000);
  afterAll(async () => jaeger?.stop());

  it('default settings: exit 0, every episode read back, and no span in two requests alive at once', async () => {
    const { path, episodes } = run('jaeger', 60, 10);
    const fault = (n: number): Fault => {
      if ((n >= 3 && n <= 6) || (n >= 14 && n <= 16))
        return { status: 503, headers: n % 2 ? { 'retry-after': '1' } : {}, body: 'Server is at capacity' };
      if (n === 8 || n === 11) return { delayMs: 4000 }; // past OTEL_EXPORTER_OTLP_TIMEOUT: the client gives up
      return { delayMs: 50 + ((n * 37) % 300) };
    };
    const proxy = await startFaultProxy(jaeger.otlpHttp, fault);
    try {
      const { code, stderr } = await runCliAsync(['replay', path, '--sink', 'otel', '-q'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: proxy.url,
        // OTLP/JSON so this test can read span ids in the proxy's log; a 2 s OTLP limit so the 4 s answers time out.
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_TIMEOUT: '2000',
      });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/otel\s+ok\s+sent (\d+)\/\1,.*busy answers [1-9]/);
    } finally {
      await proxy.close();
    }
    const log = proxy.log.filter((r) => r.path.startsWith('/v1/traces'));
    expect(log.length).toBeGreaterThan(16);
    expect(log.filter((r) => r.status === 503).length).toBe(7);
    // No span was in two requests whose lifetimes overlap (from arrival to answer sent or connection closed).
    const keyed = log.map((r) => ({ r, keys: new Set(spanKeys(r)) }));
    for (let i = 0; i < keyed.length; i += 1) {
      for (let j = i + 1; j < keyed.length; j += 1) {
        const [a, b] = [keyed[i], keyed[j]];
        if (a.r.start >= (b.r.end ?? Infinity) || b.r.start >= (a.r.end ?? Infinity)) continue;
        const shared = [...a.keys].filter((k) => b.keys.has(k));
        expect(shared, `requests ${a.r.n} and ${b.r.n} were alive together with ${shared.length} of the same spans`).toEqual([]);
      }
    }
    // The answers slower than the OTLP limit were given up on by the client (the connection closed), not left running.
    const requestLog = log
      .map((r) => `#${r.n} ${r.status ?? '-'} ${Math.round((r.end ?? NaN) - r.start)} ms${r.aborted ? ' aborted' : ''}`)
      .join(', ');
    expect(log.filter((r) => r.aborted).length, requestLog).toBeGreaterThanOrEqual(2);
    for (const e of episodes) {
      const traceId = episodeSpanIds(e.run_id, e.episode.id).traceId;
      const spans = await poll(
        () => jaeger.trace(traceId),
        (s) => new Set(s.map((x) => x.spanID)).size >= spansOf(e),
        10_000,
      );
      expect(new Set(spans.map((s) => s.spanID)).size, `episode ${e.episode.id}`).toBe(spansOf(e));
    }
  }, 300_000);
});

describe('phoenix → a real Phoenix on sqlite', () => {
  let phoenix: Phoenix;
  beforeAll(async () => {
    phoenix = await startPhoenix();
  }, 200_000);
  afterAll(async () => phoenix?.stop());

  it('default settings: exit 0, every span and every reward annotation read back', async () => {
    const { path, episodes, iterations } = run('phoenix', 20, 10);
    const project = 'slow-phoenix';
    const { code, stderr } = await runCliAsync(['replay', path, '--sink', 'phoenix', '-q'], {
      PHOENIX_COLLECTOR_ENDPOINT: phoenix.url,
      PHOENIX_PROJECT_NAME: project,
    });
    expect(code, stderr).toBe(0);
    const expectedSpans = episodes.reduce((n, e) => n + spansOf(e), 0) + iterations.length;
    const spans = await poll(
      () => phoenix.spans(project),
      (s) => s.length >= expectedSpans,
      120_000,
    );
    expect(spans).toHaveLength(expectedSpans);
    for (const e of episodes) {
      const { traceId } = episodeSpanIds(e.run_id, e.episode.id);
      expect(
        spans.filter((s) => s.context.trace_id === traceId),
        `episode ${e.episode.id}`,
      ).toHaveLength(spansOf(e));
    }
    // Annotations: every reward signal and the effective reward, on each episode's root span.
    const roots = episodes.map((e) => episodeSpanIds(e.run_id, e.episode.id).root);
    const expected = episodes.reduce((n, e) => n + Object.keys(e.episode.summary.signals).length + 1, 0);
    const read = async () => {
      let all: Array<{ span_id: string; name: string }> = [];
      for (let i = 0; i < roots.length; i += 50) {
        const params = new URLSearchParams({ limit: '10000' });
        for (const id of roots.slice(i, i + 50)) params.append('span_ids', id);
        const res = await fetchForReadBack(`${phoenix.url}/v1/projects/${project}/span_annotations?${params.toString()}`);
        all = all.concat(((await res.json()) as { data: Array<{ span_id: string; name: string }> }).data);
      }
      return all;
    };
    // Phoenix attaches an annotation once its span is ingested, retrying every 10 s: wait for them.
    const annotations = await poll(read, (a) => a.length >= expected, 180_000);
    expect(annotations).toHaveLength(expected);
    for (const e of episodes) {
      const root = episodeSpanIds(e.run_id, e.episode.id).root;
      expect(
        annotations
          .filter((a) => a.span_id === root)
          .map((a) => a.name)
          .sort(),
      ).toEqual([...Object.keys(e.episode.summary.signals), 'effective_reward'].sort());
    }
  }, 600_000);
});

describe('mlflow → a real MLflow with traces', () => {
  let mlflow: Mlflow;
  beforeAll(async () => {
    mlflow = await startMlflow();
  }, 200_000);
  afterAll(async () => mlflow?.stop());

  it('default settings: exit 0, every run, metric point, trace and assessment read back', async () => {
    const { path, episodes, iterations } = run('mlflow', 20, 10);
    const { code, stderr } = await runCliAsync(['replay', path, '--sink', 'mlflow', '-q'], {
      MLFLOW_TRACKING_URI: mlflow.url,
      MLFLOW_EXPERIMENT_NAME: 'slow-mlflow',
    });
    expect(code, stderr).toBe(0);
    const { experiment } = await mlflow.get<{ experiment: { experiment_id: string } }>('/api/2.0/mlflow/experiments/get-by-name', {
      experiment_name: 'slow-mlflow',
    });
    const runs =
      (
        await mlflow.post<{ runs?: Array<{ info: { run_id: string }; data: { tags?: Array<{ key: string; value: string }> } }> }>(
          '/api/2.0/mlflow/runs/search',
          { experiment_ids: [experiment.experiment_id], max_results: 1000 },
        )
      ).runs ?? [];
    expect(runs).toHaveLength(1 + iterations.length);
    const parent = runs.find((r) => r.data.tags?.some((t) => t.key === 'clawloop.role' && t.value === 'run'))!;
    const curve =
      (
        await mlflow.get<{ metrics?: Array<{ step: number }> }>('/api/2.0/mlflow/metrics/get-history', {
          run_id: parent.info.run_id,
          metric_key: 'reward.mean',
        })
      ).metrics ?? [];
    expect(curve.map((m) => m.step).sort((a, b) => a - b)).toEqual(iterations.map((it) => it.iteration));
    const traces: Array<{ trace_id: string; assessments?: Array<{ assessment_name: string }> }> = [];
    let pageToken: string | undefined;
    do {
      const page = await mlflow.post<{ traces?: typeof traces; next_page_token?: string }>('/api/3.0/mlflow/traces/search', {
        locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experiment.experiment_id } }],
        max_results: 500,
        ...(pageToken ? { page_token: pageToken } : {}),
      });
      traces.push(...(page.traces ?? []));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    expect(traces).toHaveLength(episodes.length);
    const assessments = traces.reduce((n, t) => n + (t.assessments?.length ?? 0), 0);
    expect(assessments).toBe(episodes.reduce((n, e) => n + Object.keys(e.episode.summary.signals).length + 1, 0));
  }, 600_000);
});

describe('langfuse → a real Langfuse', () => {
  let langfuse: LangfuseServer;
  beforeAll(async () => {
    langfuse = await startLangfuse();
  }, 300_000);
  afterAll(async () => langfuse?.stop());

  it('default settings: exit 0, every trace, observation and score read back', async () => {
    const { path, events, episodes } = run('langfuse', 10, 10);
    const { code, stderr } = await runCliAsync(['replay', path, '--sink', 'langfuse', '-q'], langfuse.sinkEnv());
    expect(code, stderr).toBe(0);
    const counts = await expectRunInLangfuse(langfuse, events);
    expect(counts.scores).toBeGreaterThanOrEqual(episodes.length);
  }, 900_000);
});
