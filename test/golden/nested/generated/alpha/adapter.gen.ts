// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/alpha.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, BatchEvent } from '../types.gen.js';
import { ALPHA_RULES, ALPHA_TARGETS, type AlphaFields, type AlphaKeys } from './mapping.gen.js';

/** A `batch` event mapped into alpha's vocabulary. */
export interface AlphaBatch {
  readonly type: 'batch';
  readonly event: BatchEvent;
  /** The batch. */
  readonly head: AlphaFields<'head'>;
  /** Each member of each group. */
  readonly member: ReadonlyArray<ScopedFields<NonNullable<BatchEvent['groups'][number]['members']>[number], AlphaKeys['member']>>;
}

/** Any event mapped into alpha's vocabulary. */
export type AlphaMapped = AlphaBatch;

/** The I/O that the hand-written transport (src/transports/alpha) implements. */
export interface AlphaTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly AlphaMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Items of scope `groups[].members[]`. */
function* batchGroupsMembersItems(
  e: BatchEvent,
): Generator<{ item: NonNullable<BatchEvent['groups'][number]['members']>[number]; index: number[] }> {
  for (const [i0, x0] of e.groups.entries()) {
    for (const [i1, x1] of (x0.members ?? []).entries()) {
      yield { item: x1, index: [i0, i1] };
    }
  }
}

/** Maps one canonical event with the alpha tables (pure: no I/O). */
export function mapAlphaEvent(event: CanonicalEvent, ctx: DerivedContext): AlphaMapped {
  switch (event.type) {
    case 'batch':
      return {
        type: 'batch',
        event,
        head: applyRules(ALPHA_RULES['batch']['head'], event, ctx, ALPHA_TARGETS['head']),
        member: [...batchGroupsMembersItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(ALPHA_RULES['batch']['member'], item, ctx, ALPHA_TARGETS['member']),
        })),
      };
  }
}

/** A alpha sink: applies the generated tables to each event and hands the result to `transport`. */
export function createAlphaAdapter(transport: AlphaTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('alpha', transport, mapAlphaEvent, options);
}
