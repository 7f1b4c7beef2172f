/**
 * The contract every sink meets, run against each one (all seven: report, console, wandb, mlflow, otel, phoenix, langfuse in test/conformance/*.test.ts;
 * and every `pnpm new-sink` scaffold):
 * ordering per run, idempotent re-send, flush/close semantics, errors never escaping, counters adding up.
 * Input is the real ClawLoop sample replayed through our reader.
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { Hub } from '../../src/core/hub.js';
import type { Sink } from '../../src/core/sink.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';

/** What a backend holds after delivery, as records with a stable id and the run they belong to. */
export interface BackendRecord {
  id: string;
  runId: string;
  /** Position of the event that produced the record, when the backend keeps an order (else undefined). */
  order?: number;
}

export interface ConformanceTarget {
  /** A fresh sink writing into a fresh backend (or a backend namespace no other test uses). */
  create(): Promise<{ sink: Sink; readBack: () => Promise<BackendRecord[]> }>;
}

/** A sink that fails its first `failures` calls with a plain Error (not a SinkError), then delegates. */
function failingFirst(inner: Sink, failures: number): Sink {
  let left = failures;
  return {
    name: inner.name,
    async handle(batch) {
      if (left-- > 0) throw new Error('injected failure');
      await inner.handle(batch);
    },
    flush: () => inner.flush(),
    close: () => inner.close(),
  };
}

const quiet = { onWarning: () => {}, retry: { baseMs: 1, maxMs: 5 } };

async function sampleEvents(): Promise<CanonicalEvent[]> {
  return (await collect(requireSample())).events;
}

function byId(records: BackendRecord[]): Map<string, BackendRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

export function describeSinkConformance(name: string, target: ConformanceTarget): void {
  describe(`sink conformance: ${name}`, () => {
    it('delivers every event of the sample and keeps per-run order', async () => {
      const events = await sampleEvents();
      const { sink, readBack } = await target.create();
      const hub = new Hub([sink], { ...quiet, batchSize: 3 });
      events.forEach((e) => hub.emit(e));
      const report = await hub.close({ timeoutMs: 30_000 });
      expect(report.sinks[sink.name]).toMatchObject({
        received: events.length,
        sent: events.length,
        failed: 0,
        dropped: 0,
        undelivered: 0,
      });
      const records = await readBack();
      expect(records.length).toBeGreaterThan(0);
      expect(new Set(records.map((r) => r.runId))).toEqual(new Set([events[0].run_id]));
      const ordered = records.filter((r) => r.order !== undefined).map((r) => r.order!);
      expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    });

    it('is idempotent: sending the same run twice leaves the same records', async () => {
      const events = await sampleEvents();
      const { sink, readBack } = await target.create();
      const hub = new Hub([sink], quiet);
      events.forEach((e) => hub.emit(e));
      await hub.flush({ timeoutMs: 30_000 });
      const once = byId(await readBack());
      events.forEach((e) => hub.emit(e));
      await hub.close({ timeoutMs: 30_000 });
      const twice = byId(await readBack());
      expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    });

    it('closes once, delivers before closing, and counts events emitted after close as dropped', async () => {
      const events = await sampleEvents();
      const { sink, readBack } = await target.create();
      let closes = 0;
      const counted: Sink = {
        name: sink.name,
        handle: (b) => sink.handle(b),
        flush: () => sink.flush(),
        close: () => ((closes += 1), sink.close()),
      };
      const hub = new Hub([counted], quiet);
      events.forEach((e) => hub.emit(e));
      const [a, b] = await Promise.all([hub.close(), hub.close()]);
      expect(a).toBe(b);
      expect(closes).toBe(1);
      expect((await readBack()).length).toBeGreaterThan(0);
      hub.emit(events[0]);
      expect(hub.counters()[sink.name].dropped).toBe(1);
    });

    it('keeps failures inside: emit never throws, retried events arrive, counters add up', async () => {
      const events = await sampleEvents();
      const { sink, readBack } = await target.create();
      const hub = new Hub([failingFirst(sink, 2)], quiet);
      for (const e of events) expect(() => hub.emit(e)).not.toThrow();
      const report = await hub.close({ timeoutMs: 30_000 });
      const c = report.sinks[sink.name];
      expect(c.retried).toBeGreaterThan(0);
      expect(c.received).toBe(c.sent + c.failed + c.dropped);
      expect(c.sent).toBe(events.length);
      expect((await readBack()).length).toBeGreaterThan(0);
    });
  });
}
