/**
 * clawloop-sinks/otel: ClawLoop episodes, iterations and evolution steps as OpenTelemetry spans, to any OTLP backend
 * (or to your own SpanExporter). Configured by OpenTelemetry's standard OTEL_* variables. The spans are the span tree
 * (schema/backends/span-tree.base.json) with otel's own attributes (otel.mapping.json); the I/O is src/otlp/.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { createOtelAdapter } from '../../../generated/otel/adapter.gen.js';
import type { Sink } from '../../core/sink.js';
import { resolveOtlpConfig, type OtlpOptions } from '../../otlp/config.js';
import { OTLP_CONCURRENCY } from '../../otlp/export.js';
import { OtlpPipeline } from '../../otlp/pipeline.js';

export { episodeSpanIds, iterationSpanIds } from '../../otlp/spans.js';
export { SpanAssembler } from '../../otlp/assembler.js';

export interface OtelSinkOptions extends OtlpOptions {
  /** Sink name in counters and warnings. @default 'otel' */
  name?: string;
  /** Your own exporter (e.g. an InMemorySpanExporter, or one with custom auth); OTEL_EXPORTER_* are then not used. */
  exporter?: SpanExporter;
}

/** Creates the otel sink (async: it loads the OpenTelemetry packages, which are optional peers). */
export async function createOtelSink(options: OtelSinkOptions = {}): Promise<Sink> {
  const name = options.name ?? 'otel';
  const pipeline = await OtlpPipeline.create({ sink: name, config: resolveOtlpConfig(options), exporter: options.exporter });
  return createOtelAdapter(pipeline, { name, concurrency: OTLP_CONCURRENCY });
}
