/**
 * `pnpm gen`: regenerate generated/ from schema/ and templates/.
 * `pnpm gen --check`: exit 1 if generated/ differs from what the inputs produce (drift), writing nothing.
 * `--root DIR` runs on another project copy (used by tests).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { GenError, generate } from './gen/index.js';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? argv[rootIndex + 1] : process.cwd();
  let files;
  try {
    files = await generate(root);
  } catch (error) {
    if (error instanceof GenError) {
      process.stderr.write(`pnpm gen: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const expected = new Map(files.map((f) => [f.path, f.content]));
  const existing = listFiles(join(root, 'generated')).map((p) => relative(root, p).split('\\').join('/'));
  const stale = existing.filter((p) => !expected.has(p));
  const changed = files.filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.content);

  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      process.stdout.write(`generated/ is up to date (${files.length} files)\n`);
      return 0;
    }
    for (const f of changed) process.stderr.write(`drift: ${f.path} differs from what schema/ and templates/ produce\n`);
    for (const p of stale) process.stderr.write(`drift: ${p} is not produced by the generator\n`);
    process.stderr.write('Run `pnpm gen` and commit generated/.\n');
    return 1;
  }
  for (const p of stale) rmSync(join(root, p));
  for (const f of changed) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  process.stdout.write(`generated ${files.length} files (${changed.length} changed, ${stale.length} removed)\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
