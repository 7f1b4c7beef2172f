/**
 * What the report keeps while a run streams through, bounded whatever the run's length: a point per iteration, the
 * evolution steps, per-iteration episode tallies, per-task reward tallies, and the few lowest- and highest-reward
 * episodes with their conversations cut to size. Keyed like a backend keys them (iteration number, episode id, task id),
 * so re-sending a run updates the report instead of doubling it.
 */
import type { ReportFields, ReportKeys } from '../../../generated/report/mapping.gen.js';
import type { Fields, FieldValue } from '../../core/mapping-runtime.js';
import { shownConversation, type Conversation } from './conversation.js';

/** One iteration's point, one evolution step, one episode's numbers: read through the spec's generated key names. */
export type ReportPoint = ReportFields<'point'>;
export type ReportMark = ReportFields<'mark'>;
export type ReportEpisode = ReportFields<'episode'>;

/** Per iteration, from its episodes: how many, how many succeeded, tokens and latency. */
export interface EpisodeTally {
  count: number;
  successes: number;
  tokens: number;
  withTokens: number;
  latencyMs: number;
  withLatency: number;
  /** Episode ids counted, so a re-sent episode is not counted twice (cleared once the iteration's event arrives). */
  ids?: Set<string>;
}

/** Iterations averaged at each end of a task's history (single iterations of a task are too noisy to compare). */
export const TASK_WINDOW = 10;

/** Per task, over the iterations that ran it (in arrival order): rewards on ClawLoop's raw (avg_reward) scale. */
export interface TaskTally {
  firstIteration: number;
  lastIteration: number;
  /** Rewards of its first and of its latest TASK_WINDOW iterations. */
  early: number[];
  recent: number[];
  sum: number;
  iterations: number;
  rollouts: number;
  failingIterations: number;
  lastError?: string;
}

/** An episode chosen for display: its mapped numbers and its conversation. */
export interface ShownEpisode {
  fields: ReportEpisode;
  conversation: Conversation;
}

export interface ReportModel {
  run: Partial<Record<ReportKeys['run'], FieldValue>>;
  points: Map<number, ReportPoint>;
  marks: Map<number, ReportMark>;
  tallies: Map<number, EpisodeTally>;
  tasks: Map<string, TaskTally>;
  /** Tasks seen beyond MAX_TASKS (not tallied). */
  tasksDropped: number;
  /** Lowest effective reward first; up to 2 × `shown` (the best list must not repeat these). */
  worst: ShownEpisode[];
  /** Highest effective reward first; up to 2 × `shown`. */
  best: ShownEpisode[];
  /** Episodes per list on the page. */
  shown: number;
}

/** Episode ids remembered per open iteration for de-duplication. */
const MAX_IDS_PER_ITERATION = 10_000;

/** Most tasks tallied; a benchmark with more is reported as such. */
export const MAX_TASKS = 5000;

export function emptyModel(shown = 5): ReportModel {
  return {
    run: {},
    points: new Map(),
    marks: new Map(),
    tallies: new Map(),
    tasks: new Map(),
    tasksDropped: 0,
    worst: [],
    best: [],
    shown,
  };
}

/** A number the spec maps to `key`, if present. */
export function num<K extends string>(fields: Fields<K>, key: K): number | undefined {
  const v = fields[key];
  return typeof v === 'number' ? v : undefined;
}

/** Points in iteration order. */
export function sortedPoints(model: ReportModel): ReportPoint[] {
  return [...model.points.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

/** Episodes of the run: each iteration's tally (episodes seen), else its n_episodes. */
export function episodeCount(model: ReportModel): number {
  let n = 0;
  for (const [iteration, p] of model.points) n += model.tallies.get(iteration)?.count ?? num(p, 'episodes') ?? 0;
  for (const [iteration, t] of model.tallies) if (!model.points.has(iteration)) n += t.count;
  return n;
}

/** Records an iteration's point; its per-task keys (`task.<id>.*`) go to the task tallies instead. */
export function addPoint(model: ReportModel, point: ReportPoint): void {
  const iteration = num(point, 'iteration');
  if (iteration === undefined) return;
  const kept: Partial<Record<ReportKeys['point'], FieldValue>> = {};
  const tasks = new Map<string, { reward?: number; rollouts?: number; error?: string }>();
  for (const [key, value] of Object.entries(point) as Array<[ReportKeys['point'], FieldValue | undefined]>) {
    if (value === undefined) continue;
    const m = /^task\.(.+)\.(reward|rollouts|error)$/.exec(key);
    if (!m) {
      kept[key] = value;
      continue;
    }
    const t = tasks.get(m[1]) ?? {};
    if (m[2] === 'error') t.error = String(value);
    else if (typeof value === 'number') t[m[2] as 'reward' | 'rollouts'] = value;
    tasks.set(m[1], t);
  }
  const resent = model.points.has(iteration);
  model.points.set(iteration, kept);
  const tally = model.tallies.get(iteration);
  if (tally) delete tally.ids;
  if (resent) return; // a re-sent iteration must not count its tasks twice
  for (const [id, t] of tasks) {
    if (t.reward === undefined) continue;
    let task = model.tasks.get(id);
    if (!task) {
      if (model.tasks.size >= MAX_TASKS) {
        model.tasksDropped += 1;
        continue;
      }
      task = {
        firstIteration: iteration,
        lastIteration: iteration,
        early: [],
        recent: [],
        sum: 0,
        iterations: 0,
        rollouts: 0,
        failingIterations: 0,
      };
      model.tasks.set(id, task);
    }
    task.lastIteration = Math.max(task.lastIteration, iteration);
    if (task.early.length < TASK_WINDOW) task.early.push(t.reward);
    task.recent.push(t.reward);
    if (task.recent.length > TASK_WINDOW) task.recent.shift();
    task.sum += t.reward;
    task.iterations += 1;
    task.rollouts += t.rollouts ?? 1;
    if (t.error) {
      task.failingIterations += 1;
      task.lastError = t.error;
    }
  }
}

/** Success, as the report counts it: an effective reward above 0 (what ClawLoop's harness credits as helpful). */
export function isSuccess(effectiveReward: number): boolean {
  return effectiveReward > 0;
}

function tallyEpisode(model: ReportModel, episode: ReportEpisode): void {
  const iteration = num(episode, 'iteration');
  if (iteration === undefined) return;
  let tally = model.tallies.get(iteration);
  if (!tally) {
    tally = { count: 0, successes: 0, tokens: 0, withTokens: 0, latencyMs: 0, withLatency: 0, ids: new Set() };
    model.tallies.set(iteration, tally);
  }
  const id = String(episode.id);
  if (tally.ids) {
    if (tally.ids.has(id)) return;
    // A source that never sends the iteration event must not grow this without bound.
    if (tally.ids.size < MAX_IDS_PER_ITERATION) tally.ids.add(id);
  }
  tally.count += 1;
  if (isSuccess(num(episode, 'effective_reward') ?? 0)) tally.successes += 1;
  const tokens = num(episode, 'total_tokens');
  if (tokens !== undefined) {
    tally.tokens += tokens;
    tally.withTokens += 1;
  }
  const ms = num(episode, 'total_ms');
  if (ms !== undefined) {
    tally.latencyMs += ms;
    tally.withLatency += 1;
  }
}

/*
 * The two orders below compare field by field instead of building key arrays: every episode of a run is compared with
 * up to twenty kept ones, and the arrays (with a closure per comparison) were a tenth of a report replay's CPU.
 */

/** Order of the lowest-reward list: lower reward, then more failed tool calls, then an error, then later iteration. */
function worseThan(a: ReportEpisode, b: ReportEpisode): boolean {
  const ra = num(a, 'effective_reward') ?? 0;
  const rb = num(b, 'effective_reward') ?? 0;
  if (ra !== rb) return ra < rb;
  const fa = num(a, 'n_failed_tool_calls') ?? 0;
  const fb = num(b, 'n_failed_tool_calls') ?? 0;
  if (fa !== fb) return fa > fb;
  const ea = a.error ? 0 : 1;
  const eb = b.error ? 0 : 1;
  if (ea !== eb) return ea < eb;
  return (num(a, 'iteration') ?? 0) > (num(b, 'iteration') ?? 0);
}

/** Order of the highest-reward list: higher reward, then fewer failed tool calls, then later iteration. */
function betterThan(a: ReportEpisode, b: ReportEpisode): boolean {
  const ra = num(a, 'effective_reward') ?? 0;
  const rb = num(b, 'effective_reward') ?? 0;
  if (ra !== rb) return ra > rb;
  const fa = num(a, 'n_failed_tool_calls') ?? 0;
  const fb = num(b, 'n_failed_tool_calls') ?? 0;
  if (fa !== fb) return fa < fb;
  return (num(a, 'iteration') ?? 0) > (num(b, 'iteration') ?? 0);
}

/** Episodes of one task kept per list, so a few tasks failing over and over do not crowd out the others. */
const PER_TASK = 2;

/** Inserts into a bounded ordered list; the conversation is built only when the episode makes it in. */
function keep(
  list: ShownEpisode[],
  limit: number,
  fields: ReportEpisode,
  messages: unknown,
  before: (a: ReportEpisode, b: ReportEpisode) => boolean,
): void {
  for (let i = 0; i < list.length; i += 1) {
    if (list[i].fields.id !== fields.id) continue;
    list.splice(i, 1);
    break;
  }
  // The same task's last (weakest) entry, when the task has its share already.
  let sameTask = 0;
  let weakest = -1;
  for (let i = 0; i < list.length; i += 1) {
    if (list[i].fields.task_id !== fields.task_id) continue;
    sameTask += 1;
    weakest = i;
  }
  if (sameTask >= PER_TASK) {
    if (!before(fields, list[weakest].fields)) return;
    list.splice(weakest, 1);
  }
  let at = 0;
  while (at < list.length && !before(fields, list[at].fields)) at += 1;
  if (at >= limit) return;
  list.splice(at, 0, { fields, conversation: shownConversation(messages) });
  if (list.length > limit) list.pop();
}

/** Up to `n` of `list` (in its order), one per task first, then the rest in order. */
function varied(list: readonly ShownEpisode[], n: number): ShownEpisode[] {
  const seen = new Set<unknown>();
  const first = list.filter((e) => !seen.has(e.fields.task_id) && seen.add(e.fields.task_id));
  const chosen = new Set([...first, ...list.filter((e) => !first.includes(e))].slice(0, n));
  return list.filter((e) => chosen.has(e));
}

/** Counts the episode for its iteration and keeps it if it is among the lowest or highest rewards seen. */
export function addEpisode(model: ReportModel, episode: ReportEpisode, messages: unknown): void {
  tallyEpisode(model, episode);
  keep(model.worst, model.shown * 2, episode, messages, worseThan);
  keep(model.best, model.shown * 2, episode, messages, betterThan);
}

/**
 * The episodes to show: the `shown` lowest, and the `shown` highest that are not among them — different tasks
 * first, each list in reward order.
 */
export function shownEpisodes(model: ReportModel): { worst: ShownEpisode[]; best: ShownEpisode[] } {
  // With fewer than 2 × shown episodes, split them: the lower half is "lowest", the rest "highest".
  const total = Math.max(episodeCount(model), model.worst.length);
  const worst = varied(model.worst, total < model.shown * 2 ? Math.ceil(total / 2) : model.shown);
  const ids = new Set(worst.map((e) => e.fields.id));
  // "Highest" holds only episodes that did better than every one shown as lowest (none when all scored the same).
  const floor = Math.max(...worst.map((e) => num(e.fields, 'effective_reward') ?? 0));
  const above = model.best.filter((e) => !ids.has(e.fields.id) && (worst.length === 0 || (num(e.fields, 'effective_reward') ?? 0) > floor));
  return { worst, best: varied(above, model.shown) };
}
