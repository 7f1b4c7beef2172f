// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json + schema/backends/otel.mapping.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import { derived } from '../../src/core/derived.js';
import type { DerivedContext } from '../../src/core/derived-context.js';
import type { FieldRule, Fields, TargetSpec } from '../../src/core/mapping-runtime.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent } from '../types.gen.js';

/** OpenTelemetry spans for any OTLP backend, matching ClawLoop's own OTelExporter: episode (AGENT) → llm:step (LLM) → tool (TOOL), plus a CHAIN span per iteration and per evolution step. Attribute names: clawloop.*, OTel GenAI gen_ai.*, OpenInference. */
export const OTEL_TARGETS = {
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
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  'span.iteration': { scope: '$', maxValueLength: 8192, constants: { 'openinference.span.kind': 'CHAIN' } },
  /** The CHAIN span `evolution:{N}` under the iteration span: what the evolver changed. */
  'span.evolution': { scope: '$', maxValueLength: 8192, constants: { 'openinference.span.kind': 'CHAIN' } },
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  'event.evaluation': { scope: '$', constants: { 'gen_ai.evaluation.name': 'clawloop.reward.effective' } },
} as const satisfies Record<string, TargetSpec>;

export type OtelTarget = keyof typeof OTEL_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface OtelKeys {
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
    | 'clawloop.per_task'
    | 'clawloop.fb.harness.status'
    | 'clawloop.fb.harness.metrics'
    | 'clawloop.fb.router.status'
    | 'clawloop.fb.router.metrics'
    | 'clawloop.fb.weights.status'
    | 'clawloop.fb.weights.metrics'
    | 'clawloop.tinker.checkpoints'
    | 'clawloop.tinker.model_id'
    | 'clawloop.tinker.durable_paths'
    | 'clawloop.reward.effective.min'
    | 'clawloop.reward.effective.max'
    | 'clawloop.reward.normalized.mean'
    | 'clawloop.playbook.helpful_total'
    | 'clawloop.playbook.harmful_total';
  /** The CHAIN span `evolution:{N}` under the iteration span: what the evolver changed. */
  'span.evolution':
    | 'openinference.span.kind'
    | 'clawloop.run.id'
    | 'clawloop.iteration'
    | 'clawloop.evolution.actions'
    | 'clawloop.state.before'
    | 'clawloop.state.after'
    | 'clawloop.reward.before'
    | 'clawloop.reward.after'
    | 'clawloop.reward.delta'
    | 'clawloop.evolution.backend'
    | `clawloop.extra.${string}`;
  /** Attributes of the `gen_ai.evaluation.result` event on the root span. */
  'event.evaluation': 'gen_ai.evaluation.name' | 'gen_ai.evaluation.score' | 'gen_ai.evaluation.score.value' | 'clawloop.reward.normalized';
}

/** Fields of one instance of a otel target, keyed by that target's names. */
export type OtelFields<T extends OtelTarget> = Fields<OtelKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const OTEL_KEYS = {
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
    'clawloop.per_task',
    'clawloop.fb.harness.status',
    'clawloop.fb.harness.metrics',
    'clawloop.fb.router.status',
    'clawloop.fb.router.metrics',
    'clawloop.fb.weights.status',
    'clawloop.fb.weights.metrics',
    'clawloop.tinker.checkpoints',
    'clawloop.tinker.model_id',
    'clawloop.tinker.durable_paths',
    'clawloop.reward.effective.min',
    'clawloop.reward.effective.max',
    'clawloop.reward.normalized.mean',
    'clawloop.playbook.helpful_total',
    'clawloop.playbook.harmful_total',
  ],
  'span.evolution': [
    'openinference.span.kind',
    'clawloop.run.id',
    'clawloop.iteration',
    'clawloop.evolution.actions',
    'clawloop.state.before',
    'clawloop.state.after',
    'clawloop.reward.before',
    'clawloop.reward.after',
    'clawloop.reward.delta',
    'clawloop.evolution.backend',
  ],
  'event.evaluation': ['gen_ai.evaluation.name', 'gen_ai.evaluation.score', 'gen_ai.evaluation.score.value', 'clawloop.reward.normalized'],
} as const satisfies { readonly [T in OtelTarget]: ReadonlyArray<OtelKeys[T]> };

/** Where each field of each event lands in otel: event type → target → rules. */
export const OTEL_RULES = {
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
  },
  evolution: {
    'span.evolution': [
      {
        key: 'clawloop.run.id',
        source: 'run_id',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.run_id,
      },
      {
        key: 'clawloop.iteration',
        source: 'iteration',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.iteration,
      },
      {
        key: 'clawloop.evolution.actions',
        source: 'actions',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.actions,
      },
      {
        key: 'clawloop.state.before',
        source: 'state_hash_before',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_before,
      },
      {
        key: 'clawloop.state.after',
        source: 'state_hash_after',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.state_hash_after,
      },
      {
        key: 'clawloop.reward.before',
        source: 'reward_before',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_before,
      },
      {
        key: 'clawloop.reward.after',
        source: 'reward_after',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_after,
      },
      {
        key: 'clawloop.reward.delta',
        source: 'reward_delta',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.reward_delta,
      },
      {
        key: 'clawloop.evolution.backend',
        source: 'backend',
        get: (s: EvolutionEvent, ctx: DerivedContext) => s.backend,
      },
      {
        key: 'clawloop.extra.{key}',
        source: 'derived:evolution_extras',
        entries: (s: EvolutionEvent, ctx: DerivedContext) => derived.evolution_extras(s, ctx),
      },
    ] satisfies FieldRule<EvolutionEvent>[],
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
        key: 'clawloop.per_task',
        source: 'per_task',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.per_task,
      },
      {
        key: 'clawloop.fb.harness.status',
        source: 'fb_results.harness.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.harness?.status,
      },
      {
        key: 'clawloop.fb.harness.metrics',
        source: 'fb_results.harness.metrics',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.harness?.metrics,
      },
      {
        key: 'clawloop.fb.router.status',
        source: 'fb_results.router.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.router?.status,
      },
      {
        key: 'clawloop.fb.router.metrics',
        source: 'fb_results.router.metrics',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.router?.metrics,
      },
      {
        key: 'clawloop.fb.weights.status',
        source: 'fb_results.weights.status',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.weights?.status,
      },
      {
        key: 'clawloop.fb.weights.metrics',
        source: 'fb_results.weights.metrics',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.fb_results?.weights?.metrics,
      },
      {
        key: 'clawloop.tinker.checkpoints',
        source: 'tinker_checkpoints',
        transform: 'json',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_checkpoints,
      },
      {
        key: 'clawloop.tinker.model_id',
        source: 'tinker_model_id',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_model_id,
      },
      {
        key: 'clawloop.tinker.durable_paths',
        source: 'tinker_durable_paths',
        get: (s: IterationEvent, ctx: DerivedContext) => s.tinker_durable_paths,
      },
      {
        key: 'clawloop.reward.effective.min',
        source: 'derived:reward_min',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_min(s, ctx),
      },
      {
        key: 'clawloop.reward.effective.max',
        source: 'derived:reward_max',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_max(s, ctx),
      },
      {
        key: 'clawloop.reward.normalized.mean',
        source: 'derived:reward_mean_normalized',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.reward_mean_normalized(s, ctx),
      },
      {
        key: 'clawloop.playbook.helpful_total',
        source: 'derived:playbook_helpful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_helpful_total(s, ctx),
      },
      {
        key: 'clawloop.playbook.harmful_total',
        source: 'derived:playbook_harmful_total',
        get: (s: IterationEvent, ctx: DerivedContext) => derived.playbook_harmful_total(s, ctx),
      },
    ] satisfies FieldRule<IterationEvent>[],
  },
};
