/**
 * Replays a ClawLoop output directory: experiment.jsonl, evolution.jsonl, the after_iteration dump (episodes.ndjson)
 * and the archive (runs, iterations, variants, <run_id>/episodes), merged by iteration while streaming every file
 * once (memory stays bounded by one iteration). Order: run.started, then per iteration its episodes, the iteration,
 * its evolution entry; then run.finished.
 */
import { existsSync, statSync } from 'node:fs';
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
  EvolutionLine,
  ExperimentLine,
  Playbook,
  RunStartedEvent,
} from '../../generated/types.gen.js';
import { safeName } from '../core/safe-name.js';
import { episodesFromCallback, evolutionFrom, iterationFrom, runFinishedFromArchive, runStartedFromArchive } from './convert.js';
import { Peekable } from './peekable.js';
import type { ProblemHandler } from './problems.js';
import { readRecords, type RecordLine } from './records.js';
import { runIdFromDirectory } from './run-id.js';

/** File names inside an output directory. */
export const OUTPUT_FILES = {
  experiment: 'experiment.jsonl',
  evolution: 'evolution.jsonl',
  callback: 'episodes.ndjson',
  archive: 'archive',
} as const;

export interface RunLayout {
  dir: string;
  experiment?: string;
  evolution?: string;
  callback?: string;
  archive?: string;
}

export interface RunSourceOptions {
  onProblem: ProblemHandler;
  /** Notices that are not input errors (which run was chosen, what a source lacks). */
  onNotice?: (message: string) => void;
  /** Overrides the run id (else the archive's, else one derived from the directory). */
  runId?: string;
  /** Emit run.finished even without the archive's run_complete (end of a finished replay). @default true */
  finish?: boolean;
}

/** Finds the ClawLoop files of an output directory (or of an archive directory given directly). */
export function detectRunLayout(dir: string): RunLayout {
  const has = (name: string) => existsSync(join(dir, name));
  if (has('runs.jsonl') || has('iterations.jsonl')) return { dir, archive: dir };
  return {
    dir,
    experiment: has(OUTPUT_FILES.experiment) ? join(dir, OUTPUT_FILES.experiment) : undefined,
    evolution: has(OUTPUT_FILES.evolution) ? join(dir, OUTPUT_FILES.evolution) : undefined,
    callback: has(OUTPUT_FILES.callback) ? join(dir, OUTPUT_FILES.callback) : undefined,
    archive: has(OUTPUT_FILES.archive) && statSync(join(dir, OUTPUT_FILES.archive)).isDirectory() ? join(dir, OUTPUT_FILES.archive) : undefined,
  };
}

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
  private readonly recent = new Map<string, Playbook>();
  constructor(private readonly stream: Peekable<ArchiveVariantRecord>) {}
  async playbook(hash: string | null | undefined): Promise<Playbook | undefined> {
    if (!hash) return undefined;
    while (!this.recent.has(hash)) {
      const next = await this.stream.next();
      if (!next) return undefined;
      this.recent.set(next.variant_hash, next.playbook_snapshot);
      if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
    }
    return this.recent.get(hash);
  }
}

export async function* readClawLoopRun(layout: RunLayout, options: RunSourceOptions): AsyncGenerator<CanonicalEvent> {
  const { onProblem } = options;
  const notice = options.onNotice ?? (() => {});
  const runs = layout.archive ? await readRunRecords(layout.archive, onProblem) : { starts: [], completes: [] };
  let start: RunStart | undefined = runs.starts.at(-1);
  if (options.runId) start = runs.starts.find((s) => s.run_id === options.runId) ?? start;
  if (runs.starts.length > 1) notice(`${layout.archive}/runs.jsonl holds ${runs.starts.length} runs; replaying ${start!.run_id}`);
  const runId = options.runId ?? start?.run_id ?? runIdFromDirectory(layout.dir);

  const experiment = Peekable.of(layout.experiment ? values(readRecords<ExperimentLine>(layout.experiment, SOURCE_VALIDATORS.ExperimentLine, onProblem)) : undefined);
  const evolution = Peekable.of(layout.evolution ? values(readRecords<EvolutionLine>(layout.evolution, SOURCE_VALIDATORS.EvolutionLine, onProblem)) : undefined);
  const callback = Peekable.of(layout.callback ? values(readRecords<CallbackLine>(layout.callback, SOURCE_VALIDATORS.CallbackLine, onProblem)) : undefined);
  const archivePath = (name: string) => (layout.archive && existsSync(join(layout.archive, name)) ? join(layout.archive, name) : undefined);
  const iterationsPath = archivePath('iterations.jsonl');
  const archiveIterations = Peekable.of(iterationsPath ? filterRun(readRecords<ArchiveIterationRecord>(iterationsPath, SOURCE_VALIDATORS.ArchiveIterationRecord, onProblem), runId) : undefined);
  // The run id comes from data: it names a directory of the archive only when it is a plain name (no `..`, no `/`).
  const episodesPath = safeName(runId) === runId ? archivePath(join(runId, 'episodes.jsonl')) : undefined;
  const archiveEpisodes = Peekable.of(episodesPath ? values(readRecords<ArchiveEpisodeRecord>(episodesPath, SOURCE_VALIDATORS.ArchiveEpisodeRecord, onProblem)) : undefined);
  const variantsPath = archivePath('variants.jsonl');
  const variants = new VariantLookup(Peekable.of(variantsPath ? values(readRecords<ArchiveVariantRecord>(variantsPath, SOURCE_VALIDATORS.ArchiveVariantRecord, onProblem)) : undefined));

  if (!layout.experiment && !layout.callback && !layout.archive) {
    onProblem({ file: layout.dir, line: 0, field: '', problem: `no ClawLoop output here (looked for ${Object.values(OUTPUT_FILES).join(', ')}, runs.jsonl)` });
    return;
  }
  if (!layout.callback && episodesPath) notice('full episodes (messages, tool calls) need the after_iteration dump (episodes.ndjson, written by examples/observability/clawloop_bridge.py); the archive holds episode summaries only');

  const started: RunStartedEvent = start
    ? runStartedFromArchive(start, sourceLabel(layout.dir))
    : { type: 'run.started', run_id: runId, started_at: (await experiment.peek())?.timestamp ?? Date.now() / 1000, source: sourceLabel(layout.dir) };
  yield started;

  let iterations = 0;
  let lastTimestamp = started.started_at;
  for (;;) {
    const heads = [
      (await experiment.peek())?.iteration,
      (await callback.peek())?.iteration,
      (await evolution.peek())?.iteration,
      (await archiveIterations.peek())?.iteration_num,
    ].filter((i): i is number => i !== undefined);
    if (heads.length === 0) break;
    const i = Math.min(...heads);
    const [exp] = await experiment.takeWhile((x) => x.iteration === i);
    const [cb] = await callback.takeWhile((x) => x.iteration === i);
    const evo = await evolution.takeWhile((x) => x.iteration === i);
    const [arc] = await archiveIterations.takeWhile((x) => x.iteration_num === i);
    // Archive episode records are validated (bad lines reported) but carry no messages; full episodes come from the dump.
    await archiveEpisodes.takeWhile((x) => x.iteration_num <= i);

    if (cb) yield* episodesFromCallback(runId, cb);
    if (exp) {
      const variantPlaybook = cb ? undefined : await variants.playbook(arc?.child_variant_hash);
      yield iterationFrom(runId, { experiment: exp, callback: cb, archive: arc, variantPlaybook });
      iterations += 1;
      lastTimestamp = exp.timestamp;
    } else if (cb || arc) {
      notice(`iteration ${i}: no experiment.jsonl line, so no iteration event (episodes${evo.length ? ' and evolution' : ''} are still sent)`);
    }
    for (const line of evo) yield evolutionFrom(runId, line);
  }
  await archiveEpisodes.takeWhile(() => true);

  const complete = runs.completes.find((c) => c.run_id === runId);
  if (complete) yield runFinishedFromArchive(complete, iterations);
  else if (options.finish ?? true) yield { type: 'run.finished', run_id: runId, finished_at: lastTimestamp, status: 'completed', n_iterations_completed: iterations };
}

