/**
 * JSON.parse for one line, with errors that name the field. Python's json.dumps writes NaN, Infinity and -Infinity,
 * which are not JSON: they are found, reported with the field that holds them, and the line is rejected.
 */

export type Parsed = { ok: true; value: unknown } | { ok: false; field: string; problem: string };

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
      out += `"\\u0000${match[1]}"`;
      i += match[1].length - 1;
      changed = true;
      continue;
    }
    out += c;
  }
  return changed ? out : undefined;
}

function findMarker(value: unknown, path: string): { field: string; token: string } | undefined {
  if (typeof value === 'string' && value.startsWith('\u0000')) return { field: path, token: value.slice(1) };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findMarker(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = findMarker(v, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

export function parseJsonLine(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (PYTHON_NUMBERS.test(text)) {
      const marked = markPythonNumbers(text);
      if (marked) {
        try {
          const found = findMarker(JSON.parse(marked), '');
          if (found) return { ok: false, field: found.field, problem: `${found.token} is not valid JSON (Python's json.dumps writes it for a non-finite float)` };
        } catch {
          // Not only NaN: fall through to the parser's own message.
        }
      }
    }
    return { ok: false, field: '', problem: `not valid JSON: ${(error as Error).message}` };
  }
  if (depthOf(value) > MAX_DEPTH) return { ok: false, field: '', problem: `nested deeper than ${MAX_DEPTH} levels` };
  return { ok: true, value };
}
