/**
 * Our OTLP/protobuf encoder writes the bytes OpenTelemetry's own serializer writes for the same spans: the sink's real
 * spans, and hand-made ones reaching every branch (each attribute value type, non-ASCII and broken UTF-16, lengths
 * needing 1 to 3 length bytes and a buffer that grows, events, links, trace state, remote parents, several resources
 * and scopes, times beyond 2^53 ns).
 */
import { createRequire } from 'node:module';
import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime, type Link } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, type ReadableSpan, type TimedEvent } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { Hub } from '../../src/core/hub.js';
import type { Sink } from '../../src/core/sink.js';
import { ReverseWriter } from '../../src/otlp/protobuf-writer.js';
import { encodeTraceRequest } from '../../src/otlp/trace-protobuf.js';
import { createOtelSink } from '../../src/transports/otel/index.js';
import { createPhoenixSink } from '../../src/transports/phoenix/index.js';
import { makeOtelEpisode } from '../otel/fixtures.js';

/** OpenTelemetry's serializer, from the installed OTLP/proto exporter package. */
function theirs(spans: ReadableSpan[]): Uint8Array {
  const fromExporter = createRequire(createRequire(import.meta.url).resolve('@opentelemetry/exporter-trace-otlp-proto'));
  const transformer = fromExporter('@opentelemetry/otlp-transformer') as {
    ProtobufTraceSerializer: { serializeRequest(spans: ReadableSpan[]): Uint8Array };
  };
  return transformer.ProtobufTraceSerializer.serializeRequest(spans);
}

function expectSameBytes(spans: ReadableSpan[]): void {
  const ours = Buffer.from(encodeTraceRequest(spans));
  const expected = Buffer.from(theirs(spans));
  expect(ours.length).toBe(expected.length);
  expect(ours.equals(expected)).toBe(true);
}

const resourceA = resourceFromAttributes({ 'service.name': 'a', 'clawloop.run.id': 'run-1' });
const resourceB = resourceFromAttributes({ 'service.name': 'b', n: 3, tags: ['x', 'y'] });
const scopeA = { name: 'clawloop-sinks', version: '0.1.0' };
const scopeB = { name: 'other', schemaUrl: 'https://opentelemetry.io/schemas/1.21.0' };

interface Made {
  name?: string;
  attributes?: Attributes;
  events?: TimedEvent[];
  links?: Link[];
  parent?: { spanId: string; isRemote: boolean };
  kind?: SpanKind;
  status?: ReadableSpan['status'];
  start?: HrTime;
  end?: HrTime;
  resource?: ReadableSpan['resource'];
  scope?: ReadableSpan['instrumentationScope'];
  traceState?: string;
}

function made(m: Made, i = 0): ReadableSpan {
  const traceId = '0123456789abcdef'.repeat(2);
  const spanId = (i + 1).toString(16).padStart(16, '0');
  const state = m.traceState;
  const context = {
    traceId,
    spanId,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: false,
    traceState:
      state === undefined ? undefined : { serialize: () => state, get: () => undefined, set: () => undefined!, unset: () => undefined! },
  };
  const start = m.start ?? [1_733_500_000, 123_456_789];
  const end = m.end ?? [1_733_500_001, 999_999_999];
  return {
    name: m.name ?? `span ${i}`,
    kind: m.kind ?? SpanKind.INTERNAL,
    spanContext: () => context,
    parentSpanContext: m.parent
      ? { traceId, spanId: m.parent.spanId, traceFlags: TraceFlags.SAMPLED, isRemote: m.parent.isRemote }
      : undefined,
    startTime: start,
    endTime: end,
    duration: [1, 0],
    status: m.status ?? { code: SpanStatusCode.UNSET },
    attributes: m.attributes ?? {},
    links: m.links ?? [],
    events: m.events ?? [],
    ended: true,
    resource: m.resource ?? resourceA,
    instrumentationScope: m.scope ?? scopeA,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

async function sinkSpans(create: (exporter: InMemorySpanExporter) => Promise<Sink>) {
  const memory = new InMemorySpanExporter();
  const hub = new Hub([await create(memory)], { onWarning: () => {} });
  hub.emit(makeOtelEpisode({ withTools: true, nSteps: 6 }));
  hub.emit(makeOtelEpisode({ withTools: true, failTool: true, withTimestamps: false }));
  await hub.flush();
  const spans = memory.getFinishedSpans();
  await hub.close();
  return [...spans];
}

describe('OTLP/protobuf encoding', () => {
  it('the otel and phoenix sinks’ spans encode to the bytes OpenTelemetry’s serializer writes', async () => {
    const otel = await sinkSpans((exporter) => createOtelSink({ exporter, env: {} }));
    const phoenix = await sinkSpans((exporter) => createPhoenixSink({ exporter, annotations: 'off', env: {} }));
    expect(otel.length).toBeGreaterThan(5);
    expectSameBytes(otel);
    expectSameBytes(phoenix);
    expectSameBytes([...otel, ...phoenix]);
  });

  it('every attribute value type, and strings of every kind and length', () => {
    const long = (n: number, c = 'a') => c.repeat(n);
    const attributes: Attributes = {
      empty: '',
      ascii: 'plain text',
      accents: 'café ünïcödé',
      lastNotAscii: 'abcdefghijklmnopqrstuvwxyz1234é',
      'clé non-ASCII ü': 'a key of UTF-8 bytes',
      emoji: 'tools 🛠️ and 🧪',
      cjk: '模型输出',
      loneHigh: 'a\ud800b',
      loneLow: '\udc00end',
      marker: `${long(200)}…[truncated 40 chars]`,
      len127: long(127),
      len128: long(128),
      len16383: long(16_383),
      len16384: long(16_384),
      len3bytes: long(100_000, 'é'),
      int: 42,
      zero: 0,
      negative: -7,
      big: 2 ** 40 + 3,
      huge: 2 ** 62,
      double: 0.25,
      nan: NaN,
      infinity: Infinity,
      beyondInt64: 2 ** 64,
      yes: true,
      no: false,
      strings: ['a', 'é', ''],
      numbers: [1, 2.5, -3],
      booleans: [true, false],
      holes: ['x', null, undefined],
      none: undefined,
    };
    expectSameBytes([made({ attributes })]);
  });

  it('events, links, trace state, remote and local parents, error status, every span kind', () => {
    const events: TimedEvent[] = [
      { name: 'exception', time: [1_733_500_000, 5], attributes: { 'exception.message': 'boom ✗' } },
      { name: 'plain', time: [1_733_500_000, 999_999_999], droppedAttributesCount: 2 },
    ];
    const links: Link[] = [
      {
        context: { traceId: 'ABCDEF0123456789abcdef0123456789', spanId: '00000000000000ff', traceFlags: TraceFlags.NONE, isRemote: true },
        attributes: { why: 'follows' },
      },
      { context: { traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: TraceFlags.SAMPLED } },
    ];
    const spans = [
      made({ events, links, traceState: 'vendor=value', parent: { spanId: 'fedcba9876543210', isRemote: true } }, 0),
      made({ parent: { spanId: '0000000000000001', isRemote: false }, status: { code: SpanStatusCode.ERROR, message: 'tool failed' } }, 1),
      made({ status: { code: SpanStatusCode.OK } }, 2),
      ...[SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER].map((kind, i) =>
        made({ kind }, 3 + i),
      ),
    ];
    expectSameBytes(spans);
  });

  it('spans of several resources and scopes, in any order, grouped as OpenTelemetry groups them', () => {
    const spans = [
      made({ resource: resourceA, scope: scopeA }, 0),
      made({ resource: resourceB, scope: scopeB }, 1),
      made({ resource: resourceA, scope: scopeB }, 2),
      made({ resource: resourceB, scope: scopeA }, 3),
      made({ resource: resourceA, scope: scopeA }, 4),
      made({ resource: resourceFromAttributes({}), scope: { name: 'bare' } }, 5),
    ];
    expectSameBytes(spans);
  });

  it('times: 0, the epoch seconds of today and of far ahead (beyond 2^53 ns), every nanosecond digit', () => {
    const times: HrTime[] = [
      [0, 0],
      [0, 1],
      [1_733_500_000, 0],
      [1_733_500_000, 999_999_999],
      [4_294_967_295, 999_999_999],
      [9_000_000_000, 123_456_789],
      [65_535, 999_999_999],
      [65_536, 1],
    ];
    expectSameBytes(times.map((t, i) => made({ start: t, end: t }, i)));
  });

  it('a batch larger than the writer’s buffer grows it and keeps every byte', () => {
    const conversation = JSON.stringify(
      Array.from({ length: 400 }, (_, i) => ({ role: 'user', content: `message ${i} ${'x'.repeat(500)}` })),
    );
    const spans = Array.from({ length: 30 }, (_, i) =>
      made({ attributes: { 'llm.input_messages': conversation.slice(0, 2000 * (i + 1)) } }, i),
    );
    expectSameBytes(spans);
    expectSameBytes(spans.slice(0, 1));
  });

  it('the writer grows from a tiny buffer', () => {
    const w = new ReverseWriter(1);
    for (let i = 0; i < 1000; i += 1) w.string(`item ${i} ✓`);
    const text = Buffer.from(w.finish()).toString('latin1');
    expect(text.length).toBeGreaterThan(10_000);
    expect(Buffer.from(w.finish()).includes(Buffer.from('item 0 ✓'))).toBe(true);
  });
});
