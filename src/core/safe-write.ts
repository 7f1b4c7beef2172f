/**
 * Writing files with bounded time. Node's own `mkdirSync(…, { recursive: true })` can loop for ever on paths such as
 * `/proc/nope/…` (blocking the event loop, so even SIGINT and SIGTERM go unheard); directories here are created one
 * component at a time, which ends after as many steps as the path has components. File contents are written
 * asynchronously under a time limit and renamed into place, so a reader never sees half a file and a hung filesystem
 * turns into an error instead of a hang.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, parse, resolve, sep } from 'node:path';

/** How long one file write may take before it is given up on. @default 60 s */
export const WRITE_TIMEOUT_MS = 60_000;

/** Creates `dir` and its missing parents, one component at a time (bounded; throws a clear error on the first failure). */
export function ensureDir(dir: string): void {
  const absolute = resolve(dir);
  const { root } = parse(absolute);
  let path = root;
  for (const part of absolute.slice(root.length).split(sep).filter(Boolean)) {
    path = path === root ? `${root}${part}` : `${path}${sep}${part}`;
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!statSync(path).isDirectory()) throw Object.assign(new Error(`${path} exists and is not a directory`), { code: 'ENOTDIR' });
    }
  }
}

/**
 * Checks up front that `file` can be written: its directory exists or can be created, a file can be created in it,
 * and `file` is not a directory. Throws an error naming the path and the reason.
 */
export function checkWritableFile(file: string): void {
  const problem = (why: string) => new Error(`cannot write ${file}: ${why}`);
  try {
    if (statSync(file).isDirectory()) throw problem('it is a directory');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw error instanceof Error && error.message.startsWith('cannot write') ? error : problem((error as Error).message);
  }
  try {
    ensureDir(dirname(file));
    const probe = resolve(dirname(file), `.clawloop-sinks-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    throw problem((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/** Writes `content` to `file` atomically (temp file + rename, in the same directory) within `timeoutMs`. */
export async function writeFileAtomic(file: string, content: string | Buffer, timeoutMs = WRITE_TIMEOUT_MS): Promise<void> {
  ensureDir(dirname(file));
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // A write stuck inside the filesystem is not interrupted by the abort signal alone: the race bounds the wait.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`writing ${file} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([writeFile(tmp, content, { signal: abort.signal }).then(() => rename(tmp, file)), timedOut]);
  } catch (error) {
    void unlink(tmp).catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
