// @generated from schema/events/defs.schema.json + schema/events/batch.schema.json + schema/sources/line.schema.json via json-schema-to-typescript — DO NOT EDIT. Run: pnpm gen

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
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "BatchEvent".
 */
export interface BatchEvent {
  type: 'batch';
  label?: string | null;
  groups: {
    id: string;
    members?: Item[] | null;
  }[];
}
/**
 * This interface was referenced by `ClawloopSinksBundleJson`'s JSON-Schema
 * via the `definition` "SampleLine".
 */
export interface SampleLine {
  items: Item[];
}

/** Every canonical event, discriminated by `type`. */
export type CanonicalEvent = BatchEvent;

/** The canonical event types. */
export const EVENT_TYPES = ['batch'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event type → its TypeScript type. */
export interface EventByType {
  batch: BatchEvent;
}
