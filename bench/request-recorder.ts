/**
 * A loopback proxy that records, per endpoint, how many requests a sink sent, their bytes and how long the backend
 * took to answer (measured from the moment the request is forwarded to the end of the reply: the server's own time
 * plus one loopback hop). Ids in paths are folded so that one endpoint is one row. It also keeps a log of every
 * request with a body — its lifetime at the backend side and a digest of path and body — from which
 * `overlappingDuplicates` finds a batch sent again while its first attempt was still alive.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface EndpointStats {
  endpoint: string;
  requests: number;
  requestBytes: number;
  /** Sum and maximum of the backend's answer times, ms. */
  serverMs: number;
  maxServerMs: number;
}

/** One request with a body, alive from its arrival until its answer was sent or the client hung up. */
export interface RecordedRequest {
  endpoint: string;
  /** sha256 of method, path and body: the same batch sent twice has the same digest. */
  digest: string;
  start: number;
  end?: number;
  /** The client closed the connection before the answer was complete (a timed-out call it aborted). */
  aborted: boolean;
  status?: number;
}

export interface RequestRecorder {
  url: string;
  stats(): EndpointStats[];
  /** Every request that carried a body, in arrival order. */
  log: RecordedRequest[];
  close(): Promise<void>;
}

/** Folds run ids, trace ids and artifact paths out of a path, keeping the endpoint. */
export function endpointOf(method: string, url: string): string {
  const path = url.split('?')[0];
  const folded = path
    .replace(/^(\/api\/2\.0\/mlflow-artifacts\/artifacts)\/.*\/([^/]+)$/, '$1/…/$2')
    .replace(/\/traces\/tr-[0-9a-f]+/, '/traces/{id}')
    .replace(/\/[0-9a-f]{32}(?=\/|$)/g, '/{id}');
  return `${method} ${folded}`;
}

/**
 * With `capture`, every request the backend accepted (2xx) is also appended to that file in the order of its answers
 * (a JSON header line, then the raw body), for bench/ingest-ceiling.ts to send the backend the exact same bytes again.
 */
export async function startRequestRecorder(target: string, options: { capture?: string } = {}): Promise<RequestRecorder> {
  const upstream = new URL(target);
  const table = new Map<string, EndpointStats>();
  const capture = options.capture ? openSync(options.capture, 'w') : undefined;
  const log: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const start = performance.now();
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = endpointOf(req.method ?? 'GET', req.url ?? '/');
      if (body.length > 0) {
        const entry: RecordedRequest = {
          endpoint: key,
          digest: createHash('sha256').update(`${req.method} ${req.url}\n`).update(body).digest('hex'),
          start,
          aborted: false,
        };
        log.push(entry);
        res.on('close', () => {
          entry.end = performance.now();
          entry.aborted = !res.writableFinished;
          entry.status = res.statusCode;
        });
      }
      const row = table.get(key) ?? { endpoint: key, requests: 0, requestBytes: 0, serverMs: 0, maxServerMs: 0 };
      table.set(key, row);
      row.requests += 1;
      row.requestBytes += body.length;
      const started = performance.now();
      const up = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (reply) => {
          // Only what the backend took: a request answered busy and sent again is captured once, when accepted.
          const status = reply.statusCode ?? 502;
          if (capture !== undefined && status >= 200 && status < 300) {
            const header = { method: req.method, path: req.url, contentType: req.headers['content-type'], bytes: body.length };
            writeSync(capture, JSON.stringify(header) + '\n');
            writeSync(capture, body);
          }
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
          reply.on('end', () => {
            const ms = performance.now() - started;
            row.serverMs += ms;
            row.maxServerMs = Math.max(row.maxServerMs, ms);
          });
        },
      );
      up.on('error', () => {
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
      });
      // A client that hangs up ends the attempt at the backend too, as a real connection close would.
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      up.end(body);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => [...table.values()].sort((a, b) => b.serverMs - a.serverMs),
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        if (capture !== undefined) closeSync(capture);
      }),
  };
}

/** The table as markdown: requests, bytes, server time per endpoint, and a total row. */
export function formatRequestTable(rows: readonly EndpointStats[]): string[] {
  const total = rows.reduce((t, r) => ({ requests: t.requests + r.requests, bytes: t.bytes + r.requestBytes, ms: t.ms + r.serverMs }), {
    requests: 0,
    bytes: 0,
    ms: 0,
  });
  return [
    '| endpoint | requests | request MB | server s (sum) | server ms (mean) | server ms (max) |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.endpoint}\` | ${r.requests} | ${(r.requestBytes / 1e6).toFixed(2)} | ${(r.serverMs / 1000).toFixed(2)} | ${(r.serverMs / r.requests).toFixed(1)} | ${r.maxServerMs.toFixed(0)} |`,
    ),
    `| total | ${total.requests} | ${(total.bytes / 1e6).toFixed(2)} | ${(total.ms / 1000).toFixed(2)} | | |`,
  ];
}

/**
 * Requests whose digest (path and body) equals an earlier one's: `resent` counts them all (a retry after the first
 * attempt ended is allowed), `overlapping` the pairs where both were alive at the backend at once (never allowed).
 */
export function overlappingDuplicates(log: readonly RecordedRequest[]): {
  resent: number;
  overlapping: Array<[RecordedRequest, RecordedRequest]>;
} {
  const groups = new Map<string, RecordedRequest[]>();
  for (const r of log) groups.set(r.digest, [...(groups.get(r.digest) ?? []), r]);
  let resent = 0;
  const overlapping: Array<[RecordedRequest, RecordedRequest]> = [];
  for (const group of groups.values()) {
    resent += group.length - 1;
    for (let i = 0; i < group.length; i += 1)
      for (let j = i + 1; j < group.length; j += 1) {
        const [a, b] = [group[i], group[j]];
        if (a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)) overlapping.push([a, b]);
      }
  }
  return { resent, overlapping };
}
