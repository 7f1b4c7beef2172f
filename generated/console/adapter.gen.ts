// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/console.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { CONSOLE_RULES, CONSOLE_TARGETS, type ConsoleFields, type ConsoleKeys } from './mapping.gen.js';

/** A `episode` event mapped into console's vocabulary. */
export interface ConsoleEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
}

/** A `evolution` event mapped into console's vocabulary. */
export interface ConsoleEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
  /** Values printed on the event's line, as key=value. */
  readonly line: ConsoleFields<'line'>;
}

/** A `iteration` event mapped into console's vocabulary. */
export interface ConsoleIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** Values printed on the event's line, as key=value. */
  readonly line: ConsoleFields<'line'>;
}

/** A `run.finished` event mapped into console's vocabulary. */
export interface ConsoleRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
  /** Values printed on the event's line, as key=value. */
  readonly line: ConsoleFields<'line'>;
}

/** A `run.started` event mapped into console's vocabulary. */
export interface ConsoleRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
  /** Values printed on the event's line, as key=value. */
  readonly line: ConsoleFields<'line'>;
}

/** Any event mapped into console's vocabulary. */
export type ConsoleMapped = ConsoleEpisode | ConsoleEvolution | ConsoleIteration | ConsoleRunFinished | ConsoleRunStarted;

/** The I/O that the hand-written transport (src/transports/console) implements. */
export interface ConsoleTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly ConsoleMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Maps one canonical event with the console tables (pure: no I/O). */
export function mapConsoleEvent(event: CanonicalEvent, ctx: DerivedContext): ConsoleMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
        line: applyRules(CONSOLE_RULES['evolution']['line'], event, ctx, CONSOLE_TARGETS['line']),
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        line: applyRules(CONSOLE_RULES['iteration']['line'], event, ctx, CONSOLE_TARGETS['line']),
      };
    case 'run.finished':
      return {
        type: 'run.finished',
        event,
        line: applyRules(CONSOLE_RULES['run.finished']['line'], event, ctx, CONSOLE_TARGETS['line']),
      };
    case 'run.started':
      return {
        type: 'run.started',
        event,
        line: applyRules(CONSOLE_RULES['run.started']['line'], event, ctx, CONSOLE_TARGETS['line']),
      };
  }
}

/** A console sink: applies the generated tables to each event and hands the result to `transport`. */
export function createConsoleAdapter(transport: ConsoleTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('console', transport, mapConsoleEvent, options);
}
