// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/demo.mapping.json via templates/adapter.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { createAdapterSink, type AdapterOptions, type SendOptions } from '../../src/core/adapter-sink.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import { applyRules, type ScopedFields } from '../../src/core/mapping-runtime.js';
import type { Sink } from '../../src/core/sink.js';
import type { CanonicalEvent, SampleEvent } from '../types.gen.js';
import { DEMO_RULES, DEMO_TARGETS, type DemoFields, type DemoKeys } from './mapping.gen.js';

/** A `sample` event mapped into demo's vocabulary. */
export interface DemoSample {
  readonly type: 'sample';
  readonly event: SampleEvent;
  /** One record per event. */
  readonly record: DemoFields<'record'>;
  /** One row per kept item. */
  readonly row: ReadonlyArray<ScopedFields<SampleEvent['items'][number], DemoKeys['row']>>;
}

/** Any event mapped into demo's vocabulary. */
export type DemoMapped = DemoSample;

/** The I/O that the hand-written transport (src/transports/demo) implements. */
export interface DemoTransport {
  /**
   * Delivers mapped events in order. Pass `options.signal` to every request: the hub aborts a call it timed out.
   * Throw a SinkError (src/core/errors.ts) to say what a failure means (busy, outage, refused).
   */
  send(batch: readonly DemoMapped[], options?: SendOptions): Promise<void>;
  /** Pushes out anything the transport buffers. */
  flush?(): Promise<void>;
  /** Flushes and releases connections; called once. */
  close?(): Promise<void>;
}

/** Items of scope `items[]` where name = "keep". */
function* sampleItemsWhereKeepItems(e: SampleEvent): Generator<{ item: SampleEvent['items'][number]; index: number[] }> {
  for (const [i0, x0] of e.items.entries()) {
    if (x0.name !== 'keep') continue;
    yield { item: x0, index: [i0] };
  }
}

/** Maps one canonical event with the demo tables (pure: no I/O). */
export function mapDemoEvent(event: CanonicalEvent, ctx: DerivedContext): DemoMapped {
  switch (event.type) {
    case 'sample':
      return {
        type: 'sample',
        event,
        record: applyRules(DEMO_RULES['sample']['record'], event, ctx, DEMO_TARGETS['record']),
        row: [...sampleItemsWhereKeepItems(event)].map(({ item, index }) => ({
          item,
          index,
          fields: applyRules(DEMO_RULES['sample']['row'], item, ctx, DEMO_TARGETS['row']),
        })),
      };
  }
}

/** A demo sink: applies the generated tables to each event and hands the result to `transport`. */
export function createDemoAdapter(transport: DemoTransport, options: AdapterOptions = {}): Sink {
  return createAdapterSink('demo', transport, mapDemoEvent, options);
}
