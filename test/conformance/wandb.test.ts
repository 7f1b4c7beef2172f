/**
 * The wandb sink (offline runs) against the shared conformance suite. Its backend is the offline run directory that
 * `wandb sync` uploads; read back with the official wandb package's protobuf definitions (test/wandb/read_wandb.py):
 * the run record names the run, each history row is a record by step (steps stay in order), and the exit record ends it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { venvBin, WANDB } from '../../scripts/backends/python.js';
import { createWandbSink } from '../../src/transports/wandb/index.js';
import { ROOT } from '../helpers/paths.js';
import { BACKENDS_CACHE, requireInstalled } from '../integration/servers/process.js';
import { describeSinkConformance, type BackendRecord } from './sink-conformance.js';

interface WandbRecord {
  kind: string;
  body: { run_id?: string; step?: { num?: string | number } };
}

function readRun(file: string): WandbRecord[] {
  const python = requireInstalled(venvBin(BACKENDS_CACHE, WANDB, 'python'), 'the official wandb package');
  const r = spawnSync(python, [join(ROOT, 'test', 'wandb', 'read_wandb.py'), file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`read_wandb.py failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as WandbRecord);
}

describeSinkConformance('wandb', {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'wandb-conf-'));
    const sink = createWandbSink({ mode: 'offline', dir, project: 'conformance', env: {} });
    return {
      sink,
      async readBack() {
        const runs = join(dir, 'wandb');
        if (!existsSync(runs)) return [];
        const files = readdirSync(runs).flatMap((run) =>
          readdirSync(join(runs, run))
            .filter((f) => f.endsWith('.wandb'))
            .map((f) => join(runs, run, f)),
        );
        return files.flatMap((file) => {
          const records = readRun(file);
          const runId = records.find((r) => r.kind === 'run')?.body.run_id ?? '(no run record)';
          return records.flatMap((r): BackendRecord[] => {
            if (r.kind === 'run') return [{ id: `run/${runId}`, runId }];
            if (r.kind === 'exit') return [{ id: `exit/${runId}`, runId }];
            if (r.kind !== 'history') return [];
            const step = Number(r.body.step?.num ?? 0);
            return [{ id: `history/${step}`, runId, order: step }];
          });
        });
      },
    };
  },
});
