/**
 * Child of http.test.ts, run with --expose-gc: a request to a server that never answers, with the hub's signal joined
 * to the request's time limit, while garbage is collected every 20 ms. Prints the result as JSON.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequest } from '../../../src/core/http.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const server = createServer(() => {}); // never answers
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hang`;
const collecting = setInterval(gc, 20);
const hub = new AbortController(); // never aborted: only the request's own limit can end the request
const started = performance.now();
const result = await httpRequest({ what: 'hang', url, timeoutMs: 300, signal: hub.signal });
clearInterval(collecting);
server.closeAllConnections();
server.close();
process.stdout.write(JSON.stringify({ ok: result.ok, kind: result.ok ? undefined : result.kind, ms: performance.now() - started }));
