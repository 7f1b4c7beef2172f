/**
 * Python backends in their own virtualenvs under .cache/backends/venvs, one per pinned requirement set, created with
 * the machine's python3 and pip from PyPI. A marker file names the exact requirement, so a pin change reinstalls.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PythonBackend {
  name: string;
  requirements: readonly string[];
  /** Console script that must exist in the venv afterwards. */
  bin: string;
}

export const PHOENIX: PythonBackend = { name: 'phoenix', requirements: ['arize-phoenix==20.26.1'], bin: 'phoenix' };
/** 3.18.0 is on PyPI but its mlflow-skinny==3.18.0 is not (as of this writing), so the newest installable release. */
export const MLFLOW: PythonBackend = { name: 'mlflow', requirements: ['mlflow==3.17.2'], bin: 'mlflow' };
/** The official client: its datastore reader and `wandb sync --view` check the offline runs we write. */
export const WANDB: PythonBackend = { name: 'wandb', requirements: ['wandb==0.31.0'], bin: 'wandb' };
/** pytest for the Python package (python/): its tests run inside `pnpm test` (test/bridge/python-package.test.ts). */
export const PYTEST: PythonBackend = { name: 'pytest', requirements: ['pytest==9.2.0'], bin: 'pytest' };

export function venvDir(cacheDir: string, backend: PythonBackend): string {
  return join(cacheDir, 'venvs', backend.name);
}

export function venvBin(cacheDir: string, backend: PythonBackend, bin = backend.bin): string {
  return join(venvDir(cacheDir, backend), 'bin', bin);
}

export function installPython(cacheDir: string, backend: PythonBackend, log: (line: string) => void): string {
  const dir = venvDir(cacheDir, backend);
  const marker = join(dir, '.clawloop-sinks-requirements');
  const wanted = backend.requirements.join('\n');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(venvBin(cacheDir, backend))) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`installing ${backend.requirements.join(' ')} into ${dir} (first time only)…`);
  execFileSync('python3', ['-m', 'venv', dir], { stdio: 'inherit' });
  execFileSync(join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...backend.requirements], {
    stdio: 'inherit',
  });
  writeFileSync(marker, wanted);
  return dir;
}
