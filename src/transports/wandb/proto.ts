/**
 * The few W&B protobuf messages an offline run needs, encoded by hand (field numbers of wandb_internal.proto; a test
 * checks them against the official package's descriptors). Proto3: default values are omitted.
 */
import { LENGTH_DELIMITED, ReverseWriter, VARINT } from '../../otlp/protobuf-writer.js';

function varint(value: number | bigint): Buffer {
  // Tags, lengths, steps and record numbers: small non-negative integers, encoded without BigInt (which made the
  // history rows of a replay cost several times their JSON).
  if (typeof value === 'number' && value >= 0 && value <= 0xffffffff && Number.isInteger(value)) return smallVarint(value);
  let v = BigInt(value);
  if (v < 0n) v &= (1n << 64n) - 1n;
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return Buffer.from(bytes);
}

function smallVarint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const tag = (field: number, wire: 0 | 2) => varint((field << 3) | wire);

/** A length-delimited field (string, bytes or embedded message). */
export function bytesField(field: number, value: Buffer | string): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([tag(field, 2), varint(data.length), data]);
}

export function varintField(field: number, value: number | bigint | boolean): Buffer {
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return v === 0 || v === 0n ? Buffer.alloc(0) : Buffer.concat([tag(field, 0), varint(v)]);
}

const str = (field: number, value: string | undefined) => (value ? bytesField(field, value) : Buffer.alloc(0));

/** Record.record_type fields. */
export const RECORD = { history: 2, summary: 3, config: 5, files: 6, run: 17, exit: 18, final: 20, header: 21, footer: 22 } as const;

export function record(num: number, kind: keyof typeof RECORD, payload: Buffer): Buffer {
  return Buffer.concat([varintField(1, num), bytesField(RECORD[kind], payload)]);
}

/** ConfigItem / SummaryItem / HistoryItem: key = 1, value_json = 16. */
export function item(key: string, valueJson: string): Buffer {
  return Buffer.concat([bytesField(1, key), bytesField(16, valueJson)]);
}

/** ConfigRecord / SummaryRecord: repeated update = 1. */
export function updates(items: ReadonlyArray<readonly [string, unknown]>): Buffer {
  return Buffer.concat(items.map(([k, v]) => bytesField(1, item(k, JSON.stringify(v)))));
}

/**
 * HistoryRecord: repeated item = 1, step = 2 (HistoryStep.num = 1). Written backwards into one buffer: a row has dozens
 * of items, and a Buffer per tag, length, key and value, concatenated level by level, was most of a W&B replay's
 * writing (the same bytes: test/wandb/proto-history.test.ts).
 */
export function history(step: number, items: ReadonlyArray<readonly [string, unknown]>): Buffer {
  const w = new ReverseWriter(4096);
  const stepAt = w.written;
  if (step !== 0) {
    w.varint(step);
    w.tag(1, VARINT);
  }
  w.endMessage(stepAt, 2);
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const [key, value] = items[i];
    const itemAt = w.written;
    w.string(JSON.stringify(value));
    w.tag(16, LENGTH_DELIMITED);
    w.string(key);
    w.tag(1, LENGTH_DELIMITED);
    w.endMessage(itemAt, 1);
  }
  const bytes = w.finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface RunFields {
  runId: string;
  entity?: string;
  project?: string;
  config?: Buffer;
  group?: string;
  displayName?: string;
  tags?: readonly string[];
  host?: string;
  startTimeSeconds: number;
}

/** RunRecord: run_id 1, entity 2, project 3, config 4, run_group 6, display_name 8, tags 10, host 13, start_time 17. */
export function run(fields: RunFields): Buffer {
  const seconds = Math.floor(fields.startTimeSeconds);
  const nanos = Math.round((fields.startTimeSeconds - seconds) * 1e9);
  return Buffer.concat([
    str(1, fields.runId),
    str(2, fields.entity),
    str(3, fields.project),
    fields.config ? bytesField(4, fields.config) : Buffer.alloc(0),
    str(6, fields.group),
    str(8, fields.displayName),
    ...(fields.tags ?? []).map((t) => bytesField(10, t)),
    str(13, fields.host),
    bytesField(17, Buffer.concat([varintField(1, seconds), varintField(2, nanos)])),
  ]);
}

/** RunExitRecord: exit_code 1, runtime 2. */
export function exit(code: number, runtimeSeconds: number): Buffer {
  return Buffer.concat([varintField(1, code), varintField(2, Math.max(0, Math.round(runtimeSeconds)))]);
}

/** FilesRecord: repeated FilesItem files = 1 (path 1, policy 2: NOW 0, END 1, LIVE 2). */
export function files(paths: readonly string[], policy: 0 | 1 | 2 = 0): Buffer {
  return Buffer.concat(paths.map((p) => bytesField(1, Buffer.concat([bytesField(1, p), varintField(2, policy)]))));
}
