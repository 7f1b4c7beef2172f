/**
 * Streams a file line by line with constant memory, numbering lines from 1 and decoding each as strict UTF-8
 * (an invalid byte sequence is reported for that line, not silently replaced).
 */
import { createReadStream } from 'node:fs';

export type Line = { line: number; text: string } | { line: number; error: string };

/** Lines longer than this are reported and skipped rather than buffered. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;

export interface ReadLinesOptions {
  /** Start reading at this byte offset (line numbers then start at `firstLine`). */
  start?: number;
  firstLine?: number;
  /** Keep a trailing line without newline (end of a finished file). @default true */
  includePartialLast?: boolean;
}

/** Reads complete lines; yields `{ line, text }` or `{ line, error }` for lines that are not UTF-8 or too long. */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<Line & { endOffset: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineNo = options.firstLine ?? 1;
  let offset = options.start ?? 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;

  const finish = (bytes: Buffer[], end: number): Line & { endOffset: number } => {
    const n = lineNo;
    lineNo += 1;
    if (overlong) {
      overlong = false;
      return { line: n, error: `line longer than ${MAX_LINE_BYTES} bytes`, endOffset: end };
    }
    const buffer = bytes.length === 1 ? bytes[0] : Buffer.concat(bytes);
    const trimmed = buffer.length > 0 && buffer[buffer.length - 1] === 0x0d ? buffer.subarray(0, buffer.length - 1) : buffer;
    try {
      return { line: n, text: decoder.decode(trimmed), endOffset: end };
    } catch {
      return { line: n, error: 'not valid UTF-8', endOffset: end };
    }
  };

  for await (const chunk of createReadStream(path, { start: options.start })) {
    const buf = chunk as Buffer;
    let from = 0;
    for (let i = buf.indexOf(NEWLINE, from); i !== -1; i = buf.indexOf(NEWLINE, from)) {
      const piece = buf.subarray(from, i);
      offset += i - from + 1;
      if (!overlong) pending.push(piece);
      const line = finish(pending, offset);
      pending = [];
      pendingBytes = 0;
      from = i + 1;
      yield line;
    }
    const rest = buf.subarray(from);
    offset += rest.length;
    if (!overlong) {
      pendingBytes += rest.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        overlong = true;
        pending = [];
      } else if (rest.length > 0) {
        // Copy: the stream may reuse its chunk buffers.
        pending.push(Buffer.from(rest));
      }
    }
  }
  if ((options.includePartialLast ?? true) && (pending.length > 0 || overlong)) yield finish(pending, offset);
}
