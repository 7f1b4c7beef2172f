/**
 * clawloop-sinks/langfuse: one Langfuse trace per episode over Langfuse's OTLP endpoint (AGENT observation →
 * GENERATION per assistant message → TOOL per tool call, described with the langfuse.* attributes the server reads),
 * reward signals, the effective reward and `filtered` as scores, and a run-level trace with per-iteration scores.
 */
import { createHash } from 'node:crypto';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { createLangfuseAdapter, type LangfuseMapped, type LangfuseTransport } from '../../../generated/langfuse/adapter.gen.js';
import type { LangfuseFields, LangfuseKeys } from '../../../generated/langfuse/mapping.gen.js';
import { spanId } from '../../core/ids.js';
import { fieldEntries, type Fields } from '../../core/mapping-runtime.js';
import { EFFECTIVE_REWARD_RULE } from '../../core/rewards.js';
import type { SendOptions } from '../../core/adapter-sink.js';
import type { Sink } from '../../core/sink.js';
import { resolveOtlpConfig } from '../../otlp/config.js';
import { OTLP_CONCURRENCY } from '../../otlp/export.js';
import { OtlpPipeline, PipelineTransport } from '../../otlp/pipeline.js';
import { attributes, episodeSpanIds, readable } from '../../otlp/spans.js';
import { resolveLangfuseConfig, type LangfuseConfig, type LangfuseOptions } from './config.js';
import { ingest, scoreEvent, type IngestionEvent } from './scores.js';

export { resolveLangfuseConfig } from './config.js';

export interface LangfuseSinkOptions extends LangfuseOptions {
  /** Sink name in counters and warnings. @default 'langfuse' */
  name?: string;
  /** @internal your own exporter (tests) */
  exporter?: SpanExporter;
}

/** The trace holding a run's per-iteration scores (one `iteration:N` observation each). */
export function runTraceId(runId: string): string {
  return createHash('sha256').update(`langfuse-run-trace:${runId}`).digest('hex').slice(0, 32);
}

/** Names every observation carries: those all span targets declare. */
type ObservationKey = LangfuseKeys['span.episode'] & LangfuseKeys['span.llm'] & LangfuseKeys['span.tool'] & LangfuseKeys['run.span'];

/** Environment and release, on every observation (declared as runtime names of each span target). */
function observationNames(config: LangfuseConfig): Fields<ObservationKey> {
  return { 'langfuse.environment': config.environment, 'langfuse.release': config.release };
}

export class LangfuseTransportImpl extends PipelineTransport<LangfuseMapped> implements LangfuseTransport {
  /** Environment and release, on every observation (declared as runtime names of each span target). */
  private readonly common: Fields<ObservationKey>;
  private readonly runs = new Map<string, { bench?: string }>();

  constructor(
    pipeline: OtlpPipeline,
    private readonly config: LangfuseConfig,
  ) {
    super(pipeline);
    this.common = observationNames(config);
  }

  async send(batch: readonly LangfuseMapped[], options?: SendOptions): Promise<void> {
    const scores: IngestionEvent[] = [];
    const runSpans: ReadableSpan[] = [];
    for (const m of batch) {
      if (m.type === 'run.started') this.runs.set(m.event.run_id, { bench: m.event.bench });
      if (m.type === 'episode') {
        const { event } = m;
        const traceId = episodeSpanIds(event.run_id, event.episode.id).traceId;
        const signals = event.episode.summary.signals;
        for (const [name, value] of fieldEntries(m.scores)) {
          const signal = signals[name];
          const boolean = typeof value === 'boolean';
          if (!boolean && typeof value !== 'number') continue;
          scores.push(
            scoreEvent(
              {
                traceId,
                name,
                value: boolean ? Number(value) : value,
                dataType: boolean ? 'BOOLEAN' : 'NUMERIC',
                comment: signal
                  ? `${name} signal, confidence ${signal.confidence}`
                  : name === 'effective_reward'
                    ? `ClawLoop's priority: ${EFFECTIVE_REWARD_RULE}`
                    : undefined,
                metadata: {
                  run_id: event.run_id,
                  iteration: event.iteration,
                  source: 'clawloop',
                  ...(signal ? { confidence: signal.confidence } : {}),
                },
                ...(this.config.environment ? { environment: this.config.environment } : {}),
              },
              event.episode.created_at ?? Date.now() / 1000,
            ),
          );
        }
      }
      if (m.type === 'iteration') {
        const { event } = m;
        const traceId = runTraceId(event.run_id);
        const bench = this.runs.get(event.run_id)?.bench;
        runSpans.push(
          readable(
            {
              name: `iteration:${event.iteration}`,
              traceId,
              spanId: spanId(traceId, 'iteration', event.iteration),
              start: event.timestamp,
              end: event.timestamp,
              attributes: attributes(
                m['run.span'],
                { ...this.common, 'langfuse.trace.name': `clawloop-run${bench ? `/${bench}` : ''}` } satisfies LangfuseFields<'run.span'>,
                undefined,
              ),
            },
            this.pipeline.context(event.run_id, bench),
          ),
        );
        for (const [name, value] of fieldEntries(m['run.scores'])) {
          if (typeof value !== 'number') continue;
          scores.push(
            scoreEvent(
              {
                traceId,
                name,
                value,
                dataType: 'NUMERIC',
                comment: `iteration ${event.iteration}`,
                metadata: { run_id: event.run_id, iteration: event.iteration, source: 'clawloop' },
              },
              event.timestamp,
            ),
          );
        }
      }
    }
    await this.pipeline.export([...this.pipeline.spans(batch), ...runSpans], options?.signal);
    await ingest(this.config, scores, options?.signal);
  }
}

export async function createLangfuseSink(options: LangfuseSinkOptions = {}): Promise<Sink> {
  const name = options.name ?? 'langfuse';
  const config = resolveLangfuseConfig(options);
  const otlp = resolveOtlpConfig({
    env: {},
    url: `${config.baseUrl}/api/public/otel/v1/traces`,
    headers: config.headers,
    protocol: config.protocol,
    timeoutMs: config.timeoutMs,
    compression: 'gzip',
    serviceName: 'clawloop',
  });
  const pipeline = await OtlpPipeline.create({
    sink: name,
    config: otlp,
    exporter: options.exporter,
    episodeExtra: observationNames(config),
  });
  return createLangfuseAdapter(new LangfuseTransportImpl(pipeline, config), { name, concurrency: OTLP_CONCURRENCY });
}
