/**
 * Summary cards that compare like with like: each names one quantity and its scale and shows where the run started,
 * where it ended and its best iteration (MLflow's min / max / latest of a metric, per quantity), so no card sets a
 * −1…1 value beside a 0…1 one.
 */
import { escapeHtml as h } from './escape.js';
import { episodeCount, type ReportModel } from './model.js';
import type { RunView } from './run-view.js';
import { formatNumber } from './svg-chart.js';

type XY = ReadonlyArray<readonly [number, number]>;

/**
 * Iterations averaged at each end of a noisy curve: 1 for short runs (each iteration is shown as is), else about a
 * twentieth of the run (5 to 50), so one lucky or unlucky last iteration does not stand for the run's end.
 */
export function cardWindow(iterations: number): number {
  return iterations < 20 ? 1 : Math.min(50, Math.max(5, Math.round(iterations / 20)));
}

const signed = (v: number, fmt: (n: number) => string) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v))}`;
const fixed = (digits: number) => (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(digits)}` : v.toFixed(digits));
const mean = (xs: XY) => xs.reduce((s, p) => s + p[1], 0) / xs.length;
const span = (xs: XY) => (xs.length === 1 ? `iteration ${xs[0][0]}` : `iterations ${xs[0][0]}–${xs.at(-1)![0]}`);

interface Trend {
  title: string;
  scale: string;
  values: XY;
  fmt: (v: number) => string;
  deltaFmt: (v: number) => string;
  /** Iterations averaged at each end and for "best" (1: single iterations). */
  window: number;
  extra?: string;
  bestWord?: string;
}

function trendCard(t: Trend): string {
  const w = Math.min(t.window, Math.floor(t.values.length / 2) || 1);
  const first = t.values.slice(0, w);
  const last = t.values.slice(-w);
  let best = first;
  for (let i = w; i <= t.values.length; i += 1) {
    const win = t.values.slice(i - w, i);
    if (mean(win) > mean(best)) best = win;
  }
  const delta = mean(last) - mean(first);
  const what = w === 1 ? '' : ` (means of ${w} iterations)`;
  return `<div class="card" data-scale="${h(t.scale)}">
<h3>${h(t.title)} <span class="scale">${h(t.scale)}</span></h3>
<div class="trend"><span class="start" title="${span(first)}">${h(t.fmt(mean(first)))}</span> → <span class="end" title="${span(last)}">${h(t.fmt(mean(last)))}</span> <span class="delta ${delta > 0 ? 'pos' : delta < 0 ? 'neg' : ''}">${h(signed(delta, t.deltaFmt))}</span></div>
<div class="sub">${span(first)} → ${span(last)}${what} · ${t.bestWord ?? 'best'} <b>${h(t.fmt(mean(best)))}</b> at ${span(best)}</div>${t.extra ?? ''}
</div>`;
}

function factCard(title: string, value: string, sub: string): string {
  return `<div class="card fact"><h3>${h(title)}</h3><div class="value">${h(value)}</div><div class="sub">${sub}</div></div>`;
}

export function summaryCards(model: ReportModel, view: RunView): string {
  const cards: string[] = [];
  const two = fixed(2);
  const window = cardWindow(view.points.length);
  if (view.effective.length > 0)
    cards.push(
      trendCard({ title: 'Effective reward', scale: 'mean per iteration · −1…1', values: view.effective, fmt: two, deltaFmt: two, window }),
    );
  if (view.raw.length > 0) {
    const best = model.run.best_reward;
    const note = typeof best === 'number' ? `<div class="sub">ClawLoop's best_reward for the run: <b>${h(two(best))}</b></div>` : '';
    cards.push(
      trendCard({
        title: 'avg_reward (ClawLoop)',
        scale: 'mean raw reward per iteration · 0…1',
        values: view.raw,
        fmt: two,
        deltaFmt: two,
        window,
        extra: note,
      }),
    );
  }
  const pct = (v: number) => `${Math.round(v)}%`;
  if (view.success.length > 0)
    cards.push(
      trendCard({
        title: 'Success rate',
        scale: 'episodes with effective reward > 0',
        values: view.success,
        fmt: pct,
        deltaFmt: (v) => `${Math.round(v)} pts`,
        window,
      }),
    );
  if (view.playbookSize.length > 0) {
    const lastHelpful = view.helpful.at(-1)?.[1];
    const lastHarmful = view.harmful.at(-1)?.[1];
    const extra =
      lastHelpful !== undefined
        ? `<div class="sub">at the end: helpful ${formatNumber(lastHelpful)} · harmful ${formatNumber(lastHarmful ?? 0)}</div>`
        : '';
    const count = (v: number) => String(Math.round(v));
    cards.push(
      trendCard({
        title: 'Playbook',
        scale: 'entries',
        values: view.playbookSize,
        fmt: count,
        deltaFmt: count,
        window: 1,
        extra,
        bestWord: 'largest',
      }),
    );
  }

  const iterations = view.points.length;
  const planned = model.run.n_iterations;
  const status = typeof model.run.status === 'string' ? model.run.status : 'in progress';
  cards.push(
    factCard(
      'Run',
      `${iterations} iteration${iterations === 1 ? '' : 's'}`,
      `${typeof planned === 'number' ? `of ${planned} planned · ` : ''}${episodeCount(model)} episodes · ${h(status)}`,
    ),
  );
  const steps = [...model.marks.values()].length;
  const byAction = [...view.evolution.entries()].map(([a, its]) => `${a.replace('_', ' ')} ${its.length}`).join(' · ');
  cards.push(
    factCard(
      'Evolution',
      `${steps} step${steps === 1 ? '' : 's'}`,
      `${byAction ? `${h(byAction)} · ` : ''}${view.stateChanges.length} state change${view.stateChanges.length === 1 ? '' : 's'}`,
    ),
  );
  if (view.tokens.length > 0 || view.latency.length > 0) {
    const totalTokens = view.tokens.reduce((s, p) => s + p[1], 0);
    let latencySum = 0;
    let latencyN = 0;
    for (const t of model.tallies.values()) {
      latencySum += t.latencyMs;
      latencyN += t.withLatency;
    }
    const meanLatency = latencyN > 0 ? latencySum / latencyN : undefined;
    cards.push(
      factCard(
        'Cost',
        `${formatNumber(totalTokens)} tokens`,
        meanLatency !== undefined
          ? `mean episode latency ${meanLatency >= 1000 ? `${(meanLatency / 1000).toFixed(1)} s` : `${Math.round(meanLatency)} ms`}`
          : '',
      ),
    );
  }
  return `<section class="cards">${cards.join('\n')}</section>`;
}
