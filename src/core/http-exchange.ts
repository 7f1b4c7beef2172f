/**
 * One HTTP request and its whole answer, by one of two clients: fetch (the default), or node:http for bulk bodies —
 * the OTLP exports, hundreds of requests of 100-200 KB a replay. For those fetch costs three to four times the CPU of
 * node:http (measured 2026-12-06, 500 POSTs of 180 KB to a loopback server, 4 in flight: 620-740 ms against 140-240 ms,
 * client and server in one process), about a tenth of an otel replay's CPU: it turns the body into a web stream and
 * copies it on its way to the socket. The node:http client follows no redirects, as OpenTelemetry's own OTLP/HTTP
 * exporters do not. Errors reach the caller as the client throws them (src/core/http.ts classifies both kinds).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface Exchange {
  url: string | URL;
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal: AbortSignal;
}

export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

export async function fetchExchange(exchange: Exchange): Promise<Answer> {
  const { url, method, headers, body, signal } = exchange;
  const res = await fetch(url, { method, headers, body, signal });
  return { status: res.status, statusText: res.statusText, headers: res.headers, text: await res.text() };
}

/** The answer's headers as fetch gives them (repeated headers joined, as Headers joins them). */
function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/**
 * The exchange through node:http or node:https (the default agent, which keeps connections alive). The body goes out in
 * one write with its Content-Length. `signal` ends the request, or the reading of its answer, at once.
 */
export function nodeExchange(exchange: Exchange): Promise<Answer> {
  const { method, body, signal } = exchange;
  const url = typeof exchange.url === 'string' ? new URL(exchange.url) : exchange.url;
  const headers: Record<string, string | number> = { ...exchange.headers };
  if (body !== undefined) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const req = send(url, { method, headers, signal }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', reject);
      // An answer cut short (the connection closed mid-body) ends in 'close' without 'end'.
      res.on('close', () => {
        if (!res.complete) reject(signal.aborted ? (signal.reason as Error) : new Error('socket hang up: the answer was cut short'));
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headersOf(res), text }));
    });
    req.on('error', (error) => reject(signal.aborted ? (signal.reason as Error) : error));
    req.end(body);
  });
}
