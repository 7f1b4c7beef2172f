// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/wandb.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';
import { WANDB_RULES, WANDB_TARGETS, type WandbFields, type WandbKeys } from './mapping.gen.js';

/** A `episode` event mapped into wandb's vocabulary. */
export interface WandbEpisode {
  readonly type: 'episode';
  readonly event: EpisodeEvent;
  /** One row of the `episodes/table` table of the iteration. */
  readonly 'table.episodes': WandbFields<'table.episodes'>;
}

/** A `evolution` event mapped into wandb's vocabulary. */
export interface WandbEvolution {
  readonly type: 'evolution';
  readonly event: EvolutionEvent;
  /** History row logged at step = iteration. */
  readonly history: WandbFields<'history'>;
}

/** A `iteration` event mapped into wandb's vocabulary. */
export interface WandbIteration {
  readonly type: 'iteration';
  readonly event: IterationEvent;
  /** History row logged at step = iteration. */
  readonly history: WandbFields<'history'>;
}

/** A `run.finished` event mapped into wandb's vocabulary. */
export interface WandbRunFinished {
  readonly type: 'run.finished';
  readonly event: RunFinishedEvent;
  /** Run summary values (from run.finished). */
  readonly summary: WandbFields<'summary'>;
}

/** A `run.started` event mapped into wandb's vocabulary. */
export interface WandbRunStarted {
  readonly type: 'run.started';
  readonly event: RunStartedEvent;
  /** Run config (from run.started). */
  readonly config: WandbFields<'config'>;
  /** Run properties the transport sets on the W&B run itself (tags). */
  readonly run: WandbFields<'run'>;
}

/** Any event mapped into wandb's vocabulary. */
export type WandbMapped = WandbEpisode | WandbEvolution | WandbIteration | WandbRunFinished | WandbRunStarted;

/** The I/O that the hand-written transport (src/transports/wandb) implements. */
export interface WandbTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly WandbMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Maps one canonical event with the wandb tables (pure: no I/O). */
export function mapWandbEvent(event: CanonicalEvent, ctx: DerivedContext): WandbMapped {
  switch (event.type) {
    case 'episode':
      return {
        type: 'episode',
        event,
        'table.episodes': applyRules(WANDB_RULES['episode']['table.episodes'], event, ctx, WANDB_TARGETS['table.episodes']),
      };
    case 'evolution':
      return {
        type: 'evolution',
        event,
        history: applyRules(WANDB_RULES['evolution']['history'], event, ctx, WANDB_TARGETS['history']),
      };
    case 'iteration':
      return {
        type: 'iteration',
        event,
        history: applyRules(WANDB_RULES['iteration']['history'], event, ctx, WANDB_TARGETS['history']),
      };
    case 'run.finished':
      return {
        type: 'run.finished',
        event,
        summary: applyRules(WANDB_RULES['run.finished']['summary'], event, ctx, WANDB_TARGETS['summary']),
      };
    case 'run.started':
      return {
        type: 'run.started',
        event,
        config: applyRules(WANDB_RULES['run.started']['config'], event, ctx, WANDB_TARGETS['config']),
        run: applyRules(WANDB_RULES['run.started']['run'], event, ctx, WANDB_TARGETS['run']),
      };
  }
}

/** A wandb sink: applies the generated tables to each event and hands the result to `transport`. */
export function createWandbAdapter(transport: WandbTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('wandb', transport, mapWandbEvent, options);
}
