/**
 * Renders the report model as one self-contained HTML page: inline CSS, inline SVG charts and one small inline script
 * (the smoothing slider); no network, no external script or font. Sections: summary cards, learning curves with the
 * evolution lane, per-task rewards, the lowest- and highest-reward episodes, all iterations, what the numbers mean.
 */
import { summaryCards } from './cards.js';
import { escapeHtml as h } from './escape.js';
import { episodeList } from './episodes-html.js';
import { glossary } from './glossary.js';
import { shownEpisodes, type ReportModel } from './model.js';
import { learningPanels } from './panels.js';
import { runView } from './run-view.js';
import { defaultSmoothing, SMOOTHING_SCRIPT } from './smoothing.js';
import { CSS } from './style.js';
import { iterationTable, taskTable } from './tables.js';
import { MAX_POINTS } from './svg-chart.js';

export interface RenderOptions {
  /** While the run is live, the page reloads itself every this many seconds. */
  refreshSeconds?: number;
  /** Version of clawloop-sinks, for the footer. */
  version?: string;
  /** The last write (the sink closed): a run without run.finished is "not finished", not "in progress". */
  final?: boolean;
}

/**
 * Whether the render options (the live refresh, the last write) change the page of `model`: only while the run has no
 * end status. Once it has one, any page written since the last event is the final page (but for its written-at time).
 */
export function optionsMatter(model: ReportModel): boolean {
  return model.run.status === undefined;
}

export function renderReport(model: ReportModel, generatedAt: Date, options: RenderOptions = {}): string {
  const { run } = model;
  const view = runView(model);
  const smoothing = defaultSmoothing(Math.min(view.points.length, MAX_POINTS));
  const panels = learningPanels(view, smoothing);
  const { worst, best } = shownEpisodes(model);
  const live = options.refreshSeconds !== undefined && run.status === undefined;
  const title = `ClawLoop run${run.bench ? ` · ${String(run.bench)}` : ''} · ${String(run.run_id ?? 'unknown run')}`;
  const header = [
    run.started_at ? `started ${String(run.started_at)}` : '',
    run.finished_at ? `finished ${String(run.finished_at)}` : '',
    run.status ? `status ${String(run.status)}` : options.final ? 'not finished when this report was written' : 'in progress',
    run.source ? `source ${String(run.source)}` : '',
    run.config_hash ? `config ${String(run.config_hash)}` : '',
  ].filter(Boolean);
  const hasEpisodes = worst.length + best.length > 0;
  const shown = (n: number) => `${n} episode${n === 1 ? '' : 's'}`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${live ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : ''}
<title>${h(title)}</title><style>${CSS}</style></head>
<body${smoothing > 0 ? ' class="smoothed"' : ''}><main>
<section id="overview">
<h1>${h(title)}</h1>
<p class="sub">${h(header.join(' · '))}</p>
${live ? `<p class="live">Live: this page is rewritten as the run goes and reloads every ${options.refreshSeconds} s.</p>` : ''}
<nav class="toc"><a href="#curves">Learning curves</a><a href="#tasks">Per task</a><a href="#episodes">Episodes</a><a href="#iterations">Iterations</a><a href="#numbers">What the numbers mean</a></nav>
${summaryCards(model, view)}
</section>
<section id="curves">
<h2>Learning curves</h2>
<div class="controls"><label for="smoothing">Smoothing</label><input type="range" id="smoothing" min="0" max="0.99" step="0.01" value="${smoothing}"><output id="smoothing-value" for="smoothing">${smoothing.toFixed(2)}</output><span>exponential moving average; faint lines are the raw values</span></div>
<div class="charts">${panels.html.join('\n')}</div>
${panels.missing.length > 0 ? `<p class="missing muted">Not drawn: ${h(panels.missing.join('; '))}.</p>` : ''}
</section>
<section id="tasks">
<h2>Per task <span class="muted">(reward on avg_reward’s raw scale)</span></h2>
${taskTable(model)}
</section>
<section id="episodes">
<h2>Episodes</h2>
${hasEpisodes ? '' : '<p class="muted">No episodes in this run’s input: full episodes come from the after_iteration bridge (examples/observability/clawloop_bridge.py); ClawLoop’s archive keeps summaries.</p>'}
${
  hasEpisodes
    ? `<h3>Lowest effective reward <span class="muted">(${shown(worst.length)})</span></h3><div class="episodes worst">${episodeList(worst, true, 'none')}</div>
<h3>Highest effective reward <span class="muted">(${shown(best.length)})</span></h3><div class="episodes best">${episodeList(best, false, 'none scored higher than the episodes above')}</div>`
    : ''
}
</section>
<section id="iterations">
<h2>Iterations</h2>
<details${view.points.length <= 20 ? ' open' : ''}><summary>${view.points.length} iteration${view.points.length === 1 ? '' : 's'}: rewards, success, playbook, state hash, evolution, layer status</summary>${iterationTable(model, view)}</details>
</section>
<section id="numbers">
<h2>What the numbers mean</h2>
${glossary()}
</section>
<footer>Generated by clawloop-sinks${options.version ? ` ${h(options.version)}` : ''} at ${h(generatedAt.toISOString())}.</footer>
</main><script>${SMOOTHING_SCRIPT}</script></body></html>
`;
}
