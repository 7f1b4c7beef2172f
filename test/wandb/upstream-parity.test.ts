/**
 * Parity with ClawLoop's own WandbSink on a real run: test/fixtures/clawloop/normal is one learning_loop with both the
 * bridge and WandbSink attached (regenerate.sh); upstream-wandb.json is WandbSink's offline run as the official wandb
 * package reads it. The bridge's events replayed into our wandb sink, read back with the same package, give every key
 * WandbSink logs the same value at every step, and the same episodes table rows.
 *
 * The one known difference: playbook/mean_score and playbook/max_score decay each entry's score to an instant.
 * WandbSink uses the moment it logs (time.time()); we use the iteration's timestamp, so a replay days later gives the
 * same numbers. The two instants are milliseconds apart in a live run: the values differ in the ninth digit
 * (relative 1e-8 here), so they are compared to a relative 1e-6.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { venvBin, WANDB } from '../../scripts/backends/python.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'clawloop', 'normal');
const DECAY_INSTANT = new Set(['playbook/mean_score', 'playbook/max_score']);

interface Table {
  columns: string[];
  data: unknown[][];
}
type Row = Record<string, unknown>;

let ours: Map<number, Row>;
let ourSummary: Row;
let runDir: string;
const upstream = JSON.parse(readFileSync(join(FIXTURE, 'upstream-wandb.json'), 'utf8')) as { history: Record<string, Row>; summary: Row };

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'wandb-parity-'));
  const replay = runCli(['replay', join(FIXTURE, 'events.ndjson'), '--sink', 'wandb', '--quiet'], {
    WANDB_DIR: dir,
    WANDB_MODE: 'offline',
    WANDB_API_KEY: '',
  });
  if (replay.code !== 0) throw new Error(replay.stderr);
  const runs = join(dir, 'wandb');
  runDir = join(
    runs,
    readdirSync(runs).find((d) => d.startsWith('offline-run-'))!,
  );
  const file = join(
    runDir,
    readdirSync(runDir).find((f) => f.endsWith('.wandb'))!,
  );
  const python = requireInstalled(venvBin(BACKENDS_CACHE, WANDB, 'python'), 'the official wandb package');
  const read = spawnSync(python, [join(ROOT, 'test', 'wandb', 'read_wandb.py'), file], { encoding: 'utf8', timeout: 120_000 });
  if (read.status !== 0) throw new Error(read.stderr);
  ours = new Map();
  ourSummary = {};
  type Item = { key?: string; nested_key?: string[]; value_json: string };
  for (const line of read.stdout.trim().split('\n')) {
    const record = JSON.parse(line) as { kind: string; body: { step?: { num?: string }; item?: Item[]; update?: Item[] } };
    if (record.kind === 'summary')
      for (const item of record.body.update ?? []) ourSummary[item.key ?? (item.nested_key ?? []).join('/')] = JSON.parse(item.value_json);
    if (record.kind !== 'history') continue;
    const row: Row = {};
    for (const item of record.body.item ?? []) row[item.key ?? (item.nested_key ?? []).join('/')] = JSON.parse(item.value_json);
    ours.set(Number(row._step ?? record.body.step?.num ?? 0), row);
  }
}, 180_000);

function tableOf(row: Row): Table {
  const ref = row['episodes/table'] as { path: string } | Table;
  return 'columns' in ref ? ref : (JSON.parse(readFileSync(join(runDir, 'files', ref.path), 'utf8')) as Table);
}

describe("W&B from the bridge's events equals ClawLoop's WandbSink on the same run", () => {
  it('at every step, every key WandbSink logs has the same value', () => {
    const steps = Object.keys(upstream.history).map(Number);
    expect(steps).toEqual([0, 1, 2]);
    expect([...ours.keys()].sort()).toEqual(steps);
    let compared = 0;
    for (const step of steps) {
      const theirs = upstream.history[String(step)];
      const mine = ours.get(step)!;
      for (const [key, value] of Object.entries(theirs)) {
        if (key === 'episodes/table') continue;
        expect(mine, `step ${step}`).toHaveProperty([key]);
        if (DECAY_INSTANT.has(key) && typeof value === 'number' && value !== 0) {
          expect(Math.abs((mine[key] as number) - value) / Math.abs(value), `step ${step} ${key}`).toBeLessThan(1e-6);
        } else {
          expect(mine[key], `step ${step} ${key}`).toEqual(value);
        }
        compared += 1;
      }
    }
    // The run exercises what can differ: rewards of every signal kind and a playbook with non-zero decayed scores.
    expect(compared).toBeGreaterThan(50);
    expect(Object.values(upstream.history).some((row) => row['playbook/mean_score'] !== 0)).toBe(true);
    expect(Object.keys(upstream.history['0']).filter((k) => /^reward\/\w+_mean$/.test(k)).length).toBeGreaterThanOrEqual(3);
  });

  it('the episodes table of each step has the same rows in the columns WandbSink writes', () => {
    for (const [step, theirs] of Object.entries(upstream.history)) {
      const upstreamTable = theirs['episodes/table'] as Table;
      const mine = tableOf(ours.get(Number(step))!);
      const project = (t: Table) =>
        t.data.map((row) => Object.fromEntries(upstreamTable.columns.map((c) => [c, row[t.columns.indexOf(c)]])));
      const byId = (rows: Row[]) => [...rows].sort((a, b) => String(a.episode_id).localeCompare(String(b.episode_id)));
      expect(
        upstreamTable.columns.every((c) => mine.columns.includes(c)),
        `columns of step ${step}`,
      ).toBe(true);
      expect(byId(project(mine)), `table of step ${step}`).toEqual(byId(project(upstreamTable)));
    }
  });

  it('the summary holds the last value of every key WandbSink logs, as W&B keeps it', () => {
    const keys = Object.keys(upstream.summary).filter((key) => !DECAY_INSTANT.has(key));
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(ourSummary[key], key).toEqual(upstream.summary[key]);
  });
});
