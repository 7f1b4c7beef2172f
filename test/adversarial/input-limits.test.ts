/**
 * Input limits enforced while streaming, with memory bounded: a 60 MB line of nested arrays, three 16 MB bodies sent
 * to `serve` at once (valid events, nested arrays, a NaN deep inside), directories / FIFOs / unreadable paths where
 * files are expected, out-of-order lines, and terminal escape sequences in input. Peak RSS is read from the child
 * process that does the work.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../helpers/collect.js';
import { episodeEvent } from '../helpers/events.js';
import { ROOT } from '../helpers/paths.js';
import { attack, cliWithRss, MAX_RSS_MB } from './attack.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
const MB = 1024 * 1024;

/** Writes `parts` (strings, or [text, times] repeats) to `path` without holding the whole file in memory. */
async function writeBig(path: string, parts: Array<string | [string, number]>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) {
    const [text, times] = typeof part === 'string' ? [part, 1] : part;
    const block = text.repeat(Math.max(1, Math.floor(65536 / text.length)));
    let left = times * text.length;
    while (left > 0) {
      const piece = left >= block.length ? block : text.repeat(left / text.length);
      if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
      left -= piece.length;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const started = JSON.stringify({ type: 'run.started', run_id: 'r-limits', started_at: 1, source: 't' });
const finished = JSON.stringify({ type: 'run.finished', run_id: 'r-limits', finished_at: 2, status: 'completed' });

/** `serve` (report sink) in a child that reports its peak RSS and longest event-loop block when stopped. */
async function startServe() {
  const dir = mkdtempSync(join(tmpdir(), 'limits-'));
  const token = 'limits-token-123456';
  let ready!: (base: string) => void;
  const base = new Promise<string>((resolve) => (ready = resolve));
  const serve = cliWithRss(
    ['serve', '--port', '0', '--token', token, '--sink', 'report', '--out', join(dir, 'report.html'), '--max-body', String(17 * MB)],
    {
      onStderr: (text) => {
        const m = /listening on (http:\/\/[^ ]+)/.exec(text);
        if (m) ready(m[1]);
      },
    },
  );
  const url = await base;
  return {
    post: (body: string) =>
      fetch(`${url}/events`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      })),
    stop: () => {
      serve.child.kill('SIGTERM');
      return serve.done;
    },
  };
}

describe('input limits while streaming', () => {
  it('a 60 MB line of nested arrays is refused while it streams: the lines around it are delivered, memory stays flat', async (context) => {
    const done = attack(context, 'input: 60 MB line of nested arrays (replay)');
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    const file = join(dir, 'events.ndjson');
    await writeBig(file, [`${started}\n`, ['[', 30 * MB], [']', 30 * MB], `\n${finished}\n`]);
    const result = await cliWithRss(['replay', file, '--sink', 'report', '--out', join(dir, 'report.html'), '--no-progress']).done;
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${file}:2: nested deeper than 64 levels`);
    expect(result.stderr).toMatch(/report\s+ok\s+sent 2\/2/);
    expect(result.rssMb).toBeLessThanOrEqual(MAX_RSS_MB);
    done(`exit 2, line 2 refused as nested deeper than 64 levels, lines 1 and 3 delivered, peak RSS ${result.rssMb} MB`);
  }, 120_000);

  it('three 16 MB bodies at once (valid events, nested arrays, four million numbers): each answered, memory bounded', async (context) => {
    const done = attack(context, 'serve: three 16 MB bodies at once (events / nested arrays / 4M numbers)');
    const serve = await startServe();
    const lines: string[] = [started];
    for (let i = 0; lines.reduce((n, l) => n + l.length + 1, 0) < 16 * MB - 4096; i += 1) {
      const e = episodeEvent(i, 'r-limits');
      e.episode.messages![0].content = 'x'.repeat(900);
      lines.push(JSON.stringify(e));
    }
    const events = lines.join('\n') + '\n';
    const nested = '['.repeat(8 * MB) + ']'.repeat(8 * MB) + '\n';
    // 16 MB of numbers on one line: four million values, refused by count while arriving, before any parse.
    const numbers = `{"type":"iteration","run_id":"r","iteration":0,"timestamp":1,"pad":[${'1.5,'.repeat(4 * MB - 20)}1.5]}\n`;
    const [a, b, d] = await Promise.all([serve.post(events), serve.post(nested), serve.post(numbers)]);
    expect(a).toEqual({ status: 202, body: { accepted: lines.length } });
    // A body starting with `[` is a JSON array: refused whole (400) when it cannot be one, here without being built.
    expect(b.status).toBe(400);
    expect(b.body).toMatchObject({ problems: [{ line: 1, problem: 'nested deeper than 64 levels' }] });
    expect(d.status).toBe(207);
    expect(d.body).toMatchObject({
      accepted: 0,
      refused_lines: [1],
      problems: [{ line: 1, problem: 'more than 1,000,000 values in one event' }],
    });
    const result = await serve.stop();
    expect(result.rssMb).toBeLessThanOrEqual(MAX_RSS_MB);
    done(
      `202 (${lines.length} events) / 400 nested deeper than 64 / 207 four million values refused before parsing; peak RSS ${result.rssMb} MB; event loop blocked at most ${result.loopDelayMs} ms`,
    );
  }, 180_000);

  it('a 16 MB body with a NaN at the very end does not block the event loop for seconds', async (context) => {
    const done = attack(context, 'serve: 16 MB body, NaN at the very end');
    const serve = await startServe();
    // 16 MB on one line, its NaN at the very end (the marker scan crosses all of it), and no run_id: read in one
    // pass, then refused as not an event.
    const nan = `{"type":"iteration","note":"${'n'.repeat(16 * MB - 100)}","avg_reward":NaN}\n`;
    const c = await serve.post(nan);
    expect(c.status).toBe(207);
    expect(c.body).toMatchObject({ accepted: 0, refused_lines: [1] });
    expect(JSON.stringify(c.body)).toMatch(/avg_reward.*NaN/);
    expect(JSON.stringify(c.body)).toContain('run_id');
    const result = await serve.stop();
    expect(result.rssMb).toBeLessThanOrEqual(MAX_RSS_MB);
    // Measured inside serve; a generous bound for a loaded machine (before: 5–7 s).
    expect(result.loopDelayMs).toBeLessThan(2500);
    done(
      `207, the NaN found at avg_reward in one pass, the line refused (no run_id); event loop blocked at most ${result.loopDelayMs} ms; peak RSS ${result.rssMb} MB`,
    );
  }, 120_000);

  it('a directory, a FIFO and a symlink loop where files are expected: a clear error each, every other input still read, no hang', async (context) => {
    const done = attack(context, 'input: directory, FIFO and symlink loop in place of ClawLoop files');
    const root = mkdtempSync(join(tmpdir(), 'limits-'));
    const hostile = join(root, 'hostile');
    cpSync(SAMPLE, hostile, { recursive: true });
    const { rmSync } = await import('node:fs');
    rmSync(join(hostile, 'experiment.jsonl'));
    mkdirSync(join(hostile, 'experiment.jsonl'));
    rmSync(join(hostile, 'episodes.ndjson'));
    execFileSync('mkfifo', [join(hostile, 'episodes.ndjson')]);
    rmSync(join(hostile, 'evolution.jsonl'));
    symlinkSync('evolution.jsonl', join(hostile, 'evolution.jsonl'));
    const result = await cliWithRss(['replay', hostile, SAMPLE, '--sink', 'report', '--out', join(root, 'report.html'), '--no-progress'], {
      timeoutMs: 60_000,
    }).done;
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${join(hostile, 'experiment.jsonl')}: is a directory, expected a regular file`);
    expect(result.stderr).toContain(`${join(hostile, 'episodes.ndjson')}: is a FIFO (named pipe), expected a regular file`);
    expect(result.stderr).toContain(`${join(hostile, 'evolution.jsonl')}: cannot be read: too many levels of symbolic links`);
    const whole = (await collect(SAMPLE)).events.length;
    const sent = Number(/report\s+ok\s+sent (\d+)\//.exec(result.stderr)?.[1]);
    expect(sent).toBeGreaterThan(whole);
    done(`exit 2, one clear error per path (directory, FIFO, symlink loop), the other input delivered in full (${sent} events), no hang`);
  }, 90_000);

  it('experiment lines out of order give the same events as in order: no false "no experiment.jsonl line", state hashes kept', async (context) => {
    const done = attack(context, 'input: experiment.jsonl lines out of order');
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const lines = readFileSync(join(SAMPLE, 'experiment.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    writeFileSync(join(dir, 'experiment.jsonl'), [...lines].reverse().join('\n') + '\n');
    const shuffled = await collect(dir);
    const ordered = await collect(SAMPLE);
    expect(shuffled.notices.filter((n) => n.includes('no experiment.jsonl line'))).toEqual([]);
    expect(shuffled.problems).toEqual([]);
    expect(shuffled.events.slice(1)).toEqual(ordered.events.slice(1));
    done(`${lines.length} lines reversed → the same ${ordered.events.length} events as in order, no false notice`);
  });

  it('terminal escape sequences in input never reach the terminal', async (context) => {
    const done = attack(context, 'input: escape sequences and a forged log line in field names and values');
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    const file = join(dir, 'events.ndjson');
    const forged = JSON.stringify({
      type: 'run.started',
      run_id: 'r',
      started_at: 1,
      source: 't',
      '\u001b[2J\u001b[1;1H\nreport     ok  sent 9/9': 1,
    });
    writeFileSync(file, `${started}\n${forged}\n{"type":"\u001b]0;pwned\u0007"}\n${finished}\n`);
    const result = await cliWithRss(['replay', file, '--sink', 'report,console', '--out', join(dir, 'report.html'), '--no-progress']).done;
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('report     ok  sent 9/9'))).toEqual([]);
    expect(result.stderr).toMatch(/events.ndjson:3: /);
    done('exit 2, problems printed on one line each, no control byte on stderr, no forged line');
  });
});
