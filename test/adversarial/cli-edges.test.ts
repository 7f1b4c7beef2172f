/**
 * serve and CLI edges: a chunked body over --max-body, invalid UTF-8, a lower-case bearer scheme, an unwritable or
 * hanging --out, an empty input, signals during a stuck delivery, the OTel exporter's own retries against --retry-for,
 * and a conversation longer than the report's value limit.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDir } from '../../src/core/safe-write.js';
import { startCli } from '../helpers/cli.js';
import { episodeEvent } from '../helpers/events.js';
import { ROOT } from '../helpers/paths.js';
import { attack, cliWithRss } from './attack.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
const TOKEN = 'edges-token-123456';

/** A raw HTTP request: `chunks` written one by one (chunked transfer unless a content-length is given). */
function raw(
  url: string,
  chunks: Buffer[],
  headers: Record<string, string>,
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    void (async () => {
      for (const chunk of chunks) {
        req.write(chunk);
        await new Promise((r) => setImmediate(r));
      }
      req.end();
    })();
  });
}

describe('serve edges', () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let url: string;
  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'edges-')), 'report.html');
    server = await startCli(
      ['serve', '--port', '0', '--token', TOKEN, '--sink', 'report', '--out', out, '--max-body', '200000'],
      /listening on (http:\/\/[^ ]+)/,
    );
    url = `${server.match[1]}/events`;
  });
  afterAll(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  it('a chunked body over --max-body gets 413, not a reset', async (context) => {
    const done = attack(context, 'serve: chunked body over --max-body');
    const result = await raw(
      url,
      Array.from({ length: 40 }, () => Buffer.alloc(10_000, 0x20)),
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(result).toEqual({ status: 413, body: JSON.stringify({ error: 'body larger than 200000 bytes' }) });
    done('413 with a JSON error (the rest of the body read and dropped)');
  });

  it('invalid UTF-8 is refused with 400, not accepted with U+FFFD', async (context) => {
    const done = attack(context, 'serve: body with invalid UTF-8');
    const line = Buffer.concat([
      Buffer.from('{"type":"run.started","run_id":"r'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","started_at":1,"source":"t"}\n'),
    ]);
    const result = await raw(url, [line], { authorization: `Bearer ${TOKEN}` });
    expect(result).toMatchObject({ status: 400 });
    expect((result as { body: string }).body).toContain('not valid UTF-8');
    done('400, nothing accepted');
  });

  it('the bearer scheme is case-insensitive', async (context) => {
    const done = attack(context, 'serve: "bearer" in lower case');
    const body = '{"type":"run.started","run_id":"r1","started_at":1,"source":"t"}\n';
    expect(await raw(url, [Buffer.from(body)], { authorization: `bearer ${TOKEN}` })).toEqual({ status: 202, body: '{"accepted":1}' });
    expect(await raw(url, [Buffer.from(body)], { authorization: `BEARER ${TOKEN}` })).toEqual({ status: 202, body: '{"accepted":1}' });
    expect(await raw(url, [Buffer.from(body)], { authorization: `Basic ${TOKEN}` })).toMatchObject({ status: 401 });
    done('202 for bearer / BEARER, 401 for another scheme');
  });
});

describe('CLI edges', () => {
  it('--out that cannot be written fails before any work, with exit 1 and no hang (/proc/nope/report.html)', async (context) => {
    const done = attack(context, 'CLI: --out /proc/nope/report.html and --out under a file');
    const dir = mkdtempSync(join(tmpdir(), 'edges-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    for (const out of ['/proc/nope/report.html', join(dir, 'a-file', 'report.html')]) {
      const wandb = join(dir, `wb-${out.length}`);
      const result = await cliWithRss(['replay', SAMPLE, '--sink', 'wandb,report', '--out', out, '--no-progress'], {
        env: { WANDB_DIR: wandb, WANDB_MODE: 'offline' },
        timeoutMs: 30_000,
      }).done;
      expect(result.signal, result.stderr).toBeNull();
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`cannot write ${out}`);
      expect(result.stderr).not.toContain('report written');
      // No work was done: the wandb sink (listed first) wrote nothing.
      expect(() => statSync(wandb)).toThrow();
    }
    const start = Date.now();
    expect(() => ensureDir('/proc/nope/deeper')).toThrow();
    done(
      `exit 1 at once with "cannot write …", nothing replayed, no sink wrote anything; directory creation bounded (${Date.now() - start} ms for /proc/nope/deeper)`,
    );
  }, 90_000);

  it('an empty input is a usage error (exit 1) that leaves an existing report untouched', async (context) => {
    const done = attack(context, 'CLI: replay of an empty directory / an empty file over an existing report');
    const dir = mkdtempSync(join(tmpdir(), 'edges-'));
    const out = join(dir, 'report.html');
    writeFileSync(out, 'the report of last week');
    const before = statSync(out).mtimeMs;
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty.ndjson'), '');
    for (const input of [join(dir, 'empty'), join(dir, 'empty.ndjson')]) {
      const result = await cliWithRss(['replay', input, '--sink', 'report', '--out', out, '--no-progress']).done;
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/no ClawLoop output in|is empty/);
    }
    expect(readFileSync(out, 'utf8')).toBe('the report of last week');
    expect(statSync(out).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['empty', 'empty.ndjson', 'report.html']);
    done('exit 1 for both, the existing report unchanged');
  }, 60_000);

  it('SIGINT / SIGTERM are honoured while a sink hangs: one stops and summarizes within --timeout, two exit at once', async (context) => {
    const done = attack(context, 'CLI: SIGINT / SIGTERM during a replay into a backend that never answers');
    const hang = createServer(() => {});
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
    try {
      const outcomes: string[] = [];
      for (const [signal, times] of [
        ['SIGINT', 1],
        ['SIGTERM', 2],
      ] as const) {
        const out = join(mkdtempSync(join(tmpdir(), 'edges-')), 'report.html');
        let ready!: () => void;
        const started = new Promise<void>((resolve) => (ready = resolve));
        // Signalled once the replay is reading (its first progress line), so the otel sink holds undelivered events.
        const run = cliWithRss(['replay', SAMPLE, '--sink', 'otel,report', '--out', out, '--timeout', '4000'], {
          env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
          onStderr: (text) => /replay: iteration/.test(text) && ready(),
          timeoutMs: 60_000,
        });
        await started;
        await new Promise((r) => setTimeout(r, 300));
        const sentAt = Date.now();
        for (let i = 0; i < times; i += 1) {
          run.child.kill(signal);
          await new Promise((r) => setTimeout(r, 200));
        }
        const result = await run.done;
        const took = Date.now() - sentAt;
        expect(result.signal, result.stderr).toBeNull();
        expect(took).toBeLessThan(20_000);
        if (times === 1) {
          expect(result.stderr).toContain('stopping');
          expect(result.stderr).toMatch(/otel\s+INCOMPLETE/);
          expect(result.code).toBe(3);
        } else expect(result.stderr).toContain('stopped at once');
        outcomes.push(`${signal}×${times}: exit ${result.code} after ${took} ms`);
      }
      done(outcomes.join('; '));
    } finally {
      hang.closeAllConnections();
      hang.close();
    }
  }, 120_000);

  it("--retry-for bounds the OTel exporter's own retries", async (context) => {
    const done = attack(context, 'CLI: --retry-for 2000 against an OTLP backend answering 503 for ever');
    let requests = 0;
    const busy = createServer((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(503).end('busy');
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const start = Date.now();
      const result = await cliWithRss(['replay', SAMPLE, '--sink', 'otel', '--retry-for', '2000', '--timeout', '60000', '--no-progress'], {
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(busy.address() as AddressInfo).port}` },
        timeoutMs: 90_000,
      }).done;
      const took = Date.now() - start;
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/gave up after/);
      // Each batch is given up on once its 2 s are spent; the exporter's own 10 s deadline no longer stretches that.
      expect(took).toBeLessThan(12_000);
      done(`exit 3 after ${took} ms (${requests} requests), batches given up once --retry-for was spent`);
    } finally {
      busy.closeAllConnections();
      busy.close();
    }
  }, 120_000);

  it('a conversation over the report\'s value limit is cut per message with a marker, never "not available"', async (context) => {
    const done = attack(context, 'report: conversation of 300 000 characters');
    const dir = mkdtempSync(join(tmpdir(), 'edges-'));
    const long = episodeEvent(1, 'r-long');
    long.episode.messages = [
      { role: 'user', content: `question ${'q'.repeat(150_000)}` },
      { role: 'assistant', content: `answer ${'a'.repeat(150_000)}` },
    ];
    long.episode.summary.signals.outcome.value = -1;
    const file = join(dir, 'events.ndjson');
    writeFileSync(
      file,
      [{ type: 'run.started', run_id: 'r-long', started_at: 1, source: 't' }, long].map((e) => JSON.stringify(e)).join('\n') + '\n',
    );
    const out = join(dir, 'report.html');
    const result = await cliWithRss(['replay', file, '--sink', 'report', '--out', out, '--no-progress']).done;
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('messages not available');
    expect(html).toContain('question qqq');
    expect(html).toContain('answer aaa');
    expect(html.match(/… \[[\d,]+ more characters not shown\]/g)?.length).toBe(2);
    done('both messages shown from their start, each cut with its own "… [N more characters not shown]" marker');
  });
});
