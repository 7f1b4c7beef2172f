/** Line charts as inline SVG text: no script, no network, prints as it looks. */
import { escapeHtml } from './escape.js';

export interface Series {
  name: string;
  color: string;
  points: ReadonlyArray<readonly [number, number]>;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  series: readonly Series[];
  /** Vertical markers (e.g. evolution steps), labelled. */
  markers?: ReadonlyArray<{ x: number; label: string }>;
  yLabel?: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 28, right: 16, bottom: 34, left: 48 };

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const err = ((max - min) / count) / step;
  const nice = step * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / nice) * nice; t <= max + nice * 1e-9; t += nice) ticks.push(Number(t.toFixed(10)));
  return ticks;
}

function format(n: number): string {
  return Math.abs(n) >= 1000 ? n.toFixed(0) : Number(n.toPrecision(3)).toString();
}

export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 560;
  const height = options.height ?? 240;
  const all = options.series.flatMap((s) => s.points);
  if (all.length === 0) {
    return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img"><title>${escapeHtml(options.title)}</title><text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="muted">no data</text></svg>`;
  }
  let [xMin, xMax] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  let [yMin, yMax] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
  if (xMin === xMax) [xMin, xMax] = [xMin - 1, xMax + 1];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const pad = (yMax - yMin) * 0.08;
  [yMin, yMax] = [yMin - pad, yMax + pad];
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v - xMin) / (xMax - xMin)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;

  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="16" class="chart-title">${escapeHtml(options.title)}</text>`);
  for (const t of niceTicks(yMin, yMax)) {
    parts.push(`<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" class="tick">${format(t)}</text>`);
  }
  const xTicks = niceTicks(xMin, xMax, 8).filter((t) => Number.isInteger(t));
  for (const t of xTicks) parts.push(`<text x="${x(t).toFixed(1)}" y="${height - MARGIN.bottom + 16}" text-anchor="middle" class="tick">${t}</text>`);
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${height - 4}" text-anchor="middle" class="axis">iteration</text>`);
  if (options.yLabel) parts.push(`<text transform="translate(12 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" class="axis">${escapeHtml(options.yLabel)}</text>`);
  for (const m of options.markers ?? []) {
    parts.push(`<line x1="${x(m.x).toFixed(1)}" x2="${x(m.x).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" class="marker"><title>${escapeHtml(m.label)}</title></line>`);
  }
  options.series.forEach((s, i) => {
    if (s.points.length === 0) return;
    const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
    for (const p of s.points) parts.push(`<circle cx="${x(p[0]).toFixed(1)}" cy="${y(p[1]).toFixed(1)}" r="2.5" fill="${s.color}"><title>${escapeHtml(`${s.name} @ ${p[0]}: ${format(p[1])}`)}</title></circle>`);
    const lx = MARGIN.left + 8 + i * 128;
    parts.push(`<rect x="${lx}" y="${MARGIN.top - 4}" width="10" height="3" fill="${s.color}"/><text x="${lx + 14}" y="${MARGIN.top}" class="legend">${escapeHtml(s.name)}</text>`);
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">${parts.join('')}</svg>`;
}
