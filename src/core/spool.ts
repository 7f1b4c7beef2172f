/**
 * The durable spool (opt-in): every event the hub accepts is appended to a local write-ahead log before delivery,
 * and each sink's acknowledged position is recorded after the backend accepted a batch. After a crash (kill -9) or an
 * outage that outlasted close(), the next hub on the same directory delivers what each sink had not acknowledged.
 * Deterministic ids make the redelivery an update in the backend, never a duplicate.
 *
 * Layout: <dir>/wal-<first seq>.ndjson segments of `{"seq":N,"event":{…}}` lines, and <dir>/acked-<sink> holding the
 * sink's watermark (every seq at or below it was delivered or given up on). Writes are synchronous appends (the page
 * cache survives a process crash); segments every sink is past are deleted.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanonicalEvent } from '../../generated/types.gen.js';

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

const SEGMENT = /^wal-(\d+)\.ndjson$/;

export class Spool {
  readonly dir: string;
  private readonly maxBytes: number;
  private readonly segmentBytes: number;
  private seq = 0;
  private segment: { path: string; first: number; bytes: number } | undefined;
  private segments: Array<{ path: string; first: number; last: number; bytes: number }> = [];
  private readonly watermarks = new Map<string, number>();
  /** Per sink, the first seq it could not keep in memory: its watermark may not pass it in this process. */
  private readonly spilled = new Map<string, number>();
  /** Events not spooled because the spool was full. */
  full = 0;

  constructor(options: SpoolOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? 1024 ** 3;
    this.segmentBytes = options.segmentBytes ?? 16 * 1024 ** 2;
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir).sort((a, b) => Number(SEGMENT.exec(a)?.[1] ?? 0) - Number(SEGMENT.exec(b)?.[1] ?? 0))) {
      const m = SEGMENT.exec(name);
      if (!m) continue;
      const path = join(this.dir, name);
      const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
      const last = lines.length ? (JSON.parse(lines.at(-1)!) as SpooledEvent).seq : Number(m[1]) - 1;
      this.segments.push({ path, first: Number(m[1]), last, bytes: statSync(path).size });
      this.seq = Math.max(this.seq, last);
    }
  }

  get bytes(): number {
    return this.segments.reduce((n, s) => n + s.bytes, 0) + (this.segment?.bytes ?? 0);
  }

  watermark(sink: string): number {
    let mark = this.watermarks.get(sink);
    if (mark === undefined) {
      const path = join(this.dir, `acked-${sink}`);
      mark = existsSync(path) ? Number(readFileSync(path, 'utf8')) || 0 : 0;
      this.watermarks.set(sink, mark);
    }
    return mark;
  }

  /** Events `sink` has not acknowledged, oldest first (read back from disk; call before new events arrive). */
  *pending(sink: string): Generator<SpooledEvent> {
    const mark = this.watermark(sink);
    for (const segment of this.segments) {
      if (segment.last <= mark) continue;
      for (const line of readFileSync(segment.path, 'utf8').split('\n')) {
        if (!line) continue;
        let entry: SpooledEvent;
        try {
          entry = JSON.parse(line) as SpooledEvent;
        } catch {
          continue; // A line cut by the crash itself: its event was never acknowledged to the caller either.
        }
        if (entry.seq > mark) yield entry;
      }
    }
  }

  /** Appends an event; returns its seq, or undefined when the spool is full. */
  append(event: CanonicalEvent): number | undefined {
    const line = `${JSON.stringify({ seq: this.seq + 1, event })}\n`;
    const size = Buffer.byteLength(line);
    if (this.bytes + size > this.maxBytes) {
      this.full += 1;
      return undefined;
    }
    this.seq += 1;
    if (!this.segment || this.segment.bytes + size > this.segmentBytes) this.rotate();
    appendFileSync(this.segment!.path, line);
    this.segment!.bytes += size;
    return this.seq;
  }

  private rotate(): void {
    if (this.segment) this.segments.push({ ...this.segment, last: this.seq - 1 });
    this.segment = { path: join(this.dir, `wal-${this.seq}.ndjson`), first: this.seq, bytes: 0 };
  }

  /** `sink` kept no room in memory for `seq`: its watermark stays below it until restart (then it is redelivered). */
  spill(sink: string, seq: number): void {
    if (!this.spilled.has(sink)) this.spilled.set(sink, seq);
  }

  /** Records that `sink` is done with every event up to `seq` (delivered, or given up on as not retryable). */
  ack(sink: string, seq: number): void {
    const limit = this.spilled.get(sink);
    const mark = Math.min(seq, limit !== undefined ? limit - 1 : seq);
    if (mark <= this.watermark(sink)) return;
    this.watermarks.set(sink, mark);
    const path = join(this.dir, `acked-${sink}`);
    writeFileSync(`${path}.tmp`, String(mark));
    renameSync(`${path}.tmp`, path);
    this.compact();
  }

  /** Deletes closed segments every known sink is past. */
  private compact(): void {
    const low = Math.min(...this.watermarks.values());
    this.segments = this.segments.filter((s) => {
      if (s.last > low) return true;
      try {
        unlinkSync(s.path);
      } catch {
        // Already gone: nothing to keep.
      }
      return false;
    });
  }
}
