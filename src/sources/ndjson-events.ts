/** Canonical NDJSON events (what the Python bridge and `serve` clients write), validated by event type. */
import type { ValidateFunction } from 'ajv';
import { EVENT_VALIDATORS } from '../../generated/validators.gen.js';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import type { ProblemHandler } from './problems.js';
import { clawloopRecordHint } from './recognize-clawloop.js';
import { checkLine } from './records.js';
import { readLineBatches, type ReadLinesOptions } from './lines.js';

const KNOWN = Object.keys(EVENT_VALIDATORS);

/** The validator for a parsed value's `type`, or the problem to report. */
export function eventValidatorFor(value: unknown): ValidateFunction<CanonicalEvent> | string {
  const type = value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return `missing event type (expected one of ${KNOWN.join(', ')})${clawloopRecordHint(value)}`;
  const validator = (EVENT_VALIDATORS as Record<string, ValidateFunction<CanonicalEvent>>)[type];
  return validator ?? `unknown event type "${type}" (expected one of ${KNOWN.join(', ')})`;
}

export async function* readEventFile(
  path: string,
  onProblem: ProblemHandler,
  options: ReadLinesOptions & { label?: string } = {},
): AsyncGenerator<CanonicalEvent> {
  const file = options.label ?? path;
  const validate = { choose: eventValidatorFor };
  // Lines a read at a time (readLineBatches), checked here: the same as readRecords, two async generators fewer per event.
  for await (const lines of readLineBatches(path, options)) {
    for (const raw of lines) {
      const checked = checkLine(raw, validate, file);
      if (!checked) continue;
      for (const problem of checked.problems) onProblem(problem);
      if ('value' in checked) yield checked.value;
    }
  }
}
