/**
 * The abortable OTLP/HTTP export against loopback stand-ins: an aborted call really ends its request (the server
 * sees the connection close), answers are classified (503 busy with Retry-After, 502 outage, 400 refused), and a
 * request body is what OpenTelemetry's own serializer produces.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { afterEach, describe, expect, it } from 'vitest';
import { SinkError } from '../../src/core/errors.js';
import { Hub } from '../../src/core/hub.js';
import { resolveOtlpConfig } from '../../src/otlp/config.js';
import { createOtelSink } from '../../src/transports/otel/index.js';
import { OtlpHttpExporter } from '../../src/otlp/otlp-http.js';
import { makeOtelEpisode } from '../otel/fixtures.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
}

/** Real spans of one episode, as the otel sink assembles them. */
async function spansOfOneEpisode() {
  const memory = new InMemorySpanExporter();
  const hub = new Hub([await createOtelSink({ exporter: memory, env: {} })], { onWarning: () => {} });
  hub.emit(makeOtelEpisode({ withTools: true }));
  await hub.flush();
  const spans = memory.getFinishedSpans();
  await hub.close();
  expect(spans.length).toBeGreaterThan(1);
  return spans;
}

describe('OTLP over HTTP, abortable', () => {
  it('an aborted export ends its request at once: the server sees the connection close', async () => {
    let closed = 0;
    const url = await serve((req) => req.socket.on('close', () => (closed += 1)));
    const exporter = new OtlpHttpExporter(resolveOtlpConfig({ url, env: {}, timeoutMs: 60_000 }));
    const abort = new AbortController();
    const started = performance.now();
    const sending = exporter.send(await spansOfOneEpisode(), 'test', abort.signal);
    setTimeout(() => abort.abort(new Error('hub gave up')), 100);
    await expect(sending).rejects.toThrow('hub gave up');
    expect(performance.now() - started).toBeLessThan(5000);
    for (let i = 0; i < 250 && closed === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(1);
  });

  it('posts what the OpenTelemetry serializer encodes, with the configured headers, gzipped when asked', async () => {
    const seen: Array<{ headers: IncomingMessage['headers']; bytes: number }> = [];
    const url = await serve((req, res, body) => {
      seen.push({ headers: req.headers, bytes: body.length });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
    const spans = await spansOfOneEpisode();
    await new OtlpHttpExporter(resolveOtlpConfig({ url, env: {}, headers: { 'x-team': 'clawloop' } })).send(spans, 'test');
    await new OtlpHttpExporter(resolveOtlpConfig({ url, env: {}, compression: 'gzip' })).send(spans, 'test');
    await new OtlpHttpExporter(resolveOtlpConfig({ url, env: {}, protocol: 'http/json' })).send(spans, 'test');
    expect(seen[0].headers).toMatchObject({ 'content-type': 'application/x-protobuf', 'x-team': 'clawloop' });
    expect(seen[1].headers['content-encoding']).toBe('gzip');
    expect(seen[1].bytes).toBeLessThan(seen[0].bytes);
    expect(seen[2].headers['content-type']).toBe('application/json');
  });

  it('classifies answers: 503 at capacity is busy (with Retry-After), 502 an outage, 400 a refusal', async () => {
    const answers = [
      [503, { 'retry-after': '2' }, 'Server is at capacity'],
      [502, {}, '<html>bad gateway</html>'],
      [400, {}, 'bad span'],
    ] as const;
    let n = 0;
    const url = await serve((_req, res) => {
      const [status, headers, body] = answers[n++];
      res.writeHead(status, headers).end(body);
    });
    const exporter = new OtlpHttpExporter(resolveOtlpConfig({ url, env: {} }));
    const spans = await spansOfOneEpisode();
    const errors: SinkError[] = [];
    for (let i = 0; i < answers.length; i += 1)
      errors.push(
        await exporter.send(spans, 'test').then(
          () => {
            throw new Error('should fail');
          },
          (e: unknown) => e as SinkError,
        ),
      );
    expect(errors.map((e) => e.kind)).toEqual(['busy', 'outage', 'rejected']);
    expect(errors[0].retryAfterMs).toBe(2000);
    expect(errors[0].message).toContain('at capacity');
  });

  it('a backend that takes longer than the OTLP timeout is busy, and the request is closed', async () => {
    let closed = 0;
    const url = await serve((req) => req.socket.on('close', () => (closed += 1)));
    const exporter = new OtlpHttpExporter(resolveOtlpConfig({ url, env: {}, timeoutMs: 100 }));
    const error = await exporter.send(await spansOfOneEpisode(), 'test').catch((e: unknown) => e as SinkError);
    expect(error).toBeInstanceOf(SinkError);
    expect((error as SinkError).kind).toBe('busy');
    for (let i = 0; i < 250 && closed === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(1);
  });
});
