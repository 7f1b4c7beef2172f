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

/**
 * Output whose reader went away (`… | head`, a supervisor's log pipe closed) is output lost, nothing more: delivery to
 * the sinks goes on and the exit code still says how it went. Without a listener the stream's EPIPE would be an
 * uncaught exception that ends the CLI mid-replay. Any other stream error is passed to `otherwise`.
 */
export function tolerateClosedReader(stream: NodeJS.WritableStream, otherwise: (error: Error) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    otherwise(error);
  });
}
