/**
 * The README's first steps in a fresh clone: `pnpm install`, then `clawloop-sinks --help` (through `pnpm cli` and the
 * bin itself, which runs the TypeScript sources when there is no dist/) and `pnpm demo`. The clone is of the committed
 * HEAD, as CI's clean clone is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

let clone: string;
const run = (command: string, args: string[]) =>
  spawnSync(command, args, { cwd: clone, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: 'true' } });

beforeAll(() => {
  clone = join(mkdtempSync(join(tmpdir(), 'clawloop-clone-')), 'clawloop-sinks');
  const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(cloned.stderr);
  const install = run('pnpm', ['install', '--prefer-offline']);
  if (install.status !== 0) throw new Error(`pnpm install failed in the clone: ${install.stderr}${install.stdout}`);
}, 320_000);

describe('a fresh clone after `pnpm install`', () => {
  it('has no build, and `pnpm cli --help` and the bin print the usage', () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const viaScript = run('pnpm', ['--silent', 'cli', '--help']);
    expect(viaScript.status, viaScript.stderr).toBe(0);
    expect(viaScript.stdout).toContain('Usage: clawloop-sinks [options] [command]');
    expect(viaScript.stdout).toContain('replay [options] <path...>');
    const viaBin = run('node', ['bin/clawloop-sinks.mjs', '--version']);
    expect(viaBin.status, viaBin.stderr).toBe(0);
    expect(viaBin.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('`pnpm demo` writes the report where the README says', () => {
    const demo = run('pnpm', ['demo']);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stderr).toContain('report written to .clawloop-sinks/report.html');
    expect(readFileSync(join(clone, '.clawloop-sinks', 'report.html'), 'utf8')).toContain('d26eec5899634d30b2cdd37918f49dd5');
  });
});
