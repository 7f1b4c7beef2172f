// @generated from schema/derived.json + schema/events/batch.schema.json via templates/derived.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { DerivedContext } from '../src/core/derived-context.js';
import type {} from './types.gen.js';

/**
 * Values computed from events rather than read from them (schema/derived.json).
 * Implemented once, by hand, in src/core/derived.ts; mapping specs reference them by name.
 */
export interface DerivedFunctions {}

/** Names of all derived values. */
export const DERIVED_NAMES = [] as const;
export type DerivedName = (typeof DERIVED_NAMES)[number];
