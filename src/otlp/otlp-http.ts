/**
 * OTLP over HTTP that the hub can abort. Spans are serialized as protobuf by ./trace-protobuf.ts (the bytes
 * OpenTelemetry's serializer writes, at a fraction of its CPU: our requests are mostly long conversation strings) or as
 * JSON by OpenTelemetry's own serializer (from the `@opentelemetry/otlp-transformer` that the installed OTLP exporter
 * package depends on, so versions always match), and POSTed with fetch. Unlike the SDK's exporter it retries nothing by itself (retries, back-pressure and the circuit
 * breaker live in the hub's worker) and it stops when the hub aborts the call: a timed-out export is over before the
 * hub sends the batch again.
 */
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { errorText } from '../core/error-text.js';
import { SinkError } from '../core/errors.js';
import { httpFailure, httpRequest } from '../core/http.js';
import { redactSecrets } from '../core/redact.js';
import type { OtlpConfig } from './config.js';
import { encodeTraceRequest } from './trace-protobuf.js';

// @opentelemetry/core is no peer of ours, so its ExportResultCode values are named here rather than imported.
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- the enum's own values, which the import cannot give */
export const EXPORT_SUCCESS = 0 as ExportResultCode.SUCCESS;
const EXPORT_FAILED = 1 as ExportResultCode.FAILED;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

const gzipAsync = promisify(gzip);

interface TraceSerializer {
  serializeRequest(spans: readonly ReadableSpan[]): Uint8Array | undefined;
}

/** OTLP/protobuf by ./trace-protobuf.ts. */
const PROTOBUF: TraceSerializer = { serializeRequest: encodeTraceRequest };

/** OTLP/JSON by the serializer of the exporter package that would otherwise send these spans (its own otlp-transformer). */
function loadSerializer(protocol: OtlpConfig['protocol']): TraceSerializer {
  if (protocol !== 'http/json') return PROTOBUF;
  const fromExporter = createRequire(createRequire(import.meta.url).resolve('@opentelemetry/exporter-trace-otlp-http'));
  return (fromExporter('@opentelemetry/otlp-transformer') as { JsonTraceSerializer: TraceSerializer }).JsonTraceSerializer;
}

/** A SpanExporter (for code that wants one) whose `send()` takes an AbortSignal and throws SinkErrors. */
export class OtlpHttpExporter implements SpanExporter {
  private readonly serializer: TraceSerializer;
  private readonly inFlight = new Set<Promise<unknown>>();
  private shutDown = false;

  constructor(private readonly config: OtlpConfig) {
    this.serializer = loadSerializer(config.protocol);
  }

  /** Exports `spans` in one request; resolves on 2xx, throws a SinkError saying what the failure means. */
  async send(spans: ReadableSpan[], what: string, signal?: AbortSignal): Promise<void> {
    if (spans.length === 0) return;
    if (this.shutDown) throw new SinkError(`${what}: exporter is shut down`, { retryable: false });
    const work = this.post(spans, what, signal);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  private async post(spans: ReadableSpan[], what: string, signal?: AbortSignal): Promise<void> {
    const { config } = this;
    const serialized = this.serializer.serializeRequest(spans);
    if (!serialized) throw new SinkError(`${what}: ${spans.length} spans could not be serialized`, { retryable: false });
    const gzipped = config.compression === 'gzip';
    const body = gzipped ? await gzipAsync(serialized) : serialized;
    const headers: Record<string, string> = {
      ...config.headers,
      'content-type': config.protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    };
    const result = await httpRequest({
      what,
      url: config.url,
      method: 'POST',
      headers,
      body,
      timeoutMs: config.timeoutMs,
      signal,
      bulk: true,
    });
    if (result.ok) return;
    const answer =
      result.status !== undefined
        ? ` (HTTP ${result.status}): ${(result.text ?? '').slice(0, 500)}`
        : `: ${result.reason.slice(what.length + 2)}`;
    throw httpFailure(result, redactSecrets(`${what}: export of ${spans.length} spans failed${answer}`));
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const report = (result: ExportResult) => {
      try {
        resultCallback(result);
      } catch {
        // The caller's callback threw: inside this promise chain that would be an unhandled rejection, which ends the
        // process; the caller's own error is not this exporter's to report.
      }
    };
    this.send(spans, 'otlp').then(
      () => report({ code: EXPORT_SUCCESS }),
      (error: unknown) => report({ code: EXPORT_FAILED, error: error instanceof Error ? error : new Error(errorText(error)) }),
    );
  }

  async forceFlush(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async shutdown(): Promise<void> {
    this.shutDown = true;
    await this.forceFlush();
  }
}
