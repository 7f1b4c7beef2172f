/**
 * The fail-soft fan-out. `emit()` is synchronous, O(number of sinks), never throws and never waits on I/O; each sink
 * has its own bounded queue and worker (src/core/sink-worker.ts), so a slow or dead sink never delays another or the caller.
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { errorText } from './error-text.js';
import { DEFAULT_BREAKER, DEFAULT_RETRY, type BreakerPolicy, type RetryPolicy } from './retry.js';
import type { Sink } from './sink.js';
import { SinkWorker, type CloseOutcome, type SinkCounters } from './sink-worker.js';
import { Spool, type SpoolOptions, type SpoolReader, type SpoolRecovery } from './spool.js';
import { safeLine } from './safe-text.js';
import { describeRecovery } from './spool-report.js';
import { Warnings, type WarningSink } from './warnings.js';
import { pause } from './pause.js';

export type { SinkCounters } from './sink-worker.js';

export interface HubOptions {
  /** Events each sink may hold before new ones are dropped. @default 10000 */
  queueSize?: number;
  /** Most events handed to a sink in one call (halved while its backend is busy, grown back after). @default 100 */
  batchSize?: number;
  /**
   * Most calls in flight per sink, for sinks that allow several (`Sink.concurrency`); fewer while the backend is busy.
   * The spool is acknowledged only over a delivered prefix, whatever order calls finish in. @default 4
   */
  maxInFlight?: number;
  /** Time limit of one sink call, in ms; a call that outlives it is aborted (its AbortSignal fires). @default 15000 */
  timeoutMs?: number;
  /** A successful call slower than this is back-pressure: the sink slows down. @default half of timeoutMs */
  slowMs?: number;
  /**
   * How long a sink may make no progress before a patient producer stops waiting for it
   * (`waitForCapacity(n, { untilStalled: true })`) and before `close({ stallMs })` gives up on it. @default 300000
   */
  stallMs?: number;
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

export interface CloseOptions {
  /** A fixed deadline for the whole close, in ms (live use: a training loop, serve, watch). */
  timeoutMs?: number;
  /**
   * Give up on a sink only once it made no progress for this long, in ms (replays: a slow backend is waited for as
   * long as it keeps accepting events). With both, whichever comes first. @default timeoutMs 30000 when neither is given
   */
  stallMs?: number;
}

export interface CloseReport {
  /**
   * Per sink: final counters, events not delivered (received − sent), the sink's own close error, (when spooling)
   * how many records stay in the spool for the next start, and when the sink last made progress if close() gave up on
   * it for lack of progress.
   */
  sinks: Record<string, SinkCounters & { undelivered: number; closeError?: string; spooled?: number; stalledSince?: number }>;
  /** What opening the spool found and repaired, and records found invalid while redelivering (when spooling). */
  spool?: SpoolRecovery;
  /** True when every sink delivered everything it received and nothing waits in the spool. */
  complete: boolean;
}

/** A sink reading its events back from the spool instead of from memory (after a restart, or when its queue is full). */
interface CatchUp {
  reader: SpoolReader;
  done: Promise<void>;
}

/** Longest error text a counter or report carries. */
const ERROR_CHARS = 500;

function closeReader(reader: SpoolReader): void {
  try {
    reader.close();
  } catch {
    // Closing a read-only descriptor; nothing was written through it.
  }
}

/** Error texts leave the hub redacted and on one line, whoever reads them (summary, /healthz, a library caller). */
function scrub(counters: SinkCounters): SinkCounters {
  if (counters.lastError !== undefined) counters.lastError = safeLine(counters.lastError, ERROR_CHARS);
  if (counters.lastRejected !== undefined) counters.lastRejected = safeLine(counters.lastRejected, ERROR_CHARS);
  return counters;
}

export class Hub {
  private readonly workers: SinkWorker[];
  private readonly now: () => number;
  private readonly spool?: Spool;
  private readonly warnings: Warnings;
  private readonly stallMs: number;
  private closed: Promise<CloseReport> | undefined;
  private closing = false;
  private readonly queueSize: number;
  private readonly catchUps = new Map<SinkWorker, CatchUp>();
  private readonly stopCatchUps = new AbortController();
  private readonly pendingAtStart: Record<string, number> = {};

  constructor(sinks: readonly Sink[], options: HubOptions = {}) {
    const names = new Set<string>();
    for (const sink of sinks) {
      if (names.has(sink.name)) throw new Error(`two sinks are named "${sink.name}"; give one a different name`);
      names.add(sink.name);
    }
    const warnings = new Warnings({ write: options.onWarning, intervalMs: options.warningIntervalMs, now: options.now });
    this.warnings = warnings;
    this.spool = options.spool ? new Spool(options.spool) : undefined;
    const timeoutMs = options.timeoutMs ?? 15_000;
    this.stallMs = options.stallMs ?? 300_000;
    const workerOptions = {
      queueSize: options.queueSize ?? 10_000,
      batchSize: options.batchSize ?? 100,
      maxInFlight: options.maxInFlight ?? 4,
      timeoutMs,
      slowMs: options.slowMs ?? timeoutMs / 2,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      breaker: { ...DEFAULT_BREAKER, ...options.breaker },
      warnings,
      redact: options.redact,
      spool: this.spool,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
    };
    this.now = workerOptions.now;
    this.queueSize = workerOptions.queueSize;
    this.workers = sinks.map((sink) => new SinkWorker(sink, workerOptions));
    if (this.spool) {
      // Everything an earlier process accepted but a sink never acknowledged goes first, in order, streamed from disk.
      for (const worker of this.workers) {
        const pending = this.spool.pendingCount(worker.sink.name);
        this.pendingAtStart[worker.sink.name] = pending;
        if (pending > 0) this.catchUp(worker, this.spool.watermark(worker.sink.name));
      }
      for (const line of describeRecovery(this.spool.recovery)) warnings.note('spool', line);
    }
  }

  /** The spool's size on disk and how many events it had no room for (when spooling). */
  spoolStats(): { bytes: number; full: number } | undefined {
    return this.spool ? { bytes: this.spool.bytes, full: this.spool.full } : undefined;
  }

  /** Per sink, the records an earlier process left unacknowledged in the spool (redelivered first). */
  spoolPendingAtStart(): Record<string, number> {
    return { ...this.pendingAtStart };
  }

  /**
   * Makes `worker` read its events from the spool, starting after `after`, until it has caught up with the writes;
   * meanwhile new events reach it through the spool only. Its queue never overflows: the reader waits for room.
   */
  private catchUp(worker: SinkWorker, after: number): void {
    if (this.catchUps.has(worker) || !this.spool) return;
    const state: CatchUp = { reader: this.spool.reader(after), done: Promise.resolve() };
    // Registered before the pump runs: emit() must see it from the first event on.
    this.catchUps.set(worker, state);
    // `done` is awaited only by close(): it must never reject, or a failing disk would end the caller's process.
    state.done = this.pump(worker, state)
      .catch((error: unknown) => this.catchUpFailed(worker, state, error))
      .finally(() => closeReader(state.reader));
  }

  /**
   * Reading the spool failed (an I/O error, a file removed under us): the sink goes back to events from memory, and
   * its acknowledgement may not pass the first record it did not read, so the next start redelivers the rest.
   */
  private catchUpFailed(worker: SinkWorker, state: CatchUp, error: unknown): void {
    const name = worker.sink.name;
    try {
      this.spool?.spill(name, state.reader.cursor + 1);
    } finally {
      if (this.catchUps.get(worker) === state) this.catchUps.delete(worker);
      this.warnings.warn(
        'spool',
        'read',
        `${name}: reading the spool failed, records after ${state.reader.cursor} stay on disk for the next start: ${errorText(error)}`,
      );
    }
  }

  private async pump(worker: SinkWorker, state: CatchUp): Promise<void> {
    const spool = this.spool!;
    const name = worker.sink.name;
    const room = Math.max(1, Math.min(1000, Math.floor(this.queueSize / 2)));
    const signal = this.stopCatchUps.signal;
    while (!signal.aborted) {
      if (worker.counters.queued >= room) {
        await pause(2, signal);
        continue;
      }
      const read = state.reader.next();
      if (!read) {
        if (state.reader.caughtUp) {
          // Synchronously, so no emit() falls between the last record read and the switch back to memory.
          this.catchUps.delete(worker);
          return;
        }
        await pause(2, signal);
        continue;
      }
      if ('problem' in read) {
        spool.skip(name, read.seq);
        this.warnings.warn('spool', 'invalid', `spooled record ${read.seq} is not a valid event and is skipped: ${read.problem}`);
        continue;
      }
      worker.enqueue(read.event, read.seq, read.seq <= spool.openedAt);
      spool.noteEnqueued(name, read.seq);
    }
  }

  /** Hands `event` to every sink's queue. Synchronous; never throws; a full queue drops and counts. */
  emit(event: CanonicalEvent): void {
    let seq: number | undefined;
    if (this.spool && !this.closing) {
      try {
        seq = this.spool.append(event);
        if (seq === undefined && this.spool.tooLarge > 0 && this.spool.full === 0)
          this.warnings.warn(
            'spool',
            'too-large',
            `an event too large for the spool is delivered from memory only (${this.spool.tooLarge} so far)`,
          );
        else if (seq === undefined)
          this.warnings.warn(
            'spool',
            'full',
            `spool ${this.spool.dir} is full; new events are delivered from memory only (${this.spool.full} so far)`,
          );
      } catch (error) {
        this.warnings.warn('spool', 'write', `spool write failed, delivering from memory only: ${errorText(error)}`);
      }
    }
    for (const worker of this.workers) {
      try {
        if (seq !== undefined) {
          // A sink catching up reads this event from the spool in its turn; a full queue starts catching up.
          if (this.catchUps.has(worker)) continue;
          if (worker.counters.queued >= this.queueSize) {
            this.catchUp(worker, seq - 1);
            continue;
          }
        }
        worker.enqueue(event, seq);
        if (seq !== undefined) this.spool!.noteEnqueued(worker.sink.name, seq);
      } catch {
        // enqueue() does not throw; this guard keeps the promise even if that ever changes.
      }
    }
  }

  /**
   * For producers that may wait (replay, serve): resolves once no sink holds `maxQueued` events or more (default: half
   * its queue). A small number keeps a replay's memory flat. By default a sink whose breaker is open is not waited for
   * (serve must answer); `untilStalled` waits through busy spells and outages until a sink has made no progress for
   * the hub's `stallMs` (replays: a slow backend is a reason to wait, not to drop). `signal` ends the wait early (a
   * stop asked for): a producer that raced each wait against a never-settling promise instead would add a reaction to
   * it per event, kept until the process ends (a replay of 408 002 events grew by ~150 MB that way).
   */
  async waitForCapacity(
    maxQueued?: number,
    { untilStalled = false, pollMs = 2, signal }: { untilStalled?: boolean; pollMs?: number; signal?: AbortSignal } = {},
  ): Promise<void> {
    const stallMs = untilStalled ? this.stallMs : undefined;
    while (!signal?.aborted && this.workers.some((w) => w.busy(maxQueued, stallMs)))
      await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  /** Counters per sink, readable at any time (a snapshot; error texts redacted, on one line). */
  counters(): Record<string, SinkCounters> {
    return Object.fromEntries(this.workers.map((w) => [w.sink.name, scrub({ ...w.counters })]));
  }

  /** Waits until every queue is empty and each sink flushed, or `timeoutMs` passed. Never throws. */
  async flush({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
    const deadline = this.now() + timeoutMs;
    const results = await Promise.allSettled(this.workers.map((w) => w.flush(deadline)));
    return results.every((r) => r.status === 'fulfilled');
  }

  /**
   * Delivers what it can — within `timeoutMs`, or for as long as each sink keeps making progress (`stallMs`) — closes
   * every sink and reports what was not delivered. Idempotent; never throws. Events emitted after close() are dropped
   * and counted.
   */
  close({ timeoutMs, stallMs }: CloseOptions = {}): Promise<CloseReport> {
    this.closed ??= (async () => {
      this.closing = true;
      const deadline = timeoutMs !== undefined || stallMs === undefined ? this.now() + (timeoutMs ?? 30_000) : undefined;
      if (this.catchUps.size > 0) {
        // Redelivery from the spool goes on while there is time (keeping a slice for the sinks' own close) and while
        // each sink makes progress; whatever is left stays on disk for the next start.
        const left = deadline === undefined ? undefined : Math.max(0, deadline - this.now());
        const budget = left === undefined ? undefined : Math.max(0, left - Math.min(1000, left / 10));
        const timer = new AbortController();
        const caughtUp = Promise.all(
          [...this.catchUps].map(([worker, c]) => Promise.race([c.done, worker.stalled(stallMs, timer.signal)])),
        );
        await Promise.race([caughtUp, ...(budget !== undefined ? [pause(budget, timer.signal)] : [])]);
        timer.abort();
        this.stopCatchUps.abort();
        await Promise.all([...this.catchUps.values()].map((c) => c.done));
      }
      const outcomes = await Promise.all(
        this.workers.map((w) => w.close({ deadline, stallMs }).catch((e: unknown): CloseOutcome => ({ closeError: String(e) }))),
      );
      const sinks: CloseReport['sinks'] = {};
      this.workers.forEach((w, i) => {
        const spooled = this.spool?.pendingCount(w.sink.name);
        const { stalledSince } = outcomes[i];
        const closeError = outcomes[i].closeError === undefined ? undefined : safeLine(outcomes[i].closeError, ERROR_CHARS);
        sinks[w.sink.name] = {
          ...scrub({ ...w.counters }),
          undelivered: w.counters.received - w.counters.sent,
          closeError,
          ...(spooled !== undefined ? { spooled } : {}),
          ...(stalledSince !== undefined ? { stalledSince } : {}),
        };
      });
      try {
        this.spool?.close();
      } catch (error) {
        // close() never throws: what was appended is on disk already (the next start checks every record).
        this.warnings.warn('spool', 'close', `closing the spool failed: ${errorText(error)}`);
      }
      const complete = Object.values(sinks).every((s) => s.undelivered === 0 && !s.closeError && !s.spooled);
      return { sinks, complete, ...(this.spool ? { spool: this.spool.recovery } : {}) };
    })();
    return this.closed;
  }
}
