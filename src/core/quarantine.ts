/**
 * Field-level quarantine: a line with a bad value still becomes an event when the event can live without that value.
 * Every problem of the line is reported once, naming its field and what was done. For each invalid field, in order:
 *   coerce it (a number where text belongs → its text, an object → its JSON text, numeric text → the number,
 *   a reward signal out of [-1, 1] → clamped as ClawLoop's RewardSignal clamps), else set the schema's `default`,
 *   else drop it when optional, else null it when nullable, else drop the array item or map entry holding it, else
 *   give up on the object holding it and try the same there. Reaching the line itself means the line cannot be an
 *   event (no type, no run / iteration / episode identity, no time): it is refused.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeError, pickError } from './validation.js';
import { formatPath, slotAt, typesOf, valueAt, type FieldSlot, type PathSegment } from './schema-walk.js';

export interface FieldProblem {
  field: string;
  problem: string;
}

export type Quarantined<T> = { ok: true; value: T; problems: FieldProblem[] } | { ok: false; problems: FieldProblem[] };

/** A non-finite number Python wrote (NaN, Infinity), already read as a marker at `path` (src/sources/parse-json-line.ts). */
export interface NonFiniteAt {
  path: PathSegment[];
  token: string;
}

/** How a NaN / Infinity token is read (a string no JSON text can produce unescaped), so its field can be found. */
export const NON_FINITE_MARKER = '\u0000\u0000';

/** Fixes per line before it is refused as hopeless (each fix removes or replaces something, so this is a safety net). */
const MAX_FIXES = 1000;

function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** `/episode/messages/3/role` → ['episode', 'messages', 3, 'role']. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

class LineRepair {
  readonly problems: FieldProblem[] = [];
  private readonly coerced = new Set<string>();
  refused = false;

  constructor(
    readonly root: { value: unknown },
    private readonly schemaName: string,
  ) {}

  private parentOf(path: PathSegment[]): Record<string | number, unknown> {
    return valueAt(this.root.value, path.slice(0, -1)) as Record<string | number, unknown>;
  }

  private set(path: PathSegment[], value: unknown): void {
    this.parentOf(path)[path[path.length - 1]] = value;
  }

  private remove(path: PathSegment[], slot: FieldSlot): void {
    const parent = this.parentOf(path);
    if (slot.place === 'item' && Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
    else Reflect.deleteProperty(parent, path[path.length - 1]);
  }

  /** A value of the right kind made from a wrong one, or undefined when there is none. */
  private coercion(
    slot: FieldSlot,
    value: unknown,
    error: ErrorObject | undefined,
    depth: number,
  ): { value: unknown; how: string } | undefined {
    const types = slot.schema ? typesOf(slot.schema) : [];
    if (error?.keyword === 'type') {
      if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean') && Number.isFinite(value)) {
        return { value: String(value), how: 'coerced to text' };
      }
      // Inside a record (tool-call arguments a client gave as an object); an identity field stays what it is.
      if (types.includes('string') && value !== null && typeof value === 'object' && depth > 1)
        return { value: JSON.stringify(value), how: 'written as JSON text' };
      if ((types.includes('number') || types.includes('integer')) && typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        if (Number.isFinite(n) && (types.includes('number') || Number.isInteger(n))) return { value: n, how: `coerced to the number ${n}` };
      }
    }
    // ClawLoop's RewardSignal clamps value and confidence into range; fields bounded on both sides are treated alike.
    const min = slot.schema?.minimum;
    const max = slot.schema?.maximum;
    if (
      (error?.keyword === 'minimum' || error?.keyword === 'maximum') &&
      typeof min === 'number' &&
      typeof max === 'number' &&
      typeof value === 'number'
    ) {
      const clamped = Math.min(max, Math.max(min, value));
      return { value: clamped, how: `clamped to ${clamped}` };
    }
    return undefined;
  }

  /**
   * Repairs the field at `path` whose value is wrong (or missing, with `missing`). `problem` says what is wrong; the
   * reported problem adds what was done.
   */
  repair(path: PathSegment[], problem: string, error?: ErrorObject, missing = false, origin = path): void {
    const field = formatPath(origin);
    const report = (done: string): void => {
      this.problems.push({ field, problem: `${problem}; ${done}` });
    };
    if (path.length === 0) {
      this.refused = true;
      this.problems.push({ field, problem: `${problem}; the line cannot be an event without it, so it was skipped` });
      return;
    }
    const slot = slotAt(this.schemaName, this.root.value, path);
    const value = missing ? undefined : valueAt(this.root.value, path);
    const key = formatPath(path);
    if (!missing && path === origin && !this.coerced.has(key)) {
      const coerced = this.coercion(slot, value, error, path.length);
      if (coerced) {
        this.coerced.add(key);
        this.set(path, coerced.value);
        return report(coerced.how);
      }
    }
    const here = path === origin ? '' : ` ${formatPath(path)}`;
    if (slot.hasDefault && !this.coerced.has(`default:${key}`)) {
      this.coerced.add(`default:${key}`);
      this.set(path, clone(slot.default));
      return report(`${here ? `${here.trim()} ` : ''}set to ${show(slot.default)}`);
    }
    if (slot.place === 'property' && !slot.required) {
      if (!missing) this.remove(path, slot);
      return report(`${here ? `${here.trim()} ` : ''}dropped`);
    }
    if (slot.nullable && value !== null) {
      this.set(path, null);
      return report(`${here ? `${here.trim()} ` : ''}set to null`);
    }
    if (slot.place === 'item' || slot.place === 'map-value') {
      this.remove(path, slot);
      return report(`${slot.place === 'item' ? 'item' : 'entry'} ${formatPath(path)} dropped`);
    }
    this.repair(path.slice(0, -1), problem, undefined, false, origin);
  }
}

/**
 * Checks `input` against `validate` (compiled from the schema named `schemaName` in the generated SCHEMA_DEFS) and
 * repairs what it can. `input` is changed in place; the result holds it (typed) unless the line had to be refused.
 */
export function quarantine<T>(
  input: unknown,
  validate: ValidateFunction,
  schemaName: string,
  nonFinite: readonly NonFiniteAt[] = [],
): Quarantined<T> {
  // Nearly every line is a valid event: validated once, and nothing else is made for it.
  const valid = nonFinite.length === 0 && validate(input);
  if (valid) return { ok: true, value: input as T, problems: [] };
  const root = { value: input };
  const repair = new LineRepair(root, schemaName);
  // Later array positions first, so dropping an item does not move the markers still to handle.
  const markers = [...nonFinite].sort((a, b) => comparePaths(b.path, a.path));
  for (const { path, token } of markers) {
    if (repair.refused) break;
    // Gone with an object dropped for an earlier marker.
    if (valueAt(root.value, path) !== NON_FINITE_MARKER + token) continue;
    repair.repair(path, `${token} is not a number JSON can carry (Python's json.dumps writes it for a non-finite float)`);
  }
  // Without markers, validate() already ran on the value as it is and failed: its errors are the first to repair.
  let failedAsIs = nonFinite.length === 0;
  for (let fixes = 0; !repair.refused; fixes += 1) {
    if (!failedAsIs && validate(root.value)) break;
    failedAsIs = false;
    if (fixes >= MAX_FIXES) {
      repair.refused = true;
      repair.problems.push({ field: '', problem: `more than ${MAX_FIXES} problems; skipped` });
      break;
    }
    const error = pickError(validate.errors);
    if (!error) break;
    const path = pointerToPath(error.instancePath);
    const { problem: described } = describeError(error, validate.errors ?? []);
    const problem = error.keyword === 'required' ? described : `${described}, got ${show(valueAt(root.value, path))}`;
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: unknown }).missingProperty);
      repair.repair([...path, missing], problem, error, true);
    } else {
      repair.repair(path, problem, error);
    }
  }
  return repair.refused ? { ok: false, problems: repair.problems } : { ok: true, value: root.value as T, problems: repair.problems };
}

function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    return String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}
