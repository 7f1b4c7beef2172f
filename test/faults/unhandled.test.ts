/**
 * The library path never leaves a rejection unhandled, whatever fails under it: the hub runs inside the user's
 * training process, where one unhandled rejection ends the training (Node 20). Each case installs its own
 * 'unhandledRejection' listener, provokes one failure the hub or a transport must absorb, and asserts that none was
 * seen and the hub still closes with a report. Backends are not needed here; test/faults/chaos-*.test.ts drive the
 * real ones through the CLI and in process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Hub } from '../../src/core/hub.js';
import { Spool, SpoolReader, type SpoolRead } from '../../src/core/spool.js';
import { AssessmentQueue } from '../../src/transports/mlflow/assessment-queue.js';
import { OtlpHttpExporter } from '../../src/otlp/otlp-http.js';
import { resolveOtlpConfig } from '../../src/otlp/config.js';
import { manyEvents } from '../helpers/events.js';
import { FlakySink, RecordingSink } from '../helpers/fake-sinks.js';

const fast = { retry: { baseMs: 1, maxMs: 5 }, warningIntervalMs: 0 };

let unhandled: unknown[];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
});

/** Lets Node report whatever rejection is still unhandled (it does so after the microtask queue drains). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('no unhandled rejection on the library path', () => {
  it('the spool cannot record a delivery (its directory removed): the sink still gets everything, close reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unhandled-spool-'));
    const sink = new RecordingSink('rec');
    const warnings: string[] = [];
    const hub = new Hub([sink], { ...fast, batchSize: 5, spool: { dir }, onWarning: (w) => warnings.push(w) });
    const events = manyEvents(40);
    for (const e of events.slice(0, 20)) hub.emit(e);
    // Appended already; the watermark writes that follow each delivered batch fail with ENOENT.
    rmSync(dir, { recursive: true, force: true });
    for (const e of events.slice(20)) hub.emit(e);
    const report = await hub.close({ timeoutMs: 5000 });
    await settle();
    expect(unhandled).toEqual([]);
    expect(sink.events).toHaveLength(40);
    expect(report.sinks.rec.sent).toBe(40);
    expect(warnings.join('\n')).toMatch(/could not record delivered events in the spool/);
  });

  it('reading the spool back fails mid-redelivery: no rejection, the rest stays pending for the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unhandled-catchup-'));
    try {
      const earlier = new Spool({ dir });
      for (const e of manyEvents(30)) earlier.append(e);
      earlier.close();
      let reads = 0;
      // The real next(), taken before the spy replaces it.
      const real = Object.getOwnPropertyDescriptor(SpoolReader.prototype, 'next')!.value as (this: SpoolReader) => SpoolRead | undefined;
      const read = (reader: SpoolReader) => real.call(reader);
      vi.spyOn(SpoolReader.prototype, 'next').mockImplementation(function (this: SpoolReader) {
        if (++reads > 10) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        return read(this);
      });
      const sink = new RecordingSink('rec');
      const warnings: string[] = [];
      // A small queue: the redelivery reads a few records, waits for room, then reads on (and fails).
      const hub = new Hub([sink], { ...fast, queueSize: 8, spool: { dir }, onWarning: (w) => warnings.push(w) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const e of manyEvents(5)) hub.emit({ ...e, run_id: 'after' });
      const report = await hub.close({ timeoutMs: 5000 });
      await settle();
      expect(unhandled).toEqual([]);
      expect(warnings.join('\n')).toMatch(/reading the spool failed/);
      // What was read went out, new events too; the unread records stay on disk (not acknowledged past them).
      expect(sink.events.filter((e) => e.run_id === 'after')).toHaveLength(5);
      expect(report.sinks.rec.spooled).toBeGreaterThan(0);
      expect(report.complete).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a sink rejecting with something that is not an Error (null, an object String() cannot print)', async () => {
    const odd = [null, undefined, Object.create(null) as object, 42];
    const sinks = odd.map((value, i) => new FlakySink(2, () => value, `odd-${i}`));
    const hub = new Hub(sinks, { ...fast, onWarning: () => {} });
    for (const e of manyEvents(10)) hub.emit(e);
    const report = await hub.close({ timeoutMs: 5000 });
    await settle();
    expect(unhandled).toEqual([]);
    for (const sink of sinks) expect(report.sinks[sink.name].sent + report.sinks[sink.name].failed).toBe(10);
  });

  it('an MLflow assessment request nobody awaits fails unexpectedly: recorded, and drain() reports it', async () => {
    const queue = new AssessmentQueue({ retryMs: { first: 1, max: 2 } });
    // attempt() answers every failure of a request itself; a bug in it is what this guards against.
    vi.spyOn(AssessmentQueue.prototype as unknown as { attempt: () => Promise<void> }, 'attempt').mockRejectedValue(new Error('a bug'));
    queue.add([{ key: 'a', post: () => Promise.resolve() }]);
    await expect(queue.drain()).rejects.toThrow(/1 assessment\(s\) refused by MLflow; first: a bug/);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("a caller's export callback that throws does not become an unhandled rejection", async () => {
    const exporter = new OtlpHttpExporter(resolveOtlpConfig({ env: {}, url: 'http://127.0.0.1:9/v1/traces', timeoutMs: 500 }));
    await new Promise<void>((resolve) =>
      exporter.export([{} as never], () => {
        resolve();
        throw new Error('the callback of the caller throws');
      }),
    );
    await settle();
    expect(unhandled).toEqual([]);
  });
});
