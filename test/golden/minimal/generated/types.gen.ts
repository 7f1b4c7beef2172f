// @generated from schema/events/defs.schema.json + schema/events/sample.schema.json + schema/sources/line.schema.json via json-schema-to-typescript — DO NOT EDIT. Run: pnpm gen

export interface ClawloopSinksBundleJson {
  [k: string]: unknown;
}
/**
 * One item.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "Item".
 */
export interface Item {
  /**
   * Item name.
   */
  name: string;
  score?: number | null;
  tags: string[];
}
/**
 * A sample event.
 *
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "SampleEvent".
 */
export interface SampleEvent {
  type: 'sample';
  run_id: string;
  items: Item[];
  counts: {
    [k: string]: number;
  };
  /**
   * Free-form.
   */
  meta?: {
    [k: string]: unknown;
  };
}
/**
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "SampleLine".
 */
export interface SampleLine {
  items: Item[];
}

/** Every canonical event, discriminated by `type`. */
export type CanonicalEvent = SampleEvent;

/** The canonical event types. */
export const EVENT_TYPES = ['sample'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event type → its TypeScript type. */
export interface EventByType {
  sample: SampleEvent;
}
