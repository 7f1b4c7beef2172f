// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/beta.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, BatchEvent } from '../types.gen.js';
import { BETA_RULES, BETA_TARGETS, type BetaFields, type BetaKeys } from './mapping.gen.js';

/** A `batch` event mapped into beta's vocabulary. */
export interface BetaBatch {
  readonly type: 'batch';
  readonly event: BatchEvent;
}

/** Any event mapped into beta's vocabulary. */
export type BetaMapped = BetaBatch;

/** The I/O that the hand-written transport (src/transports/beta) implements. */
export interface BetaTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly BetaMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Maps one canonical event with the beta tables (pure: no I/O). */
export function mapBetaEvent(event: CanonicalEvent, ctx: DerivedContext): BetaMapped {
  switch (event.type) {
    case 'batch':
      return {
        type: 'batch',
        event,
      };
  }
}

/** A beta sink: applies the generated tables to each event and hands the result to `transport`. */
export function createBetaAdapter(transport: BetaTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('beta', transport, mapBetaEvent, options);
}
