/**
 * Turns a generated mapper plus a hand-written transport into a Sink. Keeps the derived-value context per sink
 * and maps each batch once, so the hub's retries resend the same mapped records instead of recounting them.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { DerivedContext } from './derived-context.js';
import type { Sink } from './sink.js';

export interface AdapterOptions {
  /**
   * Scrubs an event before it is mapped (e.g. removes message content). Return the event to send, possibly a copy.
   * Runs inside the sink's worker, never in the caller's `emit()`.
   */
  redact?: (event: CanonicalEvent) => CanonicalEvent;
}

export interface MappedTransport<M> {
  send(batch: readonly M[]): Promise<void>;
  flush?(): Promise<void>;
  close?(): Promise<void>;
}

export function createAdapterSink<M>(
  name: string,
  transport: MappedTransport<M>,
  map: (event: CanonicalEvent, ctx: DerivedContext) => M,
  options: AdapterOptions = {},
): Sink {
  const ctx = new DerivedContext();
  let lastBatch: readonly CanonicalEvent[] | undefined;
  let lastMapped: readonly M[] = [];
  return {
    name,
    async handle(batch) {
      if (batch !== lastBatch) {
        lastMapped = batch.map((original) => {
          const event = options.redact ? options.redact(original) : original;
          ctx.observe(event);
          const mapped = map(event, ctx);
          ctx.release(event);
          return mapped;
        });
        lastBatch = batch;
      }
      await transport.send(lastMapped);
    },
    async flush() {
      await transport.flush?.();
    },
    async close() {
      await transport.close?.();
    },
  };
}
