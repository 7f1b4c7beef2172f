// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/beta.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { BatchEvent } from '../types.gen.js';

/** Ignores everything. */
export const BETA_TARGETS = {
  /** Unused. */
  none: { scope: '$' },
} as const satisfies Record<string, TargetSpec>;

export type BetaTarget = keyof typeof BETA_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface BetaKeys {
  /** Unused. */
  none: never;
}

/** Fields of one instance of a beta target, keyed by that target's names. */
export type BetaFields<T extends BetaTarget> = Fields<BetaKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const BETA_KEYS = {
  none: [],
} as const satisfies { readonly [T in BetaTarget]: ReadonlyArray<BetaKeys[T]> };

/** Where each field of each event lands in beta: event type → target → rules. */
export const BETA_RULES = {};
