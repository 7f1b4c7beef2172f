/**
 * Streams a file line by line with constant memory, numbering lines from 1 and decoding each as strict UTF-8
 * (an invalid byte sequence is reported for that line, not silently replaced). Limits are enforced on the bytes as
 * they arrive: a line too long or nested too deeply is refused without being held.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync } from 'node:fs';
import { LineSplitter } from './line-splitter.js';

export { MAX_LINE_BYTES } from './line-splitter.js';

export type Line = { line: number; text: string } | { line: number; error: string };

export interface ReadLinesOptions {
  /** Start reading at this byte offset (line numbers then start at `firstLine`). */
  start?: number;
  firstLine?: number;
  /** Keep a trailing line without newline (end of a finished file). @default true */
  includePartialLast?: boolean;
}

/** Why a path cannot be read as a file of lines, or undefined when it can (checked without blocking on a FIFO). */
function openProblem(path: string): { fd: number } | { error: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; for a regular file the flag changes nothing.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      ELOOP: 'too many levels of symbolic links',
      EISDIR: 'is a directory, expected a file',
    };
    return { error: `cannot be read: ${why[code ?? ''] ?? code ?? (error as Error).message}` };
  }
  const stat = fstatSync(fd);
  if (stat.isFile()) return { fd };
  closeSync(fd);
  const kind = stat.isDirectory()
    ? 'a directory'
    : stat.isFIFO()
      ? 'a FIFO (named pipe)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return { error: `is ${kind}, expected a regular file` };
}

/**
 * Reads complete lines; yields `{ line, text }`, or `{ line, error }` for a line that is not UTF-8, too long or nested
 * too deeply (both found while the bytes arrive, so such a line is never held or built), and `{ line: 0, error }` when
 * the path is not a readable regular file (a directory, a FIFO, a device, unreadable).
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<Line & { endOffset: number }> {
  const opened = openProblem(path);
  if ('error' in opened) {
    yield { line: 0, error: opened.error, endOffset: options.start ?? 0 };
    return;
  }
  const splitter = new LineSplitter();
  let lineNo = options.firstLine ?? 1;
  let offset = options.start ?? 0;
  const ready: Array<Line & { endOffset: number }> = [];
  for await (const chunk of createReadStream(path, { fd: opened.fd, start: options.start })) {
    const buf = chunk as Buffer;
    splitter.push(buf, (line, end) => ready.push({ ...line, line: lineNo++, endOffset: offset + end }));
    offset += buf.length;
    yield* ready;
    ready.length = 0;
  }
  const last = (options.includePartialLast ?? true) ? splitter.end() : undefined;
  if (last) yield { ...last, line: lineNo, endOffset: offset };
}
