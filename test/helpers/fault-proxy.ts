/**
 * A loopback HTTP proxy in front of a real backend that misbehaves on cue: answers with an error status, hangs,
 * cuts the connection, or forwards. Counts what it saw. Used to show retries without loss or duplication.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'forward' | 'hang' | 'reset' | { status: number; headers?: Record<string, string>; body?: string };

export interface FaultProxy {
  url: string;
  requests: number;
  forwarded: number;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(target: string, decide: (n: number, path: string) => Fault): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { requests: 0, forwarded: 0 };
  const server: Server = createServer(async (req, res) => {
    state.requests += 1;
    const fault = decide(state.requests, req.url ?? '/');
    const body = await readAll(req);
    if (fault === 'hang') return;
    if (fault === 'reset') return req.socket.destroy();
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
