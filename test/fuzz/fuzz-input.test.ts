/**
 * Fuzzed input: 10 000+ generated bad lines mixed into real ClawLoop events (and into a real experiment.jsonl).
 * Each bad line is reported exactly once with its file, line and field; every good line is still delivered, in
 * order, and so is every line that can still be an event (a NaN dropped, an unknown field passed through); memory
 * stays bounded; nothing crashes.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';
import { seeded } from '../helpers/seeded.js';
import { badEventLine, type BadLine } from './bad-lines.js';

const BAD_LINES = 10_000;

describe('fuzzed input', () => {
  it(`reports each of ${BAD_LINES} bad lines once with line and field, delivers every good line, in bounded memory`, async () => {
    const sample = (await collect(requireSample())).events;
    const random = seeded(20261124);
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
    const file = join(dir, 'events.ndjson');
    const fd = openSync(file, 'w');
    const good: CanonicalEvent[] = [];
    /** Every event the reader must deliver, in file order: good lines and bad lines that can still be events. */
    const delivered: unknown[] = [];
    const bad = new Map<number, BadLine>();
    let line = 0;
    let goodLeft = 2_000;
    let badLeft = BAD_LINES;
    while (goodLeft + badLeft > 0) {
      line += 1;
      if (badLeft > 0 && (goodLeft === 0 || random() < BAD_LINES / (BAD_LINES + 2_000))) {
        const source = sample[Math.floor(random() * sample.length)];
        const b = badEventLine(source as Record<string, any>, random);
        if (b.field !== undefined) bad.set(line, b);
        if (b.delivered) delivered.push(b.delivered);
        writeSync(fd, Buffer.concat([b.bytes, Buffer.from('\n')]));
        badLeft -= 1;
      } else {
        // Good lines, including exact duplicates (re-sent events are valid; sinks upsert them by id).
        const event = {
          ...sample[(2_000 - goodLeft) % sample.length],
          run_id: `fuzz-${Math.floor((2_000 - goodLeft) / sample.length)}`,
        };
        good.push(event);
        delivered.push(event);
        writeSync(fd, JSON.stringify(event) + '\n');
        goodLeft -= 1;
      }
    }
    closeSync(fd);

    const rssBefore = process.memoryUsage().rss;
    const { events, problems } = await collect(file);
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;

    expect(events.length).toBe(delivered.length);
    // Compared one by one: a mismatch in one of thousands of events stays readable.
    for (const [i, event] of events.entries())
      if (JSON.stringify(event) !== JSON.stringify(delivered[i])) expect(event).toEqual(delivered[i]);
    expect(events.filter((e) => e.run_id.startsWith('fuzz-'))).toEqual(good);
    expect(problems).toHaveLength(bad.size);
    const reported = new Set<number>();
    for (const p of problems) {
      expect(p.file).toBe(file);
      const expected = bad.get(p.line);
      expect(expected, `line ${p.line} was reported but is a good line`).toBeDefined();
      expect(reported.has(p.line), `line ${p.line} reported twice`).toBe(false);
      reported.add(p.line);
      expect({ line: p.line, kind: expected!.kind, field: p.field }).toEqual({
        line: p.line,
        kind: expected!.kind,
        field: expected!.field,
      });
      expect(p.problem).toContain(expected!.problem);
    }
    expect(new Set([...bad.values()].map((b) => b.kind)).size).toBe(8);
    expect(problems.filter((p) => p.kept)).toHaveLength([...bad.values()].filter((b) => b.delivered).length);
    expect(rssGrowthMb).toBeLessThan(150);
  });

  it('bad lines inside a real experiment.jsonl: every iteration still arrives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-run-'));
    const lines = readFileSync(join(requireSample(), 'experiment.jsonl'), 'utf8').split('\n').filter(Boolean);
    const random = seeded(7);
    const out: string[] = [];
    let badCount = 0;
    for (const good of lines) {
      for (let i = 0; i < 700; i += 1) {
        const cut = Math.floor(random() * good.length);
        out.push(random() < 0.5 ? good.slice(0, cut) : good.replace('"n_episodes": 4', `"n_episodes": ${random() < 0.5 ? '"4"' : 'NaN'}`));
        badCount += 1;
      }
      out.push(good);
    }
    const file = join(dir, 'experiment.jsonl');
    const fd = openSync(file, 'w');
    writeSync(fd, out.join('\n') + '\n');
    closeSync(fd);
    const { events, problems } = await collect(file, { format: 'experiment' });
    expect(events.filter((e) => e.type === 'iteration').map((e) => (e as { iteration: number }).iteration)).toEqual([0, 1, 2]);
    expect(problems).toHaveLength(badCount);
    expect(new Set(problems.map((p) => p.line)).size).toBe(badCount);
  });
});
