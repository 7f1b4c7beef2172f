// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/wandb.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';

/** Weights & Biases run: history rows at step = iteration with ClawLoop WandbSink's metric names, run config, an episodes table, and summary values at the end. */
export const WANDB_TARGETS = {
  /** Run config (from run.started). */
  config: { scope: '$', maxValueLength: 65536 },
  /** Run properties the transport sets on the W&B run itself (tags). */
  run: { scope: '$' },
  /** History row logged at step = iteration. */
  history: { scope: '$', maxValueLength: 4096 },
  /** One row of the `episodes/table` table of the iteration. */
  'table.episodes': { scope: '$', maxValueLength: 4096 },
  /** Run summary values (from run.finished). */
  summary: { scope: '$', maxValueLength: 4096 },
} as const satisfies Record<string, TargetSpec>;

export type WandbTarget = keyof typeof WANDB_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface WandbKeys {
  /** Run config (from run.started). */
  config:
    | 'clawloop_run_id'
    | 'clawloop_source'
    | 'bench'
    | 'domain_tags'
    | 'n_iterations'
    | 'config_hash'
    | 'parent_run_id'
    | 'agent_config'
    | 'config'
    | `extra/${string}`;
  /** Run properties the transport sets on the W&B run itself (tags). */
  run: 'tags';
  /** History row logged at step = iteration. */
  history:
    | `evolution/${string}`
    | 'evolution/reward_delta'
    | 'evolution/state_after'
    | 'evolution/backend'
    | 'reward/mean'
    | 'reward/min'
    | 'reward/max'
    | 'reward/mean_normalized'
    | `reward/${string}_mean`
    | 'episodes/count'
    | 'reward/raw_mean'
    | 'reward/raw_min'
    | 'reward/raw_max'
    | `task/${string}/reward`
    | 'playbook/size'
    | 'playbook/mean_score'
    | 'playbook/max_score'
    | 'playbook/helpful_total'
    | 'playbook/harmful_total'
    | 'playbook/version'
    | 'playbook/generation'
    | 'state/combined'
    | 'state/harness'
    | 'state/router'
    | 'state/weights'
    | 'state/harness_snapshot'
    | 'fb/harness/status'
    | 'fb/router/status'
    | 'fb/weights/status'
    | `fb/${string}`
    | `extra/${string}`
    | 'episodes/table'
    | '_step'
    | '_runtime'
    | '_timestamp';
  /** One row of the `episodes/table` table of the iteration. */
  'table.episodes':
    | 'episode_id'
    | 'task_id'
    | 'bench'
    | 'state_id'
    | 'model'
    | 'effective_reward'
    | 'normalized_reward'
    | 'n_steps'
    | 'n_messages'
    | 'filtered'
    | 'iteration';
  /** Run summary values (from run.finished). */
  summary:
    | 'clawloop/status'
    | 'clawloop/best_reward'
    | 'clawloop/improvement_delta'
    | 'clawloop/total_cost_tokens'
    | 'clawloop/iterations_completed'
    | 'clawloop/error'
    | `extra/${string}`;
}

/** Fields of one instance of a wandb target, keyed by that target's names. */
export type WandbFields<T extends WandbTarget> = Fields<WandbKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const WANDB_KEYS = {
  config: [
    'clawloop_run_id',
    'clawloop_source',
    'bench',
    'domain_tags',
    'n_iterations',
    'config_hash',
    'parent_run_id',
    'agent_config',
    'config',
  ],
  run: ['tags'],
  history: [
    'evolution/reward_delta',
    'evolution/state_after',
    'evolution/backend',
    'reward/mean',
    'reward/min',
    'reward/max',
    'reward/mean_normalized',
    'episodes/count',
    'reward/raw_mean',
    'reward/raw_min',
    'reward/raw_max',
    'playbook/size',
    'playbook/mean_score',
    'playbook/max_score',
    'playbook/helpful_total',
    'playbook/harmful_total',
    'playbook/version',
    'playbook/generation',
    'state/combined',
    'state/harness',
    'state/router',
    'state/weights',
    'state/harness_snapshot',
    'fb/harness/status',
    'fb/router/status',
    'fb/weights/status',
    'episodes/table',
    '_step',
    '_runtime',
    '_timestamp',
  ],
  'table.episodes': [
    'episode_id',
    'task_id',
    'bench',
    'state_id',
    'model',
    'effective_reward',
    'normalized_reward',
    'n_steps',
    'n_messages',
    'filtered',
    'iteration',
  ],
  summary: [
    'clawloop/status',
    'clawloop/best_reward',
    'clawloop/improvement_delta',
    'clawloop/total_cost_tokens',
    'clawloop/iterations_completed',
    'clawloop/error',
  ],
} as const satisfies { readonly [T in WandbTarget]: ReadonlyArray<WandbKeys[T]> };

/** Where each field of each event lands in wandb: event type → target → rules. */
export const WANDB_RULES = {
  episode: {
    'table.episodes': [
      {
        key: 'episode_id',
        source: 'episode.id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.id,
      },
      {
        key: 'task_id',
        source: 'episode.task_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.task_id,
      },
      {
        key: 'bench',
        source: 'episode.bench',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.bench,
      },
      {
        key: 'state_id',
        source: 'episode.state_id',
        transform: 'hash12',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.state_id,
      },
      {
        key: 'model',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'effective_reward',
        source: 'derived:effective_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.effective_reward(s, ctx),
      },
      {
        key: 'normalized_reward',
        source: 'derived:normalized_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.normalized_reward(s, ctx),
      },
      {
        key: 'n_steps',
        source: 'derived:n_steps',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_steps(s, ctx),
      },
      {
        key: 'n_messages',
        source: 'derived:n_messages',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_messages(s, ctx),
      },
      {
        key: 'filtered',
        source: 'episode.summary.filtered',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.filtered,
      },
      {
        key: 'iteration',
        source: 'iteration',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.iteration,
      },
    ] satisfies FieldRule<EpisodeEvent>[],
  },
  evolution: {
    history: [
      {
        key: 'evolution/{key}',
        source: 'derived:action_flags',
        entries: (s: EvolutionEvent, ctx: DerivedContext) => derived.action_flags(s, ctx),
      },
      {
        key: 'evolution/reward_delta',
        source: 'reward_delta',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_delta,
      },
      {
        key: 'evolution/state_after',
        source: 'state_hash_after',
        transform: 'hash12',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_after,
      },
      {
        key: 'evolution/backend',
        source: 'backend',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.backend,
      },
    ] satisfies FieldRule<EvolutionEvent>[],
  },
  iteration: {
    history: [
      {
        key: 'reward/mean',
        source: 'derived:reward_mean',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean(s, ctx),
      },
      {
        key: 'reward/min',
        source: 'derived:reward_min',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_min(s, ctx),
      },
      {
        key: 'reward/max',
        source: 'derived:reward_max',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_max(s, ctx),
      },
      {
        key: 'reward/mean_normalized',
        source: 'derived:reward_mean_normalized',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean_normalized(s, ctx),
      },
      {
        key: 'reward/{key}_mean',
        source: 'derived:signal_means',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.signal_means(s, ctx),
      },
      {
        key: 'episodes/count',
        source: 'derived:episodes_count',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.episodes_count(s, ctx),
      },
      {
        key: 'reward/raw_mean',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'reward/raw_min',
        source: 'min_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.min_reward,
      },
      {
        key: 'reward/raw_max',
        source: 'max_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.max_reward,
      },
      {
        key: 'task/{key}/reward',
        source: 'per_task{}.reward',
        entries: (s: IterationEvent, ctx: DerivedContext) => Object.entries(s.per_task ?? {}).map(([k, v]) => [k, v.reward] as const),
      },
      {
        key: 'playbook/size',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
      {
        key: 'playbook/mean_score',
        source: 'derived:playbook_mean_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_mean_score(s, ctx),
      },
      {
        key: 'playbook/max_score',
        source: 'derived:playbook_max_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_max_score(s, ctx),
      },
      {
        key: 'playbook/helpful_total',
        source: 'derived:playbook_helpful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_helpful_total(s, ctx),
      },
      {
        key: 'playbook/harmful_total',
        source: 'derived:playbook_harmful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_harmful_total(s, ctx),
      },
      {
        key: 'playbook/version',
        source: 'playbook_version',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_version,
      },
      {
        key: 'playbook/generation',
        source: 'playbook_generation',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_generation,
      },
      {
        key: 'state/combined',
        source: 'state_id.combined_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.combined_hash,
      },
      {
        key: 'state/harness',
        source: 'state_id.harness_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.harness_hash,
      },
      {
        key: 'state/router',
        source: 'state_id.router_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.router_hash,
      },
      {
        key: 'state/weights',
        source: 'state_id.weights_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.weights_hash,
      },
      {
        key: 'state/harness_snapshot',
        source: 'harness_snapshot_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.harness_snapshot_hash,
      },
      {
        key: 'fb/harness/status',
        source: 'fb_results.harness.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.harness?.status,
      },
      {
        key: 'fb/router/status',
        source: 'fb_results.router.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.router?.status,
      },
      {
        key: 'fb/weights/status',
        source: 'fb_results.weights.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.weights?.status,
      },
      {
        key: 'fb/{key}',
        source: 'derived:fb_numeric_metrics',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.fb_numeric_metrics(s, ctx),
      },
      {
        key: 'extra/{key}',
        source: 'derived:iteration_extras',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.iteration_extras(s, ctx),
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
  'run.finished': {
    summary: [
      {
        key: 'clawloop/status',
        source: 'status',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.status,
      },
      {
        key: 'clawloop/best_reward',
        source: 'best_reward',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.best_reward,
      },
      {
        key: 'clawloop/improvement_delta',
        source: 'improvement_delta',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.improvement_delta,
      },
      {
        key: 'clawloop/total_cost_tokens',
        source: 'total_cost_tokens',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.total_cost_tokens,
      },
      {
        key: 'clawloop/iterations_completed',
        source: 'n_iterations_completed',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.n_iterations_completed,
      },
      {
        key: 'clawloop/error',
        source: 'error',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.error,
      },
      {
        key: 'extra/{key}',
        source: 'derived:run_finished_extras',
        entries: (s: RunFinishedEvent, ctx: DerivedContext) => derived.run_finished_extras(s, ctx),
      },
    ] satisfies FieldRule<RunFinishedEvent>[],
  },
  'run.started': {
    config: [
      {
        key: 'clawloop_run_id',
        source: 'run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'clawloop_source',
        source: 'source',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.source,
      },
      {
        key: 'bench',
        source: 'bench',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.bench,
      },
      {
        key: 'domain_tags',
        source: 'domain_tags',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.domain_tags,
      },
      {
        key: 'n_iterations',
        source: 'n_iterations',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.n_iterations,
      },
      {
        key: 'config_hash',
        source: 'config_hash',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.config_hash,
      },
      {
        key: 'parent_run_id',
        source: 'parent_run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.parent_run_id,
      },
      {
        key: 'agent_config',
        source: 'agent_config',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.agent_config,
      },
      {
        key: 'config',
        source: 'config',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.config,
      },
      {
        key: 'extra/{key}',
        source: 'derived:run_started_extras',
        entries: (s: RunStartedEvent, ctx: DerivedContext) => derived.run_started_extras(s, ctx),
      },
    ] satisfies FieldRule<RunStartedEvent>[],
    run: [
      {
        key: 'tags',
        source: 'tags',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.tags,
      },
    ] satisfies FieldRule<RunStartedEvent>[],
  },
};
