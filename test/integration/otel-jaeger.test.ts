/**
 * The otel sink end to end against a real OTLP backend (Jaeger v2, built from the Go module proxy, loopback only):
 * the real ClawLoop sample replayed through the CLI, read back through Jaeger's query API and compared with the
 * source episodes — span tree, names, parents, attributes, events and status. Also: backend down, 503 then recovery.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { Hub } from '../../src/core/hub.js';
import { effectiveReward } from '../../src/core/rewards.js';
import { createOtelSink, episodeSpanIds, iterationSpanIds } from '../../src/transports/otel/index.js';
import { secondsToHrTime } from '../../src/otlp/time.js';
import { chaos, expectCleanExit, logChaos, repeatedRuns } from '../helpers/chaos.js';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { decodeOtlp, otlpNames, undeclaredNames } from '../helpers/declared-names.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { requireSample } from '../helpers/paths.js';
import { startJaeger, tag, type Jaeger, type JaegerSpan } from './servers/jaeger.js';

const sample = requireSample();
let jaeger: Jaeger;
let episodes: EpisodeEvent[];
let iterations: IterationEvent[];

beforeAll(async () => {
  jaeger = await startJaeger();
  const { events } = await collect(sample);
  episodes = events.filter((e): e is EpisodeEvent => e.type === 'episode');
  iterations = events.filter((e): e is IterationEvent => e.type === 'iteration');
});
afterAll(async () => jaeger?.stop());

async function waitForTrace(traceId: string, spans: number): Promise<JaegerSpan[]> {
  for (let i = 0; i < 80; i += 1) {
    const found = await jaeger.trace(traceId);
    if (found.length >= spans) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  return jaeger.trace(traceId);
}

function expectedSpanCount(e: EpisodeEvent): number {
  const assistants = e.episode.messages!.filter((m) => m.role === 'assistant');
  return 1 + assistants.length + assistants.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0);
}

async function checkEpisodes(runId: string) {
  for (const e of episodes) {
    const ids = episodeSpanIds(runId, e.episode.id);
    const spans = await waitForTrace(ids.traceId, expectedSpanCount(e));
    expect(spans, `trace of episode ${e.episode.id}`).toHaveLength(expectedSpanCount(e));
    const root = spans.find((s) => s.references.length === 0)!;
    expect(root.operationName).toBe(`episode:${e.episode.id}`);
    expect(root.spanID).toBe(ids.root);
    const [sec, nanos] = secondsToHrTime(e.episode.created_at!);
    expect(root.startTime).toBe(sec * 1_000_000 + Math.floor(nanos / 1000));
    expect(tag(root, 'clawloop.task.id')).toBe(e.episode.task_id);
    expect(tag(root, 'clawloop.session.id')).toBe(e.episode.session_id);
    expect(tag(root, 'openinference.span.kind')).toBe('AGENT');
    expect(tag(root, 'clawloop.reward.effective')).toBeCloseTo(effectiveReward(e.episode.summary.signals), 9);
    expect(root.logs.some((l) => l.fields.some((f) => f.value === 'gen_ai.evaluation.result'))).toBe(true);

    e.episode.messages!.forEach((m, i) => {
      if (m.role !== 'assistant') return;
      const llm = spans.find((s) => s.spanID === ids.llm(i))!;
      expect(llm.operationName).toMatch(/^llm:step\d+$/);
      expect(llm.references[0].spanID).toBe(ids.root);
      expect(tag(llm, 'openinference.span.kind')).toBe('LLM');
      expect(tag(llm, 'output.value') ?? '').toBe(m.content);
      for (const call of m.tool_calls ?? []) {
        const tool = spans.find((s) => s.spanID === ids.tool(i, call.id))!;
        expect(tool.operationName).toBe(`tool:${call.name}`);
        expect(tool.references[0].spanID).toBe(ids.llm(i));
        expect(tag(tool, 'tool.parameters')).toBe(call.arguments);
        expect(tool.duration).toBe(Math.round((call.latency_ms ?? 0) * 1000));
        if (call.success === false) {
          expect(tag(tool, 'otel.status_code')).toBe('ERROR');
          expect(tag(tool, 'error')).toBe(true);
          expect(tool.logs.flatMap((l) => l.fields).find((f) => f.key === 'exception.message')?.value).toBe(
            call.error ?? 'tool call failed',
          );
        } else {
          expect(tag(tool, 'otel.status_code')).toBeUndefined();
        }
      }
    });
  }
}

describe('otel sink → Jaeger v2 (real OTLP backend)', () => {
  it('replays the sample over OTLP/protobuf: every episode is a correct span tree in Jaeger', async () => {
    const started = Date.now();
    const { code, stderr } = runCli(['replay', sample, '--sink', 'otel', '--quiet'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttp,
      OTEL_SERVICE_NAME: 'clawloop-ci',
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/otel\s+ok\s+sent 20\/20/);
    await checkEpisodes(episodes[0].run_id);
    for (const it of iterations) {
      const ids = iterationSpanIds(it.run_id, it.iteration);
      const spans = await waitForTrace(ids.traceId, 2);
      const span = spans.find((s) => s.spanID === ids.root)!;
      expect(span.operationName).toBe(`iteration:${it.iteration}`);
      expect(span.references).toEqual([]);
      expect(tag(span, 'clawloop.run.id')).toBe(it.run_id);
      expect(tag(span, 'clawloop.state.combined')).toBe(it.state_id?.combined_hash);
      expect(tag(span, 'clawloop.playbook.size')).toBe(it.playbook?.entries.length);
      const evolution = spans.find((s) => s.spanID === ids.evolution);
      expect(evolution?.references[0].spanID).toBe(ids.root);
    }
    const services = (await (await fetch(`${jaeger.query}/api/services`)).json()) as { data: string[] };
    expect(services.data).toContain('clawloop-ci');
    process.stdout.write(`otel→jaeger: ${episodes.length} episodes replayed and read back in ${Date.now() - started} ms\n`);
  });

  it('also speaks OTLP/JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json), under another run id', async () => {
    const { code, stderr } = runCli(['replay', sample, '--sink', 'otel', '--quiet', '--run-id', 'json-run'], {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${jaeger.otlpHttp}/v1/traces`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    expect(code, stderr).toBe(0);
    await checkEpisodes('json-run');
  });

  it('backend down for the whole replay: the replay completes, exit 3, the summary says what was not delivered', () => {
    const started = Date.now();
    const { code, stderr } = runCli(
      ['replay', sample, '--sink', 'otel,report', '--out', join(jaeger.dir, 'r.html'), '--quiet', '--timeout', '3000'],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      },
    );
    expect(code).toBe(3);
    expect(stderr).toMatch(/otel\s+INCOMPLETE\s+sent \d+\/20, .*not delivered (1\d|20),/);
    expect(stderr).toMatch(/report\s+ok\s+sent 20\/20/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(readFileSync(join(jaeger.dir, 'r.html'), 'utf8')).toContain('Lowest effective reward');
  });

  it('503 then recovery: retried, nothing lost, nothing duplicated', async () => {
    // 7 refusals outlast the OTLP exporter's own 5 attempts, so the hub's retry is exercised too.
    const proxy = await startFaultProxy(jaeger.otlpHttp, (n) => (n <= 7 ? { status: 503, headers: { 'retry-after': '0' } } : 'forward'));
    try {
      const { code, stderr } = await runCliAsync(['replay', sample, '--sink', 'otel', '--run-id', 'flaky-run'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: proxy.url,
      });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/otel\s+ok\s+sent 20\/20/);
      expect(stderr).toMatch(/otel\s+ok\s+sent 20\/20, retried [1-9]\d*, dropped 0, failed 0/);
      expect(proxy.requests).toBeGreaterThan(7);
      await checkEpisodes('flaky-run');
    } finally {
      await proxy.close();
    }
  });

  it('every attribute name on the wire (resource, span, event) is declared in the otel spec and listed in MAPPINGS.md', async () => {
    const proxy = await startFaultProxy(jaeger.otlpHttp, () => 'forward');
    try {
      const { code, stderr } = await runCliAsync(['replay', sample, '--sink', 'otel', '--quiet', '--run-id', 'names-run'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: proxy.url,
      });
      expect(code, stderr).toBe(0);
      const names = new Set(proxy.log.filter((r) => r.path.startsWith('/v1/traces')).flatMap((r) => otlpNames(decodeOtlp(r.body))));
      expect(names).toContain('openinference.span.kind');
      expect(names).toContain('exception.message');
      expect(undeclaredNames('otel', names)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

/**
 * Seeded chaos in front of Jaeger (test/helpers/chaos.ts), with four exports in flight at once: an error answer
 * arriving while a sibling export is still slow must fail that export only. Jaeger's in-memory store keeps a re-sent
 * span twice under its id (documented), so what is checked is that every expected span id is there and no other.
 */
describe('otel sink → Jaeger through seeded chaos', () => {
  async function expectEverySpan(runId: string) {
    for (const e of episodes) {
      const ids = episodeSpanIds(runId, e.episode.id);
      const expected = new Set([ids.root]);
      e.episode.messages!.forEach((m, i) => {
        if (m.role !== 'assistant') return;
        expected.add(ids.llm(i));
        for (const call of m.tool_calls ?? []) expected.add(ids.tool(i, call.id));
      });
      const spans = await waitForTrace(ids.traceId, expected.size);
      expect(new Set(spans.map((s) => s.spanID)), `trace of episode ${e.episode.id}`).toEqual(expected);
    }
    for (const it of iterations) {
      const ids = iterationSpanIds(runId, it.iteration);
      const spans = await waitForTrace(ids.traceId, 2);
      expect(spans.map((s) => s.spanID)).toContain(ids.root);
    }
  }

  it('the CLI replays the sample (as 20 runs) through seeded faults: exit 0, never a crash, every span delivered', async () => {
    // Few exports (a call takes up to 100 events): more of them slow, so that siblings in flight meet early errors.
    const faults = chaos(31337, { slow: 0.35 });
    const proxy = await startFaultProxy(jaeger.otlpHttp, faults.decide);
    const { file, runIds } = repeatedRuns((await collect(sample)).events, 20, 'chaos-otel');
    try {
      const result = await runCliAsync(['replay', file, '--sink', 'otel', '--quiet'], { OTEL_EXPORTER_OTLP_ENDPOINT: proxy.url });
      logChaos('otel cli', faults, proxy.requests, result.stderr);
      expectCleanExit(result);
      expect(result.stderr).toMatch(/otel\s+ok\s+sent 400\/400/);
      expect(Object.keys(faults.injected).some((k) => k.startsWith('early'))).toBe(true);
      for (const runId of runIds) await expectEverySpan(runId);
    } finally {
      await proxy.close();
    }
  });

  it('in process (the library path): a hub with the otel sink through the same faults leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const faults = chaos(99, { slow: 0.35 });
    const proxy = await startFaultProxy(jaeger.otlpHttp, faults.decide);
    try {
      const sink = await createOtelSink({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: proxy.url } });
      // Small batches: more exports in flight side by side, so more early errors beside slow siblings.
      const hub = new Hub([sink], {
        onWarning: () => {},
        batchSize: 3,
        retry: { baseMs: 50, maxMs: 500 },
        breaker: { cooldownMs: 500 },
      });
      for (const e of (await collect(sample)).events) hub.emit({ ...e, run_id: 'chaos-otel-lib' });
      const report = await hub.close({ timeoutMs: 60_000 });
      await new Promise((r) => setTimeout(r, 100));
      logChaos('otel in process', faults, proxy.requests);
      expect(unhandled).toEqual([]);
      expect(report.complete, JSON.stringify(report.sinks)).toBe(true);
      await expectEverySpan('chaos-otel-lib');
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await proxy.close();
    }
  });
});
