/**
 * An OpenTelemetry Collector (built by `pnpm backends`) as the shared pipeline the README describes: OTLP/HTTP in on a
 * loopback port chosen per test, a batch processor, and an OTLP/HTTP exporter to the backend at `target`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { otelcolBinary } from '../../../scripts/backends/otelcol.js';
import { BACKENDS_CACHE, freePort, requireInstalled, startServer, type RunningServer } from './process.js';

export interface Collector extends RunningServer {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT. */
  otlpHttp: string;
}

export async function startCollector(target: string): Promise<Collector> {
  const binary = requireInstalled(otelcolBinary(BACKENDS_CACHE), 'the OpenTelemetry Collector');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'otelcol-'));
  writeFileSync(
    join(dir, 'config.yaml'),
    `receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${port}
processors:
  batch:
    timeout: 200ms
exporters:
  otlphttp/backend:
    endpoint: ${target}
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [otlphttp/backend]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
`,
  );
  const otlpHttp = `http://127.0.0.1:${port}`;
  const server = await startServer('otelcol', binary, ['--config', `file:${join(dir, 'config.yaml')}`], {
    dir,
    // Any HTTP answer on the receiver's port (405 to a GET) means it is listening.
    ready: async () => (await fetch(`${otlpHttp}/v1/traces`, { signal: AbortSignal.timeout(2000) })).status < 500,
  });
  return { ...server, otlpHttp };
}
