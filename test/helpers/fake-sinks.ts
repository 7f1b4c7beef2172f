/** Sinks with scripted behaviour for hub tests: they fail, hang or record, as told. */
import type { CanonicalEvent } from '../../generated/types.gen.js';
import type { Sink } from '../../src/core/sink.js';

export class RecordingSink implements Sink {
  readonly batches: CanonicalEvent[][] = [];
  flushed = 0;
  closed = 0;
  constructor(readonly name = 'recording') {}
  get events(): CanonicalEvent[] {
    return this.batches.flat();
  }
  async handle(batch: readonly CanonicalEvent[]) {
    this.batches.push([...batch]);
  }
  async flush() {
    this.flushed += 1;
  }
  async close() {
    this.closed += 1;
  }
}

/** Fails the first `failures` calls with `error`, then records. */
export class FlakySink extends RecordingSink {
  calls = 0;
  readonly callTimes: number[] = [];
  constructor(
    private failures: number,
    private readonly error: () => unknown,
    name = 'flaky',
  ) {
    super(name);
  }
  override async handle(batch: readonly CanonicalEvent[]) {
    this.calls += 1;
    this.callTimes.push(Date.now());
    if (this.failures > 0) {
      this.failures -= 1;
      throw this.error();
    }
    await super.handle(batch);
  }
}

/** Never answers. */
export class HangingSink implements Sink {
  calls = 0;
  constructor(readonly name = 'hanging') {}
  handle(): Promise<void> {
    this.calls += 1;
    return new Promise(() => {});
  }
  async flush() {}
  close(): Promise<void> {
    return new Promise(() => {});
  }
}

/** Throws synchronously (not even a rejected promise) on every call. */
export class ThrowingSink implements Sink {
  constructor(readonly name = 'throwing') {}
  handle(): Promise<void> {
    throw new Error('boom');
  }
  flush(): Promise<void> {
    throw new Error('boom');
  }
  close(): Promise<void> {
    throw new Error('boom');
  }
}
