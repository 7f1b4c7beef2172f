/**
 * The learning-curve panels, one quantity and one scale each: effective reward (−1…1) with the evolution lane, ClawLoop's
 * avg_reward (its raw scale), success rate, reward signals, playbook size, helpful/harmful totals, tokens and latency.
 * A panel whose data the source does not have is left out, and the page says which and why.
 */
import { chartPanel, type LaneRow, type PanelOptions } from './svg-chart.js';
import type { RunView } from './run-view.js';

export const COLORS = {
  effective: '#2563eb',
  raw: '#0f766e',
  success: '#16a34a',
  playbook: '#7c3aed',
  helpful: '#16a34a',
  harmful: '#dc2626',
  tokens: '#b45309',
  latency: '#0e7490',
  reflect: '#f59e0b',
  mutate: '#db2777',
  paradigm_shift: '#7c2d12',
  state: '#64748b',
};
const SIGNAL_COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563'];
const ACTION_NAMES: Record<string, string> = { reflect: 'reflect', mutate: 'mutate', paradigm_shift: 'paradigm shift' };

const pct = (v: number) => `${Math.round(v)}%`;
const ms = (v: number) => (v >= 1000 ? `${Number((v / 1000).toPrecision(3))} s` : `${Math.round(v)} ms`);

/** Whether every value lies in [lo, hi] (then the panel uses that fixed scale). */
const within = (values: readonly number[], lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);

export interface Panels {
  html: string[];
  /** Quantities not drawn, with the reason (shown under the charts). */
  missing: string[];
}

export function learningPanels(view: RunView, smoothing: number): Panels {
  const common = { xDomain: view.xDomain, smoothing };
  const lane: LaneRow[] = [
    ...[...view.evolution.entries()].map(([action, iterations]) => ({
      key: `evolution.${action}`,
      name: ACTION_NAMES[action] ?? action,
      color: (COLORS as Record<string, string>)[action] ?? '#a16207',
      iterations,
    })),
    { key: 'state.changed', name: 'state changed', color: COLORS.state, iterations: view.stateChanges },
  ];
  const rawValues = view.raw.map((p) => p[1]);
  const rawScale = within(rawValues, 0, 1) ? { label: 'avg_reward, 0…1', min: 0, max: 1 } : { label: 'avg_reward (raw)' };
  const rawPanel = (wide: boolean): PanelOptions => ({
    ...common,
    id: 'chart-avg-reward',
    title: "ClawLoop's avg_reward per iteration",
    caption: 'The raw environment reward experiment.jsonl records, averaged over the iteration’s episodes.',
    scale: rawScale,
    series: [{ key: 'raw.mean', name: 'avg_reward (mean)', color: COLORS.raw, points: view.raw, smooth: true }],
    lane: wide ? lane : undefined,
    wide,
  });

  const panels: PanelOptions[] = [];
  const missing: string[] = [];
  const hasEffective = view.effective.length > 0;
  if (hasEffective) {
    panels.push({
      ...common,
      id: 'chart-effective-reward',
      title: 'Effective reward per iteration',
      caption:
        "ClawLoop's effective reward of each episode (its user, outcome, execution or judge signal, in that priority), averaged over the iteration; the lanes below mark the evolver's steps.",
      scale: { label: 'effective reward, −1…1', min: -1, max: 1 },
      series: [{ key: 'reward.mean', name: 'mean effective reward', color: COLORS.effective, points: view.effective, smooth: true }],
      lane,
      wide: true,
    });
  }
  if (view.raw.length > 0) panels.push(rawPanel(!hasEffective));
  if (!hasEffective)
    missing.push(
      'effective reward, success rate, signal, token and latency curves (they are computed from episodes; this run has none — the after_iteration bridge, examples/observability/clawloop_bridge.py, records them)',
    );
  if (view.success.length > 0) {
    panels.push({
      ...common,
      id: 'chart-success-rate',
      title: 'Success rate per iteration',
      caption: 'Share of the iteration’s episodes with an effective reward above 0.',
      scale: { label: 'episodes succeeding, %', min: 0, max: 100, format: pct },
      series: [{ key: 'success.rate', name: 'success rate', color: COLORS.success, points: view.success, smooth: true }],
    });
  }
  if (view.signals.size > 0) {
    panels.push({
      ...common,
      id: 'chart-signals',
      title: 'Reward signals per iteration',
      caption: 'Mean value of each signal over the episodes that carry it.',
      scale: { label: 'signal value, −1…1', min: -1, max: 1 },
      series: [...view.signals.entries()].map(([name, points], i) => ({
        key: `signal.${name}`,
        name,
        color: SIGNAL_COLORS[i % SIGNAL_COLORS.length],
        points,
        smooth: true,
      })),
    });
  }
  if (view.playbookSize.length > 0) {
    panels.push({
      ...common,
      id: 'chart-playbook-size',
      title: 'Playbook size',
      caption: 'Entries in the playbook after each iteration (ClawLoop caps active entries at 100).',
      scale: { label: 'entries' },
      series: [{ key: 'playbook.size', name: 'entries', color: COLORS.playbook, points: view.playbookSize }],
    });
  }
  if (view.helpful.length > 0 || view.harmful.length > 0) {
    panels.push({
      ...common,
      id: 'chart-helpful-harmful',
      title: 'Playbook helpful / harmful counts',
      caption: 'Sum over the entries of how often each was credited (reward > 0) or blamed (reward < 0).',
      scale: { label: 'count' },
      series: [
        { key: 'playbook.helpful', name: 'helpful', color: COLORS.helpful, points: view.helpful },
        { key: 'playbook.harmful', name: 'harmful', color: COLORS.harmful, points: view.harmful },
      ],
    });
  }
  if (view.tokens.length > 0) {
    panels.push({
      ...common,
      id: 'chart-tokens',
      title: 'Tokens per iteration',
      caption: 'Total tokens (prompt + completion) of the iteration’s episodes.',
      scale: { label: 'tokens' },
      series: [{ key: 'tokens.total', name: 'tokens', color: COLORS.tokens, points: view.tokens, smooth: true }],
    });
  } else if (hasEffective) missing.push('tokens (the episodes carry no token_usage)');
  if (view.latency.length > 0) {
    panels.push({
      ...common,
      id: 'chart-latency',
      title: 'Episode latency per iteration',
      caption: 'Mean wall time of an episode (summary.timing.total_ms).',
      scale: { label: 'latency', format: ms },
      series: [{ key: 'latency.mean', name: 'mean latency', color: COLORS.latency, points: view.latency, smooth: true }],
    });
  } else if (hasEffective) missing.push('latency (the episodes carry no timing)');
  if (view.playbookSize.length === 0) missing.push('playbook size (the source records no playbook)');
  return { html: panels.map(chartPanel), missing };
}
