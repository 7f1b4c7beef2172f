/**
 * Follows a ClawLoop run while it is written: an events .ndjson (the bridge's output) or an output directory.
 *
 * In a directory, lines of every file are held by iteration and an iteration is sent (its episodes, the iteration,
 * its evolution steps — the order of a replay) once it is done being written, which is decided from what was seen one
 * whole poll earlier, so every line written before that evidence has been read by the time the iteration is sent:
 * - a later iteration appeared in any file (ClawLoop writes iteration i completely before i + 1), or
 * - every per-iteration file that exists (experiment.jsonl, the after_iteration dump, the archive's iterations) has
 *   reached it; a file that does not exist is waited for only `graceMs`, or
 * - the archive says the run completed, or the watch stops: everything held is sent, an unterminated last line
 *   included (src/sources/follow.ts).
 * A line that arrives for an iteration already sent is still delivered where it can be (an evolution step, episodes,
 * an iteration not sent yet), and said in a notice where it cannot; an iteration whose experiment.jsonl line was
 * refused is sent from what the other files hold, never waited for.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sourceLabel } from './source-label.js';
import { SOURCE_VALIDATORS } from '../../generated/validators.gen.js';
import type {
  ArchiveIterationRecord,
  ArchiveRunRecord,
  CallbackLine,
  CanonicalEvent,
  EvolutionLine,
  ExperimentLine,
} from '../../generated/types.gen.js';
import { OUTPUT_FILES } from './clawloop-run.js';
import { episodesFromCallback, evolutionFrom, iterationFrom, runFinishedFromArchive, runStartedFromArchive } from './convert.js';
import { FileFollower } from './follow.js';
import { eventValidatorFor } from './ndjson-events.js';
import type { ProblemHandler } from './problems.js';
import { runIdFromDirectory } from './run-id.js';
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
  yield* watchDirectory(path, options, pollMs, notice);
}

type RunStart = Extract<ArchiveRunRecord, { record_type: 'run_start' }>;
type RunComplete = Extract<ArchiveRunRecord, { record_type: 'run_complete' }>;

/** What the files hold of an iteration not sent yet. */
interface Held {
  experiment?: ExperimentLine;
  callback?: CallbackLine;
  archive?: ArchiveIterationRecord;
  evolution: EvolutionLine[];
  firstSeen: number;
}

async function* watchDirectory(
  dir: string,
  options: WatchOptions,
  pollMs: number,
  notice: (m: string) => void,
): AsyncGenerator<CanonicalEvent> {
  const graceMs = options.graceMs ?? 2000;
  const follow = <T>(name: string, validate: ConstructorParameters<typeof FileFollower<T>>[1]) =>
    new FileFollower<T>(join(dir, name), validate, options.onProblem, notice);
  const experiment = follow<ExperimentLine>(OUTPUT_FILES.experiment, SOURCE_VALIDATORS.ExperimentLine);
  const evolution = follow<EvolutionLine>(OUTPUT_FILES.evolution, SOURCE_VALIDATORS.EvolutionLine);
  const callback = follow<CallbackLine>(OUTPUT_FILES.callback, SOURCE_VALIDATORS.CallbackLine);
  const runs = follow<ArchiveRunRecord>(join(OUTPUT_FILES.archive, 'runs.jsonl'), SOURCE_VALIDATORS.ArchiveRunRecord);
  const archive = follow<ArchiveIterationRecord>(join(OUTPUT_FILES.archive, 'iterations.jsonl'), SOURCE_VALIDATORS.ArchiveIterationRecord);
  /** The files ClawLoop writes a line to in every iteration, and the highest iteration each has reached. */
  const reached = { experiment: -1, callback: -1, archive: -1 };
  const denseFiles = { experiment, callback, archive };

  const held = new Map<number, Held>();
  /** Iterations sent, and whether an iteration event went out for each. */
  const sent = new Map<number, boolean>();
  const hold = (i: number): Held => {
    let h = held.get(i);
    if (!h) held.set(i, (h = { evolution: [], firstSeen: Date.now() }));
    return h;
  };
  let newest = -1;
  let runId = options.runId;
  let start: RunStart | undefined;
  let complete: RunComplete | undefined;
  let started = false;
  let iterations = 0;
  /** What may be sent, decided at the end of the previous poll. */
  let due: { upTo: number; complete: boolean } | undefined;

  function* release(upTo: number): Generator<CanonicalEvent> {
    for (const i of [...held.keys()].sort((a, b) => a - b)) {
      if (i > upTo) break;
      const h = held.get(i)!;
      held.delete(i);
      if (h.callback) yield* episodesFromCallback(runId!, h.callback);
      const iteration = iterationFrom({ runId: runId!, iteration: i, experiment: h.experiment, callback: h.callback, archive: h.archive });
      if (!h.experiment && experiment.exists())
        notice(
          `iteration ${i}: its experiment.jsonl line did not arrive (a refused line is listed with the input errors); ${iteration ? 'the iteration was sent from the archive record' : 'no other file gives it a time, so no iteration event was sent'}${h.callback ? '; its episodes were sent' : ''}`,
        );
      if (iteration) {
        yield iteration;
        iterations += 1;
      }
      sent.set(i, iteration !== undefined);
      for (const line of h.evolution) yield evolutionFrom(runId!, line);
    }
  }

  /** A line for an iteration already sent: delivered where it still can be, else said. */
  function* late(i: number, line: { experiment?: ExperimentLine; callback?: CallbackLine; archive?: ArchiveIterationRecord }) {
    const iterationSent = sent.get(i);
    if (line.callback) yield* episodesFromCallback(runId!, line.callback);
    if (!iterationSent) {
      const iteration = iterationFrom({ runId: runId!, iteration: i, ...line });
      if (iteration) {
        sent.set(i, true);
        iterations += 1;
        yield iteration;
      }
      return;
    }
    const what = line.experiment
      ? 'its experiment.jsonl line came again (a second run written into the same directory?); it was not sent again'
      : line.callback
        ? 'its after_iteration dump line came after the iteration was sent; its episodes were sent, its playbook and state hashes were not'
        : 'its archive record came after the iteration was sent; its harness snapshot hash was not sent';
    notice(`iteration ${i}: ${what}`);
  }

  /** Lines read before the run started (its id decides which archive records are this run's). */
  const early = {
    experiment: [] as ExperimentLine[],
    evolution: [] as EvolutionLine[],
    archive: [] as ArchiveIterationRecord[],
    callback: [] as CallbackLine[],
  };
  let seenBefore = false;
  for (;;) {
    const final = options.signal.aborted || due?.complete === true;
    const runRecords = await runs.poll({ final });
    early.experiment.push(...(await experiment.poll({ final })));
    early.evolution.push(...(await evolution.poll({ final })));
    early.archive.push(...(await archive.poll({ final })));
    early.callback.push(...(await callback.poll({ final })));
    for (const record of runRecords) {
      if (record.record_type === 'run_start' && (!options.runId || record.run_id === options.runId)) start = record;
      if (record.record_type === 'run_complete') complete = record.run_id === (runId ?? start?.run_id) ? record : complete;
    }
    const anyLine = early.experiment.length + early.callback.length + early.evolution.length + early.archive.length > 0;
    // The run starts a poll after its first line was seen, so the archive's run_start (written before anything) has been read.
    if (!started && (start || ((seenBefore || final) && anyLine))) {
      runId ??= start?.run_id ?? runIdFromDirectory(dir);
      yield start
        ? runStartedFromArchive(start, sourceLabel(dir))
        : {
            type: 'run.started',
            run_id: runId,
            started_at:
              early.experiment[0]?.timestamp ?? early.evolution[0]?.timestamp ?? early.archive[0]?.created_at ?? Date.now() / 1000,
            source: sourceLabel(dir),
          };
      started = true;
    }
    seenBefore ||= anyLine;
    if (started) {
      const seen = (file: keyof typeof reached | undefined, i: number) => {
        newest = Math.max(newest, i);
        if (file) reached[file] = Math.max(reached[file], i);
      };
      for (const line of early.experiment.splice(0)) {
        seen('experiment', line.iteration);
        if (sent.has(line.iteration)) yield* late(line.iteration, { experiment: line });
        else hold(line.iteration).experiment = line;
      }
      for (const line of early.callback.splice(0)) {
        seen('callback', line.iteration);
        if (sent.has(line.iteration)) yield* late(line.iteration, { callback: line });
        else hold(line.iteration).callback = line;
      }
      for (const record of early.archive.splice(0)) {
        if (record.run_id !== runId) continue;
        seen('archive', record.iteration_num);
        if (sent.has(record.iteration_num)) yield* late(record.iteration_num, { archive: record });
        else hold(record.iteration_num).archive = record;
      }
      for (const line of early.evolution.splice(0)) {
        seen(undefined, line.iteration);
        if (sent.has(line.iteration)) yield evolutionFrom(runId!, line);
        else hold(line.iteration).evolution.push(line);
      }
      // Decided a poll ago: every line written before that evidence has been read since.
      if (final) yield* release(Number.POSITIVE_INFINITY);
      else if (due) yield* release(due.upTo);
    }
    if (final) {
      if (due?.complete && complete) yield runFinishedFromArchive(complete, iterations);
      return;
    }
    due = started ? decide() : undefined;
    await pause(pollMs, options.signal);
  }

  function decide(): { upTo: number; complete: boolean } {
    if (complete && complete.run_id === runId) return { upTo: Number.POSITIVE_INFINITY, complete: true };
    const h = held.get(newest);
    if (!h) return { upTo: newest - 1, complete: false };
    // The newest iteration: done once every per-iteration file has it; a file that does not exist costs the grace period.
    const waiting = (Object.keys(reached) as Array<keyof typeof reached>).filter((file) => reached[file] < newest);
    const ready = waiting.length === 0 || (waiting.every((file) => !denseFiles[file].exists()) && Date.now() - h.firstSeen >= graceMs);
    return { upTo: ready ? newest : newest - 1, complete: false };
  }
}
