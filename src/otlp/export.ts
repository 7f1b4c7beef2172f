/**
 * Span export for the OTLP sinks (optional peer packages, loaded only when an OTLP sink is created), with export
 * failures turned into SinkErrors the hub can classify (busy, outage, refused).
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { callSignal } from '../core/call-signal.js';
import { classifyStatus, SinkError } from '../core/errors.js';
import { MissingPeerError } from '../core/peers.js';
import type { OtlpConfig } from './config.js';
import { EXPORT_SUCCESS, OtlpHttpExporter } from './otlp-http.js';

/**
 * Calls the hub may have in flight per OTLP sink: one export does not depend on another (span and trace ids are
 * derived from the run, so order and re-sends do not matter), and a backend that is busy says so (the hub then backs
 * off to one).
 */
export const OTLP_CONCURRENCY = 4;

async function load<T>(sink: string, name: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') throw new MissingPeerError(sink, [name]);
    throw error;
  }
}

/**
 * The exporter an OTLP sink sends with: OTLP over HTTP through fetch, abortable by the hub (./otlp-http.ts). The
 * protocol's OpenTelemetry exporter package stays a required peer (a missing one is a MissingPeerError): JSON is
 * serialized by its otlp-transformer, and protobuf (./trace-protobuf.ts) is checked against it byte for byte.
 */
export async function createOtlpExporter(sink: string, config: OtlpConfig): Promise<SpanExporter> {
  if (config.protocol === 'http/json')
    await load(sink, '@opentelemetry/exporter-trace-otlp-http', () => import('@opentelemetry/exporter-trace-otlp-http'));
  else await load(sink, '@opentelemetry/exporter-trace-otlp-proto', () => import('@opentelemetry/exporter-trace-otlp-proto'));
  return new OtlpHttpExporter(config);
}

export async function loadResources(sink: string) {
  return load(sink, '@opentelemetry/resources', () => import('@opentelemetry/resources'));
}

/**
 * Exports spans; resolves on success, throws a SinkError saying what a failure means. `signal` (the hub's, for this
 * call) ends the request when the hub aborts it; an exporter passed in by the user (`exporter:` option) cannot be
 * aborted and is waited for.
 */
export function exportSpans(
  exporter: SpanExporter,
  spans: ReadableSpan[],
  what: string,
  signal: AbortSignal | undefined = callSignal(),
): Promise<void> {
  if (spans.length === 0) return Promise.resolve();
  if (exporter instanceof OtlpHttpExporter) return exporter.send(spans, what, signal);
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => {
      if (result.code === EXPORT_SUCCESS) return resolve();
      const error = result.error;
      if (error instanceof SinkError) return reject(error);
      // OTLPExporterError carries the HTTP status as `code` and the answer's body as `data`.
      const { code, data } = (error ?? {}) as { code?: unknown; data?: unknown };
      const status = typeof code === 'number' ? code : undefined;
      const detail = [error?.message, data].filter(Boolean).join(': ').slice(0, 500);
      const message = `${what}: export of ${spans.length} spans failed${status ? ` (HTTP ${status})` : ''}: ${detail || 'unknown error'}`;
      // One classifier for every status (src/core/errors.ts); without a status, the cause says what happened.
      const kind = status !== undefined ? classifyStatus(status, detail) : undefined;
      reject(new SinkError(message, { retryable: kind === undefined || kind === 'busy' || kind === 'outage', kind, status, cause: error }));
    });
  });
}
