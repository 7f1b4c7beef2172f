/**
 * A message's content as text for display. ClawLoop declares `content: str`, but live mode passes the client's
 * content through: null (an assistant turn that only calls tools) or a list of content parts (OpenAI chat format).
 */
import type { Message } from '../../generated/types.gen.js';

/** A string as is; content parts joined by newlines (a text part's text, another part as `[<type>]`); '' for null. */
export function messageText(content: Message['content'] | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part.text === 'string' ? part.text : `[${part.type}]`)).join('\n');
}
