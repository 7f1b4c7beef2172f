/**
 * The spool as a write-ahead log under damage: torn tails, flipped bytes, hostile watermarks, leftover files, records
 * of the wrong shape, and a backlog larger than any queue. Each case opens the spool again as a restart would and
 * checks what is delivered and what is reported.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { Hub } from '../../src/core/hub.js';
import { encodeFrame, HEADER_BYTES } from '../../src/core/wal-frame.js';
import { episodeEvent, manyEvents } from '../helpers/events.js';
import { HangingSink, RecordingSink } from '../helpers/fake-sinks.js';

const quiet = { retry: { baseMs: 1, maxMs: 2 } };

/** A spool holding `events`, none acknowledged (the sink never answers). */
async function spoolWith(events: CanonicalEvent[], segmentBytes?: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'spool-wal-'));
  const hub = new Hub([new HangingSink('backend')], { ...quiet, onWarning: () => {}, timeoutMs: 20, spool: { dir, segmentBytes } });
  events.forEach((e) => hub.emit(e));
  await hub.close({ timeoutMs: 100 });
  return dir;
}

function segments(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('wal-'))
    .sort();
}

/** Restarts on `dir` with a recording sink; returns what it delivered and every warning line. */
async function restart(dir: string, options: { queueSize?: number } = {}) {
  const warnings: string[] = [];
  const sink = new RecordingSink('backend');
  const hub = new Hub([sink], { ...quiet, ...options, onWarning: (w) => warnings.push(w), spool: { dir } });
  const pendingAtStart = hub.spoolPendingAtStart().backend;
  const report = await hub.close({ timeoutMs: 60_000 });
  return { delivered: sink.events, warnings, report, pendingAtStart };
}

describe('spool write-ahead log', () => {
  it('a torn tail, cut at any byte of the last record, is cut and reported; every earlier record is delivered once', async () => {
    const events = manyEvents(6);
    const base = await spoolWith(events);
    const [segment] = segments(base);
    const size = statSync(join(base, segment)).size;
    const lastFrame = encodeFrame(6, Buffer.from(JSON.stringify(events[5]))).length;
    const start = size - lastFrame;
    // Every cut inside the header, then every 7th byte of the payload, then the last byte.
    const cuts = [
      ...Array.from({ length: HEADER_BYTES + 1 }, (_, i) => start + i),
      ...Array.from({ length: Math.floor(lastFrame / 7) }, (_, i) => start + HEADER_BYTES + 7 * i),
      size - 1,
    ];
    for (const cut of new Set(cuts.filter((c) => c < size))) {
      const dir = mkdtempSync(join(tmpdir(), 'spool-torn-'));
      cpSync(base, dir, { recursive: true });
      truncateSync(join(dir, segment), cut);
      const { delivered, warnings, report } = await restart(dir);
      expect(delivered, `cut at ${cut}`).toEqual(events.slice(0, 5));
      if (cut > start) {
        expect(warnings.join('\n'), `cut at ${cut}`).toContain(`cut 1 torn record(s)`);
        expect(warnings.join('\n')).toContain(`${segment} at byte ${start} (${cut - start} bytes`);
        expect(report.spool!.torn).toEqual([expect.objectContaining({ segment, offset: start, bytes: cut - start })]);
      } else expect(report.spool!.torn).toEqual([]);
      // Cut for good: the next start finds nothing torn and nothing pending.
      const again = await restart(dir);
      expect(again.report.spool!.torn).toEqual([]);
      expect(again.delivered).toEqual([]);
    }
  });

  it('a flipped byte is never delivered altered: the damaged record is skipped, counted and reported by segment and offset', async () => {
    const events = manyEvents(5);
    const dir = await spoolWith(events);
    const [segment] = segments(dir);
    const path = join(dir, segment);
    const bytes = readFileSync(path);
    const frame = encodeFrame(1, Buffer.from(JSON.stringify(events[0]))).length;
    // The third record's payload: flip one bit of a character inside its episode id.
    const at = 2 * frame + HEADER_BYTES + JSON.stringify(events[2]).indexOf('ep-2') + 3;
    bytes[at] ^= 0x01;
    writeFileSync(path, bytes);
    const { delivered, warnings, report } = await restart(dir);
    expect(delivered).toEqual([events[0], events[1], events[3], events[4]]);
    expect(report.spool!.damaged).toEqual([{ segment, offset: 2 * frame, bytes: frame, why: 'checksum mismatch' }]);
    expect(warnings.join('\n')).toContain(`skipped 1 damaged stretch(es), ${frame} bytes in all: ${segment} at byte ${2 * frame}`);
    expect(report.sinks.backend).toMatchObject({ sent: 4, spooled: 0 });
  });

  it('a damaged length field does not lose the records after it', async () => {
    const events = manyEvents(5);
    const dir = await spoolWith(events);
    const [segment] = segments(dir);
    const path = join(dir, segment);
    const bytes = readFileSync(path);
    const frame = encodeFrame(1, Buffer.from(JSON.stringify(events[0]))).length;
    bytes.writeUInt32LE(0x7fffffff, frame + 4); // record 2 claims to be 2 GB long
    writeFileSync(path, bytes);
    const { delivered, report } = await restart(dir);
    expect(delivered).toEqual([events[0], events[2], events[3], events[4]]);
    expect(report.spool!.damaged).toEqual([expect.objectContaining({ segment, offset: frame, bytes: frame })]);
    expect(report.spool!.torn).toEqual([]);
  });

  it.each([
    ['1e9', 'not a whole number'],
    ['1000000000', 'beyond the last record in the spool (8)'],
    ['-3', 'not a whole number'],
    ['garbage\u0000', 'not a whole number'],
  ])('a watermark of %j is reported and reset, so nothing is skipped for ever', async (found, why) => {
    const events = manyEvents(8);
    const dir = await spoolWith(events);
    writeFileSync(join(dir, 'acked-backend'), found);
    const { delivered, warnings, report } = await restart(dir);
    expect(delivered).toEqual(events);
    expect(report.spool!.watermarks).toEqual([{ sink: 'backend', found: found.trim().slice(0, 40), why }]);
    expect(warnings.join('\n')).toContain('its records are redelivered from the oldest');
    // And new events after it are delivered and acknowledged normally.
    const hub = new Hub([new RecordingSink('backend')], { ...quiet, onWarning: () => {}, spool: { dir } });
    hub.emit(episodeEvent(100));
    expect((await hub.close()).sinks.backend).toMatchObject({ sent: 1, spooled: 0 });
  });

  it('leftover files (an empty segment, garbage named like a segment) are never taken over or fatal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-left-'));
    writeFileSync(join(dir, 'wal-0000000000000001-00000000.log'), '');
    writeFileSync(join(dir, 'wal-0000000000000002-0000abcd.log'), Buffer.from('not a log at all\n'.repeat(20)));
    const events = manyEvents(10);
    // First process: the sink acknowledges the first batch, then hangs; the process is abandoned (as by kill -9).
    let calls = 0;
    const sink = {
      name: 'backend',
      async handle() {
        calls += 1;
        if (calls > 1) await new Promise(() => {});
      },
      async flush() {},
      async close() {},
    };
    const firstWarnings: string[] = [];
    const first = new Hub([sink], { ...quiet, onWarning: (w) => firstWarnings.push(w), batchSize: 3, spool: { dir } });
    expect(firstWarnings.join('\n')).toContain('wal-0000000000000002-0000abcd.log at byte 0 (340 bytes: no record marker)');
    events.forEach((e) => first.emit(e));
    for (let i = 0; i < 100 && calls < 2; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(2);
    expect(readFileSync(join(dir, 'acked-backend'), 'utf8').trim()).toBe('3');
    const { delivered, report } = await restart(dir);
    expect(delivered).toEqual(events.slice(3));
    expect(report.spool!.torn).toEqual([]);
  });

  it('recovery streams a backlog twice the queue size in one start: nothing dropped, every record once, in order', async () => {
    const events = Array.from({ length: 20_902 }, (_, i) => episodeEvent(i));
    const dir = await spoolWith(events, 1024 * 1024);
    expect(segments(dir).length).toBeGreaterThan(3);
    const { delivered, report, pendingAtStart } = await restart(dir, { queueSize: 10_000 });
    expect(pendingAtStart).toBe(20_902);
    expect(report.sinks.backend).toMatchObject({ received: 20_902, sent: 20_902, dropped: 0, recovered: 20_902, spooled: 0 });
    expect(delivered.length).toBe(20_902);
    expect(delivered.map((e) => (e as { episode: { id: string } }).episode.id)).toEqual(events.map((e) => e.episode.id));
    expect(segments(dir).length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('a spooled record of the wrong shape is re-validated: reported, skipped, and passed by the watermark', async () => {
    const events = manyEvents(4);
    const dir = await spoolWith(events);
    // A well-framed record (good checksum) whose event is not canonical: an episode without its episode.
    const bad = encodeFrame(5, Buffer.from(JSON.stringify({ type: 'episode', run_id: 'r', iteration: 0 })));
    const good = encodeFrame(6, Buffer.from(JSON.stringify(episodeEvent(99))));
    writeFileSync(join(dir, 'wal-0000000000000005-00000001.log'), Buffer.concat([bad, good]));
    const { delivered, warnings, report } = await restart(dir);
    expect(delivered).toEqual([...events, episodeEvent(99)]);
    expect(report.spool!.invalid).toEqual([
      { seq: 5, segment: 'wal-0000000000000005-00000001.log', problem: 'episode: missing required field' },
    ]);
    expect(warnings.join('\n')).toContain('spooled record 5 is not a valid event and is skipped: episode: missing required field');
    expect(report.sinks.backend.spooled).toBe(0);
    expect((await restart(dir)).pendingAtStart).toBe(0);
  });

  it('events emitted while the backlog streams are delivered after it, in order, none twice', async () => {
    const old = manyEvents(50);
    const dir = await spoolWith(old);
    const sink = new RecordingSink('backend');
    const hub = new Hub([sink], { ...quiet, onWarning: () => {}, queueSize: 8, batchSize: 4, spool: { dir } });
    const fresh = Array.from({ length: 30 }, (_, i) => episodeEvent(1000 + i));
    for (const e of fresh) {
      hub.emit(e);
      await new Promise((r) => setImmediate(r));
    }
    const report = await hub.close();
    expect(sink.events).toEqual([...old, ...fresh]);
    expect(report.sinks.backend).toMatchObject({ dropped: 0, spooled: 0, recovered: 50 });
  });
});
