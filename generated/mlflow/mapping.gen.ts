// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/otel.mapping.json + schema/backends/mlflow.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from '../types.gen.js';

/** MLflow: a parent run per ClawLoop run, a nested run per iteration; reward signals as metrics at step = iteration (names as ClawLoop's MlflowSink), state hashes as tags, playbook snapshots and evolution actions as JSON artifacts, episodes as traces (the otel span tree, inherited from otel.mapping.json, over MLflow's OTLP endpoint) with signals as assessments. */
export const MLFLOW_TARGETS = {
  /** Resource of a run's spans (one per run), beside the names OTEL_RESOURCE_ATTRIBUTES adds. */
  resource: { scope: '$' },
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  'span.episode': {
    scope: '$',
    maxValueLength: 8192,
    constants: { 'openinference.span.kind': 'AGENT', 'gen_ai.operation.name': 'invoke_agent' },
  },
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  'span.llm': {
    scope: 'episode.messages[]',
    maxValueLength: 8192,
    constants: { 'openinference.span.kind': 'LLM', 'gen_ai.operation.name': 'chat' },
  },
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  'span.tool': {
    scope: 'episode.messages[].tool_calls[]',
    maxValueLength: 8192,
    constants: { 'openinference.span.kind': 'TOOL', 'gen_ai.operation.name': 'execute_tool' },
  },
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': { scope: 'episode.messages[].tool_calls[]', constants: { 'exception.type': 'ToolCallFailed' } },
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  'event.evaluation': { scope: '$', constants: { 'gen_ai.evaluation.name': 'clawloop.reward.effective' } },
  /** Params of the parent run (immutable in MLflow). */
  params: { scope: '$', maxValueLength: 6000, maxKeyLength: 250 },
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  tags: { scope: '$', maxValueLength: 5000, maxKeyLength: 250 },
  /** Metrics at step = iteration, on the iteration's nested run and on the parent run (one chart shows the learning curve). */
  metrics: { scope: '$', maxKeyLength: 250 },
  /** Tags the parent run is created with, by which a replay finds it again. */
  'run.tags': { scope: '$', constants: { 'clawloop.role': 'run', 'mlflow.source.name': 'clawloop-sinks', 'mlflow.source.type': 'LOCAL' } },
  /** Tags a nested iteration run is created with, by which a replay finds it again. */
  'iteration.tags': { scope: '$', constants: { 'clawloop.role': 'iteration' } },
  /** JSON artifacts; the key is the artifact path relative to the run's artifact root: an iteration's files on its nested run (unchanged ones only named by a tag), agent_config.json and the final playbook.json on the parent run. */
  artifacts: { scope: '$' },
  /** One row of the iteration's episodes.json artifact (ClawLoop MlflowSink's episode summary). */
  'episode.summary': { scope: '$' },
  /** Feedback assessments on the episode's trace (value in [-1, 1]); rationale names the signal and its confidence. */
  assessments: { scope: '$' },
  /** Final status and end time of the parent run. */
  'run.end': { scope: '$' },
} as const satisfies Record<string, TargetSpec>;

export type MlflowTarget = keyof typeof MLFLOW_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface MlflowKeys {
  /** Resource of a run's spans (one per run), beside the names OTEL_RESOURCE_ATTRIBUTES adds. */
  resource: 'service.name' | 'clawloop.run.id';
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  'span.episode':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'clawloop.run.id'
    | 'clawloop.iteration'
    | 'clawloop.episode.id'
    | 'clawloop.state.id'
    | 'clawloop.task.id'
    | 'clawloop.bench'
    | 'session.id'
    | 'metadata'
    | `clawloop.reward.${string}.value`
    | `clawloop.reward.${string}.confidence`
    | 'clawloop.score_breakdown'
    | 'clawloop.usage.completion_tokens'
    | 'clawloop.usage.total_tokens'
    | 'clawloop.timing.total_ms'
    | 'clawloop.timing.per_step_ms'
    | 'clawloop.filtered'
    | 'clawloop.scored_at_generation'
    | 'clawloop.reward.effective'
    | 'clawloop.reward.normalized'
    | 'clawloop.harness.version'
    | 'input.value'
    | 'output.value'
    | `clawloop.extra.${string}`
    | 'clawloop.session.id'
    | 'gen_ai.conversation.id'
    | 'gen_ai.request.model'
    | 'gen_ai.usage.input_tokens'
    | 'clawloop.reward.signals'
    | 'clawloop.error'
    | 'clawloop.steps'
    | 'clawloop.tool_calls';
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  'span.llm':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'llm.model_name'
    | 'output.value'
    | 'clawloop.reasoning_content'
    | 'clawloop.step.index'
    | 'clawloop.step.reward'
    | 'clawloop.step.done'
    | 'gen_ai.request.model'
    | 'gen_ai.usage.output_tokens'
    | 'gen_ai.input.messages'
    | 'gen_ai.output.messages'
    | 'llm.input_messages'
    | 'llm.output_messages';
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  'span.tool':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'tool.id'
    | 'tool.name'
    | 'tool.parameters'
    | 'clawloop.tool.success'
    | 'clawloop.tool.latency_ms'
    | 'clawloop.tool.error'
    | 'output.value'
    | 'clawloop.step.index'
    | 'gen_ai.tool.call.id'
    | 'gen_ai.tool.name'
    | 'tool.output';
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': 'exception.type' | 'exception.message';
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  'event.evaluation': 'gen_ai.evaluation.name' | 'gen_ai.evaluation.score' | 'gen_ai.evaluation.score.value' | 'clawloop.reward.normalized';
  /** Params of the parent run (immutable in MLflow). */
  params: 'bench' | 'domain_tags' | 'n_iterations' | 'config_hash' | 'parent_run_id' | 'config';
  /** Tags of the run the event belongs to (parent for run events, the iteration's nested run for iteration events). */
  tags:
    | 'clawloop.evolution.actions'
    | 'clawloop.evolution.backend'
    | 'clawloop.evolution.state_before'
    | 'clawloop.evolution.state_after'
    | 'clawloop.state.combined'
    | 'clawloop.state.harness'
    | 'clawloop.state.router'
    | 'clawloop.state.weights'
    | 'clawloop.state.harness_snapshot'
    | 'clawloop.fb.harness.status'
    | 'clawloop.fb.router.status'
    | 'clawloop.fb.weights.status'
    | 'clawloop.tinker.model_id'
    | `clawloop.extra.${string}`
    | 'clawloop.error'
    | 'clawloop.run_id'
    | 'clawloop.source'
    | 'clawloop.bench'
    | 'clawloop.tags';
  /** Metrics at step = iteration, on the iteration's nested run and on the parent run (one chart shows the learning curve). */
  metrics:
    | `evolution.${string}`
    | 'evolution.reward_delta'
    | 'evolution.reward_before'
    | 'evolution.reward_after'
    | 'reward.mean'
    | 'reward.min'
    | 'reward.max'
    | 'reward.mean_normalized'
    | `reward.${string}.mean`
    | 'episodes.count'
    | 'reward.raw_mean'
    | 'reward.raw_min'
    | 'reward.raw_max'
    | `task.${string}.reward`
    | 'playbook.size'
    | 'playbook.mean_score'
    | 'playbook.max_score'
    | 'playbook.helpful_total'
    | 'playbook.harmful_total'
    | 'playbook.version'
    | 'playbook.generation'
    | `fb.${string}`
    | 'run.best_reward'
    | 'run.improvement_delta'
    | 'run.total_cost_tokens'
    | 'run.iterations_completed';
  /** Tags the parent run is created with, by which a replay finds it again. */
  'run.tags': 'clawloop.role' | 'mlflow.source.name' | 'mlflow.source.type' | 'clawloop.run_id' | `clawloop.artifact.${string}`;
  /** Tags a nested iteration run is created with, by which a replay finds it again. */
  'iteration.tags': 'clawloop.role' | 'clawloop.run_id' | 'clawloop.iteration' | 'mlflow.parentRunId' | `clawloop.artifact.${string}`;
  /** JSON artifacts; the key is the artifact path relative to the run's artifact root: an iteration's files on its nested run (unchanged ones only named by a tag), agent_config.json and the final playbook.json on the parent run. */
  artifacts:
    | 'playbook.json'
    | 'playbook_entries.json'
    | 'state_hashes.json'
    | 'fb_results.json'
    | 'per_task.json'
    | 'tinker_checkpoints.json'
    | 'tinker_durable_paths.json'
    | 'agent_config.json'
    | 'episodes.json'
    | 'evolution.json';
  /** One row of the iteration's episodes.json artifact (ClawLoop MlflowSink's episode summary). */
  'episode.summary':
    | 'episode_id'
    | 'task_id'
    | 'bench'
    | 'state_id'
    | 'model'
    | 'filtered'
    | 'effective_reward'
    | 'normalized_reward'
    | 'n_steps'
    | 'n_messages'
    | `extra.${string}`;
  /** Feedback assessments on the episode's trace (value in [-1, 1]); rationale names the signal and its confidence. */
  assessments: string | 'effective_reward';
  /** Final status and end time of the parent run. */
  'run.end': 'status' | 'end_time';
}

/** Fields of one instance of a mlflow target, keyed by that target's names. */
export type MlflowFields<T extends MlflowTarget> = Fields<MlflowKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const MLFLOW_KEYS = {
  resource: ['service.name', 'clawloop.run.id'],
  'span.episode': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'clawloop.run.id',
    'clawloop.iteration',
    'clawloop.episode.id',
    'clawloop.state.id',
    'clawloop.task.id',
    'clawloop.bench',
    'session.id',
    'metadata',
    'clawloop.score_breakdown',
    'clawloop.usage.completion_tokens',
    'clawloop.usage.total_tokens',
    'clawloop.timing.total_ms',
    'clawloop.timing.per_step_ms',
    'clawloop.filtered',
    'clawloop.scored_at_generation',
    'clawloop.reward.effective',
    'clawloop.reward.normalized',
    'clawloop.harness.version',
    'input.value',
    'output.value',
    'clawloop.session.id',
    'gen_ai.conversation.id',
    'gen_ai.request.model',
    'gen_ai.usage.input_tokens',
    'clawloop.reward.signals',
    'clawloop.error',
    'clawloop.steps',
    'clawloop.tool_calls',
  ],
  'span.llm': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'llm.model_name',
    'output.value',
    'clawloop.reasoning_content',
    'clawloop.step.index',
    'clawloop.step.reward',
    'clawloop.step.done',
    'gen_ai.request.model',
    'gen_ai.usage.output_tokens',
    'gen_ai.input.messages',
    'gen_ai.output.messages',
    'llm.input_messages',
    'llm.output_messages',
  ],
  'span.tool': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'tool.id',
    'tool.name',
    'tool.parameters',
    'clawloop.tool.success',
    'clawloop.tool.latency_ms',
    'clawloop.tool.error',
    'output.value',
    'clawloop.step.index',
    'gen_ai.tool.call.id',
    'gen_ai.tool.name',
    'tool.output',
  ],
  'event.exception': ['exception.type', 'exception.message'],
  'event.evaluation': ['gen_ai.evaluation.name', 'gen_ai.evaluation.score', 'gen_ai.evaluation.score.value', 'clawloop.reward.normalized'],
  params: ['bench', 'domain_tags', 'n_iterations', 'config_hash', 'parent_run_id', 'config'],
  tags: [
    'clawloop.evolution.actions',
    'clawloop.evolution.backend',
    'clawloop.evolution.state_before',
    'clawloop.evolution.state_after',
    'clawloop.state.combined',
    'clawloop.state.harness',
    'clawloop.state.router',
    'clawloop.state.weights',
    'clawloop.state.harness_snapshot',
    'clawloop.fb.harness.status',
    'clawloop.fb.router.status',
    'clawloop.fb.weights.status',
    'clawloop.tinker.model_id',
    'clawloop.error',
    'clawloop.run_id',
    'clawloop.source',
    'clawloop.bench',
    'clawloop.tags',
  ],
  metrics: [
    'evolution.reward_delta',
    'evolution.reward_before',
    'evolution.reward_after',
    'reward.mean',
    'reward.min',
    'reward.max',
    'reward.mean_normalized',
    'episodes.count',
    'reward.raw_mean',
    'reward.raw_min',
    'reward.raw_max',
    'playbook.size',
    'playbook.mean_score',
    'playbook.max_score',
    'playbook.helpful_total',
    'playbook.harmful_total',
    'playbook.version',
    'playbook.generation',
    'run.best_reward',
    'run.improvement_delta',
    'run.total_cost_tokens',
    'run.iterations_completed',
  ],
  'run.tags': ['clawloop.role', 'mlflow.source.name', 'mlflow.source.type', 'clawloop.run_id'],
  'iteration.tags': ['clawloop.role', 'clawloop.run_id', 'clawloop.iteration', 'mlflow.parentRunId'],
  artifacts: [
    'playbook.json',
    'playbook_entries.json',
    'state_hashes.json',
    'fb_results.json',
    'per_task.json',
    'tinker_checkpoints.json',
    'tinker_durable_paths.json',
    'agent_config.json',
    'episodes.json',
    'evolution.json',
  ],
  'episode.summary': [
    'episode_id',
    'task_id',
    'bench',
    'state_id',
    'model',
    'filtered',
    'effective_reward',
    'normalized_reward',
    'n_steps',
    'n_messages',
  ],
  assessments: ['effective_reward'],
  'run.end': ['status', 'end_time'],
} as const satisfies { readonly [T in MlflowTarget]: ReadonlyArray<MlflowKeys[T]> };

/** Where each field of each event lands in mlflow: event type → target → rules. */
export const MLFLOW_RULES = {
  episode: {
    'span.episode': [
      {
        key: 'clawloop.run.id',
        source: 'run_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'clawloop.iteration',
        source: 'iteration',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'clawloop.episode.id',
        source: 'episode.id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.id,
      },
      {
        key: 'clawloop.state.id',
        source: 'episode.state_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.state_id,
      },
      {
        key: 'clawloop.task.id',
        source: 'episode.task_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.task_id,
      },
      {
        key: 'clawloop.bench',
        source: 'episode.bench',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.bench,
      },
      {
        key: 'session.id',
        source: 'episode.session_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.session_id,
      },
      {
        key: 'metadata',
        source: 'episode.metadata',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.metadata,
      },
      {
        key: 'clawloop.reward.{key}.value',
        source: 'episode.summary.signals{}.value',
        entries: (s: EpisodeEvent, ctx: DerivedContext) => Object.entries(s.episode.summary.signals).map(([k, v]) => [k, v.value] as const),
      },
      {
        key: 'clawloop.reward.{key}.confidence',
        source: 'episode.summary.signals{}.confidence',
        entries: (s: EpisodeEvent, ctx: DerivedContext) =>
          Object.entries(s.episode.summary.signals).map(([k, v]) => [k, v.confidence] as const),
      },
      {
        key: 'clawloop.score_breakdown',
        source: 'episode.summary.score_breakdown',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.score_breakdown,
      },
      {
        key: 'clawloop.usage.completion_tokens',
        source: 'episode.summary.token_usage.completion_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.completion_tokens,
      },
      {
        key: 'clawloop.usage.total_tokens',
        source: 'episode.summary.token_usage.total_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.total_tokens,
      },
      {
        key: 'clawloop.timing.total_ms',
        source: 'episode.summary.timing.total_ms',
        unit: 'ms',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.timing?.total_ms,
      },
      {
        key: 'clawloop.timing.per_step_ms',
        source: 'episode.summary.timing.per_step_ms',
        unit: 'ms',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.timing?.per_step_ms,
      },
      {
        key: 'clawloop.filtered',
        source: 'episode.summary.filtered',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.filtered,
      },
      {
        key: 'clawloop.scored_at_generation',
        source: 'episode.summary.scored_at_generation',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.scored_at_generation,
      },
      {
        key: 'clawloop.reward.effective',
        source: 'derived:effective_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.effective_reward(s, ctx),
      },
      {
        key: 'clawloop.reward.normalized',
        source: 'derived:normalized_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.normalized_reward(s, ctx),
      },
      {
        key: 'clawloop.harness.version',
        source: 'derived:harness_version',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.harness_version(s, ctx),
      },
      {
        key: 'input.value',
        source: 'derived:first_user_message',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.first_user_message(s, ctx),
      },
      {
        key: 'output.value',
        source: 'derived:final_answer',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.final_answer(s, ctx),
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:episode_extras',
        entries: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_extras(s, ctx),
      },
      {
        key: 'clawloop.session.id',
        source: 'episode.session_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.session_id,
      },
      {
        key: 'gen_ai.conversation.id',
        source: 'episode.session_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.session_id,
      },
      {
        key: 'gen_ai.request.model',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'gen_ai.usage.input_tokens',
        source: 'episode.summary.token_usage.prompt_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.prompt_tokens,
      },
      {
        key: 'clawloop.reward.signals',
        source: 'derived:signals_json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.signals_json(s, ctx),
      },
      {
        key: 'clawloop.error',
        source: 'derived:episode_error',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_error(s, ctx),
      },
      {
        key: 'clawloop.steps',
        source: 'derived:n_steps',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_steps(s, ctx),
      },
      {
        key: 'clawloop.tool_calls',
        source: 'derived:n_tool_calls',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.n_tool_calls(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
    'span.llm': [
      {
        key: 'llm.model_name',
        source: 'episode.messages[].model',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.model,
      },
      {
        key: 'output.value',
        source: 'derived:message_text',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.message_text(s, ctx),
      },
      {
        key: 'clawloop.reasoning_content',
        source: 'episode.messages[].reasoning_content',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.reasoning_content,
      },
      {
        key: 'clawloop.step.index',
        source: 'derived:step_index',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.step_index(s, ctx),
      },
      {
        key: 'clawloop.step.reward',
        source: 'derived:step_reward',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.step_reward(s, ctx),
      },
      {
        key: 'clawloop.step.done',
        source: 'derived:step_done',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.step_done(s, ctx),
      },
      {
        key: 'gen_ai.request.model',
        source: 'episode.messages[].model',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.model,
      },
      {
        key: 'gen_ai.usage.output_tokens',
        source: 'episode.messages[].token_count',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.token_count,
      },
      {
        key: 'gen_ai.input.messages',
        source: 'derived:input_messages_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.input_messages_json(s, ctx),
      },
      {
        key: 'gen_ai.output.messages',
        source: 'derived:output_messages_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.output_messages_json(s, ctx),
      },
      {
        key: 'llm.input_messages',
        source: 'derived:input_messages_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.input_messages_json(s, ctx),
      },
      {
        key: 'llm.output_messages',
        source: 'derived:output_messages_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.output_messages_json(s, ctx),
      },
    ] satisfies FieldRule<NonNullable<EpisodeEvent['episode']['messages']>[number]>[],
    'span.tool': [
      {
        key: 'tool.id',
        source: 'episode.messages[].tool_calls[].id',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) => s.id,
      },
      {
        key: 'tool.name',
        source: 'episode.messages[].tool_calls[].name',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.name,
      },
      {
        key: 'tool.parameters',
        source: 'episode.messages[].tool_calls[].arguments',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.arguments,
      },
      {
        key: 'clawloop.tool.success',
        source: 'episode.messages[].tool_calls[].success',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.success,
      },
      {
        key: 'clawloop.tool.latency_ms',
        source: 'episode.messages[].tool_calls[].latency_ms',
        unit: 'ms',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.latency_ms,
      },
      {
        key: 'clawloop.tool.error',
        source: 'episode.messages[].tool_calls[].error',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.error,
      },
      {
        key: 'output.value',
        source: 'derived:tool_output',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          derived.tool_output(s, ctx),
      },
      {
        key: 'clawloop.step.index',
        source: 'derived:tool_step_index',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          derived.tool_step_index(s, ctx),
      },
      {
        key: 'gen_ai.tool.call.id',
        source: 'episode.messages[].tool_calls[].id',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) => s.id,
      },
      {
        key: 'gen_ai.tool.name',
        source: 'episode.messages[].tool_calls[].name',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.name,
      },
      {
        key: 'tool.output',
        source: 'derived:tool_output',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          derived.tool_output(s, ctx),
      },
    ] satisfies FieldRule<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number]>[],
    'event.evaluation': [
      {
        key: 'gen_ai.evaluation.score',
        source: 'derived:effective_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.effective_reward(s, ctx),
      },
      {
        key: 'gen_ai.evaluation.score.value',
        source: 'derived:effective_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.effective_reward(s, ctx),
      },
      {
        key: 'clawloop.reward.normalized',
        source: 'derived:normalized_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.normalized_reward(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
    'episode.summary': [
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
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.state_id,
      },
      {
        key: 'model',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'filtered',
        source: 'episode.summary.filtered',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.filtered,
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
        key: 'extra.{key}',
        source: 'derived:episode_extras',
        entries: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_extras(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
    assessments: [
      {
        key: '{key}',
        source: 'episode.summary.signals{}.value',
        entries: (s: EpisodeEvent, ctx: DerivedContext) => Object.entries(s.episode.summary.signals).map(([k, v]) => [k, v.value] as const),
      },
      {
        key: 'effective_reward',
        source: 'derived:effective_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.effective_reward(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
  },
  evolution: {
    metrics: [
      {
        key: 'evolution.{key}',
        source: 'derived:action_flags',
        entries: (s: EvolutionEvent, ctx: DerivedContext) => derived.action_flags(s, ctx),
      },
      {
        key: 'evolution.reward_delta',
        source: 'reward_delta',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_delta,
      },
      {
        key: 'evolution.reward_before',
        source: 'reward_before',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_before,
      },
      {
        key: 'evolution.reward_after',
        source: 'reward_after',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_after,
      },
    ] satisfies FieldRule<EvolutionEvent>[],
    tags: [
      {
        key: 'clawloop.evolution.actions',
        source: 'actions',
        transform: 'json',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.actions,
      },
      {
        key: 'clawloop.evolution.backend',
        source: 'backend',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.backend,
      },
      {
        key: 'clawloop.evolution.state_before',
        source: 'state_hash_before',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_before,
      },
      {
        key: 'clawloop.evolution.state_after',
        source: 'state_hash_after',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_after,
      },
    ] satisfies FieldRule<EvolutionEvent>[],
  },
  iteration: {
    metrics: [
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
        key: 'reward.mean_normalized',
        source: 'derived:reward_mean_normalized',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean_normalized(s, ctx),
      },
      {
        key: 'reward.{key}.mean',
        source: 'derived:signal_means',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.signal_means(s, ctx),
      },
      {
        key: 'episodes.count',
        source: 'derived:episodes_count',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.episodes_count(s, ctx),
      },
      {
        key: 'reward.raw_mean',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'reward.raw_min',
        source: 'min_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.min_reward,
      },
      {
        key: 'reward.raw_max',
        source: 'max_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.max_reward,
      },
      {
        key: 'task.{key}.reward',
        source: 'per_task{}.reward',
        entries: (s: IterationEvent, ctx: DerivedContext) => Object.entries(s.per_task ?? {}).map(([k, v]) => [k, v.reward] as const),
      },
      {
        key: 'playbook.size',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
      {
        key: 'playbook.mean_score',
        source: 'derived:playbook_mean_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_mean_score(s, ctx),
      },
      {
        key: 'playbook.max_score',
        source: 'derived:playbook_max_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_max_score(s, ctx),
      },
      {
        key: 'playbook.helpful_total',
        source: 'derived:playbook_helpful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_helpful_total(s, ctx),
      },
      {
        key: 'playbook.harmful_total',
        source: 'derived:playbook_harmful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_harmful_total(s, ctx),
      },
      {
        key: 'playbook.version',
        source: 'playbook_version',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_version,
      },
      {
        key: 'playbook.generation',
        source: 'playbook_generation',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_generation,
      },
      {
        key: 'fb.{key}',
        source: 'derived:fb_numeric_metrics',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.fb_numeric_metrics(s, ctx),
      },
    ] satisfies FieldRule<IterationEvent>[],
    tags: [
      {
        key: 'clawloop.state.combined',
        source: 'state_id.combined_hash',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.combined_hash,
      },
      {
        key: 'clawloop.state.harness',
        source: 'state_id.harness_hash',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.harness_hash,
      },
      {
        key: 'clawloop.state.router',
        source: 'state_id.router_hash',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.router_hash,
      },
      {
        key: 'clawloop.state.weights',
        source: 'state_id.weights_hash',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id?.weights_hash,
      },
      {
        key: 'clawloop.state.harness_snapshot',
        source: 'harness_snapshot_hash',
        get: (s: IterationEvent, ctx: DerivedContext) => s.harness_snapshot_hash,
      },
      {
        key: 'clawloop.fb.harness.status',
        source: 'fb_results.harness.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.harness?.status,
      },
      {
        key: 'clawloop.fb.router.status',
        source: 'fb_results.router.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.router?.status,
      },
      {
        key: 'clawloop.fb.weights.status',
        source: 'fb_results.weights.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.weights?.status,
      },
      {
        key: 'clawloop.tinker.model_id',
        source: 'tinker_model_id',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_model_id,
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:iteration_extras',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.iteration_extras(s, ctx),
      },
    ] satisfies FieldRule<IterationEvent>[],
    artifacts: [
      {
        key: 'playbook.json',
        source: 'playbook',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook,
      },
      {
        key: 'playbook_entries.json',
        source: 'playbook_entries',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_entries,
      },
      {
        key: 'state_hashes.json',
        source: 'state_id',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.state_id,
      },
      {
        key: 'fb_results.json',
        source: 'fb_results',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results,
      },
      {
        key: 'per_task.json',
        source: 'per_task',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.per_task,
      },
      {
        key: 'tinker_checkpoints.json',
        source: 'tinker_checkpoints',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_checkpoints,
      },
      {
        key: 'tinker_durable_paths.json',
        source: 'tinker_durable_paths',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_durable_paths,
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
  'run.finished': {
    'run.end': [
      {
        key: 'status',
        source: 'status',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.status,
      },
      {
        key: 'end_time',
        source: 'finished_at',
        transform: 'seconds_to_ms',
        unit: 'ms',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.finished_at,
      },
    ] satisfies FieldRule<RunFinishedEvent>[],
    tags: [
      {
        key: 'clawloop.error',
        source: 'error',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.error,
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:run_finished_extras',
        entries: (s: RunFinishedEvent, ctx: DerivedContext) => derived.run_finished_extras(s, ctx),
      },
    ] satisfies FieldRule<RunFinishedEvent>[],
    metrics: [
      {
        key: 'run.best_reward',
        source: 'best_reward',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.best_reward,
      },
      {
        key: 'run.improvement_delta',
        source: 'improvement_delta',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.improvement_delta,
      },
      {
        key: 'run.total_cost_tokens',
        source: 'total_cost_tokens',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.total_cost_tokens,
      },
      {
        key: 'run.iterations_completed',
        source: 'n_iterations_completed',
        get: (s: RunFinishedEvent, ctx: DerivedContext) => s.n_iterations_completed,
      },
    ] satisfies FieldRule<RunFinishedEvent>[],
  },
  'run.started': {
    tags: [
      {
        key: 'clawloop.run_id',
        source: 'run_id',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'clawloop.source',
        source: 'source',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.source,
      },
      {
        key: 'clawloop.bench',
        source: 'bench',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.bench,
      },
      {
        key: 'clawloop.tags',
        source: 'tags',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.tags,
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:run_started_extras',
        entries: (s: RunStartedEvent, ctx: DerivedContext) => derived.run_started_extras(s, ctx),
      },
    ] satisfies FieldRule<RunStartedEvent>[],
    params: [
      {
        key: 'bench',
        source: 'bench',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.bench,
      },
      {
        key: 'domain_tags',
        source: 'domain_tags',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.domain_tags,
      },
      {
        key: 'n_iterations',
        source: 'n_iterations',
        transform: 'string',
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
        key: 'config',
        source: 'config',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.config,
      },
    ] satisfies FieldRule<RunStartedEvent>[],
    artifacts: [
      {
        key: 'agent_config.json',
        source: 'agent_config',
        transform: 'json',
        get: (s: RunStartedEvent, ctx: DerivedContext) => s.agent_config,
      },
    ] satisfies FieldRule<RunStartedEvent>[],
  },
};
