/** `watch` follows files ClawLoop is still writing: partial last lines wait, truncation and rotation are handled. */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { watchSource } from '../../src/sources/watch-run.js';
import { collect } from '../helpers/collect.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();
const lines = (file: string) => readFileSync(join(sample, file), 'utf8').split('\n').filter(Boolean);
const tick = (ms = 80) => new Promise((r) => setTimeout(r, ms));
/** Waits until `check` holds (a loaded machine may take longer than a tick), failing after `ms`. */
async function until(check: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await tick(10)) if (Date.now() > end) throw new Error('timed out waiting');
}

function start(path: string) {
  const stop = new AbortController();
  const events: CanonicalEvent[] = [];
  const notices: string[] = [];
  const problems: string[] = [];
  const done = (async () => {
    for await (const e of watchSource(path, {
      onProblem: (p) => problems.push(`${p.line}:${p.field}`),
      onNotice: (n) => notices.push(n),
      pollMs: 10,
      // Long: an iteration waits for its dump line here, never for a clock (a loaded machine is slow, not wrong).
      graceMs: 60_000,
      signal: stop.signal,
    }))
      events.push(e);
  })();
  return { events, notices, problems, stop: async () => (stop.abort(), done), done };
}

describe('watch an output directory while ClawLoop writes it', () => {
  it('emits each iteration once its dump line arrives, in replay order, and ends at run_complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-run-'));
    mkdirSync(join(dir, 'archive'));
    const w = start(dir);
    const [exp, evo, dump, runs] = [
      lines('experiment.jsonl'),
      lines('evolution.jsonl'),
      lines('episodes.ndjson'),
      lines('archive/runs.jsonl'),
    ];
    const archived = lines('archive/iterations.jsonl');
    writeFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
    for (let i = 0; i < exp.length; i += 1) {
      // ClawLoop's order per iteration: experiment line, evolution entry, archive, after_iteration dump.
      appendFileSync(join(dir, 'experiment.jsonl'), exp[i].slice(0, 50));
      await tick();
      appendFileSync(join(dir, 'experiment.jsonl'), exp[i].slice(50) + '\n');
      appendFileSync(join(dir, 'evolution.jsonl'), evo[i] + '\n');
      appendFileSync(join(dir, 'archive', 'iterations.jsonl'), archived[i] + '\n');
      await tick();
      // Not before its dump line (a negative check: a slow machine can only make it hold more surely).
      expect(w.events.filter((e) => e.type === 'iteration')).toHaveLength(i);
      appendFileSync(join(dir, 'episodes.ndjson'), dump[i] + '\n');
      await until(() => w.events.filter((e) => e.type === 'iteration').length >= i + 1);
      expect(w.events.filter((e) => e.type === 'iteration')).toHaveLength(i + 1);
    }
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
    await w.done;
    expect(w.problems).toEqual([]);
    const replayed = (await collect(sample)).events;
    // The folder's base name, never its absolute path (it reaches shared backends).
    expect(w.events[0]).toMatchObject({ type: 'run.started', source: basename(dir) });
    expect(w.events.slice(1)).toEqual(replayed.slice(1));
  });
});

describe('watch a canonical events file', () => {
  it('delivers complete lines only, and re-reads after truncation and rotation', async () => {
    const events = (await collect(sample)).events;
    const dir = mkdtempSync(join(tmpdir(), 'watch-events-'));
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, JSON.stringify(events[0]) + '\n' + JSON.stringify(events[1]).slice(0, 30));
    const w = start(file);
    await until(() => w.events.length >= 1);
    await tick();
    expect(w.events).toEqual([events[0]]);
    appendFileSync(file, JSON.stringify(events[1]).slice(30) + '\n');
    await until(() => w.events.length >= 2);
    expect(w.events).toEqual(events.slice(0, 2));

    writeFileSync(file, JSON.stringify(events[2]) + '\n');
    await until(() => w.events.length >= 3);
    expect(w.notices.join('\n')).toContain('was truncated');
    expect(w.events).toEqual(events.slice(0, 3));

    renameSync(file, `${file}.1`);
    writeFileSync(file, JSON.stringify(events[3]) + '\n{"type": "nope"}\n');
    await until(() => w.events.length >= 4 && w.problems.length >= 1);
    expect(w.notices.join('\n')).toContain('was replaced');
    expect(w.events).toEqual(events.slice(0, 4));
    expect(w.problems).toEqual(['2:type']);
    await w.stop();
  });
});
