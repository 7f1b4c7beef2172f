/** The contract every sink fulfils; the hub drives it (src/core/hub.ts). */
import type { CanonicalEvent } from '../../generated/types.gen.js';

/** What the hub passes with each call. */
export interface HandleOptions {
  /**
   * Aborted when the hub stops waiting for this call (its time limit passed, or close() ran out of time). A transport
   * passes it to every request it makes (fetch's `signal`), so a timed-out call is really over before the hub retries
   * it: a slow backend never sees the same batch twice at once.
   */
  signal: AbortSignal;
}

export interface Sink {
  /** Stable name used in counters, warnings and `--sink`. */
  readonly name: string;
  /**
   * Most calls of handle() the hub may have in flight at once, each with its own batch (handle() is still called in
   * event order; calls may finish in any order). Only for sinks whose batches are independent, e.g. OTLP exports keyed
   * by deterministic ids. @default 1
   */
  readonly concurrency?: number;
  /**
   * Delivers events in order. Throwing a SinkError tells the hub what the failure means (src/core/errors.ts);
   * anything else is classified by its shape (network errors are outages, data errors reject the content).
   */
  handle(batch: readonly CanonicalEvent[], options?: HandleOptions): Promise<void>;
  /** Pushes out anything buffered. */
  flush(): Promise<void>;
  /** Flushes and releases resources; called once. */
  close(): Promise<void>;
  /** Lines for the user once the sink closed: where its output went and what to do with it (e.g. `wandb sync …`). */
  closingNotes?(): string[];
}
