/**
 * Reads and validates a POST /events body: NDJSON (one event per line) or a JSON array / single object.
 * Each line (NDJSON) or array item (JSON, numbered index + 1) is judged on its own, through the field-level
 * quarantine: a valid event is accepted, an event with a bad field it can live without is accepted with that field
 * dropped or coerced (`kept` problems), and only a line that cannot be an event is refused, with every problem it has.
 * Two passes keep memory flat for any body: the first reads the raw bytes (off the JS heap) and refuses the request as
 * a whole — over --max-body (413, at once, without holding the rest), not UTF-8 (400), too slow (408); the second
 * parses one line at a time, checking its nesting before building it, and hands each valid event over as the caller
 * makes room (no body's events are ever all in memory at once).
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { DepthScanner } from '../sources/json-scan.js';
import { LineSplitter, type SplitLine } from '../sources/line-splitter.js';
import { eventValidatorFor } from '../sources/ndjson-events.js';
import { parseJsonLine, type NonFinite } from '../sources/parse-json-line.js';
import { checkValue } from '../sources/records.js';

export interface BodyProblem {
  line: number;
  field: string;
  problem: string;
  /** The event was still accepted (the field was dropped or coerced); absent when the line was refused. */
  kept?: boolean;
}

export interface ParsedBody {
  /** How many events were accepted (handed to the caller's `accept`). */
  accepted: number;
  problems: BodyProblem[];
  /** Lines (or array positions, from 1) refused, ascending. */
  refusedLines: number[];
  /** The body as a whole could not be read (a JSON array that does not parse): nothing in it was looked at. */
  unreadable: boolean;
}

/** Judges a body's lines (or array items), handing each valid event to `accept`. */
class BodyCollector {
  readonly result: ParsedBody = { accepted: 0, problems: [], refusedLines: [], unreadable: false };

  constructor(private readonly accept: (event: CanonicalEvent) => void) {}

  refuse(line: number, field: string, problem: string): void {
    this.result.problems.push({ line, field, problem });
    if (this.result.refusedLines.at(-1) !== line) this.result.refusedLines.push(line);
  }

  check(value: unknown, line: number, nonFinite: NonFinite[] = []): void {
    const checked = checkValue<CanonicalEvent>(value, { choose: eventValidatorFor }, nonFinite);
    if (!checked.ok) return checked.problems.forEach((p) => this.refuse(line, p.field, p.problem));
    for (const p of checked.problems) this.result.problems.push({ line, ...p, kept: true });
    this.result.accepted += 1;
    this.accept(checked.value);
  }

  line(text: string, line: number, depthChecked = false): void {
    if (text.trim() === '') return;
    const parsed = parseJsonLine(text, { depthChecked });
    if (!parsed.ok) this.refuse(line, parsed.field, parsed.problem);
    else this.check(parsed.value, line, parsed.nonFinite);
  }

  array(text: string): void {
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      this.refuse(1, parsed.field, parsed.problem);
      this.result.unreadable = true;
      return;
    }
    // A NaN in item i is marked at [i, ...]; each item is checked with its own markers.
    const markersOf = (i: number) => parsed.nonFinite.filter((m) => m.path[0] === i).map((m) => ({ ...m, path: m.path.slice(1) }));
    (parsed.value as unknown[]).forEach((value, i) => this.check(value, i + 1, markersOf(i)));
  }
}

/** Judges a whole body held as text (for callers that already hold one); serve reads bodies with readEventsBody. */
export function parseEventsBody(body: string): ParsedBody & { events: CanonicalEvent[] } {
  const events: CanonicalEvent[] = [];
  const collector = new BodyCollector((event) => events.push(event));
  if (body.trimStart().startsWith('[')) collector.array(body);
  else body.split('\n').forEach((text, i) => collector.line(text, i + 1));
  return { ...collector.result, events };
}

/** A body that arrived whole and within the limits: its raw chunks (off the JS heap), as NDJSON lines or one JSON array. */
export interface RawBody {
  kind: 'lines' | 'array';
  chunks: Buffer[];
  /** A JSON array already refused while arriving (nested too deeply): its problem. */
  refused?: string;
}

/** Checks UTF-8 chunk by chunk (a sequence may span two chunks), without joining them. */
class Utf8Check {
  private carry = Buffer.alloc(0);
  valid = true;

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    // Keep back an incomplete sequence at the end (at most 3 bytes) for the next chunk.
    let cut = data.length;
    for (let back = 1; back <= Math.min(3, data.length); back += 1) {
      const b = data[data.length - back];
      if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > back) cut = data.length - back;
      break;
    }
    this.valid = isUtf8(data.subarray(0, cut));
    this.carry = Buffer.from(data.subarray(cut));
  }

  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** What reading a request body gave: the raw body, or why the request is refused as a whole. */
export type BodyOutcome = { ok: true; body: RawBody } | { ok: false; status: 400 | 408 | 413; error: string };

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * First pass: reads `req` (at most `maxBytes`, with at most `idleMs` between two chunks) as raw bytes. Past
 * `maxBytes` the outcome is 413 at once and the rest of the body is read and dropped (so a client still sending can
 * read the answer), up to `drainBytes`. A JSON array's nesting is checked as it arrives (a deep one is not held).
 */
export function readEventsBody(req: IncomingMessage, maxBytes: number, idleMs: number, drainBytes = 4 * maxBytes): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const arrayDepth = new DepthScanner('array');
    const utf8 = new Utf8Check();
    const held: Buffer[] = [];
    let kind: 'unknown' | 'lines' | 'array' = 'unknown';
    let size = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      held.length = 0;
      resolve(outcome);
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settle({ ok: false, status: 408, error: `the body stopped arriving (nothing for ${idleMs} ms)` });
        req.destroy();
      }, idleMs);
    };
    idle();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) settle({ ok: false, status: 413, error: `body larger than ${maxBytes} bytes` });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (settled) {
        // Refused already: the rest is read and dropped, up to a bound.
        if (size > maxBytes + drainBytes) req.destroy();
        return;
      }
      idle();
      if (size > maxBytes) return settle({ ok: false, status: 413, error: `body larger than ${maxBytes} bytes` });
      if (kind === 'unknown') {
        const first = chunk.findIndex((b) => !WHITESPACE.has(b));
        if (first !== -1) kind = chunk[first] === 0x5b /* [ */ ? 'array' : 'lines';
      }
      if (kind === 'array' && !arrayDepth.push(chunk)) return settle({ ok: true, body: { kind, chunks: [], refused: arrayDepth.refusal } });
      utf8.push(chunk);
      held.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      if (!utf8.end())
        return settle({ ok: false, status: 400, error: 'the body is not valid UTF-8; nothing from this request was accepted' });
      settle({ ok: true, body: { kind: kind === 'array' ? 'array' : 'lines', chunks: held.splice(0) } });
    });
    req.on('error', (error) => settle({ ok: false, status: 400, error: `the body could not be read: ${error.message}` }));
  });
}

/** Events handed over between two waits for room. */
const HAND_OVER = 50;

/**
 * Second pass: judges each line (or array item) of `body`, handing valid events to `accept` and calling `room()`
 * every few events (the caller waits there until its sinks made room).
 */
export async function collectEvents(
  body: RawBody,
  accept: (event: CanonicalEvent) => void,
  room: () => Promise<void>,
): Promise<ParsedBody> {
  let pending = 0;
  const collector = new BodyCollector((event) => {
    accept(event);
    pending += 1;
  });
  if (body.kind === 'array') {
    if (body.refused) {
      collector.refuse(1, '', body.refused);
      collector.result.unreadable = true;
    } else collector.array(Buffer.concat(body.chunks.splice(0)).toString('utf8'));
    return collector.result;
  }
  // The body's size was bounded by the first pass; its chunks live until judged, so no piece is copied.
  const splitter = new LineSplitter(Number.MAX_SAFE_INTEGER, true);
  let lineNo = 0;
  const lines: SplitLine[] = [];
  const judge = async () => {
    for (const line of lines) {
      lineNo += 1;
      if ('text' in line) collector.line(line.text, lineNo, true);
      else collector.refuse(lineNo, '', line.error);
      if (pending >= HAND_OVER) {
        pending = 0;
        await room();
      }
    }
    lines.length = 0;
  };
  // Each chunk is let go once judged: memory shrinks as the body is handed over.
  for (let chunk = body.chunks.shift(); chunk; chunk = body.chunks.shift()) {
    splitter.push(chunk, (line) => lines.push(line));
    await judge();
    // A turn of the event loop per chunk: the sinks' workers and other requests run while a big body is judged.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const last = splitter.end();
  if (last) lines.push(last);
  await judge();
  return collector.result;
}
