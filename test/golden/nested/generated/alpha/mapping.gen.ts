// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/alpha.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { BatchEvent } from '../types.gen.js';

/** Nested array scopes with nullable arrays on the way. */
export const ALPHA_TARGETS = {
  /** The batch. */
  head: { scope: '$' },
  /** Each member of each group. */
  member: { scope: 'groups[].members[]' },
} as const satisfies Record<string, TargetSpec>;

export type AlphaTarget = keyof typeof ALPHA_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface AlphaKeys {
  /** The batch. */
  head: 'label' | 'groups';
  /** Each member of each group. */
  member: 'member.name';
}

/** Fields of one instance of a alpha target, keyed by that target's names. */
export type AlphaFields<T extends AlphaTarget> = Fields<AlphaKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const ALPHA_KEYS = {
  head: ['label', 'groups'],
  member: ['member.name'],
} as const satisfies { readonly [T in AlphaTarget]: ReadonlyArray<AlphaKeys[T]> };

/** Where each field of each event lands in alpha: event type → target → rules. */
export const ALPHA_RULES = {
  batch: {
    head: [
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
    member: [
      {
        key: 'member.name',
        source: 'groups[].members[].name',
        get: (s: NonNullable<BatchEvent['groups'][number]['members']>[number], ctx: DerivedContext) => s.name,
      },
    ] satisfies FieldRule<NonNullable<BatchEvent['groups'][number]['members']>[number]>[],
  },
};
