/**
 * Validated records of one JSON-lines file. Each line goes through the field-level quarantine (src/core/quarantine.ts):
 * a good line is yielded as is, a line with a bad field is yielded with that field dropped or coerced and each problem
 * reported (`kept`), and only a line that cannot be a record at all is reported and skipped.
 */
import type { ValidateFunction } from 'ajv';
import { EVENT_VALIDATORS, SOURCE_VALIDATORS } from '../../generated/validators.gen.js';
import { EVENT_SCHEMA_NAMES } from '../../generated/validators/schemas.gen.js';
import { quarantine, type Quarantined } from '../core/quarantine.js';
import { readLines, type Line, type ReadLinesOptions } from './lines.js';
import { parseJsonLine, type NonFinite } from './parse-json-line.js';
import type { InputProblem, ProblemHandler } from './problems.js';

export interface RecordLine<T> {
  line: number;
  value: T;
  /** Byte offset just past this line (for followers that resume). */
  endOffset: number;
}

export type Validator<T> = ValidateFunction<T> | { choose: (value: unknown) => ValidateFunction<T> | string };

/** The schema (a name in the generated SCHEMA_DEFS) each generated validator checks. */
const SCHEMA_OF = new Map<unknown, string>([
  ...Object.entries(SOURCE_VALIDATORS).map(([name, validate]) => [validate, name] as const),
  ...Object.entries(EVENT_VALIDATORS).map(
    ([type, validate]) => [validate, EVENT_SCHEMA_NAMES[type as keyof typeof EVENT_SCHEMA_NAMES]] as const,
  ),
]);

export type CheckedLine<T> = { value: T; problems: InputProblem[] } | { problems: InputProblem[] };

/**
 * Validates and repairs one parsed value (src/core/quarantine.ts): the typed value with the fields that were dropped
 * or coerced, or only the problems when the value cannot be a record. `nonFinite` are the NaN / Infinity parseJsonLine found.
 */
export function checkValue<T>(value: unknown, validate: Validator<T>, nonFinite: readonly NonFinite[] = []): Quarantined<T> {
  const validator = typeof validate === 'function' ? validate : validate.choose(value);
  if (typeof validator === 'string') return { ok: false, problems: [{ field: 'type', problem: validator }] };
  const schema = SCHEMA_OF.get(validator);
  if (!schema) throw new Error('checkValue: a validator that is not generated from schema/ has no schema to repair by');
  return quarantine<T>(value, validator, schema, nonFinite);
}

/**
 * Parses, validates and repairs one line: the typed value with the problems of the fields that were dropped or
 * coerced, or only problems when the line was skipped; undefined for a blank line.
 */
export function checkLine<T>(raw: Line, validate: Validator<T>, file: string): CheckedLine<T> | undefined {
  const at = { file, line: raw.line };
  if ('error' in raw) return { problems: [{ ...at, field: '', problem: raw.error }] };
  if (raw.text.trim() === '') return undefined;
  const parsed = parseJsonLine(raw.text, { depthChecked: true });
  if (!parsed.ok) return { problems: [{ ...at, field: parsed.field, problem: parsed.problem }] };
  const result = checkValue(parsed.value, validate, parsed.nonFinite);
  if (!result.ok) return { problems: result.problems.map((p) => ({ ...at, ...p })) };
  return { value: result.value, problems: result.problems.map((p) => ({ ...at, ...p, kept: true })) };
}

/** Parses, validates and repairs every non-blank line of `path`. */
export async function* readRecords<T>(
  path: string,
  validate: Validator<T>,
  onProblem: ProblemHandler,
  options: ReadLinesOptions & { label?: string } = {},
): AsyncGenerator<RecordLine<T>> {
  const file = options.label ?? path;
  for await (const raw of readLines(path, options)) {
    const checked = checkLine(raw, validate, file);
    if (!checked) continue;
    for (const problem of checked.problems) onProblem(problem);
    if ('value' in checked) yield { line: raw.line, value: checked.value, endOffset: raw.endOffset };
  }
}
