/**
 * Reward assessments posted behind their traces. MLflow creates assessments one per request, and its sqlite store
 * writes them one at a time (a few ms each), so a batch of 100 episodes takes a few hundred requests: more than one
 * hub call should wait for on a loaded server. They go out here, a few at a time (leaving the rest of the request
 * limit to runs, artifacts and spans), while later batches proceed; a batch waits only while the backlog is long
 * (bounded, so close() never faces more than a short tail), and flush() waits until every one is stored.
 */
import pLimit from 'p-limit';
import { errorText } from '../../core/error-text.js';
import { SinkError } from '../../core/errors.js';

export interface AssessmentQueueOptions {
  /** Assessment requests in flight at once. @default 4 */
  concurrency?: number;
  /** Backlog above which a batch waits (up to `maxWaitMs`) before it returns. @default 1000 */
  maxBacklog?: number;
  /** Longest a batch waits for the backlog, kept under the hub's call time limit. @default 10000 */
  maxWaitMs?: number;
  /** First and longest pause before a failed request is tried again. */
  retryMs?: { first: number; max: number };
}

/** One request to make, keyed so that the same assessment queued twice (a re-sent batch) is made once. */
export interface QueuedAssessment {
  key: string;
  post: () => Promise<unknown>;
  /**
   * Whether the server holds it already: asked before posting again after a post that got no answer (a connection
   * cut, a reply cut short), which the server may have stored. MLflow creates an assessment per request, so posting
   * again blindly would add a second one.
   */
  stored?: () => Promise<boolean>;
}

/** Stored assessments still remembered as known (a batch re-sent soon after is not posted twice). */
const REMEMBERED = 10_000;

export class AssessmentQueue {
  private readonly limit;
  /**
   * Keys queued or stored recently. Bounded: a key leaves once its assessment is stored and REMEMBERED newer ones were
   * stored after it (a set of every key ever queued grew by ~3.5 keys per episode for the whole replay). A re-sent
   * batch older than that is caught by the stored-trace check in traces.ts, which skips assessments the server has.
   */
  private readonly known = new Set<string>();
  private readonly stored: string[] = [];
  private storedHead = 0;
  private pending = 0;
  private readonly waiters = new Set<() => void>();
  private failures: string[] = [];
  private readonly options: Required<AssessmentQueueOptions>;

  constructor(options: AssessmentQueueOptions = {}) {
    this.options = { concurrency: 4, maxBacklog: 1000, maxWaitMs: 10_000, retryMs: { first: 500, max: 30_000 }, ...options };
    this.limit = pLimit(this.options.concurrency);
  }

  get backlog(): number {
    return this.pending;
  }

  /** Queues the assessments not queued before; returns at once. */
  add(items: readonly QueuedAssessment[]): void {
    for (const item of items) {
      if (this.known.has(item.key)) continue;
      this.known.add(item.key);
      this.pending += 1;
      const settled = () => {
        this.pending -= 1;
        for (const wake of this.waiters) wake();
      };
      // Nobody awaits this request, so both outcomes are handled here: a rejection left to a dropped `finally()` chain
      // would be unhandled, which ends the process the sink runs in. attempt() records its own failures.
      this.limit(() => this.attempt(item)).then(settled, (error: unknown) => {
        this.failures.push(errorText(error));
        settled();
      });
    }
  }

  /** Posts one assessment, trying again after busy or outage failures; a refused one is recorded. */
  private async attempt(item: QueuedAssessment): Promise<void> {
    let unanswered = false;
    for (let pause = this.options.retryMs.first; ; pause = Math.min(pause * 2, this.options.retryMs.max)) {
      try {
        if (!(unanswered && (await item.stored?.()))) await item.post();
        this.remember(item.key);
        return;
      } catch (error) {
        const retryable = error instanceof SinkError ? error.retryable : true;
        // A failure with an HTTP status was answered (nothing stored); one without may have been stored.
        unanswered ||= !(error instanceof SinkError && error.status !== undefined);
        if (!retryable) {
          // Not known any more: a later batch carrying the same episode may try it again.
          this.known.delete(item.key);
          this.failures.push(errorText(error));
          return;
        }
        // Unref'd: a pause between retries never keeps a finished process alive (the sink closed and gave up on the
        // backlog, MLflow still down); whoever waits for the backlog holds the process open with its own timer.
        await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random() / 2)).unref());
      }
    }
  }

  /** Keeps `key` known among the last REMEMBERED stored ones; the oldest is forgotten. */
  private remember(key: string): void {
    this.stored.push(key);
    if (this.stored.length - this.storedHead > REMEMBERED) {
      this.known.delete(this.stored[this.storedHead]);
      this.storedHead += 1;
      // Compact now and then instead of shifting the array on every store.
      if (this.storedHead >= REMEMBERED) {
        this.stored.splice(0, this.storedHead);
        this.storedHead = 0;
      }
    }
  }

  /** Waits while more than `backlog` are pending, at most `maxWaitMs` (or until `signal` aborts). */
  async waitBelow(backlog = this.options.maxBacklog, maxWaitMs = this.options.maxWaitMs, signal?: AbortSignal): Promise<void> {
    const until = Date.now() + maxWaitMs;
    while (this.pending > backlog && Date.now() < until && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        // Woken by every settled request; the timer only bounds the wait (and never overflows on an unbounded one).
        const timer = setTimeout(done, Math.max(1, Math.min(1000, until - Date.now())));
        this.waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** Waits until every queued assessment is stored; throws (once) naming the ones the server refused. */
  async drain(): Promise<void> {
    await this.waitBelow(0, Number.POSITIVE_INFINITY);
    const failures = this.failures;
    this.failures = [];
    if (failures.length > 0) {
      throw new SinkError(`${failures.length} assessment(s) refused by MLflow; first: ${failures[0]}`, {
        retryable: false,
        kind: 'rejected',
      });
    }
  }
}
