/**
 * The hub's AbortSignal for the sink call in progress, for HTTP clients deep inside a transport (MLflow, W&B online)
 * that would otherwise need it threaded through every method: a transport runs its send under `withCallSignal`, and
 * each request asks `requestSignal(timeoutMs)` for a signal that fires on its own time limit or when the hub aborts
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

/** A request's signal: its own time limit, joined with the hub's signal for the call in progress (when there is one). */
export function requestSignal(timeoutMs: number, signal: AbortSignal | undefined = current.getStore()): AbortSignal {
  const limit = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, limit]) : limit;
}
