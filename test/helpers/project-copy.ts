/** Temporary copies of the project for tests that change schemas, specs or scaffold sinks. */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.js';

const COPIED = [
  'schema',
  'templates',
  'scripts',
  'src',
  'generated',
  'test',
  'bench',
  'examples',
  'package.json',
  '.prettierrc.json',
  'tsconfig.json',
  'vitest.config.ts',
];

/** Copies the project (without node_modules, which is linked) into a fresh temp folder. */
export function copyProject(parts: readonly string[] = COPIED): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawloop-sinks-'));
  for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Reads, changes and writes back a JSON file. */
export function editJson(path: string, edit: (value: any) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}
