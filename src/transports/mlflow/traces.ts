/**
 * Episodes as MLflow traces: the otel sink's span mapping (generated/otel), exported over OTLP/protobuf to the
 * tracking server's /v1/traces with `x-mlflow-experiment-id`, then reward signals as feedback assessments on the trace
 * (created once per name: a re-sent episode does not add a second assessment).
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { MlflowFields } from '../../../generated/mlflow/mapping.gen.js';
import { mapOtelEvent } from '../../../generated/otel/adapter.gen.js';
import type { EpisodeEvent } from '../../../generated/types.gen.js';
import { DerivedContext } from '../../core/derived-context.js';
import { fieldEntries } from '../../core/mapping-runtime.js';
import { SpanAssembler } from '../otel/assembler.js';
import { resolveOtlpConfig } from '../otel/config.js';
import { createOtlpExporter, exportSpans, loadResources } from '../otel/export.js';
import { episodeSpanIds } from '../otel/spans.js';
import type { MlflowClient } from './client.js';

export const ASSESSMENT_SOURCE_ID = 'clawloop';

interface TraceInfo {
  trace_info?: { assessments?: Array<{ assessment_name: string; source?: { source_id?: string } }> };
}

export class MlflowTraces {
  private readonly ctx = new DerivedContext();

  private constructor(
    private readonly client: MlflowClient,
    private readonly exporter: SpanExporter,
    private readonly assembler: SpanAssembler,
  ) {}

  static async create(client: MlflowClient, experimentId: string, name: string, env: NodeJS.ProcessEnv): Promise<MlflowTraces> {
    const otlp = resolveOtlpConfig({
      env,
      url: `${client.config.baseUrl}/v1/traces`,
      headers: { ...client.config.headers, 'x-mlflow-experiment-id': experimentId },
      protocol: 'http/protobuf',
      timeoutMs: client.config.timeoutMs,
    });
    const { resourceFromAttributes } = await loadResources(name);
    return new MlflowTraces(client, await createOtlpExporter(name, otlp), new SpanAssembler(resourceFromAttributes, otlp));
  }

  /** MLflow's id of the trace an episode becomes ("tr-" + the OTLP trace id). */
  static traceId(event: EpisodeEvent): string {
    return `tr-${episodeSpanIds(event.run_id, event.episode.id).traceId}`;
  }

  async send(episodes: ReadonlyArray<{ event: EpisodeEvent; assessments: MlflowFields<'assessments'> }>, what: string): Promise<void> {
    const spans = this.assembler.spans(
      episodes.map(({ event }) => {
        this.ctx.observe(event);
        const m = mapOtelEvent(event, this.ctx);
        this.ctx.release(event);
        return m.type === 'episode' ? { event, episode: { episode: m['span.episode'], evaluation: m['event.evaluation'], llm: m['span.llm'], tool: m['span.tool'] } } : { event };
      }),
    );
    await exportSpans(this.exporter, spans, `${what} traces`);
    for (const { event, assessments } of episodes) await this.assess(event, assessments);
  }

  private async assess(event: EpisodeEvent, fields: MlflowFields<'assessments'>): Promise<void> {
    const traceId = MlflowTraces.traceId(event);
    const info = await this.client.call<{ trace?: TraceInfo }>('GET', `/api/3.0/mlflow/traces/${traceId}`);
    const existing = new Set((info.trace?.trace_info?.assessments ?? []).filter((a) => a.source?.source_id === ASSESSMENT_SOURCE_ID).map((a) => a.assessment_name));
    const signals = event.episode.summary.signals;
    for (const [name, value] of fieldEntries(fields)) {
      if (typeof value !== 'number' || existing.has(name)) continue;
      const signal = signals[name];
      await this.client.call('POST', `/api/3.0/mlflow/traces/${traceId}/assessments`, {
        assessment: {
          assessment_name: name,
          trace_id: traceId,
          source: { source_type: name === 'user' ? 'HUMAN' : name === 'judge' ? 'LLM_JUDGE' : 'CODE', source_id: ASSESSMENT_SOURCE_ID },
          feedback: { value },
          rationale: signal ? `${name} signal ${value} with confidence ${signal.confidence}` : "effective reward by ClawLoop's priority: user > outcome > execution (confidence ≥ 0.7) > judge",
          metadata: { run_id: event.run_id, iteration: String(event.iteration), episode_id: event.episode.id, ...(signal ? { confidence: String(signal.confidence) } : {}) },
        },
      });
    }
  }

  async close(): Promise<void> {
    await this.exporter.shutdown();
  }
}
