/**
 * The hub's call signal reaches a transport's requests through the call-signal storage; a transport that makes no
 * request (usesCallSignal: false) is called outside it, so the process never enters an AsyncLocalStorage for it.
 * Each event is mapped once: a retried batch, its split halves and a call given up on resend the same records.
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import { createAdapterSink, type MappedTransport } from '../../src/core/adapter-sink.js';
import { callSignal } from '../../src/core/call-signal.js';

const event = { type: 'run.finished', run_id: 'r', finished_at: 1, status: 'completed' } as unknown as CanonicalEvent;

function recording(usesCallSignal?: boolean) {
  const seen: Array<AbortSignal | undefined> = [];
  const transport: MappedTransport<CanonicalEvent> = {
    usesCallSignal,
    async send() {
      await Promise.resolve();
      seen.push(callSignal());
    },
  };
  return { seen, sink: createAdapterSink('test', transport, (e) => e) };
}

describe('createAdapterSink', () => {
  it("runs a transport's send with the call's signal in reach by default", async () => {
    const { seen, sink } = recording();
    const signal = new AbortController().signal;
    await sink.handle([event], { signal });
    expect(seen).toEqual([signal]);
  });

  it('calls a transport that makes no request outside the storage (usesCallSignal: false)', async () => {
    const { seen, sink } = recording(false);
    await sink.handle([event], { signal: new AbortController().signal });
    expect(seen).toEqual([undefined]);
  });
});

describe('createAdapterSink maps each event once', () => {
  const episode = (id: string) =>
    ({
      type: 'episode',
      run_id: 'r',
      iteration: 0,
      episode: { id, summary: { signals: { outcome: { value: 1, confidence: 1 } } } },
    }) as unknown as EpisodeEvent;

  /** A sink whose mapper records every call, the context's episode count at it, and a transport failing on demand. */
  function counting(failures: Array<'reject' | 'hang'>) {
    const mapped: string[] = [];
    const sent: Array<Array<{ id: string; seen: number }>> = [];
    const transport: MappedTransport<{ id: string; seen: number }> = {
      usesCallSignal: false,
      send(records) {
        const failure = failures.shift();
        if (failure === 'hang') return new Promise(() => {});
        if (failure === 'reject') return Promise.reject(new Error('busy'));
        sent.push([...records]);
        return Promise.resolve();
      },
    };
    const sink = createAdapterSink('test', transport, (e, ctx) => {
      const id = (e as EpisodeEvent).episode.id;
      mapped.push(id);
      return { id, seen: ctx.iterationStats('r', 0)?.count ?? 0 };
    });
    return { sink, mapped, sent };
  }

  const signal = () => new AbortController().signal;

  it('resends the records of a failed call, and of its split halves, without mapping their events again', async () => {
    const { sink, mapped, sent } = counting(['reject', 'reject']);
    const [a, b, c] = [episode('a'), episode('b'), episode('c')];
    await expect(sink.handle([a, b, c], { signal: signal() })).rejects.toThrow('busy');
    await expect(sink.handle([a, b, c], { signal: signal() })).rejects.toThrow('busy');
    await sink.handle([a, b], { signal: signal() });
    await sink.handle([c], { signal: signal() });
    await sink.handle([episode('d')], { signal: signal() });
    expect(mapped).toEqual(['a', 'b', 'c', 'd']);
    expect(sent).toEqual([
      [
        { id: 'a', seen: 1 },
        { id: 'b', seen: 2 },
      ],
      [{ id: 'c', seen: 3 }],
      [{ id: 'd', seen: 4 }],
    ]);
  });

  it('keeps the records of a call aborted while it still runs (the hub retries it without waiting for it to end)', async () => {
    const { sink, mapped, sent } = counting(['hang']);
    const a = episode('a');
    const call = new AbortController();
    void sink.handle([a], { signal: call.signal });
    call.abort(new Error('timed out'));
    await sink.handle([a], { signal: signal() });
    expect(mapped).toEqual(['a']);
    expect(sent).toEqual([[{ id: 'a', seen: 1 }]]);
  });

  it('keeps the records mapped before a mapping error, and maps the failing event again on the retry', async () => {
    const mapped: string[] = [];
    let fail = true;
    const sink = createAdapterSink('test', { usesCallSignal: false, send: async () => {} }, (e) => {
      const id = (e as EpisodeEvent).episode.id;
      mapped.push(id);
      if (id === 'b' && fail) {
        fail = false;
        throw new Error('cannot map');
      }
      return id;
    });
    const [a, b] = [episode('a'), episode('b')];
    await expect(sink.handle([a, b], { signal: signal() })).rejects.toThrow('cannot map');
    await sink.handle([a, b], { signal: signal() });
    expect(mapped).toEqual(['a', 'b', 'b']);
  });
});
