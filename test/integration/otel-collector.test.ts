/**
 * The README's shared pipeline, for real: two "training machines" (two CLI replays with their own run ids, at the same
 * time) send to one OpenTelemetry Collector (built from the Go module proxy: OTLP receiver → batch → otlphttp
 * exporter) with nothing but OTEL_EXPORTER_OTLP_ENDPOINT; the Collector forwards to Jaeger, where every episode of
 * both runs is read back as a complete trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeEvent } from '../../generated/types.gen.js';
import { episodeSpanIds } from '../../src/transports/otel/index.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';
import { startJaeger, type Jaeger } from './servers/jaeger.js';
import { startCollector, type Collector } from './servers/otelcol.js';

const sample = requireSample();
let jaeger: Jaeger;
let collector: Collector;
let episodes: EpisodeEvent[];

beforeAll(async () => {
  jaeger = await startJaeger();
  collector = await startCollector(jaeger.otlpHttp);
  episodes = (await collect(sample)).events.filter((e): e is EpisodeEvent => e.type === 'episode');
}, 120_000);
afterAll(async () => {
  await collector?.stop();
  await jaeger?.stop();
});

function spanCount(e: EpisodeEvent): number {
  const assistants = (e.episode.messages ?? []).filter((m) => m.role === 'assistant');
  return 1 + assistants.length + assistants.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0);
}

describe('otel sink → OpenTelemetry Collector → Jaeger', () => {
  it('two machines share one Collector: every episode of both runs arrives complete', async () => {
    const machines = ['machine-a', 'machine-b'];
    const results = await Promise.all(
      machines.map((runId) =>
        runCliAsync(['replay', sample, '--sink', 'otel', '--quiet', '--run-id', runId], {
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.otlpHttp,
          OTEL_SERVICE_NAME: runId,
        }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    for (const runId of machines) {
      for (const e of episodes) {
        const { traceId } = episodeSpanIds(runId, e.episode.id);
        let spans = await jaeger.trace(traceId);
        // The Collector batches (200 ms) before it forwards: wait for the trace to be whole.
        for (let i = 0; i < 100 && spans.length < spanCount(e); i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          spans = await jaeger.trace(traceId);
        }
        expect(spans, `${runId} ${e.episode.id}`).toHaveLength(spanCount(e));
        expect(spans.find((s) => s.references.length === 0)?.operationName).toBe(`episode:${e.episode.id}`);
      }
    }
  }, 180_000);
});
