// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/report.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';

/** The embedded default: a self-contained HTML report for reading a learning run (summary cards on named scales, reward, success-rate, signal, playbook, token and latency curves with an evolution lane, per-task rewards, the lowest- and highest-reward episodes with their conversations, and what each number means). No server, no network at view time. */
export const REPORT_TARGETS = {
  /** Run header: identity, configuration and final status. */
  run: { scope: '$' },
  /** One point per iteration on the report's curves, with the iteration's per-task rewards. */
  point: { scope: '$' },
  /** An evolution step, drawn in the evolution lane. */
  mark: { scope: '$' },
  /** An episode's numbers, for the per-iteration success rate, tokens and latency and for the lowest- and highest-reward lists. */
  episode: { scope: '$', maxValueLength: 200000 },
} as const satisfies Record<string, TargetSpec>;

export type ReportTarget = keyof typeof REPORT_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface ReportKeys {
  /** Run header: identity, configuration and final status. */
  run:
    | 'finished_at'
    | 'status'
    | 'best_reward'
    | 'improvement_delta'
    | 'total_cost_tokens'
    | 'n_iterations_completed'
    | 'error'
    | 'run_id'
    | 'started_at'
    | 'source'
    | 'bench'
    | 'domain_tags'
    | 'n_iterations'
    | 'config_hash'
    | 'parent_run_id'
    | 'tags';
  /** One point per iteration on the report's curves, with the iteration's per-task rewards. */
  point:
    | 'iteration'
    | 'timestamp'
    | 'n_episodes'
    | 'episodes'
    | 'raw.mean'
    | 'raw.min'
    | 'raw.max'
    | 'reward.mean'
    | 'reward.min'
    | 'reward.max'
    | `signal.${string}`
    | 'playbook.size'
    | 'playbook.helpful'
    | 'playbook.harmful'
    | 'playbook.mean_score'
    | 'state.combined'
    | 'state.harness_snapshot'
    | 'fb.harness'
    | 'fb.router'
    | 'fb.weights'
    | 'playbook.version'
    | `task.${string}.reward`
    | `task.${string}.rollouts`
    | `task.${string}.error`;
  /** An evolution step, drawn in the evolution lane. */
  mark: 'iteration' | 'actions' | 'reward_delta' | 'reward_before' | 'reward_after' | 'state_before' | 'state_after' | 'backend';
  /** An episode's numbers, for the per-iteration success rate, tokens and latency and for the lowest- and highest-reward lists. */
  episode:
    | 'iteration'
    | 'id'
    | 'task_id'
    | 'bench'
    | 'model'
    | 'session_id'
    | 'state_id'
    | 'signals'
    | 'filtered'
    | 'total_tokens'
    | 'total_ms'
    | 'effective_reward'
    | 'normalized_reward'
    | 'n_steps'
    | 'n_tool_calls'
    | 'n_failed_tool_calls'
    | 'error'
    | 'summary_only';
}

/** Fields of one instance of a report target, keyed by that target's names. */
export type ReportFields<T extends ReportTarget> = Fields<ReportKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const REPORT_KEYS = {
  run: [
    'finished_at',
    'status',
    'best_reward',
    'improvement_delta',
    'total_cost_tokens',
    'n_iterations_completed',
    'error',
    'run_id',
    'started_at',
    'source',
    'bench',
    'domain_tags',
    'n_iterations',
    'config_hash',
    'parent_run_id',
    'tags',
  ],
  point: [
    'iteration',
    'timestamp',
    'n_episodes',
    'episodes',
    'raw.mean',
    'raw.min',
    'raw.max',
    'reward.mean',
    'reward.min',
    'reward.max',
    'playbook.size',
    'playbook.helpful',
    'playbook.harmful',
    'playbook.mean_score',
    'state.combined',
    'state.harness_snapshot',
    'fb.harness',
    'fb.router',
    'fb.weights',
    'playbook.version',
  ],
  mark: ['iteration', 'actions', 'reward_delta', 'reward_before', 'reward_after', 'state_before', 'state_after', 'backend'],
  episode: [
    'iteration',
    'id',
    'task_id',
    'bench',
    'model',
    'session_id',
    'state_id',
    'signals',
    'filtered',
    'total_tokens',
    'total_ms',
    'effective_reward',
    'normalized_reward',
    'n_steps',
    'n_tool_calls',
    'n_failed_tool_calls',
    'error',
    'summary_only',
  ],
} as const satisfies { readonly [T in ReportTarget]: ReadonlyArray<ReportKeys[T]> };

/** Where each field of each event lands in report: event type → target → rules. */
export const REPORT_RULES = {
  episode: {
    episode: [
      {
        key: 'iteration',
        source: 'iteration',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'id',
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
        key: 'model',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'session_id',
        source: 'episode.session_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.session_id,
      },
      {
        key: 'state_id',
        source: 'episode.state_id',
        transform: 'hash12',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.state_id,
      },
      {
        key: 'signals',
        source: 'episode.summary.signals',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.signals,
      },
      {
        key: 'filtered',
        source: 'episode.summary.filtered',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.filtered,
      },
      {
        key: 'total_tokens',
        source: 'episode.summary.token_usage.total_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.total_tokens,
      },
      {
        key: 'total_ms',
        source: 'episode.summary.timing.total_ms',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.timing?.total_ms,
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
        key: 'n_tool_calls',
        source: 'derived:n_tool_calls',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_tool_calls(s, ctx),
      },
      {
        key: 'n_failed_tool_calls',
        source: 'derived:n_failed_tool_calls',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_failed_tool_calls(s, ctx),
      },
      {
        key: 'error',
        source: 'derived:episode_error',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_error(s, ctx),
      },
      {
        key: 'summary_only',
        source: 'derived:episode_summary_only',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_summary_only(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
  },
  evolution: {
    mark: [
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
      {
        key: 'reward_before',
        source: 'reward_before',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_before,
      },
      {
        key: 'reward_after',
        source: 'reward_after',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_after,
      },
      {
        key: 'state_before',
        source: 'state_hash_before',
        transform: 'hash12',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_before,
      },
      {
        key: 'state_after',
        source: 'state_hash_after',
        transform: 'hash12',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_after,
      },
      {
        key: 'backend',
        source: 'backend',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.backend,
      },
    ] satisfies FieldRule<EvolutionEvent>[],
  },
  iteration: {
    point: [
      {
        key: 'iteration',
        source: 'iteration',
        get: (s: IterationEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'timestamp',
        source: 'timestamp',
        get: (s: IterationEvent, ctx: DerivedContext) => s.timestamp,
      },
      {
        key: 'n_episodes',
        source: 'n_episodes',
        get: (s: IterationEvent, ctx: DerivedContext) => s.n_episodes,
      },
      {
        key: 'episodes',
        source: 'derived:episodes_count',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.episodes_count(s, ctx),
      },
      {
        key: 'raw.mean',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'raw.min',
        source: 'min_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.min_reward,
      },
      {
        key: 'raw.max',
        source: 'max_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.max_reward,
      },
      {
        key: 'reward.mean',
        source: 'derived:reward_mean',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean(s, ctx),
      },
      {
        key: 'reward.min',
        source: 'derived:reward_min',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_min(s, ctx),
      },
      {
        key: 'reward.max',
        source: 'derived:reward_max',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_max(s, ctx),
      },
      {
        key: 'signal.{key}',
        source: 'derived:signal_means',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.signal_means(s, ctx),
      },
      {
        key: 'playbook.size',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
      {
        key: 'playbook.helpful',
        source: 'derived:playbook_helpful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_helpful_total(s, ctx),
      },
      {
        key: 'playbook.harmful',
        source: 'derived:playbook_harmful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_harmful_total(s, ctx),
      },
      {
        key: 'playbook.mean_score',
        source: 'derived:playbook_mean_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_mean_score(s, ctx),
      },
      {
        key: 'state.combined',
        source: 'state_id.combined_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.combined_hash,
      },
      {
        key: 'state.harness_snapshot',
        source: 'harness_snapshot_hash',
        transform: 'hash12',
        get: (s: IterationEvent, ctx: DerivedContext) => s.harness_snapshot_hash,
      },
      {
        key: 'fb.harness',
        source: 'fb_results.harness.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.harness?.status,
      },
      {
        key: 'fb.router',
        source: 'fb_results.router.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.router?.status,
      },
      {
        key: 'fb.weights',
        source: 'fb_results.weights.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.weights?.status,
      },
      {
        key: 'playbook.version',
        source: 'playbook_version',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_version,
      },
      {
        key: 'task.{key}.reward',
        source: 'per_task{}.reward',
        entries: (s: IterationEvent, ctx: DerivedContext) => Object.entries(s.per_task ?? {}).map(([k, v]) => [k, v.reward] as const),
      },
      {
        key: 'task.{key}.rollouts',
        source: 'per_task{}.n_rollouts',
        entries: (s: IterationEvent, ctx: DerivedContext) => Object.entries(s.per_task ?? {}).map(([k, v]) => [k, v.n_rollouts] as const),
      },
      {
        key: 'task.{key}.error',
        source: 'per_task{}.error',
        entries: (s: IterationEvent, ctx: DerivedContext) => Object.entries(s.per_task ?? {}).map(([k, v]) => [k, v.error] as const),
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
  'run.finished': {
    run: [
      {
        key: 'finished_at',
        source: 'finished_at',
        transform: 'seconds_to_iso',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.finished_at,
      },
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
        key: 'improvement_delta',
        source: 'improvement_delta',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.improvement_delta,
      },
      {
        key: 'total_cost_tokens',
        source: 'total_cost_tokens',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.total_cost_tokens,
      },
      {
        key: 'n_iterations_completed',
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
    run: [
      {
        key: 'run_id',
        source: 'run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'started_at',
        source: 'started_at',
        transform: 'seconds_to_iso',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.started_at,
      },
      {
        key: 'source',
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
        transform: 'hash12',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.config_hash,
      },
      {
        key: 'parent_run_id',
        source: 'parent_run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.parent_run_id,
      },
      {
        key: 'tags',
        source: 'tags',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.tags,
      },
    ] satisfies FieldRule<RunStartedEvent>[],
  },
};
