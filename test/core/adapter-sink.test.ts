/**
 * The hub's call signal reaches a transport's requests through the call-signal storage; a transport that makes no
 * request (usesCallSignal: false) is called outside it, so the process never enters an AsyncLocalStorage for it.
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
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
