/** Turns ajv errors into one line that names the field: `episode.messages[3].role: must be one of system, user, assistant, tool`. */
import type { ErrorObject } from 'ajv';

/** `/episode/messages/3/role` → `episode.messages[3].role`. */
export function fieldPath(instancePath: string): string {
  let out = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

function describeOne(error: ErrorObject): { field: string; problem: string } {
  const field = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join(field, String(params.missingProperty)), problem: 'missing required field' };
    case 'additionalProperties':
      return { field: join(field, String(params.additionalProperty)), problem: 'unknown field' };
    case 'enum':
      return { field, problem: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { field, problem: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { field, problem: `must be ${String(params.type).replace(/,/g, ' or ')}` };
    default:
      return { field, problem: error.message ?? error.keyword };
  }
}

/**
 * The most useful of ajv's errors: for oneOf/anyOf failures ajv reports every branch; the deepest concrete
 * error names the field the user actually got wrong.
 */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): { field: string; problem: string } {
  // A oneOf branch whose `const` (its discriminator, e.g. record_type) failed is not the branch the data meant.
  const branchOf = (e: ErrorObject) => /^(.*\/(?:oneOf|anyOf)\/\d+)\//.exec(e.schemaPath)?.[1];
  const wrongBranches = new Set((errors ?? []).filter((e) => e.keyword === 'const').map(branchOf).filter(Boolean));
  const concrete = (errors ?? []).filter(
    (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if' && !wrongBranches.has(branchOf(e)),
  );
  const pool = concrete.length > 0 ? concrete : [...(errors ?? [])];
  if (pool.length === 0) return { field: '', problem: 'invalid' };
  const depth = (e: ErrorObject) => e.instancePath.split('/').length + (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 1 : 0);
  // Errors arrive in schema order; the first of the deepest is the most specific.
  const best = pool.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return describeOne(best);
}
