/** Assessments posted behind their traces: made once per key, retried while the server is busy, refusals reported by drain(), a bounded wait. */
import { describe, expect, it } from 'vitest';
import { SinkError } from '../../src/core/errors.js';
import { AssessmentQueue } from '../../src/transports/mlflow/assessment-queue.js';

describe('AssessmentQueue', () => {
  it('makes each keyed request once, retries busy failures and drains', async () => {
    const queue = new AssessmentQueue({ retryMs: { first: 5, max: 10 } });
    const made: string[] = [];
    let busy = 2;
    const item = (key: string) => ({
      key,
      post: async () => {
        if (key === 'b' && busy-- > 0) throw new SinkError('HTTP 503 TEMPORARILY_UNAVAILABLE', { retryable: true, status: 503 });
        made.push(key);
      },
    });
    queue.add([item('a'), item('b'), item('a')]);
    queue.add([item('b')]);
    await queue.drain();
    expect(made.sort()).toEqual(['a', 'b']);
    expect(queue.backlog).toBe(0);
  });

  it('drain() reports what the server refused, once', async () => {
    const queue = new AssessmentQueue();
    queue.add([
      {
        key: 'x',
        post: async () => Promise.reject(new SinkError('HTTP 400 INVALID_PARAMETER_VALUE: bad name', { retryable: false, status: 400 })),
      },
    ]);
    await expect(queue.drain()).rejects.toThrow(/1 assessment\(s\) refused by MLflow; first: HTTP 400 INVALID_PARAMETER_VALUE/);
    await expect(queue.drain()).resolves.toBeUndefined();
  });

  it('a batch waits while the backlog is long, but never longer than maxWaitMs', async () => {
    const queue = new AssessmentQueue({ concurrency: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    queue.add(Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, post: () => gate })));
    const started = Date.now();
    await queue.waitBelow(2, 100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(queue.backlog).toBe(5);
    release();
    await queue.waitBelow(2, 10_000);
    expect(queue.backlog).toBeLessThanOrEqual(2);
    await queue.drain();
  });

  it('remembers stored keys for a while, not for ever (memory stays flat over a long replay)', async () => {
    const queue = new AssessmentQueue({ concurrency: 64 });
    const made: string[] = [];
    const item = (key: string) => ({ key, post: async () => void made.push(key) });
    queue.add([item('first')]);
    await queue.drain();
    queue.add([item('first')]); // re-sent soon after: known, not posted again
    await queue.drain();
    expect(made).toEqual(['first']);
    queue.add(Array.from({ length: 10_000 }, (_, i) => item(`k${i}`)));
    await queue.drain();
    queue.add([item('first')]); // 10 000 stored since: forgotten (the stored-trace check covers this case)
    await queue.drain();
    expect(made.filter((k) => k === 'first')).toHaveLength(2);
  });
});
