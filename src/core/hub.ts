/**
 * The fail-soft fan-out. `emit()` is synchronous, O(number of sinks), never throws and never waits on I/O; each sink
 * has its own bounded queue and worker (src/core/sink-worker.ts), so a slow or dead sink never delays another or the caller.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { DEFAULT_BREAKER, DEFAULT_RETRY, type BreakerPolicy, type RetryPolicy } from './retry.js';
import type { Sink } from './sink.js';
import { SinkWorker, type SinkCounters } from './sink-worker.js';
import { Spool, type SpoolOptions } from './spool.js';
import { Warnings, type WarningSink } from './warnings.js';

export type { SinkCounters } from './sink-worker.js';

export interface HubOptions {
  /** Events each sink may hold before new ones are dropped. @default 10000 */
  queueSize?: number;
  /** Most events handed to a sink in one call. @default 100 */
  batchSize?: number;
  /** Time limit of one sink call, in ms. @default 15000 */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  /**
   * Durable spool: events are written to this directory before delivery and kept until each sink acknowledged them;
   * a hub started on the same directory first delivers what an earlier process left pending.
   */
  spool?: SpoolOptions;
  /** Scrubs each event before any sink sees it (e.g. drops message content). Runs in the sinks' workers. */
  redact?: (event: CanonicalEvent) => CanonicalEvent;
  /** Where warnings go. @default stderr */
  onWarning?: WarningSink;
  /** Minimum ms between two warnings of one kind per sink. @default 10000 */
  warningIntervalMs?: number;
  /** @internal clock and randomness, for tests */
  now?: () => number;
  random?: () => number;
}

export interface CloseReport {
  /** Per sink: final counters, events not delivered (received − sent), and the sink's own close error. */
  sinks: Record<string, SinkCounters & { undelivered: number; closeError?: string }>;
  /** True when every sink delivered everything it received. */
  complete: boolean;
}

export class Hub {
  private readonly workers: SinkWorker[];
  private readonly now: () => number;
  private readonly spool?: Spool;
  private readonly warnings: Warnings;
  private closed: Promise<CloseReport> | undefined;

  constructor(sinks: readonly Sink[], options: HubOptions = {}) {
    const names = new Set<string>();
    for (const sink of sinks) {
      if (names.has(sink.name)) throw new Error(`two sinks are named "${sink.name}"; give one a different name`);
      names.add(sink.name);
    }
    const warnings = new Warnings({ write: options.onWarning, intervalMs: options.warningIntervalMs, now: options.now });
    this.warnings = warnings;
    this.spool = options.spool ? new Spool(options.spool) : undefined;
    const workerOptions = {
      queueSize: options.queueSize ?? 10_000,
      batchSize: options.batchSize ?? 100,
      timeoutMs: options.timeoutMs ?? 15_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      breaker: { ...DEFAULT_BREAKER, ...options.breaker },
      warnings,
      redact: options.redact,
      spool: this.spool,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
    this.now = workerOptions.now;
    this.workers = sinks.map((sink) => new SinkWorker(sink, workerOptions));
    if (this.spool) {
      // Everything an earlier process accepted but a sink never acknowledged goes first, in order.
      for (const worker of this.workers) for (const { seq, event } of this.spool.pending(worker.sink.name)) worker.enqueue(event, seq, true);
    }
  }

  /** The spool's size on disk and how many events it had no room for (when spooling). */
  spoolStats(): { bytes: number; full: number } | undefined {
    return this.spool ? { bytes: this.spool.bytes, full: this.spool.full } : undefined;
  }

  /** Hands `event` to every sink's queue. Synchronous; never throws; a full queue drops and counts. */
  emit(event: CanonicalEvent): void {
    let seq: number | undefined;
    if (this.spool) {
      try {
        seq = this.spool.append(event);
        if (seq === undefined) this.warnings.warn('spool', 'full', `spool ${this.spool.dir} is full; new events are delivered from memory only (${this.spool.full} so far)`);
      } catch (error) {
        this.warnings.warn('spool', 'write', `spool write failed, delivering from memory only: ${(error as Error).message}`);
      }
    }
    for (const worker of this.workers) {
      try {
        worker.enqueue(event, seq);
      } catch {
        // enqueue() does not throw; this guard keeps the promise even if that ever changes.
      }
    }
  }

  /**
   * For producers that may wait (replay, serve): resolves once no healthy sink holds `maxQueued` events or more
   * (default: half its queue). A small number keeps a replay's memory flat. Sinks whose breaker is open are not waited
   * for, so a dead backend cannot stall a replay.
   */
  async waitForCapacity(maxQueued?: number, pollMs = 2): Promise<void> {
    while (this.workers.some((w) => w.busy(maxQueued))) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  /** Counters per sink, readable at any time (a snapshot). */
  counters(): Record<string, SinkCounters> {
    return Object.fromEntries(this.workers.map((w) => [w.sink.name, { ...w.counters }]));
  }

  /** Waits until every queue is empty and each sink flushed, or `timeoutMs` passed. Never throws. */
  async flush({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = this.now() + timeoutMs;
    const results = await Promise.allSettled(this.workers.map((w) => w.flush(deadline)));
    return results.every((r) => r.status === 'fulfilled');
  }

  /**
   * Delivers what it can within `timeoutMs`, closes every sink and reports what was not delivered. Idempotent;
   * never throws. Events emitted after close() are dropped and counted.
   */
  close({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<CloseReport> {
    this.closed ??= (async () => {
      const deadline = this.now() + timeoutMs;
      const closeErrors = await Promise.all(this.workers.map((w) => w.close(deadline).catch((e: unknown) => String(e))));
      const sinks: CloseReport['sinks'] = {};
      this.workers.forEach((w, i) => {
        sinks[w.sink.name] = { ...w.counters, undelivered: w.counters.received - w.counters.sent, closeError: closeErrors[i] };
      });
      return { sinks, complete: Object.values(sinks).every((s) => s.undelivered === 0 && !s.closeError) };
    })();
    return this.closed;
  }
}
