/** The hub's fail-soft promises: emit never blocks or throws, sinks are isolated, retries and counters tell the truth. */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SinkError } from '../../src/core/errors.js';
import { Hub } from '../../src/core/hub.js';
import { episodeEvent, manyEvents } from '../helpers/events.js';
import { FlakySink, HangingSink, RecordingSink, ThrowingSink } from '../helpers/fake-sinks.js';

const fast = { retry: { baseMs: 1, maxMs: 5 }, warningIntervalMs: 0, onWarning: () => {} };

describe('Hub', () => {
  it('delivers every event to every sink in order, in batches within the limit', async () => {
    const a = new RecordingSink('a');
    const b = new RecordingSink('b');
    const hub = new Hub([a, b], { ...fast, batchSize: 7 });
    const events = manyEvents(50);
    events.forEach((e) => hub.emit(e));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(a.events).toEqual(events);
    expect(b.events).toEqual(events);
    expect(Math.max(...a.batches.map((x) => x.length))).toBeLessThanOrEqual(7);
    expect(report.complete).toBe(true);
    expect(report.sinks.a).toMatchObject({ received: 50, sent: 50, failed: 0, dropped: 0, retried: 0, undelivered: 0 });
    expect(a.closed).toBe(1);
  });

  it('isolates a hanging sink: emit stays fast, the healthy sink gets everything, close reports what hung', async () => {
    const healthy = new RecordingSink('healthy');
    const hanging = new HangingSink();
    const hub = new Hub([hanging, healthy], { ...fast, timeoutMs: 50, retry: { maxAttempts: 2, baseMs: 1, maxMs: 2 } });
    const events = manyEvents(300);
    let slowest = 0;
    for (const e of events) {
      const t = performance.now();
      hub.emit(e);
      slowest = Math.max(slowest, performance.now() - t);
    }
    const report = await hub.close({ timeoutMs: 400 });
    expect(healthy.events).toHaveLength(300);
    expect(report.sinks.healthy.undelivered).toBe(0);
    expect(report.sinks.hanging.sent).toBe(0);
    expect(report.sinks.hanging.undelivered).toBe(300);
    expect(report.sinks.hanging.closeError).toMatch(/did not answer/);
    expect(report.complete).toBe(false);
    // An emit that waited on the hanging sink would not return at all; the bound only absorbs scheduler noise.
    expect(slowest).toBeLessThan(250);
  });

  it('survives a sink that throws synchronously and counts its events as failed after retries', async () => {
    const hub = new Hub([new ThrowingSink()], { ...fast, retry: { maxAttempts: 3, baseMs: 1, maxMs: 1 } });
    expect(() => hub.emit(episodeEvent(1))).not.toThrow();
    const report = await hub.close({ timeoutMs: 2000 });
    expect(report.sinks.throwing).toMatchObject({ received: 1, sent: 0, failed: 1, retried: 2 });
    expect(report.sinks.throwing.lastError).toBe('boom');
  });

  it('does not retry a non-retryable rejection (an auth failure is about every event alike: not split either)', async () => {
    const sink = new FlakySink(1, () => new SinkError('401 Unauthorized: bad key', { retryable: false, status: 401 }));
    const hub = new Hub([sink], fast);
    hub.emit(episodeEvent(1));
    hub.emit(episodeEvent(2));
    const report = await hub.close({ timeoutMs: 2000 });
    expect(sink.calls).toBe(1);
    expect(report.sinks.flaky).toMatchObject({ received: 2, sent: 0, failed: 2, retried: 0 });
  });

  it('retries retryable failures and honours Retry-After', async () => {
    const sink = new FlakySink(2, () => new SinkError('429 Too Many Requests', { retryable: true, status: 429, retryAfterMs: 120 }));
    const hub = new Hub([sink], fast);
    hub.emit(episodeEvent(1));
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.flaky).toMatchObject({ sent: 1, retried: 2, failed: 0 });
    expect(sink.callTimes[1] - sink.callTimes[0]).toBeGreaterThanOrEqual(110);
    expect(sink.callTimes[2] - sink.callTimes[1]).toBeGreaterThanOrEqual(110);
  });

  it('opens the circuit breaker after repeated failures and closes it after a successful trial', async () => {
    const warnings: string[] = [];
    const sink = new FlakySink(3, () => new Error('connect ECONNREFUSED 127.0.0.1:9'));
    const hub = new Hub([sink], { ...fast, onWarning: (l) => warnings.push(l), breaker: { failureThreshold: 2, cooldownMs: 100 } });
    hub.emit(episodeEvent(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(hub.counters().flaky.breaker).toBe('open');
    const report = await hub.close({ timeoutMs: 5000 });
    expect(report.sinks.flaky).toMatchObject({ sent: 1, breaker: 'closed' });
    expect(warnings.some((w) => w.includes('circuit open'))).toBe(true);
    expect(sink.callTimes[2] - sink.callTimes[1]).toBeGreaterThanOrEqual(90);
  });

  it('drops and counts events when a queue is full, and after close', async () => {
    const hub = new Hub([new HangingSink()], { ...fast, queueSize: 10, batchSize: 1, timeoutMs: 10_000 });
    manyEvents(25).forEach((e) => hub.emit(e));
    const counters = hub.counters().hanging;
    expect(counters.received).toBe(25);
    expect(counters.dropped).toBe(15);
    const report = await hub.close({ timeoutMs: 50 });
    hub.emit(episodeEvent(99));
    expect(report.sinks.hanging.undelivered).toBe(25);
    expect(hub.counters().hanging.dropped).toBeGreaterThanOrEqual(25);
  });

  it('keeps secrets out of warnings', async () => {
    const warnings: string[] = [];
    const sink = new FlakySink(
      1,
      () => new SinkError('401 from http://user:hunter22@host/x with Authorization: Bearer abcdef123456', { retryable: false }),
    );
    const hub = new Hub([sink], { ...fast, onWarning: (l) => warnings.push(l) });
    hub.emit(episodeEvent(1));
    await hub.close({ timeoutMs: 1000 });
    const text = warnings.join('\n');
    expect(text).toContain('rejected (not retryable)');
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('abcdef123456');
    expect(text).toContain('[REDACTED]');
  });

  it('rate-limits repeated warnings of one kind', async () => {
    const warnings: string[] = [];
    const hub = new Hub([new ThrowingSink()], {
      ...fast,
      warningIntervalMs: 60_000,
      onWarning: (l) => warnings.push(l),
      retry: { maxAttempts: 1 },
    });
    manyEvents(20).forEach((e) => hub.emit(e));
    await new Promise((r) => setTimeout(r, 20));
    manyEvents(20).forEach((e) => hub.emit(e));
    await hub.close({ timeoutMs: 1000 });
    expect(warnings.filter((w) => w.includes('not delivered'))).toHaveLength(1);
  });

  it('applies the redaction hook before any sink sees an event', async () => {
    const sink = new RecordingSink();
    const hub = new Hub([sink], {
      ...fast,
      redact: (e) =>
        e.type === 'episode'
          ? { ...e, episode: { ...e.episode, messages: e.episode.messages!.map((m) => ({ ...m, content: '[scrubbed]' })) } }
          : e,
    });
    hub.emit(episodeEvent(1));
    await hub.close();
    expect(sink.events[0].type === 'episode' && sink.events[0].episode.messages!.map((m) => m.content)).toEqual([
      '[scrubbed]',
      '[scrubbed]',
    ]);
  });

  it('refuses two sinks with one name', () => {
    expect(() => new Hub([new RecordingSink('x'), new RecordingSink('x')])).toThrow('two sinks are named "x"');
  });

  it('waitForCapacity ends when its signal aborts (a replay asked to stop does not wait for a full sink)', async () => {
    const hub = new Hub([new HangingSink()], { onWarning: () => {} });
    for (const e of manyEvents(300)) hub.emit(e); // one batch of 100 in the hanging call, the rest queued
    const stop = new AbortController();
    const waiting = hub.waitForCapacity(5, { untilStalled: true, signal: stop.signal });
    let done = false;
    void waiting.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    stop.abort();
    await waiting;
    void hub.close({ timeoutMs: 10 });
  });
});
