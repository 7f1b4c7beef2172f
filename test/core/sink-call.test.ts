/** callSink: a call that answers in time leaves nothing behind (no timer, no listener on the worker's stop signal). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callSink } from '../../src/core/sink-call.js';
import type { Sink } from '../../src/core/sink.js';

afterEach(() => vi.useRealTimers());

describe('callSink', () => {
  it('cancels its time limit when the call answers in time', async () => {
    vi.useFakeTimers();
    const sink = { name: 'fast', handle: async () => {} } as unknown as Sink;
    const stop = new AbortController();
    const added = vi.spyOn(stop.signal, 'addEventListener');
    const removed = vi.spyOn(stop.signal, 'removeEventListener');
    for (let i = 0; i < 100; i += 1) expect(await callSink(sink, [], 15_000, 1000, stop.signal)).toEqual({ ok: true });
    // Before: each call left its 15 s timer and a listener on `stop` behind until the time limit passed.
    expect(vi.getTimerCount()).toBe(0);
    expect(removed.mock.calls.length).toBe(added.mock.calls.length);
  });

  it('still times a slow call out and aborts it', async () => {
    vi.useFakeTimers();
    let aborted = false;
    const sink = {
      name: 'slow',
      handle: (_: unknown, { signal }: { signal: AbortSignal }) =>
        new Promise<void>((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason as Error);
          }),
        ),
    } as unknown as Sink;
    const outcome = callSink(sink, [], 1000, 500, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toMatchObject({ ok: false, timedOut: true, stillRunning: false });
    expect(aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
