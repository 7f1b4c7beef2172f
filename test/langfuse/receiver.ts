/**
 * A loopback stand-in for a Langfuse server (none can run here: it needs ClickHouse, Postgres, Redis and S3). It
 * accepts what Langfuse's public API accepts on /api/public/otel/v1/traces (OTLP protobuf or JSON, optionally gzip,
 * Basic auth) and /api/public/ingestion (207 multi-status), decodes the bodies and records them for the tests.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PHOENIX, venvBin } from '../../scripts/backends/python.js';
import { ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';

export interface OtlpJson {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ spans?: OtlpSpan[] }>;
  }>;
}
export interface OtlpAttribute {
  key: string;
  value: {
    stringValue?: string;
    intValue?: string | number;
    doubleValue?: number;
    boolValue?: boolean;
    arrayValue?: { values?: Array<OtlpAttribute['value']> };
  };
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: OtlpAttribute[];
  events?: Array<{ name: string; attributes?: OtlpAttribute[] }>;
  status?: { code?: number | string; message?: string };
}

export interface TraceRequest {
  headers: IncomingMessage['headers'];
  contentType: string;
  body: OtlpJson;
}

export interface LangfuseReceiver {
  url: string;
  traces: TraceRequest[];
  ingestion: Array<{
    headers: IncomingMessage['headers'];
    body: { batch: Array<{ id: string; type: string; timestamp: string; body: Record<string, unknown> }> };
  }>;
  /** Answers the next requests to `path` with `status` (and for ingestion, lets a function pick per-item errors). */
  fail(path: 'otel' | 'ingestion', n: number, status: number, headers?: Record<string, string>): void;
  rejectItems(pick: (item: { id: string; body: Record<string, unknown> }) => { status: number; message: string } | undefined): void;
  close(): Promise<void>;
}

/** OTLP protobuf → OTLP/JSON with the official opentelemetry-proto classes (installed with Phoenix). */
export function decodeProtobuf(bytes: Buffer): OtlpJson {
  const python = requireInstalled(venvBin(BACKENDS_CACHE, PHOENIX, 'python'), 'opentelemetry-proto (installed with Phoenix)');
  const result = spawnSync(python, [join(ROOT, 'test', 'langfuse', 'decode_otlp.py')], {
    input: bytes,
    encoding: 'buffer',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(`OTLP protobuf did not decode: ${result.stderr.toString()}`);
  return JSON.parse(result.stdout.toString('utf8'));
}

export async function startLangfuseReceiver(credentials: { publicKey: string; secretKey: string }): Promise<LangfuseReceiver> {
  const expectedAuth = `Basic ${Buffer.from(`${credentials.publicKey}:${credentials.secretKey}`).toString('base64')}`;
  const state: Pick<LangfuseReceiver, 'traces' | 'ingestion'> = { traces: [], ingestion: [] };
  const failures: Record<'otel' | 'ingestion', { n: number; status: number; headers: Record<string, string> }> = {
    otel: { n: 0, status: 200, headers: {} },
    ingestion: { n: 0, status: 200, headers: {} },
  };
  let pickRejects: Parameters<LangfuseReceiver['rejectItems']>[0] = () => undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
      };
      if (req.headers.authorization !== expectedAuth) return send(401, { error: 'Unauthorized', message: 'Invalid credentials' });
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      const path = req.url ?? '';
      const kind = path.startsWith('/api/public/otel/v1/traces')
        ? 'otel'
        : path.startsWith('/api/public/ingestion')
          ? 'ingestion'
          : undefined;
      if (!kind || req.method !== 'POST') return send(404, { error: 'not found' });
      if (failures[kind].n > 0) {
        failures[kind].n -= 1;
        return send(failures[kind].status, { error: 'injected', message: `injected ${failures[kind].status}` }, failures[kind].headers);
      }
      if (kind === 'otel') {
        const contentType = req.headers['content-type'] ?? '';
        // Langfuse's OTLP route: JSON or protobuf, anything else is a 400.
        if (!contentType.includes('application/json') && !contentType.includes('application/x-protobuf'))
          return send(400, { error: 'Invalid content type' });
        const version = Number(req.headers['x-langfuse-ingestion-version']);
        if (version > 4) return send(400, { error: 'Unsupported ingestion version' });
        const body = contentType.includes('json') ? (JSON.parse(raw.toString('utf8')) as OtlpJson) : decodeProtobuf(raw);
        state.traces.push({ headers: req.headers, contentType, body });
        return send(200, {});
      }
      const body = JSON.parse(raw.toString('utf8'));
      state.ingestion.push({ headers: req.headers, body });
      const successes: Array<{ id: string; status: number }> = [];
      const errors: Array<{ id: string; status: number; message: string }> = [];
      for (const item of body.batch ?? []) {
        const rejected = pickRejects(item);
        if (rejected) errors.push({ id: item.id, ...rejected });
        else successes.push({ id: item.id, status: 201 });
      }
      return send(207, { successes, errors });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ...state,
    fail(path, n, status, headers = {}) {
      failures[path] = { n, status, headers };
    },
    rejectItems(pick) {
      pickRejects = pick;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
