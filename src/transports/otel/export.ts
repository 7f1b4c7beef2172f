/**
 * Span export through the official OTLP exporters (optional peer packages, loaded only when an OTLP sink is created),
 * with export failures turned into SinkErrors the hub can retry or give up on.
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { SinkError } from '../../core/errors.js';
import { MissingPeerError } from '../../core/peers.js';
import type { OtlpConfig } from './config.js';

async function load<T>(sink: string, name: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') throw new MissingPeerError(sink, [name]);
    throw error;
  }
}

export async function createOtlpExporter(sink: string, config: OtlpConfig): Promise<SpanExporter> {
  const options = { url: config.url, headers: config.headers, timeoutMillis: config.timeoutMs, ...(config.compression === 'gzip' ? { compression: 'gzip' as never } : {}) };
  if (config.protocol === 'http/json') {
    const { OTLPTraceExporter } = await load(sink, '@opentelemetry/exporter-trace-otlp-http', () => import('@opentelemetry/exporter-trace-otlp-http'));
    return new OTLPTraceExporter(options);
  }
  const { OTLPTraceExporter } = await load(sink, '@opentelemetry/exporter-trace-otlp-proto', () => import('@opentelemetry/exporter-trace-otlp-proto'));
  return new OTLPTraceExporter(options);
}

export async function loadResources(sink: string) {
  return load(sink, '@opentelemetry/resources', () => import('@opentelemetry/resources'));
}

/** Exports spans; resolves on success, throws a SinkError saying whether a retry can help. */
export function exportSpans(exporter: SpanExporter, spans: ReadableSpan[], what: string): Promise<void> {
  if (spans.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => {
      if (result.code === 0) return resolve();
      const error = result.error as (Error & { code?: number; data?: string }) | undefined;
      const status = typeof error?.code === 'number' ? error.code : undefined;
      const retryable = status === undefined || status === 408 || status === 429 || status >= 500;
      const detail = [error?.message, error?.data].filter(Boolean).join(': ').slice(0, 500);
      reject(new SinkError(`${what}: export of ${spans.length} spans failed${status ? ` (HTTP ${status})` : ''}: ${detail || 'unknown error'}`, { retryable, status, cause: error }));
    });
  });
}
