/**
 * Vitest global setup: the suite must leave the working tree as it found it. `git status --porcelain` (ignored files
 * excluded, so build output, caches and test-output/ do not count) is taken before the first test file and compared
 * after the last; any file the suite added, changed or removed fails the run, naming the files.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './paths.js';

/** The tree's state as git reports it, or undefined outside a git checkout (an unpacked tarball has nothing to compare). */
export function porcelain(root = ROOT): string[] | undefined {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return result.stdout.split('\n').filter(Boolean).sort();
}

/** Lines present in only one of the two states, marked as appeared (+) or gone (-). */
export function treeChanges(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const now = new Set(after);
  return [...after.filter((l) => !was.has(l)).map((l) => `+ ${l}`), ...before.filter((l) => !now.has(l)).map((l) => `- ${l}`)];
}

export default function setup(): () => void {
  const before = porcelain();
  return () => {
    const after = porcelain();
    if (!before || !after) return;
    const changes = treeChanges(before, after);
    if (changes.length > 0) {
      throw new Error(`the test suite changed the working tree (tests must write to temp dirs or test-output/):\n${changes.join('\n')}`);
    }
  };
}
