// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/demo.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { SampleEvent } from '../types.gen.js';

/** A demo backend with a root target, a keyed map and an array scope filtered by a field. */
export const DEMO_TARGETS = {
  /** One record per event. */
  record: { scope: '$', maxValueLength: 64 },
  /** One row per kept item. */
  row: { scope: 'items[]' },
} as const satisfies Record<string, TargetSpec>;

export type DemoTarget = keyof typeof DEMO_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface DemoKeys {
  /** One record per event. */
  record: 'run' | `count.${string}` | 'meta' | 'items';
  /** One row per kept item. */
  row: 'name' | 'score' | 'tags' | 'n_tags';
}

/** Fields of one instance of a demo target, keyed by that target's names. */
export type DemoFields<T extends DemoTarget> = Fields<DemoKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const DEMO_KEYS = {
  record: ['run', 'meta', 'items'],
  row: ['name', 'score', 'tags', 'n_tags'],
} as const satisfies { readonly [T in DemoTarget]: ReadonlyArray<DemoKeys[T]> };

/** Where each field of each event lands in demo: event type → target → rules. */
export const DEMO_RULES = {
  sample: {
    record: [
      {
        key: 'run',
        source: 'run_id',
        get: (s: SampleEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'count.{key}',
        source: 'counts{}',
        entries: (s: SampleEvent, ctx: DerivedContext) => Object.entries(s.counts).map(([k, v]) => [k, v] as const),
      },
      {
        key: 'meta',
        source: 'meta',
        transform: 'json',
        get: (s: SampleEvent, ctx: DerivedContext) => s.meta,
      },
      {
        key: 'items',
        source: 'derived:item_count',
        get: (s: SampleEvent, ctx: DerivedContext) => derived.item_count(s, ctx),
      },
    ] satisfies FieldRule<SampleEvent>[],
    row: [
      {
        key: 'name',
        source: 'items[].name',
        get: (s: SampleEvent['items'][number], ctx: DerivedContext) => s.name,
      },
      {
        key: 'score',
        source: 'items[].score',
        get: (s: SampleEvent['items'][number], ctx: DerivedContext) => s.score,
      },
      {
        key: 'tags',
        source: 'items[].tags',
        get: (s: SampleEvent['items'][number], ctx: DerivedContext) => s.tags,
      },
      {
        key: 'n_tags',
        source: 'derived:tag_count',
        get: (s: SampleEvent['items'][number], ctx: DerivedContext) => derived.tag_count(s, ctx),
      },
    ] satisfies FieldRule<SampleEvent['items'][number]>[],
  },
};
