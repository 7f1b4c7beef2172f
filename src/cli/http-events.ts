/**
 * Parses and validates a POST /events body: NDJSON (one event per line) or a JSON array / single object.
 * Each line (NDJSON) or array item (JSON, numbered index + 1) is judged on its own: the valid ones are accepted,
 * the others are refused with every problem they have, so one bad event never costs the rest of the request.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { describeErrors } from '../core/validation.js';
import { eventValidatorFor } from '../sources/ndjson-events.js';
import { parseJsonLine } from '../sources/parse-json-line.js';

export interface BodyProblem {
  line: number;
  field: string;
  problem: string;
  /** The event was still accepted (the field was dropped or coerced); absent when the line was refused. */
  kept?: boolean;
}

export interface ParsedBody {
  events: CanonicalEvent[];
  problems: BodyProblem[];
  /** Lines (or array positions, from 1) refused, ascending. */
  refusedLines: number[];
  /** The body as a whole could not be read (a JSON array that does not parse): nothing in it was looked at. */
  unreadable: boolean;
}

export function parseEventsBody(body: string): ParsedBody {
  const result: ParsedBody = { events: [], problems: [], refusedLines: [], unreadable: false };
  const refuse = (line: number, field: string, problem: string) => {
    result.problems.push({ line, field, problem });
    if (result.refusedLines.at(-1) !== line) result.refusedLines.push(line);
  };
  const check = (value: unknown, line: number) => {
    const validator = eventValidatorFor(value);
    if (typeof validator === 'string') refuse(line, 'type', validator);
    else if (!validator(value)) {
      const { field, problem } = describeErrors(validator.errors);
      refuse(line, field, problem);
    } else result.events.push(value as CanonicalEvent);
  };
  if (body.trimStart().startsWith('[')) {
    const parsed = parseJsonLine(body);
    if (!parsed.ok) {
      refuse(1, parsed.field, parsed.problem);
      result.unreadable = true;
    } else (parsed.value as unknown[]).forEach((value, i) => check(value, i + 1));
    return result;
  }
  body.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) refuse(i + 1, parsed.field, parsed.problem);
    else check(parsed.value, i + 1);
  });
  return result;
}
