/** Name helpers shared by the plugins (pure string functions). */
import { splitPath } from './mapping-model.js';
import { findNode, type FieldNode } from './schema-model.js';

export function pascal(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export function constName(name: string): string {
  return name
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();
}

/** A JS string literal (single quotes) for generated code. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** One-line JSDoc text: no comment terminators, no newlines. */
export function docText(text: string | undefined): string {
  return (text ?? '').replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}

/** TypeScript type of the value at `scope` inside an event of type `eventType` (e.g. `NonNullable<EpisodeEvent['episode']['messages'][number]['tool_calls']>[number]`). */
export function scopeType(tree: FieldNode, eventType: string, scope: string): string {
  let type = eventType;
  let path = '$';
  for (const segment of splitPath(scope)) {
    if (segment === '[]') {
      type = `${type}[number]`;
      path = `${path}[]`;
    } else if (segment === '{}') {
      type = `${type}[string]`;
      path = `${path}{}`;
    } else {
      path = path === '$' ? segment : `${path}.${segment}`;
      const node = findNode(tree, path)!;
      type = node.optional || node.nullable ? `NonNullable<${type}['${segment}']>` : `${type}['${segment}']`;
    }
  }
  return type;
}

/**
 * Body of a generator function yielding every item of `scope` with its indices, filtered by `where`.
 * Emitted as literal loops so the generated adapter needs no path interpreter at run time.
 */
export function scopeLoop(tree: FieldNode, scope: string, where: Record<string, unknown> | undefined): string[] {
  const segments = splitPath(scope);
  const lines: string[] = [];
  let expr = 'e';
  let path = '$';
  let depth = 0;
  let indent = '  ';
  let maybeMissing = false;
  const indices: string[] = [];
  for (const segment of segments) {
    if (segment === '[]') {
      lines.push(`${indent}for (const [i${depth}, x${depth}] of (${expr}${maybeMissing ? ' ?? []' : ''}).entries()) {`);
      indices.push(`i${depth}`);
      expr = `x${depth}`;
      depth += 1;
      indent += '  ';
      path = `${path}[]`;
      maybeMissing = false;
      continue;
    }
    if (segment === '{}') throw new Error(`scope "${scope}" crosses a map; scopes may cross arrays only`);
    path = path === '$' ? segment : `${path}.${segment}`;
    const node = findNode(tree, path)!;
    expr += `${maybeMissing ? '?.' : '.'}${segment}`;
    maybeMissing = maybeMissing || node.optional || node.nullable;
  }
  const conditions = Object.entries(where ?? {}).map(
    ([field, value]) => `${expr}.${field} !== ${typeof value === 'string' ? literal(value) : String(value)}`,
  );
  if (maybeMissing) conditions.unshift(`${expr} == null`);
  if (conditions.length > 0) lines.push(`${indent}if (${conditions.join(' || ')}) ${depth > 0 ? 'continue' : 'return'};`);
  lines.push(`${indent}yield { item: ${expr}, index: [${indices.join(', ')}] };`);
  for (let d = depth; d > 0; d -= 1) {
    indent = indent.slice(2);
    lines.push(`${indent}}`);
  }
  return lines;
}

/**
 * The TypeScript type of a backend key: a string literal type, or for keys with `{key}` (one name per map key or
 * keyed derived value) a template-literal type (`reward.{key}.mean` → `` `reward.${string}.mean` ``).
 */
export function keyType(key: string): string {
  if (!key.includes('{key}')) return literal(key);
  if (key === '{key}') return 'string';
  const escaped = key.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return '`' + escaped.split('{key}').join('${string}') + '`';
}

/** A literal value (string, number, boolean) as generated code. */
export function valueLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? literal(value) : String(value);
}
