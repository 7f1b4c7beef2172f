/**
 * W&B's run file framing (the `.wandb` "datastore"): LevelDB's log format with W&B's 7-byte file header and
 * IEEE CRC-32 (not LevelDB's CRC-32C). Facts from wandb's datastore (Python) and wandb-core's store (Go):
 * header ":W&B" + uint16 LE 0xBEE1 + uint8 version 0, counted in the first 32 KiB block; each record is
 * crc32(type byte + data) uint32 LE, length uint16 LE, type uint8 (FULL 1, FIRST 2, MIDDLE 3, LAST 4), then data;
 * a block with fewer than 7 bytes left is zero-padded.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const BLOCK_SIZE = 32 * 1024;
const HEADER_SIZE = 7;
export const FILE_HEADER = Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00]);

const enum RecordType {
  Full = 1,
  First = 2,
  Middle = 3,
  Last = 4,
}

function frame(type: RecordType, data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  header.writeUInt32LE(crc32(data, crc32(Buffer.from([type]))) >>> 0, 0);
  header.writeUInt16LE(data.length, 4);
  header.writeUInt8(type, 6);
  return Buffer.concat([header, data]);
}

/** Frames payloads into blocks; `bytes()` is what a file with these records holds. */
export function encodeLog(payloads: readonly Buffer[], startOffset = FILE_HEADER.length): Buffer[] {
  const out: Buffer[] = [];
  let offset = startOffset;
  for (const payload of payloads) {
    let rest = payload;
    let first = true;
    for (;;) {
      let left = BLOCK_SIZE - (offset % BLOCK_SIZE);
      if (left < HEADER_SIZE) {
        out.push(Buffer.alloc(left));
        offset += left;
        left = BLOCK_SIZE;
      }
      const room = left - HEADER_SIZE;
      if (rest.length <= room) {
        const record = frame(first ? RecordType.Full : RecordType.Last, rest);
        out.push(record);
        offset += record.length;
        break;
      }
      const record = frame(first ? RecordType.First : RecordType.Middle, rest.subarray(0, room));
      out.push(record);
      offset += record.length;
      rest = rest.subarray(room);
      first = false;
    }
  }
  return out;
}

/** Appends framed records to a `.wandb` file, writing the file header first. */
export class LevelDbLogWriter {
  private readonly fd: number;
  private offset = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    this.write([FILE_HEADER]);
  }

  private write(chunks: Buffer[]): void {
    for (const chunk of chunks) {
      writeSync(this.fd, chunk);
      this.offset += chunk.length;
    }
  }

  append(payload: Buffer): void {
    this.write(encodeLog([payload], this.offset));
  }

  close(): void {
    closeSync(this.fd);
  }
}
