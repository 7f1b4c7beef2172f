/**
 * The parent run's learning curve gathered across batches (a stand-in client records the requests; the real server
 * is in test/integration/mlflow.test.ts): complete 1000-point requests only until a full flush, an iteration run
 * finished only once its points are stored, and a failed flush that keeps everything for the next one.
 */
import { describe, expect, it } from 'vitest';
import type { MlflowClient, Metric, RunData } from '../../src/transports/mlflow/client.js';
import { ParentCurve } from '../../src/transports/mlflow/parent-curve.js';

function stubClient(failLogBatch = () => false) {
  const calls: Array<{ kind: 'log' | 'finish'; run: string; metrics?: number; tags?: number }> = [];
  const client = {
    async logBatch(run: string, batch: { metrics: Metric[]; tags: unknown[] }) {
      if (failLogBatch()) throw new Error('server down');
      calls.push({ kind: 'log', run, metrics: batch.metrics.length, tags: batch.tags.length });
    },
    async updateRun(run: string) {
      calls.push({ kind: 'finish', run });
    },
  } as unknown as MlflowClient;
  return { client, calls };
}

const run = (id: string) => ({ info: { run_id: id, status: 'RUNNING', experiment_id: '1', artifact_uri: '' }, data: {} }) as RunData;
const points = (iteration: number, n: number): Metric[] =>
  Array.from({ length: n }, (_, i) => ({ key: `m${i}`, value: i, timestamp: 1, step: iteration }));

describe('ParentCurve', () => {
  it('sends only complete 1000-point requests between batches, and the rest on flush', async () => {
    const { client, calls } = stubClient();
    const curve = new ParentCurve(client, 0);
    for (let i = 0; i < 45; i += 1) curve.add('parent', points(i, 50), { run: run(`it-${i}`), endTime: i });
    await curve.flushFull();
    // 2250 points: two full requests now; the 250 left wait. Iterations 0–39 are stored, so their runs finish.
    expect(calls.filter((c) => c.kind === 'log').map((c) => c.metrics)).toEqual([1000, 1000]);
    expect(calls.filter((c) => c.kind === 'finish').map((c) => c.run)).toEqual(Array.from({ length: 40 }, (_, i) => `it-${i}`));
    calls.length = 0;
    curve.add('parent', [], undefined, [{ key: 'clawloop.error', value: 'none' }]);
    await curve.flush();
    expect(calls.filter((c) => c.kind === 'log')).toEqual([{ kind: 'log', run: 'parent', metrics: 250, tags: 1 }]);
    expect(calls.filter((c) => c.kind === 'finish').map((c) => c.run)).toEqual(['it-40', 'it-41', 'it-42', 'it-43', 'it-44']);
  });

  it('a failed flush finishes nothing and keeps every point; a re-sent iteration adds no point twice', async () => {
    let down = true;
    const { client, calls } = stubClient(() => down);
    const curve = new ParentCurve(client, 0);
    curve.add('parent', points(0, 10), { run: run('it-0'), endTime: 0 });
    await expect(curve.flush()).rejects.toThrow('server down');
    expect(calls).toEqual([]);
    curve.add('parent', points(0, 10), { run: run('it-0'), endTime: 0 });
    down = false;
    await curve.flush();
    expect(calls).toEqual([
      { kind: 'log', run: 'parent', metrics: 10, tags: 0 },
      { kind: 'finish', run: 'it-0' },
    ]);
  });

  it('a flush on the timer that fails is reported by the next batch', async () => {
    const { client } = stubClient(() => true);
    const curve = new ParentCurve(client, 20);
    curve.add('parent', points(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(() => curve.throwFailure()).toThrow('server down');
    expect(() => curve.throwFailure()).not.toThrow();
    curve.close();
  });

  it('a timer flush waits while batches keep coming (a replay), then goes out once the sink is quiet or the points are old', async () => {
    const { client, calls } = stubClient();
    const curve = new ParentCurve(client, 30, 2000);
    curve.begin();
    curve.add('parent', points(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toEqual([]);
    curve.end();
    for (let i = 0; i < 50 && calls.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([{ kind: 'log', run: 'parent', metrics: 3, tags: 0 }]);
    // Busy all the time: the points still go out once they are maxAgeMs old.
    calls.length = 0;
    curve.begin();
    curve.add('parent', points(1, 2));
    for (let i = 0; i < 400 && calls.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([{ kind: 'log', run: 'parent', metrics: 2, tags: 0 }]);
    curve.end();
    curve.close();
  });
});
