/**
 * `clawloop-sinks serve`: accepts canonical events over HTTP for the Python bridge or any client.
 * Loopback by default, bearer token required, body size limited. Each event of a request is judged on its own: the
 * valid ones are accepted and a multi-status answer (207) names every refused line with its field and problem, so one
 * bad episode never costs its iteration (ids are deterministic, so a client may resend anything without duplicates).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerSecret } from '../core/redact.js';
import { safeLine } from '../core/safe-text.js';
import { collectEvents, readEventsBody } from './http-events.js';
import { say } from './output.js';
import { openSession, UsageError, type SinkFlags } from './run-sinks.js';

export interface ServeFlags extends SinkFlags {
  host: string;
  port: string;
  token?: string;
  maxBody: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

/**
 * Whether a request's Host header names this server as a loopback client would: a page on another site that rebinds
 * its DNS name to 127.0.0.1 sends its own name and is refused. `--host` adds its name; binding every address
 * (0.0.0.0, ::) accepts any name.
 */
export function hostAllowed(header: string | undefined, bind: string): boolean {
  if (header === undefined) return true; // HTTP/1.0 without Host: no name to rebind.
  if (ANY_ADDRESS.has(bind)) return true;
  const name = (header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d*$/, '')).toLowerCase();
  return (
    LOOPBACK.has(name) ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === bind.toLowerCase().replace(/^\[|\]$/g, '')
  );
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A bearer token in constant time; the scheme name is case-insensitive (RFC 9110). */
function authorized(req: IncomingMessage, token: string): boolean {
  const match = /^bearer[ \t]+(.*)$/i.exec(req.headers.authorization ?? '');
  const given = Buffer.from(match ? match[1].trim() : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Events a body may have waiting per sink before serve reads on (small: a body can hold tens of thousands). */
const SERVE_MAX_QUEUED = 200;

/** How long a body may pause between two chunks. */
const BODY_IDLE_MS = 30_000;

/** One at a time: bodies are read and parsed in turn, so memory holds one body's events however many clients send. */
class Gate {
  private tail: Promise<void> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => {},
      () => {},
    );
    return result;
  }
}

export async function serve(flags: ServeFlags): Promise<number> {
  const token = flags.token ?? process.env.CLAWLOOP_SINKS_TOKEN;
  if (!token) throw new UsageError('serve needs a bearer token: --token or CLAWLOOP_SINKS_TOKEN');
  registerSecret(token);
  const maxBody = Number(flags.maxBody);
  if (!Number.isInteger(maxBody) || maxBody <= 0)
    throw new UsageError(`--max-body must be a positive number of bytes, got "${flags.maxBody}"`);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got "${flags.port}"`);
  if (!LOOPBACK.has(flags.host))
    say(
      process.stderr,
      `warning: serve binds ${flags.host}, which is not loopback; anyone who can reach it and knows the token can send events`,
    );

  const session = await openSession(flags, process.stderr, { skippedWord: 'refused' });
  let accepted = 0;
  let requests = 0;
  const gate = new Gate();
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler answers its own errors (500), so it never rejects
  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, flags.host))
        return send(res, 403, {
          error: `Host "${safeLine(req.headers.host ?? '', 100)}" is not a loopback name; start serve with --host <that name> to accept it`,
        });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      // Details (counters, last errors) only for a client holding the token.
      if (req.method === 'GET' && path === '/healthz')
        return send(res, 200, authorized(req, token) ? { ok: true, accepted, sinks: session.hub.counters() } : { ok: true });
      if (path !== '/events') return send(res, 404, { error: 'not found: use POST /events' });
      if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed: use POST /events' });
      if (!authorized(req, token)) return send(res, 401, { error: 'missing or wrong bearer token' });
      const outcome = await gate.run(async () => {
        const read = await readEventsBody(req, maxBody, BODY_IDLE_MS);
        // Refused as a whole (too large, not UTF-8, too slow): answered at once (the rest of a body too large is read
        // and dropped, so a client still sending reads the answer instead of a reset).
        if (!read.ok) return read;
        // Events are handed over as sinks take them (a body may hold more events than a queue): nothing dropped,
        // and never a whole body's events in memory.
        const body = await collectEvents(
          read.body,
          (event) => session.hub.emit(event),
          () => session.hub.waitForCapacity(SERVE_MAX_QUEUED),
        );
        await session.hub.waitForCapacity(SERVE_MAX_QUEUED);
        return { ok: true as const, body };
      });
      if (!outcome.ok) return send(res, outcome.status, { error: outcome.error });
      const { accepted: count, problems, refusedLines, unreadable } = outcome.body;
      requests += 1;
      for (const p of problems) session.onProblem({ file: `POST /events request ${requests}`, ...p });
      if (unreadable) return send(res, 400, { error: 'the body is not valid JSON; nothing from this request was accepted', problems });
      accepted += count;
      // 202 when every event was accepted as sent; 207 (multi-status, as Langfuse's ingestion API) when some line was
      // refused or had a field dropped: `refused_lines` are not accepted, every other line is.
      if (problems.length === 0) return send(res, 202, { accepted: count });
      return send(res, 207, { accepted: count, refused: refusedLines.length, refused_lines: refusedLines, problems });
    } catch (error) {
      return send(res, 500, { error: safeLine((error as Error).message, 500) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, flags.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A server error once listening (accept failing with EMFILE when descriptors run out) is reported and serve goes
  // on: without a listener Node throws it, ending serve and dropping every event it had accepted.
  server.on('error', (error) => say(process.stderr, `serve: ${error.message}`));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  say(process.stderr, `listening on http://${host}:${address.port} (POST /events)`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return session.finish();
}
