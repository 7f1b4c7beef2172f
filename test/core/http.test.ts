/**
 * The one HTTP layer: results, the classification of statuses, Retry-After, network errors and timeouts, abort, redaction;
 * the same for both clients (fetch, and node:http for bulk bodies).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinkError } from '../../src/core/errors.js';
import { httpFailure, httpJson, httpRequest } from '../../src/core/http.js';
import { registerSecret } from '../../src/core/redact.js';

const execFileAsync = promisify(execFile);

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') return res.end('{"a":1}');
    if (path === '/busy') return res.writeHead(503, { 'retry-after': '2' }).end('at capacity');
    if (path === '/refused') return res.writeHead(400).end('bad field "x" for key sk-test-abcdefghij-secret-0123');
    if (path === '/not-yet') return res.writeHead(404).end('span not found');
    if (path === '/broken') return res.writeHead(500).end('boom');
    if (path === '/hang') return; // never answers
    if (path === '/cut') {
      res.writeHead(200, { 'content-length': '100' }).write('only part');
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (path === '/echo') {
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () =>
        res.end(JSON.stringify({ bytes, length: req.headers['content-length'], chunked: req.headers['transfer-encoding'] })),
      );
      return;
    }
    res.writeHead(200).end('not json');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each([
  ['fetch', false],
  ['node:http (bulk)', true],
])('httpRequest by %s', (_client, bulk) => {
  const get = (path: string, extra: Partial<Parameters<typeof httpRequest>[0]> = {}) =>
    httpRequest({ what: `test GET ${path}`, url: `${base}${path}`, timeoutMs: 2000, bulk, ...extra });

  it('ok: the status and body', async () => {
    expect(await get('/ok')).toMatchObject({ ok: true, status: 200, text: '{"a":1}' });
    expect(await httpJson({ what: 'json', url: `${base}/ok`, timeoutMs: 2000, bulk })).toEqual({ a: 1 });
  });

  it('busy, with Retry-After: retryable; the SinkError carries the wait', async () => {
    const result = await get('/busy');
    expect(result).toMatchObject({ ok: false, kind: 'busy', retryable: true, status: 503, retryAfterMs: 2000 });
    if (result.ok) throw new Error('unreachable');
    const error = httpFailure(result);
    expect(error).toBeInstanceOf(SinkError);
    expect(error).toMatchObject({ kind: 'busy', retryable: true, retryAfterMs: 2000, status: 503 });
    expect(error.message).toBe('test GET /busy: HTTP 503: at capacity');
  });

  it('a 5xx is an outage, a 4xx a refusal (fatal, not retried), with the reason and no secret', async () => {
    registerSecret('sk-test-abcdefghij-secret-0123');
    expect(await get('/broken')).toMatchObject({ ok: false, kind: 'outage', retryable: true, status: 500 });
    const refused = await get('/refused');
    expect(refused).toMatchObject({ ok: false, kind: 'rejected', retryable: false, status: 400 });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.reason).toContain('HTTP 400: bad field "x"');
    expect(refused.reason).not.toContain('secret-0123');
  });

  it('a backend rule overrides the status (a 404 while a span is ingested is back-pressure)', async () => {
    expect(await get('/not-yet')).toMatchObject({ kind: 'rejected', retryable: false });
    expect(await get('/not-yet', { classify: (status) => (status === 404 ? 'busy' : undefined) })).toMatchObject({
      kind: 'busy',
      retryable: true,
    });
  });

  it('connection refused is an outage; no answer within the time limit is busy', async () => {
    const refused = await httpRequest({ what: 'down', url: 'http://127.0.0.1:9/', timeoutMs: 2000, bulk });
    expect(refused).toMatchObject({ ok: false, kind: 'outage', retryable: true });
    const slow = await get('/hang', { timeoutMs: 200 });
    expect(slow).toMatchObject({ ok: false, kind: 'busy', retryable: true });
    if (!slow.ok) expect(slow.reason).toBe('test GET /hang: no answer within 200 ms');
  });

  it('the hub aborting the call ends the request at once; the result says so', async () => {
    const hub = new AbortController();
    const started = performance.now();
    const pending = get('/hang', { signal: hub.signal, timeoutMs: 60_000 });
    setTimeout(() => hub.abort(new Error('hub gave up')), 50);
    expect(await pending).toMatchObject({ ok: false, kind: 'busy', reason: 'test GET /hang: aborted: hub gave up' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('an answer that is not JSON fails httpJson as retryable (a proxy page, a cut body)', async () => {
    await expect(httpJson({ what: 'json', url: `${base}/text`, timeoutMs: 2000, bulk })).rejects.toMatchObject({
      retryable: true,
      message: 'json: the answer is not JSON: not json',
    });
  });

  it('an answer cut short (the connection closed mid-body) is an outage, retried', async () => {
    expect(await get('/cut')).toMatchObject({ ok: false, kind: 'outage', retryable: true });
  });

  it('a binary body arrives whole, with its length', async () => {
    const body = new Uint8Array(300_000).fill(7);
    const result = await httpRequest({ what: 'post', url: `${base}/echo`, method: 'POST', body, timeoutMs: 2000, bulk });
    expect(result.ok && (JSON.parse(result.text) as unknown)).toEqual({ bytes: 300_000, length: '300000' });
  });
});

// The limit's timer is the same for both clients (src/core/call-signal.ts); the child exercises it through fetch.
describe('httpRequest under garbage collection', () => {
  it("the time limit fires while garbage is collected, with the hub's signal joined to it (nodejs/node#57736)", async () => {
    const child = fileURLToPath(new URL('./children/limit-under-gc.ts', import.meta.url));
    const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { timeout: 60_000 });
    const result = JSON.parse(stdout) as { ok: boolean; kind?: string; ms: number };
    // Without a strongly held timer the request waits for ever (the child is killed at 60 s and this test fails).
    expect(result).toMatchObject({ ok: false, kind: 'busy' });
  });
});
