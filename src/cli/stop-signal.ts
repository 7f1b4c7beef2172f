/**
 * Ctrl-C and SIGTERM for commands that can stop early: the first signal asks the command to stop (it still delivers
 * what it has and prints its summary); a second one exits at once. The handlers stay for the life of the process (the
 * CLI exits when its command returns), so a signal during the closing delivery is heard too.
 */
import { EXIT } from './exit-codes.js';

export interface StopSignal {
  /** Whether a stop was asked for. */
  readonly requested: boolean;
  /** Resolves at the first signal (for races against waits). */
  readonly signalled: Promise<void>;
  /** The same, as an AbortSignal. */
  readonly signal: AbortSignal;
}

export function onStopSignal(): StopSignal {
  const controller = new AbortController();
  let resolveSignalled!: () => void;
  const signalled = new Promise<void>((resolve) => (resolveSignalled = resolve));
  const handler = () => {
    if (controller.signal.aborted) {
      process.stderr.write('clawloop-sinks: stopped at once (second signal)\n');
      process.exit(EXIT.sinkFailed);
    }
    process.stderr.write('clawloop-sinks: stopping: delivering what was read (signal again to exit at once)\n');
    controller.abort();
    resolveSignalled();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get requested() {
      return controller.signal.aborted;
    },
    signalled,
    signal: controller.signal,
  };
}
