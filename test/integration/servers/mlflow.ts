/** An MLflow tracking server (pinned, own venv) with a fresh sqlite store and artifact serving, on a loopback port. */
import { join } from 'node:path';
import { MLFLOW, venvBin } from '../../../scripts/backends/python.js';
import { BACKENDS_CACHE, fetchForReadBack, freePort, httpOk, requireInstalled, startServer, type RunningServer } from './process.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export interface Mlflow extends RunningServer {
  url: string;
  port: number;
  /** Restarts the server on the same port and store (to test a server that goes away mid-replay). */
  restart(): Promise<Mlflow>;
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export async function startMlflow(options: { port?: number; dir?: string } = {}): Promise<Mlflow> {
  const mlflow = requireInstalled(venvBin(BACKENDS_CACHE, MLFLOW), 'MLflow');
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'mlflow-'));
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(
    'mlflow',
    mlflow,
    [
      'server',
      '--backend-store-uri',
      `sqlite:///${join(dir, 'mlflow.db')}`,
      '--artifacts-destination',
      join(dir, 'artifacts'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--workers',
      '1',
    ],
    { dir, ready: () => httpOk(`${url}/health`), timeoutMs: 180_000, env: { MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' } },
  );
  const call = async <T>(method: string, path: string, body?: unknown, query?: Record<string, string>): Promise<T> => {
    const target = new URL(`${url}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) target.searchParams.set(k, v);
    const res = await fetchForReadBack(target, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    ...server,
    url,
    port,
    restart: async () => {
      await server.stop();
      return startMlflow({ port, dir });
    },
    get: (path, query) => call('GET', path, undefined, query),
    post: (path, body) => call('POST', path, body),
  };
}
