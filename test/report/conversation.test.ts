/**
 * Conversations as the report shows them, for every message shape a run can hold: ClawLoop's text messages, live-mode
 * messages whose content is null (a tool-only turn) or a list of content parts, OpenAI-style tool calls, very long
 * messages and conversations (cut with a marker), and archive-derived episodes that have no messages at all.
 */
import { describe, expect, it } from 'vitest';
import type { ReportMapped } from '../../generated/report/adapter.gen.js';
import {
  contentText,
  cut,
  cutMarker,
  HEAD_MESSAGES,
  MESSAGE_CHARS,
  shownConversation,
  TAIL_MESSAGES,
} from '../../src/transports/report/conversation.js';
import { renderReport } from '../../src/transports/report/html.js';
import { ReportTransportImpl } from '../../src/transports/report/index.js';
import { shownEpisodes } from '../../src/transports/report/model.js';

describe('message content', () => {
  it('reads text, null, content parts and anything else', () => {
    expect(contentText('plain')).toBe('plain');
    expect(contentText(null)).toBe('');
    expect(contentText(undefined)).toBe('');
    expect(
      contentText([
        { type: 'text', text: 'look at' },
        { type: 'image_url', image_url: { url: 'data:…' } },
        { type: 'text', text: 'this' },
      ]),
    ).toBe('look at\n[image_url]\nthis');
    expect(contentText({ unexpected: true })).toBe('{"unexpected":true}');
  });

  it('cuts a long text and says how much was left out', () => {
    const long = 'x'.repeat(MESSAGE_CHARS + 1234);
    expect(cut(long, MESSAGE_CHARS)).toBe('x'.repeat(MESSAGE_CHARS) + cutMarker(1234));
    expect(cutMarker(1234)).toBe('… [1,234 more characters not shown]');
    expect(cut('short', MESSAGE_CHARS)).toBe('short');
  });

  it('folds the middle of a very long conversation, keeping its start and end', () => {
    const messages = Array.from({ length: 120 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `message ${i}` }));
    const c = shownConversation(messages);
    expect(c.total).toBe(120);
    expect(c.messages).toHaveLength(HEAD_MESSAGES + TAIL_MESSAGES);
    expect(c.folded).toEqual({ at: HEAD_MESSAGES, count: 120 - HEAD_MESSAGES - TAIL_MESSAGES });
    expect(c.messages[0].text).toBe('message 0');
    expect(c.messages.at(-1)!.text).toBe('message 119');
  });

  it('reads ClawLoop tool calls and OpenAI-style ones', () => {
    const c = shownConversation([
      { role: 'assistant', content: null, tool_calls: [{ id: 'a', name: 'search', arguments: '{"q":1}', result: 'ok', success: true }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'b', type: 'function', function: { name: 'fetch', arguments: '{"u":2}' } }] },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'c', name: 'calc', arguments: '1/0', success: false, error: 'ZeroDivisionError' }],
      },
    ]);
    expect(c.messages.map((m) => m.calls[0])).toEqual([
      { name: 'search', args: '{"q":1}', result: 'ok', error: undefined, failed: false },
      { name: 'fetch', args: '{"u":2}', result: undefined, error: undefined, failed: false },
      { name: 'calc', args: '1/0', result: undefined, error: 'ZeroDivisionError', failed: true },
    ]);
  });
});

/** An episode as the report adapter maps it, with `messages` as the event carries them (any shape). */
function mappedEpisode(id: string, reward: number, messages: unknown, iteration = 0): ReportMapped {
  const episode = { id, task_id: `task-${id}`, bench: 'b', messages };
  return {
    type: 'episode',
    event: { type: 'episode', run_id: 'r', iteration, episode } as never,
    episode: {
      iteration,
      id,
      task_id: `task-${id}`,
      effective_reward: reward,
      n_steps: 1,
      n_tool_calls: 0,
      n_failed_tool_calls: 0,
      signals: '{"outcome":{"value":-1,"confidence":1}}',
    },
  };
}

describe('episodes in the page', () => {
  it('renders null content, content parts, long messages and summary-only episodes without failing or hiding them', async () => {
    const transport = new ReportTransportImpl('/dev/null', 5);
    await transport.send([
      mappedEpisode('live', -1, [
        { role: 'user', content: [{ type: 'text', text: 'Book a table' }, { type: 'input_audio' }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'book', arguments: '{}' } }] },
        { role: 'tool', content: 'y'.repeat(5000), tool_call_id: 'c1' },
        { role: 'assistant', content: null },
      ]),
      mappedEpisode('archived', -0.5, []),
      mappedEpisode('good', 1, [{ role: 'assistant', content: 'done' }]),
    ]);
    const html = renderReport(transport.model, new Date(0));
    expect(html).not.toContain('messages not available');
    expect(html).toContain('Book a table\n[input_audio]');
    expect(html).toContain('<span class="fn">book</span>');
    expect(html).toContain(`${'y'.repeat(MESSAGE_CHARS)}… [3,500 more characters not shown]`);
    expect(html).toContain('(no text)');
    expect(html).toContain("This record has no messages: ClawLoop's archive keeps episode summaries only");
    const { worst, best } = shownEpisodes(transport.model);
    expect(worst.map((e) => e.fields.id)).toEqual(['live', 'archived']);
    expect(best.map((e) => e.fields.id)).toEqual(['good']);
  });

  it('keeps a bounded number of conversations however many episodes stream through, re-sent ones counted once', async () => {
    const transport = new ReportTransportImpl('/dev/null', 3);
    for (let i = 0; i < 500; i += 1)
      await transport.send([
        mappedEpisode(`e${i}`, (i % 21) / 10 - 1, [{ role: 'user', content: 'x'.repeat(10_000) }], Math.floor(i / 50)),
      ]);
    await transport.send([mappedEpisode('e0', -1, [], 0)]);
    expect(transport.model.worst.length).toBeLessThanOrEqual(6);
    expect(transport.model.best.length).toBeLessThanOrEqual(6);
    expect([...transport.model.tallies.values()].reduce((n, t) => n + t.count, 0)).toBe(500);
  });
});
