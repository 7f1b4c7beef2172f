/**
 * clawloop-sinks/otel: ClawLoop episodes, iterations and evolution steps as OpenTelemetry spans, to any OTLP backend
 * (or to your own SpanExporter). Configured by OpenTelemetry's standard OTEL_* variables.
 */
import type { Attributes } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { createOtelAdapter, type OtelMapped, type OtelTransport } from '../../../generated/otel/adapter.gen.js';
import type { Sink } from '../../core/sink.js';
import { resolveOtlpConfig, type OtlpConfig, type OtlpOptions } from './config.js';
import { createOtlpExporter, exportSpans, loadResources } from './export.js';
import { episodeSpans, evolutionSpan, iterationSpan, type SpanBuildContext } from './spans.js';

export { episodeSpanIds, iterationSpanIds } from './spans.js';

export interface OtelSinkOptions extends OtlpOptions {
  /** Sink name in counters and warnings. @default 'otel' */
  name?: string;
  /** Your own exporter (e.g. an InMemorySpanExporter, or one with custom auth); OTEL_EXPORTER_* are then not used. */
  exporter?: SpanExporter;
}

const SCOPE = { name: 'clawloop-sinks', version: '0.1.0' };

interface RunState {
  resource: Resource;
  startedAt?: number;
  lastIterationAt?: number;
}

/** Turns mapped events into spans, keeps per-run resources and iteration start times. Exposed for reuse (phoenix, mlflow). */
export class SpanAssembler {
  private readonly runs = new Map<string, RunState>();

  constructor(
    private readonly makeResource: (attributes: Attributes) => Resource,
    private readonly config: Pick<OtlpConfig, 'serviceName' | 'resourceAttributes' | 'maxAttributeLength'>,
    private readonly runResource: (runId: string, bench: string | undefined) => Attributes = (runId) => ({ 'clawloop.run.id': runId }),
  ) {}

  run(runId: string, bench?: string): RunState {
    let state = this.runs.get(runId);
    if (!state) {
      const resource = this.makeResource({ 'service.name': this.config.serviceName, ...this.config.resourceAttributes, ...this.runResource(runId, bench) });
      state = { resource };
      this.runs.set(runId, state);
    }
    return state;
  }

  context(runId: string, bench?: string): SpanBuildContext {
    return { resource: this.run(runId, bench).resource, scope: SCOPE, maxAttributeLength: this.config.maxAttributeLength, now: () => Date.now() / 1000 };
  }

  spans(batch: readonly OtelMapped[]): ReadableSpan[] {
    const spans: ReadableSpan[] = [];
    for (const m of batch) {
      switch (m.type) {
        case 'run.started':
          this.run(m.event.run_id, m.event.bench).startedAt = m.event.started_at;
          break;
        case 'episode':
          spans.push(...episodeSpans(m.event, { episode: m['span.episode'], evaluation: m['event.evaluation'], llm: m['span.llm'], tool: m['span.tool'] }, this.context(m.event.run_id, m.event.episode.bench)));
          break;
        case 'iteration': {
          const state = this.run(m.event.run_id);
          spans.push(iterationSpan(m.event, m['span.iteration'], state.lastIterationAt ?? state.startedAt, this.context(m.event.run_id)));
          state.lastIterationAt = m.event.timestamp;
          break;
        }
        case 'evolution':
          spans.push(evolutionSpan(m.event, m['span.evolution'], this.context(m.event.run_id)));
          break;
        case 'run.finished':
          break;
      }
    }
    return spans;
  }
}

export class OtelTransportImpl implements OtelTransport {
  constructor(
    private readonly exporter: SpanExporter,
    private readonly assembler: SpanAssembler,
    private readonly name: string,
  ) {}

  async send(batch: readonly OtelMapped[]): Promise<void> {
    await exportSpans(this.exporter, this.assembler.spans(batch), this.name);
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
  return createOtelAdapter(new OtelTransportImpl(exporter, assembler, name), { name });
}
