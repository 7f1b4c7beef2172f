/**
 * Turns a generated mapper plus a hand-written transport into a Sink. Keeps the derived-value context per sink and
 * maps each event once, in event order, when its batch is first handed over: a retried batch, or the halves of a
 * split one, resend the same mapped records (kept when their call failed) instead of counting their episodes again.
 * (Redaction of message content is the hub's `redact` option: it runs once, before any sink.)
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { withCallSignal } from './call-signal.js';
import { DerivedContext } from './derived-context.js';
import type { HandleOptions, Sink } from './sink.js';

export interface AdapterOptions {
  /** Sink name in counters and warnings (two sinks of one backend need two names). @default the backend's name */
  name?: string;
  /**
   * Calls the hub may have in flight at once (Sink.concurrency): only for transports whose sends are independent
   * of each other once mapped (OTLP exports keyed by deterministic ids). @default 1
   */
  concurrency?: number;
}

/** What a transport's send() gets besides the batch. */
export type SendOptions = HandleOptions;

export interface MappedTransport<M> {
  send(batch: readonly M[], options?: SendOptions): Promise<void>;
  /**
   * False for a transport that makes no request (it writes local files), or that passes `options.signal` to every
   * request itself (the OTLP pipeline): its calls then run outside the call-signal storage (src/core/call-signal.ts).
   * Node tracks every promise of the process once an AsyncLocalStorage has been entered, which cost a W&B offline
   * replay about a twentieth of its CPU for a signal nothing read. @default true
   */
  readonly usesCallSignal?: boolean;
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
  const mapFresh = (event: CanonicalEvent): M => {
    ctx.observe(event);
    const m = map(event, ctx);
    ctx.release(event);
    return m;
  };
  // Records of events whose call failed, for the retry or the split halves that resend them: only those are kept.
  // Keeping every mapped record in a WeakMap by event (one entry per event, nearly all of them delivered at the first
  // try) cost a W&B offline replay about a seventh of its CPU in garbage collection and hashing (measured: 0.90 ->
  // 0.76 CPU s on the 200x50 run, medians of 5).
  const failed = new WeakMap<CanonicalEvent, M>();
  let anyFailed = false;
  const mapBatch = (batch: readonly CanonicalEvent[]): M[] => {
    const records: M[] = [];
    try {
      for (const event of batch) {
        const kept = anyFailed ? failed.get(event) : undefined;
        records.push(kept === undefined ? mapFresh(event) : kept);
      }
    } catch (error) {
      // The events mapped before the one that threw are counted in the context already: a retry must not count them again.
      keep(batch, records);
      throw error;
    }
    return records;
  };
  const keep = (batch: readonly CanonicalEvent[], records: readonly M[]): void => {
    anyFailed = true;
    records.forEach((m, i) => failed.set(batch[i], m));
  };
  return {
    name: options.name ?? name,
    concurrency: options.concurrency,
    // Mapping happens synchronously (an async body runs at once up to its first await), so concurrent calls still map
    // in event order; a mapping error becomes the call's rejection.
    async handle(batch, handleOptions) {
      const records = mapBatch(batch);
      // A call the hub gave up on (timed out, stopped) may be retried before it settles, if ever: kept at the abort.
      const signal = handleOptions?.signal;
      const onAbort = () => keep(batch, records);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        // The call's signal also reaches requests deep inside the transport (src/core/call-signal.ts).
        if (transport.usesCallSignal === false) await transport.send(records, handleOptions);
        else await withCallSignal(signal, () => transport.send(records, handleOptions));
      } catch (error) {
        keep(batch, records);
        throw error;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async flush() {
      await transport.flush?.();
    },
    async close() {
      await transport.close?.();
    },
  };
}
