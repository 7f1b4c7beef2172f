/**
 * The conversation an LLM span carries (gen_ai.input.messages / llm.input_messages, and Phoenix's flattened keys) is
 * built from each message's JSON made once per episode: it must equal serializing the conversation whole, every step,
 * for every episode a context sees in turn.
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeEvent, Message } from '../../generated/types.gen.js';
import { derived } from '../../src/core/derived.js';
import { DerivedContext } from '../../src/core/derived-context.js';
import { messageText } from '../../src/core/message-text.js';
import { makeOtelEpisode } from '../otel/fixtures.js';

/** The conversation as a prompt lists it, serialized whole: what the cached text must equal. */
function promptOf(m: Message): Record<string, unknown> {
  const out: Record<string, unknown> = { role: m.role, content: m.content };
  if (m.name) out.name = m.name;
  if (m.tool_call_id) out.tool_call_id = m.tool_call_id;
  if (m.tool_calls?.length) out.tool_calls = m.tool_calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments }));
  return out;
}

function flatOf(messages: readonly Message[]): Array<[string, string]> {
  return messages.flatMap((m, i) => [
    [`${i}.message.role`, m.role],
    [`${i}.message.content`, messageText(m.content)],
    ...(m.name ? [[`${i}.message.name`, m.name]] : []),
    ...(m.tool_call_id ? [[`${i}.message.tool_call_id`, m.tool_call_id]] : []),
    ...(m.tool_calls ?? []).flatMap((c, j) => [
      [`${i}.message.tool_calls.${j}.tool_call.id`, c.id],
      [`${i}.message.tool_calls.${j}.tool_call.function.name`, c.name],
      [`${i}.message.tool_calls.${j}.tool_call.function.arguments`, c.arguments],
    ]),
  ]) as Array<[string, string]>;
}

function episodes(): EpisodeEvent[] {
  const a = makeOtelEpisode({ nSteps: 4, withTools: true });
  const b = makeOtelEpisode({ nSteps: 3, withTools: false });
  b.episode.id = 'ep-test-002';
  // Same positions, other text: a value kept from the previous episode would show.
  b.episode.messages!.forEach((m, i) => (m.content = `second episode, message ${i} "quoted" \u2028 ünïcode`));
  return [a, b, a];
}

describe('conversation values derived once per episode', () => {
  it('equal the conversation serialized whole, at every assistant message of every episode in turn', () => {
    const ctx = new DerivedContext();
    let checked = 0;
    for (const event of episodes()) {
      ctx.observe(event);
      event.episode.messages!.forEach((m, i) => {
        if (m.role !== 'assistant') return;
        const before = event.episode.messages!.slice(0, i);
        expect(derived.input_messages_json(m, ctx)).toBe(JSON.stringify(before.map(promptOf)));
        expect(derived.output_messages_json(m, ctx)).toBe(JSON.stringify([promptOf(m)]));
        expect(derived.input_messages_flat(m, ctx)).toEqual(flatOf(before));
        // Asked again (the second key mapped from the same value): the very same string.
        expect(derived.input_messages_json(m, ctx)).toBe(derived.input_messages_json(m, ctx));
        checked += 1;
      });
      ctx.release(event);
    }
    expect(checked).toBe(4 + 3 + 4);
  });

  it('says a conversation holding a value JSON cannot write could not be serialized, as a whole', () => {
    const event = makeOtelEpisode({ nSteps: 2 });
    (event.episode.messages![1] as { content: unknown }).content = 10n;
    const ctx = new DerivedContext();
    ctx.observe(event);
    const [first, second] = event.episode.messages!.filter((m) => m.role === 'assistant');
    expect(derived.input_messages_json(first, ctx)).toBe('"<failed to serialize>"');
    expect(derived.input_messages_json(second, ctx)).toBe('"<failed to serialize>"');
    expect(derived.output_messages_json(second, ctx)).toBe(JSON.stringify([promptOf(second)]));
  });

  it('serializes a message that is not part of the episode being mapped on its own', () => {
    const ctx = new DerivedContext();
    const stray: Message = { role: 'assistant', content: 'alone' };
    expect(derived.input_messages_json(stray, ctx)).toBeUndefined();
    expect(derived.output_messages_json(stray, ctx)).toBe(JSON.stringify([promptOf(stray)]));
  });
});
