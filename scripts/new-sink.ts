/**
 * `pnpm new-sink <name> [--kind http|otlp]`: scaffolds a backend — mapping spec, transport implementing the generated
 * interface, example, conformance test against a loopback stand-in — registers it in src/sinks/registry.ts (ts-morph)
 * and in package.json `exports`, formats what it wrote with Prettier, then regenerates generated/.
 *
 * `--kind http` (default): a spec with every event "not mapped yet" (so gen passes) and a transport that POSTs
 * records through src/core/http.ts. `--kind otlp`: a spec that extends otel's span tree and a transport of a few lines
 * composing src/otlp/pipeline.ts, as otel's own. `--root DIR` scaffolds into another copy.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IndentationText, Project, QuoteKind, SyntaxKind } from 'ts-morph';
import { formatGenerated } from './gen/format.js';
import { GenError, generate } from './gen/index.js';
import { constName, pascal } from './gen/naming.js';
import { loadSchemaModel } from './gen/schema-model.js';
import { templateRenderer } from './gen/templates.js';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = new Set(['core', 'index', 'sinks', 'sources', 'cli', 'generated', 'types', 'validators', 'derived']);

export class ScaffoldError extends Error {}

export type SinkKind = 'http' | 'otlp';
export const KINDS: readonly SinkKind[] = ['http', 'otlp'];

function write(root: string, path: string, content: string): void {
  const full = join(root, path);
  if (existsSync(full)) throw new ScaffoldError(`${path} already exists; not overwriting it`);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** Adds `<name>: { description, peers, create }` to the SINKS object literal. */
function register(root: string, name: string, pascalName: string, kind: SinkKind): void {
  const project = new Project({ manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces } });
  const file = project.addSourceFileAtPath(join(root, 'src', 'sinks', 'registry.ts'));
  const sinks = file
    .getVariableDeclarationOrThrow('SINKS')
    .getInitializerOrThrow()
    .getFirstDescendantByKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  if (sinks.getProperty(name) || sinks.getProperty(`'${name}'`))
    throw new ScaffoldError(`sink "${name}" is already registered in src/sinks/registry.ts`);
  sinks.addPropertyAssignment({
    name: NAME.test(name) && !name.includes('-') ? name : `'${name}'`,
    initializer: (writer) =>
      writer
        .write('{')
        .indent(() => {
          writer.writeLine(
            `description: '${name} (scaffolded: map fields in schema/backends/${name}.mapping.json, then write the transport).',`,
          );
          writer.writeLine(kind === 'otlp' ? 'peers: OTLP_PEERS,' : 'peers: [],');
          writer.writeLine(`create: async ({ env }) => (await import('../transports/${name}/index.js')).create${pascalName}Sink({ env }),`);
        })
        .write('}'),
  });
  // Keep the literal's trailing-comma style, then let the TypeScript formatter settle the indentation.
  if (!sinks.getText().match(/,\s*}$/)) sinks.replaceWithText(sinks.getText().replace(/\s*}$/, ',\n}'));
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  file.saveSync();
}

function addExport(root: string, name: string): void {
  const path = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { exports: Record<string, unknown> };
  pkg.exports[`./${name}`] = { types: `./dist/src/transports/${name}/index.d.ts`, import: `./dist/src/transports/${name}/index.js` };
  writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
}

/** Writes `paths` (relative to root) back formatted with the project's Prettier settings. */
async function formatWritten(root: string, paths: readonly string[]): Promise<void> {
  const files = paths.map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));
  for (const file of await formatGenerated(files)) writeFileSync(join(root, file.path), file.content);
}

export async function newSink(root: string, name: string, kind: SinkKind = 'http'): Promise<string[]> {
  if (!NAME.test(name))
    throw new ScaffoldError(
      `"${name}" is not a sink name: use lowercase letters, digits and dashes, starting with a letter (e.g. "my-backend")`,
    );
  if (RESERVED.has(name)) throw new ScaffoldError(`"${name}" is reserved; pick another name`);
  if (existsSync(join(root, 'schema', 'backends', `${name}.mapping.json`)) || existsSync(join(root, 'src', 'transports', name))) {
    throw new ScaffoldError(`sink "${name}" already exists (schema/backends/${name}.mapping.json or src/transports/${name}/)`);
  }
  const render = templateRenderer(root);
  const model = loadSchemaModel(root);
  const data = { name, pascal: pascal(name), constName: constName(name), events: model.events.map((e) => e.eventType) };
  const files: Array<[string, string]> = [
    [`schema/backends/${name}.mapping.json`, render(`new-sink/${kind}/mapping.json.hbs`, data)],
    [`src/transports/${name}/index.ts`, render(`new-sink/${kind}/transport.ts.hbs`, data)],
    [`examples/observability/${name}.ts`, render(`new-sink/${kind}/example.ts.hbs`, data)],
    [`test/conformance/${name}.test.ts`, render(`new-sink/${kind}/test.ts.hbs`, data)],
  ];
  for (const [path, content] of files) write(root, path, content);
  register(root, name, data.pascal, kind);
  addExport(root, name);
  await formatWritten(root, [...files.map(([p]) => p).filter((p) => p.endsWith('.ts')), 'src/sinks/registry.ts']);
  for (const file of await generate(root)) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  return [...files.map(([p]) => p), 'src/sinks/registry.ts', 'package.json', `generated/${name}/`];
}

async function main(argv: string[]): Promise<number> {
  const rootIndex = argv.indexOf('--root');
  const root = rootIndex >= 0 ? argv[rootIndex + 1] : process.cwd();
  const kindIndex = argv.indexOf('--kind');
  const kind = kindIndex >= 0 ? argv[kindIndex + 1] : 'http';
  const name = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--root' && argv[i - 1] !== '--kind')[0];
  if (!name || !KINDS.includes(kind as SinkKind)) {
    process.stderr.write(`usage: pnpm new-sink <name> [--kind ${KINDS.join('|')}] [--root DIR]\n`);
    return 1;
  }
  try {
    const written = await newSink(root, name, kind as SinkKind);
    process.stdout.write(
      `scaffolded sink "${name}":\n${written.map((p) => `  ${p}`).join('\n')}\nnext: map fields in schema/backends/${name}.mapping.json, run pnpm gen, write the transport's I/O.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError || error instanceof GenError) {
      process.stderr.write(`pnpm new-sink: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = await main(process.argv.slice(2));
