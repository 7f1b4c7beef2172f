/** A run id for sources without an archive: stable for the same output directory, so a replay updates, not duplicates. */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export function runIdFromDirectory(dir: string): string {
  let path = resolve(dir);
  try {
    path = realpathSync(path);
  } catch {
    // A directory that is not there yet (watch before ClawLoop starts) keeps its resolved path.
  }
  return createHash('sha256').update(`clawloop-output:${path}`).digest('hex').slice(0, 32);
}
