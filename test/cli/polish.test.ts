/**
 * What the command line tells a user: --version, -q silencing the console sink, iterations numbered as ClawLoop
 * numbers them (0-based) in the progress lines and the console alike, install hints for the user's package manager,
 * and a pointer to `replay` when one of ClawLoop's own files is sent where canonical events are expected.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIteration } from '../../src/cli/progress.js';
import { installCommand } from '../../src/core/install-command.js';
import { eventValidatorFor } from '../../src/sources/ndjson-events.js';
import { recognizeClawloopRecord } from '../../src/sources/recognize-clawloop.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const RUN = join(ROOT, 'examples', 'data', 'toolbench-run');
const out = () => join(mkdtempSync(join(tmpdir(), 'clawloop-polish-')), 'report.html');
const firstLine = (file: string) => JSON.parse(readFileSync(join(RUN, file), 'utf8').split('\n')[0]);

describe('clawloop-sinks command line', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const result = runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it('numbers iterations from 0 in progress lines and console lines alike, one progress line per iteration of a short run', () => {
    const { code, stderr } = runCli(['replay', RUN, '--sink', 'report,console', '--out', out()]);
    expect(code, stderr).toBe(0);
    expect(stderr.match(/^replay: .*$/gm)).toEqual([
      'replay: iteration 0 (1 of 3 done), 6 events',
      'replay: iteration 1 (2 of 3 done), 12 events',
      'replay: iteration 2 (3 of 3 done), 18 events',
    ]);
    expect(stderr.match(/^\[iteration\] iteration=(\d+)/gm)).toEqual([
      '[iteration] iteration=0',
      '[iteration] iteration=1',
      '[iteration] iteration=2',
    ]);
  });

  it('-q silences the console sink and progress; the summary still prints', () => {
    const { code, stderr } = runCli(['replay', RUN, '--sink', 'report,console', '--out', out(), '-q']);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/^\[(iteration|episode|run\.started|evolution)\]/m);
    expect(stderr).not.toContain('replay: iteration');
    expect(stderr).toMatch(/^console\s+ok\s+sent 20\/20/m);
  });

  it('a reader that went away (`… 2>&1 | head`) loses only the output: the replay still delivers and exits 0', async () => {
    const report = out();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'replay', RUN, '--sink', 'report,console', '--out', report],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Both pipes closed before the CLI has written a byte: its first progress or console line meets EPIPE.
    child.stdout.destroy();
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('d26eec5899634d30b2cdd37918f49dd5');
  });

  it('describes an iteration by its ClawLoop number and the count done', () => {
    expect(describeIteration(0, 1, 200)).toBe('iteration 0 (1 of 200 done)');
    expect(describeIteration(7, 3)).toBe('iteration 7 (3 done)');
  });

  it('install hints follow the package manager the user runs', () => {
    const peers = ['@opentelemetry/api', '@opentelemetry/resources'];
    expect(installCommand(peers, { npm_config_user_agent: 'pnpm/9.15.9 npm/? node/v22.1.0 linux x64' })).toBe(
      'pnpm add @opentelemetry/api @opentelemetry/resources',
    );
    expect(installCommand(peers, { npm_config_user_agent: 'npm/10.8.2 node/v22.1.0 linux x64 workspaces/false' })).toBe(
      'npm install @opentelemetry/api @opentelemetry/resources',
    );
    expect(installCommand(peers, { npm_config_user_agent: 'yarn/1.22.22 npm/? node/v22.1.0 linux x64' })).toBe(
      'yarn add @opentelemetry/api @opentelemetry/resources',
    );
    expect(installCommand(peers, { npm_config_user_agent: 'bun/1.1.0 npm/? node/v22.1.0 linux x64' })).toBe(
      'bun add @opentelemetry/api @opentelemetry/resources',
    );
    expect(installCommand(peers, {})).toBe('npm install @opentelemetry/api @opentelemetry/resources');
  });

  it("recognizes each of ClawLoop's own files and points to replay; canonical events and unknown objects get no hint", () => {
    const archive = JSON.parse(readFileSync(join(RUN, 'archive', 'runs.jsonl'), 'utf8').split('\n')[0]);
    const dump = firstLine('episodes.ndjson');
    expect(recognizeClawloopRecord(dump)).toContain('after_iteration');
    expect(recognizeClawloopRecord(firstLine('experiment.jsonl'))).toContain('experiment.jsonl');
    expect(recognizeClawloopRecord(firstLine('evolution.jsonl'))).toContain('evolution.jsonl');
    expect(recognizeClawloopRecord(archive)).toContain('archive/');
    expect(recognizeClawloopRecord(dump.episodes[0])).toContain('Episode');
    expect(recognizeClawloopRecord({ type: 'run.started', run_id: 'r' })).toBeUndefined();
    expect(recognizeClawloopRecord({ hello: 1 })).toBeUndefined();
    const problem = eventValidatorFor(firstLine('experiment.jsonl'));
    expect(problem).toMatch(
      /^missing event type \(expected one of .*\); this looks like a line of ClawLoop's experiment\.jsonl: `clawloop-sinks replay <output dir or file>` reads/,
    );
    expect(eventValidatorFor({ hello: 1 })).toMatch(/^missing event type \(expected one of [^)]*\)$/);
  });
});
