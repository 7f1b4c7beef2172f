// @generated from schema/derived.json + schema/events/sample.schema.json via templates/derived.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { DerivedContext } from '../src/core/derived-context.js';
import type { SampleEvent } from './types.gen.js';

/**
 * Values computed from events rather than read from them (schema/derived.json).
 * Implemented once, by hand, in src/core/derived.ts; mapping specs reference them by name.
 */
export interface DerivedFunctions {
  /** Number of items. */
  item_count(s: SampleEvent, ctx: DerivedContext): number | undefined;
  /** Tags of one item. */
  tag_count(s: SampleEvent['items'][number], ctx: DerivedContext): number | undefined;
}

/** Names of all derived values. */
export const DERIVED_NAMES = ['item_count', 'tag_count'] as const;
export type DerivedName = (typeof DERIVED_NAMES)[number];
