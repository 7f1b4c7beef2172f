/**
 * clawloop-sinks/mlflow: a parent run per ClawLoop run and a nested run per iteration; reward signals, playbook and
 * layer metrics at step = iteration on both; state hashes as tags; each iteration's playbook snapshot, layer results,
 * episodes and evolution step as JSON artifacts of its own run (unchanged files point to the run that holds them);
 * episodes as traces with reward assessments. MLflow's REST API, no Python needed. Independent runs are written side
 * by side; replaying a run again finds its runs by tag and sends only what the server lacks.
 */
import { createMlflowAdapter, type MlflowEpisode, type MlflowMapped, type MlflowTransport } from '../../../generated/mlflow/adapter.gen.js';
import type { SendOptions } from '../../core/adapter-sink.js';
import { awaitedLater } from '../../core/awaited-later.js';
import { fieldEntries, type Fields } from '../../core/mapping-runtime.js';
import type { Sink } from '../../core/sink.js';
import { artifactTagKey, ArtifactLedger, contentHash, storedFiles, type StoredFile } from './artifacts.js';
import { planBatches, sanitizeKey } from './batch.js';
import { MlflowClient, type KeyValue, type Metric, type RunData } from './client.js';
import { resolveMlflowConfig, type MlflowOptions } from './config.js';
import { ParentCurve } from './parent-curve.js';
import { settleAll } from './settle.js';
import { RunRegistry, toMs, type RunState } from './runs.js';
import { MlflowTraces } from './traces.js';

export { MlflowClient, MlflowError } from './client.js';
export { planBatches, sanitizeKey, LIMITS } from './batch.js';
export { MlflowTraces } from './traces.js';
export { TAG } from './runs.js';
export { artifactTagKey } from './artifacts.js';

export interface MlflowSinkOptions extends MlflowOptions {
  /** Sink name in counters and warnings. @default 'mlflow' */
  name?: string;
}

function metrics(fields: Fields, timestamp: number, step: number): Metric[] {
  return fieldEntries(fields)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .map(([key, value]) => ({ key: sanitizeKey(key), value, timestamp, step }));
}

function keyValues(fields: Fields): KeyValue[] {
  return fieldEntries(fields).map(([key, value]) => ({
    key: sanitizeKey(key),
    value: Array.isArray(value) ? JSON.stringify(value) : String(value),
  }));
}

/** Tags the run does not hold yet with this value. */
const newTags = (run: RunData, tags: readonly KeyValue[]) =>
  tags.filter((t) => !run.data.tags?.some((h) => h.key === t.key && h.value === t.value));
/** Points the run does not hold yet (its latest value per key, as runs/search returns it). */
const newPoints = (run: RunData, points: readonly Metric[]) =>
  points.filter((p) => !run.data.metrics?.some((h) => h.key === p.key && h.step === p.step && h.value === p.value));

/** Records what a successful log-batch stored, so a re-sent batch finds it done. */
function remember(run: RunData, batch: { metrics?: Metric[]; tags?: KeyValue[] }): void {
  const tags = (run.data.tags ??= []);
  for (const t of batch.tags ?? []) {
    const i = tags.findIndex((h) => h.key === t.key);
    if (i >= 0) tags[i] = t;
    else tags.push(t);
  }
  const latest = (run.data.metrics ??= []);
  for (const m of batch.metrics ?? []) {
    const i = latest.findIndex((h) => h.key === m.key);
    if (i < 0) latest.push(m);
    else if (m.step >= latest[i].step) latest[i] = m;
  }
}

/** What one iteration run receives from one event (its iteration event, or an evolution entry). */
interface IterationWrite {
  points: Metric[];
  tags: KeyValue[];
  files: Record<string, string>;
  endTime: number;
}

export class MlflowTransportImpl implements MlflowTransport {
  private traces?: Promise<MlflowTraces>;
  private readonly registry: RunRegistry;
  private readonly curve: ParentCurve;
  private readonly ledgers = new WeakMap<RunState, { ledger: ArtifactLedger; planning: Promise<unknown> }>();
  /**
   * Files of a run uploaded by a write that failed elsewhere (another upload, the log-batch), until the run's tags
   * record them: the retried write sends only the rest. Without it every attempt sent all of an iteration's files
   * again and succeeded only if all of them did, which under a steady share of failed requests was never.
   */
  private readonly uploaded = new WeakMap<RunData, Set<string>>();

  constructor(
    readonly client: MlflowClient,
    private readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.registry = new RunRegistry(client);
    this.curve = new ParentCurve(client, client.config.lingerMs);
  }

  private async log(
    client: MlflowClient,
    run: RunData,
    batch: { metrics?: Metric[]; params?: KeyValue[]; tags?: KeyValue[] },
  ): Promise<void> {
    await settleAll(
      planBatches(batch.metrics ?? [], batch.params ?? [], batch.tags ?? []).map((request) => client.logBatch(run.info.run_id, request)),
    );
    remember(run, batch);
  }

  private async run(runId: string, startedAt?: number, bench?: string): Promise<RunState> {
    const state = await this.registry.run(runId, startedAt, bench);
    if (!this.ledgers.has(state)) {
      this.ledgers.set(state, { ledger: new ArtifactLedger(), planning: Promise.resolve() });
      // Iteration runs a killed process left RUNNING hold their points; copy them to the parent and finish them.
      for (const child of state.children.values()) {
        if (child.info.status !== 'RUNNING') continue;
        const points = child.data.metrics ?? [];
        this.curve.add(state.parent.info.run_id, points, {
          run: child,
          endTime: Math.max(child.info.start_time ?? 0, ...points.map((p) => p.timestamp)),
        });
      }
    }
    return state;
  }

  /** Runs `work` after earlier work on the same iteration run (an evolution entry after its iteration). */
  private queue(state: RunState, iteration: number, work: () => Promise<void>): Promise<void> {
    const job = (state.jobs.get(iteration) ?? Promise.resolve()).catch(() => {}).then(work);
    state.jobs.set(iteration, job);
    const forget = () => {
      if (state.jobs.get(iteration) === job) state.jobs.delete(iteration);
    };
    job.then(forget, forget);
    return job;
  }

  /** The nearest earlier iteration run that records `file` (for a process starting in the middle of a run). */
  private earlier(state: RunState, iteration: number): (file: string) => StoredFile | undefined {
    return (file) => {
      let best: { iteration: number; stored: StoredFile } | undefined;
      for (const [i, run] of state.children) {
        if (i >= iteration || (best && i <= best.iteration)) continue;
        const stored = storedFiles(run, i).get(file);
        if (stored) best = { iteration: i, stored };
      }
      return best?.stored;
    };
  }

  /**
   * Writes one event's share of an iteration run: creates the run if needed, decides (in iteration order) which files
   * changed, uploads those side by side, then logs metrics and tags in one request and queues the parent's copy of
   * the points. Sends only what the run does not hold yet.
   */
  private writeIteration(
    client: MlflowClient,
    state: RunState,
    iteration: number,
    startedAt: number,
    write: IterationWrite,
    createTags: KeyValue[],
  ): Promise<void> {
    // The run's creation is shared and already marked handled by the registry. The plan is awaited behind earlier
    // iterations' jobs: an error answer meanwhile fails this write only.
    const child = this.registry.child(client, state, iteration, startedAt, createTags);
    const book = this.ledgers.get(state)!;
    const planned = awaitedLater(
      book.planning
        .catch(() => {})
        .then(async () => {
          const run = await child;
          return { run, plan: book.ledger.plan(iteration, run, write.files, this.earlier(state, iteration)) };
        }),
    );
    book.planning = planned;
    return this.queue(state, iteration, async () => {
      const { run, plan } = await planned;
      const tags = newTags(run, [...createTags, ...write.tags, ...plan.tags]);
      const points = newPoints(run, write.points);
      if (plan.upload.length === 0 && tags.length === 0 && points.length === 0 && run.info.status === 'FINISHED') return;
      const uploaded = this.uploaded.get(run) ?? new Set<string>();
      this.uploaded.set(run, uploaded);
      await settleAll(
        plan.upload
          .map(({ file, content }) => ({ file, content, key: `${file}\u0000${contentHash(content)}` }))
          .filter(({ key }) => !uploaded.has(key))
          .map(({ file, content, key }) => client.putArtifact(run.info, file, content).then(() => uploaded.add(key))),
      );
      if (tags.length > 0 || points.length > 0) await this.log(client, run, { metrics: points, tags });
      // The run's tags now say which files it holds.
      this.uploaded.delete(run);
      this.curve.add(state.parent.info.run_id, write.points, { run, endTime: write.endTime });
    });
  }

  private async runStarted(client: MlflowClient, m: Extract<MlflowMapped, { type: 'run.started' }>): Promise<void> {
    const state = await this.run(m.event.run_id, m.event.started_at, m.event.bench);
    const { parent } = state;
    // Params are immutable in MLflow: log only keys the run does not have yet.
    const params = keyValues(m.params).filter((p) => !state.params.has(p.key));
    const files = fieldEntries(m.artifacts).map(([file, content]) => ({ file, content: String(content) }));
    const tags = newTags(parent, [...keyValues(m.tags), ...(await this.parentArtifacts(client, parent, files))]);
    if (params.length > 0 || tags.length > 0) await this.log(client, parent, { params, tags });
    for (const p of params) state.params.set(p.key, p.value);
  }

  /** Uploads the parent's files that changed; returns their tags (to log after the uploads). */
  private async parentArtifacts(
    client: MlflowClient,
    parent: RunData,
    files: ReadonlyArray<{ file: string; content: string }>,
  ): Promise<KeyValue[]> {
    const stored = storedFiles(parent, -1);
    const changed = files.filter(({ file, content }) => stored.get(file)?.hash !== contentHash(content));
    await settleAll(changed.map(({ file, content }) => client.putArtifact(parent.info, file, content)));
    return changed.map(({ file, content }) => ({ key: artifactTagKey(file), value: `sha256:${contentHash(content)}` }));
  }

  private async runFinished(client: MlflowClient, m: Extract<MlflowMapped, { type: 'run.finished' }>): Promise<void> {
    const state = await this.run(m.event.run_id);
    const { parent } = state;
    // Everything of every iteration first: the parent is finished last.
    await settleAll([...state.jobs.values()]);
    const end = typeof m['run.end'].end_time === 'number' ? m['run.end'].end_time : toMs(m.event.finished_at);
    // The parent keeps the final playbook (each iteration run holds its own snapshot).
    const files = state.lastPlaybook !== undefined ? [{ file: 'playbook.json', content: state.lastPlaybook }] : [];
    const tags = newTags(parent, [...keyValues(m.tags), ...(await this.parentArtifacts(client, parent, files))]);
    // Final metrics and tags ride with the last points of the learning curve.
    this.curve.add(parent.info.run_id, newPoints(parent, metrics(m.metrics, end, 0)), undefined, tags);
    await this.curve.flush(client);
    remember(parent, { tags });
    const status = m.event.status === 'failed' ? 'FAILED' : 'FINISHED';
    if (parent.info.status !== status) {
      await client.updateRun(parent.info.run_id, status, end);
      parent.info.status = status;
    }
  }

  async send(batch: readonly MlflowMapped[], options?: SendOptions): Promise<void> {
    // Every request of this call ends when the hub gives up on it (time limit, close), so a retry never overlaps it.
    const client = this.client.withSignal(options?.signal);
    // A parent flush that failed on its timer fails this batch, so the hub retries (the points are still queued).
    this.curve.throwFailure();
    this.curve.begin();
    try {
      await this.sendBatch(client, batch);
    } finally {
      this.curve.end();
    }
  }

  private async sendBatch(client: MlflowClient, batch: readonly MlflowMapped[]): Promise<void> {
    const jobs: Promise<void>[] = [];
    const episodes: MlflowEpisode[] = [];
    // One write per iteration run and batch: an iteration and its evolution entry share one log-batch.
    type Write = { startedAt: number; write: IterationWrite; createTags: KeyValue[]; stored: Array<() => void> };
    const writes = new Map<RunState, Map<number, Write>>();
    const writeFor = (state: RunState, iteration: number, startedAt: number): Write => {
      const byIteration = writes.get(state) ?? new Map<number, Write>();
      writes.set(state, byIteration);
      const existing = byIteration.get(iteration);
      if (existing) return existing;
      const created: Write = { startedAt, write: { points: [], tags: [], files: {}, endTime: 0 }, createTags: [], stored: [] };
      byIteration.set(iteration, created);
      return created;
    };
    const startWrites = () => {
      for (const [state, byIteration] of writes) {
        for (const [iteration, w] of byIteration) {
          const job = this.writeIteration(client, state, iteration, w.startedAt, w.write, w.createTags);
          job.then(
            () => w.stored.forEach((f) => f()),
            () => {},
          );
          jobs.push(job);
        }
      }
      writes.clear();
    };
    for (const m of batch) {
      switch (m.type) {
        case 'run.started':
          await this.runStarted(client, m);
          break;
        case 'episode': {
          const state = await this.run(m.event.run_id, undefined, m.event.episode.bench);
          const rows = state.episodes.get(m.event.iteration) ?? new Map<string, unknown>();
          rows.set(m.event.episode.id, m['episode.summary']);
          state.episodes.set(m.event.iteration, rows);
          episodes.push(m);
          break;
        }
        case 'iteration': {
          const { event } = m;
          const state = await this.run(event.run_id);
          const at = toMs(event.timestamp);
          const w = writeFor(state, event.iteration, state.lastIterationAt ?? event.timestamp);
          state.lastIterationAt = event.timestamp;
          for (const [file, content] of fieldEntries(m.artifacts)) w.write.files[file] = String(content);
          const rows = state.episodes.get(event.iteration);
          if (rows) {
            w.write.files['episodes.json'] = JSON.stringify([...rows.values()]);
            // Kept until their artifact is stored (a re-sent batch may not carry the episodes again).
            w.stored.push(() => state.episodes.get(event.iteration) === rows && state.episodes.delete(event.iteration));
          }
          if (w.write.files['playbook.json'] !== undefined) state.lastPlaybook = w.write.files['playbook.json'];
          w.write.points.push(...metrics(m.metrics, at, event.iteration));
          w.createTags.push(...keyValues(m.tags));
          w.write.endTime = Math.max(w.write.endTime, at);
          break;
        }
        case 'evolution': {
          const { event } = m;
          const state = await this.run(event.run_id);
          const at = toMs(event.timestamp);
          const { type: _type, ...entry } = event;
          const w = writeFor(state, event.iteration, event.timestamp);
          w.write.files['evolution.json'] = JSON.stringify(entry);
          w.write.points.push(...metrics(m.metrics, at, event.iteration));
          w.write.tags.push(...keyValues(m.tags));
          w.write.endTime = Math.max(w.write.endTime, at);
          break;
        }
        case 'run.finished':
          startWrites();
          await settleAll(jobs);
          jobs.length = 0;
          await this.runFinished(client, m);
          break;
      }
    }
    startWrites();
    if (episodes.length > 0 && this.client.config.traces) jobs.push(this.sendTraces(client, episodes));
    await settleAll(jobs);
    if (this.client.config.lingerMs === 0) await this.curve.flush(client);
    else await this.curve.flushFull(client);
  }

  private async sendTraces(client: MlflowClient, episodes: readonly MlflowEpisode[]): Promise<void> {
    if (!this.traces) {
      const created = this.registry.experimentId().then((id) => MlflowTraces.create(this.client, id, this.name, this.env));
      this.traces = created;
      created.catch(() => {
        if (this.traces === created) this.traces = undefined;
      });
    }
    await (await this.traces).send(client, episodes, this.name);
  }

  async flush(): Promise<void> {
    await this.curve.flush();
    if (this.traces) await (await this.traces).flush();
  }

  async close(): Promise<void> {
    try {
      await this.curve.flush();
    } finally {
      this.curve.close();
      if (this.traces) await (await this.traces).close();
    }
  }
}

export function createMlflowSink(options: MlflowSinkOptions = {}): Sink & { readonly transport: MlflowTransportImpl } {
  const name = options.name ?? 'mlflow';
  const transport = new MlflowTransportImpl(new MlflowClient(resolveMlflowConfig(options)), name, options.env ?? process.env);
  return Object.assign(createMlflowAdapter(transport, { name }), { transport });
}
