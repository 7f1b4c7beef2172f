/** The contract every sink fulfils; the hub drives it (src/core/hub.ts). */
import type { CanonicalEvent } from '../../generated/types.gen.js';

export interface Sink {
  /** Stable name used in counters, warnings and `--sink`. */
  readonly name: string;
  /** Delivers events in order. Throwing a SinkError tells the hub whether to retry; anything else counts as retryable. */
  handle(batch: readonly CanonicalEvent[]): Promise<void>;
  /** Pushes out anything buffered. */
  flush(): Promise<void>;
  /** Flushes and releases resources; called once. */
  close(): Promise<void>;
}
