/**
 * JSON.parse for one line, with errors that name the field. The shape is checked before anything is built (a line of
 * millions of `[`, or of millions of values, is refused without parsing it). Python's json.dumps writes NaN, Infinity and -Infinity, which are
 * not JSON: the line is still read, each such number stands as a marker string at its place, and `nonFinite` lists
 * where they are, so the quarantine can drop or replace exactly those fields (src/core/quarantine.ts). Finding them
 * is one pass over the text that also yields their paths (no walk over the parsed value, however large).
 */
import { NON_FINITE_MARKER } from '../core/quarantine.js';
import { scanNonFinite, shapeProblem } from './json-scan.js';

/** Where a non-finite number stood, and which token Python wrote. */
export interface NonFinite {
  path: Array<string | number>;
  token: string;
}

export type Parsed = { ok: true; value: unknown; nonFinite: NonFinite[] } | { ok: false; field: string; problem: string };

export interface ParseOptions {
  /** The caller already checked the shape (depth, values) while the bytes arrived (src/sources/line-splitter.ts). */
  depthChecked?: boolean;
}

/**
 * Whether `text` may hold a bare NaN / Infinity: a plain substring search, which the exact scan (scanNonFinite) then
 * confirms. Several times quicker than the pattern it replaces, on every line of a file where the answer is almost
 * always no.
 */
function mayHoldNonFinite(text: string): boolean {
  return text.includes('NaN') || text.includes('Infinity');
}

export function parseJsonLine(text: string, options: ParseOptions = {}): Parsed {
  const shape = options.depthChecked ? undefined : shapeProblem(text);
  if (shape) return { ok: false, field: '', problem: shape };
  // Bare tokens are looked for first (a cheap test, then one pass): the text is then parsed once, marked or not.
  const found = mayHoldNonFinite(text) ? scanNonFinite(text) : [];
  let marked = text;
  if (found.length > 0) {
    // Each bare token becomes a marker string at its place (the escape sequence: JSON strings hold no raw NUL).
    const marker = JSON.stringify(NON_FINITE_MARKER).slice(1, -1);
    const parts: string[] = [];
    let at = 0;
    for (const f of found) {
      parts.push(text.slice(at, f.offset), `"${marker}${f.token}"`);
      at = f.offset + f.token.length;
    }
    parts.push(text.slice(at));
    marked = parts.join('');
  }
  try {
    return { ok: true, value: JSON.parse(marked), nonFinite: found.map(({ path, token }) => ({ path, token })) };
  } catch (error) {
    if (marked === text) return { ok: false, field: '', problem: `not valid JSON: ${(error as Error).message}` };
    // Not only NaN: the parser's own message about the original text.
    try {
      JSON.parse(text);
    } catch (original) {
      return { ok: false, field: '', problem: `not valid JSON: ${(original as Error).message}` };
    }
    return { ok: false, field: '', problem: `not valid JSON: ${(error as Error).message}` };
  }
}
