/**
 * Every name a backend's spec declares (rule keys, constants, runtime names, `{key}` patterns included), read through
 * the generator itself, and the names generated/MAPPINGS.md lists for that backend. Integration tests collect the
 * names they observe on the wire (OTLP bodies, MLflow requests, W&B records, Langfuse and Phoenix requests) and ask
 * which of them a spec does not declare or MAPPINGS.md does not list.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadDerived, loadSpecs, targetKeys } from '../../scripts/gen/mapping-model.js';
import { loadSchemaModel } from '../../scripts/gen/schema-model.js';
import { PHOENIX, venvBin } from '../../scripts/backends/python.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';
import { ROOT } from './paths.js';

/** A declared key as a matcher: the literal, or `{key}` standing for one or more characters. */
function matcher(key: string): RegExp {
  const parts = key.split('{key}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

let specs: ReturnType<typeof loadSpecs> | undefined;

/** The keys `backend`'s resolved spec declares, over all its targets. */
export function declaredKeys(backend: string): string[] {
  specs ??= loadSpecs(ROOT, loadSchemaModel(ROOT), loadDerived(ROOT));
  const spec = specs.find((s) => s.backend === backend);
  if (!spec) throw new Error(`no spec for backend "${backend}"`);
  return [...new Set(spec.targets.flatMap((t) => targetKeys(t, spec.events)))];
}

/** Names MAPPINGS.md lists for `backend`: the `code` spans of its column in the event tables and of its own section. */
export function listedKeys(backend: string): Set<string> {
  const doc = readFileSync(join(ROOT, 'generated', 'MAPPINGS.md'), 'utf8');
  const listed = new Set<string>();
  const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  let column = -1;
  let section = '';
  for (const line of doc.split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).trim();
    if (!line.startsWith('|')) continue;
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[0] === 'field') column = cells.indexOf(backend);
    else if (cells[0] === 'target') column = -1;
    else if (section === backend && cells.length === 3) codes(cells[1]).forEach((c) => listed.add(c));
    else if (column > 0 && section === '') codes(cells[column] ?? '').forEach((c) => listed.add(c));
  }
  return listed;
}

/** Observed names that no declared key of `backend` matches, or whose declared key MAPPINGS.md does not list. */
export function undeclaredNames(backend: string, observed: Iterable<string>): string[] {
  const keys = declaredKeys(backend).map((key) => ({ key, re: matcher(key) }));
  const listed = listedKeys(backend);
  const problems = new Set<string>();
  for (const name of observed) {
    const found = keys.filter((k) => k.re.test(name));
    if (found.length === 0) problems.add(`${name}: declared by no target of schema/backends/${backend}`);
    else if (!found.some((k) => listed.has(k.key)))
      problems.add(`${name}: not listed for ${backend} in generated/MAPPINGS.md (as ${found.map((k) => k.key).join(' or ')})`);
  }
  return [...problems].sort();
}

interface OtlpValue {
  kvlistValue?: { values?: Array<{ key: string }> };
}
export interface OtlpBody {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value?: OtlpValue }> };
    scopeSpans?: Array<{ spans?: Array<{ attributes?: Array<{ key: string }>; events?: Array<{ attributes?: Array<{ key: string }> }> }> }>;
  }>;
}

/** Every attribute name in an OTLP export request: resource, span and span-event attributes. */
export function otlpNames(body: OtlpBody): string[] {
  const names: string[] = [];
  for (const rs of body.resourceSpans ?? []) {
    for (const a of rs.resource?.attributes ?? []) names.push(a.key);
    for (const ss of rs.scopeSpans ?? []) {
      for (const span of ss.spans ?? []) {
        for (const a of span.attributes ?? []) names.push(a.key);
        for (const event of span.events ?? []) for (const a of event.attributes ?? []) names.push(a.key);
      }
    }
  }
  return names;
}

/** An OTLP request body as sent (protobuf or JSON, optionally gzip), decoded with the official opentelemetry-proto classes. */
export function decodeOtlp(raw: Buffer): OtlpBody {
  const body = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  if (body[0] === 0x7b) return JSON.parse(body.toString('utf8')) as OtlpBody;
  const python = requireInstalled(venvBin(BACKENDS_CACHE, PHOENIX, 'python'), 'opentelemetry-proto (installed with Phoenix)');
  const result = spawnSync(python, [join(ROOT, 'test', 'langfuse', 'decode_otlp.py')], {
    input: body,
    encoding: 'buffer',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`OTLP protobuf did not decode: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString('utf8')) as OtlpBody;
}
