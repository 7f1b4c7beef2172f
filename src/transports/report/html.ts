/** Renders the report model as one self-contained HTML page (inline CSS and SVG; no script, no network). */
import type { ReportKeys } from '../../../generated/report/mapping.gen.js';
import { escapeHtml as h } from './escape.js';
import { episodeCount, num, sortedPoints, type ReportModel, type ReportPoint } from './model.js';
import { lineChart, type Series } from './svg-chart.js';

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563'];

const CSS = `
:root{--fg:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--card:#f9fafb;--bad:#b91c1c;--good:#15803d}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:28px 24px 64px}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:32px 0 10px}
.sub{color:var(--muted);margin:0 0 20px}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card b{display:block;font-size:20px}
.card span{color:var(--muted);font-size:12px}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
.chart{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
.chart .grid{stroke:var(--line)}.chart .tick,.chart .legend{font-size:10px;fill:var(--muted)}.chart .axis{font-size:11px;fill:var(--muted)}
.chart .chart-title{font-size:13px;font-weight:600;fill:var(--fg)}.chart .marker{stroke:#f59e0b;stroke-width:1.5;stroke-dasharray:3 3}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}.neg{color:var(--bad)}.pos{color:var(--good)}
.tag{display:inline-block;padding:0 6px;border-radius:4px;background:#eef2ff;color:#3730a3;font-size:12px;margin-right:4px}
.tag.changed{background:#fef3c7;color:#92400e}details{margin:4px 0}summary{cursor:pointer;color:#2563eb}
.msg{border-left:3px solid var(--line);padding:4px 10px;margin:6px 0;white-space:pre-wrap;word-break:break-word}
.msg .role{font-size:11px;font-weight:700;text-transform:uppercase;color:var(--muted)}.msg.assistant{border-color:#2563eb}.msg.user{border-color:#16a34a}
.msg.tool{border-color:#9333ea}.call{font-family:ui-monospace,monospace;font-size:12px;background:var(--card);padding:4px 6px;border-radius:4px;margin:4px 0}
.call.failed{background:#fef2f2;color:var(--bad)}.muted{color:var(--muted)}footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{.charts{grid-template-columns:1fr 1fr}details{display:block}}`;

function fmt(v: unknown, digits = 3): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  if (Array.isArray(v)) return v.join(', ');
  return v === undefined || v === null ? '—' : String(v);
}

/** Most points drawn per series; longer runs are thinned evenly (first and last kept), so the page stays light. */
const MAX_CHART_POINTS = 600;
/** Most timeline rows; past it, only iterations where the state changed or the evolver acted are listed. */
const MAX_TIMELINE_ROWS = 300;

function series(points: readonly ReportPoint[], key: ReportKeys['point'], name: string, color: string, dashed = false): Series {
  const out: Array<[number, number]> = [];
  const stride = Math.max(1, Math.ceil(points.length / MAX_CHART_POINTS));
  points.forEach((p, i) => {
    if (i % stride !== 0 && i !== points.length - 1) return;
    const x = num(p, 'iteration');
    const y = num(p, key);
    if (x !== undefined && y !== undefined) out.push([x, y]);
  });
  return { name, color, points: out, dashed };
}

function card(value: string, label: string): string {
  return `<div class="card"><b>${h(value)}</b><span>${h(label)}</span></div>`;
}

interface Message {
  role: string;
  content: string;
  name?: string | null;
  tool_calls?: Array<{ id: string; name: string; arguments: string; result?: string | null; success?: boolean | null; error?: string | null }> | null;
}

function conversation(messagesJson: unknown): string {
  let messages: Message[];
  try {
    messages = JSON.parse(String(messagesJson)) as Message[];
  } catch {
    return `<p class="muted">messages not available (${h(String(messagesJson).slice(-40))})</p>`;
  }
  return messages
    .map((m) => {
      const calls = (m.tool_calls ?? [])
        .map((c) => `<div class="call${c.success === false ? ' failed' : ''}">→ ${h(c.name)}(${h(c.arguments)})${c.success === false ? ` ✗ ${h(c.error ?? 'failed')}` : ''}</div>`)
        .join('');
      return `<div class="msg ${h(m.role)}"><div class="role">${h(m.role)}${m.name ? ` · ${h(m.name)}` : ''}</div>${h(m.content)}${calls}</div>`;
    })
    .join('');
}

function signalTags(signalsJson: unknown): string {
  try {
    const signals = JSON.parse(String(signalsJson)) as Record<string, { value: number; confidence: number }>;
    const entries = Object.entries(signals);
    if (entries.length === 0) return '<span class="muted">none</span>';
    return entries.map(([name, s]) => `<span class="tag" title="confidence ${fmt(s.confidence, 2)}">${h(name)} ${fmt(s.value, 2)}</span>`).join('');
  } catch {
    return '—';
  }
}

export function renderReport(model: ReportModel, generatedAt: Date): string {
  const { run, worst } = model;
  const points = sortedPoints(model);
  const marks = [...model.marks.values()];
  const last = points.at(-1);
  const first = points[0];
  const signalKeys = [...new Set(points.flatMap((p) => Object.keys(p).filter((k): k is `signal.${string}` => k.startsWith('signal.'))))].sort();
  const markers = marks.map((m) => ({ x: num(m, 'iteration') ?? 0, label: `iteration ${fmt(m.iteration)}: ${fmt(m.actions)} (Δ ${fmt(m.reward_delta)})` }));
  const stateChanges = points.filter((p, i) => i > 0 && p['state.combined'] !== undefined && p['state.combined'] !== points[i - 1]['state.combined']).length;
  const title = `ClawLoop run ${run.bench ? `· ${String(run.bench)} ` : ''}· ${String(run.run_id ?? 'unknown run')}`;

  const charts = [
    lineChart({
      title: 'Reward per iteration',
      yLabel: 'effective reward [-1, 1]',
      markers,
      series: [
        series(points, 'reward.mean', 'mean (effective)', PALETTE[0]),
        series(points, 'reward.min', 'min', PALETTE[1], true),
        series(points, 'reward.max', 'max', PALETTE[2], true),
        series(points, 'raw.mean', 'avg_reward (raw)', PALETTE[6]),
      ],
    }),
    lineChart({
      title: 'Reward signals (mean per iteration)',
      yLabel: 'signal value',
      markers,
      series: signalKeys.map((k, i) => series(points, k, k.slice('signal.'.length), PALETTE[i % PALETTE.length])),
    }),
    lineChart({
      title: 'Playbook size',
      yLabel: 'entries',
      markers,
      series: [series(points, 'playbook.size', 'entries', PALETTE[3])],
    }),
    lineChart({
      title: 'Playbook helpful / harmful totals',
      yLabel: 'count',
      markers,
      series: [series(points, 'playbook.helpful', 'helpful', PALETTE[2]), series(points, 'playbook.harmful', 'harmful', PALETTE[1])],
    }),
  ];

  const markByIteration = new Map(marks.map((m) => [num(m, 'iteration'), m]));
  const notable = (p: ReportPoint, i: number) => i === 0 || i === points.length - 1 || markByIteration.has(num(p, 'iteration')) || p['state.combined'] !== points[i - 1]['state.combined'];
  const listed = points.map((p, i) => [p, i] as const).filter(([p, i]) => points.length <= MAX_TIMELINE_ROWS || notable(p, i)).slice(0, MAX_TIMELINE_ROWS);
  const timelineNote = listed.length < points.length ? `<p class="muted">${listed.length} of ${points.length} iterations listed: the first, the last, and those where the state changed or the evolver acted.</p>` : '';
  const timeline = listed
    .map(([p, i]) => {
      const mark = markByIteration.get(num(p, 'iteration'));
      const changed = i > 0 && p['state.combined'] !== points[i - 1]['state.combined'];
      const delta = mark ? num(mark, 'reward_delta') : undefined;
      return `<tr><td class="num">${fmt(p.iteration)}</td><td class="num">${fmt(p['reward.mean'])}</td><td class="num">${fmt(p['raw.mean'])}</td><td class="num">${fmt(p['playbook.size'])}</td>
<td>${p['state.combined'] !== undefined ? `<span class="tag${changed ? ' changed' : ''}">${h(p['state.combined'])}</span>` : '—'}</td>
<td>${mark ? (mark.actions as string[]).map((a) => `<span class="tag">${h(a)}</span>`).join('') : ''}</td>
<td class="num ${delta !== undefined && delta < 0 ? 'neg' : delta ? 'pos' : ''}">${delta !== undefined ? fmt(delta) : ''}</td>
<td>${(['fb.harness', 'fb.router', 'fb.weights'] as const).map((k) => (p[k] ? `${k.slice(3)}: ${h(p[k])}` : '')).filter(Boolean).join(' · ')}</td></tr>`;
    })
    .join('\n');

  const worstRows = worst
    .map(
      (e) => `<tr><td class="num ${num(e, 'effective_reward')! < 0 ? 'neg' : ''}">${fmt(e.effective_reward, 2)}</td><td class="num">${fmt(e.iteration)}</td>
<td>${h(e.task_id)}<div class="muted">${h(e.id)}</div></td><td>${signalTags(e.signals)}</td>
<td class="num">${fmt(e.n_steps)}</td><td class="num">${fmt(e.n_tool_calls)}${num(e, 'n_failed_tool_calls') ? ` <span class="neg">(${fmt(e.n_failed_tool_calls)} failed)</span>` : ''}</td>
<td>${e.error ? `<span class="neg">${h(e.error)}</span>` : ''}<details><summary>conversation</summary>${conversation(e.messages)}</details></td></tr>`,
    )
    .join('\n');

  const started = run.started_at ? `started ${fmt(run.started_at)}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${h(title)}</h1>
<p class="sub">${h([started, run.status ? `status ${String(run.status)}` : '', run.source ? `source ${String(run.source)}` : ''].filter(Boolean).join(' · '))}</p>
<section class="cards">
${card(fmt(points.length), 'iterations')}
${card(fmt(episodeCount(model)), 'episodes')}
${card(last ? fmt(last['reward.mean']) : '—', 'final reward (effective mean)')}
${card(first && last ? fmt((num(last, 'reward.mean') ?? 0) - (num(first, 'reward.mean') ?? 0)) : '—', 'change since first iteration')}
${card(run.best_reward !== undefined ? fmt(run.best_reward) : '—', 'best reward (ClawLoop)')}
${card(last ? fmt(last['playbook.size']) : '—', 'playbook entries')}
${card(fmt(stateChanges), 'state changes')}
${card(fmt(marks.length), 'evolution steps')}
</section>
<h2>Learning curves</h2>
<section class="charts">${charts.join('\n')}</section>
<h2>Timeline</h2>
<table><thead><tr><th>iteration</th><th>reward (effective mean)</th><th>avg_reward (raw)</th><th>playbook</th><th>state</th><th>evolution</th><th>Δ reward</th><th>layers</th></tr></thead>
<tbody>${timeline || '<tr><td colspan="8" class="muted">no iterations</td></tr>'}</tbody></table>
${timelineNote}
<h2>Worst episodes</h2>
<table><thead><tr><th>reward</th><th>iteration</th><th>task</th><th>signals</th><th>steps</th><th>tool calls</th><th>error / conversation</th></tr></thead>
<tbody>${worstRows || '<tr><td colspan="7" class="muted">no episodes (full episodes come from the after_iteration bridge)</td></tr>'}</tbody></table>
<footer>Generated by clawloop-sinks at ${h(generatedAt.toISOString())}. Effective reward follows ClawLoop's priority: user &gt; outcome &gt; execution (confidence ≥ 0.7) &gt; judge.</footer>
</main></body></html>
`;
}
