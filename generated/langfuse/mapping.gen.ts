// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/langfuse.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, IterationEvent } from '../types.gen.js';

/** Langfuse: one trace per episode over Langfuse's OTLP endpoint (AGENT observation → GENERATION per assistant message → TOOL per tool call, with langfuse.* attributes the server reads), reward signals, the effective reward and `filtered` as scores; per-iteration rewards as scores on a run-level trace. */
export const LANGFUSE_TARGETS = {
  /** Resource of a run's spans (one per run); OTEL_* variables do not apply to this sink. */
  resource: { scope: '$' },
  /** The episode's root span: the trace's attributes (langfuse.trace.*, session.id) and its AGENT observation. */
  'span.episode': {
    scope: '$',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'AGENT', 'gen_ai.operation.name': 'invoke_agent', 'langfuse.observation.type': 'agent' },
  },
  /** A GENERATION observation per assistant message. */
  'span.llm': {
    scope: 'episode.messages[]',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'LLM', 'gen_ai.operation.name': 'chat', 'langfuse.observation.type': 'generation' },
  },
  /** A TOOL observation per tool call. */
  'span.tool': {
    scope: 'episode.messages[].tool_calls[]',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'TOOL', 'gen_ai.operation.name': 'execute_tool', 'langfuse.observation.type': 'tool' },
  },
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': { scope: 'episode.messages[].tool_calls[]', constants: { 'exception.type': 'ToolCallFailed' } },
  /** The `iteration:{N}` observation (CHAIN) of the run's `clawloop-run` trace, which holds the per-iteration scores. */
  'run.span': { scope: '$', constants: { 'langfuse.observation.type': 'chain' } },
  /** Scores on the episode's trace (NUMERIC, or BOOLEAN for boolean values); ids derived from the trace and the score name. */
  scores: { scope: '$' },
  /** Scores on the run's `clawloop-run` trace, one per iteration (the name carries the metric, the comment the iteration). */
  'run.scores': { scope: '$' },
} as const satisfies Record<string, TargetSpec>;

export type LangfuseTarget = keyof typeof LANGFUSE_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface LangfuseKeys {
  /** Resource of a run's spans (one per run); OTEL_* variables do not apply to this sink. */
  resource: 'service.name' | 'clawloop.run.id';
  /** The episode's root span: the trace's attributes (langfuse.trace.*, session.id) and its AGENT observation. */
  'span.episode':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'langfuse.observation.type'
    | 'langfuse.trace.name'
    | 'session.id'
    | 'langfuse.trace.tags'
    | 'langfuse.trace.input'
    | 'langfuse.trace.output'
    | 'langfuse.trace.metadata.run_id'
    | 'langfuse.trace.metadata.iteration'
    | 'langfuse.trace.metadata.episode_id'
    | 'langfuse.trace.metadata.task_id'
    | 'langfuse.trace.metadata.bench'
    | 'langfuse.trace.metadata.state_id'
    | 'langfuse.trace.metadata.harness_version'
    | 'langfuse.trace.metadata.model'
    | 'langfuse.observation.metadata'
    | 'langfuse.observation.metadata.score_breakdown'
    | 'langfuse.observation.metadata.prompt_tokens'
    | 'langfuse.observation.metadata.completion_tokens'
    | 'langfuse.observation.metadata.total_tokens'
    | 'langfuse.observation.metadata.total_ms'
    | 'langfuse.observation.metadata.per_step_ms'
    | 'langfuse.observation.metadata.scored_at_generation'
    | 'langfuse.observation.input'
    | 'langfuse.observation.output'
    | 'langfuse.observation.status_message'
    | `langfuse.trace.metadata.extra.${string}`
    | 'langfuse.environment'
    | 'langfuse.release';
  /** A GENERATION observation per assistant message. */
  'span.llm':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'langfuse.observation.type'
    | 'langfuse.observation.model.name'
    | 'langfuse.observation.output'
    | 'langfuse.observation.metadata.reasoning_content'
    | 'langfuse.observation.input'
    | 'langfuse.observation.usage_details'
    | 'langfuse.observation.metadata.step'
    | 'langfuse.observation.metadata.step_reward'
    | 'langfuse.environment'
    | 'langfuse.release';
  /** A TOOL observation per tool call. */
  'span.tool':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'langfuse.observation.type'
    | 'langfuse.observation.metadata.tool_call_id'
    | 'langfuse.observation.input'
    | 'langfuse.observation.output'
    | 'langfuse.observation.level'
    | 'langfuse.observation.status_message'
    | 'langfuse.observation.metadata.latency_ms'
    | 'langfuse.observation.metadata.success'
    | 'langfuse.environment'
    | 'langfuse.release';
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': 'exception.type' | 'exception.message';
  /** The `iteration:{N}` observation (CHAIN) of the run's `clawloop-run` trace, which holds the per-iteration scores. */
  'run.span':
    | 'langfuse.observation.type'
    | 'langfuse.trace.metadata.run_id'
    | 'langfuse.observation.metadata.iteration'
    | 'langfuse.trace.name'
    | 'langfuse.environment'
    | 'langfuse.release';
  /** Scores on the episode's trace (NUMERIC, or BOOLEAN for boolean values); ids derived from the trace and the score name. */
  scores: string | 'effective_reward' | 'normalized_reward' | 'filtered';
  /** Scores on the run's `clawloop-run` trace, one per iteration (the name carries the metric, the comment the iteration). */
  'run.scores': 'reward.mean' | 'reward.mean_normalized' | 'reward.raw_mean' | 'playbook.size';
}

/** Fields of one instance of a langfuse target, keyed by that target's names. */
export type LangfuseFields<T extends LangfuseTarget> = Fields<LangfuseKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const LANGFUSE_KEYS = {
  resource: ['service.name', 'clawloop.run.id'],
  'span.episode': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'langfuse.observation.type',
    'langfuse.trace.name',
    'session.id',
    'langfuse.trace.tags',
    'langfuse.trace.input',
    'langfuse.trace.output',
    'langfuse.trace.metadata.run_id',
    'langfuse.trace.metadata.iteration',
    'langfuse.trace.metadata.episode_id',
    'langfuse.trace.metadata.task_id',
    'langfuse.trace.metadata.bench',
    'langfuse.trace.metadata.state_id',
    'langfuse.trace.metadata.harness_version',
    'langfuse.trace.metadata.model',
    'langfuse.observation.metadata',
    'langfuse.observation.metadata.score_breakdown',
    'langfuse.observation.metadata.prompt_tokens',
    'langfuse.observation.metadata.completion_tokens',
    'langfuse.observation.metadata.total_tokens',
    'langfuse.observation.metadata.total_ms',
    'langfuse.observation.metadata.per_step_ms',
    'langfuse.observation.metadata.scored_at_generation',
    'langfuse.observation.input',
    'langfuse.observation.output',
    'langfuse.observation.status_message',
    'langfuse.environment',
    'langfuse.release',
  ],
  'span.llm': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'langfuse.observation.type',
    'langfuse.observation.model.name',
    'langfuse.observation.output',
    'langfuse.observation.metadata.reasoning_content',
    'langfuse.observation.input',
    'langfuse.observation.usage_details',
    'langfuse.observation.metadata.step',
    'langfuse.observation.metadata.step_reward',
    'langfuse.environment',
    'langfuse.release',
  ],
  'span.tool': [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'langfuse.observation.type',
    'langfuse.observation.metadata.tool_call_id',
    'langfuse.observation.input',
    'langfuse.observation.output',
    'langfuse.observation.level',
    'langfuse.observation.status_message',
    'langfuse.observation.metadata.latency_ms',
    'langfuse.observation.metadata.success',
    'langfuse.environment',
    'langfuse.release',
  ],
  'event.exception': ['exception.type', 'exception.message'],
  'run.span': [
    'langfuse.observation.type',
    'langfuse.trace.metadata.run_id',
    'langfuse.observation.metadata.iteration',
    'langfuse.trace.name',
    'langfuse.environment',
    'langfuse.release',
  ],
  scores: ['effective_reward', 'normalized_reward', 'filtered'],
  'run.scores': ['reward.mean', 'reward.mean_normalized', 'reward.raw_mean', 'playbook.size'],
} as const satisfies { readonly [T in LangfuseTarget]: ReadonlyArray<LangfuseKeys[T]> };

/** Where each field of each event lands in langfuse: event type → target → rules. */
export const LANGFUSE_RULES = {
  episode: {
    'span.episode': [
      {
        key: 'langfuse.trace.name',
        source: 'derived:trace_name',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.trace_name(s, ctx),
      },
      {
        key: 'session.id',
        source: 'episode.session_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.session_id,
      },
      {
        key: 'langfuse.trace.tags',
        source: 'derived:episode_tags',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_tags(s, ctx),
      },
      {
        key: 'langfuse.trace.input',
        source: 'derived:first_user_message',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.first_user_message(s, ctx),
      },
      {
        key: 'langfuse.trace.output',
        source: 'derived:final_answer',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.final_answer(s, ctx),
      },
      {
        key: 'langfuse.trace.metadata.run_id',
        source: 'run_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'langfuse.trace.metadata.iteration',
        source: 'iteration',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'langfuse.trace.metadata.episode_id',
        source: 'episode.id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.id,
      },
      {
        key: 'langfuse.trace.metadata.task_id',
        source: 'episode.task_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.task_id,
      },
      {
        key: 'langfuse.trace.metadata.bench',
        source: 'episode.bench',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.bench,
      },
      {
        key: 'langfuse.trace.metadata.state_id',
        source: 'episode.state_id',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.state_id,
      },
      {
        key: 'langfuse.trace.metadata.harness_version',
        source: 'derived:harness_version',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.harness_version(s, ctx),
      },
      {
        key: 'langfuse.trace.metadata.model',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'langfuse.observation.metadata',
        source: 'episode.metadata',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.metadata,
      },
      {
        key: 'langfuse.observation.metadata.score_breakdown',
        source: 'episode.summary.score_breakdown',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.score_breakdown,
      },
      {
        key: 'langfuse.observation.metadata.prompt_tokens',
        source: 'episode.summary.token_usage.prompt_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.prompt_tokens,
      },
      {
        key: 'langfuse.observation.metadata.completion_tokens',
        source: 'episode.summary.token_usage.completion_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.completion_tokens,
      },
      {
        key: 'langfuse.observation.metadata.total_tokens',
        source: 'episode.summary.token_usage.total_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.total_tokens,
      },
      {
        key: 'langfuse.observation.metadata.total_ms',
        source: 'episode.summary.timing.total_ms',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.timing?.total_ms,
      },
      {
        key: 'langfuse.observation.metadata.per_step_ms',
        source: 'episode.summary.timing.per_step_ms',
        transform: 'json',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.timing?.per_step_ms,
      },
      {
        key: 'langfuse.observation.metadata.scored_at_generation',
        source: 'episode.summary.scored_at_generation',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.scored_at_generation,
      },
      {
        key: 'langfuse.observation.input',
        source: 'derived:first_user_message',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.first_user_message(s, ctx),
      },
      {
        key: 'langfuse.observation.output',
        source: 'derived:final_answer',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.final_answer(s, ctx),
      },
      {
        key: 'langfuse.observation.status_message',
        source: 'derived:episode_error',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_error(s, ctx),
      },
      {
        key: 'langfuse.trace.metadata.extra.{key}',
        source: 'derived:episode_extras',
        entries: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_extras(s, ctx),
      },
    ] satisfies FieldRule<EpisodeEvent>[],
    'span.llm': [
      {
        key: 'langfuse.observation.model.name',
        source: 'episode.messages[].model',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.model,
      },
      {
        key: 'langfuse.observation.output',
        source: 'derived:message_text',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.message_text(s, ctx),
      },
      {
        key: 'langfuse.observation.metadata.reasoning_content',
        source: 'episode.messages[].reasoning_content',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.reasoning_content,
      },
      {
        key: 'langfuse.observation.input',
        source: 'derived:input_messages_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.input_messages_json(s, ctx),
      },
      {
        key: 'langfuse.observation.usage_details',
        source: 'derived:usage_details_json',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.usage_details_json(s, ctx),
      },
      {
        key: 'langfuse.observation.metadata.step',
        source: 'derived:step_index',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.step_index(s, ctx),
      },
      {
        key: 'langfuse.observation.metadata.step_reward',
        source: 'derived:step_reward',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.step_reward(s, ctx),
      },
    ] satisfies FieldRule<NonNullable<EpisodeEvent['episode']['messages']>[number]>[],
    'span.tool': [
      {
        key: 'langfuse.observation.metadata.tool_call_id',
        source: 'episode.messages[].tool_calls[].id',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) => s.id,
      },
      {
        key: 'langfuse.observation.input',
        source: 'episode.messages[].tool_calls[].arguments',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.arguments,
      },
      {
        key: 'langfuse.observation.output',
        source: 'derived:tool_output',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          derived.tool_output(s, ctx),
      },
      {
        key: 'langfuse.observation.level',
        source: 'derived:tool_level',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          derived.tool_level(s, ctx),
      },
      {
        key: 'langfuse.observation.status_message',
        source: 'episode.messages[].tool_calls[].error',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.error,
      },
      {
        key: 'langfuse.observation.metadata.latency_ms',
        source: 'episode.messages[].tool_calls[].latency_ms',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.latency_ms,
      },
      {
        key: 'langfuse.observation.metadata.success',
        source: 'episode.messages[].tool_calls[].success',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.success,
      },
    ] satisfies FieldRule<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number]>[],
    scores: [
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
      {
        key: 'normalized_reward',
        source: 'derived:normalized_reward',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.normalized_reward(s, ctx),
      },
      {
        key: 'filtered',
        source: 'episode.summary.filtered',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.filtered,
      },
    ] satisfies FieldRule<EpisodeEvent>[],
  },
  iteration: {
    'run.scores': [
      {
        key: 'reward.mean',
        source: 'derived:reward_mean',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean(s, ctx),
      },
      {
        key: 'reward.mean_normalized',
        source: 'derived:reward_mean_normalized',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean_normalized(s, ctx),
      },
      {
        key: 'reward.raw_mean',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'playbook.size',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
    ] satisfies FieldRule<IterationEvent>[],
    'run.span': [
      {
        key: 'langfuse.trace.metadata.run_id',
        source: 'run_id',
        get: (s: IterationEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'langfuse.observation.metadata.iteration',
        source: 'iteration',
        get: (s: IterationEvent, ctx: DerivedContext) => s.iteration,
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
};
