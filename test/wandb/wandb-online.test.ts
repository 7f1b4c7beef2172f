/**
 * The wandb sink's online mode against a loopback recorder speaking W&B's GraphQL + file_stream contract:
 * request shapes, auth, line offsets, resume without duplicates, 429 / 5xx retry, completion with exit code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chaos, expectCleanExit, logChaos } from '../helpers/chaos.js';
import { runCliAsync } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { requireSample } from '../helpers/paths.js';
import { startWandbRecorder, type WandbRecorder } from './recorder.js';

const sample = requireSample();
const KEY = 'a'.repeat(40);
let recorder: WandbRecorder;
beforeEach(async () => {
  recorder = await startWandbRecorder();
});
afterEach(async () => recorder.close());

const replay = (extra: NodeJS.ProcessEnv = {}) =>
  runCliAsync(['replay', sample, '--sink', 'wandb', '--quiet'], {
    WANDB_API_KEY: KEY,
    WANDB_BASE_URL: recorder.url,
    WANDB_PROJECT: 'clawloop-online',
    ...extra,
  });

const historyOffsets = () =>
  recorder.fileStream.flatMap((f) => (f.body.files?.['wandb-history.jsonl'] ? [f.body.files['wandb-history.jsonl'].offset] : []));

describe('wandb online mode', () => {
  it('creates the run with upsertBucket, streams history at step = iteration, and completes with exit code 0', async () => {
    const { code, stderr } = await replay();
    expect(code, stderr).toBe(0);
    expect(recorder.graphql.map((g) => g.operation)).toEqual(expect.arrayContaining(['Viewer', 'UpsertBucket', 'CreateRunFiles']));
    const upsert = recorder.graphql.find((g) => g.operation === 'UpsertBucket')!;
    expect(upsert.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
    expect(upsert.variables).toMatchObject({ name: 'd26eec5899634d30b2cdd37918f49dd5', project: 'clawloop-online', entity: 'ci-entity' });
    expect(JSON.parse(String(upsert.variables.config))).toMatchObject({ bench: { value: 'toolbench' } });
    expect(recorder.fileStream[0].path).toBe('/files/ci-entity/clawloop-online/d26eec5899634d30b2cdd37918f49dd5/file_stream');
    expect(historyOffsets()).toEqual([0, 1, 2]);
    const rows = recorder.lines('wandb-history.jsonl').map((l) => JSON.parse(l));
    expect(rows.map((r) => r._step)).toEqual([0, 1, 2]);
    expect(rows[0]).toHaveProperty('reward/mean');
    expect(JSON.parse(recorder.lines('wandb-summary.json').at(-1)!)['clawloop/status']).toBe('completed');
    expect(recorder.fileStream.at(-1)!.body).toEqual({ complete: true, exitcode: 0 });
    expect([...recorder.uploads.keys()].filter((k) => k.startsWith('media/table/episodes/'))).toHaveLength(3);
  });

  it('re-sending the run resumes it: same run id, same line offsets, no appended duplicates', async () => {
    await replay();
    await replay();
    const names = recorder.graphql.filter((g) => g.operation === 'UpsertBucket').map((g) => g.variables.name);
    expect(new Set(names)).toEqual(new Set(['d26eec5899634d30b2cdd37918f49dd5']));
    expect(historyOffsets()).toEqual([0, 1, 2, 0, 1, 2]);
    expect(recorder.lines('wandb-history.jsonl')).toHaveLength(3);
  });

  it('retries 429 with Retry-After and 5xx, losing nothing', async () => {
    recorder.failFileStream(2, 429, { 'retry-after': '1' });
    const started = Date.now();
    const { code, stderr } = await replay();
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/wandb\s+ok\s+sent 20\/20, retried [1-9]/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(recorder.lines('wandb-history.jsonl')).toHaveLength(3);
    recorder.failFileStream(3, 503);
    const again = await replay();
    expect(again.code, again.stderr).toBe(0);
    expect(recorder.fileStream.filter((f) => f.body.complete)).toHaveLength(2);
  });

  it('refuses a bad key without retrying (401) and says so', async () => {
    const original = recorder.failFileStream;
    original(100, 401);
    const { code, stderr } = await replay();
    expect(code).toBe(3);
    expect(stderr).toMatch(/rejected \(not retryable\): wandb POST .*HTTP 401/);
    expect(stderr).not.toContain(KEY);
  });

  it('through seeded chaos (test/helpers/chaos.ts) in front of the API: exit 0, never a crash, every row once, completed', async () => {
    // A seed whose faults fail a batch after some of its rows were streamed: the retried batch writes them again.
    const faults = chaos(3, { fail: 0.15, slow: 0.1 });
    const proxy = await startFaultProxy(recorder.url, faults.decide);
    try {
      const result = await replay({ WANDB_BASE_URL: proxy.url });
      logChaos('wandb online cli', faults, proxy.requests, result.stderr);
      expectCleanExit(result);
      expect(result.stderr).toMatch(/wandb\s+ok\s+sent 20\/20/);
      expect(Object.keys(faults.injected).length).toBeGreaterThan(0);
      // A row re-sent after a lost reply goes to the same offset: W&B keeps one line per offset.
      const rows = recorder.lines('wandb-history.jsonl').map((l) => JSON.parse(l) as { _step: number });
      expect(rows.map((r) => r._step)).toEqual([0, 1, 2]);
      expect(recorder.fileStream.at(-1)!.body).toEqual({ complete: true, exitcode: 0 });
      expect([...recorder.uploads.keys()].filter((k) => k.startsWith('media/table/episodes/'))).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
