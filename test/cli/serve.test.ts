/** `clawloop-sinks serve`: loopback by default, token required, body limit, bad events refused one by one with line and field. */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../helpers/collect.js';
import { runCli, startCli } from '../helpers/cli.js';
import { requireSample, ROOT } from '../helpers/paths.js';

const TOKEN = 'test-token-4f9a';
const out = join(mkdtempSync(join(tmpdir(), 'clawloop-serve-')), 'report.html');
let server: Awaited<ReturnType<typeof startCli>>;
let base: string;

beforeAll(async () => {
  server = await startCli(
    ['serve', '--port', '0', '--token', TOKEN, '--sink', 'report', '--out', out, '--max-body', '200000'],
    /listening on (http:\/\/[^ ]+)/,
  );
  base = server.match[1];
});
afterAll(async () => {
  if (server.child.exitCode === null) await server.stop();
});

const post = (body: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${base}/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson', ...headers } });

describe('clawloop-sinks serve', () => {
  it('binds loopback by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await post('{}', {})).status).toBe(401);
    expect((await post('{}', { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post('x'.repeat(300_000));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body larger than 200000 bytes' });
  });

  it('accepts the valid events of a batch and answers 207 naming each refused line with its field and problem', async () => {
    const res = await post(
      [
        '{"type":"run.started","run_id":"r1","started_at":1,"source":"t"}',
        '{"type":"evolution","run_id":"r1","iteration":"x"}',
        'not json',
        '{"type":"run.finished","run_id":"r1","finished_at":2,"status":"completed"}',
      ].join('\n'),
    );
    expect(res.status).toBe(207);
    const body = (await res.json()) as {
      accepted: number;
      refused: number;
      refused_lines: number[];
      problems: Array<{ line: number; field: string; problem: string }>;
    };
    expect(body).toMatchObject({ accepted: 2, refused: 2, refused_lines: [2, 3] });
    expect(body.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(body.problems[0].field).toBeTruthy();
    expect(body.problems[1].problem).toMatch(/not valid JSON/);
    const health = (await (await fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      accepted: number;
    };
    expect(health.accepted).toBe(2);
  });

  it('refuses a JSON array body that does not parse with 400, accepting nothing', async () => {
    const res = await post('[{"type":"run.started",', { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: unknown[] }).problems).toHaveLength(1);
  });

  it('accepts the real sample as NDJSON and as a JSON array, writes the report at shutdown, and exits 2 for the refused lines', async () => {
    const { events } = await collect(requireSample());
    const ndjson = await post(
      events
        .slice(0, 10)
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    expect(ndjson.status).toBe(202);
    expect(await ndjson.json()).toEqual({ accepted: 10 });
    const array = await post(JSON.stringify(events.slice(10)), { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    expect(array.status).toBe(202);
    const code = await server.stop('SIGTERM');
    expect(code, server.stderr()).toBe(2);
    const total = events.length + 2;
    expect(server.stderr()).toMatch(new RegExp(`report\\s+ok\\s+sent ${total}/${total}`));
    expect(server.stderr()).toContain('input error: POST /events request 1:2: ');
    expect(server.stderr()).toMatch(/3 bad input line\(s\) were refused/);
    expect(readFileSync(out, 'utf8')).toContain(events[0].run_id);
  });

  it('will not start without a token', () => {
    const result = runCli(['serve', '--port', '0'], { CLAWLOOP_SINKS_TOKEN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('serve needs a bearer token');
  });
});

describe("clawloop-sinks serve given one of ClawLoop's own files", () => {
  it('refuses each line as not an event and points to replay (an after_iteration dump, an experiment line)', async () => {
    const own = await startCli(
      [
        'serve',
        '--port',
        '0',
        '--token',
        TOKEN,
        '--sink',
        'report',
        '--out',
        join(mkdtempSync(join(tmpdir(), 'clawloop-serve-')), 'r.html'),
      ],
      /listening on (http:\/\/[^ ]+)/,
    );
    try {
      for (const file of ['episodes.ndjson', 'experiment.jsonl']) {
        const line = readFileSync(join(ROOT, 'examples', 'data', 'toolbench-run', file), 'utf8').split('\n')[0];
        const res = await fetch(`${own.match[1]}/events`, {
          method: 'POST',
          body: line + '\n',
          headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` },
        });
        expect(res.status).toBe(207);
        const body = (await res.json()) as {
          accepted: number;
          refused_lines: number[];
          problems: Array<{ line: number; field: string; problem: string }>;
        };
        expect(body).toMatchObject({ accepted: 0, refused_lines: [1] });
        expect(body.problems[0]).toMatchObject({ line: 1, field: 'type' });
        expect(body.problems[0].problem).toMatch(
          /missing event type .*this looks like .*`clawloop-sinks replay <output dir or file>` reads ClawLoop's files/,
        );
      }
    } finally {
      await own.stop();
    }
  });
});

describe('clawloop-sinks serve out of file descriptors', () => {
  it('closes the connections over its descriptor limit, serves the next request and exits 0', async () => {
    // serve under `ulimit -n 100`, then 300 connections at once: more than it has descriptors for.
    const report = join(mkdtempSync(join(tmpdir(), 'clawloop-serve-')), 'r.html');
    const main = join(ROOT, 'src', 'cli', 'main.ts');
    const child = spawn(
      'sh',
      [
        '-c',
        `ulimit -n 100 && exec "$0" --import tsx "$1" serve --port 0 --token ${TOKEN} --sink report --out "$2"`,
        process.execPath,
        main,
        report,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (const end = Date.now() + 30_000; !/listening on http:\/\/[^ ]+:(\d+)/.test(stderr); await new Promise((r) => setTimeout(r, 20)))
      if (Date.now() > end || child.exitCode !== null) throw new Error(`serve did not start: ${stderr}`);
    const port = Number(/listening on http:\/\/[^ ]+:(\d+)/.exec(stderr)![1]);
    let closedByServe = 0;
    const sockets = Array.from({ length: 300 }, () => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('close', () => (closedByServe += 1));
      return socket;
    });
    for (const end = Date.now() + 20_000; closedByServe === 0 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
    expect(closedByServe, 'no connection was refused: the descriptor limit was not reached').toBeGreaterThan(0);
    for (const socket of sockets) socket.destroy();
    // Until serve has closed its side of the flood, a new connection may be one of those it closes: asked again.
    const post = () =>
      fetch(`http://127.0.0.1:${port}/events`, {
        method: 'POST',
        body: '{"type":"run.started","run_id":"r-emfile","started_at":1,"source":"t"}\n',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${TOKEN}` },
      });
    let res: Response | undefined;
    for (const end = Date.now() + 30_000; !res; await new Promise((r) => setTimeout(r, 200)))
      res = await post().catch((error: unknown) => {
        if (Date.now() > end) throw error;
        return undefined;
      });
    expect(res.status).toBe(202);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(0);
    expect(stderr).toMatch(/^report\s+ok\s+sent 1\/1/m);
    expect(readFileSync(report, 'utf8')).toContain('r-emfile');
  }, 90_000);
});
