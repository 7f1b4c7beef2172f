/**
 * The Python package (python/): `pip install <repo>/python` works (into a fresh target directory, from a copy so the
 * build leaves nothing in the tree), and its pytest suite passes against the installed copy, with the repository's
 * CLI as the `clawloop-sinks serve` it starts. pytest comes from `pnpm backends` (its own virtualenv).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PYTEST, venvBin } from '../../scripts/backends/python.js';
import { ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';

it('pip installs python/ and its pytest suite passes against the installed package', () => {
  const pip = requireInstalled(venvBin(BACKENDS_CACHE, PYTEST, 'pip'), 'pytest (pnpm backends)');
  const pytest = requireInstalled(venvBin(BACKENDS_CACHE, PYTEST, 'pytest'), 'pytest (pnpm backends)');
  const work = mkdtempSync(join(tmpdir(), 'python-package-'));
  cpSync(join(ROOT, 'python'), join(work, 'python'), { recursive: true, filter: (p) => !/(__pycache__|\.egg-info|\/build)$/.test(p) });
  const site = join(work, 'site');
  const install = spawnSync(
    pip,
    ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', site, join(work, 'python')],
    { encoding: 'utf8', timeout: 240_000 },
  );
  expect(install.status, install.stderr).toBe(0);

  const env = {
    ...process.env,
    PYTHONPATH: site,
    PYTHONDONTWRITEBYTECODE: '1',
    CLAWLOOP_SINKS_CLI: `${join(ROOT, 'node_modules', '.bin', 'tsx')} ${join(ROOT, 'src', 'cli', 'main.ts')}`,
  };
  const run = spawnSync(pytest, ['-q', '-p', 'no:cacheprovider', '-rfEs', join(ROOT, 'python', 'tests')], {
    cwd: work,
    encoding: 'utf8',
    timeout: 400_000,
    env,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  expect(output).toMatch(/\b\d+ passed\b/);
  expect(output).not.toMatch(/\b(failed|skipped|error)\b/);
}, 600_000);
