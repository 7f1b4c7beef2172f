/** `clawloop-sinks replay <path...>`: streams ClawLoop output (or canonical events) through the selected sinks. */
import { existsSync, statSync } from 'node:fs';
import { detectRunLayout, OUTPUT_FILES } from '../sources/clawloop-run.js';
import { openSource, SOURCE_FORMATS, type SourceFormat } from '../sources/open-source.js';
import { onStopSignal } from './stop-signal.js';
import { createProgress } from './progress.js';
import { openSession, UsageError, type SinkFlags } from './run-sinks.js';

/** Events a replay lets pile up per sink before it waits. */
export const REPLAY_MAX_QUEUED = 500;

export interface ReplayFlags extends SinkFlags {
  runId?: string;
  format?: string;
  progress: boolean;
}

/** Why `path` holds nothing to replay (an empty file, a directory without ClawLoop output), or undefined. */
function emptyInput(path: string): string | undefined {
  const stat = statSync(path);
  if (stat.isFile() && stat.size === 0) return `${path} is empty`;
  if (!stat.isDirectory()) return undefined;
  const layout = detectRunLayout(path);
  if (layout.experiment || layout.evolution || layout.callback || layout.events || layout.archive) return undefined;
  return `no ClawLoop output in ${path} (looked for ${Object.values(OUTPUT_FILES).join(', ')}, runs.jsonl)`;
}

export async function replay(paths: string[], flags: ReplayFlags): Promise<number> {
  // Ctrl-C (or SIGTERM) stops reading; what was read is delivered within --timeout and summarized. A second one exits
  // now. Heard from the start (a signal while sinks are being set up stops before reading).
  const stop = onStopSignal();
  for (const path of paths) if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
  // Nothing to replay is a mistake on the command line: said before any sink is opened or any file touched.
  for (const path of paths) {
    const empty = emptyInput(path);
    if (empty) throw new UsageError(empty);
  }
  if (flags.format && !SOURCE_FORMATS.includes(flags.format as SourceFormat))
    throw new UsageError(`--format must be one of ${SOURCE_FORMATS.join(', ')}`);
  const session = await openSession(flags, process.stderr, { mode: 'replay' });
  let events = 0;
  for (const path of paths) {
    if (stop.requested) break;
    // One progress per input: each run numbers its iterations from 0.
    const progress = createProgress(process.stderr, flags.progress && !flags.quiet);
    try {
      let totalIterations: number | undefined;
      const source = openSource(path, {
        onProblem: session.onProblem,
        onNotice: session.onNotice,
        runId: flags.runId,
        format: flags.format as SourceFormat | undefined,
      });
      for await (const event of source) {
        if (stop.requested) break;
        session.hub.emit(event);
        events += 1;
        if (event.type === 'run.started') totalIterations = event.n_iterations;
        progress.tick(events, event.type === 'iteration' ? event.iteration : undefined, totalIterations);
        // A replay can wait for slow sinks (a training loop never does), through busy spells and outages, until a sink
        // has made no progress for --stall-timeout. A few batches in flight keep every sink busy while memory stays
        // flat on inputs of any size.
        await session.hub.waitForCapacity(REPLAY_MAX_QUEUED, { untilStalled: true, signal: stop.signal });
      }
    } catch (error) {
      // A path that fails in an unforeseen way is reported as such; the other paths are still read.
      session.onProblem({ file: path, line: 0, field: '', problem: `could not be read: ${(error as Error).message}` });
    } finally {
      progress.stop();
    }
  }
  return session.finish();
}
