// @generated from schema/events/*.schema.json + schema/derived.json + schema/backends/span-tree.base.json via templates/mapping.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { Fields, TargetSpec } from '../../src/core/mapping-runtime.js';

/** ClawLoop's span tree, shared by every backend that receives OTLP spans (otel, phoenix, langfuse, and mlflow's traces): episode (AGENT) → llm:step (LLM) per assistant message → tool (TOOL) per call, a CHAIN span per iteration and per evolution step, their OpenInference span kinds and OTel GenAI operation names, the exception event of a failed tool call, the run's resource, and the clawloop.* / OpenInference attributes every one of them sends. Generates generated/span-tree/mapping.gen.ts, the key types of the shared OTLP code. */
export const SPAN_TREE_TARGETS = {
  /** Resource of a run's spans (one per run), beside the names OTEL_RESOURCE_ATTRIBUTES adds. */
  resource: { scope: '$' },
  /** The root span `episode:{id}` (AGENT) of the episode's trace. */
  'span.episode': { scope: '$', constants: { 'openinference.span.kind': 'AGENT', 'gen_ai.operation.name': 'invoke_agent' } },
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  'span.llm': { scope: 'episode.messages[]', constants: { 'openinference.span.kind': 'LLM', 'gen_ai.operation.name': 'chat' } },
  /** A TOOL span `tool:{name}` per tool call, child of the LLM span that made it. */
  'span.tool': {
    scope: 'episode.messages[].tool_calls[]',
    constants: { 'openinference.span.kind': 'TOOL', 'gen_ai.operation.name': 'execute_tool' },
  },
  /** Attributes of the `exception` event on the span of a failed tool call (success false). */
  'event.exception': { scope: 'episode.messages[].tool_calls[]', constants: { 'exception.type': 'ToolCallFailed' } },
  /** The CHAIN span `iteration:{N}`, root of its own trace, covering the iteration's wall time. */
  'span.iteration': { scope: '$', constants: { 'openinference.span.kind': 'CHAIN' } },
  /** The CHAIN span `evolution:{N}` under the iteration span: what the evolver changed. */
  'span.evolution': { scope: '$', constants: { 'openinference.span.kind': 'CHAIN' } },
} as const satisfies Record<string, TargetSpec>;

export type SpanTreeTarget = keyof typeof SPAN_TREE_TARGETS;

/**
 * Every name each target may carry: its constants, its mapped keys (`{key}` → a template-literal type) and the names
 * the transport fills at run time. Fields are read and written through these, so renaming a key in the spec fails
 * the typecheck wherever it is used.
 */
export interface SpanTreeKeys {
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
    | `clawloop.extra.${string}`;
  /** An LLM span `llm:step{N}` per assistant message, child of the root. */
  'span.llm':
    | 'openinference.span.kind'
    | 'gen_ai.operation.name'
    | 'llm.model_name'
    | 'output.value'
    | 'clawloop.reasoning_content'
    | 'clawloop.step.index'
    | 'clawloop.step.reward'
    | 'clawloop.step.done';
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
    | 'clawloop.step.index';
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
    | `clawloop.extra.${string}`;
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
}

/** Fields of one instance of a span-tree target, keyed by that target's names. */
export type SpanTreeFields<T extends SpanTreeTarget> = Fields<SpanTreeKeys[T]>;

/** The literal names of each target in spec order (names with `{key}` left out), e.g. a table's columns. */
export const SPAN_TREE_KEYS = {
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
} as const satisfies { readonly [T in SpanTreeTarget]: ReadonlyArray<SpanTreeKeys[T]> };
