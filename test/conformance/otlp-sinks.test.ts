/**
 * The OTLP sinks (otel, phoenix, langfuse) against the shared conformance suite, each sending over HTTP to a loopback
 * stand-in that records what arrives: its backend records are the spans (by trace and span id, run id from the
 * resource or the span), Phoenix's annotations (by span and name, run of the span they annotate) and Langfuse's
 * scores (by score id, run from the score's metadata).
 */
import { afterAll } from 'vitest';
import { createLangfuseSink } from '../../src/transports/langfuse/index.js';
import { createOtelSink } from '../../src/transports/otel/index.js';
import { createPhoenixSink } from '../../src/transports/phoenix/index.js';
import { attribute, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver.js';
import { startLangfuseReceiver, type LangfuseReceiver } from '../langfuse/receiver.js';
import { describeSinkConformance, type BackendRecord } from './sink-conformance.js';

const open: Array<OtlpReceiver | LangfuseReceiver> = [];
afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
});

const runOf = (span: ReceivedSpan) =>
  attribute(span.resource, 'clawloop.run.id') ?? attribute(span.attributes, 'clawloop.run.id') ?? '(no run id)';
const spanRecords = (spans: readonly ReceivedSpan[]): BackendRecord[] =>
  spans.map((s) => ({ id: `span/${s.traceId}/${s.spanId}`, runId: runOf(s) }));

describeSinkConformance('otel', {
  async create() {
    const receiver = await startOtlpReceiver();
    open.push(receiver);
    const sink = await createOtelSink({ url: `${receiver.url}/v1/traces`, protocol: 'http/json', env: {} });
    return { sink, readBack: async () => spanRecords(receiver.spans) };
  },
});

describeSinkConformance('phoenix', {
  async create() {
    const receiver = await startOtlpReceiver();
    open.push(receiver);
    const sink = await createPhoenixSink({ endpoint: receiver.url, projectName: 'conformance', env: {} });
    return {
      sink,
      async readBack() {
        const runBySpan = new Map(receiver.spans.map((s) => [s.spanId, runOf(s)]));
        const annotations = receiver.posts
          .filter((p) => p.path === '/v1/span_annotations')
          .flatMap((p) => (p.body as { data: Array<{ span_id: string; name: string }> }).data)
          .map((a) => ({ id: `annotation/${a.span_id}/${a.name}`, runId: runBySpan.get(a.span_id) ?? '(annotates no span)' }));
        return [...spanRecords(receiver.spans), ...annotations];
      },
    };
  },
});

describeSinkConformance('langfuse', {
  async create() {
    const credentials = { publicKey: 'pk-lf-conformance', secretKey: 'sk-lf-conformance' };
    const receiver = await startLangfuseReceiver(credentials);
    open.push(receiver);
    const sink = await createLangfuseSink({ ...credentials, baseUrl: receiver.url, protocol: 'http/json', env: {} });
    return {
      sink,
      async readBack() {
        const spans = receiver.traces.flatMap((t) =>
          (t.body.resourceSpans ?? []).flatMap((rs) =>
            (rs.scopeSpans ?? []).flatMap((ss) => (ss.spans ?? []).map((s) => ({ ...s, resource: rs.resource?.attributes ?? [] }))),
          ),
        );
        const scores = receiver.ingestion
          .flatMap((r) => r.body.batch)
          .filter((item) => item.type === 'score-create')
          .map((item) => {
            const body = item.body as { id: string; metadata?: { run_id?: string } };
            return { id: `score/${body.id}`, runId: body.metadata?.run_id ?? '(no run id)' };
          });
        return [...spanRecords(spans), ...scores];
      },
    };
  },
});
