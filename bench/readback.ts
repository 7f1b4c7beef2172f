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

/** What an MLflow experiment holds, read the same way for our sink and ClawLoop's. */
export interface MlflowContents {
  runs: number;
  /** Metric points per key on the top-level runs (the learning curve): the history length. */
  curve: Record<string, number>;
  /** Per key, the nested runs holding it (each logs a key at one step: its iteration). */
  nested: Record<string, number>;
  /** Files per iteration: per nested run (stored + unchanged pointers), or per `iterations/<n>/` folder of a flat run. */
  filesPerIteration: number[];
  /** Files a run tags as unchanged since an earlier iteration (ours), each pointing to a run that lists the file. */
  pointers: number;
  /** Pointers whose holder does not list the file, and files tagged as stored that the run does not list. */
  missing: number;
}

/**
 * Every run of `experiment`, the history of each top-level run's metrics, and every run's artifact listing
 * (recursive). Our sink records each file in a `clawloop.artifact.<file>` tag (its digest, or where the unchanged
 * bytes are: `runs:/<run id>/<file>`), so a file it skipped is still checked against the run holding it.
 */
export async function mlflowContents(url: string, experiment: string): Promise<MlflowContents> {
  const call = async <T>(path: string, query: Record<string, string> = {}, body?: unknown): Promise<T> => {
    const res = await fetchForReadBack(`${url}${path}?${new URLSearchParams(query).toString()}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { experiment: e } = await call<{ experiment: { experiment_id: string } }>('/api/2.0/mlflow/experiments/get-by-name', {
    experiment_name: experiment,
  });
  type Run = {
    info: { run_id: string };
    data: { metrics?: Array<{ key: string }>; tags?: Array<{ key: string; value: string }> };
  };
  const runs: Run[] = [];
  let token: string | undefined;
  do {
    const page = await call<{ runs?: Run[]; next_page_token?: string }>(
      '/api/2.0/mlflow/runs/search',
      {},
      {
        experiment_ids: [e.experiment_id],
        max_results: 1000,
        ...(token ? { page_token: token } : {}),
      },
    );
    runs.push(...(page.runs ?? []));
    token = page.next_page_token || undefined;
  } while (token);
  const listing = async (runId: string, path = ''): Promise<string[]> => {
    const { files = [] } = await call<{ files?: Array<{ path: string; is_dir: boolean }> }>('/api/2.0/mlflow/artifacts/list', {
      run_id: runId,
      ...(path ? { path } : {}),
    });
    const nested = await Promise.all(files.map((f) => (f.is_dir ? listing(runId, f.path) : Promise.resolve([f.path]))));
    return nested.flat();
  };
  const files = new Map<string, Set<string>>();
  for (const run of runs) files.set(run.info.run_id, new Set(await listing(run.info.run_id)));
  const out: MlflowContents = { runs: runs.length, curve: {}, nested: {}, filesPerIteration: [], pointers: 0, missing: 0 };
  for (const run of runs) {
    const tags = new Map((run.data.tags ?? []).map((t) => [t.key, t.value]));
    const mine = files.get(run.info.run_id)!;
    let pointers = 0;
    for (const [key, value] of tags) {
      if (!key.startsWith('clawloop.artifact.')) continue;
      const file = key.slice('clawloop.artifact.'.length);
      const holder = /unchanged since iteration-\d+: runs:\/([^/\s]+)\//.exec(value)?.[1];
      if (holder) pointers += 1;
      if (!files.get(holder ?? run.info.run_id)?.has(file)) out.missing += 1;
    }
    out.pointers += pointers;
    if (tags.has('mlflow.parentRunId')) {
      for (const { key } of run.data.metrics ?? []) out.nested[key] = (out.nested[key] ?? 0) + 1;
      out.filesPerIteration.push(mine.size + pointers);
      continue;
    }
    for (const { key } of run.data.metrics ?? []) {
      const { metrics = [] } = await call<{ metrics?: Array<{ step: number }> }>('/api/2.0/mlflow/metrics/get-history', {
        run_id: run.info.run_id,
        metric_key: key,
      });
      out.curve[key] = (out.curve[key] ?? 0) + new Set(metrics.map((m) => m.step)).size;
    }
    // A flat run keeps each iteration's files under iterations/<n>/.
    const perFolder = new Map<string, number>();
    for (const f of mine) {
      const folder = /^iterations\/([^/]+)\//.exec(f)?.[1];
      if (folder !== undefined) perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
    }
    out.filesPerIteration.push(...perFolder.values());
  }
  return out;
}
