// @generated from schema/derived.json + schema/events/episode.schema.json + schema/events/evolution.schema.json + schema/events/iteration.schema.json + schema/events/run-finished.schema.json + schema/events/run-started.schema.json via templates/derived.ts.hbs — DO NOT EDIT. Run: pnpm gen
import type { DerivedContext } from '../src/core/derived-context.js';
import type { EpisodeEvent, EvolutionEvent, IterationEvent, RunFinishedEvent, RunStartedEvent } from './types.gen.js';

/**
 * Values computed from events rather than read from them (schema/derived.json).
 * Implemented once, by hand, in src/core/derived.ts; mapping specs reference them by name.
 */
export interface DerivedFunctions {
  /** ClawLoop's EpisodeSummary.effective_reward(): user > outcome > execution (confidence >= 0.7) > judge, else 0.0; in [-1, 1]. */
  effective_reward(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** (effective_reward + 1) / 2, in [0, 1]. */
  normalized_reward(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** JSON object {name: {value, confidence}} of the episode's reward signals. */
  signals_json(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** Text of the first user message (the task as the agent saw it; content parts as text). */
  first_user_message(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** Text of the last non-empty assistant message (content parts as text). */
  final_answer(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** Number of steps (the archive's count for a summary episode). */
  n_steps(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** Number of tool calls over all messages (the archive's count for a summary episode). */
  n_tool_calls(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** Tool calls with success === false. */
  n_failed_tool_calls(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** Number of messages (absent for a summary episode from the archive). */
  n_messages(s: EpisodeEvent, ctx: DerivedContext): number | undefined;
  /** `{bench}/{task_id}`: a name to search episodes by task. */
  trace_name(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** Tags to filter episodes by: bench, `task:{task_id}`, `model:{model}`, and `filtered` when filtered. */
  episode_tags(s: EpisodeEvent, ctx: DerivedContext): readonly string[] | undefined;
  /** metadata.harness_version when present. */
  harness_version(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** metadata.error when present. */
  episode_error(s: EpisodeEvent, ctx: DerivedContext): string | undefined;
  /** True for an episode known only from the archive's summary (no messages): rewards, signals, tokens and latency, no conversation. */
  episode_summary_only(s: EpisodeEvent, ctx: DerivedContext): boolean | undefined;
  /** Fields the schema does not know (a newer ClawLoop's), keyed by their path (`episode.summary.cost_usd`), values as text (JSON for non-strings). */
  episode_extras(s: EpisodeEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, string]>;
  /** JSON list of the messages before this assistant message (role, content), as gen_ai.input.messages. */
  input_messages_json(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): string | undefined;
  /** JSON list with this assistant message (role, content, tool_calls), as gen_ai.output.messages. */
  output_messages_json(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): string | undefined;
  /** OpenInference flattened input messages: keys like `0.message.role`, `1.message.content`, `2.message.tool_calls.0.tool_call.function.name`. */
  input_messages_flat(
    s: NonNullable<EpisodeEvent['episode']['messages']>[number],
    ctx: DerivedContext,
  ): ReadonlyArray<readonly [string, string]>;
  /** OpenInference flattened output message (this assistant message), keys like `0.message.content`. */
  output_messages_flat(
    s: NonNullable<EpisodeEvent['episode']['messages']>[number],
    ctx: DerivedContext,
  ): ReadonlyArray<readonly [string, string]>;
  /** JSON {"output": token_count} of an assistant message, as Langfuse usage_details. */
  usage_details_json(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): string | undefined;
  /** The message's content as text: a string as is, content parts joined (text parts' text, others as `[<type>]`), nothing for null. */
  message_text(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): string | undefined;
  /** Step this message belongs to, from step_boundaries. */
  step_index(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): number | undefined;
  /** StepMeta.reward of the message's step. */
  step_reward(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): number | undefined;
  /** StepMeta.done of the message's step. */
  step_done(s: NonNullable<EpisodeEvent['episode']['messages']>[number], ctx: DerivedContext): boolean | undefined;
  /** Content of the tool message answering this call, else ToolCall.result. */
  tool_output(
    s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number],
    ctx: DerivedContext,
  ): string | undefined;
  /** Step the tool call belongs to. */
  tool_step_index(
    s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number],
    ctx: DerivedContext,
  ): number | undefined;
  /** ERROR when the tool call failed (success === false), else DEFAULT (Langfuse observation level). */
  tool_level(
    s: NonNullable<NonNullable<EpisodeEvent['episode']['messages']>[number]['tool_calls']>[number],
    ctx: DerivedContext,
  ): string | undefined;
  /** Mean effective reward over the iteration's episodes (ClawLoop WandbSink reward/mean). */
  reward_mean(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Min effective reward over the iteration's episodes. */
  reward_min(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Max effective reward over the iteration's episodes. */
  reward_max(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Mean normalized reward over the iteration's episodes. */
  reward_mean_normalized(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Mean value of each reward signal over the iteration's episodes, keyed by signal name. */
  signal_means(s: IterationEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, number]>;
  /** Episodes seen for the iteration (episode events), else n_episodes. */
  episodes_count(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Entries in the playbook (full playbook when present, else playbook_size). */
  playbook_size(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Mean PlaybookEntry.effective_score() at the iteration's timestamp. */
  playbook_mean_score(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Max PlaybookEntry.effective_score(). */
  playbook_max_score(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Sum of helpful counts. */
  playbook_helpful_total(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Sum of harmful counts. */
  playbook_harmful_total(s: IterationEvent, ctx: DerivedContext): number | undefined;
  /** Numeric and boolean layer metrics keyed `<layer>/<metric>` (ClawLoop WandbSink fb/<layer>/<metric>). */
  fb_numeric_metrics(s: IterationEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, number]>;
  /** Fields the schema does not know, keyed by their path, values as text (JSON for non-strings). */
  iteration_extras(s: IterationEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, string]>;
  /** 1 for each action the evolver took (reflect, mutate, paradigm_shift), keyed by action. */
  action_flags(s: EvolutionEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, number]>;
  /** Fields the schema does not know, keyed by their path, values as text (JSON for non-strings). */
  evolution_extras(s: EvolutionEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, string]>;
  /** Fields the schema does not know, keyed by their path, values as text (JSON for non-strings). */
  run_started_extras(s: RunStartedEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, string]>;
  /** Fields the schema does not know, keyed by their path, values as text (JSON for non-strings). */
  run_finished_extras(s: RunFinishedEvent, ctx: DerivedContext): ReadonlyArray<readonly [string, string]>;
}

/** Names of all derived values. */
export const DERIVED_NAMES = [
  'effective_reward',
  'normalized_reward',
  'signals_json',
  'first_user_message',
  'final_answer',
  'n_steps',
  'n_tool_calls',
  'n_failed_tool_calls',
  'n_messages',
  'trace_name',
  'episode_tags',
  'harness_version',
  'episode_error',
  'episode_summary_only',
  'episode_extras',
  'input_messages_json',
  'output_messages_json',
  'input_messages_flat',
  'output_messages_flat',
  'usage_details_json',
  'message_text',
  'step_index',
  'step_reward',
  'step_done',
  'tool_output',
  'tool_step_index',
  'tool_level',
  'reward_mean',
  'reward_min',
  'reward_max',
  'reward_mean_normalized',
  'signal_means',
  'episodes_count',
  'playbook_size',
  'playbook_mean_score',
  'playbook_max_score',
  'playbook_helpful_total',
  'playbook_harmful_total',
  'fb_numeric_metrics',
  'iteration_extras',
  'action_flags',
  'evolution_extras',
  'run_started_extras',
  'run_finished_extras',
] as const;
export type DerivedName = (typeof DERIVED_NAMES)[number];
