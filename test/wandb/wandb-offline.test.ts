/**
 * The wandb sink's offline runs, checked by the official W&B package: payloads parsed with its own protobuf
 * definitions (field numbers cross-checked against them), record kinds compared with a run the official client
 * writes, and `wandb sync` (wandb-core) uploading our directory to a loopback stand-in of the W&B server — the
 * history rows, summary, config, tables and exit code it sends are what the real ClawLoop sample should produce.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venvBin, WANDB } from '../../scripts/backends/python.js';
import type { EpisodeEvent, IterationEvent } from '../../generated/types.gen.js';
import { effectiveReward } from '../../src/core/rewards.js';
import { RECORD } from '../../src/transports/wandb/proto.js';
import { EPISODE_COLUMNS } from '../../src/transports/wandb/index.js';
import { runCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { undeclaredNames } from '../helpers/declared-names.js';
import { requireSample, ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';
import { startWandbRecorder, type WandbRecorder } from './recorder.js';

const python = () => requireInstalled(venvBin(BACKENDS_CACHE, WANDB, 'python'), 'the official wandb package');
const py = (script: string, ...args: string[]) => {
  const r = spawnSync(python(), [join(ROOT, 'test', 'wandb', script), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, WANDB_SILENT: 'true', WANDB_MODE: 'offline' },
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout;
};
interface Rec {
  num: number;
  kind: string;
  body: Record<string, any>;
}
const readRecords = (file: string): Rec[] =>
  py('read_wandb.py', file)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
/** Items by key; the official client writes `nested_key` paths instead of `key` (both are valid), which nest here. */
function items(list: Array<{ key?: string; nested_key?: string[]; value_json: string }> = []): Record<string, any> {
  const out: Record<string, any> = {};
  for (const i of list) {
    const path = i.key ? [i.key] : (i.nested_key ?? []);
    let node = out;
    path.slice(0, -1).forEach((k) => (node = node[k] ??= {}));
    node[path.at(-1)!] = JSON.parse(i.value_json);
  }
  return out;
}

const sample = requireSample();
let dir: string;
let runFile: string;
let records: Rec[];
let episodes: EpisodeEvent[];
let iterations: IterationEvent[];

beforeAll(async () => {
  const { events } = await collect(sample);
  episodes = events.filter((e): e is EpisodeEvent => e.type === 'episode');
  iterations = events.filter((e): e is IterationEvent => e.type === 'iteration');
  dir = mkdtempSync(join(tmpdir(), 'wandb-offline-'));
  const { code, stderr } = runCli(['replay', sample, '--sink', 'wandb', '--quiet'], {
    WANDB_DIR: dir,
    WANDB_PROJECT: 'clawloop-ci',
    WANDB_TAGS: 'ci,sample',
  });
  if (code !== 0) throw new Error(stderr);
  const runDir = join(dir, 'wandb', readdirSync(join(dir, 'wandb'))[0]);
  runFile = join(
    runDir,
    readdirSync(runDir).find((f) => f.endsWith('.wandb'))!,
  );
  records = readRecords(runFile);
}, 120_000);

describe('wandb offline run, read by the official package', () => {
  it('uses the field numbers of the official wandb_internal.proto', () => {
    const official = JSON.parse(py('proto_fields.py'));
    expect(official.Record).toMatchObject({ num: 1, ...RECORD });
    expect(official.RunRecord).toEqual({
      run_id: 1,
      entity: 2,
      project: 3,
      config: 4,
      run_group: 6,
      display_name: 8,
      tags: 10,
      host: 13,
      start_time: 17,
    });
    expect(official.HistoryRecord).toEqual({ item: 1, step: 2 });
    expect(official.HistoryItem).toEqual({ key: 1, value_json: 16 });
    expect(official.HistoryStep).toEqual({ num: 1 });
    expect(official.ConfigItem).toEqual({ key: 1, value_json: 16 });
    expect(official.RunExitRecord).toEqual({ exit_code: 1, runtime: 2 });
    expect(official.FilesItem).toEqual({ path: 1, policy: 2 });
  });

  it('lives where wandb sync looks: wandb/offline-run-<time>-<ClawLoop run id>/run-<id>.wandb', () => {
    expect(runFile).toMatch(new RegExp(`/wandb/offline-run-\\d{8}_\\d{6}-${iterations[0].run_id}/run-${iterations[0].run_id}\\.wandb$`));
  });

  it('holds the records of a finished run, numbered in order', () => {
    expect(records.map((r) => r.kind)).toEqual([
      'header',
      'run',
      'config',
      'files',
      'history',
      'files',
      'history',
      'files',
      'history',
      'summary',
      'exit',
      'final',
    ]);
    expect(records.map((r) => r.num)).toEqual(records.map((_, i) => i + 1));
    const run = records[1].body;
    expect(run).toMatchObject({ run_id: iterations[0].run_id, project: 'clawloop-ci', tags: ['ci', 'sample'] });
    expect(items(records[2].body.update)).toMatchObject({ bench: 'toolbench', n_iterations: 3, clawloop_run_id: iterations[0].run_id });
  });

  it("logs ClawLoop WandbSink's metric names at step = iteration, with the values the sample should produce", () => {
    const rows = records
      .filter((r) => r.kind === 'history')
      .map((r) => ({ step: Number(r.body.step?.num ?? 0), values: items(r.body.item) }));
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2]);
    for (const { step, values } of rows) {
      const it = iterations[step];
      const mine = episodes.filter((e) => e.iteration === step);
      const rewards = mine.map((e) => effectiveReward(e.episode.summary.signals));
      expect(values['_step']).toBe(step);
      expect(values['reward/mean']).toBeCloseTo(rewards.reduce((a, b) => a + b, 0) / rewards.length, 9);
      expect(values['reward/min']).toBe(Math.min(...rewards));
      expect(values['reward/max']).toBe(Math.max(...rewards));
      expect(values['reward/mean_normalized']).toBeCloseTo(rewards.reduce((a, b) => a + (b + 1) / 2, 0) / rewards.length, 9);
      expect(values['episodes/count']).toBe(mine.length);
      expect(values['playbook/size']).toBe(it.playbook!.entries.length);
      expect(values['playbook/helpful_total']).toBe(it.playbook!.entries.reduce((n, e) => n + e.helpful, 0));
      expect(values['playbook/harmful_total']).toBe(it.playbook!.entries.reduce((n, e) => n + e.harmful, 0));
      expect(values['state/combined']).toBe(it.state_id!.combined_hash.slice(0, 12));
      expect(values['state/harness']).toBe(it.state_id!.harness_hash.slice(0, 12));
      expect(values['fb/harness/insights_generated']).toBe(it.fb_results!.harness!.metrics.insights_generated);
      expect(values['fb/harness/status']).toBe(it.fb_results!.harness!.status);
      expect(values['evolution/reflect']).toBe(1);
      for (const signal of new Set(mine.flatMap((e) => Object.keys(e.episode.summary.signals))))
        expect(values).toHaveProperty(`reward/${signal}_mean`);
      expect(values['episodes/table']).toMatchObject({ _type: 'table-file', ncols: EPISODE_COLUMNS.length, nrows: mine.length });
    }
    const summary = items(records.find((r) => r.kind === 'summary')!.body.update);
    expect(summary).toMatchObject({ 'clawloop/status': 'completed', 'clawloop/best_reward': 0.5, 'clawloop/iterations_completed': 3 });
    expect(records.find((r) => r.kind === 'exit')!.body.exit_code ?? 0).toBe(0);
  });

  it('writes the record kinds and history bookkeeping keys the official client writes', () => {
    const officialDir = mkdtempSync(join(tmpdir(), 'wandb-official-'));
    py('official_offline.py', officialDir);
    const runDir = join(
      officialDir,
      'wandb',
      readdirSync(join(officialDir, 'wandb')).find((n) => n.startsWith('offline-run-'))!,
    );
    const official = readRecords(
      join(
        runDir,
        readdirSync(runDir).find((f) => f.endsWith('.wandb'))!,
      ),
    );
    const officialKinds = new Set(official.map((r) => r.kind));
    // "final" closed runs written before wandb-core; wandb sync still accepts it (see the sync test below).
    for (const kind of new Set(records.map((r) => r.kind).filter((k) => k !== 'final')))
      expect(officialKinds, `official client also writes "${kind}" records`).toContain(kind);
    const officialHistory = official.filter((r) => r.kind === 'history').map((r) => Object.keys(items(r.body.item)));
    const bookkeeping = ['_step', '_runtime', '_timestamp'].filter((k) => officialHistory.every((keys) => keys.includes(k)));
    expect(bookkeeping.length).toBeGreaterThan(0);
    for (const row of records.filter((r) => r.kind === 'history'))
      expect(Object.keys(items(row.body.item))).toEqual(expect.arrayContaining(bookkeeping));
    const officialTable = official
      .filter((r) => r.kind === 'history')
      .map((r) => items(r.body.item)['episodes/table'])
      .find(Boolean);
    expect(Object.keys(officialTable).sort()).toEqual(expect.arrayContaining(['_type', 'path', 'sha256', 'size']));
  });

  it('every config, history, summary and table column name in the run is declared in the wandb spec and listed in MAPPINGS.md', () => {
    const names: string[] = [];
    for (const r of records) {
      if (r.kind === 'config' || r.kind === 'summary') names.push(...Object.keys(items(r.body.update)));
      if (r.kind === 'history') names.push(...Object.keys(items(r.body.item)));
    }
    const table = items(records.find((r) => r.kind === 'history')!.body.item)['episodes/table'] as { path: string };
    const columns = (JSON.parse(readFileSync(join(dirname(runFile), 'files', table.path), 'utf8')) as { columns: string[] }).columns;
    expect(columns).toEqual([...EPISODE_COLUMNS]);
    expect(names).toContain('reward/mean');
    expect(undeclaredNames('wandb', new Set([...names, ...columns]))).toEqual([]);
  });
});

describe('wandb sync (official, wandb-core) uploads our offline run', () => {
  let recorder: WandbRecorder;
  let sync: { status: number | null; stdout: string; stderr: string };
  beforeAll(async () => {
    recorder = await startWandbRecorder();
    const child = await import('node:child_process');
    sync = await new Promise((resolve) => {
      // cwd: a temp dir, since the wandb CLI writes its debug logs under ./wandb.
      const p = child.spawn(venvBin(BACKENDS_CACHE, WANDB), ['sync', '--yes', join(runFile, '..')], {
        cwd: dir,
        env: { ...process.env, WANDB_BASE_URL: recorder.url, WANDB_API_KEY: 'k'.repeat(40), WANDB_SILENT: 'true' },
      });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d: Buffer) => (stdout += String(d)));
      p.stderr.on('data', (d: Buffer) => (stderr += String(d)));
      p.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }, 120_000);
  afterAll(async () => recorder?.close());

  it('syncs without error and completes the run with exit code 0', () => {
    expect(sync.status, sync.stdout + sync.stderr).toBe(0);
    expect(recorder.graphql.map((g) => g.operation)).toContain('UpsertBucket');
    expect(recorder.graphql.find((g) => g.operation === 'UpsertBucket')!.variables).toMatchObject({
      name: iterations[0].run_id,
      project: 'clawloop-ci',
    });
    const complete = recorder.fileStream.find((f) => f.body.complete);
    expect(complete?.body.exitcode).toBe(0);
  });

  it('uploads one history row per iteration with our values, the summary, the config and the episodes tables', () => {
    const history = recorder.lines('wandb-history.jsonl').map((l) => JSON.parse(l));
    expect(history.map((h) => h._step)).toEqual([0, 1, 2]);
    history.forEach((row, i) => expect(row['state/combined']).toBe(iterations[i].state_id!.combined_hash.slice(0, 12)));
    const summary = JSON.parse(recorder.lines('wandb-summary.json').at(-1)!);
    expect(summary['clawloop/status']).toBe('completed');
    expect(recorder.uploads.get('config.yaml')?.toString('utf8')).toContain('toolbench');
    const tables = [...recorder.uploads.keys()].filter((k) => k.startsWith('media/table/episodes/'));
    expect(tables).toHaveLength(3);
    const table = JSON.parse(recorder.uploads.get(tables.sort()[0])!.toString('utf8'));
    expect(table.columns).toEqual([...EPISODE_COLUMNS]);
    expect(table.data).toHaveLength(4);
    expect(table.data.map((r: unknown[]) => r[0]).sort()).toEqual(
      episodes
        .filter((e) => e.iteration === 0)
        .map((e) => e.episode.id)
        .sort(),
    );
  });
});
