/**
 * clawloop-sinks/phoenix: OpenInference traces for Arize Phoenix (OTLP/protobuf, the only format Phoenix ingests),
 * reward signals as span annotations, a CHAIN span per iteration. Configured by PHOENIX_COLLECTOR_ENDPOINT,
 * PHOENIX_API_KEY and PHOENIX_PROJECT_NAME.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { createPhoenixAdapter, type PhoenixMapped, type PhoenixTransport } from '../../../generated/phoenix/adapter.gen.js';
import type { PhoenixFields } from '../../../generated/phoenix/mapping.gen.js';
import type { SendOptions } from '../../core/adapter-sink.js';
import type { Sink } from '../../core/sink.js';
import { resolveOtlpConfig } from '../../otlp/config.js';
import { OTLP_CONCURRENCY } from '../../otlp/export.js';
import { OtlpPipeline, PipelineTransport } from '../../otlp/pipeline.js';
import { episodeAnnotations, postAnnotations } from './annotations.js';
import { projectFor, resolvePhoenixConfig, type PhoenixConfig, type PhoenixOptions } from './config.js';

export { ANNOTATION_IDENTIFIER } from './annotations.js';
export { projectFor } from './config.js';

export interface PhoenixSinkOptions extends PhoenixOptions {
  /** Sink name in counters and warnings. @default 'phoenix' */
  name?: string;
  /** Longest attribute value before truncation with a marker. @default 32768 (the mapping's limit) */
  maxAttributeLength?: number;
  /**
   * How annotations are posted: `async` lets Phoenix attach them once their span is ingested (no waiting here);
   * `sync` waits for Phoenix to confirm each batch; `off` sends none (spans only). @default 'async'
   */
  annotations?: 'async' | 'sync' | 'off';
  /** @internal your own exporter (tests) */
  exporter?: SpanExporter;
}

export class PhoenixTransportImpl extends PipelineTransport<PhoenixMapped> implements PhoenixTransport {
  constructor(
    pipeline: OtlpPipeline,
    private readonly config: PhoenixConfig,
    private readonly annotationMode: 'async' | 'sync' | 'off' = 'async',
  ) {
    super(pipeline);
  }

  async send(batch: readonly PhoenixMapped[], options?: SendOptions): Promise<void> {
    // Spans first: an annotation needs its span (async mode lets Phoenix wait for it; sync mode waits here).
    await this.pipeline.send(batch, options);
    if (this.annotationMode === 'off') return;
    const annotations = batch.flatMap((m) => (m.type === 'episode' ? episodeAnnotations(m.event, m.annotations) : []));
    await postAnnotations(this.config, annotations, this.annotationMode, options?.signal);
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
  const runResource = (runId: string, bench: string | undefined): PhoenixFields<'resource'> => ({
    'clawloop.run.id': runId,
    'openinference.project.name': projectFor(config, bench),
  });
  const pipeline = await OtlpPipeline.create({ sink: name, config: otlp, exporter: options.exporter, runResource });
  return createPhoenixAdapter(new PhoenixTransportImpl(pipeline, config, options.annotations), { name, concurrency: OTLP_CONCURRENCY });
}
