/**
 * The OTLP request bodies an OTLP sink sends for an input, built in process without a backend: the sink (mapping, span
 * assembly) with an exporter that keeps the spans, batches of `eventsPerRequest` events, each serialized as the sink's
 * sender does (src/otlp/trace-protobuf.ts: the bytes OpenTelemetry's protobuf serializer writes). Measures the CPU time of each stage, and gives
 * the bodies to replay into a backend at its best (bench/ingest-ceiling.ts).
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { CanonicalEvent } from '../generated/types.gen.js';
import type { Sink } from '../src/core/sink.js';
import { openSource } from '../src/sources/open-source.js';
import { encodeTraceRequest } from '../src/otlp/trace-protobuf.js';
import { createOtelSink } from '../src/transports/otel/index.js';
import { createPhoenixSink } from '../src/transports/phoenix/index.js';

interface TraceSerializer {
  serializeRequest(spans: readonly ReadableSpan[]): Uint8Array | undefined;
}

/** The protobuf serializer the OTLP sinks send with. */
export function protobufSerializer(): TraceSerializer {
  return { serializeRequest: encodeTraceRequest };
}

class KeepingExporter implements SpanExporter {
  spans: ReadableSpan[] = [];
  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.spans.push(...spans);
    done({ code: 0 });
  }
  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {}
}

export interface OtlpBodies {
  bodies: Uint8Array[];
  spans: number;
  bytes: number;
  /** CPU seconds: reading + validating the input, mapping + assembling spans, serializing. */
  cpu: { read: number; spans: number; serialize: number };
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Bodies for `input` as the `sink` (otel or phoenix: OpenInference attributes for each) would send them. */
export async function otlpBodies(input: string, sink: 'otel' | 'phoenix', eventsPerRequest: number, label = 'bench'): Promise<OtlpBodies> {
  let t = process.cpuUsage();
  const events: CanonicalEvent[] = [];
  for await (const e of openSource(input, { onProblem: () => {} })) events.push(e);
  const read = cpuSeconds(t);
  const exporter = new KeepingExporter();
  const target: Sink =
    sink === 'otel'
      ? await createOtelSink({ exporter, env: { OTEL_SERVICE_NAME: label } })
      : await createPhoenixSink({ exporter, annotations: 'off', projectName: label, env: {} });
  const serializer = protobufSerializer();
  const bodies: Uint8Array[] = [];
  let spans = 0;
  let build = 0;
  let serialize = 0;
  for (let i = 0; i < events.length; i += eventsPerRequest) {
    t = process.cpuUsage();
    await target.handle(events.slice(i, i + eventsPerRequest));
    const batch = exporter.spans;
    exporter.spans = [];
    build += cpuSeconds(t);
    if (batch.length === 0) continue;
    t = process.cpuUsage();
    bodies.push(serializer.serializeRequest(batch)!);
    serialize += cpuSeconds(t);
    spans += batch.length;
  }
  await target.close();
  return { bodies, spans, bytes: bodies.reduce((n, b) => n + b.length, 0), cpu: { read, spans: build, serialize } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, sink = 'otel', per = '100'] = process.argv.slice(2);
  const r = await otlpBodies(input, sink as 'otel' | 'phoenix', Number(per));
  process.stdout.write(JSON.stringify({ requests: r.bodies.length, spans: r.spans, mb: r.bytes / 1e6, cpu: r.cpu }) + '\n');
}
