/**
 * A promise started now and awaited only after other awaits (a request queued behind earlier work). Node ends the
 * process on a rejection that has no handler when the current tick ends, so such a promise must be marked handled at
 * once: otherwise a backend's error answer arriving early crashes the caller's process instead of failing the batch.
 * The error is not swallowed: whoever awaits the returned promise later still receives it.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
