// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/console.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';

/** One human-readable line per run start, iteration, evolution step and run end on stderr: a live view while a run streams in. */
export const CONSOLE_TARGETS = {
  /** Values printed on the event's line, as key=value. */
  line: { scope: '$', maxValueLength: 120 },
} as const satisfies Record<string, TargetSpec>;

export type ConsoleTarget = keyof typeof CONSOLE_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface ConsoleKeys {
  /** Values printed on the event's line, as key=value. */
  line:
    | 'iteration'
    | 'actions'
    | 'reward_delta'
    | 'episodes'
    | 'reward'
    | 'avg_reward'
    | 'playbook'
    | 'state'
    | 'status'
    | 'best_reward'
    | 'iterations'
    | 'error'
    | 'run'
    | 'bench'
    | 'source';
}

/** Fields of one instance of a console target, keyed by that target's names. */
export type ConsoleFields<T extends ConsoleTarget> = Fields<ConsoleKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const CONSOLE_KEYS = {
  line: [
    'iteration',
    'actions',
    'reward_delta',
    'episodes',
    'reward',
    'avg_reward',
    'playbook',
    'state',
    'status',
    'best_reward',
    'iterations',
    'error',
    'run',
    'bench',
    'source',
  ],
} as const satisfies { readonly [T in ConsoleTarget]: ReadonlyArray<ConsoleKeys[T]> };

/** Where each field of each event lands in console: event type → target → rules. */
export const CONSOLE_RULES = {
  evolution: {
    line: [
      {
        key: 'iteration',
        source: 'iteration',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'actions',
        source: 'actions',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.actions,
      },
      {
        key: 'reward_delta',
        source: 'reward_delta',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_delta,
      },
    ] satisfies FieldRule<EvolutionEvent>[],
  },
  iteration: {
    line: [
      {
        key: 'iteration',
        source: 'iteration',
        get: (s: IterationEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'episodes',
        source: 'derived:episodes_count',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.episodes_count(s, ctx),
      },
      {
        key: 'reward',
        source: 'derived:reward_mean',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean(s, ctx),
      },
      {
        key: 'avg_reward',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'playbook',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
      {
        key: 'state',
        source: 'state_id.combined_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.combined_hash,
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
  'run.finished': {
    line: [
      {
        key: 'status',
        source: 'status',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.status,
      },
      {
        key: 'best_reward',
        source: 'best_reward',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.best_reward,
      },
      {
        key: 'iterations',
        source: 'n_iterations_completed',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.n_iterations_completed,
      },
      {
        key: 'error',
        source: 'error',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.error,
      },
    ] satisfies FieldRule<RunFinishedEvent>[],
  },
  'run.started': {
    line: [
      {
        key: 'run',
        source: 'run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'bench',
        source: 'bench',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.bench,
      },
      {
        key: 'iterations',
        source: 'n_iterations',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.n_iterations,
      },
      {
        key: 'source',
        source: 'source',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.source,
      },
    ] satisfies FieldRule<RunStartedEvent>[],
  },
};
