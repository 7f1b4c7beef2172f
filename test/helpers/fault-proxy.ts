/**
 * A loopback HTTP proxy in front of a real backend that misbehaves on cue: answers with an error status, hangs,
 * cuts the connection, or forwards. Counts what it saw. Used to show retries without loss or duplication.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

/**
 * forward: pass through; hang: accept and never answer; reset: cut the connection; truncate: forward, then cut the
 * reply short; drip: forward, then answer one byte at a time, slowly; a canned status without forwarding; or a
 * delay (a slow backend) before forwarding — unless the client gave up meanwhile.
 */
export type Fault =
  | 'forward'
  | 'hang'
  | 'reset'
  | 'truncate'
  | 'drip'
  | { status: number; headers?: Record<string, string>; body?: string }
  | { delayMs: number };

/** One request as the backend side saw it: alive from its arrival until its answer was sent or the client hung up. */
export interface LoggedRequest {
  n: number;
  path: string;
  body: Buffer;
  start: number;
  end?: number;
  /** The client closed the connection before the answer was complete. */
  aborted: boolean;
  status?: number;
}

export interface FaultProxy {
  url: string;
  requests: number;
  forwarded: number;
  /** Every request, in arrival order. */
  log: LoggedRequest[];
  close(): Promise<void>;
}

/** `decide` may answer later (a Promise): the request waits at the proxy until then, e.g. while a test restarts the backend. */
export async function startFaultProxy(
  target: string,
  decide: (n: number, path: string, body: Buffer) => Fault | Promise<Fault>,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { requests: 0, forwarded: 0 };
  const log: LoggedRequest[] = [];
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a throw fails the test that caused it
  const server: Server = createServer(async (req, res) => {
    const n = ++state.requests;
    const entry: LoggedRequest = { n, path: req.url ?? '/', body: Buffer.alloc(0), start: performance.now(), aborted: false };
    log.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
      entry.aborted = !res.writableFinished;
      entry.status = res.statusCode;
    });
    const body = await readBody(req);
    entry.body = body;
    let fault = await decide(n, req.url ?? '/', body);
    if (typeof fault === 'object' && 'delayMs' in fault) {
      const { delayMs } = fault;
      await new Promise((r) => setTimeout(r, delayMs));
      if (res.destroyed || req.socket.destroyed) return;
      fault = 'forward';
    }
    if (fault === 'hang') return;
    if (fault === 'reset') return req.socket.destroy();
    if (fault === 'truncate' || fault === 'drip') {
      // The backend gets the request; only the reply goes wrong (cut short, or trickling in past the client's timeout).
      await new Promise<void>((resolve) => {
        const up = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, host: upstream.host },
          },
          (r) => {
            r.resume();
            r.on('end', () => resolve());
          },
        );
        up.on('error', () => resolve());
        up.end(body);
      });
      state.forwarded += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': fault === 'truncate' ? '4096' : '8' });
      if (fault === 'truncate') {
        res.write(Buffer.from([0x0a, 0x02]));
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent >= 8) return clearInterval(timer);
        res.write(Buffer.from([0]));
        sent += 1;
        if (sent === 8) res.end();
      }, 500);
      return;
    }
    if (fault !== 'forward') {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      return res.end(fault.body ?? `injected ${fault.status}`);
    }
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        state.forwarded += 1;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
    });
    // A client that hangs up ends the attempt at the backend too.
    res.on('close', () => {
      if (!res.writableFinished) forwarded.destroy();
    });
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get forwarded() {
      return state.forwarded;
    },
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
