/**
 * JSON.parse for one line, with errors that name the field. Python's json.dumps writes NaN, Infinity and -Infinity,
 * which are not JSON: the line is still read, each such number stands as a marker string at its place, and
 * `nonFinite` lists where they are, so the quarantine can drop or replace exactly those fields (src/core/quarantine.ts).
 */
import { NON_FINITE_MARKER } from '../core/quarantine.js';

/** Where a non-finite number stood, and which token Python wrote. */
export interface NonFinite {
  path: Array<string | number>;
  token: string;
}

export type Parsed = { ok: true; value: unknown; nonFinite: NonFinite[] } | { ok: false; field: string; problem: string };

const PYTHON_NUMBERS = /(?<![\w."])(-?Infinity|NaN)(?![\w"])/;
const MAX_DEPTH = 64;

/** Replaces NaN / Infinity tokens outside strings with marker strings, so the field holding them can be found. */
function markPythonNumbers(text: string): string | undefined {
  let out = '';
  let inString = false;
  let changed = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const match = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (match) {
      // The escape sequence, not a raw NUL: JSON strings may not hold raw control characters.
      out += `"\\u0000\\u0000${match[1]}"`;
      i += match[1].length - 1;
      changed = true;
      continue;
    }
    out += c;
  }
  return changed ? out : undefined;
}

function findMarkers(value: unknown, path: Array<string | number>, out: NonFinite[]): NonFinite[] {
  if (typeof value === 'string' && value.startsWith(NON_FINITE_MARKER)) out.push({ path, token: value.slice(NON_FINITE_MARKER.length) });
  else if (Array.isArray(value)) value.forEach((v, i) => findMarkers(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) findMarkers(v, [...path, key], out);
  return out;
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

export function parseJsonLine(text: string): Parsed {
  let value: unknown;
  let nonFinite: NonFinite[] = [];
  try {
    value = JSON.parse(text);
  } catch (error) {
    const marked = PYTHON_NUMBERS.test(text) ? markPythonNumbers(text) : undefined;
    if (!marked) return { ok: false, field: '', problem: `not valid JSON: ${(error as Error).message}` };
    try {
      value = JSON.parse(marked);
    } catch {
      // Not only NaN: the parser's own message about the original text.
      return { ok: false, field: '', problem: `not valid JSON: ${(error as Error).message}` };
    }
    nonFinite = findMarkers(value, [], []);
  }
  if (depthOf(value) > MAX_DEPTH) return { ok: false, field: '', problem: `nested deeper than ${MAX_DEPTH} levels` };
  return { ok: true, value, nonFinite };
}
