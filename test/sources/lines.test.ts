/**
 * readLines over a file of several reads (256 KiB each): every line once, numbered from 1, with the byte offset just
 * past it, an invalid UTF-8 line reported in its place, the unterminated last line kept; and readEventFile, which takes
 * the same lines a read at a time, reports a bad line under its own number.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/sources/lines.js';
import { readEventFile } from '../../src/sources/ndjson-events.js';
import type { InputProblem } from '../../src/sources/problems.js';

const dir = mkdtempSync(join(tmpdir(), 'lines-'));

describe('readLines', () => {
  it('numbers every line of a file spanning several reads, with its end offset', async () => {
    const texts = Array.from({ length: 3000 }, (_, i) => `{"n":${i},"pad":"${'é'.repeat(i % 200)}"}`);
    const parts = texts.map((t) => Buffer.from(`${t}\n`));
    parts[1500] = Buffer.from([0x7b, 0xff, 0x7d, 0x0a]); // not UTF-8
    parts.push(Buffer.from('{"last":true}')); // no newline at the end
    const file = join(dir, 'many.ndjson');
    writeFileSync(file, Buffer.concat(parts));
    const seen = [];
    for await (const line of readLines(file)) seen.push(line);
    let offset = 0;
    const expected = parts.map((p, i) => {
      offset += p.length;
      const line = i + 1;
      if (i === 1500) return { line, endOffset: offset, error: expect.stringContaining('UTF-8') as unknown };
      return { line, endOffset: offset, text: i < 3000 ? texts[i] : '{"last":true}' };
    });
    expect(seen).toEqual(expected);
  });

  it('readEventFile reports a bad line under its number and yields the others', async () => {
    const event = (i: number) => JSON.stringify({ type: 'run.finished', run_id: `r${i}`, finished_at: 1, status: 'completed' });
    const lines = Array.from({ length: 40_000 }, (_, i) => (i === 25_000 ? '{"type":"nope"}' : event(i)));
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const problems: InputProblem[] = [];
    const ids: string[] = [];
    for await (const e of readEventFile(file, (p) => problems.push(p))) ids.push(e.run_id);
    expect(ids.length).toBe(39_999);
    expect(ids[25_000]).toBe('r25001');
    expect(problems).toEqual([
      expect.objectContaining({ line: 25_001, problem: expect.stringContaining('unknown event type') as unknown }),
    ]);
  });
});
