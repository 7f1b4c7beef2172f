// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/langfuse.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { LANGFUSE_RULES, LANGFUSE_TARGETS, type LangfuseFields, type LangfuseKeys } from './mapping.gen.js';

/** A `episode` event mapped into langfuse's vocabulary. */
export interface LangfuseEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** The episode's root span: the trace's attributes (langfuse.trace.*, session.id) and its AGENT observation. */
  readonly 'span.episode': LangfuseFields<'span.episode'>;
  /** A GENERATION observation per assistant message. */
  readonly 'span.llm': ReadonlyArray<ScopedFields<NonNullable<EpisodeEvent['episode']['messages']>[number], LangfuseKeys['span.llm']>>;
  /** A TOOL observation per tool call. */
  readonly 'span.tool': ReadonlyArray<
    ScopedFields<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], LangfuseKeys['span.tool']>
  >;
  /** Scores on the episode's trace (NUMERIC, or BOOLEAN for boolean values); ids derived from the trace and the score name. */
  readonly scores: LangfuseFields<'scores'>;
}

/** A `evolution` event mapped into langfuse's vocabulary. */
export interface LangfuseEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
}

/** A `iteration` event mapped into langfuse's vocabulary. */
export interface LangfuseIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** Scores on the run's `clawloop-run` trace, one per iteration (the name carries the metric, the comment the iteration). */
  readonly 'run.scores': LangfuseFields<'run.scores'>;
  /** The `iteration:{N}` observation (CHAIN) of the run's `clawloop-run` trace, which holds the per-iteration scores. */
  readonly 'run.span': LangfuseFields<'run.span'>;
}

/** A `run.finished` event mapped into langfuse's vocabulary. */
export interface LangfuseRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
}

/** A `run.started` event mapped into langfuse's vocabulary. */
export interface LangfuseRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
}

/** Any event mapped into langfuse's vocabulary. */
export type LangfuseMapped = LangfuseEpisode | LangfuseEvolution | LangfuseIteration | LangfuseRunFinished | LangfuseRunStarted;

/** The I/O that the hand-written transport (src/transports/langfuse) implements. */
export interface LangfuseTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly LangfuseMapped[], options?: SendOptions): Promise<void>;
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

/** Maps one canonical event with the langfuse tables (pure: no I/O). */
export function mapLangfuseEvent(event: CanonicalEvent, ctx: DerivedContext): LangfuseMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        'span.episode': applyRules(LANGFUSE_RULES['episode']['span.episode'], event, ctx, LANGFUSE_TARGETS['span.episode']),
        'span.llm': [...episodeEpisodeMessagesWhereAssistantItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(LANGFUSE_RULES['episode']['span.llm'], item, ctx, LANGFUSE_TARGETS['span.llm']),
        })),
        'span.tool': [...episodeEpisodeMessagesToolCallsItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(LANGFUSE_RULES['episode']['span.tool'], item, ctx, LANGFUSE_TARGETS['span.tool']),
        })),
        scores: applyRules(LANGFUSE_RULES['episode']['scores'], event, ctx, LANGFUSE_TARGETS['scores']),
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
        'run.scores': applyRules(LANGFUSE_RULES['iteration']['run.scores'], event, ctx, LANGFUSE_TARGETS['run.scores']),
        'run.span': applyRules(LANGFUSE_RULES['iteration']['run.span'], event, ctx, LANGFUSE_TARGETS['run.span']),
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

/** A langfuse sink: applies the generated tables to each event and hands the result to `transport`. */
export function createLangfuseAdapter(transport: LangfuseTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('langfuse', transport, mapLangfuseEvent, options);
}
