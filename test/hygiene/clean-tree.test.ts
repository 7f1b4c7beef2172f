/** The suite's clean-tree check (test/helpers/clean-tree.ts, a vitest global setup) and what the repository ignores. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { porcelain, treeChanges } from '../helpers/clean-tree.js';
import { ROOT } from '../helpers/paths.js';

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

describe('clean-tree check', () => {
  it('names a file that appeared, one that changed and one that went away', () => {
    const repo = mkdtempSync(join(tmpdir(), 'report-clean-tree-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'kept.txt'), 'a');
    writeFileSync(join(repo, 'edited.txt'), 'a');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    writeFileSync(join(repo, 'stray.txt'), 'x');
    const before = porcelain(repo)!;
    expect(before).toEqual(['?? stray.txt']);
    writeFileSync(join(repo, 'edited.txt'), 'b');
    writeFileSync(join(repo, 'new.log'), 'x');
    spawnSync('rm', [join(repo, 'stray.txt')]);
    expect(treeChanges(before, porcelain(repo)!)).toEqual(['+  M edited.txt', '+ ?? new.log', '- ?? stray.txt']);
  });
});

describe('repository hygiene', () => {
  it('commits no W&B debug logs and ignores what sinks write in a working tree', () => {
    expect(git(ROOT, 'ls-files', 'wandb').stdout).toBe('');
    for (const path of [
      'wandb/debug-cli.root.log',
      'wandb/offline-run-20260101_000000-x/run-x.wandb',
      '.clawloop-sinks/report.html',
      'test-output/report/run-3.png',
      'mlruns/0/meta.yaml',
    ]) {
      expect(git(ROOT, 'check-ignore', '-q', '--no-index', path).status, path).toBe(0);
    }
  });
});
