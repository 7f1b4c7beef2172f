// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/beta.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { BatchEvent } from '../types.gen.js';

/** Ignores everything. */
export const BETA_TARGETS = {
  /** Unused. */
  'none': { scope: '$' },
} as const satisfies Record<string, TargetSpec>;

export type BetaTarget = keyof typeof BETA_TARGETS;

/** Where each field of each event lands in beta: event type → target → rules. */
export const BETA_RULES = {
};
