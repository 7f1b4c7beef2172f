/**
 * Record framing of the spool's write-ahead log. Every record is
 *
 *   marker "\xC3LW1" (4 bytes) | payload length u32 LE | seq u64 LE | CRC-32 of length, seq and payload u32 LE | payload
 *
 * so a reader tells a complete record from one cut short by a crash (a torn tail) or changed on disk (CRC mismatch),
 * and after damage finds the next good record by its marker, confirmed by its CRC.
 */
import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const MARKER = Buffer.from([0xc3, 0x4c, 0x57, 0x31]);
export const HEADER_BYTES = 20;
/** Largest payload a record may hold; a length field above it is damage. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const CHUNK = 1024 * 1024;

export function encodeFrame(seq: number, payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  MARKER.copy(frame, 0);
  frame.writeUInt32LE(payload.length, 4);
  frame.writeBigUInt64LE(BigInt(seq), 8);
  payload.copy(frame, HEADER_BYTES);
  frame.writeUInt32LE(crc32(payload, crc32(frame.subarray(4, 16))) >>> 0, 16);
  return frame;
}

/** What a scan finds at its position: a good record, a damaged stretch followed by a good record, or a bad tail. */
export type ScanItem =
  | { kind: 'record'; offset: number; seq: number; length: number; payload?: Buffer }
  | { kind: 'damaged'; offset: number; bytes: number; why: string }
  | { kind: 'tail'; offset: number; bytes: number; why: string };

type Check = { ok: true; seq: number; length: number; payload?: Buffer } | { ok: false; why: string };

/** Reads the frames of one file from `position` on, synchronously, holding at most one record (or 1 MiB) in memory. */
export class FrameScanner {
  private chunk = Buffer.allocUnsafe(4096);

  constructor(
    private readonly fd: number,
    public position = 0,
  ) {}

  /**
   * The next item before `size` (the file's current length), or undefined at the end. With `payloadAfter`, a record
   * whose seq is above it carries its payload (read once, checked once).
   */
  next(size: number, payloadAfter?: number): ScanItem | undefined {
    const offset = this.position;
    if (offset >= size) return undefined;
    const check = this.check(offset, size, payloadAfter);
    if (check.ok) {
      this.position = offset + HEADER_BYTES + check.length;
      return { kind: 'record', offset, seq: check.seq, length: check.length, payload: check.payload };
    }
    const good = this.findNext(offset + 1, size);
    if (good === undefined) {
      this.position = size;
      return { kind: 'tail', offset, bytes: size - offset, why: check.why };
    }
    this.position = good;
    return { kind: 'damaged', offset, bytes: good - offset, why: check.why };
  }

  private read(into: Buffer, position: number): number {
    let done = 0;
    while (done < into.length) {
      const n = readSync(this.fd, into, done, into.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  private check(offset: number, size: number, payloadAfter?: number): Check {
    if (size - offset < HEADER_BYTES) return { ok: false, why: 'record header cut short' };
    const header = Buffer.alloc(HEADER_BYTES);
    if (this.read(header, offset) < HEADER_BYTES) return { ok: false, why: 'record header cut short' };
    if (!header.subarray(0, 4).equals(MARKER)) return { ok: false, why: 'no record marker' };
    const length = header.readUInt32LE(4);
    if (length > MAX_RECORD_BYTES) return { ok: false, why: `length ${length} out of range` };
    if (offset + HEADER_BYTES + length > size)
      return { ok: false, why: `record cut short (${size - offset - HEADER_BYTES} of ${length} bytes)` };
    const seq = Number(header.readBigUInt64LE(8));
    let crc = crc32(header.subarray(4, 16));
    let payload: Buffer | undefined;
    if (payloadAfter !== undefined && seq > payloadAfter) {
      payload = Buffer.allocUnsafe(length);
      if (this.read(payload, offset + HEADER_BYTES) < length) return { ok: false, why: 'record cut short' };
      crc = crc32(payload, crc);
    } else {
      const chunk = this.chunk.length >= Math.min(CHUNK, length) ? this.chunk : (this.chunk = Buffer.allocUnsafe(CHUNK));
      for (let done = 0; done < length;) {
        const part = chunk.subarray(0, Math.min(chunk.length, length - done));
        if (this.read(part, offset + HEADER_BYTES + done) < part.length) return { ok: false, why: 'record cut short' };
        crc = crc32(part, crc);
        done += part.length;
      }
    }
    if (crc >>> 0 !== header.readUInt32LE(16)) return { ok: false, why: 'checksum mismatch' };
    return { ok: true, seq, length, payload };
  }

  /** Offset of the next good record at or after `from`, found by its marker and confirmed by its checksum. */
  private findNext(from: number, size: number): number | undefined {
    const window = Buffer.allocUnsafe(CHUNK + MARKER.length - 1);
    for (let base = from; base < size; base += CHUNK) {
      const n = this.read(window.subarray(0, Math.min(window.length, size - base)), base);
      const view = window.subarray(0, n);
      for (let i = view.indexOf(MARKER); i !== -1 && i < CHUNK; i = view.indexOf(MARKER, i + 1)) {
        if (this.check(base + i, size).ok) return base + i;
      }
    }
    return undefined;
  }
}
