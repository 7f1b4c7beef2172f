/**
 * Applies generated mapping tables to one scope value: reads each rule's value, transforms it, drops
 * absent values and keeps strings within the target's limit. Pure; used by every generated adapter.
 */
import type { DerivedContext } from './derived-context.js';

/** A value as a backend receives it: primitives, or a list of primitives (e.g. tags). */
export type FieldValue = string | number | boolean | readonly string[] | readonly number[] | readonly boolean[];

/**
 * Mapped values of one target instance, by backend key. `K` is the target's generated key union (`<Backend>Keys[T]`
 * in generated/<backend>/mapping.gen.ts), so a key read or written by name must exist in the mapping spec.
 * Absent values are absent keys.
 */
export type Fields<K extends string = string> = { readonly [P in K]?: FieldValue };

/** Fields of one item of an array scope, with the item itself (for timestamps, ids) and its indices. */
export interface ScopedFields<T, K extends string = string> {
  readonly item: T;
  readonly index: readonly number[];
  readonly fields: Fields<K>;
}

/** The present entries of `fields`, typed by the target's keys. */
export function fieldEntries<K extends string>(fields: Fields<K>): Array<[K, FieldValue]> {
  return (Object.entries(fields) as Array<[K, FieldValue | undefined]>).filter((e): e is [K, FieldValue] => e[1] !== undefined);
}

export type Transform = 'json' | 'hash12' | 'string' | 'seconds_to_ms' | 'seconds_to_iso';

/** One generated rule: where a value comes from (`source`, for humans) and how to read it (`get` or `entries`). */
export interface FieldRule<S> {
  readonly key: string;
  readonly source: string;
  readonly transform?: Transform;
  readonly unit?: string;
  readonly get?: (s: S, ctx: DerivedContext) => unknown;
  readonly entries?: (s: S, ctx: DerivedContext) => ReadonlyArray<readonly [string, unknown]>;
}

/** A target as the generated tables describe it. */
export interface TargetSpec {
  readonly scope: string;
  readonly maxValueLength?: number;
  readonly maxKeyLength?: number;
  /** Fixed names and values set on every instance, before the mapped fields. */
  readonly constants?: Readonly<Record<string, string | number | boolean>>;
}

/** Appended to a truncated string; says how much was cut so nothing is lost silently. */
export function truncationMarker(removed: number): string {
  return `…[truncated ${removed} chars]`;
}

const EXISTING_MARKER = /…\[truncated (\d+) chars\]$/;

/**
 * Cuts `text` to at most `max` characters, ending with a marker that counts what was removed. Text cut before
 * (a mapping limit, then a transport limit) keeps one marker with the total count.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const earlier = EXISTING_MARKER.exec(text);
  const body = earlier ? text.slice(0, earlier.index) : text;
  const removedBefore = earlier ? Number(earlier[1]) : 0;
  // The marker's length depends on the number it carries; two passes settle it.
  let keep = Math.max(0, max - truncationMarker(body.length + removedBefore).length);
  keep = Math.max(0, max - truncationMarker(body.length - keep + removedBefore).length);
  return body.slice(0, keep) + truncationMarker(body.length - keep + removedBefore);
}

/** What safeJson writes for a value that cannot be serialized. */
export const UNSERIALIZABLE_JSON = '"<failed to serialize>"';

/** JSON.stringify that never throws (cycles, BigInt) and says so instead. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return UNSERIALIZABLE_JSON;
  }
}

/*
 * JSON text of a structure that must fit a length limit and stay valid JSON: instead of cutting the text (which leaves
 * JSON nobody can parse — a long conversation would show as "not available"), the strings inside are cut, each with a
 * marker counting what it lost, so every message keeps its start and the structure stays whole.
 */
function capStrings(value: unknown, cap: number): unknown {
  if (typeof value === 'string') return value.length > cap ? truncate(value, cap) : value;
  if (Array.isArray(value)) return value.map((v) => capStrings(v, cap));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capStrings(v, cap)]));
  return value;
}

function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((m, v) => Math.max(m, longestString(v)), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((m, v) => Math.max(m, longestString(v)), 0);
  return 0;
}

/**
 * `value` as JSON of at most `max` characters: as is when it fits; else with every string longer than the largest cap
 * that fits cut to it (marker included); else (too many items even with empty strings) the text cut with a marker.
 */
export function fitJson(value: unknown, max: number): string {
  const whole = safeJson(value);
  if (whole.length <= max) return whole;
  // The cap grows the text monotonically: binary search for the largest that fits.
  let lo = 0;
  let hi = longestString(value);
  let best: string | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = safeJson(capStrings(value, mid));
    if (text.length <= max) {
      best = text;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best ?? truncate(whole, max);
}

export function applyTransform(value: unknown, transform: Transform | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  switch (transform) {
    case undefined:
      return value;
    case 'json':
      return typeof value === 'string' ? value : safeJson(value);
    case 'hash12':
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- hashes are strings; anything else as String() writes it
      return String(value).slice(0, 12);
    case 'string':
      return typeof value === 'string' ? value : safeJson(value);
    case 'seconds_to_ms':
      return typeof value === 'number' ? Math.round(value * 1000) : undefined;
    case 'seconds_to_iso':
      return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000).toISOString() : undefined;
  }
}

/** Turns a read value into a FieldValue, or undefined to drop it. Objects become JSON text. */
export function toFieldValue(value: unknown): FieldValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
  return safeJson(value);
}

/** Whether toFieldValue keeps a structured value as it is (a list of strings or of finite numbers) instead of as JSON. */
function keptAsList(value: unknown): boolean {
  return (
    Array.isArray(value) && (value.every((v) => typeof v === 'string') || value.every((v) => typeof v === 'number' && Number.isFinite(v)))
  );
}

function put(out: Record<string, FieldValue>, key: string, raw: unknown, rule: FieldRule<never>, target: TargetSpec): void {
  // A structure that becomes JSON text too long for the target is fitted by cutting its strings (valid JSON, a marker
  // per cut string), not by cutting the text. (Asked without toFieldValue, which would write the JSON a first time.)
  const structured =
    raw !== null && typeof raw === 'object' && (rule.transform === undefined || rule.transform === 'json' || rule.transform === 'string');
  if (structured && target.maxValueLength && !keptAsList(raw)) raw = fitJson(raw, target.maxValueLength);
  const value = toFieldValue(applyTransform(raw, rule.transform));
  if (value === undefined) return;
  const limitedKey = target.maxKeyLength ? key.slice(0, target.maxKeyLength) : key;
  out[limitedKey] = typeof value === 'string' && target.maxValueLength ? truncate(value, target.maxValueLength) : value;
}

/** Applies `rules` to `scope`: the target's constants, then one entry per rule (or per map key for keyed rules). */
export function applyRules<S, K extends string = string>(
  rules: readonly FieldRule<S>[],
  scope: S,
  ctx: DerivedContext,
  target: TargetSpec,
): Fields<K> {
  // Object.assign, not a spread: names added to a spread copy of the constants go through V8's slow path one by one
  // (measured: mapping an episode's spans took 3.5 times as long).
  const out: Record<string, FieldValue> = Object.assign({}, target.constants);
  for (const rule of rules) {
    if (rule.entries) {
      for (const [mapKey, raw] of rule.entries(scope, ctx)) put(out, rule.key.replace('{key}', mapKey), raw, rule, target);
    } else if (rule.get) {
      put(out, rule.key, rule.get(scope, ctx), rule, target);
    }
  }
  return out as Fields<K>;
}
