/** Every line the CLI prints goes through `say`: redacted, on one line, without control characters, bounded. */
import { safeLine } from '../core/safe-text.js';

export function say(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${safeLine(text)}\n`);
}

/** `text` of several lines (a library's own output, such as commander's help after an error), each made safe. */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? safeLine(line) : line))
    .join('\n');
}
