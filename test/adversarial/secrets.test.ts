/**
 * No secret from the environment in any output, under failure: every sink talks to a backend that echoes the request
 * headers (credentials included) back in multi-line error bodies with escape sequences; replay and serve print
 * summaries, warnings and /healthz; the report quotes an episode that leaked a key. None of it may show a secret in any
 * form a backend could echo it (raw, base64, HTTP Basic), an escape sequence, or a forged line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, startCli } from '../helpers/cli.js';
import { episodeEvent } from '../helpers/events.js';
import { ROOT } from '../helpers/paths.js';
import { attack } from './attack.js';
import { FORGED, startEchoBackend, type EchoBackend } from './echo-backend.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
const SERVE_TOKEN = 'serve-flag-token-8c1d2e';

let echo: EchoBackend;
let env: Record<string, string>;
let secrets: string[];

const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  echo = await startEchoBackend(500);
  const host = echo.url.replace('http://', '');
  env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: echo.url,
    OTEL_EXPORTER_OTLP_HEADERS: 'x-custom-auth=otel-hdr-secret-4242,authorization=Bearer%20otel-bearer-secret-5151',
    MLFLOW_TRACKING_URI: `http://mluser:ml-pass-secret-555@${host}`,
    MLFLOW_TRACKING_TOKEN: 'mlflow-token-secret-777',
    PHOENIX_COLLECTOR_ENDPOINT: echo.url,
    PHOENIX_API_KEY: 'phoenix-key-secret-888',
    WANDB_MODE: 'online',
    WANDB_BASE_URL: echo.url,
    WANDB_API_KEY: 'wandb-key-secret-999',
    LANGFUSE_BASE_URL: echo.url,
    LANGFUSE_PUBLIC_KEY: 'pk-lf-public-1111',
    LANGFUSE_SECRET_KEY: 'sk-lf-secret-2222',
  };
  const raw = [
    'otel-hdr-secret-4242',
    'otel-bearer-secret-5151',
    'ml-pass-secret-555',
    'mlflow-token-secret-777',
    'phoenix-key-secret-888',
    'wandb-key-secret-999',
    'pk-lf-public-1111',
    'sk-lf-secret-2222',
    SERVE_TOKEN,
  ];
  secrets = [...raw, b64('api:wandb-key-secret-999'), b64('pk-lf-public-1111:sk-lf-secret-2222'), b64('mluser:ml-pass-secret-555')];
});
afterAll(async () => echo?.close());

function leaks(text: string): string[] {
  return secrets.filter((s) => text.includes(s));
}

function checkOutput(text: string): void {
  expect(leaks(text)).toEqual([]);
  expect(text).not.toMatch(/[\u001b\u0007]/);
  for (const line of text.split('\n')) expect(line.startsWith(FORGED), line).toBe(false);
}

describe('no secret in any output', () => {
  it('replay into every sink against echoing backends: summary, warnings, errors and report hold no secret', async (context) => {
    const done = attack(context, 'secrets: every sink → backend echoing request headers in a multi-line error body');
    const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const out = join(dir, 'report.html');
    // An episode in which the agent printed a key: the report quotes conversations, so it must redact it there too.
    const leaked = episodeEvent(1, 'run-leak');
    leaked.episode.messages![1].content = 'here is the key: wandb-key-secret-999';
    leaked.episode.summary.signals.outcome.value = -1;
    // Three failed tool calls make it the report's lowest-reward episode (ties go to more failures), so it is shown.
    leaked.episode.messages![1].tool_calls = [1, 2, 3].map((i) => ({
      id: `leak-${i}`,
      name: 'lookup',
      arguments: '{}',
      success: false,
      error: 'denied',
    }));
    const leakFile = join(dir, 'leak.ndjson');
    writeFileSync(
      leakFile,
      [{ type: 'run.started', run_id: 'run-leak', started_at: 1, source: 't' }, leaked].map((e) => JSON.stringify(e)).join('\n') + '\n',
    );
    const result = await runCliAsync(
      [
        'replay',
        SAMPLE,
        leakFile,
        '--sink',
        'otel,mlflow,phoenix,langfuse,wandb,report,console',
        '--out',
        out,
        '--retry-for',
        '1500',
        '--timeout',
        '4000',
        '--no-progress',
      ],
      env,
    );
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(3);
    expect(echo.requests).toBeGreaterThan(5);
    // The echoed bodies did reach the summary (redacted), so the check below is not vacuous.
    expect(output).toMatch(/request refused/);
    expect(output).toMatch(/\[REDACTED\]/);
    checkOutput(output);
    checkOutput(readFileSync(out, 'utf8'));
    // The leaking episode alone, so the report surely shows its conversation.
    const alone = join(dir, 'alone.html');
    const leakOnly = await runCliAsync(['replay', leakFile, '--sink', 'report', '--out', alone, '--no-progress'], env);
    expect(leakOnly.code, leakOnly.stderr).toBe(0);
    const html = readFileSync(alone, 'utf8');
    expect(html).toContain('here is the key: [REDACTED]');
    checkOutput(html);
    done(
      `exit 3, ${echo.requests} echoed requests, 0 of ${secrets.length} secret forms in stdout/stderr/report, no escape byte, no forged line`,
    );
  }, 120_000);

  it('serve: /healthz details need the token and hold no secret; other Host names are refused', async (context) => {
    const done = attack(context, 'secrets: serve /healthz after failures (token from --token), DNS-rebinding Host');
    const out = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'report.html');
    const server = await startCli(
      [
        'serve',
        '--port',
        '0',
        '--token',
        SERVE_TOKEN,
        '--sink',
        'otel,wandb,mlflow,report',
        '--out',
        out,
        '--retry-for',
        '1000',
        '--timeout',
        '3000',
      ],
      /listening on (http:\/\/[^ ]+)/,
      env,
    );
    const base = server.match[1];
    const post = await fetch(`${base}/events`, {
      method: 'POST',
      headers: { authorization: `bearer ${SERVE_TOKEN}` },
      body: '{"type":"run.started","run_id":"r-secret","started_at":1,"source":"t"}\n{"type":"run.finished","run_id":"r-secret","finished_at":2,"status":"completed"}\n',
    });
    expect(post.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    const open = await (await fetch(`${base}/healthz`)).json();
    expect(open).toEqual({ ok: true });
    const detailed = await (await fetch(`${base}/healthz`, { headers: { authorization: `Bearer ${SERVE_TOKEN}` } })).text();
    expect(detailed).toMatch(/lastError/);
    checkOutput(detailed);
    const rebound = await new Promise<number>((resolve, reject) => {
      void import('node:http').then(({ request }) => {
        const req = request(`${base}/healthz`, { headers: { host: 'evil.example:80' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    });
    expect(rebound).toBe(403);
    expect(await server.stop('SIGTERM')).toBe(3);
    checkOutput(server.stderr());
    done(`/healthz without token {ok:true} only; with token no secret; Host evil.example → 403; serve output clean`);
  }, 120_000);
});
