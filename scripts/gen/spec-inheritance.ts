/**
 * Reads the mapping specs (`<backend>.mapping.json`) and the bases they extend (`<name>.base.json`), checks each
 * against schema/backends/mapping.schema.json, and resolves `extends` into one flat spec per backend.
 *
 * Inheritance: a spec that extends another takes the parent's targets (all, or those `extends.targets` lists), each
 * merged with the child's entry of the same name (the child's settings win; constants and runtime names are merged),
 * and, unless `extends.rules` is false, the parent's rules for those targets and the parent's ignore entries of every
 * event it inherits rules for, ahead of its own. Chains resolve parent first; a cycle or an unknown parent fails.
 * Every rule and ignore entry keeps the file and JSON pointer it was written at, so errors point at the real line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { GenError, type JsonSchema } from './schema-model.js';

/** Where a rule, ignore entry or target was written. */
export interface Origin {
  file: string;
  pointer: string;
}

export interface RawRule {
  path?: string;
  derived?: string;
  target: string;
  key: string;
  transform?: string;
  unit?: string;
  note?: string;
  origin: Origin;
}

export interface RawIgnore {
  path: string;
  reason: string;
  origin: Origin;
}

export interface RawTarget {
  description?: string;
  scope?: string;
  where?: Record<string, string | number | boolean>;
  maxValueLength?: number;
  maxKeyLength?: number;
  constants?: Record<string, string | number | boolean>;
  runtime?: Record<string, string>;
  origin: Origin;
}

/** A spec with its inheritance resolved. */
export interface FlatSpec {
  /** Backend name (mapping specs) or base name. */
  name: string;
  kind: 'backend' | 'base';
  /** The spec's own file. */
  path: string;
  /** Every file it was resolved from, parents first. */
  chain: string[];
  description: string;
  targets: Map<string, RawTarget>;
  events: Map<string, { fields: RawRule[]; ignore: RawIgnore[]; origin: Origin }>;
}

/** A spec file's JSON as mapping.schema.json admits it (checked before anything reads it). */
interface SpecDoc {
  backend?: unknown;
  base?: unknown;
  description: string;
  extends?: string | { spec: string; targets?: string[]; rules?: boolean };
  targets?: Record<string, Omit<RawTarget, 'origin'>>;
  events?: Record<string, { fields?: Omit<RawRule, 'origin'>[]; ignore?: Omit<RawIgnore, 'origin'>[] }>;
}

interface SpecFile {
  name: string;
  kind: 'backend' | 'base';
  path: string;
  doc: SpecDoc;
}

const DIR = join('schema', 'backends');

export function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function readSpecFiles(root: string, toolRoot: string): SpecFile[] {
  const metaSchema = JSON.parse(readFileSync(join(toolRoot, DIR, 'mapping.schema.json'), 'utf8')) as JsonSchema;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile<SpecDoc>(metaSchema);
  const names = readdirSync(join(root, DIR))
    .filter((n) => n.endsWith('.mapping.json') || n.endsWith('.base.json'))
    .sort();
  return names.map((file) => {
    const path = join(DIR, file);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
    } catch (error) {
      throw new GenError(`${path}: not valid JSON: ${(error as Error).message}`);
    }
    if (!validate(doc)) {
      const first = validate.errors![0];
      throw new GenError(
        `${path}#${first.instancePath}: violates schema/backends/mapping.schema.json: ${first.message}${first.params && 'additionalProperty' in first.params ? ` ("${first.params.additionalProperty}")` : ''}`,
      );
    }
    const kind = file.endsWith('.base.json') ? 'base' : 'backend';
    const name = kind === 'base' ? doc.base : doc.backend;
    const field = kind === 'base' ? 'base' : 'backend';
    if (typeof name !== 'string')
      throw new GenError(`${path}: a ${kind === 'base' ? '.base.json' : '.mapping.json'} file needs "${field}" (its name)`);
    if (file !== `${name}.${kind === 'base' ? 'base' : 'mapping'}.json`)
      throw new GenError(`${path}#/${field}: ${field} "${name}" must match the file name ${file}`);
    return { name, kind, path, doc };
  });
}

function ownSpec(file: SpecFile): FlatSpec {
  const targets = new Map<string, RawTarget>();
  for (const [name, t] of Object.entries(file.doc.targets ?? {})) {
    targets.set(name, { ...t, origin: { file: file.path, pointer: `/targets/${pointerEscape(name)}` } });
  }
  const events = new Map<string, { fields: RawRule[]; ignore: RawIgnore[]; origin: Origin }>();
  for (const [type, entry] of Object.entries(file.doc.events ?? {})) {
    const base = `/events/${pointerEscape(type)}`;
    events.set(type, {
      fields: (entry.fields ?? []).map((r, i) => ({ ...r, origin: { file: file.path, pointer: `${base}/fields/${i}` } })),
      ignore: (entry.ignore ?? []).map((r, i) => ({ ...r, origin: { file: file.path, pointer: `${base}/ignore/${i}` } })),
      origin: { file: file.path, pointer: base },
    });
  }
  return { name: file.name, kind: file.kind, path: file.path, chain: [file.path], description: file.doc.description, targets, events };
}

function mergeTarget(parent: RawTarget, child: RawTarget | undefined): RawTarget {
  if (!child) return parent;
  return {
    ...parent,
    ...child,
    constants: { ...parent.constants, ...child.constants },
    runtime: { ...parent.runtime, ...child.runtime },
    origin: child.origin,
  };
}

/** Resolves `file`'s inheritance (parents first), memoised in `done`. */
function resolve(file: SpecFile, byName: Map<string, SpecFile>, done: Map<string, FlatSpec>, stack: string[]): FlatSpec {
  const known = done.get(file.path);
  if (known) return known;
  const own = ownSpec(file);
  const ext = file.doc.extends;
  if (ext === undefined) {
    done.set(file.path, own);
    return own;
  }
  const { spec: parentName, targets: only, rules = true } = typeof ext === 'string' ? { spec: ext } : ext;
  const parentFile = byName.get(parentName);
  if (!parentFile)
    throw new GenError(`${file.path}#/extends: unknown spec "${parentName}" (known: ${[...byName.keys()].sort().join(', ')})`);
  if (stack.includes(parentFile.path))
    throw new GenError(`${file.path}#/extends: inheritance cycle ${[...stack, file.path, parentFile.path].join(' → ')}`);
  const parent = resolve(parentFile, byName, done, [...stack, file.path]);
  for (const name of only ?? []) {
    if (!parent.targets.has(name))
      throw new GenError(
        `${file.path}#/extends/targets: "${name}" is not a target of ${parent.path} (its targets: ${[...parent.targets.keys()].join(', ')})`,
      );
  }
  const inherited = new Set(only ?? parent.targets.keys());

  const targets = new Map<string, RawTarget>();
  for (const [name, target] of parent.targets) if (inherited.has(name)) targets.set(name, mergeTarget(target, own.targets.get(name)));
  for (const [name, target] of own.targets) if (!targets.has(name)) targets.set(name, target);

  const events = new Map(own.events);
  if (rules) {
    for (const [type, entry] of parent.events) {
      const fields = entry.fields.filter((r) => inherited.has(r.target));
      if (fields.length === 0) continue;
      const mine = own.events.get(type);
      events.set(type, {
        fields: [...fields, ...(mine?.fields ?? [])],
        ignore: [...(mine?.ignore ?? []), ...entry.ignore],
        origin: mine?.origin ?? { file: file.path, pointer: `/events/${pointerEscape(type)}` },
      });
    }
  }
  const flat: FlatSpec = { ...own, chain: [...parent.chain, file.path], targets, events };
  done.set(file.path, flat);
  return flat;
}

/** Every spec under schema/backends/, inheritance resolved: mapping specs (backends) and bases. */
export function loadFlatSpecs(root: string, toolRoot = root): FlatSpec[] {
  const files = readSpecFiles(root, toolRoot);
  const byName = new Map<string, SpecFile>();
  for (const file of files) {
    const clash = byName.get(file.name);
    if (clash) throw new GenError(`${file.path}: the name "${file.name}" is taken by ${clash.path}`);
    byName.set(file.name, file);
  }
  const done = new Map<string, FlatSpec>();
  return files.map((file) => resolve(file, byName, done, []));
}
