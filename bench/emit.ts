/**
 * emit() overhead as the training loop sees it: per-call latency with 0, 1 and 5 sinks attached (one of the five
 * hanging forever), measured side by side in one run. Events are the real sample's, cycled; the loop yields to the
 * event loop every 500 emits, as a training loop does between steps, so healthy sinks drain.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { Hub } from '../src/core/hub.js';
import type { Sink } from '../src/core/sink.js';

class CountingSink implements Sink {
  count = 0;
  constructor(readonly name: string) {}
  async handle(batch: readonly CanonicalEvent[]) {
    this.count += batch.length;
  }
  async flush() {}
  async close() {}
}

class HangingSink implements Sink {
  constructor(readonly name: string) {}
  handle(): Promise<void> {
    return new Promise(() => {});
  }
  async flush() {}
  async close() {}
}

export interface EmitResult {
  scenario: string;
  sinks: number;
  calls: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
  dropped: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(scenario: string, sinks: Sink[], events: readonly CanonicalEvent[], calls: number): Promise<EmitResult> {
  const hub = new Hub(sinks, { onWarning: () => {}, timeoutMs: 1000 });
  for (let i = 0; i < 5_000; i += 1) {
    hub.emit(events[i % events.length]);
    if (i % 500 === 0) await yieldToLoop();
  }
  const times = new Float64Array(calls);
  for (let i = 0; i < calls; i += 1) {
    const event = events[i % events.length];
    const t = performance.now();
    hub.emit(event);
    times[i] = (performance.now() - t) * 1000;
    if (i % 500 === 499) await yieldToLoop();
  }
  const dropped = Object.values(hub.counters()).reduce((n, c) => n + c.dropped, 0);
  await hub.close({ timeoutMs: 200 });
  times.sort();
  return {
    scenario,
    sinks: sinks.length,
    calls,
    p50_us: percentile(times, 0.5),
    p99_us: percentile(times, 0.99),
    max_us: times[times.length - 1],
    dropped,
  };
}

export async function benchEmit(events: readonly CanonicalEvent[], calls = 200_000): Promise<EmitResult[]> {
  return [
    await measure('0 sinks', [], events, calls),
    await measure('1 sink', [new CountingSink('a')], events, calls),
    await measure(
      '5 sinks, one hanging',
      [new CountingSink('a'), new CountingSink('b'), new CountingSink('c'), new CountingSink('d'), new HangingSink('hang')],
      events,
      calls,
    ),
  ];
}
