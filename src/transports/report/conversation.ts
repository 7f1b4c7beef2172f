/**
 * An episode's conversation, cut down to what a reader can take in: every message kept in order (the middle of a very
 * long conversation folded), each long text cut with a marker saying how much was left out. Any message shape ClawLoop
 * or a live client writes is accepted: content as text, null (an assistant turn that only calls tools), a list of
 * content parts, or anything else (shown as JSON).
 */

/** Characters of one message's text that are shown. */
export const MESSAGE_CHARS = 1500;
/** Characters of a tool call's arguments or result that are shown. */
export const CALL_CHARS = 400;
/** Messages kept at the start and at the end of a long conversation; the ones between are folded. */
export const HEAD_MESSAGES = 30;
export const TAIL_MESSAGES = 20;

export interface ShownCall {
  name: string;
  args: string;
  result?: string;
  error?: string;
  failed: boolean;
}

export interface ShownMessage {
  role: string;
  name?: string;
  text: string;
  reasoning?: string;
  calls: ShownCall[];
}

export interface Conversation {
  messages: ShownMessage[];
  /** Messages folded out of the middle: where (index into `messages`) and how many. */
  folded?: { at: number; count: number };
  total: number;
}

/** The marker ending a cut text. */
export function cutMarker(removed: number): string {
  return `… [${removed.toLocaleString('en-US')} more characters not shown]`;
}

/** `text` cut to `max` characters (plus a marker saying how much was removed). */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max) + cutMarker(text.length - max);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** A message's content as text: text as is, null as '', content parts joined (non-text parts named), else JSON. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (Array.isArray(content)) {
    return content
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part && typeof part === 'object') {
          const { type, text } = part as { type?: unknown; text?: unknown };
          if (typeof text === 'string') return text;
          return `[${typeof type === 'string' ? type : 'part'}]`;
        }
        return safeJson(part);
      })
      .join('\n');
  }
  return safeJson(content);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function shownCall(call: unknown): ShownCall {
  const c = (call && typeof call === 'object' ? call : {}) as Record<string, unknown>;
  // OpenAI-style calls nest name and arguments under `function`; ClawLoop's ToolCall has them at the top.
  const fn = (c.function && typeof c.function === 'object' ? c.function : {}) as Record<string, unknown>;
  const args = c.arguments ?? fn.arguments;
  const result = str(c.result);
  const error = str(c.error);
  return {
    name: str(c.name) ?? str(fn.name) ?? 'tool',
    args: cut(typeof args === 'string' ? args : args === undefined ? '' : safeJson(args), CALL_CHARS),
    result: result === undefined ? undefined : cut(result, CALL_CHARS),
    error: error === undefined ? undefined : cut(error, CALL_CHARS),
    failed: c.success === false || error !== undefined,
  };
}

function shownMessage(message: unknown): ShownMessage {
  const m = (message && typeof message === 'object' ? message : { content: message }) as Record<string, unknown>;
  const reasoning = str(m.reasoning_content);
  return {
    role: str(m.role) ?? 'message',
    name: str(m.name),
    text: cut(contentText(m.content), MESSAGE_CHARS),
    reasoning: reasoning === undefined ? undefined : cut(reasoning, MESSAGE_CHARS),
    calls: Array.isArray(m.tool_calls) ? m.tool_calls.map(shownCall) : [],
  };
}

/** The conversation to show for `messages` (any array; anything else is an empty conversation). */
export function shownConversation(messages: unknown): Conversation {
  const all = Array.isArray(messages) ? messages : [];
  if (all.length <= HEAD_MESSAGES + TAIL_MESSAGES) return { messages: all.map(shownMessage), total: all.length };
  const head = all.slice(0, HEAD_MESSAGES).map(shownMessage);
  const tail = all.slice(all.length - TAIL_MESSAGES).map(shownMessage);
  return {
    messages: [...head, ...tail],
    folded: { at: HEAD_MESSAGES, count: all.length - HEAD_MESSAGES - TAIL_MESSAGES },
    total: all.length,
  };
}
