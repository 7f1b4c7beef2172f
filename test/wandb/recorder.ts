/**
 * A loopback stand-in for the W&B server, speaking the documented GraphQL + file_stream + upload contract, that
 * records what a client sends. With it the official `wandb sync` (wandb-core) reads our offline files and shows what
 * it would upload; the online transport is tested against it too.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../helpers/read-body.js';

export interface Recorded {
  graphql: Array<{ operation: string; variables: Record<string, unknown>; authorization?: string }>;
  fileStream: Array<{
    path: string;
    body: { files?: Record<string, { offset: number; content: string[] }>; complete?: boolean; exitcode?: number };
    authorization?: string;
  }>;
  uploads: Map<string, Buffer>;
}

export interface WandbRecorder extends Recorded {
  url: string;
  /** Lines each file_stream file received, in offset order. */
  lines(file: string): string[];
  close(): Promise<void>;
  /** Answers the next `n` file_stream requests with `status` (to test retries). */
  failFileStream: (n: number, status: number, headers?: Record<string, string>) => void;
}

export async function startWandbRecorder(): Promise<WandbRecorder> {
  const recorded: Recorded = { graphql: [], fileStream: [], uploads: new Map() };
  let failures: { n: number; status: number; headers: Record<string, string> } = { n: 0, status: 200, headers: {} };
  let base = '';
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a throw fails the test that caused it
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
      res.end(text);
    };
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/graphql') {
      const { query = '', variables = {} } = JSON.parse(raw.toString('utf8') || '{}') as {
        query?: string;
        variables?: Record<string, unknown>;
      };
      const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
      recorded.graphql.push({ operation, variables, authorization: req.headers.authorization });
      if (/viewer\s*\{/.test(query))
        return send(200, { data: { viewer: { id: 'VXNlcjox', entity: 'ci-entity', username: 'ci', flags: '{}', teams: { edges: [] } } } });
      if (/upsertBucket/.test(query)) {
        return send(200, {
          data: {
            upsertBucket: {
              inserted: true,
              bucket: {
                id: 'UnVuOjE=',
                name: variables.name ?? variables.id,
                displayName: variables.displayName ?? '',
                description: '',
                config: '{}',
                sweepName: null,
                historyLineCount: 0,
                project: {
                  id: 'UHJvamVjdDox',
                  name: variables.project ?? 'p',
                  entity: { id: 'RW50aXR5OjE=', name: variables.entity ?? 'ci-entity' },
                },
              },
            },
          },
        });
      }
      if (/createRunFiles/.test(query)) {
        const files = (variables.files as string[]) ?? [];
        return send(200, {
          data: {
            createRunFiles: {
              runID: 'UnVuOjE=',
              uploadHeaders: [],
              files: files.map((name) => ({ name, uploadUrl: `${base}/upload/${name}` })),
            },
          },
        });
      }
      return send(200, { data: {} });
    }
    if (req.method === 'POST' && url.pathname.endsWith('/file_stream')) {
      if (failures.n > 0) {
        failures.n -= 1;
        return send(failures.status, { error: 'injected' }, failures.headers);
      }
      recorded.fileStream.push({ path: url.pathname, body: JSON.parse(raw.toString('utf8')), authorization: req.headers.authorization });
      return send(200, {});
    }
    if (req.method === 'PUT' && url.pathname.startsWith('/upload/')) {
      recorded.uploads.set(decodeURIComponent(url.pathname.slice('/upload/'.length)), raw);
      return send(200, {});
    }
    return send(404, { error: `not found: ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...recorded,
    url: base,
    lines(file) {
      const chunks = recorded.fileStream.flatMap((r) => (r.body.files?.[file] ? [r.body.files[file]] : []));
      const out: string[] = [];
      for (const chunk of chunks) chunk.content.forEach((line, i) => (out[chunk.offset + i] = line));
      return out.filter((l) => l !== undefined);
    },
    failFileStream(n, status, headers = {}) {
      failures = { n, status, headers };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
