/**
 * Follows a ClawLoop run while it is written: an events .ndjson (the bridge's output) or an output directory.
 *
 * In a directory (ClawLoop's files, and the bridge's events.ndjson when it writes there), lines of every file are held
 * by iteration and an iteration is sent (its episodes, the iteration, its evolution steps — the order of a replay) once
 * it is done being written, which is decided from what was seen one whole poll earlier, so every line written before
 * that evidence has been read by the time the iteration is sent:
 * - a later iteration appeared in any file (ClawLoop writes iteration i completely before i + 1), or
 * - every per-iteration file that exists (experiment.jsonl, the after_iteration dump, the archive's iterations, the
 *   bridge's events with the iteration's iteration event) has reached it; a file that does not exist is waited for
 *   only `graceMs`, or
 * - the archive says the run completed, or the watch stops: everything held is sent, an unterminated last line
 *   included (src/sources/follow.ts).
 * The archive's episode summaries (under archive/<run id>/) and its variants (for the playbook) are read as they come and
 * merged as a replay merges them: a summary goes out only for an episode neither the bridge nor the dump has.
 * The merge itself (what is held, what a late line still delivers) is src/sources/watch-merge.ts; an iteration whose
 * experiment.jsonl line was refused is sent from what the other files hold, never waited for. The bridge's events of
 * another run go out as they come, as that run's own.
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
  RunFinishedEvent,
  RunStartedEvent,
} from '../../generated/types.gen.js';
import { mergeFinished, OUTPUT_FILES, withBridgeStart } from './clawloop-run.js';
import { runFinishedFromArchive, runStartedFromArchive, variantPlaybook } from './convert.js';
import { safeName } from '../core/safe-name.js';
import { FileFollower } from './follow.js';
import { eventValidatorFor } from './ndjson-events.js';
import type { ProblemHandler } from './problems.js';
import { runIdFromDirectory, underRunId } from './run-id.js';
import { IterationMerge, type DenseFile } from './watch-merge.js';
import { pause } from '../core/pause.js';

export interface WatchOptions {
  onProblem: ProblemHandler;
  onNotice?: (message: string) => void;
  runId?: string;
  pollMs?: number;
  /** How long the newest iteration waits for a per-iteration file that does not exist (no dump written), in ms. @default 2000 */
  graceMs?: number;
  signal: AbortSignal;
}

export async function* watchSource(path: string, options: WatchOptions): AsyncGenerator<CanonicalEvent> {
  const pollMs = options.pollMs ?? 250;
  const notice = options.onNotice ?? (() => {});
  // A path that does not exist yet (the watch started before the run) is followed once it does, as what it is then.
  while (!existsSync(path) && !options.signal.aborted) await pause(pollMs, options.signal);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    const follower = new FileFollower<CanonicalEvent>(path, { choose: eventValidatorFor }, options.onProblem, notice);
    while (!options.signal.aborted) {
      yield* await follower.poll();
      await pause(pollMs, options.signal);
    }
    // The stop: what is left, an unterminated last line included.
    yield* await follower.poll({ final: true });
    return;
  }
  // `runId`: the run being written is sent under it, as in a replay.
  const found: { runId?: string } = {};
  yield* underRunId(options.runId, found, watchDirectory(path, options, pollMs, notice, found));
}

type RunStart = Extract<ArchiveRunRecord, { record_type: 'run_start' }>;
type RunComplete = Extract<ArchiveRunRecord, { record_type: 'run_complete' }>;

async function* watchDirectory(
  dir: string,
  options: WatchOptions,
  pollMs: number,
  notice: (m: string) => void,
  /** Set to the run's id in the files once it is known. */
  found: { runId?: string },
): AsyncGenerator<CanonicalEvent> {
  const graceMs = options.graceMs ?? 2000;
  const follow = <T>(name: string, validate: ConstructorParameters<typeof FileFollower<T>>[1]) =>
    new FileFollower<T>(join(dir, name), validate, options.onProblem, notice);
  const experiment = follow<ExperimentLine>(OUTPUT_FILES.experiment, SOURCE_VALIDATORS.ExperimentLine);
  const evolution = follow<EvolutionLine>(OUTPUT_FILES.evolution, SOURCE_VALIDATORS.EvolutionLine);
  const callback = follow<CallbackLine>(OUTPUT_FILES.callback, SOURCE_VALIDATORS.CallbackLine);
  // The archive is <dir>/archive, or `dir` itself when given as the archive (it holds runs.jsonl once the run started).
  const archiveDir = ['runs.jsonl', 'iterations.jsonl'].some((name) => existsSync(join(dir, name))) ? '' : OUTPUT_FILES.archive;
  const runs = follow<ArchiveRunRecord>(join(archiveDir, 'runs.jsonl'), SOURCE_VALIDATORS.ArchiveRunRecord);
  const archive = follow<ArchiveIterationRecord>(join(archiveDir, 'iterations.jsonl'), SOURCE_VALIDATORS.ArchiveIterationRecord);
  const bridge = follow<CanonicalEvent>(OUTPUT_FILES.events, { choose: eventValidatorFor });
  const variants = follow<ArchiveVariantRecord>(join(archiveDir, 'variants.jsonl'), SOURCE_VALIDATORS.ArchiveVariantRecord);
  /** The archive's episode summaries, under the run's id (followed once the id is known, as a replay reads them). */
  let summaries: FileFollower<ArchiveEpisodeRecord> | undefined;
  /** Playbooks of the newest variants: an iteration is sent a few polls at most after its variant was written. */
  const playbooks = new Map<string, Playbook | undefined>();
  const dense: Record<Exclude<DenseFile, 'events'>, FileFollower<unknown>> = { experiment, callback, archive };

  /** Lines read and not yet given to the merge (archive records and bridge events wait until the run's id is known). */
  const read = {
    experiment: [] as ExperimentLine[],
    evolution: [] as EvolutionLine[],
    archive: [] as ArchiveIterationRecord[],
    callback: [] as CallbackLine[],
    events: [] as CanonicalEvent[],
    summaries: [] as ArchiveEpisodeRecord[],
  };
  let start: RunStart | undefined;
  let complete: RunComplete | undefined;
  let bridgeStart: RunStartedEvent | undefined;
  let bridgeFinish: RunFinishedEvent | undefined;
  let otherRuns = 0;
  /** Whether events.ndjson has events of this run: one holding only another run's is not waited for as this run's. */
  let bridgeOfRun = false;
  let firstTimestamp: number | undefined;
  // The archive's id, else the bridge's, else (when the run starts) the directory's; a given id relabels it (watchSource).
  let runId: string | undefined;
  let merge: IterationMerge | undefined;
  let started = false;
  /** What may be sent, decided at the end of the previous poll: every line written before that evidence has been read since. */
  let due: { upTo: number; complete: boolean } | undefined;

  /**
   * run.started goes out just before the first iteration does (or at the end), when every file has been read up to
   * that iteration: the bridge's run.started, written with its first iteration, is there to merge by then.
   */
  const startRun = (runId: string): RunStartedEvent => {
    started = true;
    const fromArchive = start && runStartedFromArchive(start, sourceLabel(dir));
    if (fromArchive) return withBridgeStart(fromArchive, bridgeStart);
    return (
      bridgeStart ?? {
        type: 'run.started',
        run_id: runId,
        started_at: firstTimestamp ?? Date.now() / 1000,
        source: sourceLabel(dir),
      }
    );
  };

  for (;;) {
    // At the stop, or a poll after the run's end was seen: the writer is done, so the last poll takes unterminated last lines too.
    const final = options.signal.aborted || due?.complete === true;
    const runRecords = await runs.poll({ final });
    read.experiment.push(...(await experiment.poll({ final })));
    read.evolution.push(...(await evolution.poll({ final })));
    read.archive.push(...(await archive.poll({ final })));
    read.callback.push(...(await callback.poll({ final })));
    read.events.push(...(await bridge.poll({ final })));
    for (const variant of await variants.poll({ final })) {
      playbooks.set(variant.variant_hash, variantPlaybook(variant));
      if (playbooks.size > 64) playbooks.delete(playbooks.keys().next().value!);
    }
    for (const record of runRecords) {
      // The newest run_start until the run's id is known, as a replay takes the last; a run_complete of an earlier
      // run in the same directory is not this run's end.
      if (record.record_type === 'run_start' && (runId === undefined || record.run_id === runId)) {
        start = record;
        complete = undefined;
      }
      if (record.record_type === 'run_complete' && record.run_id === (runId ?? start?.run_id)) complete = record;
    }
    firstTimestamp ??= read.experiment[0]?.timestamp ?? read.evolution[0]?.timestamp ?? read.archive[0]?.created_at;
    // The run starts in this poll: at the end, or when an iteration held is due.
    const starting = !started && (final || (due !== undefined && merge !== undefined && merge.holdsUpTo(due.upTo)));
    // The archive writes run_start before anything else of the run: while its directory exists without one, the
    // bridge's first event may be an earlier run's (a directory written again), so it names the run only once the run starts.
    if (!started) runId ??= start?.run_id ?? (starting || !existsSync(join(dir, archiveDir)) ? read.events[0]?.run_id : undefined);
    if (starting) runId ??= runIdFromDirectory(dir);
    found.runId = runId;
    // The run id names a directory of the archive only when it is a plain name (no `..`, no `/`).
    if (!summaries && runId !== undefined && safeName(runId) === runId)
      summaries = follow<ArchiveEpisodeRecord>(join(archiveDir, runId, 'episodes.jsonl'), SOURCE_VALIDATORS.ArchiveEpisodeRecord);
    if (summaries) read.summaries.push(...(await summaries.poll({ final })));
    const anyLine =
      read.experiment.length +
        read.callback.length +
        read.evolution.length +
        read.archive.length +
        read.events.length +
        read.summaries.length >
      0;
    merge ??=
      start || anyLine
        ? new IterationMerge(
            () => runId!,
            notice,
            () => experiment.exists(),
            (hash) => (hash ? playbooks.get(hash) : undefined),
          )
        : undefined;
    if (merge) {
      for (const line of read.experiment.splice(0)) yield* merge.add('experiment', line.iteration, line);
      for (const line of read.callback.splice(0)) yield* merge.add('callback', line.iteration, line);
      for (const line of read.evolution.splice(0)) yield* merge.addEvolution(line);
      for (const record of read.summaries.splice(0)) yield* merge.addSummary(record);
      if (runId !== undefined) {
        for (const record of read.archive.splice(0)) if (record.run_id === runId) yield* merge.add('archive', record.iteration_num, record);
        for (const event of read.events.splice(0)) {
          if (event.run_id !== runId) {
            if (otherRuns++ === 0) notice(`${bridge.path} holds events of another run than ${runId}; they are sent as that run's own`);
            yield event;
            continue;
          }
          bridgeOfRun = true;
          if (event.type === 'run.finished') bridgeFinish = event;
          else if (event.type === 'run.started') {
            if (!started) bridgeStart = event;
            else if (event.config !== undefined || event.tags !== undefined)
              notice("the bridge's run.started came after the run had started; its config and tags were not sent");
          } else yield* merge.addBridge(event);
        }
      }
      const upTo = final ? Number.POSITIVE_INFINITY : due?.upTo;
      if (starting) yield startRun(runId!);
      if (upTo !== undefined && started) yield* merge.release(upTo);
    }
    if (final) {
      if (complete && merge) yield mergeFinished(runFinishedFromArchive(complete, merge.iterations), bridgeFinish);
      else if (bridgeFinish) yield bridgeFinish;
      return;
    }
    due =
      merge &&
      (complete || bridgeFinish
        ? { upTo: Number.POSITIVE_INFINITY, complete: true }
        : { upTo: merge.doneUpTo((file) => (file === 'events' ? bridgeOfRun : dense[file].exists()), graceMs), complete: false });
    await pause(pollMs, options.signal);
  }
}
