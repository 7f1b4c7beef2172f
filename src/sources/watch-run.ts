/**
 * Follows a ClawLoop run while it is written: an events .ndjson (the bridge's output) or an output directory.
 * In a directory, iteration i is emitted once its experiment.jsonl line is there and either its after_iteration
 * dump line arrived (ClawLoop writes that last), the next iteration started, or no dump file exists after a grace
 * period — so episodes still come before their iteration, as in a replay.
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
  /** How long an iteration waits for its dump line when no dump file exists, in ms. @default 2000 */
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
    return;
  }
  yield* watchDirectory(path, options, pollMs, notice);
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
  const archiveIterations = follow<ArchiveIterationRecord>(
    join(OUTPUT_FILES.archive, 'iterations.jsonl'),
    SOURCE_VALIDATORS.ArchiveIterationRecord,
  );

  const exp = new Map<number, { line: ExperimentLine; seenAt: number }>();
  const cb = new Map<number, CallbackLine>();
  const evo = new Map<number, EvolutionLine[]>();
  const arc = new Map<number, ArchiveIterationRecord>();
  let runId = options.runId;
  let started = false;
  let next: number | undefined;
  let emitted = 0;

  while (!options.signal.aborted) {
    const runRecords = await runs.poll();
    for (const line of await experiment.poll()) exp.set(line.iteration, { line, seenAt: Date.now() });
    for (const line of await callback.poll()) cb.set(line.iteration, line);
    for (const line of await evolution.poll()) evo.set(line.iteration, [...(evo.get(line.iteration) ?? []), line]);
    for (const record of await archiveIterations.poll()) if (!runId || record.run_id === runId) arc.set(record.iteration_num, record);

    if (!started) {
      const start = runRecords
        .filter((r): r is Extract<ArchiveRunRecord, { record_type: 'run_start' }> => r.record_type === 'run_start')
        .at(-1);
      if (start || exp.size > 0 || cb.size > 0) {
        runId ??= start?.run_id ?? runIdFromDirectory(dir);
        const first = Math.min(...exp.keys(), ...cb.keys());
        yield start
          ? runStartedFromArchive(start, sourceLabel(dir))
          : {
              type: 'run.started',
              run_id: runId,
              started_at: exp.get(first)?.line.timestamp ?? Date.now() / 1000,
              source: sourceLabel(dir),
            };
        started = true;
        next = Number.isFinite(first) ? first : undefined;
      }
    }
    if (started && runId) {
      next ??= exp.size > 0 ? Math.min(...exp.keys()) : undefined;
      while (next !== undefined && exp.has(next)) {
        const { line, seenAt } = exp.get(next)!;
        const dump = cb.get(next);
        const ready = dump || exp.has(next + 1) || (!callback.exists() && Date.now() - seenAt >= graceMs);
        if (!ready) break;
        if (dump) yield* episodesFromCallback(runId, dump);
        const iteration = iterationFrom({ runId, iteration: next, experiment: line, callback: dump, archive: arc.get(next) });
        if (iteration) yield iteration;
        for (const e of evo.get(next) ?? []) yield evolutionFrom(runId, e);
        arc.delete(next);
        exp.delete(next);
        cb.delete(next);
        evo.delete(next);
        emitted += 1;
        next += 1;
      }
      const complete = runRecords.find(
        (r): r is Extract<ArchiveRunRecord, { record_type: 'run_complete' }> => r.record_type === 'run_complete' && r.run_id === runId,
      );
      if (complete) {
        yield runFinishedFromArchive(complete, emitted);
        return;
      }
    }
    await pause(pollMs, options.signal);
  }
}
