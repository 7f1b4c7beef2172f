/** `watch` follows files ClawLoop is still writing: partial last lines wait, truncation and rotation are handled. */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { watchSource } from '../../src/sources/watch-run.js';
import { collect } from '../helpers/collect.js';
import { ROOT, requireSample } from '../helpers/paths.js';

const sample = requireSample();
const lines = (file: string) => readFileSync(join(sample, file), 'utf8').split('\n').filter(Boolean);
const tick = (ms = 80) => new Promise((r) => setTimeout(r, ms));
/** Lines of a file of one of the real-ClawLoop fixtures (test/fixtures/clawloop/<name>). */
const fixture = (name: string, file: string) =>
  readFileSync(join(ROOT, 'test', 'fixtures', 'clawloop', name, file), 'utf8')
    .split('\n')
    .filter(Boolean);
/** The iteration a line of ClawLoop's files or the bridge's events belongs to. */
const iterationOf = (line: string) => {
  const v = JSON.parse(line) as { iteration?: number; iteration_num?: number };
  return v.iteration ?? v.iteration_num;
};
/** Waits until `check` holds (a loaded machine may take longer than a tick), failing after `ms`. */
async function until(check: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await tick(10)) if (Date.now() > end) throw new Error('timed out waiting');
}

function start(path: string, graceMs = 60_000, runId?: string) {
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
      graceMs,
      runId,
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
      // The earlier iterations are out once a later one appears.
      await until(() => w.events.filter((e) => e.type === 'iteration').length >= i);
      await tick();
      // Not before its dump line (a negative check: a slow machine can only make it hold more surely).
      expect(w.events.filter((e) => e.type === 'iteration')).toHaveLength(i);
      appendFileSync(join(dir, 'episodes.ndjson'), dump[i] + '\n');
      if (i === 0) {
        // The first iteration also waits (graceMs) for the bridge's events.ndjson, which its first write would create
        // now; the next iteration's lines release it.
        await tick();
        expect(w.events.filter((e) => e.type === 'iteration')).toHaveLength(0);
        continue;
      }
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

describe("watch an output directory with the bridge's events.ndjson in it", () => {
  // A real ClawLoop run (learning_loop 3 × 4) with the bridge writing events.ndjson beside ClawLoop's files.
  const of = (file: string) => fixture('normal', file);

  /** Writes the fixture's lines into `dir` in the order ClawLoop's loop writes them, one iteration at a time. */
  async function writeRun(dir: string, withDump: boolean, w: ReturnType<typeof start>) {
    mkdirSync(join(dir, 'archive'));
    const [runs, bridge] = [of('archive/runs.jsonl'), of('events.ndjson')];
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
    const iterations = of('experiment.jsonl').length;
    for (let i = 0; i < iterations; i += 1) {
      const linesOf = (file: string) => of(file).filter((line) => iterationOf(line) === i);
      for (const file of ['experiment.jsonl', 'evolution.jsonl', 'archive/iterations.jsonl', ...(withDump ? ['episodes.ndjson'] : [])])
        for (const line of linesOf(file)) appendFileSync(join(dir, file), line + '\n');
      await until(() => w.events.filter((e) => e.type === 'iteration').length >= i);
      await tick();
      // The bridge writes from after_iteration: the iteration is not sent before its iteration event is there.
      expect(w.events.filter((e) => e.type === 'iteration')).toHaveLength(i);
      const ofIteration = bridge.filter((line) => iterationOf(line) === i || (i === 0 && line.includes('"run.started"')));
      for (const line of ofIteration) appendFileSync(join(dir, 'events.ndjson'), line + '\n');
      // Without the dump, the first iteration waits (graceMs) for episodes.ndjson too; the next iteration releases it.
      if (i === 0 && !withDump) continue;
      await until(() => w.events.filter((e) => e.type === 'iteration').length === i + 1);
    }
    appendFileSync(join(dir, 'events.ndjson'), `${bridge[bridge.length - 1]}\n`);
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
  }

  it.each([
    ['with the after_iteration dump', true],
    ['without the dump (episodes from the bridge alone)', false],
  ])('sends what a replay of the finished directory sends, %s', async (_, withDump) => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-bridge-'));
    const w = start(dir);
    await writeRun(dir, withDump, w);
    await w.done;
    expect(w.problems).toEqual([]);
    // The same directory replayed once finished: the bridge's episodes (full conversations), its run.started's
    // config and tags merged into the archive's, its run.finished merged into the archive's run_complete.
    const replayed = (await collect(dir)).events;
    expect(w.events).toEqual(replayed);
    expect(w.events.filter((e) => e.type === 'episode')).toHaveLength(12);
    expect(w.events.filter((e) => e.type === 'episode' && (e.episode.messages?.length ?? 0) > 0)).toHaveLength(12);
    const bridgeStart = JSON.parse(of('events.ndjson')[0]) as { config?: unknown };
    expect(w.events[0]).toMatchObject({ type: 'run.started', config: bridgeStart.config });
    expect(w.notices).toEqual([]);
  });
});

describe('watch an output directory whose bridge writes after the grace of the first iteration', () => {
  const of = (file: string) => fixture('normal', file);

  it("sends the bridge's late episodes and names what it could not send (run.started's config and tags)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-late-bridge-'));
    mkdirSync(join(dir, 'archive'));
    // A real run (normal) without the dump; a short grace, so iteration 0 goes out before the bridge writes.
    const w = start(dir, 200);
    const [runs, bridge] = [of('archive/runs.jsonl'), of('events.ndjson')];
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
    for (let i = 0; i < 3; i += 1) {
      for (const file of ['experiment.jsonl', 'evolution.jsonl', 'archive/iterations.jsonl'])
        for (const line of of(file).filter((l) => iterationOf(l) === i)) appendFileSync(join(dir, file), line + '\n');
      if (i === 0) await until(() => w.events.some((e) => e.type === 'iteration'));
      const ofIteration = bridge.filter((line) => iterationOf(line) === i || (i === 0 && line.includes('"run.started"')));
      for (const line of ofIteration) appendFileSync(join(dir, 'events.ndjson'), line + '\n');
    }
    appendFileSync(join(dir, 'events.ndjson'), `${bridge[bridge.length - 1]}\n`);
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
    await w.done;
    expect(w.problems).toEqual([]);
    expect(w.notices).toEqual([
      "the bridge's run.started came after the run had started; its config and tags were not sent",
      "iteration 0: the bridge's iteration event came after the iteration was sent; its playbook and state hashes were not sent",
    ]);
    // Every episode, in full, once; all else as in a replay but run.started and iteration 0 (sent before the bridge's).
    const episodes = w.events.filter((e) => e.type === 'episode');
    expect(episodes.filter((e) => (e.episode.messages?.length ?? 0) > 0)).toHaveLength(12);
    expect(new Set(episodes.map((e) => e.episode.id)).size).toBe(12);
    const replayed = (await collect(dir)).events;
    expect(w.events).toHaveLength(replayed.length);
    const differ = replayed.filter((e) => !w.events.some((x) => JSON.stringify(x) === JSON.stringify(e)));
    expect(differ.map((e) => `${e.type}${e.type === 'iteration' ? e.iteration : ''}`)).toEqual(['run.started', 'iteration0']);
  });
});

describe("watch an output directory whose events.ndjson holds another run's events", () => {
  // A real run (normal: learning_loop 3 × 4 with the dump) and, already in events.ndjson, the bridge's events of
  // another run (live: a bridge without archive=, or an earlier run written into the same directory).
  it("sends each iteration once its dump line is there: the other run's file is not waited for", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-other-bridge-'));
    mkdirSync(join(dir, 'archive'));
    const other = fixture('live', 'events.ndjson');
    writeFileSync(join(dir, 'events.ndjson'), other.join('\n') + '\n');
    const w = start(dir);
    const runs = fixture('normal', 'archive/runs.jsonl');
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
    const iterationsSent = () => w.events.filter((e) => e.type === 'iteration' && e.run_id !== 'live-mode-fixture').length;
    for (let i = 0; i < 3; i += 1) {
      for (const file of ['experiment.jsonl', 'evolution.jsonl', 'archive/iterations.jsonl', 'episodes.ndjson'])
        for (const line of fixture('normal', file).filter((l) => iterationOf(l) === i)) appendFileSync(join(dir, file), line + '\n');
      // The first iteration waits (graceMs) for this run's bridge events; the next iteration's lines release it.
      if (i > 0) await until(() => iterationsSent() === i + 1, 10_000);
    }
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
    await w.done;
    expect(w.problems).toEqual([]);
    // This run is the archive's; the other run's events go out as that run's own (a replay sends the same events).
    const runId = (JSON.parse(runs[0]) as { run_id: string }).run_id;
    expect(w.events.filter((e) => e.type === 'run.started').map((e) => e.run_id)).toEqual(['live-mode-fixture', runId]);
    const replayed = (await collect(dir)).events;
    expect(w.events).toHaveLength(replayed.length);
    expect(replayed).toEqual(expect.arrayContaining(w.events));
  });
});

describe('watch an output directory ClawLoop writes alone (no dump, no bridge)', () => {
  // A real ClawLoop run (learning_loop 3 × 4) with only its own files: experiment.jsonl, evolution.jsonl, the archive.
  const of = (file: string) => fixture('no-dump', file);

  it.each([
    ['the output directory', 'archive/'],
    ['the archive directory alone', ''],
  ])("sends the archive's episode summaries and variant playbooks, as a replay of the finished directory does: %s", async (_, archive) => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-archive-'));
    const [runs, iterations, variants] = [of('archive/runs.jsonl'), of('archive/iterations.jsonl'), of('archive/variants.jsonl')];
    const runId = (JSON.parse(runs[0]) as { run_id: string }).run_id;
    const episodes = of(`archive/${runId}/episodes.jsonl`);
    mkdirSync(join(dir, archive, runId), { recursive: true });
    const put = (file: string, line: string) => appendFileSync(join(dir, file), line + '\n');
    // Watched once the run has started (the archive directory alone is known as such by its runs.jsonl).
    put(`${archive}runs.jsonl`, runs[0]);
    const w = start(dir);
    // The loop's order: run_start and the initial variant; per iteration the archive's episodes, experiment.jsonl,
    // evolution.jsonl, the archive's iteration record, then the variant it made.
    put(`${archive}variants.jsonl`, variants[0]);
    const field = (line: string, name: string) => (JSON.parse(line) as Record<string, unknown>)[name];
    for (let i = 0; i < iterations.length; i += 1) {
      for (const line of episodes.filter((l) => field(l, 'iteration_num') === i)) put(`${archive}${runId}/episodes.jsonl`, line);
      for (const file of archive ? ['experiment.jsonl', 'evolution.jsonl'] : [])
        for (const line of of(file).filter((l) => field(l, 'iteration') === i)) put(file, line);
      put(`${archive}iterations.jsonl`, iterations[i]);
      const child = field(iterations[i], 'child_variant_hash');
      for (const line of variants.filter((l) => field(l, 'variant_hash') === child)) put(`${archive}variants.jsonl`, line);
      await tick();
    }
    put(`${archive}runs.jsonl`, runs[1]);
    await w.done;
    expect(w.problems).toEqual([]);
    const replayed = (await collect(dir)).events;
    expect(w.events.filter((e) => e.type === 'episode')).toHaveLength(12);
    expect(w.events.filter((e) => e.type === 'iteration' && e.playbook !== undefined)).toHaveLength(3);
    expect(w.events).toEqual(replayed);
  });
});

describe('watch a path that does not exist yet', () => {
  it('follows the output directory the run creates there', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'watch-later-')), 'run');
    const w = start(dir);
    await tick();
    // The run creates its output directory after the watch started (a real run: normal, finished).
    cpSync(join(ROOT, 'test', 'fixtures', 'clawloop', 'normal'), dir, { recursive: true });
    await w.done;
    expect(w.problems).toEqual([]);
    expect(w.events).toEqual((await collect(dir)).events);
  });
});

describe('watch --run-id', () => {
  it('sends the run being written under the given id, all of it, as a replay with the same id does', async () => {
    // A finished run (real ClawLoop output with the bridge's events): the watch ends at its run_complete.
    const dir = join(ROOT, 'test', 'fixtures', 'clawloop', 'normal');
    const w = start(dir, 60_000, 'fresh-run');
    await w.done;
    expect(w.problems).toEqual([]);
    expect(new Set(w.events.map((e) => e.run_id))).toEqual(new Set(['fresh-run']));
    expect(w.events).toEqual((await collect(dir, { runId: 'fresh-run' })).events);
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
