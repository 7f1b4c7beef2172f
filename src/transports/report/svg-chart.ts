/**
 * One chart panel as a <figure>: a title naming the quantity and its scale, an HTML legend with an entry for every
 * kind of mark drawn, and an inline SVG with one y scale. Curves are thinned to at most MAX_POINTS points (each the
 * mean of the iterations it covers) and a panel can carry the evolution lane under its plot.
 */
import { escapeHtml as h } from './escape.js';
import { ema } from './smoothing.js';

/** Most points drawn per curve (W&B samples long histories down in the same way). */
export const MAX_POINTS = 500;

export interface Series {
  /** Identifier shared by the marks and the legend entry (data-series). */
  key: string;
  name: string;
  color: string;
  points: ReadonlyArray<readonly [number, number]>;
  /** Drawn as a faint raw line plus a smoothed line that the page's slider controls. */
  smooth?: boolean;
  dashed?: boolean;
}

export interface LaneRow {
  key: string;
  name: string;
  color: string;
  iterations: readonly number[];
}

export interface YScale {
  /** Named on the axis and in the title, e.g. "effective reward, −1…1". */
  label: string;
  /** Fixed ends; a missing end follows the data. */
  min?: number;
  max?: number;
  format?: (v: number) => string;
}

export interface PanelOptions {
  id: string;
  title: string;
  /** One sentence under the title: what is plotted. */
  caption?: string;
  scale: YScale;
  series: readonly Series[];
  lane?: readonly LaneRow[];
  /** Shared x range (first and last iteration of the run). */
  xDomain: readonly [number, number];
  /** Weight of the smoothed lines as first drawn (the page's slider starts there). */
  smoothing: number;
  wide?: boolean;
}

const MARGIN = { top: 12, right: 18, bottom: 30, left: 58 };
/** Room for the lane's row labels ("paradigm shift", "state changed"). */
const LANE_LEFT = 104;
const LANE_ROW = 13;

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const err = (max - min) / count / step;
  const nice = step * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / nice - 1e-9) * nice; t <= max + nice * 1e-9; t += nice) ticks.push(Number(t.toFixed(10)));
  return ticks;
}

export function formatNumber(n: number): string {
  if (Math.abs(n) >= 1_000_000) return `${Number((n / 1_000_000).toPrecision(3))}M`;
  if (Math.abs(n) >= 10_000) return `${Number((n / 1000).toPrecision(3))}k`;
  if (Math.abs(n) >= 1000) return n.toFixed(0);
  return Number(n.toPrecision(3)).toString();
}

/** Groups points into at most MAX_POINTS buckets of consecutive iterations. */
function bucketsOf<T extends readonly number[]>(points: ReadonlyArray<T>): T[][] {
  const size = Math.max(1, Math.ceil(points.length / MAX_POINTS));
  const out: T[][] = [];
  for (let i = 0; i < points.length; i += size) out.push(points.slice(i, i + size));
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function thinSeries(points: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  return bucketsOf(points).map((b) => [mean(b.map((p) => p[0])), mean(b.map((p) => p[1]))]);
}

/** Consecutive iterations merged into [first, last] runs, so a lane stays small at any run length. */
export function runsOf(iterations: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(iterations)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = runs.at(-1);
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

const f1 = (n: number) => n.toFixed(1);

function legendItem(key: string, name: string, color: string, kind: 'line' | 'lane' | 'dashed', detail = ''): string {
  return `<li data-series="${h(key)}"><span class="swatch ${kind}" style="--c:${color}"></span>${h(name)}${detail ? ` <span class="muted">${h(detail)}</span>` : ''}</li>`;
}

/** Renders the panel. */
export function chartPanel(o: PanelOptions): string {
  const width = o.wide ? 1120 : 550;
  const plotH = o.wide ? 210 : 170;
  const laneRows = o.lane?.filter((r) => r.iterations.length > 0) ?? [];
  const M = { ...MARGIN, left: laneRows.length > 0 ? LANE_LEFT : MARGIN.left };
  const laneH = laneRows.length > 0 ? laneRows.length * LANE_ROW + 10 : 0;
  const height = M.top + plotH + laneH + M.bottom;
  const plotW = width - M.left - M.right;
  let [x0, x1] = o.xDomain;
  if (x0 === x1) [x0, x1] = [x0 - 0.5, x1 + 0.5];

  const series = o.series.filter((s) => s.points.length > 0).map((s) => ({ ...s, thin: thinSeries(s.points) }));
  const ys = series.flatMap((s) => s.thin.map((p) => p[1]));
  let y0 = o.scale.min ?? Math.min(...ys);
  let y1 = o.scale.max ?? Math.max(...ys);
  if (o.scale.min === undefined && o.scale.max === undefined) {
    // Counts and sizes start at 0; other data gets a little room at both ends.
    const pad = (y1 - y0) * 0.08 || Math.abs(y1) * 0.1 || 1;
    [y0, y1] = y0 >= 0 ? [0, y1 + pad] : [y0 - pad, y1 + pad];
  } else if (y0 === y1) y1 = y0 + 1;
  const x = (v: number) => M.left + ((v - x0) / (x1 - x0)) * plotW;
  // pixel y = a + b × value (kept on smoothed paths so the page script can redraw them)
  const b = -plotH / (y1 - y0);
  const a = M.top + plotH - b * y0;
  const y = (v: number) => a + b * v;
  const fmt = o.scale.format ?? formatNumber;

  const parts: string[] = [];
  for (const t of niceTicks(y0, y1)) {
    parts.push(`<line class="grid" x1="${M.left}" x2="${width - M.right}" y1="${f1(y(t))}" y2="${f1(y(t))}"/>`);
    parts.push(`<text class="tick y" x="${M.left - 6}" y="${f1(y(t) + 3.5)}" text-anchor="end">${h(fmt(t))}</text>`);
  }
  const xTicks = niceTicks(o.xDomain[0], o.xDomain[1], o.wide ? 10 : 6).filter((t) => Number.isInteger(t));
  for (const t of xTicks) parts.push(`<text class="tick x" x="${f1(x(t))}" y="${height - M.bottom + 14}" text-anchor="middle">${t}</text>`);
  parts.push(`<text class="axis" x="${M.left + plotW / 2}" y="${height - 3}" text-anchor="middle">iteration</text>`);
  parts.push(
    `<text class="axis" transform="translate(${M.left - 44} ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">${h(o.scale.label)}</text>`,
  );
  if (y0 < 0 && y1 > 0) parts.push(`<line class="zero" x1="${M.left}" x2="${width - M.right}" y1="${f1(y(0))}" y2="${f1(y(0))}"/>`);

  for (const s of series) {
    const px = s.thin.map((p) => f1(x(p[0])));
    const path = (values: readonly number[]) => values.map((v, i) => `${i ? 'L' : 'M'}${px[i]},${f1(y(v))}`).join(' ');
    const raw = s.thin.map((p) => p[1]);
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : '';
    if (s.smooth && raw.length > 1) {
      parts.push(`<path class="raw" data-series="${h(s.key)}" d="${path(raw)}" stroke="${s.color}"/>`);
      parts.push(
        `<path class="smooth" data-series="${h(s.key)}" d="${path(ema(raw, o.smoothing))}" stroke="${s.color}"${dash} data-px="${px.join(',')}" data-y="${raw.map((v) => Number(v.toPrecision(5))).join(',')}" data-a="${f1(a)}" data-b="${b.toFixed(4)}"/>`,
      );
    } else if (raw.length > 1) {
      parts.push(`<path class="line" data-series="${h(s.key)}" d="${path(raw)}" stroke="${s.color}"${dash}/>`);
    }
    // Points are marked while they stay distinguishable; each carries its value for hovering.
    if (raw.length <= 40) {
      s.thin.forEach((p) =>
        parts.push(
          `<circle class="dot${s.smooth ? ' raw-dot' : ''}" data-series="${h(s.key)}" cx="${f1(x(p[0]))}" cy="${f1(y(p[1]))}" r="3" fill="${s.color}"><title>${h(`${s.name} · iteration ${p[0]}: ${fmt(p[1])}`)}</title></circle>`,
        ),
      );
    }
  }
  if (laneRows.length > 0) {
    const top = M.top + plotH + 8;
    const step = plotW / Math.max(1, x1 - x0);
    laneRows.forEach((row, r) => {
      const ry = top + r * LANE_ROW + 2;
      parts.push(`<text class="lane-label" x="${M.left - 6}" y="${ry + 8}" text-anchor="end">${h(row.name)}</text>`);
      parts.push(`<rect class="lane-bg" x="${M.left}" y="${ry}" width="${plotW}" height="${LANE_ROW - 3}"/>`);
      // Wide cells (short runs) stay one per iteration with a gap; narrow ones merge into runs of consecutive iterations.
      const gap = step >= 8 ? 1.5 : 0;
      for (const [from, to] of gap ? [...new Set(row.iterations)].map((i) => [i, i] as const) : runsOf(row.iterations)) {
        const left = Math.max(M.left, x(from) - step / 2 + gap);
        const right = Math.min(M.left + plotW, x(to) + step / 2 - gap);
        parts.push(
          `<rect class="lane-mark" data-series="${h(row.key)}" x="${f1(left)}" y="${ry}" width="${f1(Math.max(1.5, right - left))}" height="${LANE_ROW - 3}" fill="${row.color}"><title>${h(`${row.name}: iteration ${from === to ? from : `${from}–${to}`}`)}</title></rect>`,
        );
      }
    });
  }

  const legend = [
    ...series.map((s) => legendItem(s.key, s.name, s.color, s.dashed ? 'dashed' : 'line')),
    ...laneRows.map((r) =>
      legendItem(r.key, r.name, r.color, 'lane', `(${r.iterations.length} of ${o.xDomain[1] - o.xDomain[0] + 1} iterations)`),
    ),
  ];
  return `<figure class="panel${o.wide ? ' wide' : ''}" id="${h(o.id)}" data-scale="${h(o.scale.label)}">
<figcaption><b>${h(o.title)}</b>${o.caption ? `<span class="caption">${h(o.caption)}</span>` : ''}</figcaption>
<ul class="legend">${legend.join('')}</ul>
<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(`${o.title} (${o.scale.label})`)}" data-y-min="${y0}" data-y-max="${y1}">${parts.join('')}</svg>
</figure>`;
}
