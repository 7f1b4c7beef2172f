/**
 * Streams a file line by line with constant memory, numbering lines from 1 and decoding each as strict UTF-8
 * (an invalid byte sequence is reported for that line, not silently replaced). Limits are enforced on the bytes as
 * they arrive: a line too long or nested too deeply is refused without being held.
 */
import { closeSync, constants, fstatSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';
import { LineSplitter, type SplitBytes } from './line-splitter.js';

export { MAX_LINE_BYTES } from './line-splitter.js';

/**
 * Bytes per read. Each read is a trip to libuv's thread pool, and the main thread's share of a 64 KiB file-stream
 * read was ~0.2 ms on this machine (a tenth of a W&B replay's CPU); 256 KiB makes four times fewer. A MiB made
 * sixteen times fewer but kept 6-10 MB more resident through a 1.29 GiB replay (measured with pnpm bench --rss).
 */
const READ_CHUNK_BYTES = 256 * 1024;

const readAt = promisify(read);

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
  for await (const lines of readLineBatches(path, options)) yield* lines;
}

/**
 * The lines of readLines, a read at a time: each batch is a sync iterable that decodes its lines one by one as they
 * are taken, and must be read to its end before the next batch is asked for (its lines are views into the one read
 * buffer). A reader that yields each line through its own async generator pays a promise and a turn of the microtask
 * queue per line and per generator: the event file's reader takes batches, so a replay's events pass through two
 * async generators instead of four.
 */
export async function* readLineBatches(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<Iterable<Line & { endOffset: number }>> {
  const opened = openProblem(path);
  if ('error' in opened) {
    yield [{ line: 0, error: opened.error, endOffset: options.start ?? 0 }];
    return;
  }
  const splitter = new LineSplitter();
  let lineNo = options.firstLine ?? 1;
  let offset = options.start ?? 0;
  // One buffer for every read: a chunk's lines wait as views into it (each decoded only when it is taken, so the
  // text of a whole chunk never exists at once) and are all read before the next read overwrites it; the splitter
  // copies the unfinished line's tail. Nothing is allocated per read.
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  const ready: Array<{ line: SplitBytes; endOffset: number }> = [];
  function* decoded(): Generator<Line & { endOffset: number }> {
    for (const { line, endOffset } of ready) yield { ...splitter.decode(line), line: lineNo++, endOffset };
  }
  try {
    for (;;) {
      const { bytesRead } = await readAt(opened.fd, buffer, 0, buffer.length, offset);
      if (bytesRead === 0) break;
      splitter.pushBytes(buffer.subarray(0, bytesRead), (line, end) => ready.push({ line, endOffset: offset + end }));
      offset += bytesRead;
      yield decoded();
      ready.length = 0;
    }
  } finally {
    closeSync(opened.fd);
  }
  const last = (options.includePartialLast ?? true) ? splitter.end() : undefined;
  if (last) yield [{ ...last, line: lineNo, endOffset: offset }];
}
