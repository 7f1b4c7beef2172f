/** The per-task reward table and the per-iteration table. */
import { escapeHtml as h } from './escape.js';
import { num, TASK_WINDOW, type ReportModel, type ReportPoint } from './model.js';
import type { RunView } from './run-view.js';

/** Rows in the per-task table; the tasks doing worst recently come first. */
export const MAX_TASK_ROWS = 60;
/** Rows in the iteration table; past it, the first, the last and those where something changed. */
export const MAX_ITERATION_ROWS = 300;

const r2 = (v: number | undefined) => (v === undefined ? '—' : v < 0 ? `−${Math.abs(v).toFixed(2)}` : v.toFixed(2));
const cls = (v: number | undefined) => (v === undefined ? '' : v < 0 ? 'neg' : '');

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function taskTable(model: ReportModel): string {
  const tasks = [...model.tasks.entries()]
    .map(([id, t]) => ({ id, t, early: mean(t.early), recent: mean(t.recent) }))
    .sort((a, b) => a.recent - b.recent || a.id.localeCompare(b.id));
  if (tasks.length === 0) return '<p class="muted">No per-task results in this run (experiment.jsonl writes them as per_task).</p>';
  const rows = tasks.slice(0, MAX_TASK_ROWS).map(({ id, t, early, recent }) => {
    const delta = recent - early;
    return `<tr><td>${h(id)}</td><td class="num">${t.iterations}</td><td class="num">${t.rollouts}</td>
<td class="num">${r2(early)} <span class="muted">(${t.early.length})</span></td><td class="num">${r2(recent)} <span class="muted">(${t.recent.length})</span></td>
<td class="num ${delta > 0 ? 'pos' : delta < 0 ? 'neg' : ''}">${Math.abs(delta) < 0.005 ? '±0' : (delta > 0 ? '+' : '−') + Math.abs(delta).toFixed(2)}</td>
<td class="num">${r2(t.sum / t.iterations)}</td><td class="num muted">${t.firstIteration}–${t.lastIteration}</td>
<td>${t.failingIterations > 0 ? `<span class="neg">${t.failingIterations}×</span> <span class="err">${h(t.lastError ?? '')}</span>` : ''}</td></tr>`;
  });
  const more =
    tasks.length > MAX_TASK_ROWS
      ? `<p class="muted">${tasks.length - MAX_TASK_ROWS} more tasks not listed (lowest recent reward first).</p>`
      : '';
  const dropped =
    model.tasksDropped > 0
      ? `<p class="muted">${model.tasksDropped} further task results were not tallied (over ${model.tasks.size} tasks).</p>`
      : '';
  return `<table class="tasks"><thead><tr><th>task</th><th class="num">iterations</th><th class="num">rollouts</th><th class="num" title="mean over the task's first ${TASK_WINDOW} iterations">early mean</th><th class="num" title="mean over the task's latest ${TASK_WINDOW} iterations">recent mean</th><th class="num">change</th><th class="num">overall mean</th><th class="num">iterations run</th><th>errors (latest)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}${dropped}`;
}

export function iterationTable(model: ReportModel, view: RunView): string {
  const points = view.points;
  if (points.length === 0) return '<p class="muted">No iterations yet.</p>';
  const changed = new Set(view.stateChanges);
  const notable = (p: ReportPoint, i: number) =>
    i === 0 || i === points.length - 1 || model.marks.has(num(p, 'iteration')!) || changed.has(num(p, 'iteration')!);
  const listed = points.filter((p, i) => points.length <= MAX_ITERATION_ROWS || notable(p, i)).slice(0, MAX_ITERATION_ROWS);
  const rows = listed.map((p) => {
    const it = num(p, 'iteration')!;
    const mark = model.marks.get(it);
    const tally = model.tallies.get(it);
    const success = tally && tally.count > 0 ? `${Math.round((100 * tally.successes) / tally.count)}%` : '—';
    const layers = (['fb.harness', 'fb.router', 'fb.weights'] as const)
      .map((k) => (p[k] ? `${k.slice(3)} ${h(p[k])}` : ''))
      .filter(Boolean)
      .join(' · ');
    return `<tr><td class="num">${it}</td><td class="num">${String(p.episodes ?? p.n_episodes ?? '—')}</td><td class="num ${cls(num(p, 'reward.mean'))}">${r2(num(p, 'reward.mean'))}</td><td class="num">${r2(num(p, 'raw.mean'))}</td><td class="num">${success}</td>
<td class="num">${String(p['playbook.size'] ?? '—')}</td><td>${p['state.combined'] !== undefined ? `<code class="${changed.has(it) ? 'changed' : ''}">${h(p['state.combined'])}</code>` : changed.has(it) ? '<span class="muted">changed</span>' : ''}</td>
<td>${mark && Array.isArray(mark.actions) ? (mark.actions as string[]).map((a) => `<span class="tag">${h(a.replace('_', ' '))}</span>`).join('') : ''}</td><td class="muted">${layers}</td></tr>`;
  });
  const note =
    listed.length < points.length
      ? `<p class="muted">${listed.length} of ${points.length} iterations listed: the first, the last, and those where the state changed or the evolver acted.</p>`
      : '';
  return `<table class="iterations"><thead><tr><th class="num">iteration</th><th class="num">episodes</th><th class="num">effective reward</th><th class="num">avg_reward</th><th class="num">success</th><th class="num">playbook</th><th>state hash</th><th>evolution</th><th>layers</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${note}`;
}
