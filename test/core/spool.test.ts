/** The durable spool: what a sink never acknowledged survives the process and is delivered by the next one. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Hub } from '../../src/core/hub.js';
import { manyEvents } from '../helpers/events.js';
import { HangingSink, RecordingSink } from '../helpers/fake-sinks.js';

const quiet = { onWarning: () => {}, retry: { baseMs: 1, maxMs: 2 } };

describe('durable spool', () => {
  it('keeps events a hung sink never acknowledged, delivers them in order on the next start, then compacts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const events = manyEvents(50);
    const first = new Hub([new HangingSink('backend')], { ...quiet, timeoutMs: 20, spool: { dir } });
    events.forEach((e) => first.emit(e));
    const report = await first.close({ timeoutMs: 100 });
    expect(report.sinks.backend.undelivered).toBe(50);

    const sink = new RecordingSink('backend');
    const second = new Hub([sink], { ...quiet, spool: { dir } });
    expect(second.spoolPendingAtStart().backend).toBe(50);
    await second.close();
    expect(sink.events).toEqual(events);
    expect(second.counters().backend.recovered).toBe(50);

    const third = new Hub([new RecordingSink('backend')], { ...quiet, spool: { dir } });
    expect(third.counters().backend.recovered).toBe(0);
    third.emit(events[0]);
    await third.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('wal-')).length).toBeLessThanOrEqual(1);
  });

  it('tracks each sink separately: only the one that missed events gets them again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const events = manyEvents(10);
    const first = new Hub([new RecordingSink('ok'), new HangingSink('down')], { ...quiet, timeoutMs: 20, spool: { dir } });
    events.forEach((e) => first.emit(e));
    await first.close({ timeoutMs: 100 });
    const ok = new RecordingSink('ok');
    const down = new RecordingSink('down');
    const second = new Hub([ok, down], { ...quiet, spool: { dir } });
    await second.close();
    expect(ok.events).toEqual([]);
    expect(down.events).toEqual(events);
  });

  it('never drops for a full queue: the sink reads what its queue could not hold back from disk, in order', async () => {
    // Changed by issue 14 (recovery streams, no queue cap, no drops): before, the 20 events past the queue were
    // dropped and delivered only by the next process.
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const events = manyEvents(30);
    const sink = new RecordingSink('small');
    const first = new Hub([sink], { ...quiet, queueSize: 10, spool: { dir } });
    events.forEach((e) => first.emit(e));
    const report = await first.close();
    expect(report.sinks.small).toMatchObject({ dropped: 0, sent: 30, spooled: 0 });
    expect(sink.events).toEqual(events);
    const again = new RecordingSink('small');
    const second = new Hub([again], { ...quiet, spool: { dir } });
    await second.close();
    expect(again.events).toEqual([]);
  });

  it('is bounded: past maxBytes it warns, counts, and still delivers from memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const warnings: string[] = [];
    const sink = new RecordingSink('s');
    const hub = new Hub([sink], { ...quiet, onWarning: (w) => warnings.push(w), spool: { dir, maxBytes: 4000 } });
    manyEvents(20).forEach((e) => hub.emit(e));
    expect(hub.spoolStats()!.full).toBeGreaterThan(0);
    expect(hub.spoolStats()!.bytes).toBeLessThanOrEqual(4000);
    await hub.close();
    expect(sink.events).toHaveLength(20);
    expect(warnings.join('\n')).toMatch(/spool .* is full/);
  });
});
