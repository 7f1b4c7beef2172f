/**
 * kill -9 at any instant during spool appends, 50 times in a row on one spool, then a restart: every start works and
 * reports what was torn, and every acknowledged event (emit() returned) is delivered, unaltered, at least once —
 * exactly once per backend id.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, CHILDREN, nodeTs } from './attack.js';

const RUNS = 50;
const WRITER = join(CHILDREN, 'spool-writer.ts');

interface Run {
  ready: boolean;
  acked: string[];
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Starts the writer, kills it with SIGKILL `killAfterMs` after it is ready (or lets `drain` finish). */
function runWriter(args: string[], killAfterMs?: number): Promise<Run> {
  const child = nodeTs(WRITER, args);
  const result: Run = { ready: false, acked: [], stdout: '', stderr: '', code: null };
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    const text = partial + d.toString();
    const lines = text.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('acked ')) result.acked.push(line.slice(6));
      else {
        result.stdout += `${line}\n`;
        if (line.startsWith('ready') && killAfterMs !== undefined) {
          result.ready = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (line.startsWith('ready')) result.ready = true;
      }
    }
  });
  child.stderr.on('data', (d: Buffer) => (result.stderr += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(guard);
      result.code = code;
      resolve(result);
    }),
  );
}

describe('spool under kill -9', () => {
  it(`survives ${RUNS} kills mid-append in a row and delivers every acknowledged event once per id`, async (context) => {
    const done = attack(context, `spool: kill -9 during appends, ${RUNS} times in a row, then restart`);
    const dir = mkdtempSync(join(tmpdir(), 'spool-kill9-'));
    const idsFile = join(dir, '..', `${dir.split('/').pop()}-ids.txt`);
    writeFileSync(idsFile, '');
    const acked = new Set<string>();
    let tornReports = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const result = await runWriter([dir, String(run), idsFile, 'write'], 60 + Math.floor(Math.random() * 300));
      expect(result.ready, `run ${run} did not start: ${result.stderr}`).toBe(true);
      expect(result.stderr, `run ${run}`).not.toMatch(/Error|at .*\.ts:\d+/);
      tornReports += (result.stderr.match(/cut \d+ torn record/g) ?? []).length;
      for (const id of result.acked) acked.add(id);
    }
    const drain = await runWriter([dir, 'drain', idsFile, 'drain']);
    expect(drain.code, drain.stderr).toBe(0);
    tornReports += (drain.stderr.match(/cut \d+ torn record/g) ?? []).length;
    const report = JSON.parse(/report (.*)/.exec(drain.stdout)![1]) as { spooled: number; dropped: number; failed: number };
    expect(report).toMatchObject({ spooled: 0, dropped: 0, failed: 0 });

    const lines = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
    const altered = lines.filter((l) => !l.endsWith(' ok'));
    expect(altered).toEqual([]);
    const delivered = new Set(lines.map((l) => l.split(' ')[0]));
    const missing = [...acked].filter((id) => !delivered.has(id));
    expect(missing).toEqual([]);
    expect(acked.size).toBeGreaterThan(RUNS * 5);
    done(
      `${RUNS}/${RUNS} restarts started, ${tornReports} torn tails cut and reported, ${acked.size}/${acked.size} acknowledged events delivered (${delivered.size} distinct ids, ${lines.length - delivered.size} redeliveries merged by id), 0 altered`,
    );
  }, 600_000);
});
