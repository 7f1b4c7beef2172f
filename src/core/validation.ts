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

/** The oneOf / anyOf branch an error belongs to, if any. */
const branchOf = (e: ErrorObject) => /^(.*\/(?:oneOf|anyOf)\/\d+)\//.exec(e.schemaPath)?.[1];

/** Errors that name a concrete field problem, without the branches whose discriminator (`const`) did not match. */
function concreteErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  // A oneOf branch whose `const` (its discriminator, e.g. record_type) failed is not the branch the data meant.
  const wrongBranches = new Set(
    errors
      .filter((e) => e.keyword === 'const')
      .map(branchOf)
      .filter(Boolean),
  );
  const concrete = errors.filter(
    (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if' && !wrongBranches.has(branchOf(e)),
  );
  return concrete.length > 0 ? concrete : [...errors];
}

/**
 * The most useful of ajv's errors: for oneOf/anyOf failures ajv reports every branch; the deepest concrete
 * error names the field the user actually got wrong.
 */
export function pickError(errors: readonly ErrorObject[] | null | undefined): ErrorObject | undefined {
  const pool = concreteErrors(errors ?? []);
  if (pool.length === 0) return undefined;
  const depth = (e: ErrorObject) =>
    e.instancePath.split('/').length + (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 1 : 0);
  // Errors arrive in schema order; the first of the deepest is the most specific.
  return pool.reduce((a, b) => (depth(b) > depth(a) ? b : a));
}

/** `error` as field and problem; a type error lists every type the field's branches accept. */
export function describeError(error: ErrorObject, all: readonly ErrorObject[] = [error]): { field: string; problem: string } {
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
    case 'type': {
      const types = concreteErrors(all)
        .filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath)
        .flatMap((e) => String((e.params as { type: unknown }).type).split(','));
      return { field, problem: `must be ${[...new Set(types)].join(' or ')}` };
    }
    default:
      return { field, problem: error.message ?? error.keyword };
  }
}

/** The one problem to show for a failed validation: the most specific error, as field and problem. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): { field: string; problem: string } {
  const best = pickError(errors);
  return best ? describeError(best, errors ?? []) : { field: '', problem: 'invalid' };
}
