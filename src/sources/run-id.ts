/** A run id for sources without an archive: stable for the same output directory, so a replay updates, not duplicates. */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CanonicalEvent } from '../../generated/types.gen.js';

export function runIdFromDirectory(dir: string): string {
  let path = resolve(dir);
  try {
    path = realpathSync(path);
  } catch {
    // A directory that is not there yet (watch before ClawLoop starts) keeps its resolved path.
  }
  return createHash('sha256').update(`clawloop-output:${path}`).digest('hex').slice(0, 32);
}

/**
 * `events` of a run sent under `runId` when one is given (`--run-id`): the run's own id, which the reader sets in
 * `found` once the files told it, is replaced in every event of the run; events of other runs keep theirs.
 */
export async function* underRunId(
  runId: string | undefined,
  found: { runId?: string },
  events: AsyncIterable<CanonicalEvent>,
): AsyncGenerator<CanonicalEvent> {
  for await (const event of events)
    yield runId !== undefined && found.runId !== runId && event.run_id === found.runId ? { ...event, run_id: runId } : event;
}
