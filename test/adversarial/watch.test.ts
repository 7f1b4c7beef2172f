/**
 * `watch` never loses silently: a refused line, run_complete inside the grace period, copy-truncate and rename
 * rotation, a last line without newline, appends in any order across files, and the report kept current while
 * watching. The run written is real ClawLoop output (test/fixtures/clawloop/six-iterations: learning_loop 6 × 2 with
 * the after_iteration dump and the archive), appended line by line as the run would. Every wait polls for a condition
 * under a generous ceiling; nothing asserts on timing.
 */
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { watchSource } from '../../src/sources/watch-run.js';
import { formatProblem, type InputProblem } from '../../src/sources/problems.js';
import { startCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { attack } from './attack.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'clawloop', 'six-iterations');
const RUN_ID = '822886fbd4ab46e181c555d9702bcb3f';
const read = (file: string) => readFileSync(join(FIXTURE, file), 'utf8').split('\n').filter(Boolean);
const RUN = {
  experiment: read('experiment.jsonl'),
  evolution: read('evolution.jsonl'),
  dump: read('episodes.ndjson'),
  iterations: read('archive/iterations.jsonl'),
  runs: read('archive/runs.jsonl'),
};
/** Iteration numbers of the evolution lines (ClawLoop writes one only when something changed). */
const EVOLVED = RUN.evolution.map((l) => (JSON.parse(l) as { iteration: number }).iteration);
const CEILING_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls `condition` until it holds (fails with `what` after a generous ceiling: a loaded machine is slow, not wrong). */
async function until(condition: () => boolean, what: string, ceilingMs = CEILING_MS): Promise<void> {
  const end = Date.now() + ceilingMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function runDir(withArchive = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'watch-attack-'));
  if (withArchive) mkdirSync(join(dir, 'archive'));
  return dir;
}
const append = (dir: string, file: string, line: string) => appendFileSync(join(dir, file), `${line}\n`);

/** watchSource in this process, collecting what it yields; `stop()` is Ctrl-C. */
function watchIn(path: string, options: { graceMs?: number } = {}) {
  const controller = new AbortController();
  const events: CanonicalEvent[] = [];
  const problems: InputProblem[] = [];
  const notices: string[] = [];
  const done = (async () => {
    for await (const event of watchSource(path, {
      onProblem: (p) => problems.push(p),
      onNotice: (n) => notices.push(n),
      pollMs: 20,
      graceMs: options.graceMs,
      signal: controller.signal,
    }))
      events.push(event);
  })();
  let ended = false;
  void done.finally(() => (ended = true));
  const of = <T extends CanonicalEvent['type']>(type: T) =>
    events.filter((e): e is Extract<CanonicalEvent, { type: T }> => e.type === type);
  return {
    events,
    problems,
    notices,
    done,
    get ended() {
      return ended;
    },
    iterations: () => of('iteration').map((e) => e.iteration),
    evolutions: () => of('evolution').map((e) => e.iteration),
    episodes: () => of('episode').length,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** Iteration i as ClawLoop writes it: experiment.jsonl, evolution.jsonl (if any), the archive record, then after_iteration. */
function writeIteration(dir: string, i: number, options: { experiment?: string; dump?: boolean } = {}): void {
  append(dir, 'experiment.jsonl', options.experiment ?? RUN.experiment[i]);
  for (const line of RUN.evolution.filter((_, k) => EVOLVED[k] === i)) append(dir, 'evolution.jsonl', line);
  append(dir, 'archive/iterations.jsonl', RUN.iterations[i]);
  if (options.dump ?? true) append(dir, 'episodes.ndjson', RUN.dump[i]);
}

const ALL = [0, 1, 2, 3, 4, 5];

describe('watch never loses silently', () => {
  it('a refused experiment line for iteration 2 does not stop iterations 3-5, and the summary names it', async (context) => {
    const done = attack(context, 'watch: experiment.jsonl line of iteration 2 cut (not JSON), run goes on to 5');
    const dir = runDir();
    const out = join(dir, 'report.html');
    const cli = await startCli(['watch', dir, '--sink', 'report', '--out', out, '--poll', '50'], /watching /);
    append(dir, 'archive/runs.jsonl', RUN.runs[0]);
    for (const i of ALL) writeIteration(dir, i, { experiment: i === 2 ? RUN.experiment[2].slice(0, 400) : undefined });
    append(dir, 'archive/runs.jsonl', RUN.runs[1]);
    const guard = setTimeout(() => cli.child.kill('SIGKILL'), CEILING_MS);
    const code = await cli.exited;
    clearTimeout(guard);
    const stderr = cli.stderr();
    // run.started, 12 episodes, 6 iterations (iteration 2 from its archive record), 5 evolution steps, run.finished.
    const total = 1 + 12 + 6 + EVOLVED.length + 1;
    expect(stderr).toMatch(new RegExp(`report\\s+ok\\s+sent ${total}/${total}`));
    expect(stderr).toMatch(/input error: .*experiment\.jsonl:3: not valid JSON/);
    expect(stderr).toMatch(/iteration 2: its experiment\.jsonl line did not arrive/);
    // The closing summary says what was refused, and where.
    expect(stderr).toContain(`1 bad input line(s) were skipped (${join(dir, 'experiment.jsonl')}:3)`);
    expect(code).toBe(2);
    done(`iterations 3-5 delivered (sent ${total}/${total}), iteration 2 from the archive; line 3 named, exit 2`);
  }, 90_000);

  it('run_complete inside the grace period keeps the last iteration, its unterminated experiment line included (no dump file)', async (context) => {
    const done = attack(context, 'watch: run_complete right after the last iteration (its experiment line unterminated), grace 60 s');
    const dir = runDir();
    const w = watchIn(dir, { graceMs: 60_000 });
    append(dir, 'archive/runs.jsonl', RUN.runs[0]);
    for (const i of ALL.slice(0, 5)) writeIteration(dir, i, { dump: false });
    appendFileSync(join(dir, 'experiment.jsonl'), RUN.experiment[5]);
    append(dir, 'archive/iterations.jsonl', RUN.iterations[5]);
    append(dir, 'archive/runs.jsonl', RUN.runs[1]);
    await until(() => w.ended, 'watch to end at run_complete');
    expect(w.iterations()).toEqual(ALL);
    expect(w.evolutions()).toEqual(EVOLVED);
    // Iteration 5 from its experiment line (per_task is only there), not from the archive record alone.
    expect(w.events.find((e) => e.type === 'iteration' && e.iteration === 5)).toHaveProperty('per_task');
    expect(w.events.at(-1)).toMatchObject({ type: 'run.finished', run_id: RUN_ID, n_iterations_completed: 6 });
    expect(w.problems).toEqual([]);
    done('all 6 iterations (the last from its unterminated line), then run.finished (n_iterations_completed 6)');
  });

  it('copy-truncate rotation loses no line, whether the file shrank or grew again before the next read', async (context) => {
    const done = attack(context, 'watch: experiment.jsonl copied and truncated (logrotate copytruncate), twice');
    const dir = runDir(false);
    const w = watchIn(dir, { graceMs: 0 });
    const file = join(dir, 'experiment.jsonl');
    append(dir, 'experiment.jsonl', RUN.experiment[0]);
    await until(() => w.iterations().includes(0), 'iteration 0');
    // Two lines land and the file is rotated before the watcher reads them (they are only in the copy); the new file
    // then grows past where the watcher stood, so only its bytes can tell it is another file.
    for (const i of [1, 2]) append(dir, 'experiment.jsonl', RUN.experiment[i]);
    copyFileSync(file, `${file}.1`);
    truncateSync(file, 0);
    for (const i of [3, 4]) append(dir, 'experiment.jsonl', RUN.experiment[i]);
    await until(() => w.iterations().includes(4), 'iteration 4');
    // Rotated again, the file now shorter than where the watcher stood; the older copy must not be taken for this one.
    append(dir, 'experiment.jsonl', RUN.experiment[5]);
    copyFileSync(file, `${file}.2`);
    truncateSync(file, 0);
    await until(() => w.iterations().includes(5), 'iteration 5');
    await w.stop();
    expect(w.iterations()).toEqual(ALL);
    expect(w.problems.map(formatProblem)).toEqual([]);
    expect(w.notices.join('\n')).toMatch(/read from its copy experiment\.jsonl\.1[^]*read from its copy experiment\.jsonl\.2/);
    done('every iteration once: the lines only in a copy read from the copy that holds what was read (found by content)');
  });

  it('rename rotation: lines the writer adds to the old file after the rename are read', async (context) => {
    const done = attack(context, 'watch: experiment.jsonl renamed to .1 while a writer keeps appending to it');
    const dir = runDir(false);
    const w = watchIn(dir, { graceMs: 0 });
    const file = join(dir, 'experiment.jsonl');
    const writer = openSync(file, 'a');
    for (const i of [0, 1]) writeSync(writer, `${RUN.experiment[i]}\n`);
    await until(() => w.iterations().includes(1), 'iterations 0 and 1');
    renameSync(file, `${file}.1`);
    closeSync(openSync(file, 'a')); // logrotate's `create`: a new empty file under the name
    // The writer still holds the old file: these land in experiment.jsonl.1.
    for (const i of [2, 3]) writeSync(writer, `${RUN.experiment[i]}\n`);
    await until(() => w.iterations().includes(3), 'iterations 2 and 3 from the renamed file');
    closeSync(writer);
    // The writer reopens by name (as ClawLoop does for every line).
    for (const i of [4, 5]) append(dir, 'experiment.jsonl', RUN.experiment[i]);
    await until(() => w.iterations().includes(5), 'iteration 5');
    await w.stop();
    expect(w.iterations()).toEqual(ALL);
    expect(w.problems).toEqual([]);
    done('every iteration once: the renamed file is drained until the writer moved on');
  });

  it('a last line without newline is delivered at Ctrl-C when it is a complete JSON value, and reported when not', async (context) => {
    const done = attack(context, 'watch: Ctrl-C with the last experiment line (and an events line) unterminated');
    const dir = runDir(false);
    const w = watchIn(dir, { graceMs: 0 });
    for (const i of [0, 1, 2, 3, 4]) append(dir, 'experiment.jsonl', RUN.experiment[i]);
    appendFileSync(join(dir, 'experiment.jsonl'), RUN.experiment[5]);
    await until(() => w.iterations().includes(4), 'iteration 4');
    await w.stop();
    expect(w.iterations()).toEqual(ALL);
    expect(w.problems).toEqual([]);

    // An events file whose last line is torn mid-value: reported, not dropped silently.
    const events = join(dir, 'events.ndjson');
    const started = JSON.stringify({ type: 'run.started', run_id: 'r-torn', started_at: 1, source: 't' });
    const finished = JSON.stringify({ type: 'run.finished', run_id: 'r-torn', finished_at: 2, status: 'completed' });
    appendFileSync(events, `${started}\n${finished}`);
    const e = watchIn(events);
    await until(() => e.events.length === 1, 'run.started');
    await e.stop();
    expect(e.events.map((x) => x.type)).toEqual(['run.started', 'run.finished']);
    appendFileSync(events, `\n${finished.slice(0, 30)}`);
    const torn = watchIn(events);
    await until(() => torn.events.length === 2, 'both complete lines');
    await torn.stop();
    expect(torn.problems.map(formatProblem).join('\n')).toMatch(/events\.ndjson:3: .*not valid JSON/);
    done('the complete unterminated line delivered at the stop; a torn one reported with its line number');
  });

  it('episodes → experiment → evolution appends (any order across files) lose no evolution step', async (context) => {
    const done = attack(context, 'watch: per iteration, the dump first, then experiment.jsonl, then evolution.jsonl');
    const dir = runDir();
    const w = watchIn(dir);
    append(dir, 'archive/runs.jsonl', RUN.runs[0]);
    for (const i of ALL) {
      // Waits of a few polls between files, so the watcher sees each iteration half written.
      append(dir, 'episodes.ndjson', RUN.dump[i]);
      await sleep(100);
      append(dir, 'experiment.jsonl', RUN.experiment[i]);
      await sleep(100);
      for (const line of RUN.evolution.filter((_, k) => EVOLVED[k] === i)) append(dir, 'evolution.jsonl', line);
      append(dir, 'archive/iterations.jsonl', RUN.iterations[i]);
    }
    append(dir, 'archive/runs.jsonl', RUN.runs[1]);
    await until(() => w.ended, 'watch to end at run_complete');
    expect(w.iterations()).toEqual(ALL);
    expect(w.evolutions()).toEqual(EVOLVED);
    expect(w.episodes()).toBe(12);
    // Each evolution step after its iteration, as in a replay.
    const position = (type: string, i: number) => w.events.findIndex((e) => e.type === type && 'iteration' in e && e.iteration === i);
    for (const i of EVOLVED) expect(position('evolution', i)).toBeGreaterThan(position('iteration', i));
    expect(w.problems).toEqual([]);
    done(`all ${EVOLVED.length} evolution steps, 6 iterations, 12 episodes, each evolution after its iteration`);
  });

  it('lines for an iteration already sent are still delivered (or named in a note)', async (context) => {
    const done = attack(context, 'watch: experiment and evolution lines after their iteration was sent from the dump alone');
    const dir = runDir(false);
    const w = watchIn(dir, { graceMs: 0 });
    // Only the dump exists at first: with no grace, iteration 0 goes out with its episodes and nothing else.
    append(dir, 'episodes.ndjson', RUN.dump[0]);
    await until(() => w.episodes() === 2, 'the episodes of iteration 0');
    append(dir, 'experiment.jsonl', RUN.experiment[0]);
    append(dir, 'evolution.jsonl', RUN.evolution[0]);
    await until(() => w.evolutions().length === 1, 'the late evolution step');
    // A second dump line for the same iteration: its episodes go out again (same ids: backends update), and it is said.
    append(dir, 'episodes.ndjson', RUN.dump[0]);
    await until(() => w.episodes() === 4, 'the repeated episodes');
    await until(() => w.notices.some((n) => n.includes('iteration 0: its after_iteration dump line came after')), 'the note');
    await w.stop();
    expect(w.iterations()).toEqual([0]);
    expect(w.events.findIndex((e) => e.type === 'evolution')).toBeGreaterThan(w.events.findIndex((e) => e.type === 'iteration'));
    expect(w.problems).toEqual([]);
    done('the late iteration line sent as the iteration, the late evolution step after it; a repeated dump line sent and noted');
  });

  it('the report is rewritten atomically while watching, before any stop', async (context) => {
    const done = attack(context, 'watch: read the report while the run is still going');
    const dir = runDir();
    const out = join(dir, 'out', 'report.html');
    const cli = await startCli(['watch', dir, '--sink', 'report', '--out', out, '--poll', '50'], /watching /);
    const seen: string[] = [];
    const readReport = () => {
      try {
        const page = readFileSync(out, 'utf8');
        seen.push(page);
        return page;
      } catch {
        return '';
      }
    };
    try {
      append(dir, 'archive/runs.jsonl', RUN.runs[0]);
      for (const i of [0, 1, 2]) writeIteration(dir, i);
      await until(() => readReport().includes('<summary>3 iterations:'), 'a report with 3 iterations');
      for (const i of [3, 4, 5]) writeIteration(dir, i);
      await until(() => readReport().includes('<summary>6 iterations:'), 'a report with 6 iterations');
      expect(cli.child.exitCode).toBeNull();
    } finally {
      await cli.stop('SIGINT');
    }
    // Every read saw a whole page (written to a temp file and renamed), and no temp file is left.
    for (const page of seen.filter(Boolean)) expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.html']);
    done(`rewritten while watching (${seen.filter(Boolean).length} reads, each a whole page); no temp file left`);
  }, 90_000);

  it("a directory written again: the earlier run's run_complete neither ends the watch of the new run nor names its end", async (context) => {
    const done = attack(
      context,
      "watch: started while a second run goes in the same directory (runs.jsonl: A's start and complete, B's start)",
    );
    const dir = runDir();
    // Run A, finished (six-iterations), then run B starts in the same directory (normal: its run_start).
    append(dir, 'archive/runs.jsonl', RUN.runs[0]);
    for (const i of ALL) writeIteration(dir, i);
    append(dir, 'archive/runs.jsonl', RUN.runs[1]);
    const second = readFileSync(join(ROOT, 'test', 'fixtures', 'clawloop', 'normal', 'archive', 'runs.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const secondId = (JSON.parse(second[0]) as { run_id: string }).run_id;
    append(dir, 'archive/runs.jsonl', second[0]);
    const w = watchIn(dir, { graceMs: 0 });
    await until(() => w.events.some((e) => e.type === 'run.started'), 'run.started');
    // A few polls: the watch goes on (run B has not completed).
    await sleep(300);
    expect(w.ended).toBe(false);
    append(dir, 'archive/runs.jsonl', second[1]);
    await until(() => w.ended, "watch to end at run B's run_complete");
    expect(w.events.filter((e) => e.type === 'run.started').map((e) => e.run_id)).toEqual([secondId]);
    expect(w.events.filter((e) => e.type === 'run.finished').map((e) => e.run_id)).toEqual([secondId]);
    expect(w.problems).toEqual([]);
    done("run B followed until its own run_complete; run.started and run.finished both B's");
  });
});
