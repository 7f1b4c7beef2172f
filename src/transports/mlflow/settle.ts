/** Side-by-side requests whose failures the hub must see, without leaving any still running behind a failure. */

/** Waits for every request to settle, then throws the first error, if any (a non-retryable one before others). */
export async function settleAll(work: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as Error & { retryable?: boolean });
  if (failed.length === 0) return;
  // A non-retryable error first: retrying the batch cannot fix it.
  throw failed.find((e) => e?.retryable === false) ?? failed[0];
}
