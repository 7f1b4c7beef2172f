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
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const CHILDREN = join(ROOT, 'test', 'adversarial', 'children');

/** Runs the CLI in one node process (children/rss-cli.ts): its output, exit code, peak RSS (MB) and longest event-loop block (ms). */
export function cliWithRss(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onStderr?: (text: string) => void; timeoutMs?: number } = {},
) {
  const child = nodeTs(join(CHILDREN, 'rss-cli.ts'), args, { env: options.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    options.onStderr?.(stderr);
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const done = new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    rssMb: number;
    loopDelayMs: number;
    signal: NodeJS.Signals | null;
  }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const rss = /peak-rss-mb (\d+)/.exec(stderr);
      const delay = /max-loop-delay-ms (\d+)/.exec(stderr);
      resolve({
        code,
        stdout,
        stderr,
        rssMb: rss ? Number(rss[1]) : Number.NaN,
        loopDelayMs: delay ? Number(delay[1]) : Number.NaN,
        signal,
      });
    }),
  );
  return { child, done };
}

/** Peak RSS every hostile input must stay under. */
export const MAX_RSS_MB = 200;
