/**
 * How hard one sink may push its backend right now: how many calls it may have in flight and how many events go in
 * one call, adapted AIMD-style (as TCP congestion control). Every busy signal — 429, 503 "at capacity", a slow or
 * timed-out call — halves both; every prompt success adds a little back, up to the configured ceilings. A backend
 * that ingests slowly is thus fed at its own pace instead of being retried into the ground.
 */

export interface AdaptiveLimitOptions {
  /** Most calls in flight. */
  maxInFlight: number;
  /** Most events per call. */
  maxBatch: number;
  /** Fewest events per call the batch size shrinks to. @default 1 */
  minBatch?: number;
  /** A successful call slower than this is a busy signal too (the backend is queueing), in ms. */
  slowMs: number;
}

export class AdaptiveLimit {
  private window: number;
  private batch: number;
  private readonly minBatch: number;
  /** When the last decrease happened: busy answers to calls started before it are the same congestion, not new. */
  private decreasedAt = Number.NEGATIVE_INFINITY;
  /** Busy signals and decreases so far (for counters and tests). */
  busySignals = 0;
  decreases = 0;

  constructor(private readonly options: AdaptiveLimitOptions) {
    this.window = options.maxInFlight;
    this.batch = options.maxBatch;
    this.minBatch = Math.max(1, Math.min(options.minBatch ?? 1, options.maxBatch));
  }

  /** Calls that may be in flight now (at least 1). */
  get inFlight(): number {
    return Math.max(1, Math.floor(this.window));
  }

  /** Events per call now. */
  get batchSize(): number {
    return Math.max(this.minBatch, Math.floor(this.batch));
  }

  /** The backend pushed back (at `now`) on a call started at `startedAt`: halve, once per round of calls. */
  busy(startedAt: number, now: number): void {
    this.busySignals += 1;
    if (startedAt < this.decreasedAt) return;
    this.decreasedAt = now;
    this.window = Math.max(1, this.window / 2);
    this.batch = Math.max(this.minBatch, this.batch / 2);
    this.decreases += 1;
  }

  /** A call started at `startedAt` succeeded at `now`: grow again (a slow success counts as a busy signal instead). */
  success(startedAt: number, now: number): void {
    if (now - startedAt > this.options.slowMs) return this.busy(startedAt, now);
    // Additive increase: one more call in flight per window of successes; the batch regains a tenth of its ceiling.
    this.window = Math.min(this.options.maxInFlight, this.window + 1 / Math.max(1, this.window));
    this.batch = Math.min(this.options.maxBatch, this.batch + Math.max(1, this.options.maxBatch / 10));
  }
}
