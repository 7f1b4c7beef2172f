/**
 * The durable spool (opt-in): a write-ahead log of every event the hub accepts, with each sink's acknowledged
 * position. After a crash (kill -9) or an outage that outlasted close(), the next hub on the same directory delivers
 * what each sink had not acknowledged; deterministic ids make a redelivery an update in the backend, never a duplicate.
 *
 * Layout: <dir>/wal-<first seq>-<random>.log segments of framed records (src/core/wal-frame.ts: length, seq and CRC
 * per record) and <dir>/acked-<sink> holding the sink's watermark (every seq at or below it was delivered or given
 * up on). Opening a spool checks every record: a torn tail (a crash mid-append) is cut, a damaged record skipped, a
 * watermark that does not fit the segments reset — each reported (`recovery`), none of them fatal. Appends are
 * synchronous writes (the page cache survives a process crash); segments every sink is past are deleted.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { EVENT_VALIDATORS } from '../../generated/validators.gen.js';
import { safeName } from './safe-name.js';
import { ensureDir } from './safe-write.js';
import { describeErrors } from './validation.js';
import { encodeFrame, FrameScanner, MAX_RECORD_BYTES } from './wal-frame.js';

export interface SpoolOptions {
  dir: string;
  /** Most bytes on disk; past it new events are not spooled (still delivered from memory), with a warning. @default 1 GiB */
  maxBytes?: number;
  /** Segment size before a new file starts. @default 16 MiB */
  segmentBytes?: number;
}

export interface SpooledEvent {
  seq: number;
  event: CanonicalEvent;
}

/** A stretch of a segment that held no good record. */
export interface SpoolDamage {
  segment: string;
  offset: number;
  bytes: number;
  why: string;
}

/** What opening the spool found and repaired. */
export interface SpoolRecovery {
  /** Cut from the end of a segment: a record a crash interrupted (never acknowledged to anyone). */
  torn: SpoolDamage[];
  /** Skipped inside a segment: bytes that are not a good record (checksum, marker, order). */
  damaged: SpoolDamage[];
  /** Watermark files that did not fit the segments; the sink starts again from the oldest record. */
  watermarks: Array<{ sink: string; found: string; why: string }>;
  /** Spooled records that no longer hold a valid event (found while redelivering). */
  invalid: Array<{ seq: number; segment: string; problem: string }>;
}

interface Segment {
  name: string;
  path: string;
  first: number;
  last: number;
  bytes: number;
  /** Seqs of the good records of a segment found at open (the live segment's are first..last). */
  seqs?: number[];
}

/** One record read back for delivery: the event, or why it is not one. */
export type SpoolRead = { seq: number; event: CanonicalEvent } | { seq: number; problem: string };

const SEGMENT = /^wal-(\d{16})-[0-9a-f]{8}\.log$/;

function validateEvent(payload: Buffer): { event: CanonicalEvent } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    return { problem: `not JSON: ${(error as Error).message}` };
  }
  const type = value && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  const validator = typeof type === 'string' ? (EVENT_VALIDATORS as Record<string, (v: unknown) => boolean>)[type] : undefined;
  if (!validator) return { problem: `not a canonical event (type ${JSON.stringify(type)})` };
  if (!validator(value)) {
    const { field, problem } = describeErrors((validator as unknown as { errors: Parameters<typeof describeErrors>[0] }).errors);
    return { problem: `${field ? `${field}: ` : ''}${problem}` };
  }
  return { event: value as CanonicalEvent };
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done);
}

export class Spool {
  readonly dir: string;
  readonly recovery: SpoolRecovery = { torn: [], damaged: [], watermarks: [], invalid: [] };
  private readonly maxBytes: number;
  private readonly segmentBytes: number;
  private seq = 0;
  /** Closed segments, oldest first. */
  private segments: Segment[] = [];
  private live: (Segment & { fd: number }) | undefined;
  private readonly watermarks = new Map<string, number>();
  /** Per sink, the first seq it could not keep in memory: its watermark may not pass it in this process. */
  private readonly spilled = new Map<string, number>();
  /** Per sink, records found invalid while redelivering, passed by the watermark once everything before them is. */
  private readonly skipped = new Map<string, number[]>();
  /** Per sink, the highest seq handed to its worker. */
  private readonly enqueued = new Map<string, number>();
  private readonly invalidSeqs = new Set<number>();
  /** Events not spooled because the spool was full. */
  full = 0;
  /** Events not spooled because a single event is larger than a record may be. */
  tooLarge = 0;
  /** The highest seq found at open: what an earlier process left. */
  readonly openedAt: number;

  constructor(options: SpoolOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? 1024 ** 3;
    this.segmentBytes = options.segmentBytes ?? 16 * 1024 ** 2;
    ensureDir(this.dir);
    const names = readdirSync(this.dir)
      .filter((name) => SEGMENT.test(name))
      .sort();
    for (const name of names) this.scan(name);
    this.openedAt = this.seq;
  }

  /** Checks every record of a segment left by an earlier process: cuts a torn tail, notes damage, drops empty files. */
  private scan(name: string): void {
    const path = join(this.dir, name);
    const fd = openSync(path, 'r+');
    const seqs: number[] = [];
    let size: number;
    try {
      size = fstatSync(fd).size;
      const scanner = new FrameScanner(fd);
      for (let item = scanner.next(size); item; item = scanner.next(size)) {
        if (item.kind === 'record') {
          if (item.seq <= this.seq)
            this.recovery.damaged.push({
              segment: name,
              offset: item.offset,
              bytes: item.length,
              why: `sequence number ${item.seq} not after ${this.seq}`,
            });
          else {
            seqs.push(item.seq);
            this.seq = item.seq;
          }
        } else if (item.kind === 'damaged') {
          this.recovery.damaged.push({ segment: name, offset: item.offset, bytes: item.bytes, why: item.why });
        } else {
          this.recovery.torn.push({ segment: name, offset: item.offset, bytes: item.bytes, why: item.why });
          ftruncateSync(fd, item.offset);
          size = item.offset;
        }
      }
    } finally {
      closeSync(fd);
    }
    if (seqs.length === 0) unlinkSync(path);
    else this.segments.push({ name, path, first: seqs[0], last: seqs.at(-1)!, bytes: size, seqs });
  }

  /** The highest seq written so far. */
  get lastSeq(): number {
    return this.seq;
  }

  get bytes(): number {
    return this.segments.reduce((n, s) => n + s.bytes, 0) + (this.live?.bytes ?? 0);
  }

  private ackPath(sink: string): string {
    return join(this.dir, `acked-${safeName(sink)}`);
  }

  /** The sink's watermark; one that is not a whole number within the segments is reported and read as 0. */
  watermark(sink: string): number {
    let mark = this.watermarks.get(sink);
    if (mark === undefined) {
      mark = 0;
      let text: string | undefined;
      try {
        text = readFileSync(this.ackPath(sink), 'utf8');
      } catch {
        // No watermark yet: nothing acknowledged.
      }
      if (text !== undefined) {
        const found = text.trim();
        const value = /^\d{1,16}$/.test(found) ? Number(found) : Number.NaN;
        if (!Number.isSafeInteger(value)) this.recovery.watermarks.push({ sink, found: found.slice(0, 40), why: 'not a whole number' });
        else if (value > this.seq) this.recovery.watermarks.push({ sink, found, why: `beyond the last record in the spool (${this.seq})` });
        else mark = value;
      }
      this.watermarks.set(sink, mark);
    }
    return mark;
  }

  /** Records `sink` has not acknowledged (counted from the segments). */
  pendingCount(sink: string): number {
    const mark = this.watermark(sink);
    let n = 0;
    for (const s of this.segments) {
      if (s.last <= mark) continue;
      if (s.seqs) {
        let lo = 0;
        let hi = s.seqs.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (s.seqs[mid] <= mark) lo = mid + 1;
          else hi = mid;
        }
        n += s.seqs.length - lo;
      } else n += s.last - Math.max(mark, s.first - 1);
    }
    if (this.live && this.live.last > mark) n += this.live.last - Math.max(mark, this.live.first - 1);
    return n;
  }

  /** Appends an event; returns its seq, or undefined when the spool is full or the event too large for a record. */
  append(event: CanonicalEvent): number | undefined {
    const payload = Buffer.from(JSON.stringify(event), 'utf8');
    if (payload.length > MAX_RECORD_BYTES) {
      this.tooLarge += 1;
      return undefined;
    }
    const frame = encodeFrame(this.seq + 1, payload);
    if (this.bytes + frame.length > this.maxBytes) {
      this.full += 1;
      return undefined;
    }
    if (!this.live || (this.live.bytes > 0 && this.live.bytes + frame.length > this.segmentBytes)) this.rotate();
    const live = this.live!;
    try {
      writeAll(live.fd, frame);
    } catch (error) {
      // Part of the frame may be on disk: close this segment (a later open cuts or skips the stretch) and start anew.
      live.bytes = fstatSync(live.fd).size;
      this.closeLive();
      throw error;
    }
    this.seq += 1;
    if (live.first === 0) live.first = this.seq;
    live.last = this.seq;
    live.bytes += frame.length;
    return this.seq;
  }

  private rotate(): void {
    this.closeLive();
    for (;;) {
      const name = `wal-${String(this.seq + 1).padStart(16, '0')}-${randomBytes(4).toString('hex')}.log`;
      const path = join(this.dir, name);
      try {
        // Exclusive create: a leftover file can never be taken over (or later deleted) as this process's segment.
        const fd = openSync(path, 'wx');
        this.live = { name, path, fd, first: 0, last: 0, bytes: 0 };
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  private closeLive(): void {
    if (!this.live) return;
    const { fd, ...segment } = this.live;
    closeSync(fd);
    this.live = undefined;
    if (segment.last > 0) this.segments.push(segment);
    else {
      try {
        unlinkSync(segment.path);
      } catch {
        // Nothing in it to keep.
      }
    }
  }

  /** Reads `sink`'s records after `after` in order, from disk, re-validating each; see SpoolReader. */
  reader(after: number): SpoolReader {
    return new SpoolReader(this, after);
  }

  /** @internal the segment holding the first record after `seq`. */
  segmentAfter(seq: number): Segment | undefined {
    const closed = this.segments.find((s) => s.last > seq);
    if (closed) return closed;
    if (this.live && this.live.last > seq) return this.live;
    return undefined;
  }

  /** @internal whether `segment` is the one being written. */
  isLive(segment: Segment): boolean {
    return this.live?.path === segment.path;
  }

  /** @internal notes a record found invalid while redelivering (reported once, whichever sink finds it). */
  noteInvalid(seq: number, segment: string, problem: string): boolean {
    if (this.invalidSeqs.has(seq)) return false;
    this.invalidSeqs.add(seq);
    if (this.recovery.invalid.length < 1000) this.recovery.invalid.push({ seq, segment, problem });
    return true;
  }

  /** The hub handed `seq` to `sink`'s worker. */
  noteEnqueued(sink: string, seq: number): void {
    if (seq > (this.enqueued.get(sink) ?? 0)) this.enqueued.set(sink, seq);
  }

  /** `sink` will never be handed record `seq` (it is not a valid event): the watermark passes it in order. */
  skip(sink: string, seq: number): void {
    const mark = this.watermark(sink);
    if (mark >= (this.enqueued.get(sink) ?? 0)) {
      // Nothing before it is outstanding: acknowledged at once.
      this.ack(sink, seq);
      return;
    }
    const list = this.skipped.get(sink) ?? [];
    list.push(seq);
    this.skipped.set(sink, list);
  }

  /** `sink` kept no room in memory for `seq`: its watermark stays below it until restart (then it is redelivered). */
  spill(sink: string, seq: number): void {
    if (!this.spilled.has(sink)) this.spilled.set(sink, seq);
  }

  /** Records that `sink` is done with every event up to `seq` (delivered, or given up on as not retryable). */
  ack(sink: string, seq: number): void {
    const limit = this.spilled.get(sink);
    let mark = Math.min(seq, limit !== undefined ? limit - 1 : seq);
    const skips = this.skipped.get(sink);
    while (skips?.length && skips[0] <= mark + 1 && (limit === undefined || skips[0] < limit)) mark = Math.max(mark, skips.shift()!);
    if (mark <= this.watermark(sink)) return;
    this.watermarks.set(sink, mark);
    const path = this.ackPath(sink);
    writeFileSync(`${path}.tmp`, `${mark}\n`);
    renameSync(`${path}.tmp`, path);
    this.compact();
  }

  /** Deletes closed segments every known sink is past (keeping the newest, which remembers the highest seq). */
  private compact(): void {
    const low = Math.min(...this.watermarks.values());
    const newest = this.live ? undefined : this.segments.at(-1);
    this.segments = this.segments.filter((s) => {
      if (s.last > low || s === newest) return true;
      try {
        unlinkSync(s.path);
      } catch {
        // Already gone: nothing to keep.
      }
      return false;
    });
  }

  /** Closes the segment being written (the next append starts a new one). */
  close(): void {
    this.closeLive();
  }
}

/**
 * Reads records after a seq, in order, across segments — including the one being written, so a reader catches up
 * with appends and then reports `caughtUp`. Holds one record in memory at a time.
 */
export class SpoolReader {
  private segment: Segment | undefined;
  private fd: number | undefined;
  private scanner: FrameScanner | undefined;

  constructor(
    private readonly spool: Spool,
    /** The highest seq read so far (or the seq reading starts after). */
    public cursor: number,
  ) {}

  /** Whether every record written so far has been read. */
  get caughtUp(): boolean {
    return this.cursor >= this.spool.lastSeq;
  }

  /** The next record, or undefined when there is none (yet). */
  next(): SpoolRead | undefined {
    for (;;) {
      if (!this.scanner) {
        const found = this.spool.segmentAfter(this.cursor);
        if (!found) return undefined;
        this.open(found);
      }
      const size = fstatSync(this.fd!).size;
      const item = this.scanner!.next(size, this.cursor);
      if (!item) {
        // End of this segment: wait here while it is still being written, else move on.
        if (this.spool.isLive(this.segment!)) return undefined;
        this.closeFile();
        if (this.segment && this.segment.last > this.cursor) this.cursor = this.segment.last;
        continue;
      }
      if (item.kind !== 'record' || item.seq <= this.cursor) continue; // damage was reported when the spool opened
      this.cursor = item.seq;
      const checked = validateEvent(item.payload!);
      if ('problem' in checked) {
        this.spool.noteInvalid(item.seq, this.segment!.name, checked.problem);
        return { seq: item.seq, problem: checked.problem };
      }
      return { seq: item.seq, event: checked.event };
    }
  }

  private open(segment: Segment): void {
    this.segment = segment;
    this.fd = openSync(segment.path, 'r');
    this.scanner = new FrameScanner(this.fd);
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.scanner = undefined;
  }

  close(): void {
    this.closeFile();
  }
}
