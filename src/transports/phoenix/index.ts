/**
 * clawloop-sinks/phoenix: OpenInference traces for Arize Phoenix (OTLP/protobuf, the only format Phoenix ingests),
 * reward signals as span annotations, a CHAIN span per iteration. Configured by PHOENIX_COLLECTOR_ENDPOINT,
 * PHOENIX_API_KEY and PHOENIX_PROJECT_NAME.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { createPhoenixAdapter, type PhoenixMapped, type PhoenixTransport } from '../../../generated/phoenix/adapter.gen.js';
import { SinkError } from '../../core/errors.js';
import type { Sink } from '../../core/sink.js';
import { SpanAssembler } from '../otel/assembler.js';
import { resolveOtlpConfig } from '../otel/config.js';
import { createOtlpExporter, exportSpans, loadResources } from '../otel/export.js';
import { episodeAnnotations, postAnnotations, type SpanAnnotation } from './annotations.js';
import { projectFor, resolvePhoenixConfig, type PhoenixConfig, type PhoenixOptions } from './config.js';

export { ANNOTATION_IDENTIFIER } from './annotations.js';
export { projectFor } from './config.js';

export interface PhoenixSinkOptions extends PhoenixOptions {
  /** Sink name in counters and warnings. @default 'phoenix' */
  name?: string;
  /** Longest attribute value before truncation with a marker. @default 32768 (the mapping's limit) */
  maxAttributeLength?: number;
  /** @internal your own exporter (tests) */
  exporter?: SpanExporter;
}

export class PhoenixTransportImpl implements PhoenixTransport {
  /**
   * Annotations of spans Phoenix may still be ingesting (it ingests asynchronously). They are posted with the next
   * batch, or at flush / close, so no send waits on ingestion.
   */
  private pending: SpanAnnotation[] = [];

  constructor(
    private readonly exporter: SpanExporter,
    private readonly assembler: SpanAssembler,
    private readonly config: PhoenixConfig,
    private readonly name: string,
  ) {}

  async send(batch: readonly PhoenixMapped[]): Promise<void> {
    const annotations: SpanAnnotation[] = [];
    const spans = this.assembler.spans(
      batch.map((m) => {
        if (m.type === 'episode') {
          annotations.push(...episodeAnnotations(m.event, m.annotations));
          return { event: m.event, episode: { episode: m['span.episode'], llm: m['span.llm'], tool: m['span.tool'] } };
        }
        if (m.type === 'iteration') return { event: m.event, iteration: m['span.iteration'] };
        return { event: m.event };
      }),
    );
    await exportSpans(this.exporter, spans, this.name);
    // The previous batch's spans have had time to be ingested: post their annotations now (a 404 leaves them pending).
    const ready = this.pending;
    this.pending = annotations;
    if (ready.length > 0) {
      try {
        await postAnnotations(this.config, ready, 0);
      } catch (error) {
        this.pending = [...ready, ...this.pending];
        if (!(error instanceof SinkError && error.status === 404)) throw error;
      }
    }
  }

  /** Posts every pending annotation, waiting out the ingestion race (404) within postAnnotations' budget. */
  async flush(): Promise<void> {
    await this.exporter.forceFlush?.();
    if (this.pending.length === 0) return;
    await postAnnotations(this.config, this.pending);
    this.pending = [];
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.exporter.shutdown();
    }
  }
}

export async function createPhoenixSink(options: PhoenixSinkOptions = {}): Promise<Sink> {
  const name = options.name ?? 'phoenix';
  const config = resolvePhoenixConfig(options);
  const otlp = resolveOtlpConfig({
    env: options.env ?? process.env,
    url: `${config.endpoint}/v1/traces`,
    headers: config.headers,
    protocol: 'http/protobuf',
    timeoutMs: config.timeoutMs,
    maxAttributeLength: options.maxAttributeLength,
  });
  const { resourceFromAttributes } = await loadResources(name);
  const exporter = options.exporter ?? (await createOtlpExporter(name, otlp));
  const assembler = new SpanAssembler(resourceFromAttributes, otlp, (runId, bench) => ({
    'clawloop.run.id': runId,
    'openinference.project.name': projectFor(config, bench),
  }));
  return createPhoenixAdapter(new PhoenixTransportImpl(exporter, assembler, config, name), { name });
}
