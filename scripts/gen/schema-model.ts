/**
 * Loads the event and source JSON Schemas, bundles them into one document with a single `$defs` namespace,
 * and walks event schemas into field trees that mapping specs are checked against.
 *
 * Path syntax used everywhere (specs, errors, MAPPINGS.md): `a.b` for properties, `a[]` for array items,
 * `a{}` for the values of a map (`additionalProperties` schema). `$` is the event root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type JsonSchema = Record<string, unknown>;

export interface SchemaFile {
  /** Path relative to the project root, e.g. `schema/events/episode.schema.json`. */
  path: string;
  schema: JsonSchema;
}

export interface EventSchema extends SchemaFile {
  /** Value of the `type` const, e.g. `run.started`. */
  eventType: string;
  /** TypeScript type name (the schema's `title`), e.g. `RunStartedEvent`. */
  typeName: string;
  /** The schema as it stands in the bundle (refs rebased). */
  bundled: JsonSchema;
}

export interface SchemaModel {
  defs: SchemaFile;
  events: EventSchema[];
  sources: Array<SchemaFile & { typeName: string }>;
  /** All schemas merged into one document: `$defs` holds shared defs, events and sources by type name. */
  bundle: JsonSchema;
}

/** A node of an event's field tree. */
export interface FieldNode {
  path: string;
  kind: 'object' | 'array' | 'map' | 'leaf';
  /** JSON types the value may have (from `type`, `const`, `enum`); `null` when it may be null. */
  types: string[];
  nullable: boolean;
  optional: boolean;
  description?: string;
  children: FieldNode[];
}

export class GenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GenError';
  }
}

function readJson(root: string, path: string): JsonSchema {
  const text = readFileSync(join(root, path), 'utf8');
  try {
    return JSON.parse(text) as JsonSchema;
  } catch (error) {
    throw new GenError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

function listSchemas(root: string, dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Rewrites file-relative `$ref`s (`defs.schema.json#/$defs/X`, `../events/defs.schema.json#/$defs/X`, `#/$defs/X`) to bundle refs. */
function rebaseRefs(node: unknown, origin: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rebaseRefs(item, origin));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const match = /^(?:[./\w-]*defs\.schema\.json)?#\/\$defs\/(\w+)$/.exec(value);
      if (!match) throw new GenError(`${origin}: unsupported $ref "${value}" (use defs.schema.json#/$defs/<Name>)`);
      out[key] = `#/$defs/${match[1]}`;
    } else if (key === '$schema' || key === '$id') {
      continue;
    } else {
      out[key] = rebaseRefs(value, origin);
    }
  }
  return out;
}

export function loadSchemaModel(root: string): SchemaModel {
  const defsPath = join('schema', 'events', 'defs.schema.json');
  const defs: SchemaFile = { path: defsPath, schema: readJson(root, defsPath) };
  const events: EventSchema[] = [];
  for (const path of listSchemas(root, join('schema', 'events'))) {
    if (path === defsPath) continue;
    const schema = readJson(root, path);
    const typeConst = ((schema.properties as JsonSchema | undefined)?.type as JsonSchema | undefined)?.const;
    if (typeof typeConst !== 'string') throw new GenError(`${path}: an event schema needs properties.type.const (the event type)`);
    if (typeof schema.title !== 'string') throw new GenError(`${path}: an event schema needs a title (its TypeScript type name)`);
    events.push({ path, schema, eventType: typeConst, typeName: schema.title, bundled: {} });
  }
  const sources = listSchemas(root, join('schema', 'sources')).map((path) => {
    const schema = readJson(root, path);
    if (typeof schema.title !== 'string') throw new GenError(`${path}: a source schema needs a title (its TypeScript type name)`);
    return { path, schema, typeName: schema.title };
  });

  const bundleDefs: Record<string, unknown> = {};
  const defsOwn = (defs.schema.$defs ?? {}) as Record<string, unknown>;
  for (const [name, def] of Object.entries(defsOwn)) bundleDefs[name] = rebaseRefs(def, defsPath);
  for (const file of [...events, ...sources]) {
    if (bundleDefs[file.typeName]) throw new GenError(`${file.path}: title "${file.typeName}" collides with another definition`);
    bundleDefs[file.typeName] = rebaseRefs(file.schema, file.path);
  }
  for (const event of events) event.bundled = bundleDefs[event.typeName] as JsonSchema;
  const bundle: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'clawloop-sinks.bundle.json',
    $defs: bundleDefs,
  };
  return { defs, events, sources, bundle };
}

/** Follows `$ref`s and unwraps `oneOf [X, null]` so the walker sees the real shape. */
function resolve(bundle: JsonSchema, schema: JsonSchema, seen: string[] = []): { schema: JsonSchema; nullable: boolean } {
  let nullable = false;
  let current = schema;
  for (;;) {
    const ref = current.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/$defs/', '');
      if (seen.includes(name)) throw new GenError(`recursive schema through ${[...seen, name].join(' → ')} is not supported`);
      seen = [...seen, name];
      const target = (bundle.$defs as Record<string, JsonSchema>)[name];
      if (!target) throw new GenError(`unknown $ref ${ref}`);
      // Keep a local description over the referenced one.
      current = { ...target, ...(current.description ? { description: current.description } : {}) };
      continue;
    }
    const alternatives = current.oneOf ?? current.anyOf;
    if (Array.isArray(alternatives)) {
      const nonNull = (alternatives as JsonSchema[]).filter((alt) => alt.type !== 'null');
      if (nonNull.length < alternatives.length) nullable = true;
      if (nonNull.length === 1) {
        current = { ...nonNull[0], ...(current.description ? { description: current.description } : {}) };
        continue;
      }
    }
    return { schema: current, nullable };
  }
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.const !== undefined) return [typeof schema.const === 'number' ? 'number' : typeof schema.const];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map((v) => (v === null ? 'null' : typeof v)))];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  return ['any'];
}

/** Builds the field tree of one schema (an event's, or any def's). Open objects and untyped arrays are leaves. */
export function buildFieldTree(bundle: JsonSchema, schema: JsonSchema, path = '$', optional = false): FieldNode {
  const { schema: shape, nullable: viaOneOf } = resolve(bundle, schema);
  const types = typesOf(shape);
  const nullable = viaOneOf || types.includes('null');
  const base = { path, types: types.filter((t) => t !== 'null'), nullable, optional, description: shape.description as string | undefined };
  const join2 = (suffix: string) => (path === '$' ? suffix : `${path}.${suffix}`);

  if (base.types.includes('object') && shape.properties && Object.keys(shape.properties).length > 0) {
    if (Array.isArray(shape.oneOf)) throw new GenError(`${path}: objects with oneOf alternatives cannot be walked; split the schema`);
    const required = new Set((shape.required as string[] | undefined) ?? []);
    const children = Object.entries(shape.properties as Record<string, JsonSchema>).map(([name, child]) =>
      buildFieldTree(bundle, child, join2(name), !required.has(name)),
    );
    return { ...base, kind: 'object', children };
  }
  if (base.types.includes('object') && shape.additionalProperties && typeof shape.additionalProperties === 'object') {
    const value = buildFieldTree(bundle, shape.additionalProperties as JsonSchema, `${path}{}`, false);
    return { ...base, kind: 'map', children: [value] };
  }
  if (base.types.includes('array') && shape.items && typeof shape.items === 'object') {
    const item = buildFieldTree(bundle, shape.items as JsonSchema, `${path}[]`, false);
    if (item.kind === 'leaf') return { ...base, kind: 'leaf', children: [] };
    return { ...base, kind: 'array', children: [item] };
  }
  return { ...base, kind: 'leaf', children: [] };
}

/** All leaf paths under a node, in schema order. */
export function leavesOf(node: FieldNode): FieldNode[] {
  if (node.kind === 'leaf') return [node];
  return node.children.flatMap(leavesOf);
}

/** Finds the node at a path, or undefined. */
export function findNode(root: FieldNode, path: string): FieldNode | undefined {
  if (path === root.path) return root;
  for (const child of root.children) {
    if (
      path === child.path ||
      path.startsWith(child.path + '.') ||
      path.startsWith(child.path + '[]') ||
      path.startsWith(child.path + '{}')
    ) {
      const found = findNode(child, path);
      if (found) return found;
    }
  }
  return undefined;
}
