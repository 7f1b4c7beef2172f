/**
 * How a run names where it came from (`run.started.source`): the folder's or file's base name, never its absolute
 * path — the value travels to shared backends (W&B config, MLflow tags) and a local path would leak the user's
 * file layout.
 */
import { basename, resolve } from 'node:path';

export function sourceLabel(path: string): string {
  return basename(resolve(path)) || 'clawloop-run';
}
