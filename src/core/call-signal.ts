/**
 * The hub's AbortSignal for the sink call in progress, for HTTP clients deep inside a transport (MLflow, W&B online)
 * that would otherwise need it threaded through every method: a transport runs its send under `withCallSignal`, and
 * each request asks `requestLimit(timeoutMs)` for a signal that fires on its own time limit or when the hub aborts
 * the call, whichever comes first. (Transports with one level of requests pass the signal explicitly instead.)
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<AbortSignal | undefined>();

/** Runs `work` with `signal` as the call's signal for every request it makes (directly or in awaited callees). */
export function withCallSignal<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  return signal ? current.run(signal, work) : work();
}

/** The hub's signal for the sink call in progress, if any. */
export function callSignal(): AbortSignal | undefined {
  return current.getStore();
}

/** A request's signal and the `done()` that releases its timer once the request is over. */
export interface RequestLimit {
  signal: AbortSignal;
  done(): void;
}

/**
 * A request's signal: its own time limit, joined with the hub's signal for the call in progress (when there is one).
 * The limit is a timer that holds its controller, not `AbortSignal.timeout()`: inside `AbortSignal.any()` Node holds a
 * timeout signal only weakly, so a garbage collection before it fires can drop it and the request never times out
 * (nodejs/node#57736; seen here as a 2 s OTLP limit that never fired once the CLI made V8 collect more often).
 * `done()` clears the timer and the listener on the hub's signal, so a request that ends in time leaves nothing behind.
 */
export function requestLimit(timeoutMs: number, signal: AbortSignal | undefined = current.getStore()): RequestLimit {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
}
