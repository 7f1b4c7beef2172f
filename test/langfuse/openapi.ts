/**
 * Langfuse's published OpenAPI description (../shared/contracts/langfuse-openapi.yml, read in place) turned into
 * validators for request bodies: OpenAPI 3.0's `nullable` becomes JSON Schema's null type; $refs resolve to
 * components/schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../helpers/paths.js';

export const LANGFUSE_OPENAPI = process.env.LANGFUSE_OPENAPI ?? join(ROOT, '..', 'shared', 'contracts', 'langfuse-openapi.yml');

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'example' || k === 'examples') continue;
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', 'langfuse#/definitions/');
    else out[k] = toJsonSchema(v);
  }
  if ((node as { nullable?: boolean }).nullable) return { anyOf: [out, { type: 'null' }] };
  return out;
}

export function langfuseRequestValidator(path: string, method = 'post'): ValidateFunction {
  const spec = parse(readFileSync(LANGFUSE_OPENAPI, 'utf8'), { maxAliasCount: -1 }) as {
    paths: Record<string, Record<string, any>>;
    components: { schemas: Record<string, unknown> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'langfuse', definitions: toJsonSchema(spec.components.schemas) });
  const schema = spec.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${LANGFUSE_OPENAPI}: no JSON request body for ${method.toUpperCase()} ${path}`);
  return ajv.compile(toJsonSchema(schema) as object);
}
