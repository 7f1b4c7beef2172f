/**
 * A hostile backend on loopback: answers every request with an error whose body echoes the request line and every
 * request header (credentials included), over several lines, with terminal escape sequences and a forged log line.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoBackend {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export const FORGED = 'otel       ok         sent 999/999 (forged)';

export async function startEchoBackend(status = 500): Promise<EchoBackend> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    req.resume();
    req.on('end', () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
      const body = [
        `\u001b[31mrequest refused\u001b[0m ${req.method} ${req.url}`,
        ...headers,
        JSON.stringify(req.headers),
        `\r${FORGED}`,
        '\u001b]0;pwned\u0007\u001b[2J',
      ].join('\n');
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
