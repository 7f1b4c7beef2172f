/**
 * The input limits' check for one line (depth, values), paid in full only on lines that could reach a limit.
 *
 * A line can nest no deeper than it has `[` and `{` bytes, and hold no more values than it has bytes (each value the
 * exact scan counts starts at a `[`, `{` or `,`). So while a line has at most `maxDepth` opening brackets and at most
 * `maxValues` bytes, no limit can be exceeded, and counting its brackets with the native byte search is enough: a
 * ClawLoop episode line has a few dozen of them in a few kilobytes, and the exact scan (src/sources/json-scan.ts),
 * which walks every byte outside strings and every string's end, was a tenth of a file replay's CPU. Once either bound
 * is passed, the line's bytes so far and all that follow go through the exact scan, which refuses the line as soon as
 * a limit is really exceeded: in the same piece as an exact scan from the start would, since neither limit can be
 * exceeded before its bound is passed. Brackets inside strings count too: the bound only gets looser, never wrong.
 */
import { DepthScanner, MAX_DEPTH, MAX_VALUES } from './json-scan.js';

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
// Buffer's byte search, called with .call on any Uint8Array (@types/node types Buffer.prototype as any).
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called as indexOfByte.call(data, …)
const indexOfByte = (Buffer.prototype as Buffer).indexOf as (this: Uint8Array, value: number, byteOffset: number) => number;

/** How many `byte`s `data` holds, counting no further than `max + 1` (enough to know the bound is passed). */
function countUpTo(data: Uint8Array, byte: number, max: number): number {
  let n = 0;
  for (let at = indexOfByte.call(data, byte, 0); at !== -1 && n <= max; at = indexOfByte.call(data, byte, at + 1)) n += 1;
  return n;
}

export class LineShape {
  private readonly exact: DepthScanner;
  /** Opening brackets of the current line so far (only while it is not scanned exactly). */
  private opens = 0;
  private bytes = 0;
  private scanning = false;

  constructor(
    private readonly maxDepth = MAX_DEPTH,
    private readonly maxValues = MAX_VALUES,
  ) {
    this.exact = new DepthScanner('line', maxDepth, maxValues);
  }

  /** Why the line is refused, once it is. */
  get refusal(): string | undefined {
    return this.exact.refusal;
  }

  /** Starts a new line. */
  reset(): void {
    if (this.scanning) this.exact.reset();
    this.opens = 0;
    this.bytes = 0;
    this.scanning = false;
  }

  /**
   * Feeds the line's next piece; `before` are its earlier pieces, all of them (the caller holds them until the line
   * ends). Returns false once the line is refused (see `refusal`).
   */
  push(piece: Uint8Array, before: readonly Uint8Array[]): boolean {
    if (this.scanning) return this.exact.push(piece);
    this.bytes += piece.length;
    const room = this.maxDepth - this.opens;
    this.opens += countUpTo(piece, OPEN_OBJECT, room);
    if (this.opens <= this.maxDepth) this.opens += countUpTo(piece, OPEN_ARRAY, this.maxDepth - this.opens);
    if (this.opens <= this.maxDepth && this.bytes <= this.maxValues) return true;
    // A bound is passed: from here on, exactly, from the line's first byte.
    this.scanning = true;
    for (const held of before) if (!this.exact.push(held)) return false;
    return this.exact.push(piece);
  }
}
