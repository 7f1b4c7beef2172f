/**
 * The langfuse sink against a REAL Langfuse 4.16.0 (web + worker built from Langfuse's source by `pnpm backends`,
 * started here on free loopback ports): the bundled sample and a real ClawLoop run are replayed through the CLI and
 * read back through Langfuse's public API — every trace, observation and score, with exact values; a second replay
 * adds nothing. The fast contract stand-in of the same sink: test/langfuse/langfuse-contract.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import { episodeSpanIds } from '../../src/otlp/spans.js';
import { chaos, expectCleanExit, logChaos, repeatedRuns } from '../helpers/chaos.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { ROOT } from '../helpers/paths.js';
import { copyRunAs } from '../helpers/run-copy.js';
import { expectRunInLangfuse, observationCount } from './langfuse-expected.js';
import { eventually, observations, scores } from './servers/langfuse-api.js';
import { startLangfuse, type LangfuseServer } from './servers/langfuse.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
let langfuse: LangfuseServer;
let sample: CanonicalEvent[];

beforeAll(async () => {
  langfuse = await startLangfuse();
  sample = (await collect(SAMPLE)).events;
}, 300_000);
afterAll(async () => langfuse?.stop());

const replay = (dir: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) =>
  runCliAsync(['replay', dir, '--sink', 'langfuse', '--quiet', ...args], { ...langfuse.sinkEnv(), ...env });

describe('langfuse sink → a real Langfuse 4.16.0', () => {
  it(
    'the bundled sample: one trace per episode, AGENT → GENERATION → TOOL observations and every score, read back exactly',
    { timeout: 600_000 },
    async () => {
      const { code, stderr } = await replay(SAMPLE, { LANGFUSE_TRACING_ENVIRONMENT: 'ci', LANGFUSE_RELEASE: 'v1.2.3' });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/langfuse\s+ok\s+sent \d+\/\d+, retried 0/);
      const counts = await expectRunInLangfuse(langfuse, sample, { environment: 'ci', release: 'v1.2.3' });
      expect(counts.observations).toBe(sample.filter((e) => e.type === 'episode').reduce((n, e) => n + observationCount(e), 0));
    },
  );

  it('a second replay adds nothing: traces, observations and scores are upserted by id', { timeout: 600_000 }, async () => {
    const since = Date.now();
    // A new release makes the second replay's writes visible (every observation carries it).
    const { code, stderr } = await replay(SAMPLE, { LANGFUSE_TRACING_ENVIRONMENT: 'ci', LANGFUSE_RELEASE: 'v1.2.4' });
    expect(code, stderr).toBe(0);
    // Exact counts per trace: a duplicate observation or score fails the check.
    await expectRunInLangfuse(langfuse, sample, { environment: 'ci', release: 'v1.2.4', since });
  });
});

/** The sample under a fresh run id: the same real data on traces no other test touches. */
async function freshSample(tag: string): Promise<{ dir: string; events: CanonicalEvent[] }> {
  const runId = `${tag}${'0'.repeat(32)}`.slice(0, 32);
  const dir = copyRunAs(SAMPLE, sample[0].run_id, runId);
  const events = (await collect(dir)).events;
  expect(events.every((e) => e.run_id === runId)).toBe(true);
  return { dir, events };
}

const firstTrace = (events: CanonicalEvent[]) => {
  const e = events.find((x): x is EpisodeEvent => x.type === 'episode')!;
  return episodeSpanIds(e.run_id, e.episode.id).traceId;
};

describe('langfuse sink → a real Langfuse 4.16.0: failures', () => {
  it('wrong keys: Langfuse answers 401; not retried, reported under the sink name, keys never printed', { timeout: 300_000 }, async () => {
    const { dir, events } = await freshSample('badcafe1');
    const { code, stderr } = await replay(dir, { LANGFUSE_SECRET_KEY: 'sk-lf-wrong-key-9999' });
    expect(code, stderr).toBe(3);
    expect(stderr).toMatch(/langfuse: \d+ events not delivered: rejected \(not retryable\): .*HTTP 401/);
    // Everything that needed a request failed at once, without a retry (run.started needs none, so it counts as sent).
    const summary = stderr.match(/langfuse\s+INCOMPLETE sent (\d+)\/(\d+), retried 0, dropped 0, failed (\d+),/);
    expect(summary, stderr).not.toBeNull();
    expect(Number(summary![1])).toBeLessThanOrEqual(1);
    expect(Number(summary![1]) + Number(summary![3])).toBe(Number(summary![2]));
    expect(stderr).not.toContain('sk-lf-wrong-key-9999');
    expect(await observations(langfuse, { traceId: firstTrace(events) })).toEqual([]);
  });

  it('worker down while the replay is accepted: web queues it, nothing is lost once the worker is back', { timeout: 600_000 }, async () => {
    const { dir, events } = await freshSample('deadbee1');
    await langfuse.stopWorker();
    try {
      const { code, stderr } = await replay(dir);
      expect(code, stderr).toBe(0);
      // Accepted by web, not processed: nothing is readable while the worker is down.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await observations(langfuse, { traceId: firstTrace(events) })).toEqual([]);
      expect(await scores(langfuse, { traceId: firstTrace(events) })).toEqual([]);
    } finally {
      await langfuse.startWorker();
    }
    await expectRunInLangfuse(langfuse, events);
  });

  // Langfuse's worker acknowledges an ingestion job once its rows are in an in-memory ClickHouse write buffer
  // (flushed every LANGFUSE_INGESTION_CLICKHOUSE_WRITE_INTERVAL_MS, 1 s by default, and on a graceful shutdown). A
  // SIGKILL loses what that buffer held although the ingestion API had already answered 2xx: no client can see it.
  // What the sink guarantees is that the replay is unaffected, and that replaying the run again (stable ids) completes
  // it in Langfuse without adding anything twice.
  it(
    'worker killed (SIGKILL) mid-replay: the replay exits 0; replaying again after its restart completes the run without duplicates',
    { timeout: 600_000 },
    async () => {
      const { dir, events } = await freshSample('deadbee2');
      const pending = replay(dir);
      // Cut the worker off as soon as it has written the first observation, while the rest is still queued or in work.
      await eventually(
        () => observations(langfuse, { traceId: firstTrace(events) }),
        (o) => o.length > 0,
        120_000,
      );
      await langfuse.killWorker();
      const first = await pending;
      expect(first.code, first.stderr).toBe(0);
      await langfuse.startWorker();
      const again = await replay(dir);
      expect(again.code, again.stderr).toBe(0);
      await expectRunInLangfuse(langfuse, events);
    },
  );

  it(
    'web restarted mid-replay (after the spans, before the scores): retried, and the replay is complete',
    { timeout: 600_000 },
    async () => {
      const { dir, events } = await freshSample('0ffbeef1');
      let restarted: Promise<void> | undefined;
      // A pass-through proxy that holds the replay's second request until web has been stopped, so the restart
      // lands between two requests of the same replay. Later requests pass as they come.
      const proxy = await startFaultProxy(langfuse.url, (n) => {
        if (n !== 2) return 'forward';
        restarted = langfuse.stopWeb().then(() => undefined);
        return restarted.then(() => 'forward' as const);
      });
      try {
        // --timeout: the closing flush waits out web's restart (about 30 s, longer on a busy machine).
        const pending = replay(dir, { LANGFUSE_BASE_URL: proxy.url }, ['--timeout', '400000']);
        const done = (async () => {
          while (!restarted) await new Promise((r) => setTimeout(r, 100));
          await restarted;
          await langfuse.startWeb();
        })();
        const { code, stderr } = await pending;
        await done;
        expect(code, stderr).toBe(0);
        expect(stderr).toMatch(/langfuse\s+ok\s+sent \d+\/\d+, retried [1-9]/);
      } finally {
        await proxy.close();
      }
      await expectRunInLangfuse(langfuse, events);
    },
  );

  it(
    'through seeded chaos (test/helpers/chaos.ts) in front of web, the sample as 4 runs: exit 0, never a crash, every observation and score once',
    { timeout: 600_000 },
    async () => {
      const { file, runIds } = repeatedRuns(sample, 4, 'c4a05e');
      // OTLP exports and ingestion batches side by side (four calls in flight): siblings meet early errors.
      const faults = chaos(8080, { slow: 0.3 });
      const proxy = await startFaultProxy(langfuse.url, faults.decide);
      try {
        const result = await replay(file, { LANGFUSE_BASE_URL: proxy.url });
        logChaos('langfuse cli', faults, proxy.requests, result.stderr);
        expectCleanExit(result);
        // Few calls (up to 100 events each): whether a split sibling group comes up depends on how they arrive.
        expect(Object.keys(faults.injected).length).toBeGreaterThan(0);
      } finally {
        await proxy.close();
      }
      // Exact counts per trace: an observation or score stored twice fails the check.
      for (const runId of runIds)
        await expectRunInLangfuse(
          langfuse,
          sample.map((e) => ({ ...e, run_id: runId })),
        );
    },
  );
});
