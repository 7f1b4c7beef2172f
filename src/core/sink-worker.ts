/**
 * One sink's bounded queue and its worker. Takes batches in event order and keeps up to a few calls in flight (as
 * many as the sink allows and its backend currently takes: src/core/adaptive-limit.ts); times out and aborts slow
 * calls; treats a busy backend as back-pressure (slow down, honour Retry-After) and a failing one as an outage
 * (circuit breaker); splits a batch to isolate an event the backend refuses; acknowledges the spool only over a
 * delivered prefix (src/core/ordered-acks.ts). Nothing here ever throws back to the caller of enqueue().
 */
import { setMaxListeners } from 'node:events';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import { errorText } from './error-text.js';
import { classifyError, SinkError } from './errors.js';
import { OrderedAcks } from './ordered-acks.js';
import { RingQueue } from './ring-queue.js';
import { backoffMs, CircuitBreaker, type BreakerPolicy, type BreakerState, type RetryPolicy } from './retry.js';
import { callSink } from './sink-call.js';
import type { Sink } from './sink.js';
import type { Spool } from './spool.js';
import type { Warnings } from './warnings.js';

export interface SinkCounters {
  /** Events accepted by emit() for this sink. */
  received: number;
  /** Events the sink acknowledged. */
  sent: number;
  /** Event deliveries attempted again after a failure (a batch split to isolate a refused event counts too). */
  retried: number;
  /** Events never attempted: queue full, or still queued when close() ran out of time. */
  dropped: number;
  /** Events given up on: refused by the backend (see `rejected`), or retries exhausted. */
  failed: number;
  /** Events the backend refused one by one, isolated from their batch (counted in `failed` too). */
  rejected: number;
  /** The last refused event and why, free of secrets. */
  lastRejected?: string;
  /** Events waiting now. */
  queued: number;
  /** Calls in flight now. */
  inFlight: number;
  /** Busy answers so far (429, 503, "at capacity", slow or timed-out calls); each slowed this sink down. */
  busy: number;
  /** Current limits: calls in flight and events per call (halved when the backend is busy, grown back after). */
  concurrency: number;
  batchSize: number;
  /** When this sink last delivered something (or last had nothing to do), in ms since the epoch. */
  lastProgressAt: number;
  /** Events redelivered from the spool at start (accepted by an earlier process, never acknowledged). */
  recovered: number;
  breaker: BreakerState;
  /** The last error, free of secrets. */
  lastError?: string;
}

export interface WorkerOptions {
  queueSize: number;
  batchSize: number;
  /** Most calls in flight for a sink that allows several (Sink.concurrency). */
  maxInFlight: number;
  timeoutMs: number;
  /** A successful call slower than this counts as back-pressure. */
  slowMs: number;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  warnings: Warnings;
  redact?: (event: CanonicalEvent) => CanonicalEvent;
  spool?: Spool;
  now: () => number;
  random: () => number;
}

/** How close() should bound the end: a fixed deadline, a limit on time without progress, or both. */
export interface CloseLimits {
  deadline?: number;
  stallMs?: number;
}

export interface CloseOutcome {
  closeError?: string;
  /** Set when close() gave up because the sink made no progress for `stallMs`: when it last did. */
  stalledSince?: number;
}

interface Entry {
  event: CanonicalEvent;
  seq?: number;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Names an event in a warning without printing its content (ids are JSON-quoted so odd bytes stay visible and inert). */
export function describeEvent(event: CanonicalEvent): string {
  const id = (value: unknown) => JSON.stringify(String(value).slice(0, 80));
  const where = `run ${id(event.run_id)}${'iteration' in event ? `, iteration ${event.iteration}` : ''}`;
  return event.type === 'episode' ? `episode ${id(event.episode.id)} (${where})` : `${event.type} (${where})`;
}

export class SinkWorker {
  readonly counters: SinkCounters;
  private readonly queue: RingQueue<Entry>;
  private readonly breaker: CircuitBreaker;
  private readonly limit: AdaptiveLimit;
  private readonly acks: OrderedAcks;
  /** Batches being delivered now (each may be retrying or split). */
  private active = 0;
  private scheduled = false;
  private pumpTimer: NodeJS.Timeout | undefined;
  /** No call starts before this (a server's Retry-After). */
  private pausedUntil = 0;
  /** A half-open breaker lets one trial call through at a time. */
  private trial = false;
  /** Aborts calls, backoff and waits when close() gives up. */
  private readonly stop = new AbortController();
  private closing = false;
  private waiters: Array<() => void> = [];

  constructor(
    readonly sink: Sink,
    private readonly options: WorkerOptions,
  ) {
    this.queue = new RingQueue(options.queueSize);
    // Every call and wait in flight listens to it (several calls, split halves): not a leak.
    setMaxListeners(0, this.stop.signal);
    this.breaker = new CircuitBreaker(options.breaker);
    const maxInFlight = Math.max(1, Math.min(options.maxInFlight, Math.floor(sink.concurrency ?? 1)));
    this.limit = new AdaptiveLimit({ maxInFlight, maxBatch: options.batchSize, slowMs: options.slowMs });
    this.acks = new OrderedAcks((seq) => this.ackSpool(seq));
    this.counters = {
      received: 0,
      sent: 0,
      retried: 0,
      dropped: 0,
      failed: 0,
      rejected: 0,
      queued: 0,
      inFlight: 0,
      busy: 0,
      concurrency: this.limit.inFlight,
      batchSize: this.limit.batchSize,
      lastProgressAt: options.now(),
      recovered: 0,
      breaker: 'closed',
    };
  }

  /** O(1); never throws, never waits. `seq` is the event's place in the spool, when spooling. */
  enqueue(event: CanonicalEvent, seq?: number, recovered = false): void {
    this.counters.received += 1;
    if (recovered) this.counters.recovered += 1;
    const wasIdle = this.queue.length === 0 && this.active === 0;
    if (this.closing || !this.queue.push({ event, seq })) {
      this.counters.dropped += 1;
      // Kept on disk: this sink's acknowledgement may not pass it, so the next start redelivers it.
      if (seq !== undefined) this.options.spool?.spill(this.sink.name, seq);
      this.options.warnings.warn(
        this.sink.name,
        'queue-full',
        this.closing
          ? 'event arrived after close(); dropped'
          : `queue full (${this.queue.capacity} events); dropping new events until it drains`,
      );
      return;
    }
    // The no-progress clock runs only while there is work.
    if (wasIdle) this.counters.lastProgressAt = this.options.now();
    this.counters.queued = this.queue.length;
    this.wake();
  }

  /** Starts work on a later turn of the event loop, so emit() returns at once and events batch up. */
  private wake(): void {
    if (this.scheduled || this.stop.signal.aborted) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
      this.notify();
    });
  }

  /** Milliseconds before a call may start (open breaker, or a server's Retry-After). */
  private gateMs(): number {
    const now = this.options.now();
    return Math.max(this.breaker.waitMs(now), this.pausedUntil - now);
  }

  /** Starts as many batches as the current limit allows. */
  private pump(): void {
    while (!this.stop.signal.aborted && this.queue.length > 0 && this.active < this.limit.inFlight) {
      const wait = this.gateMs();
      if (wait > 0) {
        this.pumpTimer ??= setTimeout(() => {
          this.pumpTimer = undefined;
          this.pump();
        }, wait);
        return;
      }
      // A half-open breaker: one trial call, the rest wait for its outcome.
      if (this.breaker.stateAt(this.options.now()) !== 'closed' && this.active > 0) return;
      const entries = this.queue.take(this.limit.batchSize);
      this.counters.queued = this.queue.length;
      // dispatch() answers its own failures; this handler is the guard that keeps a bug there from ever becoming an
      // unhandled rejection, which would end the training process the hub runs in.
      this.dispatch(entries).catch((error: unknown) => {
        this.options.warnings.warn(this.sink.name, 'internal', `internal error in delivery: ${errorText(error)}`);
      });
    }
  }

  private async dispatch(entries: Entry[]): Promise<void> {
    this.active += 1;
    this.counters.inFlight = this.active;
    const lastSeq = entries.reduce<number | undefined>(
      (max, e) => (e.seq !== undefined && (max === undefined || e.seq > max) ? e.seq : max),
      undefined,
    );
    const slot = this.acks.open(lastSeq);
    let settled = true;
    try {
      let batch: CanonicalEvent[] | undefined;
      try {
        batch = entries.map((e) => (this.options.redact ? this.options.redact(e.event) : e.event));
      } catch (error) {
        this.giveUp(entries.length, `redaction hook threw: ${errorText(error)}`);
      }
      if (batch) settled = await this.deliver(batch);
    } catch (error) {
      this.giveUp(entries.length, `internal error: ${errorText(error)}`);
    } finally {
      // Acknowledged when delivered or given up on; not when abandoned at a close deadline (stays pending on disk).
      if (settled) this.acks.settle(slot);
      else this.acks.abandon(slot);
      this.active -= 1;
      this.counters.inFlight = this.active;
      this.pump();
      this.notify();
    }
  }

  /** Waits until a call may start; false when stopped. 'trial' when this call is the half-open breaker's one trial. */
  private async gate(): Promise<boolean | 'trial'> {
    for (;;) {
      if (this.stop.signal.aborted) return false;
      const wait = this.gateMs();
      if (wait > 0) {
        await sleep(wait, this.stop.signal);
        continue;
      }
      if (this.breaker.stateAt(this.options.now()) !== 'half-open') return true;
      if (!this.trial) {
        this.trial = true;
        return 'trial';
      }
      await sleep(50, this.stop.signal);
    }
  }

  /** Delivers one batch; true when it is settled (sent, or given up on), false when abandoned at close. */
  private async deliver(batch: readonly CanonicalEvent[]): Promise<boolean> {
    const { options, counters } = this;
    const firstAttempt = options.now();
    for (let attempt = 1; ; attempt += 1) {
      const gate = await this.gate();
      if (gate === false) {
        counters.dropped += batch.length;
        return false;
      }
      const startedAt = options.now();
      const outcome = await callSink(this.sink, batch, options.timeoutMs, options.timeoutMs, this.stop.signal);
      if (gate === 'trial') this.trial = false;
      if (outcome.ok) {
        this.breaker.success();
        counters.breaker = 'closed';
        this.limit.success(startedAt, options.now());
        counters.sent += batch.length;
        this.progressed();
        return true;
      }
      if (this.stop.signal.aborted) {
        counters.dropped += batch.length;
        return false;
      }
      const { error } = outcome;
      const kind = classifyError(error);
      const message = errorText(error);
      const retryAfter = error instanceof SinkError ? error.retryAfterMs : undefined;
      counters.lastError = message;
      if (outcome.stillRunning)
        options.warnings.warn(
          this.sink.name,
          'abort',
          `a timed-out call did not stop when aborted; the sink ignores its AbortSignal, so a retry may overlap it`,
        );
      if (kind === 'outage') {
        if (this.breaker.failure(options.now()))
          options.warnings.warn(
            this.sink.name,
            'breaker',
            `circuit open after repeated failures; pausing ${options.breaker.cooldownMs} ms (last error: ${message})`,
          );
      } else {
        // Busy, too large or refused: the backend answered, so it is up.
        this.breaker.alive();
      }
      counters.breaker = this.breaker.stateAt(options.now());
      if (kind === 'busy' || kind === 'too-large') {
        counters.busy += 1;
        this.limit.busy(startedAt, options.now());
        this.syncLimits();
        if (retryAfter !== undefined)
          this.pausedUntil = Math.max(this.pausedUntil, options.now() + Math.min(retryAfter, options.retry.maxRetryAfterMs));
        // A batch the backend could not take in time (or at all) is retried in halves.
        if (batch.length > 1 && (kind === 'too-large' || outcome.timedOut)) return this.split(batch);
        options.warnings.warn(
          this.sink.name,
          'busy',
          `backend busy, slowing down to ${this.limit.inFlight} call(s) in flight × ${this.limit.batchSize} events: ${message}`,
        );
        if (kind === 'too-large') return this.reject(batch, `too large even alone: ${message}`);
      }
      if (kind === 'rejected') {
        const configuration = error instanceof SinkError && (error.status === 401 || error.status === 403);
        // Refused content: find the event at fault by splitting; an auth failure is about every event alike.
        if (batch.length > 1 && !configuration) return this.split(batch);
        return this.reject(batch, `rejected (not retryable): ${message}`);
      }
      const elapsed = options.now() - firstAttempt;
      if (attempt >= options.retry.maxAttempts || elapsed >= options.retry.maxElapsedMs) {
        this.giveUp(batch.length, `gave up after ${attempt} attempts in ${Math.round(elapsed / 1000)} s: ${message}`);
        return true;
      }
      counters.retried += batch.length;
      if (kind === 'outage') options.warnings.warn(this.sink.name, 'retry', `attempt ${attempt} failed, retrying: ${message}`);
      await sleep(backoffMs(options.retry, attempt, retryAfter, options.random), this.stop.signal);
    }
  }

  /** Delivers a batch as two halves, in order. */
  private async split(batch: readonly CanonicalEvent[]): Promise<boolean> {
    const mid = Math.ceil(batch.length / 2);
    this.counters.retried += batch.length;
    if (!(await this.deliver(batch.slice(0, mid)))) {
      this.counters.dropped += batch.length - mid;
      return false;
    }
    return this.deliver(batch.slice(mid));
  }

  /** The backend refused `batch` (a single event, or an auth failure for all): given up on and reported. */
  private reject(batch: readonly CanonicalEvent[], why: string): true {
    if (batch.length === 1) {
      this.counters.rejected += 1;
      this.counters.lastRejected = `${describeEvent(batch[0])}: ${why}`;
      this.giveUp(1, `${describeEvent(batch[0])} ${why}`);
    } else {
      this.giveUp(batch.length, why);
    }
    this.progressed();
    return true;
  }

  /**
   * Records delivery in the spool. A spool that cannot write its watermark (disk full, directory removed) costs a
   * redelivery after the next start, never the worker: an ack that threw here once escaped dispatch() as an unhandled
   * rejection (ending the caller's process) and left the batch counted in flight for ever.
   */
  private ackSpool(seq: number): void {
    try {
      this.options.spool?.ack(this.sink.name, seq);
    } catch (error) {
      this.options.warnings.warn(
        this.sink.name,
        'spool-ack',
        `could not record delivered events in the spool (they will be sent again after a restart): ${errorText(error)}`,
      );
    }
  }

  private giveUp(n: number, why: string): void {
    this.counters.failed += n;
    this.options.warnings.warn(this.sink.name, 'failed', `${n} event${n === 1 ? '' : 's'} not delivered: ${why}`);
  }

  private progressed(): void {
    this.counters.lastProgressAt = this.options.now();
    this.syncLimits();
  }

  private syncLimits(): void {
    this.counters.concurrency = this.limit.inFlight;
    this.counters.batchSize = this.limit.batchSize;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Whether a producer that can wait (a replay, not a training loop) should hold off: the queue holds `maxQueued`
   * events (default: half its capacity). By default a sink whose breaker is open is not waited for (its queue fills,
   * drops and counts); with `stallMs` the producer waits through outages and busy spells until the sink has made no
   * progress for that long.
   */
  busy(maxQueued = this.queue.capacity / 2, stallMs?: number): boolean {
    if (this.closing || this.queue.length < maxQueued) return false;
    if (stallMs !== undefined) return this.options.now() - this.counters.lastProgressAt < stallMs;
    return this.breaker.stateAt(this.options.now()) === 'closed';
  }

  /** Resolves once this sink has made no progress for `stallMs` (never without it), or when `signal` aborts. */
  stalled(stallMs: number | undefined, signal: AbortSignal): Promise<void> {
    if (stallMs === undefined)
      return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    return (async () => {
      while (!signal.aborted) {
        const left = this.counters.lastProgressAt + stallMs - this.options.now();
        if (left <= 0) return;
        await sleep(Math.min(left, 1000), signal);
      }
    })();
  }

  /** Resolves when the queue is empty and nothing is in flight. */
  async idle(): Promise<void> {
    while (this.active > 0 || this.scheduled || (this.queue.length > 0 && !this.stop.signal.aborted)) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /**
   * Stops accepting events and waits for the queue to drain and the sink to flush, until the deadline passes or the
   * sink made no progress for `stallMs`; then gives up on what is left (counted as dropped) and closes the sink.
   */
  async close(limits: CloseLimits): Promise<CloseOutcome> {
    const { now } = this.options;
    this.closing = true;
    if (this.active === 0 && this.queue.length === 0) this.counters.lastProgressAt = now();
    const remaining = () => (limits.deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, limits.deadline - now()));
    // With a deadline, keep a slice of the time for the sink's own shutdown (closing connections, its last flush).
    const drainUntil = limits.deadline === undefined ? undefined : limits.deadline - Math.min(1000, remaining() / 10);
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<'timeout' | 'stalled'>((resolve) => {
      const tick = () => {
        const t = now();
        if (drainUntil !== undefined && t >= drainUntil) {
          resolve('timeout');
          return;
        }
        const stallAt = limits.stallMs === undefined ? Number.POSITIVE_INFINITY : this.counters.lastProgressAt + limits.stallMs;
        if (t >= stallAt) {
          resolve('stalled');
          return;
        }
        timer = setTimeout(tick, Math.max(1, Math.min(stallAt - t, (drainUntil ?? Number.POSITIVE_INFINITY) - t, 1000)));
      };
      tick();
    });
    // Drain, then let the sink push out what it buffers (e.g. annotations waiting for their spans).
    const drained = this.idle().then(() => this.sink.flush());
    const outcome = await Promise.race([
      drained.then(
        () => 'done' as const,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
      watchdog,
    ]);
    clearTimeout(timer);
    let stalledSince: number | undefined;
    if (outcome === 'timeout' || outcome === 'stalled') {
      if (outcome === 'stalled') stalledSince = this.counters.lastProgressAt;
      const why = outcome === 'stalled' ? `no progress for ${Math.round(limits.stallMs! / 1000)} s` : 'close deadline passed';
      this.stop.abort(new Error(`${this.sink.name}: ${why}`));
      this.counters.dropped += this.queue.clear();
      this.counters.queued = 0;
      if (this.pumpTimer) clearTimeout(this.pumpTimer);
      this.notify();
      // Aborted calls end at once when the transport honours its signal; their batches count themselves as dropped.
      await Promise.race([this.idle(), sleep(Math.min(1000, remaining()))]);
    }
    const flushError = outcome instanceof Error ? `flush before close failed: ${outcome.message}` : undefined;
    if (flushError) this.options.warnings.warn(this.sink.name, 'flush', flushError);
    const closeFor = Math.max(1, Math.min(remaining(), limits.stallMs ?? Number.POSITIVE_INFINITY));
    try {
      await withTimeout(
        Promise.resolve().then(() => this.sink.close()),
        closeFor,
        `${this.sink.name}.close()`,
      );
      return { closeError: flushError, stalledSince };
    } catch (error) {
      const message = errorText(error);
      this.options.warnings.warn(this.sink.name, 'close', `close failed: ${message}`);
      return { closeError: message, stalledSince };
    } finally {
      if (!this.stop.signal.aborted) this.stop.abort(new Error(`${this.sink.name}: closed`));
      if (this.pumpTimer) clearTimeout(this.pumpTimer);
    }
  }

  /** Calls the sink's flush after the queue drained, within `deadline`. */
  async flush(deadline: number): Promise<void> {
    const remaining = Math.max(1, deadline - this.options.now());
    await withTimeout(
      this.idle().then(() => this.sink.flush()),
      remaining,
      `${this.sink.name}.flush()`,
    );
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
