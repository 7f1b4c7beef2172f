/**
 * Optional extras, proven on the packed package: `pnpm pack`, installed into an empty project with no peer
 * dependencies, replays a real ClawLoop run into the report sink; a backend subpath without its SDK fails with a clear
 * message naming the packages to install; with the peers installed, every backend subpath loads and creates its sink.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PYTEST, venvBin } from '../../scripts/backends/python.js';
import { requireSample, ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';

let tarball: string;

function project(peers: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawloop-pack-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...peers], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 300_000,
  });
  return dir;
}

const node = (dir: string, code: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync('node', ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'clawloop-tgz-'));
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  tarball = join(
    out,
    readdirSync(out).find((f) => f.endsWith('.tgz'))!,
  );
}, 320_000);

describe('the packed package', () => {
  it('installs with no peer dependencies and replays a run into the report sink', () => {
    const dir = project();
    expect(existsSync(join(dir, 'node_modules', '@opentelemetry'))).toBe(false);
    const out = join(dir, 'report.html');
    const replay = spawnSync(
      join(dir, 'node_modules', '.bin', 'clawloop-sinks'),
      ['replay', requireSample(), '--sink', 'report', '--out', out, '--quiet'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stderr).toMatch(/report\s+ok\s+sent 20\/20/);
    expect(existsSync(out)).toBe(true);

    const core = node(dir, "const m = await import('clawloop-sinks'); console.log(typeof m.Hub, Object.keys(m.SINKS).join(','));");
    expect(core.status, core.stderr).toBe(0);
    expect(core.stdout).toContain('function report,console,otel');

    // The install hint names the package manager the user runs (npm here, as npm_config_user_agent says).
    const otel = node(dir, "try { await import('clawloop-sinks/otel'); console.log('loaded'); } catch (e) { console.log(e.message); }", {
      npm_config_user_agent: 'npm/10.8.2 node/v22.1.0 linux x64 workspaces/false',
    });
    expect(otel.stdout.trim()).toBe(
      'the otel sink needs @opentelemetry/api, @opentelemetry/resources, @opentelemetry/exporter-trace-otlp-proto; install with: npm install @opentelemetry/api @opentelemetry/resources @opentelemetry/exporter-trace-otlp-proto',
    );
    const cli = spawnSync(join(dir, 'node_modules', '.bin', 'clawloop-sinks'), ['replay', requireSample(), '--sink', 'mlflow'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('the mlflow sink needs @opentelemetry/api');
    const wandb = node(dir, "const m = await import('clawloop-sinks/wandb'); console.log(typeof m.createWandbSink);");
    expect(wandb.stdout.trim()).toBe('function');
  }, 320_000);

  it('with the OpenTelemetry peers installed, every backend subpath loads and creates its sink', () => {
    const dir = project([
      '@opentelemetry/api@1.10.0',
      '@opentelemetry/resources@3.1.1',
      '@opentelemetry/exporter-trace-otlp-proto@0.301.1',
    ]);
    const script = `
      const env = { LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk', MLFLOW_TRACKING_URI: 'http://127.0.0.1:9' };
      const made = [];
      made.push((await (await import('clawloop-sinks/otel')).createOtelSink({ env })).name);
      made.push((await (await import('clawloop-sinks/phoenix')).createPhoenixSink({ env })).name);
      made.push((await import('clawloop-sinks/mlflow')).createMlflowSink({ env }).name);
      made.push((await (await import('clawloop-sinks/langfuse')).createLangfuseSink({ env })).name);
      console.log(made.join(','));`;
    const result = node(dir, script);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('otel,phoenix,mlflow,langfuse');
  }, 320_000);

  it('ships the Python package: pip install node_modules/clawloop-sinks/python, and ClawLoopBridge(sinks=...) finds the installed CLI through npx and runs it with node', () => {
    const dir = project();
    const pip = requireInstalled(venvBin(BACKENDS_CACHE, PYTEST, 'pip'), 'pip (pnpm backends)');
    const site = join(dir, 'site');
    const install = spawnSync(
      pip,
      [
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--target',
        site,
        join(dir, 'node_modules', 'clawloop-sinks', 'python'),
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(install.status, install.stderr).toBe(0);
    const out = join(dir, 'report.html');
    const script = [
      'import sys',
      `sys.path.insert(0, ${JSON.stringify(join(ROOT, 'test', 'bridge'))})`,
      'from clawloop_sinks import ClawLoopBridge',
      'from fake_clawloop import iterations_from_dump',
      `bridge = ClawLoopBridge(sinks="report", run_id="packed-run", serve_args=["--out", ${JSON.stringify(out)}])`,
      `for i, state, episodes in iterations_from_dump(${JSON.stringify(join(ROOT, 'test', 'fixtures', 'clawloop', 'normal', 'episodes.ndjson'))}):`,
      '    bridge.after_iteration(i, state, episodes)',
      'bridge.finish()',
      'print(bridge.serve.process.args[:2], bridge.serve_exit_code, bridge.counters["sent"])',
    ].join('\n');
    // No clawloop-sinks on PATH (pnpm puts node_modules/.bin there): the bridge must come to npx, which runs the installed one.
    const path = (process.env.PATH ?? '')
      .split(':')
      .filter((p) => !p.includes('node_modules'))
      .join(':');
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: path, PYTHONPATH: site, PYTHONDONTWRITEBYTECODE: '1' };
    delete env.CLAWLOOP_SINKS_CLI;
    const run = spawnSync('python3', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 240_000, env });
    expect(run.status, run.stderr).toBe(0);
    // npx located the installed package; the bridge runs its command with node itself (its own child, stopped cleanly).
    expect(run.stdout).toMatch(/\['\S*node', '\S*node_modules\/clawloop-sinks\/bin\/clawloop-sinks\.mjs'\] 0 17/);
    expect(existsSync(out)).toBe(true);
  }, 320_000);
});
