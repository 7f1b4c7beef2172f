/**
 * Replays a ClawLoop output directory: experiment.jsonl, evolution.jsonl, the after_iteration dump (episodes.ndjson),
 * the bridge's events.ndjson and the archive (runs, iterations, variants, <run_id>/episodes), merged by iteration
 * while streaming every file once (memory stays bounded by one iteration). Order: run.started, then per iteration its
 * episodes, the iteration, its evolution entries; then run.finished. Each episode is sent once: in full from the
 * bridge or the dump, else as the archive's summary.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sourceLabel } from './source-label.js';
import { SOURCE_VALIDATORS } from '../../generated/validators.gen.js';
import type {
  ArchiveEpisodeRecord,
  ArchiveIterationRecord,
  ArchiveRunRecord,
  ArchiveVariantRecord,
  CallbackLine,
  CanonicalEvent,
  EpisodeEvent,
  EvolutionLine,
  ExperimentLine,
  Playbook,
  RunFinishedEvent,
  RunStartedEvent,
} from '../../generated/types.gen.js';
import { safeName } from '../core/safe-name.js';
import {
  dropUndefined,
  episodeFromArchive,
  episodesFromCallback,
  evolutionFrom,
  iterationFrom,
  runFinishedFromArchive,
  runStartedFromArchive,
  variantPlaybook,
} from './convert.js';
import { BridgeEvents } from './bridge-events.js';
import { Peekable } from './peekable.js';
import type { ProblemHandler } from './problems.js';
import { readRecords, type RecordLine } from './records.js';
import { inKeyOrder } from './reorder.js';
import { runIdFromDirectory, underRunId } from './run-id.js';

/** File names inside an output directory. */
export const OUTPUT_FILES = {
  experiment: 'experiment.jsonl',
  evolution: 'evolution.jsonl',
  callback: 'episodes.ndjson',
  events: 'events.ndjson',
  archive: 'archive',
} as const;

export interface RunLayout {
  dir: string;
  experiment?: string;
  evolution?: string;
  callback?: string;
  /** The bridge's canonical events written beside ClawLoop's files. */
  events?: string;
  archive?: string;
}

export interface RunSourceOptions {
  onProblem: ProblemHandler;
  /** Notices that are not input errors (which run was chosen, what a source lacks). */
  onNotice?: (message: string) => void;
  /** Overrides the run id (else the archive's, else the bridge's, else one derived from the directory). */
  runId?: string;
  /** Emit run.finished even without the archive's run_complete (end of a finished replay). @default true */
  finish?: boolean;
}

/** Finds the ClawLoop files of an output directory (or of an archive directory given directly). */
export function detectRunLayout(dir: string): RunLayout {
  // Present means "has a directory entry": a file of the right name that cannot be read (a directory, a FIFO, a
  // broken link) is reported by its reader instead of being silently ignored.
  const has = (name: string) => {
    try {
      lstatSync(join(dir, name));
      return true;
    } catch {
      return false;
    }
  };
  const isDir = (name: string) => {
    try {
      return statSync(join(dir, name)).isDirectory();
    } catch {
      return false;
    }
  };
  if (has('runs.jsonl') || has('iterations.jsonl')) return { dir, archive: dir };
  const file = (name: string) => (has(name) ? join(dir, name) : undefined);
  return {
    dir,
    experiment: file(OUTPUT_FILES.experiment),
    evolution: file(OUTPUT_FILES.evolution),
    callback: file(OUTPUT_FILES.callback),
    events: file(OUTPUT_FILES.events),
    archive: isDir(OUTPUT_FILES.archive) ? join(dir, OUTPUT_FILES.archive) : undefined,
  };
}

/** Lines of a small per-iteration file held to put out-of-place lines back in iteration order. */
const ORDER_WINDOW = 64;

type RunStart = Extract<ArchiveRunRecord, { record_type: 'run_start' }>;
type RunComplete = Extract<ArchiveRunRecord, { record_type: 'run_complete' }>;

async function readRunRecords(archive: string, onProblem: ProblemHandler): Promise<{ starts: RunStart[]; completes: RunComplete[] }> {
  const starts: RunStart[] = [];
  const completes: RunComplete[] = [];
  const path = join(archive, 'runs.jsonl');
  if (!existsSync(path)) return { starts, completes };
  for await (const { value } of readRecords<ArchiveRunRecord>(path, SOURCE_VALIDATORS.ArchiveRunRecord, onProblem)) {
    if (value.record_type === 'run_start') starts.push(value);
    else completes.push(value);
  }
  return { starts, completes };
}

async function* filterRun<T extends { run_id: string }>(records: AsyncIterable<RecordLine<T>>, runId: string): AsyncGenerator<T> {
  for await (const { value } of records) if (value.run_id === runId) yield value;
}

async function* values<T>(records: AsyncIterable<RecordLine<T>>): AsyncGenerator<T> {
  for await (const { value } of records) yield value;
}

/** Looks variants up by hash while streaming variants.jsonl once (variants appear in the order iterations make them). */
class VariantLookup {
  private readonly recent = new Map<string, Playbook | undefined>();
  constructor(private readonly stream: Peekable<ArchiveVariantRecord>) {}
  async playbook(hash: string | null | undefined): Promise<Playbook | undefined> {
    if (!hash) return undefined;
    while (!this.recent.has(hash)) {
      const next = await this.stream.next();
      if (!next) return undefined;
      this.recent.set(next.variant_hash, variantPlaybook(next));
      if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
    }
    return this.recent.get(hash);
  }
}

/** Full episodes first (bridge, then dump), then the archive's summaries of episodes neither had; each id once. */
export function* uniqueEpisodes(groups: ReadonlyArray<readonly EpisodeEvent[]>): Generator<EpisodeEvent> {
  const seen = new Set<string>();
  for (const group of groups) {
    for (const event of group) {
      if (seen.has(event.episode.id)) continue;
      seen.add(event.episode.id);
      yield event;
    }
  }
}

/**
 * The run of an output directory, sent under `options.runId` when one is given: when it names a run of the archive (or
 * the bridge's run), that run is the one read; otherwise the run found is read and every event of it carries that id.
 */
export async function* readClawLoopRun(layout: RunLayout, options: RunSourceOptions): AsyncGenerator<CanonicalEvent> {
  const found: { runId?: string } = {};
  yield* underRunId(options.runId, found, readRun(layout, options, found));
}

async function* readRun(layout: RunLayout, options: RunSourceOptions, found: { runId?: string }): AsyncGenerator<CanonicalEvent> {
  const { onProblem } = options;
  const notice = options.onNotice ?? (() => {});
  if (!layout.experiment && !layout.callback && !layout.archive && !layout.events) {
    onProblem({
      file: layout.dir,
      line: 0,
      field: '',
      problem: `no ClawLoop output here (looked for ${Object.values(OUTPUT_FILES).join(', ')}, runs.jsonl)`,
    });
    return;
  }
  const runs = layout.archive ? await readRunRecords(layout.archive, onProblem) : { starts: [], completes: [] };
  let start: RunStart | undefined = runs.starts.at(-1);
  if (options.runId) start = runs.starts.find((s) => s.run_id === options.runId) ?? start;
  if (runs.starts.length > 1) notice(`${layout.archive}/runs.jsonl holds ${runs.starts.length} runs; replaying ${start!.run_id}`);
  const bridgeRunId = layout.events ? await BridgeEvents.firstRunId(layout.events) : undefined;
  // The id the run has in the files: the given one when it names the archive's chosen run or the bridge's.
  const named = options.runId !== undefined && (options.runId === start?.run_id || options.runId === bridgeRunId);
  const runId = named ? options.runId! : (start?.run_id ?? bridgeRunId ?? options.runId ?? runIdFromDirectory(layout.dir));
  found.runId = runId;
  const bridge = new BridgeEvents(layout.events, runId, onProblem);

  // Each file in iteration order (a few lines out of place are put back; see reorder.ts), whatever order they were written in.
  const ordered = <T extends { iteration: number }>(
    path: string | undefined,
    validate: Parameters<typeof readRecords<T>>[1],
    window: number,
  ) =>
    path
      ? values(
          inKeyOrder(
            readRecords<T>(path, validate, onProblem),
            (r) => r.value.iteration,
            window,
            (r, released) =>
              notice(
                `${path}:${r.line}: iteration ${r.value.iteration} comes after iteration ${released}, further out of place than ${window} lines; delivered late`,
              ),
          ),
        )
      : undefined;
  const experiment = Peekable.of(ordered<ExperimentLine>(layout.experiment, SOURCE_VALIDATORS.ExperimentLine, ORDER_WINDOW));
  const evolution = Peekable.of(ordered<EvolutionLine>(layout.evolution, SOURCE_VALIDATORS.EvolutionLine, ORDER_WINDOW));
  // Dump lines hold whole iterations of episodes: a smaller window bounds the memory held.
  const callback = Peekable.of(ordered<CallbackLine>(layout.callback, SOURCE_VALIDATORS.CallbackLine, 4));
  const archivePath = (name: string) => (layout.archive && existsSync(join(layout.archive, name)) ? join(layout.archive, name) : undefined);
  const iterationsPath = archivePath('iterations.jsonl');
  const archiveIterations = Peekable.of(
    iterationsPath
      ? filterRun(
          inKeyOrder(
            readRecords<ArchiveIterationRecord>(iterationsPath, SOURCE_VALIDATORS.ArchiveIterationRecord, onProblem),
            (r) => r.value.iteration_num,
            ORDER_WINDOW,
          ),
          runId,
        )
      : undefined,
  );
  // The run id comes from data: it names a directory of the archive only when it is a plain name (no `..`, no `/`).
  const episodesPath = safeName(runId) === runId ? archivePath(join(runId, 'episodes.jsonl')) : undefined;
  const archiveEpisodes = Peekable.of(
    episodesPath ? values(readRecords<ArchiveEpisodeRecord>(episodesPath, SOURCE_VALIDATORS.ArchiveEpisodeRecord, onProblem)) : undefined,
  );
  const variantsPath = archivePath('variants.jsonl');
  const variants = new VariantLookup(
    Peekable.of(
      variantsPath ? values(readRecords<ArchiveVariantRecord>(variantsPath, SOURCE_VALIDATORS.ArchiveVariantRecord, onProblem)) : undefined,
    ),
  );

  if (!layout.callback && !layout.events && episodesPath)
    notice(
      'the archive holds episode summaries (rewards, tokens, latency), not conversations; full episodes come from the bridge (events.ndjson) or the after_iteration dump (episodes.ndjson)',
    );

  const bridgeStart = await bridge.runStarted();
  const base: RunStartedEvent = start
    ? runStartedFromArchive(start, sourceLabel(layout.dir))
    : (bridgeStart ?? {
        type: 'run.started',
        run_id: runId,
        started_at: (await experiment.peek())?.timestamp ?? Date.now() / 1000,
        source: sourceLabel(layout.dir),
      });
  const started = start ? withBridgeStart(base, bridgeStart) : base;
  yield dropUndefined(started);

  let iterations = 0;
  let lastTimestamp = started.started_at;
  /** Iterations already emitted (ClawLoop writes each once; a repeat means a second run in the same directory). */
  const emitted = new Set<number>();
  for (;;) {
    const heads = [
      (await experiment.peek())?.iteration,
      (await callback.peek())?.iteration,
      (await evolution.peek())?.iteration,
      (await archiveIterations.peek())?.iteration_num,
      (await archiveEpisodes.peek())?.iteration_num,
      await bridge.nextIteration(),
    ].filter((i): i is number => i !== undefined);
    if (heads.length === 0) break;
    const i = Math.min(...heads);
    const [exp] = await experiment.takeWhile((x) => x.iteration === i);
    const [cb] = await callback.takeWhile((x) => x.iteration === i);
    const evo = await evolution.takeWhile((x) => x.iteration === i);
    const [arc] = await archiveIterations.takeWhile((x) => x.iteration_num === i);
    const summaries = (await archiveEpisodes.takeWhile((x) => x.iteration_num <= i)).map((record) => episodeFromArchive(runId, record));
    const fromBridge = await bridge.takeIteration(i);

    yield* uniqueEpisodes([fromBridge.episodes, cb ? episodesFromCallback(runId, cb) : [], summaries]);
    const playbook = cb || fromBridge.iteration?.playbook ? undefined : await variants.playbook(arc?.child_variant_hash);
    const repeated = emitted.has(i);
    if (repeated)
      notice(
        `iteration ${i} appears again after later iterations (a second run written into the same output directory?); its episodes and evolution entries are sent, its iteration line is not merged again`,
      );
    const iteration = repeated
      ? undefined
      : iterationFrom({
          runId,
          iteration: i,
          experiment: exp,
          callback: cb,
          archive: arc,
          bridge: fromBridge.iteration,
          variantPlaybook: playbook,
        });
    if (iteration) {
      emitted.add(i);
      yield iteration;
      iterations += 1;
      lastTimestamp = iteration.timestamp;
    } else if (cb && !repeated) {
      notice(
        `iteration ${i}: only the after_iteration dump has it (no experiment.jsonl line, archive record or bridge event to give it a time), so there is no iteration event; its episodes were sent`,
      );
    }
    for (const line of evo) yield evolutionFrom(runId, line);
    yield* fromBridge.evolution.filter(() => evo.length === 0);
  }

  const complete = runs.completes.find((c) => c.run_id === runId);
  const bridgeFinish = await bridge.runFinished();
  if (complete) yield mergeFinished(runFinishedFromArchive(complete, iterations), bridgeFinish);
  else if (bridgeFinish) yield bridgeFinish;
  else if (options.finish ?? true)
    yield { type: 'run.finished', run_id: runId, finished_at: lastTimestamp, status: 'completed', n_iterations_completed: iterations };

  const others = bridge.otherRuns;
  if (others > 0) {
    notice(`${layout.events} also holds ${others} event(s) of other runs than ${runId}; they are replayed as their own runs`);
    yield* bridge.replayOtherRuns();
  }
}

/** The archive's run_start with what only the bridge knows (the user's config and tags), and the other way round. */
export function withBridgeStart(archive: RunStartedEvent, bridge: RunStartedEvent | undefined): RunStartedEvent {
  return bridge ? { ...bridge, ...archive, config: bridge.config, tags: bridge.tags } : archive;
}

/** The archive's run_complete with what only the bridge's finish() knows (a failed run's status and error). */
export function mergeFinished(archive: RunFinishedEvent, bridge: RunFinishedEvent | undefined): RunFinishedEvent {
  if (!bridge) return archive;
  return dropUndefined({ ...bridge, ...archive, status: bridge.status, error: bridge.error });
}
