// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/phoenix.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { PHOENIX_RULES, PHOENIX_TARGETS, type PhoenixFields, type PhoenixKeys } from './mapping.gen.js';

/** A `episode` event mapped into phoenix's vocabulary. */
export interface PhoenixEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  readonly 'span.episode': PhoenixFields<'span.episode'>;
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  readonly 'span.llm': ReadonlyArray<ScopedFields<NonNullable<EpisodeEvent['episode']['messages']>[number], PhoenixKeys['span.llm']>>;
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  readonly 'span.tool': ReadonlyArray<
    ScopedFields<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], PhoenixKeys['span.tool']>
  >;
  /** Span annotations on the root span: score in [-1, 1]; annotator kind, label and explanation set by the transport from the signal name and confidence. */
  readonly annotations: PhoenixFields<'annotations'>;
}

/** A `evolution` event mapped into phoenix's vocabulary. */
export interface PhoenixEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
}

/** A `iteration` event mapped into phoenix's vocabulary. */
export interface PhoenixIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  readonly 'span.iteration': PhoenixFields<'span.iteration'>;
}

/** A `run.finished` event mapped into phoenix's vocabulary. */
export interface PhoenixRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
}

/** A `run.started` event mapped into phoenix's vocabulary. */
export interface PhoenixRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
}

/** Any event mapped into phoenix's vocabulary. */
export type PhoenixMapped = PhoenixEpisode | PhoenixEvolution | PhoenixIteration | PhoenixRunFinished | PhoenixRunStarted;

/** The I/O that the hand-written transport (src/transports/phoenix) implements. */
export interface PhoenixTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly PhoenixMapped[], options?: SendOptions): Promise<void>;
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

/** Maps one canonical event with the phoenix tables (pure: no I/O). */
export function mapPhoenixEvent(event: CanonicalEvent, ctx: DerivedContext): PhoenixMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        'span.episode': applyRules(PHOENIX_RULES['episode']['span.episode'], event, ctx, PHOENIX_TARGETS['span.episode']),
        'span.llm': [...episodeEpisodeMessagesWhereAssistantItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(PHOENIX_RULES['episode']['span.llm'], item, ctx, PHOENIX_TARGETS['span.llm']),
        })),
        'span.tool': [...episodeEpisodeMessagesToolCallsItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(PHOENIX_RULES['episode']['span.tool'], item, ctx, PHOENIX_TARGETS['span.tool']),
        })),
        annotations: applyRules(PHOENIX_RULES['episode']['annotations'], event, ctx, PHOENIX_TARGETS['annotations']),
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        'span.iteration': applyRules(PHOENIX_RULES['iteration']['span.iteration'], event, ctx, PHOENIX_TARGETS['span.iteration']),
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

/** A phoenix sink: applies the generated tables to each event and hands the result to `transport`. */
export function createPhoenixAdapter(transport: PhoenixTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('phoenix', transport, mapPhoenixEvent, options);
}
