// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/otel.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { OTEL_RULES, OTEL_TARGETS, type OtelFields, type OtelKeys } from './mapping.gen.js';

/** A `episode` event mapped into otel's vocabulary. */
export interface OtelEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  readonly 'span.episode': OtelFields<'span.episode'>;
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  readonly 'span.llm': ReadonlyArray<ScopedFields<NonNullable<EpisodeEvent['episode']['messages']>[number], OtelKeys['span.llm']>>;
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  readonly 'span.tool': ReadonlyArray<
    ScopedFields<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], OtelKeys['span.tool']>
  >;
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  readonly 'event.evaluation': OtelFields<'event.evaluation'>;
}

/** A `evolution` event mapped into otel's vocabulary. */
export interface OtelEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
  /** The CHAIN span `evolution:{N}` under the iteration span: what the evolver changed. */
  readonly 'span.evolution': OtelFields<'span.evolution'>;
}

/** A `iteration` event mapped into otel's vocabulary. */
export interface OtelIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  readonly 'span.iteration': OtelFields<'span.iteration'>;
}

/** A `run.finished` event mapped into otel's vocabulary. */
export interface OtelRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
}

/** A `run.started` event mapped into otel's vocabulary. */
export interface OtelRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
}

/** Any event mapped into otel's vocabulary. */
export type OtelMapped = OtelEpisode | OtelEvolution | OtelIteration | OtelRunFinished | OtelRunStarted;

/** The I/O that the hand-written transport (src/transports/otel) implements. */
export interface OtelTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly OtelMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Items of scope `episode.messages[]` where role = "assistant". */
function* episodeEpisodeMessagesWhereAssistantItems(
  e: EpisodeEvent,
): Generator<{ item: NonNullable<EpisodeEvent['episode']['messages']>[number]; index: number[] }> {
  for (const [i0, x0] of (e.episode.messages ?? []).entries()) {
    if (x0.role !== 'assistant') continue;
    yield { item: x0, index: [i0] };
  }
}

/** Items of scope `episode.messages[].tool_calls[]`. */
function* episodeEpisodeMessagesToolCallsItems(
  e: EpisodeEvent,
): Generator<{ item: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number]; index: number[] }> {
  for (const [i0, x0] of (e.episode.messages ?? []).entries()) {
    for (const [i1, x1] of (x0.tool_calls ?? []).entries()) {
      yield { item: x1, index: [i0, i1] };
    }
  }
}

/** Maps one canonical event with the otel tables (pure: no I/O). */
export function mapOtelEvent(event: CanonicalEvent, ctx: DerivedContext): OtelMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        'span.episode': applyRules(OTEL_RULES['episode']['span.episode'], event, ctx, OTEL_TARGETS['span.episode']),
        'span.llm': [...episodeEpisodeMessagesWhereAssistantItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(OTEL_RULES['episode']['span.llm'], item, ctx, OTEL_TARGETS['span.llm']),
        })),
        'span.tool': [...episodeEpisodeMessagesToolCallsItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(OTEL_RULES['episode']['span.tool'], item, ctx, OTEL_TARGETS['span.tool']),
        })),
        'event.evaluation': applyRules(OTEL_RULES['episode']['event.evaluation'], event, ctx, OTEL_TARGETS['event.evaluation']),
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
        'span.evolution': applyRules(OTEL_RULES['evolution']['span.evolution'], event, ctx, OTEL_TARGETS['span.evolution']),
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        'span.iteration': applyRules(OTEL_RULES['iteration']['span.iteration'], event, ctx, OTEL_TARGETS['span.iteration']),
      };
    case 'run.finished':
      return {
        type: 'run.finished',
        event,
      };
    case 'run.started':
      return {
        type: 'run.started',
        event,
      };
  }
}

/** A otel sink: applies the generated tables to each event and hands the result to `transport`. */
export function createOtelAdapter(transport: OtelTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('otel', transport, mapOtelEvent, options);
}
