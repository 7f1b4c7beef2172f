/**
 * A protobuf writer that writes backwards, from the end of its buffer towards the start: a message's fields are written
 * last field first, and a length-delimited field's length is known once its content is written, so it is put in front
 * of it with no size pass beforehand and no shifting afterwards. Strings are measured and written as UTF-8 by Node's
 * native Buffer code.
 *
 * Why: an OTLP request of ours is mostly long strings (every LLM span carries the conversation so far), and the
 * OpenTelemetry serializer walks every string twice, character by character in JavaScript (once to size the buffer,
 * once to copy it), then moves each message's bytes again when its length needs more than one byte. That was a third of
 * an otel replay's CPU (writeString of the writer and of the size estimator, measured 2026-12-06).
 */

const TWO_32 = 4_294_967_296;

/** Wire types (https://protobuf.dev/programming-guides/encoding/). */
export const VARINT = 0;
export const FIXED64 = 1;
export const LENGTH_DELIMITED = 2;
export const FIXED32 = 5;

/** Below this many characters a string is copied by a JavaScript loop: a call into native code costs more than that. */
const SHORT_STRING = 32;

export class ReverseWriter {
  private buf: Buffer;
  /** The written bytes are buf[pos, buf.length). */
  private pos: number;

  constructor(initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(Math.max(64, initialSize));
    this.pos = this.buf.length;
  }

  /** Bytes written so far: take it before a message's fields and pass it to `endMessage` after them. */
  get written(): number {
    return this.buf.length - this.pos;
  }

  /** The encoded bytes (a view of the writer's buffer: the writer must not be used after). */
  finish(): Uint8Array {
    return this.buf.subarray(this.pos);
  }

  /** Makes room for `n` more bytes in front of what is written. */
  private room(n: number): void {
    if (this.pos >= n) return;
    const written = this.written;
    let size = this.buf.length * 2;
    while (size < written + n) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown, size - written, this.pos);
    this.buf = grown;
    this.pos = size - written;
  }

  /** Closes a length-delimited field whose content was written since `mark` (a `written` value): length, then tag. */
  endMessage(mark: number, field: number): void {
    this.varint(this.written - mark);
    this.tag(field, LENGTH_DELIMITED);
  }

  tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  /** A non-negative integer below 2^32, the common case (tags, lengths, enums, counts). */
  varint(value: number): void {
    if (value < 128 && value >= 0) {
      this.room(1);
      this.buf[--this.pos] = value;
      return;
    }
    if (value >= 0 && value < TWO_32 && Number.isInteger(value)) {
      let size = 1;
      for (let v = value >>> 7; v !== 0; v >>>= 7) size += 1;
      this.room(size);
      let at = (this.pos -= size);
      let v = value >>> 0;
      while (v > 127) {
        this.buf[at++] = (v & 127) | 128;
        v >>>= 7;
      }
      this.buf[at] = v;
      return;
    }
    this.varint64(value);
  }

  /** Any integer as a 64-bit two's complement varint (a negative one takes 10 bytes, as protobuf's int64 does). */
  varint64(value: number): void {
    let low: number;
    let high: number;
    const magnitude = Math.abs(value);
    low = magnitude >>> 0;
    high = Math.floor(magnitude / TWO_32) >>> 0;
    if (value < 0) {
      // Two's complement of the magnitude: invert, add one (carrying into the high word).
      low = ~low >>> 0;
      high = ~high >>> 0;
      low = (low + 1) >>> 0;
      if (low === 0) high = (high + 1) >>> 0;
    }
    let size = 1;
    for (let l = low, h = high; h !== 0 || l > 127; size += 1) {
      l = ((l >>> 7) | (h << 25)) >>> 0;
      h >>>= 7;
    }
    this.room(size);
    let at = (this.pos -= size);
    while (high !== 0 || low > 127) {
      this.buf[at++] = (low & 127) | 128;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    this.buf[at] = low;
  }

  fixed32(value: number): void {
    this.room(4);
    this.pos -= 4;
    this.buf.writeUInt32LE(value >>> 0, this.pos);
  }

  /** A fixed64 from its two 32-bit halves. */
  fixed64(low: number, high: number): void {
    this.room(8);
    this.pos -= 8;
    this.buf.writeUInt32LE(low >>> 0, this.pos);
    this.buf.writeUInt32LE(high >>> 0, this.pos + 4);
  }

  double(value: number): void {
    this.room(8);
    this.pos -= 8;
    this.buf.writeDoubleLE(value, this.pos);
  }

  /**
   * A string as UTF-8 with its length in front. Lone surrogates become U+FFFD, as TextEncoder (and so the
   * OpenTelemetry serializer) writes them.
   */
  string(text: string): void {
    const n = text.length;
    if (n < SHORT_STRING) {
      // Copied while checking that it is ASCII (one pass); a non-ASCII character leaves it to the native write below.
      this.room(n);
      const { buf } = this;
      const start = this.pos - n;
      let i = 0;
      for (; i < n; i += 1) {
        const code = text.charCodeAt(i);
        if (code > 127) break;
        buf[start + i] = code;
      }
      if (i === n) {
        this.pos = start;
        this.varint(n);
        return;
      }
    }
    const size = Buffer.byteLength(text, 'utf8');
    this.room(size);
    this.pos -= size;
    this.buf.write(text, this.pos, size, 'utf8');
    this.varint(size);
  }

  /** Bytes already encoded (a field's tag, length and content), copied in front of what is written. */
  raw(data: Uint8Array): void {
    const n = data.length;
    this.room(n);
    const start = (this.pos -= n);
    if (n > SHORT_STRING) {
      this.buf.set(data, start);
      return;
    }
    for (let i = 0; i < n; i += 1) this.buf[start + i] = data[i];
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.pos -= data.length;
    this.buf.set(data, this.pos);
    this.varint(data.length);
  }

  /** Bytes given as hex text (trace and span ids), decoded straight into the buffer, with their length in front. */
  hexBytes(hex: string): void {
    const n = hex.length >>> 1;
    this.room(n);
    this.pos -= n;
    for (let i = 0; i < n; i += 1) this.buf[this.pos + i] = (hexDigit(hex.charCodeAt(2 * i)) << 4) | hexDigit(hex.charCodeAt(2 * i + 1));
    this.varint(n);
  }
}

/** The value of a hex digit (either case); other characters decode as the OpenTelemetry serializer decodes them. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return code - 55;
}
