/** Starting and stopping real backend servers for tests: free loopback ports, readiness polling, logs on failure. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/paths.js';

export const BACKENDS_CACHE = join(ROOT, '.cache', 'backends');

/** A free TCP port on 127.0.0.1 (the OS picks; the probe socket is closed before the server binds). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * fetch for reading a test server back. A pooled keep-alive connection that the server closed while the test was busy
 * fails once with "other side closed" (UND_ERR_SOCKET): that request is sent again, once. Only for reads.
 */
export async function fetchForReadBack(input: string | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return fetch(input, init);
    throw error;
  }
}

export function requireInstalled(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`${what} is not installed at ${path}: run \`pnpm backends\` (part of \`pnpm test:all\`)`);
  return path;
}

export interface RunningServer {
  dir: string;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** Spawns `command`, logging to a file in a fresh temp dir, and waits until `ready()` resolves true. */
export async function startServer(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: () => Promise<boolean>; timeoutMs?: number; dir?: string },
): Promise<RunningServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `${name}-`));
  const logPath = join(dir, `${name}.log`);
  const logStream = createWriteStream(logPath);
  const child = spawn(command, args, { cwd: dir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${log().slice(-4000)}`);
    if (await options.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${options.timeoutMs ?? 120_000} ms:\n${log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    dir,
    child,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}
