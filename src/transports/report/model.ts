/** What the report keeps while a run streams through: a point per iteration, evolution marks, the worst episodes. */
import type { ReportFields, ReportKeys } from '../../../generated/report/mapping.gen.js';
import type { Fields, FieldValue } from '../../core/mapping-runtime.js';

export type ReportPoint = ReportFields<'point'>;
export type ReportMark = ReportFields<'mark'>;
export type ReportEpisode = ReportFields<'episode'>;

/**
 * Keyed like a backend would key them (iteration number, episode id), so re-sending a run updates the report
 * instead of doubling its points.
 */
export interface ReportModel {
  run: Partial<Record<ReportKeys['run'], FieldValue>>;
  points: Map<number, ReportPoint>;
  marks: Map<number, ReportMark>;
  /** Lowest effective reward first; at most `worstLimit` entries. */
  worst: ReportEpisode[];
  worstLimit: number;
}

export function emptyModel(worstLimit = 12): ReportModel {
  return { run: {}, points: new Map(), marks: new Map(), worst: [], worstLimit };
}

/** Episodes of the run: each iteration's count (episodes seen for it, else its n_episodes), so memory stays flat. */
export function episodeCount(model: ReportModel): number {
  let n = 0;
  for (const p of model.points.values()) n += num(p, 'episodes') ?? 0;
  return n;
}

/** Points in iteration order. */
export function sortedPoints(model: ReportModel): ReportPoint[] {
  return [...model.points.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

/** A number the spec maps to `key`, if present. */
export function num<K extends string>(fields: Fields<K>, key: K): number | undefined {
  const v = fields[key];
  return typeof v === 'number' ? v : undefined;
}

/** How bad an episode is: lower effective reward first, then more failed tool calls. */
function badness(e: ReportEpisode): [number, number] {
  return [num(e, 'effective_reward') ?? 0, -(num(e, 'n_failed_tool_calls') ?? 0)];
}

/** Keeps the episode if it is among the worst seen (bounded insertion). */
export function considerEpisode(model: ReportModel, episode: ReportEpisode): void {
  const existing = model.worst.findIndex((w) => w.id === episode.id);
  if (existing !== -1) model.worst.splice(existing, 1);
  const [reward, failed] = badness(episode);
  let at = model.worst.findIndex((w) => {
    const [r, f] = badness(w);
    return reward < r || (reward === r && failed < f);
  });
  if (at === -1) at = model.worst.length;
  if (at >= model.worstLimit) return;
  model.worst.splice(at, 0, episode);
  if (model.worst.length > model.worstLimit) model.worst.pop();
}
