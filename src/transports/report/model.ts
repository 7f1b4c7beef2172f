/** What the report keeps while a run streams through: a point per iteration, evolution marks, the worst episodes. */
import type { Fields, FieldValue } from '../../core/mapping-runtime.js';

export interface ReportModel {
  run: Record<string, FieldValue>;
  points: Fields[];
  marks: Fields[];
  /** Lowest effective reward first; at most `worstLimit` entries. */
  worst: Fields[];
  episodes: number;
  worstLimit: number;
}

export function emptyModel(worstLimit = 12): ReportModel {
  return { run: {}, points: [], marks: [], worst: [], episodes: 0, worstLimit };
}

export function num(fields: Fields, key: string): number | undefined {
  const v = fields[key];
  return typeof v === 'number' ? v : undefined;
}

/** How bad an episode is: lower effective reward first, then more failed tool calls. */
function badness(e: Fields): [number, number] {
  return [num(e, 'effective_reward') ?? 0, -(num(e, 'n_failed_tool_calls') ?? 0)];
}

/** Keeps the episode if it is among the worst seen (bounded insertion). */
export function considerEpisode(model: ReportModel, episode: Fields): void {
  model.episodes += 1;
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
