/**
 * Parses and validates a POST /events body: NDJSON (one event per line) or a JSON array / single object.
 * Returns the events, or every problem with its line (NDJSON) or array index (JSON, reported as line = index + 1).
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { describeErrors } from '../core/validation.js';
import { eventValidatorFor } from '../sources/ndjson-events.js';
import { parseJsonLine } from '../sources/parse-json-line.js';

export interface BodyProblem {
  line: number;
  field: string;
  problem: string;
}

export function parseEventsBody(body: string): { events: CanonicalEvent[]; problems: BodyProblem[] } {
  const events: CanonicalEvent[] = [];
  const problems: BodyProblem[] = [];
  const check = (value: unknown, line: number) => {
    const validator = eventValidatorFor(value);
    if (typeof validator === 'string') problems.push({ line, field: 'type', problem: validator });
    else if (!validator(value)) problems.push({ line, ...describeErrors(validator.errors) });
    else events.push(value as CanonicalEvent);
  };
  const trimmed = body.trimStart();
  if (trimmed.startsWith('[')) {
    const parsed = parseJsonLine(body);
    if (!parsed.ok) problems.push({ line: 1, field: parsed.field, problem: parsed.problem });
    else (parsed.value as unknown[]).forEach((value, i) => check(value, i + 1));
    return { events, problems };
  }
  body.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) problems.push({ line: i + 1, field: parsed.field, problem: parsed.problem });
    else check(parsed.value, i + 1);
  });
  return { events, problems };
}
