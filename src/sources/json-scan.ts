/**
 * Looks at JSON text without building it: how deep it nests (checked on bytes while a line or a request body is still
 * arriving, so a line of millions of `[` never becomes a structure), and where the bare NaN / Infinity tokens sit
 * (Python's json.dumps writes them), each with the path of its field — each in one linear pass.
 */

/** Deepest nesting accepted in an input line or request body. */
export const MAX_DEPTH = 64;

/**
 * Most JSON values in one event (a line, or one item of a JSON-array body). Parsing builds every value at once
 * (tens of bytes each in memory); a million keeps one event under about 50 MB however its bytes are shaped.
 */
export const MAX_VALUES = 1_000_000;

const QUOTE = 0x22;
// Buffer's byte search, called with .call on any Uint8Array (@types/node types Buffer.prototype as any).
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called as indexOfByte.call(data, …)
const indexOfByte = (Buffer.prototype as Buffer).indexOf as (this: Uint8Array, value: number, byteOffset: number) => number;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * Checks the shape of JSON bytes across chunks, before anything is built: nesting depth and the number of values of
 * one event (the structural characters are ASCII, so UTF-8 needs no decoding). Inside strings nothing counts; an
 * escaped quote does not end a string. In `array` mode (a JSON-array body) each top-level item is an event of its own.
 */
export class DepthScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private values = 0;
  /** Why the bytes are refused, once they are (stays set until reset). */
  refusal: string | undefined;

  constructor(
    private readonly mode: 'line' | 'array' = 'line',
    private readonly limit = MAX_DEPTH,
    private readonly maxValues = MAX_VALUES,
  ) {}

  /** True once the nesting went deeper than the limit. */
  get tooDeep(): boolean {
    return this.refusal?.startsWith('nested') ?? false;
  }

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.values = 0;
    this.refusal = undefined;
  }

  /** Feeds `data[from, to)`; returns false as soon as the bytes are refused (see `refusal`). */
  push(data: Uint8Array, from = 0, to = data.length): boolean {
    if (this.refusal) return false;
    let { depth, inString, escaped, values } = this;
    for (let i = from; i < to; i += 1) {
      if (inString) {
        // Most of an event's bytes are inside strings: jump to the string's closing quote with a native search
        // instead of looking at every byte (this scan was a tenth of a file replay's CPU).
        if (escaped) {
          escaped = false;
          continue;
        }
        const end = closingQuote(data, i, to);
        if (end < to) inString = false;
        else escaped = backslashRunIsOdd(data, i, to);
        i = end;
        continue;
      }
      const c = data[i];
      if (c === QUOTE) inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        depth += 1;
        values += 1;
        if (depth > this.limit) {
          this.refusal = `nested deeper than ${this.limit} levels`;
          return false;
        }
      } else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && depth > 0) depth -= 1;
      else if (c === COMMA) {
        if (this.mode === 'array' && depth === 1) values = 0;
        else values += 1;
      } else continue;
      if (values > this.maxValues) {
        this.refusal = `more than ${this.maxValues.toLocaleString('en-US')} values in one event`;
        return false;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.values = values;
    return true;
  }
}

/** True when the backslashes ending at `end` (exclusive, none before `from` counted) are an odd run. */
function backslashRunIsOdd(data: Uint8Array, from: number, end: number): boolean {
  let run = 0;
  while (end - run - 1 >= from && data[end - run - 1] === BACKSLASH) run += 1;
  return run % 2 === 1;
}

/**
 * Where the string that is open at `from` (not right after a backslash) closes: the first quote in [from, to) not
 * escaped by an odd run of backslashes, or `to` when it does not close in this piece.
 */
function closingQuote(data: Uint8Array, from: number, to: number): number {
  for (let at = from; at < to;) {
    const q = indexOfByte.call(data, QUOTE, at);
    if (q === -1 || q >= to) return to;
    if (!backslashRunIsOdd(data, from, q)) return q;
    at = q + 1;
  }
  return to;
}

/** Why `text` (one event) may not be parsed — too deep, too many values — or undefined. */
export function shapeProblem(text: string): string | undefined {
  const scanner = new DepthScanner();
  scanner.push(Buffer.from(text, 'utf8'));
  return scanner.refusal;
}

/** A bare NaN / Infinity / -Infinity outside strings: where it starts, the token, and the path of the field holding it. */
export interface NonFiniteToken {
  offset: number;
  token: string;
  path: Array<string | number>;
}

/**
 * Every bare NaN / Infinity / -Infinity outside strings, with the path of the field holding each (`['episodes', 0,
 * 'reward']`). One pass over the characters; keeps only the open containers (kind, array index, the key's place in the
 * text), so nothing is built however long the line.
 */
export function scanNonFinite(text: string): NonFiniteToken[] {
  // Typed arrays, one slot per level: the loop stays monomorphic and allocation-free. Deeper levels than the limit
  // (callers refuse them first) share the last slot.
  const levels = MAX_DEPTH + 2;
  const isObject = new Uint8Array(levels);
  const index = new Float64Array(levels);
  const keyStart = new Float64Array(levels);
  const keyEnd = new Float64Array(levels);
  const expectKey = new Uint8Array(levels);
  const found: NonFiniteToken[] = [];
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      for (; j < n; j += 1) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) j += 1;
        else if (d === QUOTE) break;
      }
      const top = Math.min(depth, levels) - 1;
      if (top >= 0 && isObject[top] && expectKey[top]) {
        keyStart[top] = i;
        keyEnd[top] = j + 1;
        expectKey[top] = 0;
      }
      i = j;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      const slot = Math.min(depth, levels - 1);
      isObject[slot] = c === OPEN_OBJECT ? 1 : 0;
      index[slot] = 0;
      expectKey[slot] = 1;
      depth += 1;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth > 0) depth -= 1;
    } else if (c === COMMA) {
      const top = Math.min(depth, levels) - 1;
      if (top >= 0) {
        if (isObject[top]) expectKey[top] = 1;
        else index[top] += 1;
      }
    } else if (c === 0x4e /* N */ || c === 0x49 /* I */ || c === 0x2d /* - */) {
      const token = text.startsWith('NaN', i)
        ? 'NaN'
        : text.startsWith('Infinity', i)
          ? 'Infinity'
          : text.startsWith('-Infinity', i)
            ? '-Infinity'
            : undefined;
      if (!token) continue;
      const path: Array<string | number> = [];
      for (let d = 0; d < Math.min(depth, levels); d += 1) {
        if (!isObject[d]) path.push(index[d]);
        else {
          const raw = text.slice(keyStart[d], keyEnd[d]);
          try {
            path.push(JSON.parse(raw) as string);
          } catch {
            path.push(raw.slice(1, -1));
          }
        }
      }
      found.push({ offset: i, token, path });
      i += token.length - 1;
    }
  }
  return found;
}
