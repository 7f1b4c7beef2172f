/**
 * clawloop-sinks/otel: ClawLoop episodes, iterations and evolution steps as OpenTelemetry spans, to any OTLP backend
 * (or to your own SpanExporter). Configured by OpenTelemetry's standard OTEL_* variables.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { createOtelAdapter, type OtelMapped, type OtelTransport } from '../../../generated/otel/adapter.gen.js';
import type { SendOptions } from '../../core/adapter-sink.js';
import type { Sink } from '../../core/sink.js';
import { resolveOtlpConfig, type OtlpOptions } from '../../otlp/config.js';
import { createOtlpExporter, exportSpans, loadResources, OTLP_CONCURRENCY } from '../../otlp/export.js';
import { SpanAssembler } from '../../otlp/assembler.js';

export { episodeSpanIds, iterationSpanIds } from '../../otlp/spans.js';
export { SpanAssembler } from '../../otlp/assembler.js';

export interface OtelSinkOptions extends OtlpOptions {
  /** Sink name in counters and warnings. @default 'otel' */
  name?: string;
  /** Your own exporter (e.g. an InMemorySpanExporter, or one with custom auth); OTEL_EXPORTER_* are then not used. */
  exporter?: SpanExporter;
}

export class OtelTransportImpl implements OtelTransport {
  constructor(
    private readonly exporter: SpanExporter,
    private readonly assembler: SpanAssembler,
    private readonly name: string,
  ) {}

  async send(batch: readonly OtelMapped[], options?: SendOptions): Promise<void> {
    const spans = this.assembler.spans(
      batch.map((m) => {
        switch (m.type) {
          case 'episode':
            return { event: m.event, episode: { episode: m['span.episode'], evaluation: m['event.evaluation'], llm: m['span.llm'], tool: m['span.tool'] } };
          case 'iteration':
            return { event: m.event, iteration: m['span.iteration'] };
          case 'evolution':
            return { event: m.event, evolution: m['span.evolution'] };
          default:
            return { event: m.event };
        }
      }),
    );
    await exportSpans(this.exporter, spans, this.name, options?.signal);
  }

  async flush(): Promise<void> {
    await this.exporter.forceFlush?.();
  }

  async close(): Promise<void> {
    await this.exporter.shutdown();
  }
}

/** Creates the otel sink (async: it loads the OpenTelemetry packages, which are optional peers). */
export async function createOtelSink(options: OtelSinkOptions = {}): Promise<Sink> {
  const name = options.name ?? 'otel';
  const config = resolveOtlpConfig(options);
  const { resourceFromAttributes } = await loadResources(name);
  const exporter = options.exporter ?? (await createOtlpExporter(name, config));
  const assembler = new SpanAssembler(resourceFromAttributes, config);
  return createOtelAdapter(new OtelTransportImpl(exporter, assembler, name), { name, concurrency: OTLP_CONCURRENCY });
}
