/**
 * clawloop-sinks/mlflow: a parent run per ClawLoop run and a nested run per iteration; reward signals, playbook and
 * layer metrics at step = iteration on both; state hashes as tags; playbook snapshots, layer results and evolution
 * steps as JSON artifacts; episodes as traces with reward assessments. MLflow's REST API, no Python needed.
 * Replaying a run again finds its runs by tag and adds nothing twice.
 */
import { createMlflowAdapter, type MlflowMapped, type MlflowTransport } from '../../../generated/mlflow/adapter.gen.js';
import { MLFLOW_TARGETS, type MlflowFields, type MlflowKeys } from '../../../generated/mlflow/mapping.gen.js';
import type { EpisodeEvent } from '../../../generated/types.gen.js';
import { fieldEntries, type Fields } from '../../core/mapping-runtime.js';
import type { Sink } from '../../core/sink.js';
import { planBatches, sanitizeKey } from './batch.js';
import { MlflowClient, type KeyValue, type Metric, type RunData } from './client.js';
import { resolveMlflowConfig, type MlflowOptions } from './config.js';
import { MlflowTraces } from './traces.js';

export { MlflowClient, MlflowError } from './client.js';
export { planBatches, sanitizeKey, LIMITS } from './batch.js';
export { MlflowTraces } from './traces.js';

export interface MlflowSinkOptions extends MlflowOptions {
  /** Sink name in counters and warnings. @default 'mlflow' */
  name?: string;
}

/** Tags the transport sets to find its runs again (declared in the spec's run.tags and iteration.tags targets). */
export const TAG = {
  runId: 'clawloop.run_id',
  role: 'clawloop.role',
  iteration: 'clawloop.iteration',
  parent: 'mlflow.parentRunId',
} as const satisfies Record<string, MlflowKeys['iteration.tags']>;

/** The values of `clawloop.role` that tell a parent run from an iteration run. */
const ROLE = { run: MLFLOW_TARGETS['run.tags'].constants['clawloop.role'], iteration: MLFLOW_TARGETS['iteration.tags'].constants['clawloop.role'] };

const toMs = (seconds: number) => Math.round(seconds * 1000);

function metrics(fields: Fields, timestamp: number, step: number): Metric[] {
  return fieldEntries(fields)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .map(([key, value]) => ({ key: sanitizeKey(key), value, timestamp, step }));
}

function keyValues(fields: Fields): KeyValue[] {
  return fieldEntries(fields).map(([key, value]) => ({ key: sanitizeKey(key), value: Array.isArray(value) ? JSON.stringify(value) : String(value) }));
}

interface RunState {
  parent: RunData;
  children: Map<number, RunData>;
  params: Map<string, string>;
  lastIterationAt?: number;
  /** Episode summaries (by episode id, so a retried batch does not add a row twice) of iterations still open. */
  episodes: Map<number, Map<string, MlflowFields<'episode.summary'>>>;
}

export class MlflowTransportImpl implements MlflowTransport {
  private experiment?: Promise<string>;
  private traces?: Promise<MlflowTraces>;
  private readonly runs = new Map<string, RunState>();

  constructor(
    readonly client: MlflowClient,
    private readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private experimentId(): Promise<string> {
    const { experimentId, experimentName } = this.client.config;
    this.experiment ??= experimentId ? Promise.resolve(experimentId) : this.client.experimentId(experimentName);
    // A failed lookup is retried with the next batch, not cached.
    this.experiment.catch(() => (this.experiment = undefined));
    return this.experiment;
  }

  /** Finds the run's parent (and its iteration runs) by tag, or creates it. */
  private async run(runId: string, startedAt: number | undefined, bench: string | undefined): Promise<RunState> {
    const known = this.runs.get(runId);
    if (known) return known;
    const experimentId = await this.experimentId();
    const filter = (role: string) => `tags.\`${TAG.runId}\` = '${runId.replace(/'/g, "\\'")}' and tags.\`${TAG.role}\` = '${role}'`;
    const [parent] = await this.client.searchRuns(experimentId, filter(ROLE.run));
    const state: RunState = {
      parent:
        parent ??
        (await this.client.createRun(
          experimentId,
          `clawloop${bench ? `-${bench}` : ''}-${runId.slice(0, 8)}`,
          toMs(startedAt ?? Date.now() / 1000),
          keyValues({ ...MLFLOW_TARGETS['run.tags'].constants, [TAG.runId]: runId } satisfies MlflowFields<'run.tags'>),
        )),
      children: new Map(),
      params: new Map(),
      episodes: new Map(),
    };
    if (parent) {
      for (const p of (await this.client.getRun(parent.info.run_id)).data.params ?? []) state.params.set(p.key, p.value);
      for (const child of await this.client.searchRuns(experimentId, filter(ROLE.iteration))) {
        const tag = child.data.tags?.find((t) => t.key === TAG.iteration);
        if (tag) state.children.set(Number(tag.value), child);
      }
    }
    this.runs.set(runId, state);
    return state;
  }

  private async child(runId: string, state: RunState, iteration: number, startedAt: number): Promise<RunData> {
    const known = state.children.get(iteration);
    if (known) return known;
    const tags: MlflowFields<'iteration.tags'> = {
      ...MLFLOW_TARGETS['iteration.tags'].constants,
      [TAG.runId]: runId,
      [TAG.iteration]: String(iteration),
      [TAG.parent]: state.parent.info.run_id,
    };
    const run = await this.client.createRun(state.parent.info.experiment_id, `iteration-${iteration}`, toMs(startedAt), keyValues(tags));
    state.children.set(iteration, run);
    return run;
  }

  private async log(runId: string, batch: { metrics?: Metric[]; params?: KeyValue[]; tags?: KeyValue[] }): Promise<void> {
    for (const request of planBatches(batch.metrics ?? [], batch.params ?? [], batch.tags ?? [])) await this.client.logBatch(runId, request);
  }

  private async artifacts(state: RunState, prefix: string, fields: MlflowFields<'artifacts'>): Promise<void> {
    await Promise.all(fieldEntries(fields).map(([path, content]) => this.client.putArtifact(state.parent.info, `${prefix}${path}`, String(content))));
  }

  /** Parent-run metrics of this batch's iterations, logged together (⌈n/1000⌉ requests instead of one per iteration). */
  private async logParents(parentMetrics: Map<string, Metric[]>): Promise<void> {
    for (const [runId, points] of parentMetrics) await this.log(runId, { metrics: points });
    parentMetrics.clear();
  }

  async send(batch: readonly MlflowMapped[]): Promise<void> {
    const episodes: Array<{ event: EpisodeEvent; assessments: MlflowFields<'assessments'> }> = [];
    const parentMetrics = new Map<string, Metric[]>();
    const addParent = (state: RunState, points: Metric[]) => parentMetrics.set(state.parent.info.run_id, [...(parentMetrics.get(state.parent.info.run_id) ?? []), ...points]);
    for (const m of batch) {
      switch (m.type) {
        case 'run.started': {
          const state = await this.run(m.event.run_id, m.event.started_at, m.event.bench);
          // Params are immutable in MLflow: log only keys the run does not have yet.
          const params = keyValues(m.params).filter((p) => !state.params.has(p.key));
          await this.log(state.parent.info.run_id, { params, tags: keyValues(m.tags) });
          for (const p of params) state.params.set(p.key, p.value);
          await this.artifacts(state, '', m.artifacts);
          break;
        }
        case 'episode': {
          const state = await this.run(m.event.run_id, undefined, m.event.episode.bench);
          const rows = state.episodes.get(m.event.iteration) ?? new Map<string, MlflowFields<'episode.summary'>>();
          rows.set(m.event.episode.id, m['episode.summary']);
          state.episodes.set(m.event.iteration, rows);
          episodes.push({ event: m.event, assessments: m.assessments });
          break;
        }
        case 'iteration': {
          const { event } = m;
          const state = await this.run(event.run_id, undefined, undefined);
          const child = await this.child(event.run_id, state, event.iteration, state.lastIterationAt ?? event.timestamp);
          const at = toMs(event.timestamp);
          const points = metrics(m.metrics, at, event.iteration);
          await this.log(child.info.run_id, { metrics: points, tags: keyValues(m.tags) });
          addParent(state, points);
          const rows = state.episodes.get(event.iteration);
          await this.artifacts(state, `iterations/${event.iteration}/`, rows ? { ...m.artifacts, 'episodes.json': JSON.stringify([...rows.values()]) } satisfies MlflowFields<'artifacts'> : m.artifacts);
          state.episodes.delete(event.iteration);
          await this.client.updateRun(child.info.run_id, 'FINISHED', at);
          state.lastIterationAt = event.timestamp;
          break;
        }
        case 'evolution': {
          const { event } = m;
          const state = await this.run(event.run_id, undefined, undefined);
          const at = toMs(event.timestamp);
          const points = metrics(m.metrics, at, event.iteration);
          const child = state.children.get(event.iteration);
          if (child) await this.log(child.info.run_id, { metrics: points, tags: keyValues(m.tags) });
          addParent(state, points);
          const { type: _type, ...entry } = event;
          await this.artifacts(state, `iterations/${event.iteration}/`, { 'evolution.json': JSON.stringify(entry) } satisfies MlflowFields<'artifacts'>);
          break;
        }
        case 'run.finished': {
          const { event } = m;
          const state = await this.run(event.run_id, undefined, undefined);
          await this.logParents(parentMetrics);
          const end = typeof m['run.end'].end_time === 'number' ? m['run.end'].end_time : toMs(event.finished_at);
          await this.log(state.parent.info.run_id, { metrics: metrics(m.metrics, end, 0), tags: keyValues(m.tags) });
          await this.client.updateRun(state.parent.info.run_id, event.status === 'failed' ? 'FAILED' : 'FINISHED', end);
          break;
        }
      }
    }
    await this.logParents(parentMetrics);
    if (episodes.length > 0 && this.client.config.traces) {
      this.traces ??= this.experimentId().then((id) => MlflowTraces.create(this.client, id, this.name, this.env));
      this.traces.catch(() => (this.traces = undefined));
      await (await this.traces).send(episodes, this.name);
    }
  }

  async close(): Promise<void> {
    if (this.traces) await (await this.traces).close();
  }
}

export function createMlflowSink(options: MlflowSinkOptions = {}): Sink & { readonly transport: MlflowTransportImpl } {
  const name = options.name ?? 'mlflow';
  const transport = new MlflowTransportImpl(new MlflowClient(resolveMlflowConfig(options)), name, options.env ?? process.env);
  return Object.assign(createMlflowAdapter(transport, { name }), { transport });
}
