/**
 * Adversarial tests name the attack they make and the outcome they observed; the attack-table reporter
 * (test/helpers/attack-table-reporter.ts) prints every pair as a table at the end of the run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { ROOT } from '../helpers/paths.js';

export interface AttackMeta {
  attack?: string;
  outcome?: string;
}

/** Names the attack of this test; call the returned function with the observed outcome once it is checked. */
export function attack(context: TestContext, name: string): (outcome: string) => void {
  const meta = context.task.meta as AttackMeta;
  meta.attack = name;
  return (outcome) => {
    meta.outcome = outcome;
  };
}

/** Runs a TypeScript file in a plain node process (one process, so a signal reaches the code itself). */
export function nodeTs(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export const CHILDREN = join(ROOT, 'test', 'adversarial', 'children');
