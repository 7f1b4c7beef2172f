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

/**
 * Resolves with `value` after `ms`, or at once when `signal` aborts; `cancel` ends the wait early without resolving.
 * A call that answers in time must cancel its time limit: otherwise each call leaves a timer and a listener on the
 * worker's stop signal behind for the whole time limit (thousands at once on a fast sink: a heap snapshot of a
 * replay into the report sink held 3 232 of them).
 */
function after<T>(ms: number, value: T, signal?: AbortSignal): { promise: Promise<T>; cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<T>((resolve) => {
    const timer = setTimeout(done, ms);
    function stop() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
    }
    function done() {
      stop();
      resolve(value);
    }
    cancel = stop;
    signal?.addEventListener('abort', done, { once: true });
  });
  return { promise, cancel };
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
    const limit = after(timeoutMs, TIMEOUT, stop);
    const first = await Promise.race([settled, limit.promise]);
    limit.cancel();
    if (first !== TIMEOUT) return first.ok ? first : { ...first, timedOut: false, stillRunning: false };
    const error: unknown = stop.aborted
      ? (stop.reason ?? new Error('stopped'))
      : new CallTimeoutError(`${sink.name}.handle() did not answer within ${timeoutMs} ms (aborted)`);
    controller.abort(error);
    // Wait for the aborted call to end (transports pass the signal to fetch, so this is immediate) before any retry.
    const grace = after(graceMs, TIMEOUT);
    const late = stop.aborted ? TIMEOUT : await Promise.race([settled, grace.promise]);
    grace.cancel();
    if (late !== TIMEOUT && late.ok) return late;
    return { ok: false, error, timedOut: !stop.aborted, stillRunning: late === TIMEOUT };
  } finally {
    stop.removeEventListener('abort', onStop);
  }
}
