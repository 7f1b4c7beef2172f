/**
 * The derived values of schema/derived.json, implemented once. The generated interface makes the compiler
 * insist that every declared value is here with the declared scope and type.
 */
import type { DerivedFunctions } from '../../generated/derived.gen.js';
import type { EpisodeEvent, IterationEvent, Message } from '../../generated/types.gen.js';
import type { DerivedContext } from './derived-context.js';
import { safeJson, UNSERIALIZABLE_JSON } from './mapping-runtime.js';
import { messageText } from './message-text.js';
import { effectiveReward, normalizedReward, playbookEffectiveScore } from './rewards.js';
import { unknownFields } from './unknown-fields.js';

type Episode = EpisodeEvent['episode'];

/** The step (index into episode.steps) the message at `messageIndex` belongs to, by the episode's step boundaries. */
export function stepOf(episode: Episode | undefined, messageIndex: number): number {
  if (!episode || messageIndex < 0) return 0;
  const boundaries = episode.step_boundaries ?? [];
  let step = 0;
  for (let k = 0; k < boundaries.length; k += 1) {
    if (boundaries[k] <= messageIndex) step = k;
  }
  return step;
}

/** Unknown fields of an event as [path, text] pairs (strings as is, anything else as JSON). */
function extras(schemaName: string, event: unknown): Array<readonly [string, string]> {
  return unknownFields(schemaName, event).map(([path, value]) => [path, typeof value === 'string' ? value : safeJson(value)] as const);
}

function messageForPrompt(m: Message): Record<string, unknown> {
  const out: Record<string, unknown> = { role: m.role, content: m.content };
  if (m.name) out.name = m.name;
  if (m.tool_call_id) out.tool_call_id = m.tool_call_id;
  if (m.tool_calls?.length) out.tool_calls = m.tool_calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments }));
  return out;
}

/** JSON text of one message as a prompt lists it, or undefined when it cannot be serialized. */
function messageJson(m: Message): string | undefined {
  try {
    return JSON.stringify(messageForPrompt(m));
  } catch {
    return undefined;
  }
}

/** Message `i` of the episode being mapped as JSON, serialized once per episode whichever span or key asks. */
function messageJsonAt(ctx: DerivedContext, i: number): string | undefined {
  return ctx.memo('message-json', i, () => messageJson(ctx.episode!.messages![i]));
}

/**
 * The pieces of a JSON list (brackets and commas included) as one flat string. join() writes one flat string; adding
 * the brackets with + or a template would make a rope that every exporter then copies flat again (a conversation is
 * most of a request's bytes).
 */
function jsonList(pieces: string[]): string {
  return pieces.join('');
}

/**
 * JSON list of the episode's messages before `end` (the conversation an assistant message answered): the messages'
 * JSON texts joined, each serialized once per episode, instead of serializing the whole conversation again for every
 * step (bytes would grow with the square of the episode length).
 */
function conversationJson(ctx: DerivedContext, end: number): string {
  return ctx.memo('conversation-json', end, () => {
    const parts = ['['];
    for (let i = 0; i < end; i += 1) {
      const part = messageJsonAt(ctx, i);
      if (part === undefined) return UNSERIALIZABLE_JSON;
      if (i > 0) parts.push(',');
      parts.push(part);
    }
    parts.push(']');
    return jsonList(parts);
  });
}

/** OpenInference's flattened keys of message `i` (`{i}.message.role`, `{i}.message.tool_calls.{j}.tool_call.function.name`, ...). */
function flattenMessage(m: Message, i: number, out: Array<readonly [string, string]> = []): Array<readonly [string, string]> {
  out.push([`${i}.message.role`, m.role], [`${i}.message.content`, messageText(m.content)]);
  if (m.name) out.push([`${i}.message.name`, m.name]);
  if (m.tool_call_id) out.push([`${i}.message.tool_call_id`, m.tool_call_id]);
  (m.tool_calls ?? []).forEach((c, j) => {
    const prefix = `${i}.message.tool_calls.${j}.tool_call`;
    out.push([`${prefix}.id`, c.id], [`${prefix}.function.name`, c.name], [`${prefix}.function.arguments`, c.arguments]);
  });
  return out;
}

function flattenMessages(messages: readonly Message[]): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  messages.forEach((m, i) => flattenMessage(m, i, out));
  return out;
}

/** The flattened keys of the episode's messages before `end`, each message flattened once per episode. */
function flattenedConversation(ctx: DerivedContext, end: number): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (let i = 0; i < end; i += 1) out.push(...ctx.memo('message-flat', i, () => flattenMessage(ctx.episode!.messages![i], i)));
  return out;
}

function playbookEntries(
  s: IterationEvent,
): ReadonlyArray<{ helpful: number; harmful: number; decay_rate?: number; last_activated?: number }> | undefined {
  return s.playbook?.entries ?? s.playbook_entries;
}

function scores(s: IterationEvent): number[] {
  return (playbookEntries(s) ?? []).map((entry) => playbookEffectiveScore(entry, s.timestamp));
}

export const derived: DerivedFunctions = {
  effective_reward: (s) => effectiveReward(s.episode.summary.signals),
  normalized_reward: (s) => normalizedReward(s.episode.summary.signals),
  signals_json: (s) =>
    safeJson(
      Object.fromEntries(
        Object.entries(s.episode.summary.signals).map(([name, v]) => [name, { value: v.value, confidence: v.confidence }]),
      ),
    ),
  first_user_message: (s) => {
    const first = s.episode.messages?.find((m) => m.role === 'user');
    return first ? messageText(first.content) : undefined;
  },
  final_answer: (s) =>
    [...(s.episode.messages ?? [])]
      .reverse()
      .map((m) => (m.role === 'assistant' ? messageText(m.content) : ''))
      .find((text) => text.trim() !== ''),
  n_steps: (s) => s.episode.steps?.length ?? s.episode.n_steps,
  n_tool_calls: (s) =>
    s.episode.messages ? s.episode.messages.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0) : s.episode.n_tool_calls,
  n_failed_tool_calls: (s) => s.episode.messages?.reduce((n, m) => n + (m.tool_calls?.filter((c) => c.success === false).length ?? 0), 0),
  n_messages: (s) => s.episode.messages?.length,
  trace_name: (s) => `${s.episode.bench}/${s.episode.task_id}`,
  episode_tags: (s) => [
    s.episode.bench,
    `task:${s.episode.task_id}`,
    ...(s.episode.model ? [`model:${s.episode.model}`] : []),
    ...(s.episode.summary.filtered ? ['filtered'] : []),
  ],
  harness_version: (s) => (typeof s.episode.metadata?.harness_version === 'string' ? s.episode.metadata.harness_version : undefined),
  episode_error: (s) => (typeof s.episode.metadata?.error === 'string' ? s.episode.metadata.error : undefined),
  episode_summary_only: (s) => s.episode.messages === undefined,
  episode_extras: (s) => extras('EpisodeEvent', s),

  input_messages_json: (s, ctx) => {
    const index = ctx.indexOfMessage(s);
    return ctx.episode?.messages && index >= 0 ? conversationJson(ctx, index) : undefined;
  },
  output_messages_json: (s, ctx) => {
    const index = ctx.indexOfMessage(s);
    if (!ctx.episode?.messages || index < 0) return safeJson([messageForPrompt(s)]);
    return ctx.memo('output-json', index, () => {
      const part = messageJsonAt(ctx, index);
      return part === undefined ? UNSERIALIZABLE_JSON : jsonList(['[', part, ']']);
    });
  },
  input_messages_flat: (s, ctx) => {
    const index = ctx.indexOfMessage(s);
    return ctx.episode?.messages && index >= 0 ? flattenedConversation(ctx, index) : [];
  },
  output_messages_flat: (s) => flattenMessages([s]),
  message_text: (s) => (s.content === null || s.content === undefined ? undefined : messageText(s.content)),
  usage_details_json: (s) => (typeof s.token_count === 'number' ? safeJson({ output: s.token_count }) : undefined),
  step_index: (s, ctx) => stepOf(ctx.episode, ctx.indexOfMessage(s)),
  step_reward: (s, ctx) => ctx.episode?.steps?.[stepOf(ctx.episode, ctx.indexOfMessage(s))]?.reward,
  step_done: (s, ctx) => ctx.episode?.steps?.[stepOf(ctx.episode, ctx.indexOfMessage(s))]?.done,
  tool_output: (s, ctx) => {
    const answer = ctx.episode?.messages?.find((m) => m.role === 'tool' && m.tool_call_id === s.id);
    return answer ? messageText(answer.content) : (s.result ?? undefined);
  },
  tool_step_index: (s, ctx) => {
    const owner = ctx.episode?.messages?.find((m) => m.tool_calls?.includes(s));
    return owner ? stepOf(ctx.episode, ctx.indexOfMessage(owner)) : undefined;
  },

  tool_level: (s) => (s.success === false ? 'ERROR' : 'DEFAULT'),

  reward_mean: (s, ctx) => {
    const stats = ctx.iterationStats(s.run_id, s.iteration);
    return stats && stats.count > 0 ? stats.effectiveSum / stats.count : undefined;
  },
  reward_min: (s, ctx) => {
    const stats = ctx.iterationStats(s.run_id, s.iteration);
    return stats && stats.count > 0 ? stats.effectiveMin : undefined;
  },
  reward_max: (s, ctx) => {
    const stats = ctx.iterationStats(s.run_id, s.iteration);
    return stats && stats.count > 0 ? stats.effectiveMax : undefined;
  },
  reward_mean_normalized: (s, ctx) => {
    const stats = ctx.iterationStats(s.run_id, s.iteration);
    return stats && stats.count > 0 ? stats.normalizedSum / stats.count : undefined;
  },
  signal_means: (s, ctx) => {
    const stats = ctx.iterationStats(s.run_id, s.iteration);
    return stats ? [...stats.signals].map(([name, acc]) => [name, acc.sum / acc.count] as const) : [];
  },
  episodes_count: (s, ctx) => ctx.iterationStats(s.run_id, s.iteration)?.count ?? s.n_episodes,
  playbook_size: (s) => s.playbook?.entries.length ?? s.playbook_size ?? s.playbook_entries?.length,
  playbook_mean_score: (s) => {
    const all = scores(s);
    return all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : undefined;
  },
  playbook_max_score: (s) => {
    const all = scores(s);
    return all.length > 0 ? Math.max(...all) : undefined;
  },
  playbook_helpful_total: (s) => playbookEntries(s)?.reduce((n, e) => n + e.helpful, 0),
  playbook_harmful_total: (s) => playbookEntries(s)?.reduce((n, e) => n + e.harmful, 0),
  fb_numeric_metrics: (s) =>
    Object.entries((s.fb_results ?? {}) as Record<string, { metrics?: Record<string, unknown> } | undefined>).flatMap(([layer, result]) =>
      Object.entries(result?.metrics ?? {})
        .filter(([, v]) => typeof v === 'number' || typeof v === 'boolean')
        .map(([metric, v]) => [`${layer}/${metric}`, typeof v === 'boolean' ? Number(v) : (v as number)] as const),
    ),
  iteration_extras: (s) => extras('IterationEvent', s),
  action_flags: (s) => (s.actions ?? []).map((action) => [action, 1] as const),
  evolution_extras: (s) => extras('EvolutionEvent', s),
  run_started_extras: (s) => extras('RunStartedEvent', s),
  run_finished_extras: (s) => extras('RunFinishedEvent', s),
};
