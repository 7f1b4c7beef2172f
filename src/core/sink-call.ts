/**
 * One call of a sink with a time limit that really ends it: when the limit passes, the call's AbortSignal fires and
 * the hub waits for the call to stop before anything else is sent, so a retry never overlaps the attempt it replaces.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { CallTimeoutError } from './errors.js';
import type { Sink } from './sink.js';

export type CallOutcome =
  | { ok: true }
  | {
      ok: false;
      error: unknown;
      /** The call outlived its time limit and was aborted. */
      timedOut: boolean;
      /** The aborted call had still not stopped after the grace period (the sink ignores its signal). */
      stillRunning: boolean;
    };

const TIMEOUT = Symbol('timeout');

function after<T>(ms: number, value: T, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve(value);
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Calls `sink.handle(batch)` with `timeoutMs`. On timeout (or when `stop` aborts) the call's signal is aborted and the
 * call is given up to `graceMs` to stop; a call that succeeds within that grace still counts as a success.
 */
export async function callSink(
  sink: Sink,
  batch: readonly CanonicalEvent[],
  timeoutMs: number,
  graceMs: number,
  stop: AbortSignal,
): Promise<CallOutcome> {
  const controller = new AbortController();
  const onStop = () => controller.abort(stop.reason);
  stop.addEventListener('abort', onStop, { once: true });
  try {
    const settled = Promise.resolve()
      .then(() => sink.handle(batch, { signal: controller.signal }))
      .then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, error: error ?? new Error(`${sink.name}.handle() failed without a reason`) }) as const,
      );
    const first = await Promise.race([settled, after(timeoutMs, TIMEOUT, stop)]);
    if (first !== TIMEOUT) return first.ok ? first : { ...first, timedOut: false, stillRunning: false };
    const error = stop.aborted
      ? (stop.reason ?? new Error('stopped'))
      : new CallTimeoutError(`${sink.name}.handle() did not answer within ${timeoutMs} ms (aborted)`);
    controller.abort(error);
    // Wait for the aborted call to end (transports pass the signal to fetch, so this is immediate) before any retry.
    const late = stop.aborted ? TIMEOUT : await Promise.race([settled, after(graceMs, TIMEOUT)]);
    if (late !== TIMEOUT && late.ok) return late;
    return { ok: false, error, timedOut: !stop.aborted, stillRunning: late === TIMEOUT };
  } finally {
    stop.removeEventListener('abort', onStop);
  }
}
