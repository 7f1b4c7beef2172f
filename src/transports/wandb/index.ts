/**
 * clawloop-sinks/wandb: ClawLoop's W&B metrics (the names of ClawLoop's own WandbSink) at step = iteration, run
 * config, an episodes table per iteration and summary values, written as a genuine W&B offline run that
 * `wandb sync` uploads. Configured by WANDB_PROJECT, WANDB_ENTITY, WANDB_DIR, WANDB_RUN_ID, WANDB_RUN_GROUP,
 * WANDB_TAGS, WANDB_MODE.
 */
import { createWandbAdapter, type WandbMapped, type WandbTransport } from '../../../generated/wandb/adapter.gen.js';
import { isAbsolute, relative } from 'node:path';
import { WANDB_KEYS, type WandbFields, type WandbKeys } from '../../../generated/wandb/mapping.gen.js';
import { safeName } from '../../core/safe-name.js';
import type { Sink } from '../../core/sink.js';
import { OfflineRun, type OfflineRunOptions, type TableValue } from './offline-run.js';
import { OnlineRun, resolveOnline } from './online-run.js';

export { OfflineRun } from './offline-run.js';
export { OnlineRun } from './online-run.js';

/** What a W&B run destination does: an offline file (OfflineRun) or the W&B API (OnlineRun). */
export interface RunWriter {
  config(values: Record<string, unknown>): Promise<void> | void;
  history(step: number, timestamp: number, values: Record<string, unknown>): Promise<void> | void;
  table(key: string, step: number, table: TableValue): Promise<Record<string, unknown>> | Record<string, unknown>;
  finish(exitCode: number, endedAt: number, extra?: Record<string, unknown>): Promise<void> | void;
  abandon(): Promise<void> | void;
}

export interface WandbSinkOptions {
  /** Sink name in counters and warnings. @default 'wandb' */
  name?: string;
  /** @default $WANDB_PROJECT, else "clawloop" */
  project?: string;
  /** @default $WANDB_ENTITY */
  entity?: string;
  /** Parent of the wandb/ folder. @default $WANDB_DIR, else the working directory */
  dir?: string;
  /** W&B run id. @default $WANDB_RUN_ID, else the ClawLoop run id (a re-sent run resumes, as WandbSink(run_id=…)) */
  runId?: string;
  /** @default $WANDB_RUN_GROUP */
  group?: string;
  /** Extra run tags. @default $WANDB_TAGS (comma-separated) */
  tags?: string[];
  /** online (needs an API key) or offline. @default $WANDB_MODE, else online when $WANDB_API_KEY is set, else offline */
  mode?: 'online' | 'offline';
  /** An episodes table per iteration (one media file each, offline; one upload each, online). @default true */
  tables?: boolean;
  /** @default $WANDB_API_KEY */
  apiKey?: string;
  /** @default $WANDB_BASE_URL, else https://api.wandb.ai */
  baseUrl?: string;
  env?: NodeJS.ProcessEnv;
}

/** Columns of the episodes table: the spec's table.episodes keys, in ClawLoop WandbSink's order (plus the iteration). */
export const EPISODE_COLUMNS = WANDB_KEYS['table.episodes'];

interface RunState {
  run: RunWriter;
  startedAt: number;
  step?: number;
  /** The history row being filled: mapped values, and the episodes table's file reference. */
  row: Partial<Record<WandbKeys['history'], unknown>>;
  rowTimestamp: number;
  episodes: Map<number, Map<string, WandbFields<'table.episodes'>>>;
}

export class WandbTransportImpl implements WandbTransport {
  readonly runs = new Map<string, RunState>();
  /** Offline run directories written so far (for the closing note). */
  readonly offlineDirs = new Set<string>();
  private readonly settings: Required<Pick<WandbSinkOptions, 'project' | 'dir'>> & WandbSinkOptions;
  /** Offline runs are files: no request reads the hub's call signal (src/core/adapter-sink.ts). A given writer may. */
  readonly usesCallSignal: boolean;
  private readonly createRun: (options: OfflineRunOptions) => RunWriter;

  constructor(options: WandbSinkOptions = {}, createRun?: (options: OfflineRunOptions) => RunWriter) {
    this.createRun = createRun ?? ((o) => new OfflineRun(o));
    this.usesCallSignal = createRun !== undefined;
    const env = options.env ?? process.env;
    this.settings = {
      ...options,
      project: options.project ?? (env.WANDB_PROJECT || 'clawloop'),
      entity: options.entity ?? (env.WANDB_ENTITY || undefined),
      dir: options.dir ?? (env.WANDB_DIR || process.cwd()),
      runId: options.runId ?? (env.WANDB_RUN_ID || undefined),
      group: options.group ?? (env.WANDB_RUN_GROUP || undefined),
      tags:
        options.tags ??
        (env.WANDB_TAGS
          ? env.WANDB_TAGS.split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          : undefined),
    };
  }

  private async open(
    runId: string,
    startedAt: number,
    extra: { tags?: readonly string[]; config?: WandbFields<'config'> } = {},
  ): Promise<RunState> {
    let state = this.runs.get(runId);
    if (!state) {
      // W&B run ids name files and URL paths: made safe (a hostile ClawLoop run id cannot reach outside WANDB_DIR).
      const wandbRunId = safeName(this.settings.runId ?? runId);
      const run = this.createRun({
        dir: this.settings.dir,
        runId: wandbRunId,
        project: this.settings.project,
        entity: this.settings.entity,
        group: this.settings.group,
        displayName: `clawloop-${runId.slice(0, 8)}`,
        tags: [...(this.settings.tags ?? []), ...(extra.tags ?? [])],
        startedAt,
      });
      if (run instanceof OfflineRun) this.offlineDirs.add(run.runDir);
      state = { run, startedAt, row: {}, rowTimestamp: startedAt, episodes: new Map() };
      this.runs.set(runId, state);
    }
    if (extra.config) await state.run.config(extra.config);
    return state;
  }

  /** Commits the pending row when a later step begins (W&B steps only grow). */
  private async stepTo(state: RunState, step: number, timestamp: number): Promise<void> {
    if (state.step !== undefined && step !== state.step) await this.commit(state);
    state.step = step;
    state.rowTimestamp = Math.max(state.rowTimestamp, timestamp);
  }

  private async commit(state: RunState): Promise<void> {
    if (state.step === undefined || Object.keys(state.row).length === 0) return;
    await state.run.history(state.step, state.rowTimestamp, state.row);
    state.row = {};
  }

  async send(batch: readonly WandbMapped[]): Promise<void> {
    for (const m of batch) {
      switch (m.type) {
        case 'run.started': {
          const tags = m.run.tags;
          await this.open(m.event.run_id, m.event.started_at, {
            tags: Array.isArray(tags) ? (tags as string[]) : undefined,
            config: m.config,
          });
          break;
        }
        case 'episode': {
          // An open run is taken as is: an await per episode was a promise and a turn of the microtask queue each.
          const state = this.runs.get(m.event.run_id) ?? (await this.open(m.event.run_id, m.event.episode.created_at ?? Date.now() / 1000));
          if (this.settings.tables === false) break;
          const rows = state.episodes.get(m.event.iteration) ?? new Map<string, WandbFields<'table.episodes'>>();
          rows.set(m.event.episode.id, m['table.episodes']);
          state.episodes.set(m.event.iteration, rows);
          break;
        }
        case 'iteration': {
          const state = await this.open(m.event.run_id, m.event.timestamp);
          await this.stepTo(state, m.event.iteration, m.event.timestamp);
          Object.assign(state.row, m.history);
          const rows = state.episodes.get(m.event.iteration);
          if (rows) {
            state.row['episodes/table'] = await state.run.table('episodes/table', m.event.iteration, {
              columns: EPISODE_COLUMNS,
              data: [...rows.values()].map((r) => EPISODE_COLUMNS.map((c) => r[c] ?? null)),
            });
            state.episodes.delete(m.event.iteration);
          }
          break;
        }
        case 'evolution': {
          const state = await this.open(m.event.run_id, m.event.timestamp);
          await this.stepTo(state, m.event.iteration, m.event.timestamp);
          Object.assign(state.row, m.history);
          break;
        }
        case 'run.finished': {
          const state = await this.open(m.event.run_id, m.event.finished_at);
          await this.commit(state);
          await state.run.finish(m.event.status === 'failed' ? 1 : 0, m.event.finished_at, m.summary);
          this.runs.delete(m.event.run_id);
          break;
        }
      }
    }
  }

  /** Writes pending rows; a run that never finished ends without an exit record (uploaded as incomplete). */
  async close(): Promise<void> {
    for (const state of this.runs.values()) {
      await this.commit(state);
      await state.run.abandon();
    }
    this.runs.clear();
  }
}

/** A path as the user would type it: relative when under the working directory, else absolute. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Where each offline run is and the official command that uploads it. */
export function offlineRunNotes(dirs: Iterable<string>): string[] {
  return [...dirs].flatMap((dir) => [
    `wandb: offline run written to ${displayPath(dir)}`,
    `wandb: upload it with: wandb sync ${displayPath(dir)}`,
  ]);
}

/** Offline by default (no API key): a run directory for `wandb sync`. With WANDB_API_KEY (and mode online): the W&B API. */
export function createWandbSink(options: WandbSinkOptions = {}): Sink & { readonly transport: WandbTransportImpl } {
  const online = resolveOnline(options);
  const transport = new WandbTransportImpl(options, online ? (o) => new OnlineRun(online, o) : undefined);
  return Object.assign(createWandbAdapter(transport, { name: options.name ?? 'wandb' }), {
    transport,
    closingNotes: () => offlineRunNotes(transport.offlineDirs),
  });
}
