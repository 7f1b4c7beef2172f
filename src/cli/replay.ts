/** `clawloop-sinks replay <path...>`: streams ClawLoop output (or canonical events) through the selected sinks. */
import { existsSync } from 'node:fs';
import { openSource, SOURCE_FORMATS, type SourceFormat } from '../sources/open-source.js';
import { createProgress } from './progress.js';
import { openSession, UsageError, type SinkFlags } from './run-sinks.js';

/** Events a replay lets pile up per sink before it waits. */
export const REPLAY_MAX_QUEUED = 500;

export interface ReplayFlags extends SinkFlags {
  runId?: string;
  format?: string;
  progress: boolean;
}

export async function replay(paths: string[], flags: ReplayFlags): Promise<number> {
  for (const path of paths) if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
  if (flags.format && !SOURCE_FORMATS.includes(flags.format as SourceFormat)) throw new UsageError(`--format must be one of ${SOURCE_FORMATS.join(', ')}`);
  const session = await openSession(flags, process.stderr, { mode: 'replay' });
  let events = 0;
  for (const path of paths) {
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
        session.hub.emit(event);
        events += 1;
        if (event.type === 'run.started') totalIterations = event.n_iterations;
        progress.tick(events, event.type === 'iteration' ? event.iteration : undefined, totalIterations);
        // A replay can wait for slow sinks (a training loop never does), through busy spells and outages, until a sink
        // has made no progress for --stall-timeout. A few batches in flight keep every sink busy while memory stays
        // flat on inputs of any size.
        await session.hub.waitForCapacity(REPLAY_MAX_QUEUED, { untilStalled: true });
      }
    } finally {
      progress.stop();
    }
  }
  return session.finish();
}
