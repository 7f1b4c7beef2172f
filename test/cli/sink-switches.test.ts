/**
 * Per-sink switches for the expensive parts, through the real CLI: --no-wandb-tables writes no episodes tables,
 * --no-phoenix-annotations sends spans but no annotation request. (MLflow's switches are tested against a real
 * MLflow in test/integration/mlflow.test.ts.)
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const RUN = join(ROOT, 'examples', 'data', 'toolbench-run');
const quiet = { WANDB_API_KEY: '', WANDB_MODE: 'offline' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('sink switches', () => {
  it('lists the switches in --help, named after what they send', () => {
    const { stdout } = runCli(['replay', '--help']);
    for (const flag of ['--no-mlflow-traces', '--no-mlflow-assessments', '--no-phoenix-annotations', '--no-wandb-tables'])
      expect(stdout).toContain(flag);
  });

  it('--no-wandb-tables: the offline run has its history but no episodes table', () => {
    const withTables = mkdtempSync(join(tmpdir(), 'clawloop-switch-wandb-'));
    const without = mkdtempSync(join(tmpdir(), 'clawloop-switch-wandb-'));
    const a = runCli(['replay', RUN, '--sink', 'wandb', '-q'], { ...quiet, WANDB_DIR: withTables });
    const b = runCli(['replay', RUN, '--sink', 'wandb', '-q', '--no-wandb-tables'], { ...quiet, WANDB_DIR: without });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(filesUnder(withTables).filter((f) => f.endsWith('.table.json')).length).toBeGreaterThan(0);
    expect(filesUnder(without).filter((f) => f.endsWith('.table.json'))).toEqual([]);
    expect(filesUnder(without).filter((f) => f.endsWith('.wandb'))).toHaveLength(1);
  });

  describe('--no-phoenix-annotations', () => {
    let server: Server;
    let url: string;
    const paths: string[] = [];
    beforeAll(async () => {
      // A loopback stand-in that accepts what Phoenix accepts and records which endpoint each request hit.
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          paths.push(new URL(req.url ?? '/', 'http://x').pathname);
          res
            .writeHead(200, { 'content-type': req.url?.startsWith('/v1/traces') ? 'application/x-protobuf' : 'application/json' })
            .end(req.url?.startsWith('/v1/traces') ? '' : '{"data":[]}');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('sends spans and no annotation request; without the switch both are sent', async () => {
      const off = await runCliAsync(['replay', RUN, '--sink', 'phoenix', '-q', '--no-phoenix-annotations'], {
        PHOENIX_COLLECTOR_ENDPOINT: url,
      });
      expect(off.code, off.stderr).toBe(0);
      expect(paths.filter((p) => p === '/v1/traces').length).toBeGreaterThan(0);
      expect(paths.filter((p) => p === '/v1/span_annotations')).toEqual([]);
      paths.length = 0;
      const on = await runCliAsync(['replay', RUN, '--sink', 'phoenix', '-q'], { PHOENIX_COLLECTOR_ENDPOINT: url });
      expect(on.code, on.stderr).toBe(0);
      expect(paths.filter((p) => p === '/v1/span_annotations').length).toBeGreaterThan(0);
    });
  });
});
