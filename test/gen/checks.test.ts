/**
 * `pnpm gen` refuses inconsistent inputs with a message naming backend, event, field, file and JSON pointer,
 * and `pnpm gen --check` catches drift between inputs and committed output.
 */
import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/gen/index.js';
import { copyProject, editJson } from '../helpers/project-copy.js';
import { ROOT } from '../helpers/paths.js';
import { runAsync } from '../helpers/run-async.js';

/** Every backend with a mapping spec, and the target each one maps a new episode field to (none: it ignores episodes whole). */
const EPISODE_TARGET: Record<string, string | undefined> = {
  console: undefined,
  langfuse: 'span.episode',
  mlflow: 'episode.summary',
  otel: 'span.episode',
  phoenix: 'span.episode',
  report: 'episode',
  wandb: 'table.episodes',
};
const BACKENDS = readdirSync(join(ROOT, 'schema', 'backends'))
  .filter((f) => f.endsWith('.mapping.json'))
  .map((f) => f.replace('.mapping.json', ''));
let dir: string;

beforeEach(() => {
  dir = copyProject(['schema', 'templates']);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const spec = (backend: string) => join(dir, 'schema', 'backends', `${backend}.mapping.json`);

describe('a new schema field', () => {
  it('fails gen for each backend until it is mapped or ignored there, then every table picks it up', async () => {
    editJson(join(dir, 'schema', 'events', 'defs.schema.json'), (defs) => {
      defs.$defs.Episode.properties.curriculum_level = { type: 'integer', description: 'Difficulty level of the task.' };
    });
    expect(BACKENDS.sort()).toEqual(Object.keys(EPISODE_TARGET));
    const mapping = BACKENDS.filter((b) => EPISODE_TARGET[b]);
    for (const backend of mapping) {
      await expect(generate(dir)).rejects.toThrow(
        `schema/backends/${backend}.mapping.json#/events/episode: backend "${backend}", event "episode": field "episode.curriculum_level" (from schema/events/episode.schema.json) is neither mapped nor ignored`,
      );
      const target = EPISODE_TARGET[backend]!;
      editJson(spec(backend), (s) =>
        s.events.episode.fields.push({ path: 'episode.curriculum_level', target, key: `curriculum_level_${backend}` }),
      );
    }
    const files = await generate(dir);
    for (const backend of mapping) {
      const table = files.find((f) => f.path === `generated/${backend}/mapping.gen.ts`)!.content;
      expect(table).toContain(`key: 'curriculum_level_${backend}'`);
      expect(table).toContain('get: (s: EpisodeEvent, ctx: DerivedContext) => s.episode.curriculum_level');
    }
    const docs = files.find((f) => f.path === 'generated/MAPPINGS.md')!.content;
    expect(docs).toContain('| `episode.curriculum_level` |');
  });

  it('an ignore entry with a reason also satisfies gen', async () => {
    editJson(join(dir, 'schema', 'events', 'defs.schema.json'), (defs) => {
      defs.$defs.StateID.properties.note = { type: 'string' };
    });
    for (const backend of BACKENDS) {
      editJson(spec(backend), (s) => {
        if (s.events.iteration.ignore.some((i: { path: string }) => i.path === '$' || i.path === 'state_id')) return;
        s.events.iteration.ignore.push({ path: 'state_id.note', reason: 'free text' });
      });
    }
    const files = await generate(dir);
    expect(files.find((f) => f.path === 'generated/MAPPINGS.md')!.content).toContain('| `state_id.note` |');
  });
});

describe('bad specs are refused with file, pointer, backend, event and field', () => {
  const cases: Array<[string, (s: any) => void, string]> = [
    [
      'a path that does not exist',
      (s) => (s.events.episode.fields[0].path = 'episode.no_such_field'),
      'schema/backends/otel.mapping.json#/events/episode/fields/0/path: backend "otel", event "episode": field "episode.no_such_field" does not exist in schema/events/episode.schema.json',
    ],
    [
      'an unknown derived value',
      (s) => s.events.episode.fields.push({ derived: 'happiness', target: 'span.episode', key: 'x' }),
      'backend "otel", event "episode": unknown derived value "happiness"',
    ],
    [
      'an unknown target',
      (s) => (s.events.iteration.fields[0].target = 'span.nowhere'),
      'schema/backends/otel.mapping.json#/events/iteration/fields/0/target: backend "otel", event "iteration": unknown target "span.nowhere"',
    ],
    [
      'a meta-schema violation',
      (s) => delete s.events.iteration.fields[0].key,
      "schema/backends/otel.mapping.json#/events/iteration/fields/0: violates schema/backends/mapping.schema.json: must have required property 'key'",
    ],
    [
      'a keyed value without {key}',
      (s) => s.events.episode.fields.push({ path: 'episode.summary.signals{}.value', target: 'span.episode', key: 'reward' }),
      'must contain {key}',
    ],
    [
      'a path outside the target scope',
      (s) => s.events.episode.fields.push({ path: 'run_id', target: 'span.llm', key: 'run' }),
      'field "run_id" lies outside target "span.llm"\'s scope "episode.messages[]"',
    ],
    [
      'a path crossing an array below the scope',
      (s) => s.events.episode.fields.push({ path: 'episode.messages[].content', target: 'span.episode', key: 'c' }),
      "crosses an array below its target's scope",
    ],
    [
      'an unknown event type',
      (s) => (s.events['run.paused'] = { fields: [], ignore: [] }),
      'schema/backends/otel.mapping.json#/events/run.paused: backend "otel", event "run.paused": unknown event type',
    ],
    [
      'a missing event',
      (s) => delete s.events['run.started'],
      'schema/backends/otel.mapping.json#/events/run.started: backend "otel", event "run.started": event is neither mapped nor ignored',
    ],
  ];
  it.each(cases)('%s', async (_name, edit, message) => {
    editJson(spec('otel'), edit);
    await expect(generate(dir)).rejects.toThrow(message);
  });
});

describe('spec inheritance (extends)', () => {
  const base = () => join(dir, 'schema', 'backends', 'span-tree.base.json');
  const tableOf = (files: Array<{ path: string; content: string }>, backend: string) =>
    files.find((f) => f.path === `generated/${backend}/mapping.gen.ts`)!.content;

  it('a rule, constant or target setting in a base reaches every spec that extends it, directly or through another', async () => {
    editJson(base(), (s) => {
      s.events.episode.fields.push({ path: 'episode.task_id', target: 'span.episode', key: 'clawloop.task.name' });
      s.targets['span.tool'].constants['tool.kind'] = 'function';
    });
    const files = await generate(dir);
    // otel and phoenix extend the base; mlflow extends otel (its episode span targets only); langfuse takes targets, not rules.
    for (const backend of ['otel', 'phoenix', 'mlflow']) expect(tableOf(files, backend)).toContain("key: 'clawloop.task.name'");
    expect(tableOf(files, 'langfuse')).not.toContain("key: 'clawloop.task.name'");
    for (const backend of ['otel', 'phoenix', 'mlflow', 'langfuse']) expect(tableOf(files, backend)).toContain("'tool.kind': 'function'");
    expect(tableOf(files, 'span-tree')).not.toContain('_RULES');
    const docs = files.find((f) => f.path === 'generated/MAPPINGS.md')!.content;
    expect(docs).toMatch(/\| `episode.task_id` \|.*span.episode `clawloop.task.name`.*span.episode `clawloop.task.name`/);
    expect(docs).not.toContain('| span-tree |');
  });

  it('a child refines an inherited target (its settings win) and inherits only the targets it lists', async () => {
    // Prettier lays a target's settings on one line or several, by length.
    const files = await generate(dir);
    expect(tableOf(files, 'otel')).toMatch(
      /'span.llm': \{\s*scope: 'episode.messages\[\]',\s*maxValueLength: 8192,\s*constants: \{ 'openinference.span.kind': 'LLM'/,
    );
    expect(tableOf(files, 'phoenix')).toMatch(/'span.llm': \{\s*scope: 'episode.messages\[\]',\s*maxValueLength: 32768/);
    expect(tableOf(files, 'phoenix')).not.toContain("'span.evolution'");
    expect(tableOf(files, 'mlflow')).not.toContain("'span.iteration'");
  });

  it.each([
    ['an unknown parent', (s: any) => (s.extends = 'nowhere'), 'schema/backends/otel.mapping.json#/extends: unknown spec "nowhere"'],
    ['a cycle', (s: any) => (s.extends = 'mlflow'), 'inheritance cycle'],
    [
      'a target the parent lacks',
      (s: any) => (s.extends = { spec: 'span-tree', targets: ['span.nowhere'] }),
      'schema/backends/otel.mapping.json#/extends/targets: "span.nowhere" is not a target of schema/backends/span-tree.base.json',
    ],
  ])('refuses %s', async (_name, edit, message) => {
    editJson(spec('otel'), edit);
    await expect(generate(dir)).rejects.toThrow(message);
  });

  it('an inherited rule that breaks names the base file and its pointer', async () => {
    editJson(base(), (s) => (s.events.episode.fields[0].path = 'episode.no_such_field'));
    await expect(generate(dir)).rejects.toThrow(
      'schema/backends/span-tree.base.json#/events/episode/fields/0/path: backend "span-tree", event "episode": field "episode.no_such_field" does not exist',
    );
  });
});

describe('pnpm gen --check', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (...args: string[]) => runAsync(tsx, [join(ROOT, 'scripts', 'gen.ts'), '--root', dir, ...args]);

  it('passes on fresh output and fails naming the file after a hand edit or a schema change', async () => {
    expect((await run()).status).toBe(0);
    expect((await run('--check')).status).toBe(0);
    appendFileSync(join(dir, 'generated', 'otel', 'mapping.gen.ts'), '// hand edit\n');
    const edited = await run('--check');
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain('drift: generated/otel/mapping.gen.ts differs');
    expect((await run()).status).toBe(0);
    editJson(
      join(dir, 'schema', 'events', 'defs.schema.json'),
      (d) => (d.$defs.ToolCall.properties.error.description = 'ZZ changed description'),
    );
    const changed = await run('--check');
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('drift: generated/types.gen.ts differs');
    expect(readFileSync(join(dir, 'generated', 'types.gen.ts'), 'utf8')).not.toContain('ZZ changed description');
    // Six full generator runs: a budget for a loaded CI machine, not a speed target.
  }, 300_000);

  it('an edit of a base is drift in every backend that extends it', async () => {
    expect((await run()).status).toBe(0);
    editJson(join(dir, 'schema', 'backends', 'span-tree.base.json'), (s) => (s.targets['span.tool'].constants['tool.kind'] = 'function'));
    const drift = await run('--check');
    expect(drift.status).toBe(1);
    for (const backend of ['span-tree', 'otel', 'phoenix', 'mlflow', 'langfuse'])
      expect(drift.stderr).toContain(`drift: generated/${backend}/mapping.gen.ts differs`);
  }, 180_000);

  it('exits 1 with the message on a bad spec', async () => {
    editJson(spec('wandb'), (s) => (s.events.iteration.fields[0].derived = 'nope'));
    const result = await run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pnpm gen: schema/backends/wandb.mapping.json#/events/iteration/fields/0/derived');
  });
});
