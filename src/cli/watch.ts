/** `clawloop-sinks watch <path>`: follows a run that is still being written, until Ctrl-C (or the run completes). */
import { watchSource } from '../sources/watch-run.js';
import { say } from './output.js';
import { openSession, UsageError, type SinkFlags } from './run-sinks.js';

export interface WatchFlags extends SinkFlags {
  runId?: string;
  poll: string;
}

export async function watch(path: string, flags: WatchFlags): Promise<number> {
  const pollMs = Number(flags.poll);
  if (!Number.isFinite(pollMs) || pollMs <= 0)
    throw new UsageError(`--poll must be a positive number of milliseconds, got "${flags.poll}"`);
  const session = await openSession(flags);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  if (!flags.quiet) say(process.stderr, `watching ${path} (Ctrl-C to stop)`);
  try {
    for await (const event of watchSource(path, {
      onProblem: session.onProblem,
      onNotice: session.onNotice,
      runId: flags.runId,
      pollMs,
      signal: stop.signal,
    })) {
      session.hub.emit(event);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return session.finish();
}
