/** The run as the page draws it: one series per quantity, each point at its (0-based) ClawLoop iteration. */
import type { ReportKeys } from '../../../generated/report/mapping.gen.js';
import { num, sortedPoints, type ReportModel, type ReportPoint } from './model.js';

type XY = Array<[number, number]>;

export interface RunView {
  points: ReportPoint[];
  xDomain: [number, number];
  /** Effective reward (−1…1): mean per iteration. */
  effective: XY;
  /** ClawLoop's avg_reward (raw environment reward) per iteration. */
  raw: XY;
  /** Share of episodes with effective reward > 0, in %. */
  success: XY;
  signals: Map<string, XY>;
  playbookSize: XY;
  helpful: XY;
  harmful: XY;
  /** Tokens per iteration (sum over its episodes) and mean episode latency (ms). */
  tokens: XY;
  latency: XY;
  /** Iterations where the evolver took each action (evolution.jsonl). */
  evolution: Map<string, number[]>;
  /** Iterations after which the agent's state hash differed from before. */
  stateChanges: number[];
}

function series(points: readonly ReportPoint[], key: ReportKeys['point']): XY {
  const out: XY = [];
  for (const p of points) {
    const x = num(p, 'iteration');
    const y = num(p, key);
    if (x !== undefined && y !== undefined) out.push([x, y]);
  }
  return out;
}

/**
 * State changes: from the iterations' combined state hashes where the source has them (a change between consecutive
 * iterations), else from evolution.jsonl, whose entries name the hash before and after each step.
 */
function stateChanges(model: ReportModel, points: readonly ReportPoint[]): number[] {
  const hashed = points.filter((p) => p['state.combined'] !== undefined);
  if (hashed.length > 1) {
    const out: number[] = [];
    for (let i = 1; i < hashed.length; i += 1)
      if (hashed[i]['state.combined'] !== hashed[i - 1]['state.combined']) out.push(num(hashed[i], 'iteration')!);
    return out;
  }
  return [...model.marks.values()]
    .filter((m) => m.state_before !== undefined && m.state_before !== m.state_after)
    .map((m) => num(m, 'iteration')!)
    .sort((a, b) => a - b);
}

export function runView(model: ReportModel): RunView {
  const points = sortedPoints(model);
  const xs = [...points.map((p) => num(p, 'iteration')!), ...model.marks.keys(), ...model.tallies.keys()];
  const xDomain: [number, number] = xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 0];
  const signalKeys = [
    ...new Set(points.flatMap((p) => Object.keys(p).filter((k): k is `signal.${string}` => k.startsWith('signal.')))),
  ].sort();
  const tallies = [...model.tallies.entries()].sort((a, b) => a[0] - b[0]);
  const evolution = new Map<string, number[]>();
  for (const [iteration, mark] of [...model.marks.entries()].sort((a, b) => a[0] - b[0])) {
    const actions = Array.isArray(mark.actions) ? (mark.actions as string[]) : [];
    for (const action of actions) {
      const at = evolution.get(action) ?? [];
      at.push(iteration);
      evolution.set(action, at);
    }
  }
  return {
    points,
    xDomain,
    effective: series(points, 'reward.mean'),
    raw: series(points, 'raw.mean'),
    success: tallies.filter(([, t]) => t.count > 0).map(([i, t]) => [i, (100 * t.successes) / t.count]),
    signals: new Map(signalKeys.map((k) => [k.slice('signal.'.length), series(points, k)])),
    playbookSize: series(points, 'playbook.size'),
    helpful: series(points, 'playbook.helpful'),
    harmful: series(points, 'playbook.harmful'),
    tokens: tallies.filter(([, t]) => t.withTokens > 0).map(([i, t]) => [i, t.tokens]),
    latency: tallies.filter(([, t]) => t.withLatency > 0).map(([i, t]) => [i, t.latencyMs / t.withLatency]),
    evolution,
    stateChanges: stateChanges(model, points),
  };
}
