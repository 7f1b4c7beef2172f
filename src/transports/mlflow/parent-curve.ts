/**
 * The parent run's learning curve: every iteration's metric points are copied onto the parent (one chart shows the
 * whole run). Points of many iterations are gathered and logged together, 1000 to a request (MLflow's limit), so
 * the parent takes ⌈n / 1000⌉ log-batch requests instead of one per iteration. Points are logged once the sink has
 * been quiet for `lingerMs` (a live run, an iteration every few minutes: its point shows within seconds), and while
 * batches keep coming (a replay) once they are `maxAgeMs` old, so a
 * live run's chart stays current.
 *
 * An iteration run is marked FINISHED only after its points are on the parent: FINISHED means "everything of this
 * iteration is stored". A process killed in between leaves the iteration run RUNNING, and the next process that
 * finds it copies its points from the iteration run itself (see `recover`).
 */
import { LIMITS } from './batch.js';
import { planBatches } from './batch.js';
import type { KeyValue, MlflowClient, Metric, RunData } from './client.js';
import { settleAll } from './settle.js';

interface Pending {
  /** In arrival order, by key and step: a batch re-sent after a failure does not log a point twice. */
  points: Map<string, Metric>;
  /** The parent's own tags (run.finished's), logged with the last points. */
  tags: Map<string, KeyValue>;
  /** Iteration runs to mark FINISHED (end time, and the points that must be stored first). */
  finish: Map<string, { run: RunData; endTime: number; keys: string[] }>;
}

const pointKey = (p: Metric) => `${p.key}\u0000${p.step}`;

export class ParentCurve {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  /** When a batch last came, and since when the oldest waiting point waits. */
  private lastActivity = 0;
  private oldestSince: number | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** A failure of a timer-driven flush, reported by the next send() or flush(). */
  private failure: Error | undefined;

  constructor(
    private readonly client: MlflowClient,
    private readonly lingerMs: number,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** Batches being handled now. */
  private active = 0;

  /** A batch is being handled (until `end()`): a timer flush waits for a quiet moment, or the points' maximum age. */
  begin(): void {
    this.active += 1;
    this.lastActivity = Date.now();
  }

  end(): void {
    this.active -= 1;
    this.lastActivity = Date.now();
  }

  /** Queues an iteration's points for the parent, and the iteration run's FINISHED for after they are stored. */
  add(parentRunId: string, points: readonly Metric[], finish?: { run: RunData; endTime: number }, tags: readonly KeyValue[] = []): void {
    const pending = this.pending.get(parentRunId) ?? { points: new Map(), tags: new Map(), finish: new Map() };
    this.pending.set(parentRunId, pending);
    for (const p of points) pending.points.set(pointKey(p), p);
    for (const t of tags) pending.tags.set(t.key, t);
    if (finish) pending.finish.set(finish.run.info.run_id, { run: finish.run, endTime: finish.endTime, keys: points.map(pointKey) });
    this.oldestSince ??= Date.now();
    if (!this.timer && this.lingerMs > 0) this.schedule(this.lingerMs);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      const quietFor = this.active > 0 ? 0 : now - this.lastActivity;
      const age = now - (this.oldestSince ?? now);
      if (quietFor < this.lingerMs && age < this.maxAgeMs)
        return this.schedule(Math.min(this.lingerMs - quietFor, this.maxAgeMs - age) + 1);
      this.flush().catch((error: unknown) => (this.failure = error as Error));
    }, ms);
    this.timer.unref();
  }

  /** Points waiting, over all parent runs. */
  size(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.points.size + p.tags.size;
    return n;
  }

  /** Logs every complete request of 1000 points now; the rest waits (call after each batch). */
  flushFull(client = this.client): Promise<void> {
    return this.enqueue(true, client);
  }

  /** Logs everything waiting, then marks the iteration runs whose points are stored FINISHED. */
  flush(client = this.client): Promise<void> {
    return this.enqueue(false, client);
  }

  private enqueue(fullOnly: boolean, client: MlflowClient): Promise<void> {
    const run = this.flushing.then(() => this.flushNow(fullOnly, client));
    // Keep the chain going after a failure; the caller sees the error.
    this.flushing = run.catch(() => {});
    return run;
  }

  private async flushNow(fullOnly: boolean, client: MlflowClient): Promise<void> {
    if (!fullOnly && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (const [parent, pending] of this.pending) {
      const count = fullOnly ? Math.floor(pending.points.size / LIMITS.metrics) * LIMITS.metrics : pending.points.size;
      const entries = [...pending.points].slice(0, count);
      const tags = fullOnly ? [] : [...pending.tags.values()];
      const requests = planBatches(
        entries.map(([, p]) => p),
        [],
        tags,
      ).map((request) =>
        client.logBatch(parent, request).then(() => {
          // Stored: off the list (unless a newer point or tag with the same key arrived meanwhile).
          for (const p of request.metrics) if (pending.points.get(pointKey(p)) === p) pending.points.delete(pointKey(p));
          for (const t of request.tags) if (pending.tags.get(t.key) === t) pending.tags.delete(t.key);
        }),
      );
      await settleAll(requests);
      const done = [...pending.finish].filter(([, f]) => f.keys.every((k) => !pending.points.has(k)));
      await settleAll(
        done.map(([runId, f]) =>
          client.updateRun(runId, 'FINISHED', f.endTime).then(() => {
            f.run.info.status = 'FINISHED';
            if (pending.finish.get(runId) === f) pending.finish.delete(runId);
          }),
        ),
      );
      if (pending.points.size === 0 && pending.tags.size === 0 && pending.finish.size === 0) this.pending.delete(parent);
    }
    if (this.size() === 0) this.oldestSince = undefined;
  }

  /** Throws (once) the error of a flush that ran on the timer, so the hub retries the batch that comes next. */
  throwFailure(): void {
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
