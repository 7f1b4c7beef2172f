/** Paths tests share: the project root and the real ClawLoop sample beside the checkout. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/clawloop-sample` as CI lays it out (shared/ beside the clone); CLAWLOOP_SAMPLE overrides. */
export const SAMPLE_DIR = process.env.CLAWLOOP_SAMPLE ?? join(ROOT, '..', 'shared', 'clawloop-sample');

export function requireSample(): string {
  if (!existsSync(SAMPLE_DIR)) throw new Error(`the real ClawLoop sample is missing at ${SAMPLE_DIR} (set CLAWLOOP_SAMPLE)`);
  return SAMPLE_DIR;
}
