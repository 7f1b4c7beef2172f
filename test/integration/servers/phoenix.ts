/** Arize Phoenix (pinned, in its own venv) on loopback ports chosen per test file, with a fresh sqlite database. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHOENIX, venvBin } from '../../../scripts/backends/python.js';
import { ROOT } from '../../helpers/paths.js';
import { BACKENDS_CACHE, fetchForReadBack, freePort, httpOk, requireInstalled, startServer, type RunningServer } from './process.js';

export interface Phoenix extends RunningServer {
  url: string;
  /** Spans of a project (all pages), optionally of one trace. */
  spans(project: string, query?: Record<string, string>): Promise<PhoenixSpan[]>;
}

export interface PhoenixSpan {
  name: string;
  context: { trace_id: string; span_id: string };
  span_kind: string;
  parent_id: string | null;
  start_time: string;
  end_time: string;
  status_code: string;
  status_message: string;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; timestamp: string; attributes: Record<string, unknown> }>;
}

/** Starts Phoenix on `fixedPort` (for a test that points a client at it before it is up), else on a free port. */
export async function startPhoenix(fixedPort?: number): Promise<Phoenix> {
  const python = requireInstalled(venvBin(BACKENDS_CACHE, PHOENIX, 'python'), 'Phoenix');
  const [port, grpcPort] = await Promise.all([fixedPort ?? freePort(), freePort()]);
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-'));
  const server = await startServer('phoenix', python, [join(ROOT, 'test', 'integration', 'servers', 'phoenix_loopback.py')], {
    dir,
    env: {
      PHOENIX_WORKING_DIR: dir,
      PHOENIX_HOST: '127.0.0.1',
      PHOENIX_PORT: String(port),
      PHOENIX_GRPC_PORT: String(grpcPort),
      PHOENIX_TELEMETRY_ENABLED: 'false',
      PHOENIX_ALLOW_EXTERNAL_RESOURCES: 'false',
    },
    ready: () => httpOk(`${url}/healthz`),
    timeoutMs: 180_000,
  });
  return {
    ...server,
    url,
    async spans(project, query = {}) {
      const out: PhoenixSpan[] = [];
      let cursor: string | null = null;
      do {
        const params = new URLSearchParams({ limit: '1000', ...query, ...(cursor ? { cursor } : {}) });
        const res = await fetchForReadBack(`${url}/v1/projects/${encodeURIComponent(project)}/spans?${params.toString()}`);
        if (res.status === 404) return [];
        const body = (await res.json()) as { data: PhoenixSpan[]; next_cursor: string | null };
        out.push(...body.data);
        cursor = body.next_cursor;
      } while (cursor);
      return out;
    },
  };
}
