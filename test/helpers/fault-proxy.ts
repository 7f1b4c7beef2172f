/**
 * A loopback HTTP proxy in front of a real backend that misbehaves on cue: answers with an error status, hangs,
 * cuts the connection, or forwards. Counts what it saw. Used to show retries without loss or duplication.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

/**
 * forward: pass through; hang: accept and never answer; reset: cut the connection; truncate: forward, then cut the
 * reply short; drip: forward, then answer one byte at a time, slowly; or a canned status without forwarding.
 */
export type Fault = 'forward' | 'hang' | 'reset' | 'truncate' | 'drip' | { status: number; headers?: Record<string, string>; body?: string };

export interface FaultProxy {
  url: string;
  requests: number;
  forwarded: number;
  close(): Promise<void>;
}

/** `decide` may answer later (a Promise): the request waits at the proxy until then, e.g. while a test restarts the backend. */
export async function startFaultProxy(target: string, decide: (n: number, path: string) => Fault | Promise<Fault>): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { requests: 0, forwarded: 0 };
  const server: Server = createServer(async (req, res) => {
    const n = ++state.requests;
    const body = await readBody(req);
    const fault = await decide(n, req.url ?? '/');
    if (fault === 'hang') return;
    if (fault === 'reset') return req.socket.destroy();
    if (fault === 'truncate' || fault === 'drip') {
      // The backend gets the request; only the reply goes wrong (cut short, or trickling in past the client's timeout).
      await new Promise<void>((resolve) => {
        const up = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (r) => {
          r.resume();
          r.on('end', () => resolve());
        });
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
    forwarded.on('error', () => res.writeHead(502).end());
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
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
