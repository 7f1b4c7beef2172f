// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/alpha.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { BatchEvent } from '../types.gen.js';

/** Nested array scopes with nullable arrays on the way. */
export const ALPHA_TARGETS = {
  /** The batch. */
  'head': { scope: '$' },
  /** Each member of each group. */
  'member': { scope: 'groups[].members[]' },
} as const satisfies Record<string, TargetSpec>;

export type AlphaTarget = keyof typeof ALPHA_TARGETS;

/** Where each field of each event lands in alpha: event type → target → rules. */
export const ALPHA_RULES = {
  'batch': {
    'head': [
      {
        key: 'label',
        source: 'label',
        get: (s: BatchEvent, ctx: DerivedContext) => s.label,
      },
      {
        key: 'groups',
        source: 'groups',
        transform: 'json',
        get: (s: BatchEvent, ctx: DerivedContext) => s.groups,
      },
    ] satisfies FieldRule<BatchEvent>[],
    'member': [
      {
        key: 'member.name',
        source: 'groups[].members[].name',
        get: (s: NonNullable<BatchEvent['groups'][number]['members']>[number], ctx: DerivedContext) => s.name,
      },
    ] satisfies FieldRule<NonNullable<BatchEvent['groups'][number]['members']>[number]>[],
  },
};
