/**
 * The langfuse sink against the CONTRACT STAND-IN (fast, needs no server, runs everywhere): a loopback receiver
 * decodes what the sink sends to Langfuse's public endpoints, Langfuse's documented server mapping rules turn it into
 * the view a user would see, and request bodies are validated against Langfuse's published OpenAPI spec
 * (../shared/contracts/langfuse-openapi.yml). The same data against a real Langfuse 4.16.0 server:
 * test/integration/langfuse-real-server.test.ts.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { Hub } from '../../src/core/hub.js';
import { effectiveReward } from '../../src/core/rewards.js';
import { createLangfuseSink, runTraceId } from '../../src/transports/langfuse/index.js';
import { episodeSpanIds } from '../../src/otlp/spans.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { otlpNames, undeclaredNames, type OtlpBody } from '../helpers/declared-names.js';
import { requireSample } from '../helpers/paths.js';
import { langfuseView } from './langfuse-view.js';
import { langfuseRequestValidator } from './openapi.js';
import { startLangfuseReceiver, type LangfuseReceiver } from './receiver.js';

const sample = requireSample();
const KEYS = { publicKey: 'pk-lf-test-1234', secretKey: 'sk-lf-test-secret-5678' };
let receiver: LangfuseReceiver;
let episodes: EpisodeEvent[];

beforeAll(async () => {
  episodes = (await collect(sample)).events.filter((e): e is EpisodeEvent => e.type === 'episode');
});
beforeEach(async () => {
  receiver = await startLangfuseReceiver(KEYS);
});
afterEach(async () => receiver.close());

const replay = (extra: NodeJS.ProcessEnv = {}) =>
  runCliAsync(['replay', sample, '--sink', 'langfuse', '--quiet'], {
    LANGFUSE_PUBLIC_KEY: KEYS.publicKey,
    LANGFUSE_SECRET_KEY: KEYS.secretKey,
    LANGFUSE_HOST: receiver.url,
    LANGFUSE_TRACING_ENVIRONMENT: 'ci',
    LANGFUSE_RELEASE: 'v1.2.3',
    ...extra,
  });

function checkView() {
  const view = langfuseView(receiver.traces.map((t) => t.body));
  for (const e of episodes) {
    const ids = episodeSpanIds(e.run_id, e.episode.id);
    const trace = view.traces.get(ids.traceId)!;
    expect(trace.name).toBe(`toolbench/${e.episode.task_id}`);
    expect(trace.sessionId).toBe(e.episode.session_id);
    expect(trace.tags).toEqual(expect.arrayContaining(['toolbench', `task:${e.episode.task_id}`, `model:${e.episode.model}`]));
    expect(trace.metadata).toMatchObject({
      run_id: e.run_id,
      iteration: e.iteration,
      episode_id: e.episode.id,
      state_id: e.episode.state_id,
    });
    expect(trace.input).toBe(e.episode.messages!.find((m) => m.role === 'user')!.content);
    const obs = view.observations.filter((o) => o.traceId === ids.traceId);
    const root = obs.find((o) => o.id === ids.root)!;
    expect(root).toMatchObject({ type: 'AGENT', environment: 'ci', release: 'v1.2.3' });
    e.episode.messages!.forEach((m, i) => {
      if (m.role !== 'assistant') return;
      const gen = obs.find((o) => o.id === ids.llm(i))!;
      expect(gen).toMatchObject({
        type: 'GENERATION',
        model: m.model,
        parentObservationId: ids.root,
        output: m.content === '' ? undefined : m.content,
        usageDetails: { output: m.token_count },
      });
      expect((gen.input as Array<{ role: string }>).map((x) => x.role)).toEqual(e.episode.messages!.slice(0, i).map((x) => x.role));
      for (const call of m.tool_calls ?? []) {
        const tool = obs.find((o) => o.id === ids.tool(i, call.id))!;
        expect(tool).toMatchObject({
          type: 'TOOL',
          name: `tool:${call.name}`,
          parentObservationId: ids.llm(i),
          level: call.success === false ? 'ERROR' : 'DEFAULT',
        });
        expect(tool.input).toEqual(
          JSON.parse(
            JSON.stringify(
              (() => {
                try {
                  return JSON.parse(call.arguments);
                } catch {
                  return call.arguments;
                }
              })(),
            ),
          ),
        );
        if (call.success === false) expect(tool.statusMessage).toBe(call.error);
      }
    });
  }
  return view;
}

describe('langfuse sink → contract stand-in (Langfuse public API docs and OpenAPI; not a Langfuse server)', () => {
  it('sends each episode as a trace Langfuse maps to AGENT → GENERATION → TOOL, searchable by task, session, model', async () => {
    const { code, stderr } = await replay();
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/langfuse\s+ok\s+sent 20\/20/);
    for (const t of receiver.traces) {
      expect(t.contentType).toContain('application/x-protobuf');
      expect(t.headers['x-langfuse-ingestion-version']).toBe('4');
      expect(t.headers['content-encoding']).toBe('gzip');
    }
    checkView();
  });

  it('sends every reward signal, the effective reward and `filtered` as scores, valid per the OpenAPI spec, with stable ids', async () => {
    await replay();
    await replay();
    const validate = langfuseRequestValidator('/api/public/ingestion');
    for (const request of receiver.ingestion) expect(validate(request.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const all = receiver.ingestion.flatMap((r) => r.body.batch);
    const half = all.slice(0, all.length / 2);
    // The same ids on both replays (in any order: the sink's batches may complete out of order).
    expect(
      all
        .slice(all.length / 2)
        .map((s) => s.body.id)
        .sort(),
    ).toEqual(half.map((s) => s.body.id).sort());
    expect(half.map((s) => s.id).sort()).toEqual(
      all
        .slice(all.length / 2)
        .map((s) => s.id)
        .sort(),
    );
    for (const e of episodes) {
      const traceId = episodeSpanIds(e.run_id, e.episode.id).traceId;
      const mine = half.filter((s) => s.body.traceId === traceId);
      expect(mine.map((s) => s.body.name).sort()).toEqual(
        [...Object.keys(e.episode.summary.signals), 'effective_reward', 'filtered', 'normalized_reward'].sort(),
      );
      expect(mine.find((s) => s.body.name === 'effective_reward')!.body).toMatchObject({
        dataType: 'NUMERIC',
        value: effectiveReward(e.episode.summary.signals),
      });
      expect(mine.find((s) => s.body.name === 'filtered')!.body).toMatchObject({ dataType: 'BOOLEAN', value: 0 });
      for (const [name, signal] of Object.entries(e.episode.summary.signals)) {
        const score = mine.find((s) => s.body.name === name)!.body;
        expect(score).toMatchObject({ value: signal.value, dataType: 'NUMERIC', environment: 'ci' });
        expect(score.comment).toContain(`confidence ${signal.confidence}`);
      }
    }
    const runScores = half.filter((s) => s.body.traceId === runTraceId(episodes[0].run_id));
    expect(runScores.filter((s) => s.body.name === 'reward.mean')).toHaveLength(3);
  });

  it('also speaks OTLP/JSON to the same endpoint', async () => {
    const sink = await createLangfuseSink({
      ...KEYS,
      baseUrl: receiver.url,
      protocol: 'http/json',
      environment: 'ci',
      release: 'v1.2.3',
      env: {},
    });
    const hub = new Hub([sink], { onWarning: () => {} });
    for (const e of (await collect(sample)).events) hub.emit(e);
    const report = await hub.close();
    expect(report.complete).toBe(true);
    expect(receiver.traces.every((t) => t.contentType.includes('application/json'))).toBe(true);
    checkView();
  });

  it('counts and reports per-item errors of a 207 multi-status answer', async () => {
    receiver.rejectItems((item) => (item.body.name === 'judge' ? { status: 400, message: 'Invalid score name' } : undefined));
    const { code, stderr } = await replay();
    expect(code).toBe(3);
    expect(stderr).toMatch(/langfuse ingestion: \d+ of \d+ items rejected \([^)]*400 Invalid score name/);
    expect(stderr).toMatch(/langfuse\s+INCOMPLETE/);
  });

  it('does not retry 401, retries 429 (Retry-After) and 5xx, and never prints the keys', async () => {
    const bad = await runCliAsync(['replay', sample, '--sink', 'langfuse', '--quiet'], {
      LANGFUSE_PUBLIC_KEY: KEYS.publicKey,
      LANGFUSE_SECRET_KEY: 'sk-lf-wrong-9999',
      LANGFUSE_BASE_URL: receiver.url,
    });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/rejected \(not retryable\).*401/);
    expect(bad.stderr).not.toContain('sk-lf-wrong-9999');
    receiver.fail('ingestion', 2, 429, { 'retry-after': '1' });
    const limited = await replay();
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stderr).toMatch(/langfuse\s+ok\s+sent 20\/20, retried [1-9]/);
    receiver.fail('otel', 6, 503);
    const unavailable = await replay();
    expect(unavailable.code, unavailable.stderr).toBe(0);
  });

  it('every attribute and score name on the wire is declared in the langfuse spec and listed in MAPPINGS.md', async () => {
    const { code, stderr } = await replay();
    expect(code, stderr).toBe(0);
    const attributes = receiver.traces.flatMap((t) => otlpNames(t.body as OtlpBody));
    const scores = receiver.ingestion.flatMap((r) => r.body.batch.map((item) => String(item.body.name)));
    expect(attributes).toContain('langfuse.environment');
    expect(scores).toContain('effective_reward');
    expect(undeclaredNames('langfuse', new Set([...attributes, ...scores]))).toEqual([]);
  });
});
