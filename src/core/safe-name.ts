/**
 * The one way a name that comes from data or configuration (a run id, a sink name, a metric key) becomes part of a
 * file path. Names are never trusted to stay inside a directory: `x/../../../escaped`, `/etc/passwd`, a NUL byte or a
 * 300-character id must neither escape the configured directory nor make a filesystem call fail.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';

/** Longest name returned (well under every filesystem's 255-byte limit, leaving room for prefixes and suffixes). */
export const MAX_NAME_LENGTH = 64;

const ALLOWED = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const HASH_LENGTH = 10;

/**
 * A path segment made from `name`: returned unchanged when it is made of letters, digits, `.`, `_` and `-` only (not
 * starting with a dot) and at most MAX_NAME_LENGTH characters long; otherwise every other character becomes `_`, the
 * result is cut, and a hash of the original name is appended, so two different names never map to the same segment.
 */
export function safeName(name: string): string {
  if (ALLOWED.test(name) && name.length <= MAX_NAME_LENGTH) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, HASH_LENGTH);
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1);
  return `${cleaned}-${hash}`;
}

/**
 * `segments` (names made with safeName) joined under `dir`; throws if a segment is not a plain name or the result
 * would lie outside `dir` — the second line of defence behind safeName.
 */
export function pathInside(dir: string, ...segments: string[]): string {
  const base = resolve(dir);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\u0000]/.test(segment))
      throw new Error(`refusing a path segment that is not a plain name: ${JSON.stringify(segment)}`);
  }
  const target = resolve(base, ...segments);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`refusing to write outside ${base}: ${JSON.stringify(segments)}`);
  return target;
}
