/**
 * Names that become paths: hostile run ids (by replay or by a POST that gets 202) must not create any file outside
 * the configured directories — WANDB_DIR, the report's --out directory, the spool — nor make a filesystem call fail.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import { safeName } from '../../src/core/safe-name.js';
import { runCliAsync, startCli } from '../helpers/cli.js';
import { episodeEvent, iterationEvent } from '../helpers/events.js';
import { attack } from './attack.js';

const tag = randomBytes(4).toString('hex');
const HOSTILE = [
  `x/../../../escaped-${tag}`,
  `/../../../../../../../../../../tmp/abs-escaped-${tag}`,
  `../../../../../../../../../../../../root-escaped-${tag}`,
  `..`,
  `a\u0000b-${tag}`,
  'r'.repeat(300),
  `ü\\..\\..\\win-escaped-${tag}`,
];

function runEvents(runId: string): CanonicalEvent[] {
  return [
    { type: 'run.started', run_id: runId, started_at: 1_700_000_000, source: 'adversarial' },
    episodeEvent(1, runId, 0),
    iterationEvent(0, runId),
    { type: 'run.finished', run_id: runId, finished_at: 1_700_000_100, status: 'completed' },
  ];
}

/** Every file under `root`, relative to it. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out;
}

function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'paths-'));
  const dirs = { wandb: join(root, 'wb'), out: join(root, 'out'), spool: join(root, 'spool'), cwd: join(root, 'cwd') };
  for (const d of Object.values(dirs)) mkdirSync(d);
  return { root, ...dirs };
}

function expectContained(box: ReturnType<typeof sandbox>): number {
  const all = files(box.root);
  const outside = all.filter((f) => !/^(wb|out|spool)\//.test(f) && f !== 'events.ndjson');
  expect(outside).toEqual([]);
  for (const where of ['/tmp', '/', box.root, join(box.root, '..')]) expect(readdirSync(where).filter((n) => n.includes(tag))).toEqual([]);
  expect(existsSync(`/tmp/abs-escaped-${tag}`)).toBe(false);
  return all.length;
}

describe('hostile run ids never write outside the configured directories', () => {
  it('replay', async (context) => {
    const done = attack(context, 'paths: hostile run ids by replay (../, absolute-looking, NUL, 300 chars) → wandb, report, spool');
    const box = sandbox();
    const input = join(box.root, 'events.ndjson');
    writeFileSync(
      input,
      HOSTILE.flatMap(runEvents)
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    const result = await runCliAsync(
      ['replay', input, '--sink', 'wandb,report', '--out', join(box.out, 'report.html'), '--spool', box.spool, '--no-progress'],
      { WANDB_DIR: box.wandb, WANDB_MODE: 'offline', WANDB_API_KEY: '' },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/wandb\s+ok\s+sent 28\/28/);
    const created = expectContained(box);
    const runDirs = readdirSync(join(box.wandb, 'wandb'));
    expect(runDirs).toHaveLength(HOSTILE.length);
    for (const id of HOSTILE) expect(runDirs.some((d) => d.endsWith(`-${safeName(id)}`))).toBe(true);
    done(
      `exit 0, ${HOSTILE.length} hostile ids → ${runDirs.length} W&B runs inside WANDB_DIR, ${created} files, none outside wb/, out/, spool/`,
    );
  }, 60_000);

  it('serve', async (context) => {
    const done = attack(context, 'paths: hostile run ids by POST /events (202) → wandb, report, spool');
    const box = sandbox();
    const token = 'paths-token-123456';
    const server = await startCli(
      ['serve', '--port', '0', '--token', token, '--sink', 'wandb,report', '--out', join(box.out, 'report.html'), '--spool', box.spool],
      /listening on (http:\/\/[^ ]+)/,
      {
        WANDB_DIR: box.wandb,
        WANDB_MODE: 'offline',
        WANDB_API_KEY: '',
      },
    );
    const res = await fetch(`${server.match[1]}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: HOSTILE.flatMap(runEvents)
        .map((e) => JSON.stringify(e))
        .join('\n'),
    });
    expect(res.status).toBe(202);
    expect(await server.stop('SIGTERM'), server.stderr()).toBe(0);
    expectContained(box);
    expect(readdirSync(join(box.wandb, 'wandb'))).toHaveLength(HOSTILE.length);
    done(`202, exit 0, ${HOSTILE.length} W&B runs inside WANDB_DIR, nothing outside`);
  }, 60_000);
});

describe('safeName', () => {
  it('keeps plain names, and maps anything else to a distinct plain name of bounded length', () => {
    expect(safeName('run-2024_01.a')).toBe('run-2024_01.a');
    const mapped = HOSTILE.map(safeName);
    for (const name of mapped) {
      expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
      expect(name.length).toBeLessThanOrEqual(64);
    }
    expect(new Set(mapped).size).toBe(HOSTILE.length);
    expect(safeName('a/b')).not.toBe(safeName('a_b'));
  });
});
