/** `clawloop-sinks watch` end to end: follows a run as it is written, ends by itself at run_complete, or on Ctrl-C. */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();
const lines = (file: string) => readFileSync(join(sample, file), 'utf8').split('\n').filter(Boolean);
const tick = (ms = 150) => new Promise((r) => setTimeout(r, ms));

describe('clawloop-sinks watch', () => {
  it('delivers a run written while it watches and exits 0 when the archive says the run completed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-cli-'));
    mkdirSync(join(dir, 'archive'));
    const out = join(dir, 'report.html');
    const watcher = await startCli(['watch', dir, '--sink', 'report', '--out', out, '--poll', '50'], /watching /);
    const [exp, evo, dump, iters, runs] = [
      lines('experiment.jsonl'),
      lines('evolution.jsonl'),
      lines('episodes.ndjson'),
      lines('archive/iterations.jsonl'),
      lines('archive/runs.jsonl'),
    ];
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[0] + '\n');
    for (let i = 0; i < exp.length; i += 1) {
      appendFileSync(join(dir, 'experiment.jsonl'), exp[i] + '\n');
      appendFileSync(join(dir, 'evolution.jsonl'), evo[i] + '\n');
      appendFileSync(join(dir, 'archive', 'iterations.jsonl'), iters[i] + '\n');
      appendFileSync(join(dir, 'episodes.ndjson'), dump[i] + '\n');
      await tick();
    }
    appendFileSync(join(dir, 'archive', 'runs.jsonl'), runs[1] + '\n');
    expect(await watcher.exited).toBe(0);
    expect(watcher.stderr()).toMatch(/report\s+ok\s+sent 20\/20/);
    expect(readFileSync(out, 'utf8')).toContain('d26eec5899634d30b2cdd37918f49dd5');
  });

  it('stops cleanly on SIGINT, delivering what it had seen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-cli-'));
    const out = join(dir, 'report.html');
    const watcher = await startCli(['watch', dir, '--sink', 'report', '--out', out, '--poll', '50'], /watching /);
    appendFileSync(join(dir, 'experiment.jsonl'), lines('experiment.jsonl')[0] + '\n');
    await tick(2500);
    expect(await watcher.stop('SIGINT')).toBe(0);
    expect(watcher.stderr()).toMatch(/report\s+ok\s+sent 2\/2/);
  });
});
