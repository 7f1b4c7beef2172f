/**
 * The worker's delivery rules: busy ≠ down, a timed-out call is aborted before its retry, a refused event is isolated
 * from its batch, several calls in flight with ordered spool acknowledgement, and progress-based ends.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { SinkError } from '../../src/core/errors.js';
import { Hub } from '../../src/core/hub.js';
import type { HandleOptions, Sink } from '../../src/core/sink.js';
import { episodeEvent, manyEvents } from '../helpers/events.js';
import { HangingSink, RecordingSink } from '../helpers/fake-sinks.js';

const quiet = { retry: { baseMs: 1, maxMs: 5 }, warningIntervalMs: 0, onWarning: () => {} };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idOf = (e: CanonicalEvent) => (e.type === 'episode' ? e.episode.id : e.type);

/** A sink scripted per call: `behave` gets the batch and the call's signal and decides what happens. */
class ScriptedSink implements Sink {
  readonly delivered: CanonicalEvent[] = [];
  readonly calls: Array<{ ids: string[]; start: number; end?: number; aborted?: boolean }> = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    readonly name: string,
    private readonly behave: (batch: readonly CanonicalEvent[], signal: AbortSignal, call: number) => Promise<void> | void,
    readonly concurrency?: number,
  ) {}
  async handle(batch: readonly CanonicalEvent[], options?: HandleOptions) {
    const call = { ids: batch.map(idOf), start: performance.now() } as ScriptedSink['calls'][number];
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.behave(batch, options!.signal, this.calls.length);
      this.delivered.push(...batch);
    } finally {
      this.inFlight -= 1;
      call.end = performance.now();
      call.aborted = options!.signal.aborted;
    }
  }
  async flush() {}
  async close() {}
}

/** Resolves after `ms` unless `signal` aborts first (then rejects, as fetch does). */
function work(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

describe('busy is not down', () => {
  it('503 "at capacity" slows the sink down and never opens the breaker; everything arrives', async () => {
    const sink = new ScriptedSink(
      'phoenixish',
      (_b, _s, call) => {
        if (call <= 8) throw new SinkError('HTTP 503: Server is at capacity', { retryable: true, status: 503 });
      },
      4,
    );
    const hub = new Hub([sink], { ...quiet, breaker: { failureThreshold: 2, cooldownMs: 60_000 } });
    manyEvents(400).forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 10_000 });
    expect(report.sinks.phoenixish).toMatchObject({ sent: 400, failed: 0, dropped: 0, breaker: 'closed' });
    expect(report.sinks.phoenixish.busy).toBe(8);
    expect(sink.delivered.map(idOf).sort()).toEqual(manyEvents(400).map(idOf).sort());
  });

  it('connection refused is an outage: the breaker opens', async () => {
    const refused = () =>
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      });
    const sink = new ScriptedSink('down', (_b, _s, call) => {
      if (call <= 3) throw refused();
    });
    const hub = new Hub([sink], { ...quiet, breaker: { failureThreshold: 2, cooldownMs: 100 } });
    hub.emit(episodeEvent(1));
    await wait(40);
    expect(hub.counters().down.breaker).toBe('open');
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.down).toMatchObject({ sent: 1, busy: 0 });
  });

  it('halves calls in flight and batch size on busy answers, and grows them back on prompt successes', async () => {
    let busyUntil = 3;
    const sizes: number[] = [];
    const sink = new ScriptedSink(
      'aimd',
      (batch, _s, call) => {
        sizes.push(batch.length);
        if (call <= busyUntil) throw new SinkError('HTTP 429', { retryable: true, status: 429 });
      },
      4,
    );
    const hub = new Hub([sink], { ...quiet, batchSize: 64, maxInFlight: 4 });
    manyEvents(64).forEach((e) => hub.emit(e));
    await wait(100);
    const low = hub.counters().aimd;
    expect(low.batchSize).toBeLessThan(64);
    busyUntil = 0;
    manyEvents(2000).forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 10_000 });
    expect(report.sinks.aimd.sent).toBe(2064);
    expect(report.sinks.aimd.batchSize).toBe(64);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
  });

  it('honours Retry-After for the whole sink: no call starts before it passes', async () => {
    const sink = new ScriptedSink(
      'limited',
      async (_b, signal, call) => {
        if (call === 1) throw new SinkError('HTTP 429', { retryable: true, status: 429, retryAfterMs: 300 });
        await work(5, signal);
      },
      4,
    );
    const hub = new Hub([sink], { ...quiet, batchSize: 10 });
    manyEvents(50).forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.limited.sent).toBe(50);
    const refusedAt = sink.calls[0].end!;
    const later = sink.calls.filter((c) => c.start > refusedAt + 1);
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect(c.start - refusedAt).toBeGreaterThanOrEqual(280);
  });
});

describe('a timed-out call is aborted before it is retried', () => {
  it('never has two attempts of the same events alive at once, and aborts the first', async () => {
    const sink = new ScriptedSink('slow', (_b, signal, call) => work(call <= 2 ? 10_000 : 5, signal));
    const hub = new Hub([sink], { ...quiet, timeoutMs: 100, batchSize: 4 });
    manyEvents(4).forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 10_000 });
    expect(report.sinks.slow).toMatchObject({ sent: 4, failed: 0 });
    expect(sink.calls[0].aborted).toBe(true);
    for (const a of sink.calls) {
      for (const b of sink.calls) {
        if (a === b || !a.ids.some((id) => b.ids.includes(id))) continue;
        const overlap = a.start < b.end! && b.start < a.end!;
        expect(overlap, `${a.ids.join(',')} and ${b.ids.join(',')} overlap`).toBe(false);
      }
    }
    // The batch that timed out was retried in halves (a slow backend gets smaller calls).
    expect(sink.calls[1].ids.length).toBeLessThan(4);
  });

  it('waits for a sink that ignores its signal to finish before retrying', async () => {
    const warnings: string[] = [];
    let alive = 0;
    let overlapped = false;
    const sink = new ScriptedSink('deaf', async (_b, _signal, call) => {
      alive += 1;
      if (alive > 1) overlapped = true;
      await wait(call === 1 ? 120 : 1);
      alive -= 1;
      if (call === 1) throw new Error('late failure');
    });
    // Times out at 80 ms, ends at 120 ms: within the grace (another time limit), so the retry waits for it.
    const hub = new Hub([sink], { ...quiet, timeoutMs: 80, onWarning: (w) => warnings.push(w) });
    hub.emit(episodeEvent(1));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.deaf.sent).toBe(1);
    expect(sink.calls).toHaveLength(2);
    expect(sink.calls[1].start).toBeGreaterThanOrEqual(sink.calls[0].end!);
    expect(overlapped).toBe(false);
  });
});

describe('poison-event isolation', () => {
  const poison = (e: CanonicalEvent) => e.type === 'episode' && e.episode.id === 'ep-13';

  it('splits a refused batch until the bad event is found; only it is dropped and reported', async () => {
    const warnings: string[] = [];
    const sink = new ScriptedSink('strict', (batch) => {
      if (batch.some(poison)) throw new SinkError('HTTP 400 INVALID_PARAMETER_VALUE: bad key', { retryable: false, status: 400 });
    });
    const hub = new Hub([sink], { ...quiet, batchSize: 32, onWarning: (w) => warnings.push(w) });
    const events = manyEvents(32);
    events.forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.strict).toMatchObject({ received: 32, sent: 31, failed: 1, rejected: 1, dropped: 0 });
    expect(report.sinks.strict.lastRejected).toMatch(/episode "ep-13" \(run "run-1", iteration 0\).*INVALID_PARAMETER_VALUE/);
    expect(sink.delivered.map(idOf)).toEqual(events.filter((e) => !poison(e)).map(idOf));
    // Bisection: about 2·log2(32) calls, not one per event.
    expect(sink.calls.length).toBeLessThanOrEqual(12);
    expect(warnings.some((w) => w.includes('"ep-13"'))).toBe(true);
  });

  it('a data error thrown by the transport (a name no filesystem accepts) is a refusal of that event, not retried', async () => {
    const sink = new ScriptedSink('files', (batch) => {
      for (const e of batch)
        if (e.run_id.includes('\u0000'))
          throw Object.assign(new TypeError(`The argument 'path' must be a string without null bytes`), { code: 'ERR_INVALID_ARG_VALUE' });
      for (const e of batch)
        if (e.run_id.length > 255) throw Object.assign(new Error('ENAMETOOLONG: name too long, open'), { code: 'ENAMETOOLONG' });
    });
    const hub = new Hub([sink], { ...quiet, batchSize: 15 });
    const events = manyEvents(15);
    events[4] = episodeEvent(4, 'bad\u0000run');
    events[9] = episodeEvent(9, 'x'.repeat(300));
    events.forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.files).toMatchObject({ sent: 13, failed: 2, rejected: 2, retried: expect.any(Number) });
    expect(sink.delivered).toHaveLength(13);
  });
});

describe('several calls in flight', () => {
  it("keeps up to the sink's concurrency in flight, never more", async () => {
    const sink = new ScriptedSink('otlpish', (_b, signal) => work(20, signal), 3);
    const hub = new Hub([sink], { ...quiet, batchSize: 10, maxInFlight: 8 });
    manyEvents(200).forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 10_000 });
    expect(report.sinks.otlpish.sent).toBe(200);
    expect(sink.maxInFlight).toBe(3);
  });

  it('a sink that does not declare concurrency gets one call at a time', async () => {
    const sink = new ScriptedSink('serial', (_b, signal) => work(5, signal));
    const hub = new Hub([sink], { ...quiet, batchSize: 10 });
    manyEvents(100).forEach((e) => hub.emit(e));
    await hub.close({ timeoutMs: 10_000 });
    expect(sink.maxInFlight).toBe(1);
    expect(sink.delivered.map(idOf)).toEqual(manyEvents(100).map(idOf));
  });

  it('acknowledges the spool only over a delivered prefix, whatever order calls finish in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-acks-'));
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    const sink = new ScriptedSink(
      'backend',
      async (_b, _s, call) => {
        if (call === 1) await firstHeld;
      },
      4,
    );
    const hub = new Hub([sink], { ...quiet, batchSize: 10, spool: { dir } });
    manyEvents(40).forEach((e) => hub.emit(e));
    const watermark = () => {
      try {
        return Number(readFileSync(join(dir, 'acked-backend'), 'utf8'));
      } catch {
        return 0;
      }
    };
    for (let i = 0; i < 100 && sink.delivered.length < 30; i += 1) await wait(5);
    expect(sink.delivered).toHaveLength(30);
    expect(watermark()).toBe(0);
    release();
    await hub.close({ timeoutMs: 5000 });
    expect(watermark()).toBe(40);
  });
});

describe('progress-based ends', () => {
  it('close({ stallMs }) waits as long as a slow sink keeps delivering, past any fixed deadline of that length', async () => {
    const sink = new ScriptedSink('slowpoke', (_b, signal) => work(150, signal));
    const hub = new Hub([sink], { ...quiet, batchSize: 5 });
    manyEvents(50).forEach((e) => hub.emit(e));
    const started = performance.now();
    const report = await hub.close({ stallMs: 1000 });
    expect(report.complete).toBe(true);
    expect(report.sinks.slowpoke.stalledSince).toBeUndefined();
    // Ten calls of 150 ms: longer than the no-progress limit would allow as a fixed deadline, and yet complete.
    expect(performance.now() - started).toBeGreaterThan(1000);
  });

  it('gives up on a sink that makes no progress and says since when', async () => {
    const healthy = new RecordingSink('healthy');
    const hub = new Hub([new HangingSink('stuck'), healthy], { ...quiet, timeoutMs: 60_000 });
    manyEvents(20).forEach((e) => hub.emit(e));
    const before = Date.now();
    const report = await hub.close({ stallMs: 200 });
    expect(report.complete).toBe(false);
    expect(report.sinks.healthy.undelivered).toBe(0);
    expect(report.sinks.stuck.undelivered).toBe(20);
    expect(report.sinks.stuck.stalledSince).toBeGreaterThanOrEqual(before - 1000);
    expect(report.sinks.stuck.stalledSince).toBeLessThanOrEqual(before + 100);
  });

  it('waitForCapacity({ untilStalled }) waits through an outage until the sink recovers', async () => {
    let down = true;
    const sink = new ScriptedSink('flaky', () => {
      if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    });
    const hub = new Hub([sink], { ...quiet, batchSize: 1, breaker: { failureThreshold: 1, cooldownMs: 50 }, stallMs: 5000 });
    manyEvents(20).forEach((e) => hub.emit(e));
    setTimeout(() => (down = false), 300);
    await wait(100);
    expect(hub.counters().flaky.breaker).not.toBe('closed');
    await hub.waitForCapacity(5, { untilStalled: true });
    expect(hub.counters().flaky.sent).toBeGreaterThanOrEqual(15);
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.flaky.sent).toBe(20);
  });
});
