/**
 * One sink's bounded queue and its worker: batches events, calls the sink with a timeout, retries retryable
 * failures with backoff (honouring Retry-After), trips a circuit breaker, and counts everything. Nothing here ever
 * throws back to the caller of enqueue().
 */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { SinkError } from './errors.js';
import { RingQueue } from './ring-queue.js';
import { backoffMs, CircuitBreaker, type BreakerPolicy, type BreakerState, type RetryPolicy } from './retry.js';
import type { Sink } from './sink.js';
import type { Spool } from './spool.js';
import type { Warnings } from './warnings.js';

export interface SinkCounters {
  /** Events accepted by emit() for this sink. */
  received: number;
  /** Events the sink acknowledged. */
  sent: number;
  /** Event deliveries attempted again after a retryable failure. */
  retried: number;
  /** Events never attempted: queue full, or still queued when close() ran out of time. */
  dropped: number;
  /** Events given up on: a non-retryable error, or retries exhausted. */
  failed: number;
  /** Events waiting now. */
  queued: number;
  /** Events redelivered from the spool at start (accepted by an earlier process, never acknowledged). */
  recovered: number;
  breaker: BreakerState;
  /** The last error, free of secrets. */
  lastError?: string;
}

export interface WorkerOptions {
  queueSize: number;
  batchSize: number;
  timeoutMs: number;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  warnings: Warnings;
  redact?: (event: CanonicalEvent) => CanonicalEvent;
  spool?: Spool;
  now: () => number;
  random: () => number;
}

/** A queued event and its position in the spool (when spooling). */
interface Entry {
  event: CanonicalEvent;
  seq?: number;
}

class TimeoutError extends Error {}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class SinkWorker {
  readonly counters: SinkCounters = { received: 0, sent: 0, retried: 0, dropped: 0, failed: 0, queued: 0, recovered: 0, breaker: 'closed' };
  private readonly queue: RingQueue<Entry>;
  private readonly breaker: CircuitBreaker;
  private running: Promise<void> | undefined;
  private scheduled = false;
  /** Aborts backoff and breaker waits when close() runs out of time. */
  private readonly stop = new AbortController();
  private closing = false;

  constructor(
    readonly sink: Sink,
    private readonly options: WorkerOptions,
  ) {
    this.queue = new RingQueue(options.queueSize);
    this.breaker = new CircuitBreaker(options.breaker);
  }

  /** O(1); never throws, never waits. `seq` is the event's place in the spool, when spooling. */
  enqueue(event: CanonicalEvent, seq?: number, recovered = false): void {
    this.counters.received += 1;
    if (recovered) this.counters.recovered += 1;
    if (this.closing || !this.queue.push({ event, seq })) {
      this.counters.dropped += 1;
      // Kept on disk: this sink's acknowledgement may not pass it, so the next start redelivers it.
      if (seq !== undefined) this.options.spool?.spill(this.sink.name, seq);
      this.options.warnings.warn(this.sink.name, 'queue-full', this.closing ? 'event arrived after close(); dropped' : `queue full (${this.queue.capacity} events); dropping new events until it drains`);
      return;
    }
    this.counters.queued = this.queue.length;
    this.wake();
  }

  /** Starts the worker on a later turn of the event loop, so emit() returns at once and events batch up. */
  private wake(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (this.queue.length > 0 && !this.stop.signal.aborted) this.wake();
      });
    });
  }

  /**
   * Whether a producer that can wait (a replay, not a training loop) should hold off: the queue holds `maxQueued`
   * events (default: half its capacity) and the sink is healthy. A sink whose breaker is open is not waited for; its queue fills and drops, and counts.
   */
  busy(maxQueued = this.queue.capacity / 2): boolean {
    return this.queue.length >= maxQueued && this.breaker.stateAt(this.options.now()) === 'closed' && !this.closing;
  }

  /** Resolves when the queue is empty and nothing is in flight. */
  async idle(): Promise<void> {
    while (this.running || this.scheduled || (this.queue.length > 0 && !this.stop.signal.aborted)) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stop.signal.aborted) {
      const entries = this.queue.take(this.options.batchSize);
      this.counters.queued = this.queue.length;
      const lastSeq = entries.reduce<number | undefined>((max, e) => (e.seq !== undefined && (max === undefined || e.seq > max) ? e.seq : max), undefined);
      let batch: CanonicalEvent[];
      try {
        batch = entries.map((e) => (this.options.redact ? this.options.redact(e.event) : e.event));
      } catch (error) {
        this.giveUp(entries.length, `redaction hook threw: ${(error as Error).message}`);
        if (lastSeq !== undefined) this.options.spool?.ack(this.sink.name, lastSeq);
        continue;
      }
      // Acknowledged when delivered or given up on; not when abandoned at a close deadline (stays pending on disk).
      if ((await this.deliver(batch)) && lastSeq !== undefined) this.options.spool?.ack(this.sink.name, lastSeq);
    }
  }

  /** Delivers one batch; true when the batch is settled (sent, or given up on), false when abandoned at close. */
  private async deliver(batch: CanonicalEvent[]): Promise<boolean> {
    const firstAttempt = this.options.now();
    for (let attempt = 1; ; attempt += 1) {
      const wait = this.breaker.waitMs(this.options.now());
      if (wait > 0) await sleep(wait, this.stop.signal);
      if (this.stop.signal.aborted) {
        this.counters.dropped += batch.length;
        return false;
      }
      try {
        await withTimeout(Promise.resolve().then(() => this.sink.handle(batch)), this.options.timeoutMs, `${this.sink.name}.handle()`);
        this.breaker.success();
        this.counters.breaker = 'closed';
        this.counters.sent += batch.length;
        return true;
      } catch (error) {
        const retryable = error instanceof SinkError ? error.retryable : true;
        const message = error instanceof Error ? error.message : String(error);
        this.counters.lastError = message;
        if (this.breaker.failure(this.options.now())) {
          this.options.warnings.warn(this.sink.name, 'breaker', `circuit open after repeated failures; pausing ${this.options.breaker.cooldownMs} ms (last error: ${message})`);
        }
        this.counters.breaker = this.breaker.stateAt(this.options.now());
        const exhausted = attempt >= this.options.retry.maxAttempts || this.options.now() - firstAttempt >= this.options.retry.maxElapsedMs;
        if (!retryable || exhausted) {
          this.giveUp(batch.length, retryable ? `gave up after ${attempt} attempts in ${Math.round((this.options.now() - firstAttempt) / 1000)} s: ${message}` : `rejected (not retryable): ${message}`);
          return true;
        }
        this.counters.retried += batch.length;
        this.options.warnings.warn(this.sink.name, 'retry', `attempt ${attempt} failed, retrying: ${message}`);
        const retryAfter = error instanceof SinkError ? error.retryAfterMs : undefined;
        await sleep(backoffMs(this.options.retry, attempt, retryAfter, this.options.random), this.stop.signal);
      }
    }
  }

  private giveUp(n: number, why: string): void {
    this.counters.failed += n;
    this.options.warnings.warn(this.sink.name, 'failed', `${n} events not delivered: ${why}`);
  }

  /**
   * Stops accepting events, waits for the queue to drain until `deadline`, then gives up on what is left (counted as
   * dropped) and closes the sink with whatever time remains. Returns the sink's close error, if any.
   */
  async close(deadline: number): Promise<string | undefined> {
    this.closing = true;
    const remaining = () => Math.max(0, deadline - this.options.now());
    // Keep a slice of the time for the sink's own shutdown (closing connections, its last flush).
    const drainFor = Math.max(0, remaining() - Math.min(1000, remaining() / 10));
    const startedAt = this.options.now();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, drainFor);
    });
    // Drain, then let the sink push out what it buffers (e.g. annotations waiting for their spans), all within the drain time.
    const drained = this.idle().then(() => withTimeout(Promise.resolve().then(() => this.sink.flush()), Math.max(1, drainFor - (this.options.now() - startedAt)), `${this.sink.name}.flush()`));
    const outcome = await Promise.race([drained.then(() => 'done' as const, (error: unknown) => error as Error), timedOut.then(() => 'timeout' as const)]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.stop.abort();
      this.counters.dropped += this.queue.clear();
      this.counters.queued = 0;
    }
    const flushError = outcome instanceof Error ? `flush before close failed: ${outcome.message}` : undefined;
    if (flushError) this.options.warnings.warn(this.sink.name, 'flush', flushError);
    try {
      await withTimeout(Promise.resolve().then(() => this.sink.close()), Math.max(1, remaining()), `${this.sink.name}.close()`);
      return flushError;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.warnings.warn(this.sink.name, 'close', `close failed: ${message}`);
      return message;
    } finally {
      this.stop.abort();
    }
  }

  /** Calls the sink's flush after the queue drained, within `deadline`. */
  async flush(deadline: number): Promise<void> {
    const remaining = Math.max(1, deadline - this.options.now());
    await withTimeout(this.idle().then(() => this.sink.flush()), remaining, `${this.sink.name}.flush()`);
  }
}
