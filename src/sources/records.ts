/** Validated records of one JSON-lines file: each good line as a typed value, each bad line reported once and skipped. */
import type { ValidateFunction } from 'ajv';
import { describeErrors } from '../core/validation.js';
import { readLines, type Line, type ReadLinesOptions } from './lines.js';
import { parseJsonLine } from './parse-json-line.js';
import type { InputProblem, ProblemHandler } from './problems.js';

export interface RecordLine<T> {
  line: number;
  value: T;
  /** Byte offset just past this line (for followers that resume). */
  endOffset: number;
}

export type Validator<T> = ValidateFunction<T> | { choose: (value: unknown) => ValidateFunction<T> | string };

/** Parses and validates one line: the typed value, undefined for a blank line, or the problem. */
export function checkLine<T>(raw: Line, validate: Validator<T>, file: string): { value: T } | { problem: InputProblem } | undefined {
  if ('error' in raw) return { problem: { file, line: raw.line, field: '', problem: raw.error } };
  if (raw.text.trim() === '') return undefined;
  const parsed = parseJsonLine(raw.text);
  if (!parsed.ok) return { problem: { file, line: raw.line, field: parsed.field, problem: parsed.problem } };
  const validator = typeof validate === 'function' ? validate : validate.choose(parsed.value);
  if (typeof validator === 'string') return { problem: { file, line: raw.line, field: 'type', problem: validator } };
  if (!validator(parsed.value)) return { problem: { file, line: raw.line, ...describeErrors(validator.errors) } };
  return { value: parsed.value as T };
}

/** Parses and validates every non-blank line of `path`. */
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
    if ('problem' in checked) onProblem(checked.problem);
    else yield { line: raw.line, value: checked.value, endOffset: raw.endOffset };
  }
}
