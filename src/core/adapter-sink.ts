/**
 * Turns a generated mapper plus a hand-written transport into a Sink. Keeps the derived-value context per sink
 * and maps each batch once, so the hub's retries resend the same mapped records instead of recounting them.
 * (Redaction of message content is the hub's `redact` option: it runs once, before any sink.)
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { DerivedContext } from './derived-context.js';
import type { Sink } from './sink.js';

export interface AdapterOptions {
  /** Sink name in counters and warnings (two sinks of one backend need two names). @default the backend's name */
  name?: string;
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
  const sinkName = options.name ?? name;
  let lastBatch: readonly CanonicalEvent[] | undefined;
  let lastMapped: readonly M[] = [];
  return {
    name: sinkName,
    async handle(batch) {
      if (batch !== lastBatch) {
        lastMapped = batch.map((event) => {
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
