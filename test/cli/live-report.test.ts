/**
 * The live report: `watch` and `serve` rewrite the HTML report every few seconds while events arrive (atomically:
 * temp file + rename, so a reader never sees half a page), and the page reloads itself until the run has finished.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_INTERVAL_MS } from '../../src/transports/report/index.js';
import { startCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
const lines = (file: string) => readFileSync(join(SAMPLE, file), 'utf8').split('\n').filter(Boolean);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads `file` every 25 ms until `done(page)` holds; every read must be a whole page. */
async function follow(file: string, done: (page: string) => boolean, timeoutMs = 20_000): Promise<{ page: string; reads: number }> {
  const until = Date.now() + timeoutMs;
  let reads = 0;
  while (Date.now() < until) {
    if (existsSync(file)) {
      const page = readFileSync(file, 'utf8');
      reads += 1;
      expect(page.startsWith('<!doctype html>') && page.endsWith('</html>\n'), 'a torn page was read').toBe(true);
      if (done(page)) return { page, reads };
    }
    await sleep(25);
  }
  throw new Error(`the report at ${file} never satisfied the condition`);
}

const iterations = (page: string) => Number(/<div class="value">(\d+) iterations?<\/div>/.exec(page)?.[1] ?? 0);

describe('live report', () => {
  it('watch rewrites the page as iterations arrive, reloading in the browser until the run completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-watch-'));
    mkdirSync(join(dir, 'archive'));
    const out = join(dir, 'report.html');
    const watcher = await startCli(['watch', dir, '--sink', 'report', '--out', out, '--poll', '50'], /watching /);
    try {
      const [exp, evo, dump, iters, runs] = [
        lines('experiment.jsonl'),
        lines('evolution.jsonl'),
        lines('episodes.ndjson'),
        lines('archive/iterations.jsonl'),
        lines('archive/runs.jsonl'),
      ];
      appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
      const seen: number[] = [];
      for (let i = 0; i < exp.length; i += 1) {
        appendFileSync(join(dir, 'episodes.ndjson'), dump[i] + '\n');
        appendFileSync(join(dir, 'experiment.jsonl'), exp[i] + '\n');
        appendFileSync(join(dir, 'evolution.jsonl'), evo[i] + '\n');
        appendFileSync(join(dir, 'archive', 'iterations.jsonl'), iters[i] + '\n');
        // Each iteration shows up while the watcher is still running (within a few rewrite intervals).
        const { page } = await follow(out, (p) => iterations(p) >= i + 1, 4 * LIVE_INTERVAL_MS + 5000);
        expect(page).toMatch(new RegExp(`<meta http-equiv="refresh" content="${LIVE_INTERVAL_MS / 1000}">`));
        expect(page).toContain('Live: this page is rewritten as the run goes');
        seen.push(iterations(page));
      }
      expect(seen).toEqual([1, 2, 3]);
      appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
      expect(await watcher.exited).toBe(0);
      const final = readFileSync(out, 'utf8');
      expect(iterations(final)).toBe(3);
      expect(final).toContain('status completed');
      expect(final).not.toContain('http-equiv="refresh"');
    } finally {
      if (watcher.child.exitCode === null) await watcher.stop();
    }
  }, 90_000);

  it('serve writes the report while it is serving, not only at shutdown', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'live-serve-')), 'report.html');
    const token = 'live-token-1';
    const server = await startCli(
      ['serve', '--port', '0', '--token', token, '--sink', 'report', '--out', out],
      /listening on (http:\/\/[^ ]+)/,
    );
    try {
      const { events } = await collect(SAMPLE);
      const firstIteration = events.slice(0, events.findIndex((e) => e.type === 'iteration') + 1);
      const res = await fetch(`${server.match[1]}/events`, {
        method: 'POST',
        body: firstIteration.map((e) => JSON.stringify(e)).join('\n'),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(202);
      const { page } = await follow(out, (p) => iterations(p) === 1, 4 * LIVE_INTERVAL_MS + 5000);
      expect(page).toContain('d26eec5899634d30b2cdd37918f49dd5');
      expect(page).toContain('http-equiv="refresh"');
      expect(server.child.exitCode).toBeNull();
      // Stopped before the run finished: the last page no longer reloads and says the run had not finished.
      expect(await server.stop()).toBe(0);
      const last = readFileSync(out, 'utf8');
      expect(last).not.toContain('http-equiv="refresh"');
      expect(last).toContain('not finished when this report was written');
    } finally {
      if (server.child.exitCode === null) await server.stop();
    }
  }, 60_000);
});
