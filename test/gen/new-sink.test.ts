/**
 * `pnpm new-sink demo-sink` (an HTTP sink) and `pnpm new-sink demo-otlp --kind otlp` in a temporary copy of the
 * project yield sinks that generate, type-check, are formatted and pass the sink conformance suite against a loopback
 * stand-in; bad and existing names are refused.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.js';
import { requireSample } from '../helpers/paths.js';
import { runAsync } from '../helpers/run-async.js';

let dir: string;
const pnpmScript = (...args: string[]) =>
  runAsync(join(dir, 'node_modules', '.bin', args[0]), args.slice(1), {
    cwd: dir,
    env: { ...process.env, CLAWLOOP_SAMPLE: requireSample(), NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 300_000,
  });
const tsx = (...args: string[]) => pnpmScript('tsx', ...args);

beforeAll(() => {
  dir = copyProject();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What every scaffold must do in the copy: gen --check passes, the project type-checks, its files are formatted, and
 *  its conformance test passes all four checks against its loopback stand-in. */
async function expectScaffoldWorks(name: string): Promise<void> {
  const check = await tsx('scripts/gen.ts', '--check');
  expect(check.status, check.stderr).toBe(0);
  const typecheck = await pnpmScript('tsc', '--noEmit', '-p', 'tsconfig.json');
  expect(typecheck.status, typecheck.stdout).toBe(0);
  const formatted = await pnpmScript(
    'prettier',
    '--check',
    `src/transports/${name}`,
    `test/conformance/${name}.test.ts`,
    'src/sinks/registry.ts',
  );
  expect(formatted.status, formatted.stdout + formatted.stderr).toBe(0);
  const tests = await pnpmScript('vitest', 'run', `test/conformance/${name}.test.ts`);
  expect(tests.status, tests.stdout + tests.stderr).toBe(0);
  expect(tests.stdout).toMatch(/Tests\s+4 passed/);
}

describe('pnpm new-sink', () => {
  it('scaffolds demo-sink: gen passes, the project type-checks, the conformance suite passes', async () => {
    const scaffold = await tsx('scripts/new-sink.ts', 'demo-sink');
    expect(scaffold.status, scaffold.stderr).toBe(0);
    expect(scaffold.stdout).toContain('schema/backends/demo-sink.mapping.json');

    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports['./demo-sink']).toEqual({
      types: './dist/src/transports/demo-sink/index.d.ts',
      import: './dist/src/transports/demo-sink/index.js',
    });
    expect(readFileSync(join(dir, 'src', 'sinks', 'registry.ts'), 'utf8')).toContain("'demo-sink': {");
    expect(readFileSync(join(dir, 'generated', 'MAPPINGS.md'), 'utf8')).toContain('| demo-sink |');

    const transport = readFileSync(join(dir, 'src', 'transports', 'demo-sink', 'index.ts'), 'utf8');
    expect(transport).toContain("from '../../core/http.js'");
    await expectScaffoldWorks('demo-sink');
  }, 600_000);

  it('scaffolds demo-otlp --kind otlp: a spec extending otel, a transport composing src/otlp/pipeline.ts, conformance passes', async () => {
    const scaffold = await tsx('scripts/new-sink.ts', 'demo-otlp', '--kind', 'otlp');
    expect(scaffold.status, scaffold.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'schema', 'backends', 'demo-otlp.mapping.json'), 'utf8')).extends).toBe('otel');
    const transport = readFileSync(join(dir, 'src', 'transports', 'demo-otlp', 'index.ts'), 'utf8');
    expect(transport).toContain("from '../../otlp/pipeline.js'");
    // About ten lines of code besides comments and imports: the pipeline does the work.
    const code = transport.split('\n').filter((l) => l.trim() && !/^\s*(\/\*\*|\*|\/\/|import )/.test(l));
    expect(code.length).toBeLessThanOrEqual(14);
    expect(readFileSync(join(dir, 'src', 'sinks', 'registry.ts'), 'utf8')).toMatch(/'demo-otlp': \{[^}]*peers: OTLP_PEERS/);

    await expectScaffoldWorks('demo-otlp');
  }, 600_000);

  it.each([
    ['an existing sink', 'demo-sink', 'sink "demo-sink" already exists'],
    ['a built-in sink', 'report', 'sink "report" already exists'],
    ['a bad name', 'My_Sink', '"My_Sink" is not a sink name'],
    ['a reserved name', 'core', '"core" is reserved'],
  ])('refuses %s', async (_what, name, message) => {
    const result = await tsx('scripts/new-sink.ts', name);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
