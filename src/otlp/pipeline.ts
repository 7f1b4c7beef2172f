/**
 * The one OTLP exporter pipeline: every sink that sends spans (otel, phoenix, langfuse, mlflow's traces) composes it.
 * It loads the optional OpenTelemetry peers, creates the exporter (or takes the user's), turns events mapped with the
 * span tree's targets (schema/backends/span-tree.base.json) into spans with deterministic ids and the episode's own
 * times, exports them with the hub's AbortSignal, and flushes and closes the exporter. A backend that speaks OTLP is a
 * spec extending the span tree plus a few lines that create a pipeline and hand it to the generated adapter.
 */
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import type { SendOptions } from '../core/adapter-sink.js';
import type { Fields, ScopedFields } from '../core/mapping-runtime.js';
import { SpanAssembler, type SpanSource } from './assembler.js';
import type { OtlpConfig } from './config.js';
import { createOtlpExporter, exportSpans, loadResources } from './export.js';
import type { SpanBuildContext } from './spans.js';

type Message = NonNullable<EpisodeEvent['episode']['messages']>[number];
type ToolCall = NonNullable<Message['tool_calls']>[number];

/**
 * An event mapped by any backend whose spec extends the span tree: the span targets it maps, by their shared names.
 * Every generated `<Backend>Mapped` of such a backend is one (other targets, e.g. scores, are ignored here).
 */
export interface SpanTreeMapped {
  readonly type: CanonicalEvent['type'];
  readonly event: CanonicalEvent;
  readonly 'span.episode'?: Fields;
  readonly 'event.evaluation'?: Fields;
  readonly 'span.llm'?: ReadonlyArray<ScopedFields<Message>>;
  readonly 'span.tool'?: ReadonlyArray<ScopedFields<ToolCall>>;
  readonly 'span.iteration'?: Fields;
  readonly 'span.evolution'?: Fields;
}

export interface OtlpPipelineOptions {
  /** Sink name: in error messages, and in the MissingPeerError when an OpenTelemetry package is not installed. */
  sink: string;
  config: OtlpConfig;
  /** The user's own exporter (e.g. an InMemorySpanExporter); `config`'s URL, headers and protocol are then not used. */
  exporter?: SpanExporter;
  /** Resource names of a run beyond service.name and OTEL_RESOURCE_ATTRIBUTES (the backend's spec declares them). */
  runResource?: (runId: string, bench: string | undefined) => Fields;
  /** Names on every span of an episode (e.g. Langfuse's environment and release; the spec declares them). */
  episodeExtra?: Fields;
}

/** The span sources of a mapped batch (events that map no span target give none). */
function sourcesOf(batch: readonly SpanTreeMapped[], episodeExtra: Fields | undefined): SpanSource[] {
  return batch.map((m) => ({
    event: m.event,
    episode: m['span.episode']
      ? {
          episode: m['span.episode'],
          evaluation: m['event.evaluation'],
          llm: m['span.llm'] ?? [],
          tool: m['span.tool'] ?? [],
          extra: episodeExtra,
        }
      : undefined,
    iteration: m['span.iteration'],
    evolution: m['span.evolution'],
  }));
}

export class OtlpPipeline {
  /**
   * The hub's signal reaches every request as an argument (export, and the annotations and scores of the transports
   * below), so a call runs outside the call-signal storage: once entered, it makes Node track every promise of the
   * process (src/core/adapter-sink.ts).
   */
  readonly usesCallSignal = false;

  private constructor(
    private readonly sink: string,
    private readonly exporter: SpanExporter,
    private readonly assembler: SpanAssembler,
    private readonly episodeExtra: Fields | undefined,
  ) {}

  /** Creates the pipeline (async: it loads the OpenTelemetry packages, which are optional peers). */
  static async create(options: OtlpPipelineOptions): Promise<OtlpPipeline> {
    const { resourceFromAttributes } = await loadResources(options.sink);
    const exporter = options.exporter ?? (await createOtlpExporter(options.sink, options.config));
    return new OtlpPipeline(
      options.sink,
      exporter,
      new SpanAssembler(resourceFromAttributes, options.config, options.runResource),
      options.episodeExtra,
    );
  }

  /** The spans of a mapped batch, in event order. */
  spans(batch: readonly SpanTreeMapped[]): ReadableSpan[] {
    return this.assembler.spans(sourcesOf(batch, this.episodeExtra));
  }

  /** What spans of a run are built with, for spans a backend adds outside the tree (e.g. Langfuse's run trace). */
  context(runId: string, bench?: string): SpanBuildContext {
    return this.assembler.context(runId, bench);
  }

  /** Exports spans in one request; throws a SinkError saying what a failure means. `signal` ends it when the hub aborts. */
  async export(spans: ReadableSpan[], signal?: AbortSignal, what = this.sink): Promise<void> {
    await exportSpans(this.exporter, spans, what, signal);
  }

  /** Builds and exports a mapped batch: a transport on its own (the otel sink is exactly this). */
  async send(batch: readonly SpanTreeMapped[], options?: SendOptions): Promise<void> {
    await this.export(this.spans(batch), options?.signal);
  }

  async flush(): Promise<void> {
    await this.exporter.forceFlush?.();
  }

  async close(): Promise<void> {
    await this.exporter.shutdown();
  }
}

/** A transport that adds its own requests to a pipeline's export (Phoenix annotations, Langfuse scores): flush and close are the pipeline's. */
export abstract class PipelineTransport<M> {
  /** Each subclass passes `options.signal` to every request it makes, as the pipeline does. */
  readonly usesCallSignal = false;

  constructor(protected readonly pipeline: OtlpPipeline) {}

  abstract send(batch: readonly M[], options?: SendOptions): Promise<void>;

  async flush(): Promise<void> {
    await this.pipeline.flush();
  }

  async close(): Promise<void> {
    await this.pipeline.close();
  }
}
