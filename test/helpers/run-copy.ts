/**
 * A copy of a ClawLoop run directory under a new run id: the same real data, new trace ids in every backend (trace
 * ids derive from run and episode ids). Lets several tests share one long-lived backend without seeing each other's
 * data.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Copies `dir` into a temp folder, replacing `oldRunId` with `newRunId` in every file name and file. */
export function copyRunAs(dir: string, oldRunId: string, newRunId: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'clawloop-run-')), 'run');
  cpSync(dir, out, { recursive: true });
  rewrite(out, oldRunId, newRunId);
  return out;
}

function rewrite(path: string, from: string, to: string): void {
  for (const name of readdirSync(path)) {
    let full = join(path, name);
    if (name.includes(from)) {
      const renamed = join(path, name.replaceAll(from, to));
      renameSync(full, renamed);
      full = renamed;
    }
    if (statSync(full).isDirectory()) rewrite(full, from, to);
    else writeFileSync(full, readFileSync(full, 'utf8').replaceAll(from, to));
  }
}
