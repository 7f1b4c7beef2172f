/**
 * Cuts a stream of bytes into lines with the input limits enforced while the bytes arrive: a line longer than
 * MAX_LINE_BYTES, nested deeper than MAX_DEPTH or holding more than MAX_VALUES values is refused as soon as that shows, and from then on not held; every
 * other line is decoded as strict UTF-8 (an invalid sequence is reported for the line, never replaced). Used for files
 * (src/sources/lines.ts) and for request bodies (serve).
 */
import { isAscii } from 'node:buffer';
import { LineShape } from './line-shape.js';

/** Lines longer than this are reported and skipped rather than buffered. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;

/** One line: its text, or why it was refused. */
export type SplitLine = { text: string } | { error: string };

/** One line before decoding: its bytes (without the newline), or why it was refused. */
export type SplitBytes = { bytes: Buffer } | { error: string };

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Depth and value limits, checked exactly only on lines that could reach them (src/sources/line-shape.ts). */
  private readonly shape = new LineShape();
  /** The bytes of the current line (decoded once, when it ends: one copy of its text, never two). */
  private pieces: Buffer[] = [];
  private pendingBytes = 0;
  /** Why the current line is refused before its end arrived. */
  private refused: { error: string } | undefined;

  constructor(
    private readonly maxLineBytes = MAX_LINE_BYTES,
    /** The caller keeps every chunk it pushes alive until the lines are read (serve's bodies): pieces need no copy. */
    private readonly chunksKept = false,
  ) {}

  /** Bytes of the line still open (0 right after a newline). */
  get openBytes(): number {
    return this.pendingBytes;
  }

  /** Feeds a chunk; calls `onLine` for every line it completes, with the offset just past its newline in `chunk`. */
  push(chunk: Buffer, onLine: (line: SplitLine, endInChunk: number) => void): void {
    this.pushBytes(chunk, (line, end) => onLine(this.decode(line), end));
  }

  /**
   * As push(), with each line handed over undecoded (see decode()): a caller that queues a chunk's lines holds their
   * bytes (a view into `chunk` when the line lies within it), and each line's text exists only once it is read.
   */
  pushBytes(chunk: Buffer, onLine: (line: SplitBytes, endInChunk: number) => void): void {
    let from = 0;
    for (let i = chunk.indexOf(NEWLINE, from); i !== -1; i = chunk.indexOf(NEWLINE, from)) {
      this.take(chunk.subarray(from, i), false);
      onLine(this.finish(), i + 1);
      from = i + 1;
    }
    // The open line's last piece outlives this call: copied unless the caller keeps its chunks (`chunksKept`).
    this.take(chunk.subarray(from), !this.chunksKept);
  }

  /** The last line when the stream ended without a newline, or undefined when there is none. */
  end(): SplitLine | undefined {
    const last = this.endBytes();
    return last && this.decode(last);
  }

  /** As end(), undecoded. */
  endBytes(): SplitBytes | undefined {
    return this.pendingBytes > 0 || this.refused ? this.finish() : undefined;
  }

  /** A line's text, strict UTF-8 (a trailing carriage return dropped), or why it cannot be read. */
  decode(line: SplitBytes): SplitLine {
    if ('error' in line) return line;
    const { bytes } = line;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    // ASCII is its own UTF-8 and Latin-1: copied as one-byte characters without decoding (several times quicker than
    // the strict decoder, and what Python's json.dumps writes by default, non-ASCII escaped as \uXXXX).
    if (isAscii(bytes)) return { text: bytes.toString('latin1', 0, end) };
    try {
      return { text: this.decoder.decode(bytes.subarray(0, end)) };
    } catch {
      return { error: 'not valid UTF-8' };
    }
  }

  private take(piece: Buffer, copy: boolean): void {
    if (this.refused) return;
    this.pendingBytes += piece.length;
    if (this.pendingBytes > this.maxLineBytes) this.refused = { error: `line longer than ${this.maxLineBytes} bytes` };
    else if (!this.shape.push(piece, this.pieces)) this.refused = { error: this.shape.refusal! };
    else if (piece.length > 0) this.pieces.push(copy ? Buffer.from(piece) : piece);
    if (this.refused) this.pieces = [];
  }

  private finish(): SplitBytes {
    const refused = this.refused;
    const pieces = this.pieces;
    this.pieces = [];
    this.pendingBytes = 0;
    this.refused = undefined;
    this.shape.reset();
    if (refused) return refused;
    return { bytes: pieces.length === 1 ? pieces[0] : Buffer.concat(pieces) };
  }
}
