/**
 * What each kind of request costs an MLflow tracking server: a fresh server (the bench's: sqlite store, proxied
 * artifacts, one worker), each kind sent one at a time, the server's CPU seconds per request (its process tree) and
 * the wall time per request. The anchors bench's MLflow row is bounded by this: the server works one request at a
 * time, so a sink's request mix times these costs is about the least time any sender can take.
 *
 *   pnpm exec tsx bench/mlflow-request-cost.ts [--n 100]
 */
import { parseArgs } from 'node:util';
import { startMlflow } from '../test/integration/servers/mlflow.js';
import { processTreeCpuSeconds } from './process-cpu.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100' } } });
const n = Number(values.n);
const server = await startMlflow();
const call = async (method: string, path: string, body: string) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text;
};
const post = async (path: string, body: unknown) => JSON.parse(await call('POST', `/api/2.0/mlflow/${path}`, JSON.stringify(body)));
try {
  const { experiment_id } = await post('experiments/create', { name: 'request-cost' });
  const rows: string[] = ['| request | server CPU ms | wall ms |', '|---|---|---|'];
  const measure = async (what: string, send: (i: number) => Promise<unknown>, times = n) => {
    const cpu = processTreeCpuSeconds(server.child.pid!);
    const started = performance.now();
    for (let i = 0; i < times; i += 1) await send(i);
    const perCpu = ((processTreeCpuSeconds(server.child.pid!) - cpu) / times) * 1000;
    rows.push(`| ${what} (${times}×) | ${perCpu.toFixed(1)} | ${((performance.now() - started) / times).toFixed(1)} |`);
  };
  const runs: string[] = [];
  const tags = Array.from({ length: 8 }, (_, k) => ({ key: `clawloop.tag${k}`, value: 'x'.repeat(40) }));
  const metrics = (step: number, count: number) =>
    Array.from({ length: count }, (_, k) => ({ key: `m${k}`, value: k, timestamp: Date.now(), step }));
  await measure('runs/create, 8 tags', async () => {
    runs.push((await post('runs/create', { experiment_id, start_time: Date.now(), tags })).run.info.run_id);
  });
  await measure('runs/create, no tags', () => post('runs/create', { experiment_id, start_time: Date.now() }));
  await measure('runs/log-batch, 28 metrics + 8 tags', (i) => post('runs/log-batch', { run_id: runs[i], metrics: metrics(0, 28), tags }));
  await measure('runs/log-batch, 8 metrics', (i) => post('runs/log-batch', { run_id: runs[i], metrics: metrics(1, 8) }));
  // A learning-curve batch: 1000 points over 36 keys (the parent run's, ⌈n/1000⌉ of them per replay).
  const curve = (i: number) =>
    Array.from({ length: 1000 }, (_, k) => ({ key: `curve${k % 36}`, value: k, timestamp: Date.now(), step: i * 28 + Math.floor(k / 36) }));
  await measure('runs/log-batch, 1000 metrics over 36 keys', (i) => post('runs/log-batch', { run_id: runs[0], metrics: curve(i) }), 10);
  await measure('runs/update FINISHED', (i) => post('runs/update', { run_id: runs[i], status: 'FINISHED', end_time: Date.now() }));
  const file = JSON.stringify(Array.from({ length: 50 }, (_, k) => ({ episode: k, text: 'y'.repeat(200) })));
  await measure(`artifact PUT, ${(file.length / 1000).toFixed(0)} KB`, (i) =>
    call('PUT', `/api/2.0/mlflow-artifacts/artifacts/${experiment_id}/${runs[i]}/artifacts/episodes.json`, file),
  );
  await measure('artifact PUT, 7 bytes', (i) =>
    call('PUT', `/api/2.0/mlflow-artifacts/artifacts/${experiment_id}/${runs[i]}/artifacts/small.json`, '{"a":1}'),
  );
  await measure('GET /health', () => fetch(`${server.url}/health`).then((r) => r.text()));
  process.stdout.write(`One at a time:\n\n${rows.join('\n')}\n`);
} finally {
  await server.stop();
}
