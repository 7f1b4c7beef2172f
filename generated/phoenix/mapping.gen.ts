// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/phoenix.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, IterationEvent } from '../types.gen.js';

/** Arize Phoenix: OpenInference spans (AGENT episode → LLM per assistant message with flattened llm.input_messages / llm.output_messages → TOOL per call), a CHAIN span per iteration, and reward signals as span annotations on the episode's root span. */
export const PHOENIX_TARGETS = {
  /** Resource of a run's spans (one per run): Phoenix files them under the project it names. */
  resource: { scope: '$' },
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  'span.episode': {
    scope: '$',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'AGENT', 'gen_ai.operation.name': 'invoke_agent' },
  },
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  'span.llm': {
    scope: 'episode.messages[]',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'LLM', 'gen_ai.operation.name': 'chat' },
  },
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  'span.tool': {
    scope: 'episode.messages[].tool_calls[]',
    maxValueLength: 32768,
    constants: { 'openinference.span.kind': 'TOOL', 'gen_ai.operation.name': 'execute_tool' },
  },
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': { scope: 'episode.messages[].tool_calls[]', constants: { 'exception.type': 'ToolCallFailed' } },
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  'span.iteration': { scope: '$', maxValueLength: 32768, constants: { 'openinference.span.kind': 'CHAIN' } },
  /** Span annotations on the root span: score in [-1, 1]; annotator kind, label and explanation set by the transport from the signal name and confidence. */
  annotations: { scope: '$' },
} as const satisfies Record<string, TargetSpec>;

export type PhoenixTarget = keyof typeof PHOENIX_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface PhoenixKeys {
  /** Resource of a run's spans (one per run): Phoenix files them under the project it names. */
  resource: 'service.name' | 'clawloop.run.id' | 'openinference.project.name';
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
    | 'tag.tags'
    | 'llm.model_name'
    | 'clawloop.usage.prompt_tokens';
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
    | 'llm.token_count.completion'
    | `llm.input_messages.${string}`
    | `llm.output_messages.${string}`;
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
    | 'input.value';
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': 'exception.type' | 'exception.message';
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  'span.iteration':
    | 'openinference.span.kind'
    | 'clawloop.run.id'
    | 'clawloop.iteration'
    | 'clawloop.iteration.n_episodes'
    | 'clawloop.reward.avg'
    | 'clawloop.reward.min'
    | 'clawloop.reward.max'
    | 'clawloop.playbook.version'
    | 'clawloop.playbook.generation'
    | 'clawloop.state.combined'
    | 'clawloop.state.harness'
    | 'clawloop.state.router'
    | 'clawloop.state.weights'
    | 'clawloop.state.harness_snapshot'
    | 'clawloop.reward.effective.mean'
    | `clawloop.reward.${string}.mean`
    | 'clawloop.playbook.size'
    | 'clawloop.playbook.mean_score'
    | `clawloop.extra.${string}`
    | 'output.value'
    | 'metadata';
  /** Span annotations on the root span: score in [-1, 1]; annotator kind, label and explanation set by the transport from the signal name and confidence. */
  annotations: string | 'effective_reward';
}

/** Fields of one instance of a phoenix target, keyed by that target's names. */
export type PhoenixFields<T extends PhoenixTarget> = Fields<PhoenixKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const PHOENIX_KEYS = {
  resource: ['service.name', 'clawloop.run.id', 'openinference.project.name'],
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
    'tag.tags',
    'llm.model_name',
    'clawloop.usage.prompt_tokens',
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
    'llm.token_count.completion',
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
    'input.value',
  ],
  'event.exception': ['exception.type', 'exception.message'],
  'span.iteration': [
    'openinference.span.kind',
    'clawloop.run.id',
    'clawloop.iteration',
    'clawloop.iteration.n_episodes',
    'clawloop.reward.avg',
    'clawloop.reward.min',
    'clawloop.reward.max',
    'clawloop.playbook.version',
    'clawloop.playbook.generation',
    'clawloop.state.combined',
    'clawloop.state.harness',
    'clawloop.state.router',
    'clawloop.state.weights',
    'clawloop.state.harness_snapshot',
    'clawloop.reward.effective.mean',
    'clawloop.playbook.size',
    'clawloop.playbook.mean_score',
    'output.value',
    'metadata',
  ],
  annotations: ['effective_reward'],
} as const satisfies { readonly [T in PhoenixTarget]: ReadonlyArray<PhoenixKeys[T]> };

/** Where each field of each event lands in phoenix: event type → target → rules. */
export const PHOENIX_RULES = {
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
        key: 'tag.tags',
        source: 'derived:episode_tags',
        get: (s: EpisodeEvent, ctx: DerivedContext) => derived.episode_tags(s, ctx),
      },
      {
        key: 'llm.model_name',
        source: 'episode.model',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.model,
      },
      {
        key: 'clawloop.usage.prompt_tokens',
        source: 'episode.summary.token_usage.prompt_tokens',
        get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.summary.token_usage?.prompt_tokens,
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
        key: 'llm.token_count.completion',
        source: 'episode.messages[].token_count',
        get: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => s.token_count,
      },
      {
        key: 'llm.input_messages.{key}',
        source: 'derived:input_messages_flat',
        entries: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.input_messages_flat(s, ctx),
      },
      {
        key: 'llm.output_messages.{key}',
        source: 'derived:output_messages_flat',
        entries: (s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext) => derived.output_messages_flat(s, ctx),
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
        key: 'input.value',
        source: 'episode.messages[].tool_calls[].arguments',
        get: (s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number], ctx: DerivedContext) =>
          s.arguments,
      },
    ] satisfies FieldRule<NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number]>[],
    annotations: [
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
  iteration: {
    'span.iteration': [
      {
        key: 'clawloop.run.id',
        source: 'run_id',
        get: (s: IterationEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'clawloop.iteration',
        source: 'iteration',
        get: (s: IterationEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'clawloop.iteration.n_episodes',
        source: 'n_episodes',
        get: (s: IterationEvent, ctx: DerivedContext) => s.n_episodes,
      },
      {
        key: 'clawloop.reward.avg',
        source: 'avg_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.avg_reward,
      },
      {
        key: 'clawloop.reward.min',
        source: 'min_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.min_reward,
      },
      {
        key: 'clawloop.reward.max',
        source: 'max_reward',
        get: (s: IterationEvent, ctx: DerivedContext) => s.max_reward,
      },
      {
        key: 'clawloop.playbook.version',
        source: 'playbook_version',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_version,
      },
      {
        key: 'clawloop.playbook.generation',
        source: 'playbook_generation',
        get: (s: IterationEvent, ctx: DerivedContext) => s.playbook_generation,
      },
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
        key: 'clawloop.reward.effective.mean',
        source: 'derived:reward_mean',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean(s, ctx),
      },
      {
        key: 'clawloop.reward.{key}.mean',
        source: 'derived:signal_means',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.signal_means(s, ctx),
      },
      {
        key: 'clawloop.playbook.size',
        source: 'derived:playbook_size',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_size(s, ctx),
      },
      {
        key: 'clawloop.playbook.mean_score',
        source: 'derived:playbook_mean_score',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_mean_score(s, ctx),
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:iteration_extras',
        entries: (s: IterationEvent, ctx: DerivedContext) => derived.iteration_extras(s, ctx),
      },
      {
        key: 'output.value',
        source: 'per_task',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.per_task,
      },
      {
        key: 'metadata',
        source: 'fb_results',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results,
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
};
