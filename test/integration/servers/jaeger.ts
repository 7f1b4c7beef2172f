/** Jaeger v2 with in-memory storage on loopback ports chosen per test file; OTLP in, query API out. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jaegerBinary } from '../../../scripts/backends/jaeger.js';
import { BACKENDS_CACHE, fetchForReadBack, freePort, httpOk, requireInstalled, startServer, type RunningServer } from './process.js';

export interface Jaeger extends RunningServer {
  otlpHttp: string;
  query: string;
  /** Spans of one trace as Jaeger's query API returns them ([] when not found). */
  trace(traceId: string): Promise<JaegerSpan[]>;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: Array<{ refType: string; spanID: string }>;
  startTime: number;
  duration: number;
  tags: Array<{ key: string; type: string; value: unknown }>;
  logs: Array<{ timestamp: number; fields: Array<{ key: string; value: unknown }> }>;
  processID: string;
}

export function tag(span: JaegerSpan, key: string): unknown {
  return span.tags.find((t) => t.key === key)?.value;
}

export async function startJaeger(): Promise<Jaeger> {
  const binary = requireInstalled(jaegerBinary(BACKENDS_CACHE), 'Jaeger');
  const [otlpHttp, otlpGrpc, query, queryGrpc, health] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const dir = mkdtempSync(join(tmpdir(), 'jaeger-'));
  const config = `service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:${health}
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:${query}
    grpc:
      endpoint: 127.0.0.1:${queryGrpc}
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 200000
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:${otlpGrpc}
      http:
        endpoint: 127.0.0.1:${otlpHttp}
processors:
  batch:
    timeout: 50ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
  writeFileSync(join(dir, 'config.yaml'), config);
  const server = await startServer('jaeger', binary, ['--config', `file:${join(dir, 'config.yaml')}`], {
    dir,
    ready: () => httpOk(`http://127.0.0.1:${health}/status`),
  });
  const queryUrl = `http://127.0.0.1:${query}`;
  return {
    ...server,
    otlpHttp: `http://127.0.0.1:${otlpHttp}`,
    query: queryUrl,
    async trace(traceId) {
      const res = await fetchForReadBack(`${queryUrl}/api/traces/${traceId}`);
      if (res.status === 404) return [];
      const body = (await res.json()) as { data?: Array<{ spans: JaegerSpan[] }> };
      return body.data?.[0]?.spans ?? [];
    },
  };
}
