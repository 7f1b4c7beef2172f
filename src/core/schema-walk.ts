/**
 * Walks a value alongside its JSON Schema (the generated SCHEMA_DEFS): what the schema says about the field at a
 * path — required or optional, nullable, its default, whether it is an array item or a map value. Used by the
 * field-level quarantine and by the unknown-field walkers (./unknown-fields.ts), which compile it per schema node.
 */
import { SCHEMA_DEFS } from '../../generated/validators/schemas.gen.js';

/** A JSON Schema node as the generated bundle holds it. */
export type JsonSchemaNode = { readonly [keyword: string]: unknown };

/** One step into a value: a property name or an array index. */
export type PathSegment = string | number;

/** What a value's position says about it. */
export interface FieldSlot {
  /** The value's schema, refs followed and the union branch that fits the value chosen; undefined inside free-form data. */
  schema: JsonSchemaNode | undefined;
  /** How the value hangs off its parent. */
  place: 'root' | 'property' | 'item' | 'map-value';
  /** A property its object must have. */
  required: boolean;
  nullable: boolean;
  /** The schema's `default` for this field (ClawLoop's own default where it has one). */
  default?: unknown;
  hasDefault: boolean;
}

const defs = SCHEMA_DEFS as Record<string, JsonSchemaNode>;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** JSON types a schema node admits (`integer` admits integers, `number` both). */
export function typesOf(node: JsonSchemaNode): string[] {
  if (node.const !== undefined) return [jsonType(node.const)];
  if (Array.isArray(node.enum)) return [...new Set((node.enum as unknown[]).map(jsonType))];
  if (Array.isArray(node.type)) return node.type as string[];
  if (typeof node.type === 'string') return [node.type];
  return [];
}

function admits(node: JsonSchemaNode, value: unknown): boolean {
  const types = typesOf(node);
  if (types.length === 0) return true;
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** Whether `value` agrees with every `const` among the node's properties (a union's discriminator, e.g. record_type). */
function constsMatch(node: JsonSchemaNode, value: unknown): boolean {
  const props = node.properties as Record<string, JsonSchemaNode> | undefined;
  if (!props || value === null || typeof value !== 'object') return true;
  return Object.entries(props).every(([key, p]) => p.const === undefined || (value as Record<string, unknown>)[key] === p.const);
}

/**
 * Follows `$ref`s and picks, in a `oneOf` / `anyOf`, the branch that fits `value` (by JSON type, then by const
 * discriminators); `nullable` when a branch or the type list admits null. A local `default` wins over the target's.
 */
export interface ResolvedSchema {
  schema: JsonSchemaNode;
  nullable: boolean;
  default?: unknown;
  hasDefault: boolean;
}

/**
 * Resolutions that do not depend on the value (no union with two or more non-null branches on the way), by node: a
 * replay resolves the same few nodes for every field of every event (measured: the unknown-field walk was 13 % of an
 * OTLP sink's CPU before). Shared, so never mutated.
 */
const valueFree = new WeakMap<JsonSchemaNode, ResolvedSchema>();

/**
 * Resolutions that depend on the value only through its JSON type (unions told apart by type alone, no const
 * discriminator on the way, e.g. a message's content: text or parts), by node and type: every message's content
 * resolved again was most of the unknown-field walk (measured 2026-12-06, 7 % of an otel replay's CPU).
 */
const byType = new WeakMap<JsonSchemaNode, Map<string, ResolvedSchema>>();

/** Whether any branch of a union tells values apart by a `const` property (then its choice needs the value itself). */
const discriminated = new WeakMap<readonly JsonSchemaNode[], boolean>();

function hasDiscriminator(branches: readonly JsonSchemaNode[]): boolean {
  let known = discriminated.get(branches);
  if (known === undefined) {
    known = branches.some((b) => {
      const props = resolveSchema(b).schema.properties as Record<string, JsonSchemaNode> | undefined;
      return props !== undefined && Object.values(props).some((p) => p.const !== undefined);
    });
    discriminated.set(branches, known);
  }
  return known;
}

export function resolveSchema(node: JsonSchemaNode, value?: unknown): ResolvedSchema {
  const known = valueFree.get(node) ?? byType.get(node)?.get(jsonType(value));
  if (known) return known;
  let dependsOnValue = false;
  let dependsOnType = false;
  let current = node;
  let nullable = false;
  let hasDefault = 'default' in node;
  let dflt = node.default;
  for (let guard = 0; guard < 32; guard += 1) {
    if (typeof current.$ref === 'string') {
      const target = defs[current.$ref.replace('#/$defs/', '')];
      if (!target) break;
      current = target;
      if (!hasDefault && 'default' in current) [hasDefault, dflt] = [true, current.default];
      continue;
    }
    const branches = (current.oneOf ?? current.anyOf) as JsonSchemaNode[] | undefined;
    if (Array.isArray(branches)) {
      const nonNull = branches.filter((b) => b.type !== 'null');
      if (nonNull.length < branches.length) nullable = true;
      if (nonNull.length > 1) {
        if (hasDiscriminator(branches)) dependsOnValue = true;
        else dependsOnType = true;
      }
      const fitting = nonNull.filter((b) => admits(resolveSchema(b).schema, value) && constsMatch(resolveSchema(b).schema, value));
      const chosen = fitting[0] ?? (nonNull.length === 1 ? nonNull[0] : undefined);
      if (!chosen) break;
      current = chosen;
      continue;
    }
    break;
  }
  if (typesOf(current).includes('null')) nullable = true;
  const resolved: ResolvedSchema = { schema: current, nullable, default: dflt, hasDefault };
  if (dependsOnValue) return resolved;
  if (!dependsOnType) valueFree.set(node, resolved);
  else {
    let types = byType.get(node);
    if (!types) byType.set(node, (types = new Map<string, ResolvedSchema>()));
    types.set(jsonType(value), resolved);
  }
  return resolved;
}

/** The slot of `segment` below a parent whose (resolved) schema is `parent`; undefined when the parent is free-form. */
function childSlot(parent: JsonSchemaNode | undefined, segment: PathSegment, value: unknown): FieldSlot {
  const free: FieldSlot = {
    schema: undefined,
    place: typeof segment === 'number' ? 'item' : 'property',
    required: false,
    nullable: true,
    hasDefault: false,
  };
  if (!parent) return free;
  let node: JsonSchemaNode | undefined;
  let place: FieldSlot['place'];
  let required = false;
  if (typeof segment === 'number') {
    node = parent.items as JsonSchemaNode | undefined;
    place = 'item';
  } else {
    const props = parent.properties as Record<string, JsonSchemaNode> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, segment)) {
      node = props[segment];
      place = 'property';
      required = ((parent.required as string[] | undefined) ?? []).includes(segment);
    } else if (parent.additionalProperties && typeof parent.additionalProperties === 'object') {
      node = parent.additionalProperties as JsonSchemaNode;
      place = 'map-value';
    } else {
      return free;
    }
  }
  if (!node || typeof node !== 'object') return { ...free, place };
  const resolved = resolveSchema(node, value);
  return {
    schema: resolved.schema,
    place,
    required,
    nullable: resolved.nullable,
    default: resolved.default,
    hasDefault: resolved.hasDefault,
  };
}

/** Reads the value at `path` (undefined when the path does not exist). */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

/** What the schema named `schemaName` (a key of SCHEMA_DEFS) says about the field at `path` of `root`. */
export function slotAt(schemaName: string, root: unknown, path: readonly PathSegment[]): FieldSlot {
  const top = resolveSchema(defs[schemaName] ?? {}, root);
  let slot: FieldSlot = { schema: top.schema, place: 'root', required: true, nullable: false, hasDefault: false };
  let value = root;
  for (const segment of path) {
    const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined;
    slot = childSlot(slot.schema, segment, child);
    value = child;
  }
  return slot;
}

/** `['episode', 'messages', 3, 'role']` → `episode.messages[3].role`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}
