/**
 * Fields of an event that its schema does not declare (what a newer ClawLoop added), found by walkers compiled once
 * per schema node from the generated SCHEMA_DEFS: each knows its properties' walkers by name, and a subtree that can
 * hold no unknown field (a string, a number, free-form data) is not entered at all.
 *
 * Why compiled: every sink maps every event, and the generic walk resolved the schema again at every field (a WeakMap
 * lookup per node, a key list per object): 5-6 % of an otel replay's CPU and a tenth of what it allocated (measured
 * 2026-12-07, `bench/sink-profile.ts --sink otel` and a heap sampling profile). The walkers give the same fields in the
 * same order as that walk (schema-walk's resolveSchema still decides every union whose branch depends on the value).
 */
import { SCHEMA_DEFS } from '../../generated/validators/schemas.gen.js';
import { formatPath, resolveSchema, type JsonSchemaNode, type PathSegment } from './schema-walk.js';

type Found = Array<[string, unknown]>;

/** Reports the unknown fields at and below `value`, whose place in the event is `path`. */
type Walker = (value: unknown, path: PathSegment[], out: Found) => void;

const defs = SCHEMA_DEFS as Record<string, JsonSchemaNode>;

/** For a subtree that can hold no unknown field. */
const NOTHING: Walker = () => {};

/**
 * Whether resolving `node` depends on the value (a union with two or more non-null branches on the way), following
 * the same steps as resolveSchema: otherwise one resolution serves every value.
 */
function dependsOnValue(node: JsonSchemaNode): boolean {
  let current = node;
  for (let guard = 0; guard < 32; guard += 1) {
    if (typeof current.$ref === 'string') {
      const target = defs[current.$ref.replace('#/$defs/', '')];
      if (!target) return false;
      current = target;
      continue;
    }
    const branches = (current.oneOf ?? current.anyOf) as JsonSchemaNode[] | undefined;
    if (!Array.isArray(branches)) return false;
    const nonNull = branches.filter((b) => b.type !== 'null');
    if (nonNull.length > 1) return true;
    if (nonNull.length === 0) return false;
    current = nonNull[0];
  }
  return false;
}

/** Walkers of resolved schema nodes (a node reached twice, or recursively, is compiled once). */
const compiled = new WeakMap<JsonSchemaNode, Walker>();

/** The walker for a value whose schema position is `node` (unresolved: refs and unions as the schema has them). */
function slotWalker(node: JsonSchemaNode): Walker {
  if (!dependsOnValue(node)) return resolvedWalker(resolveSchema(node).schema);
  return (value, path, out) => resolvedWalker(resolveSchema(node, value).schema)(value, path, out);
}

/**
 * A walker that compiles `node`'s walker on its first call: a schema that refers to itself would otherwise compile
 * for ever, and a part of the schema no event reaches is never compiled.
 */
function lazy(node: JsonSchemaNode): Walker {
  let walker: Walker | undefined;
  return (value, path, out) => (walker ??= slotWalker(node))(value, path, out);
}

function resolvedWalker(node: JsonSchemaNode): Walker {
  let walker = compiled.get(node);
  if (!walker) {
    walker = compile(node);
    compiled.set(node, walker);
  }
  return walker;
}

/** Whether a resolved node can report anything: it has items, declared properties or a schema for other keys. */
function canReport(node: JsonSchemaNode): boolean {
  const extra = node.additionalProperties;
  return node.items !== undefined || node.properties !== undefined || (extra !== null && typeof extra === 'object');
}

function compile(node: JsonSchemaNode): Walker {
  if (!canReport(node)) return NOTHING;
  const itemNode = node.items as JsonSchemaNode | undefined;
  const items = itemNode ? lazy(itemNode) : undefined;
  const props = node.properties as Record<string, JsonSchemaNode> | undefined;
  const known = new Map<string, Walker>();
  for (const key of Object.keys(props ?? {})) known.set(key, leafless(props![key]) ? NOTHING : lazy(props![key]));
  const extraNode = node.additionalProperties;
  const others = extraNode !== null && typeof extraNode === 'object' ? lazy(extraNode as JsonSchemaNode) : undefined;
  // A key neither declared nor covered by a schema for other keys is unknown where the object lists its properties
  // and leaves `additionalProperties` out (true or false says what other keys are, so none is reported there).
  const reportOthers = props !== undefined && extraNode === undefined;
  return (value, path, out) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      if (!items) return;
      for (let i = 0; i < value.length; i += 1) {
        path.push(i);
        items(value[i], path, out);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    // for-in, not Object.keys: the same keys in the same order for a parsed event, without a list per object.
    for (const key in record) {
      const walker = known.get(key) ?? others;
      if (walker === NOTHING) continue;
      path.push(key);
      if (walker) walker(record[key], path, out);
      else if (reportOthers) out.push([formatPath(path), record[key]]);
      path.pop();
    }
  };
}

/** A property whose schema holds no structure below it (a string, a number, free-form data): never entered. */
function leafless(node: JsonSchemaNode): boolean {
  return !dependsOnValue(node) && !canReport(resolveSchema(node).schema);
}

/** Unknown fields of each event, by schema name: the walk is made once per event and shared by every sink. */
const unknownByEvent = new WeakMap<object, Map<string, Found>>();

/**
 * Fields of `value` that its schema (`schemaName`, a key of SCHEMA_DEFS) does not declare, as [path, value] pairs.
 * Objects the schema leaves free-form (`additionalProperties: true`, e.g. metadata, metrics) hold no unknown fields
 * by definition. Each call gets its own list.
 */
export function unknownFields(schemaName: string, value: unknown): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return walk(schemaName, value);
  let bySchema = unknownByEvent.get(value);
  if (!bySchema) {
    bySchema = new Map();
    unknownByEvent.set(value, bySchema);
  }
  let found = bySchema.get(schemaName);
  if (!found) {
    found = walk(schemaName, value);
    bySchema.set(schemaName, found);
  }
  return found.map(([path, v]) => [path, v]);
}

function walk(schemaName: string, value: unknown): Found {
  const out: Found = [];
  slotWalker(defs[schemaName] ?? {})(value, [], out);
  return out;
}
