/**
 * Completeness read back from each backend after a delivery, the same way for our sinks and ClawLoop's exporters:
 * what the backend stores, not what the sender says it sent.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { venvBin, WANDB } from '../scripts/backends/python.js';
import { BACKENDS_CACHE, fetchForReadBack } from '../test/integration/servers/process.js';

/**
 * Episodes whose root span Jaeger stores for `service`: both senders name an episode's root span `episode:<id>`, and
 * Jaeger lists a service's distinct operation names, so this counts episodes without downloading every span.
 */
export async function jaegerEpisodes(query: string, service: string): Promise<number> {
  const res = await fetchForReadBack(`${query}/api/services/${encodeURIComponent(service)}/operations`);
  if (!res.ok) return 0;
  const body = (await res.json()) as { data: Array<string | { name: string }> | null };
  return (body.data ?? []).filter((op) => (typeof op === 'string' ? op : op.name).startsWith('episode:')).length;
}

/** Traces and spans Phoenix stores for `project` (its GraphQL counts; 0 when the project does not exist). */
export async function phoenixCounts(url: string, project: string): Promise<{ traces: number; spans: number }> {
  const res = await fetchForReadBack(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ projects(first: 1000) { edges { node { name traceCount recordCount } } } }' }),
  });
  const body = (await res.json()) as {
    data?: { projects: { edges: Array<{ node: { name: string; traceCount: number; recordCount: number } }> } };
  };
  const node = body.data?.projects.edges.find((e) => e.node.name === project)?.node;
  return { traces: node?.traceCount ?? 0, spans: node?.recordCount ?? 0 };
}

/** Polls `count` until it reaches `expected` or stops growing for `quietMs`; returns the last count. */
export async function settle(count: () => Promise<number>, expected: number, quietMs = 10_000): Promise<number> {
  let last = -1;
  let changed = Date.now();
  for (;;) {
    const now = await count();
    if (now >= expected) return now;
    if (now !== last) [last, changed] = [now, Date.now()];
    else if (Date.now() - changed > quietMs) return now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * History steps and episode-table rows of an offline W&B run, read with the official wandb package
 * (test/wandb/read_wandb.py): every iteration should be a step, every episode a table row.
 */
export function wandbCompleteness(wandbDir: string): { steps: number; tableRows: number } {
  const runs = join(wandbDir, 'wandb');
  const run = join(
    runs,
    readdirSync(runs).find((d) => d.startsWith('offline-run-'))!,
  );
  const file = join(
    run,
    readdirSync(run).find((f) => f.endsWith('.wandb'))!,
  );
  const read = spawnSync(venvBin(BACKENDS_CACHE, WANDB, 'python'), [join('test', 'wandb', 'read_wandb.py'), file], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (read.status !== 0) throw new Error(`reading ${file}: ${read.stderr.slice(-2000)}`);
  const steps = new Set<number>();
  let tableRows = 0;
  type Item = { key?: string; nested_key?: string[]; value_json: string };
  for (const line of read.stdout.trim().split('\n')) {
    const record = JSON.parse(line) as { kind: string; body: { step?: { num?: string }; item?: Item[] } };
    if (record.kind !== 'history') continue;
    const items = new Map((record.body.item ?? []).map((i) => [i.key ?? (i.nested_key ?? []).join('/'), JSON.parse(i.value_json)]));
    steps.add(Number(items.get('_step') ?? record.body.step?.num ?? 0));
    const table = items.get('episodes/table') as { nrows?: number } | undefined;
    tableRows += Number(items.get('episodes/table/nrows') ?? table?.nrows ?? 0);
  }
  return { steps: steps.size, tableRows };
}
