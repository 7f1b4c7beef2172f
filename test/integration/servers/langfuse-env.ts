/**
 * Langfuse's environment for one test server: the shared recipe's langfuse.env (test credentials only), with every
 * address moved to the ports chosen at start. Any address left pointing at a fixed port is an error, so a new
 * address in the recipe cannot silently reach another server on the machine.
 */
import { readFileSync } from 'node:fs';
import type { LangfusePorts } from './langfuse.js';

/** KEY=VALUE lines (optionally quoted), as dotenv reads them; comments and blank lines skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const value = line.slice(eq + 1).trim();
    out[line.slice(0, eq).trim()] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

export function langfuseEnv(envFile: string, ports: LangfusePorts, keys: { publicKey: string; secretKey: string }): Record<string, string> {
  const env = parseEnvFile(readFileSync(envFile, 'utf8'));
  const pg = `postgresql://postgres:postgres@127.0.0.1:${ports.postgres}/postgres`;
  const s3 = `http://127.0.0.1:${ports.s3}`;
  Object.assign(env, {
    DATABASE_URL: pg,
    DIRECT_URL: pg,
    CLICKHOUSE_URL: `http://127.0.0.1:${ports.clickhouse}`,
    // Read only by golang-migrate, which never runs here (the shim applies ClickHouse migrations).
    CLICKHOUSE_MIGRATION_URL: `clickhouse://127.0.0.1:${ports.clickhouse}`,
    NEXTAUTH_URL: `http://127.0.0.1:${ports.web}`,
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(ports.redis),
    LANGFUSE_S3_EVENT_UPLOAD_ENDPOINT: s3,
    LANGFUSE_S3_MEDIA_UPLOAD_ENDPOINT: s3,
    LANGFUSE_INIT_PROJECT_PUBLIC_KEY: keys.publicKey,
    LANGFUSE_INIT_PROJECT_SECRET_KEY: keys.secretKey,
  });
  const chosen = new Set(Object.values(ports).map(String));
  for (const [key, value] of Object.entries(env)) {
    for (const m of value.matchAll(/(?:127\.0\.0\.1|localhost|0\.0\.0\.0):(\d+)/g)) {
      if (!chosen.has(m[1]))
        throw new Error(`${envFile}: ${key} points at fixed port ${m[1]}; langfuseEnv must move it to a port chosen at start`);
    }
  }
  if (!env.REDIS_AUTH || !env.LANGFUSE_S3_EVENT_UPLOAD_BUCKET)
    throw new Error(`${envFile}: REDIS_AUTH and LANGFUSE_S3_EVENT_UPLOAD_BUCKET are expected`);
  return env;
}
