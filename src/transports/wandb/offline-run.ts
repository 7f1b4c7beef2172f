/**
 * A genuine W&B offline run directory — wandb/offline-run-<YYYYMMDD_HHMMSS>-<id>/run-<id>.wandb plus files/ — written
 * record by record as the Python client does (run, config, history rows, files, summary, exit, final), so the user
 * uploads it later with the official `wandb sync`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { WandbKeys } from '../../../generated/wandb/mapping.gen.js';
import { pathInside, safeName } from '../../core/safe-name.js';
import { ensureDir } from '../../core/safe-write.js';
import { LevelDbLogWriter } from './leveldb-log.js';
import * as pb from './proto.js';

export interface OfflineRunOptions {
  /** Parent of the `wandb/` folder. */
  dir: string;
  runId: string;
  project: string;
  entity?: string;
  group?: string;
  displayName?: string;
  tags?: readonly string[];
  startedAt: number;
}

function stamp(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}_${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Values of a history row, by the names the spec's history target declares. */
export type HistoryValues = Partial<Record<WandbKeys['history'], unknown>>;

export interface TableValue {
  columns: readonly string[];
  data: ReadonlyArray<readonly unknown[]>;
}

export class OfflineRun {
  readonly path: string;
  readonly runDir: string;
  private readonly writer: LevelDbLogWriter;
  private num = 0;
  private readonly summary = new Map<string, unknown>();
  private finished = false;
  /** The folder of each table key, made (see table()). */
  private readonly tableDirs = new Map<string, string>();

  constructor(private readonly options: OfflineRunOptions) {
    // The run id comes from data: every name below goes through safeName, so nothing lands outside $WANDB_DIR/wandb.
    this.runDir = pathInside(join(options.dir, 'wandb'), `offline-run-${stamp(options.startedAt)}-${safeName(options.runId)}`);
    ensureDir(join(this.runDir, 'files'));
    this.path = pathInside(this.runDir, `run-${safeName(options.runId)}.wandb`);
    this.writer = new LevelDbLogWriter(this.path);
    this.append('header', Buffer.alloc(0));
    this.append(
      'run',
      pb.run({
        runId: options.runId,
        entity: options.entity,
        project: options.project,
        group: options.group,
        displayName: options.displayName,
        tags: options.tags,
        host: hostname(),
        startTimeSeconds: options.startedAt,
      }),
    );
  }

  private append(kind: keyof typeof pb.RECORD, payload: Buffer): void {
    this.num += 1;
    this.writer.append(pb.record(this.num, kind, payload));
  }

  config(values: Record<string, unknown>): void {
    const entries = Object.entries(values);
    if (entries.length > 0) this.append('config', pb.updates(entries));
  }

  /** One history row at `step` (W&B's _step), with _runtime and _timestamp as the Python client adds them. */
  history(step: number, timestamp: number, values: Record<string, unknown>): void {
    const system = {
      _step: step,
      _runtime: Math.max(0, timestamp - this.options.startedAt),
      _timestamp: timestamp,
    } satisfies HistoryValues;
    const row: Array<readonly [string, unknown]> = [...Object.entries(values), ...Object.entries(system)];
    this.append('history', pb.history(step, row));
    for (const [k, v] of Object.entries(values)) this.summary.set(k, v);
  }

  /** Writes a W&B Table as a media file and returns the history value that references it. */
  table(key: string, step: number, table: TableValue): Record<string, unknown> {
    const content = JSON.stringify({ columns: table.columns, data: table.data });
    const sha256 = createHash('sha256').update(content).digest('hex');
    const segments = key.split('/').map(safeName);
    const path = `media/table/${segments.join('/')}_${step}_${sha256.slice(0, 20)}.table.json`;
    // Resolved and made once per key and run, not per table: each ensureDir is a mkdir and a stat per path segment
    // (and an error object for each that exists), a few percent of a replay's CPU at one table per iteration. Made
    // again if it went away.
    let dir = this.tableDirs.get(key);
    if (dir === undefined) {
      dir = pathInside(join(this.runDir, 'files', 'media', 'table'), ...segments.slice(0, -1));
      ensureDir(dir);
      this.tableDirs.set(key, dir);
    }
    const file = pathInside(dir, `${segments.at(-1)}_${step}_${sha256.slice(0, 20)}.table.json`);
    try {
      writeFileSync(file, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      ensureDir(dir);
      writeFileSync(file, content);
    }
    this.append('files', pb.files([path]));
    return { _type: 'table-file', sha256, size: Buffer.byteLength(content), path, ncols: table.columns.length, nrows: table.data.length };
  }

  /** Run summary: the last value of every logged key plus `extra`, then exit and final records. */
  finish(exitCode: number, endedAt: number, extra: Record<string, unknown> = {}): void {
    if (this.finished) return;
    this.finished = true;
    for (const [k, v] of Object.entries(extra)) this.summary.set(k, v);
    this.append('summary', pb.updates([...this.summary]));
    this.append('exit', pb.exit(exitCode, endedAt - this.options.startedAt));
    this.append('final', Buffer.alloc(0));
    this.writer.close();
  }

  /** Ends the file without an exit record: `wandb sync` uploads it as an incomplete run. */
  abandon(): void {
    if (this.finished) return;
    this.finished = true;
    this.append('summary', pb.updates([...this.summary]));
    this.writer.close();
  }
}
