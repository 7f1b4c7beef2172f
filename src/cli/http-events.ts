/**
 * Parses and validates a POST /events body: NDJSON (one event per line) or a JSON array / single object.
 * Each line (NDJSON) or array item (JSON, numbered index + 1) is judged on its own, through the field-level
 * quarantine: a valid event is accepted, an event with a bad field it can live without is accepted with that field
 * dropped or coerced (`kept` problems), and only a line that cannot be an event is refused, with every problem it has.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { EVENT_SCHEMA_NAMES } from '../../generated/validators/schemas.gen.js';
import { quarantine } from '../core/quarantine.js';
import { eventValidatorFor } from '../sources/ndjson-events.js';
import { parseJsonLine, type NonFinite } from '../sources/parse-json-line.js';

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
  const check = (value: unknown, line: number, nonFinite: NonFinite[] = []) => {
    const validator = eventValidatorFor(value);
    if (typeof validator === 'string') return refuse(line, 'type', validator);
    const type = (value as { type: keyof typeof EVENT_SCHEMA_NAMES }).type;
    const checked = quarantine<CanonicalEvent>(value, validator, EVENT_SCHEMA_NAMES[type], nonFinite);
    if (!checked.ok) return checked.problems.forEach((p) => refuse(line, p.field, p.problem));
    for (const p of checked.problems) result.problems.push({ line, ...p, kept: true });
    result.events.push(checked.value);
  };
  if (body.trimStart().startsWith('[')) {
    const parsed = parseJsonLine(body);
    if (!parsed.ok) {
      refuse(1, parsed.field, parsed.problem);
      result.unreadable = true;
    } else {
      // A NaN in item i is marked at [i, ...]; each item is checked with its own markers.
      const markersOf = (i: number) => parsed.nonFinite.filter((m) => m.path[0] === i).map((m) => ({ ...m, path: m.path.slice(1) }));
      (parsed.value as unknown[]).forEach((value, i) => check(value, i + 1, markersOf(i)));
    }
    return result;
  }
  body.split('\n').forEach((text, i) => {
    if (text.trim() === '') return;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) refuse(i + 1, parsed.field, parsed.problem);
    else check(parsed.value, i + 1, parsed.nonFinite);
  });
  return result;
}
