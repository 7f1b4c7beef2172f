/**
 * Loads backend mapping specs and derived-value declarations, checks them against the event schemas and
 * resolves every rule into what the templates render: a typed accessor expression, its scope, its key.
 * Every failure names backend, event, field path, file and JSON pointer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenError, buildFieldTree, findNode, leavesOf, type FieldNode, type SchemaModel } from './schema-model.js';
import { loadFlatSpecs, pointerEscape } from './spec-inheritance.js';

export interface DerivedDecl {
  name: string;
  event: string;
  scope: string;
  type: 'number' | 'string' | 'boolean' | 'string[]';
  keyed: boolean;
  description: string;
}

export interface TargetDecl {
  name: string;
  description: string;
  scope: string;
  where?: Record<string, string | number | boolean>;
  maxValueLength?: number;
  maxKeyLength?: number;
  /** Fixed names and values every instance carries. */
  constants: Record<string, string | number | boolean>;
  /** Names the transport fills at run time → where the value comes from. */
  runtime: Record<string, string>;
}

export interface ResolvedRule {
  target: string;
  key: string;
  /** Key contains `{key}`: the rule yields one value per map entry. */
  keyed: boolean;
  source: { kind: 'path'; path: string } | { kind: 'derived'; name: string };
  transform?: string;
  unit?: string;
  note?: string;
  /** TypeScript expression of the value, in terms of `s` (the scope value) and `ctx`. For keyed rules, an array of [key, value]. */
  accessor: string;
  /** File and JSON pointer the rule was written at (a parent's, for inherited rules). */
  pointer: string;
}

export interface ResolvedEvent {
  eventType: string;
  typeName: string;
  rules: ResolvedRule[];
  ignored: Array<{ path: string; reason: string; pointer: string }>;
  /** Targets this event fills, in first-use order. */
  targets: string[];
  leaves: FieldNode[];
}

export interface ResolvedSpec {
  /** Backend name, or the base's name. */
  backend: string;
  /** A base is extended by backends: it gets key types only, no adapter, no column in MAPPINGS.md. */
  kind: 'backend' | 'base';
  path: string;
  /** Spec files it was resolved from, parents first (a spec that extends nothing: its own file). */
  chain: string[];
  description: string;
  targets: TargetDecl[];
  events: ResolvedEvent[];
}

const TRANSFORMS = ['json', 'hash12', 'string', 'seconds_to_ms', 'seconds_to_iso'] as const;

export function loadDerived(root: string): DerivedDecl[] {
  const path = join(root, 'schema', 'derived.json');
  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    values: Record<string, Omit<DerivedDecl, 'name' | 'keyed'> & { keyed?: boolean }>;
  };
  return Object.entries(doc.values).map(([name, decl]) => ({ name, ...decl, keyed: decl.keyed === true }));
}

function failAt(spec: string, pointer: string, backend: string, event: string, message: string): never {
  throw new GenError(`${spec}#${pointer}: backend "${backend}", event "${event}": ${message}`);
}

function fail(spec: string, pointer: string, backend: string, event: string, message: string): never {
  throw new GenError(`${spec}#${pointer}: backend "${backend}", event "${event}": ${message}`);
}

/** Splits `a.b[].c{}.d` into segments `a`, `b`, `[]`, `c`, `{}`, `d`. */
export function splitPath(path: string): string[] {
  if (path === '$') return [];
  const out: string[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]{}]+)((?:\[\]|\{\})*)$/.exec(part);
    if (!match) throw new GenError(`malformed path "${path}"`);
    out.push(match[1]);
    for (const marker of match[2].match(/\[\]|\{\}/g) ?? []) out.push(marker);
  }
  return out;
}

function isWithin(path: string, scope: string): boolean {
  if (scope === '$') return true;
  return path === scope || path.startsWith(scope + '.') || path.startsWith(scope + '[]') || path.startsWith(scope + '{}');
}

/**
 * TypeScript accessor for `rest` (segments below the scope) starting from variable `s`.
 * Optional or nullable steps use `?.`; a `{}` turns the accessor into a list of [key, value] pairs.
 */
function accessorFor(tree: FieldNode, scope: string, path: string): { expr: string; keyed: boolean } {
  const scopeSegments = splitPath(scope);
  const segments = splitPath(path).slice(scopeSegments.length);
  let expr = 's';
  let nodePath = scope;
  let keyed = false;
  let maybeMissing = false;
  for (const segment of segments) {
    if (segment === '[]')
      throw new GenError(
        `path "${path}" crosses an array below its target's scope "${scope}"; map the array with transform "json" or use a target scoped to it`,
      );
    if (segment === '{}') {
      if (keyed) throw new GenError(`path "${path}" crosses two maps; only one {} may lie below the scope`);
      nodePath = `${nodePath}{}`;
      keyed = true;
      expr = `Object.entries(${expr}${maybeMissing ? ' ?? {}' : ''}).map(([k, v]) => [k, v`;
      maybeMissing = false;
      continue;
    }
    nodePath = nodePath === '$' ? segment : `${nodePath}.${segment}`;
    const node = findNode(tree, nodePath);
    if (!node) throw new GenError(`path "${path}" does not exist in the event schema (no "${nodePath}")`);
    expr += `${maybeMissing ? '?.' : '.'}${segment}`;
    maybeMissing = maybeMissing || node.optional || node.nullable;
  }
  return { expr: keyed ? `${expr}] as const)` : expr, keyed };
}

export function loadSpecs(root: string, model: SchemaModel, derived: DerivedDecl[], toolRoot = root): ResolvedSpec[] {
  const trees = new Map(model.events.map((e) => [e.eventType, buildFieldTree(model.bundle, e.bundled)]));
  const derivedByName = new Map(derived.map((d) => [d.name, d]));

  for (const d of derived) {
    const tree = trees.get(d.event);
    if (!tree) throw new GenError(`schema/derived.json#/values/${d.name}: unknown event "${d.event}"`);
    if (d.scope !== '$' && !findNode(tree, d.scope))
      throw new GenError(`schema/derived.json#/values/${d.name}: scope "${d.scope}" does not exist in event "${d.event}"`);
  }

  const flat = loadFlatSpecs(root, toolRoot);
  // A broken inherited rule is reported for the spec that wrote it, whichever child meets it first.
  const writer = new Map(flat.map((f) => [f.path, f.name]));
  return flat.map((spec) => {
    const backend = spec.name;
    const isBase = spec.kind === 'base';
    const targets: TargetDecl[] = [...spec.targets].map(([name, t]) => {
      if (!t.description)
        throw new GenError(`${t.origin.file}#${t.origin.pointer}: backend "${backend}": target "${name}" needs a description`);
      return {
        name,
        description: t.description,
        scope: t.scope ?? '$',
        where: t.where,
        maxValueLength: t.maxValueLength,
        maxKeyLength: t.maxKeyLength,
        constants: t.constants ?? {},
        runtime: t.runtime ?? {},
      };
    });
    if (targets.length === 0) throw new GenError(`${spec.path}#/targets: backend "${backend}" declares no target`);
    const targetByName = new Map(targets.map((t) => [t.name, t]));

    for (const [eventType, entry] of spec.events) {
      if (!trees.has(eventType))
        fail(entry.origin.file, entry.origin.pointer, backend, eventType, `unknown event type (known: ${[...trees.keys()].join(', ')})`);
    }

    const events: ResolvedEvent[] = model.events.flatMap((event) => {
      const tree = trees.get(event.eventType)!;
      const leaves = leavesOf(tree);
      const entry = spec.events.get(event.eventType);
      if (!entry && isBase) return [];
      if (!entry)
        fail(
          spec.path,
          `/events/${pointerEscape(event.eventType)}`,
          backend,
          event.eventType,
          `event is neither mapped nor ignored (add it under "events" with "fields" and "ignore")`,
        );
      const covering: string[] = [];
      const used: string[] = [];

      const rules: ResolvedRule[] = entry.fields.map((rule) => {
        const { file, pointer } = rule.origin;
        function fail(at: string, pointerAt: string, _backend: string, eventType: string, message: string): never {
          return failAt(at, pointerAt, writer.get(at) ?? backend, eventType, message);
        }
        const target = targetByName.get(rule.target);
        if (!target)
          fail(
            file,
            `${pointer}/target`,
            backend,
            event.eventType,
            `unknown target "${rule.target}" (declared: ${targets.map((t) => t.name).join(', ')})`,
          );
        if (target.scope !== '$' && !findNode(tree, target.scope))
          fail(
            file,
            `/targets/${pointerEscape(target.name)}/scope`,
            backend,
            event.eventType,
            `target scope "${target.scope}" does not exist in this event`,
          );
        if (rule.transform && !(TRANSFORMS as readonly string[]).includes(rule.transform))
          fail(file, `${pointer}/transform`, backend, event.eventType, `unknown transform "${rule.transform}"`);
        let accessor: string;
        let keyed: boolean;
        let source: ResolvedRule['source'];
        if (rule.path !== undefined) {
          const path = rule.path;
          if (path !== '$' && !findNode(tree, path))
            fail(file, `${pointer}/path`, backend, event.eventType, `field "${path}" does not exist in ${event.path}`);
          if (!isWithin(path, target.scope))
            fail(
              file,
              `${pointer}/path`,
              backend,
              event.eventType,
              `field "${path}" lies outside target "${target.name}"'s scope "${target.scope}"`,
            );
          try {
            ({ expr: accessor, keyed } = accessorFor(tree, target.scope, path));
          } catch (error) {
            fail(file, `${pointer}/path`, backend, event.eventType, (error as Error).message);
          }
          covering.push(path);
          source = { kind: 'path', path };
        } else {
          const decl = derivedByName.get(rule.derived!);
          if (!decl)
            fail(
              file,
              `${pointer}/derived`,
              backend,
              event.eventType,
              `unknown derived value "${rule.derived}" (declared in schema/derived.json: ${[...derivedByName.keys()].join(', ')})`,
            );
          if (decl.event !== event.eventType)
            fail(file, `${pointer}/derived`, backend, event.eventType, `derived value "${decl.name}" belongs to event "${decl.event}"`);
          if (decl.scope !== target.scope)
            fail(
              file,
              `${pointer}/derived`,
              backend,
              event.eventType,
              `derived value "${decl.name}" has scope "${decl.scope}" but target "${target.name}" has scope "${target.scope}"`,
            );
          accessor = `derived.${decl.name}(s, ctx)`;
          keyed = decl.keyed;
          source = { kind: 'derived', name: decl.name };
        }
        const hasKeyPlaceholder = rule.key.includes('{key}');
        if (keyed && !hasKeyPlaceholder)
          fail(
            file,
            `${pointer}/key`,
            backend,
            event.eventType,
            `the value is keyed (a map or keyed derived value), so key "${rule.key}" must contain {key}`,
          );
        if (!keyed && hasKeyPlaceholder)
          fail(file, `${pointer}/key`, backend, event.eventType, `key "${rule.key}" has {key} but the value is not keyed`);
        if (!used.includes(target.name)) used.push(target.name);
        return {
          target: target.name,
          key: rule.key,
          keyed,
          source,
          transform: rule.transform,
          unit: rule.unit,
          note: rule.note,
          accessor,
          pointer: `${file}#${pointer}`,
        };
      });

      const ignored = entry.ignore.map((item) => {
        const { file, pointer } = item.origin;
        function fail(at: string, pointerAt: string, _backend: string, eventType: string, message: string): never {
          return failAt(at, pointerAt, writer.get(at) ?? backend, eventType, message);
        }
        if (item.path !== '$' && !findNode(tree, item.path))
          fail(file, `${pointer}/path`, backend, event.eventType, `ignored field "${item.path}" does not exist in ${event.path}`);
        covering.push(item.path);
        return { path: item.path, reason: item.reason, pointer: `${file}#${pointer}` };
      });

      if (!isBase) {
        for (const leaf of leaves) {
          const covered = covering.some((c) => c === '$' || isWithin(leaf.path, c));
          if (!covered)
            fail(
              spec.path,
              entry.origin.pointer,
              backend,
              event.eventType,
              `field "${leaf.path}" (from ${event.path}) is neither mapped nor ignored; add a rule under "fields" or an entry under "ignore" with a reason`,
            );
        }
      }
      return [{ eventType: event.eventType, typeName: event.typeName, rules, ignored, targets: used, leaves }];
    });

    checkNames(spec.path, backend, targets, events);
    return { backend, kind: spec.kind, path: spec.path, chain: spec.chain, description: spec.description, targets, events };
  });
}

/** A name may be declared once per target: as a rule's key, a constant, or a runtime name. */
function checkNames(specPath: string, backend: string, targets: TargetDecl[], events: ResolvedEvent[]): void {
  for (const target of targets) {
    const base = `/targets/${pointerEscape(target.name)}`;
    const ruleKeys = new Set(events.flatMap((e) => e.rules.filter((r) => r.target === target.name).map((r) => r.key)));
    for (const key of Object.keys(target.constants)) {
      if (ruleKeys.has(key))
        throw new GenError(
          `${specPath}#${base}/constants: backend "${backend}": "${key}" is both a constant and a mapped key of target "${target.name}"`,
        );
    }
    for (const key of Object.keys(target.runtime)) {
      if (ruleKeys.has(key) || key in target.constants) {
        throw new GenError(
          `${specPath}#${base}/runtime: backend "${backend}": "${key}" is declared twice on target "${target.name}" (runtime, and ${ruleKeys.has(key) ? 'mapped' : 'constant'})`,
        );
      }
    }
  }
}

/** Every name a target may carry, in spec order: constants, mapped keys (with `{key}` patterns), runtime names. */
export function targetKeys(target: TargetDecl, events: readonly ResolvedEvent[]): string[] {
  const mapped = events.flatMap((e) => e.rules.filter((r) => r.target === target.name).map((r) => r.key));
  return [...new Set([...Object.keys(target.constants), ...mapped, ...Object.keys(target.runtime)])];
}
