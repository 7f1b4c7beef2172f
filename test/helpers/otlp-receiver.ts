/**
 * A loopback stand-in for an OTLP/HTTP trace backend (and Phoenix's REST annotations): records every span it is sent,
 * JSON or protobuf (decoded as the Langfuse receiver does), gzip or not, and every other POST's JSON body by path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeProtobuf, type OtlpAttribute, type OtlpJson, type OtlpSpan } from '../langfuse/receiver.js';
import { readBody } from './read-body.js';

export interface ReceivedSpan extends OtlpSpan {
  resource: OtlpAttribute[];
}

export interface OtlpReceiver {
  url: string;
  spans: ReceivedSpan[];
  /** JSON bodies of POSTs to any path but …/v1/traces, by path without the query. */
  posts: Array<{ path: string; body: unknown }>;
  close(): Promise<void>;
}

/** A span attribute's value as text (string, int or double), or undefined. */
export function attribute(attrs: readonly OtlpAttribute[] | undefined, key: string): string | undefined {
  const value = attrs?.find((a) => a.key === key)?.value;
  const raw = value?.stringValue ?? value?.intValue ?? value?.doubleValue;
  return raw === undefined ? undefined : String(raw);
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const posts: OtlpReceiver['posts'] = [];
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a throw fails the test that caused it
  const server = createServer(async (req, res) => {
    let raw = await readBody(req);
    if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
    const path = (req.url ?? '/').split('?')[0];
    if (path.endsWith('/v1/traces')) {
      const json = (req.headers['content-type'] ?? '').includes('json');
      const body = json ? (JSON.parse(raw.toString('utf8')) as OtlpJson) : decodeProtobuf(raw);
      for (const rs of body.resourceSpans ?? [])
        for (const ss of rs.scopeSpans ?? [])
          for (const span of ss.spans ?? []) spans.push({ ...span, resource: rs.resource?.attributes ?? [] });
      res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : undefined);
      return;
    }
    posts.push({ path, body: raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
