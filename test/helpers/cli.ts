/** Runs the real CLI in a child process, as a user would. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.js';

const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
/**
 * Node with tsx as a loader, in one process. Not tsx's own CLI: that runs the program in a child and, on SIGTERM, kills
 * it with SIGKILL (exit 143) when the child does not confirm the signal within 30 ms, which a loaded machine misses.
 */
const NODE = process.execPath;
const cliArgs = (args: string[]) => ['--import', 'tsx', MAIN, ...args];

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(NODE, cliArgs(args), { encoding: 'utf8', env: { ...process.env, ...env }, cwd: ROOT, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runCli, but without blocking this process's event loop (needed when this process also serves, e.g. a fault proxy). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(NODE, cliArgs(args), { env: { ...process.env, ...env }, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts a long-running CLI command; resolves once stderr matches `ready`. */
export async function startCli(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(NODE, cliArgs(args), { env: { ...process.env, ...env }, cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI not ready: ${stderr}`)), 30_000);
    const check = () => {
      const m = stderr.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stderr.on('data', check);
    child.on('exit', () => reject(new Error(`CLI exited early: ${stderr}`)));
  });
  return {
    child,
    match,
    stderr: () => stderr,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
    exited,
  };
}
