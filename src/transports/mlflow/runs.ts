/**
 * The MLflow runs of ClawLoop runs: a parent per ClawLoop run, a nested `iteration-N` run per iteration. Each is
 * created once; a process that starts on a run the server already holds (a second replay, a restart) finds them with
 * one search per role, and with them their params, tags, latest metrics and status, so it sends only what is missing.
 */
import { MLFLOW_TARGETS, type MlflowFields, type MlflowKeys } from '../../../generated/mlflow/mapping.gen.js';
import { awaitedLater } from '../../core/awaited-later.js';
import { fieldEntries } from '../../core/mapping-runtime.js';
import type { KeyValue, MlflowClient, RunData } from './client.js';

/** Tags the transport sets to find its runs again (declared in the spec's run.tags and iteration.tags targets). */
export const TAG = {
  runId: 'clawloop.run_id',
  role: 'clawloop.role',
  iteration: 'clawloop.iteration',
  parent: 'mlflow.parentRunId',
} as const satisfies Record<string, MlflowKeys['iteration.tags']>;

/** The values of `clawloop.role` that tell a parent run from an iteration run. */
const ROLE = {
  run: MLFLOW_TARGETS['run.tags'].constants['clawloop.role'],
  iteration: MLFLOW_TARGETS['iteration.tags'].constants['clawloop.role'],
};

const tagList = (fields: MlflowFields<'run.tags'> | MlflowFields<'iteration.tags'>): KeyValue[] =>
  fieldEntries<string>(fields).map(([key, value]) => ({ key, value: String(value) }));

export const toMs = (seconds: number) => Math.round(seconds * 1000);

/** What this process knows of one ClawLoop run on the server. */
export interface RunState {
  runId: string;
  parent: RunData;
  /** Iteration runs as found on the server or created here. */
  children: Map<number, RunData>;
  /** Iteration runs being created (concurrent jobs of one iteration wait for the same one). */
  creating: Map<number, Promise<RunData>>;
  /**
   * Iterations whose run creation got no answer (a connection cut, a reply cut short, a time limit): the server may
   * have created the run, so the next attempt looks for it before creating one (runs/create is not idempotent).
   */
  unsure: Set<number>;
  params: Map<string, string>;
  /** Timestamp (s) of the last iteration seen, the next iteration run's start. */
  lastIterationAt?: number;
  /** Episode summaries (by episode id, so a re-sent batch adds no row twice) of iterations not yet sent. */
  episodes: Map<number, Map<string, unknown>>;
  /** Work on each iteration run, in order (an evolution entry waits for its iteration's run). */
  jobs: Map<number, Promise<void>>;
  /** The newest playbook snapshot, for the parent's final playbook. */
  lastPlaybook?: string;
}

const quote = (value: string) => `'${value.replace(/'/g, "\\'")}'`;

export class RunRegistry {
  private experiment?: Promise<string>;
  private readonly runs = new Map<string, Promise<RunState>>();

  constructor(private readonly client: MlflowClient) {}

  experimentId(): Promise<string> {
    const { experimentId, experimentName } = this.client.config;
    if (!this.experiment) {
      const lookup = experimentId ? Promise.resolve(experimentId) : this.client.experimentId(experimentName);
      this.experiment = lookup;
      // A failed lookup is retried with the next batch, not cached.
      lookup.catch(() => {
        if (this.experiment === lookup) this.experiment = undefined;
      });
    }
    return this.experiment;
  }

  /** Finds the ClawLoop run's parent (and its iteration runs) by tag, or creates the parent. */
  run(runId: string, startedAt: number | undefined, bench: string | undefined): Promise<RunState> {
    let state = this.runs.get(runId);
    if (!state) {
      const lookup = this.lookup(runId, startedAt, bench);
      state = lookup;
      this.runs.set(runId, lookup);
      lookup.catch(() => {
        if (this.runs.get(runId) === lookup) this.runs.delete(runId);
      });
    }
    return state;
  }

  private async lookup(runId: string, startedAt: number | undefined, bench: string | undefined): Promise<RunState> {
    const experimentId = await this.experimentId();
    const filter = (role: string) => `tags.\`${TAG.runId}\` = ${quote(runId)} and tags.\`${TAG.role}\` = '${role}'`;
    const [[found], children] = await Promise.all([
      this.client.searchRuns(experimentId, filter(ROLE.run)),
      this.client.searchRuns(experimentId, filter(ROLE.iteration)),
    ]);
    const parent =
      found ??
      (await this.client.createRun(
        experimentId,
        `clawloop${bench ? `-${bench}` : ''}-${runId.slice(0, 8)}`,
        toMs(startedAt ?? Date.now() / 1000),
        tagList({ ...MLFLOW_TARGETS['run.tags'].constants, [TAG.runId]: runId } satisfies MlflowFields<'run.tags'>),
      ));
    const state: RunState = {
      runId,
      parent,
      children: new Map(),
      creating: new Map(),
      unsure: new Set(),
      params: new Map(),
      episodes: new Map(),
      jobs: new Map(),
    };
    for (const p of parent.data.params ?? []) state.params.set(p.key, p.value);
    for (const child of children) {
      const tag = child.data.tags?.find((t) => t.key === TAG.iteration);
      if (tag && child.data.tags?.some((t) => t.key === TAG.parent && t.value === parent.info.run_id))
        state.children.set(Number(tag.value), child);
    }
    return state;
  }

  /** The iteration's run: found, being created, or created now (once, even when asked concurrently). */
  child(
    client: MlflowClient,
    state: RunState,
    iteration: number,
    startedAt: number,
    tags: ReadonlyArray<{ key: string; value: string }>,
  ): Promise<RunData> {
    const known = state.children.get(iteration);
    if (known) return Promise.resolve(known);
    let creating = state.creating.get(iteration);
    if (!creating) {
      // Shared: each job of this iteration awaits it in its turn, possibly after a failure answer already arrived.
      creating = awaitedLater(
        this.findOrCreateChild(client, state, iteration, startedAt, tags)
          .then((run) => {
            state.children.set(iteration, run);
            state.unsure.delete(iteration);
            return run;
          })
          .finally(() => state.creating.delete(iteration)),
      );
      state.creating.set(iteration, creating);
    }
    return creating;
  }

  private async findOrCreateChild(
    client: MlflowClient,
    state: RunState,
    iteration: number,
    startedAt: number,
    tags: ReadonlyArray<{ key: string; value: string }>,
  ): Promise<RunData> {
    const own = {
      ...MLFLOW_TARGETS['iteration.tags'].constants,
      [TAG.runId]: state.runId,
      [TAG.iteration]: String(iteration),
      [TAG.parent]: state.parent.info.run_id,
    } satisfies MlflowFields<'iteration.tags'>;
    if (state.unsure.has(iteration)) {
      const filter = Object.entries(own)
        .map(([key, value]) => `tags.\`${key}\` = ${quote(value)}`)
        .join(' and ');
      const [found] = await client.searchRuns(state.parent.info.experiment_id, filter);
      if (found) return found;
    }
    try {
      return await client.createRun(state.parent.info.experiment_id, `iteration-${iteration}`, toMs(startedAt), [...tagList(own), ...tags]);
    } catch (error) {
      // No HTTP answer: the request may have reached the server and created the run.
      if ((error as { status?: number }).status === undefined) state.unsure.add(iteration);
      throw error;
    }
  }
}
