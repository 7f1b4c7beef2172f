/**
 * The HTML report, rendered in headless Chromium (network cut off) for runs of 3, 20, 200 and 2 000 iterations (real
 * sample episodes, generated learning curves: bench/generate.ts), the real sample itself, and a run that has only
 * experiment.jsonl + evolution.jsonl. Screenshots are kept under test-output/report/ for a human to look at; what a
 * test can check is checked: one scale per panel, a legend entry for every kind of mark, evolution as a lane (never a
 * line per step), readable full-width conversations with long messages cut by a marker, bounded size at 2 000
 * iterations, and honest numbers for the experiment-only run.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLearningRun } from '../../bench/generate.js';
import { runCliAsync } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';
import { renderedDom, screenshot } from './chromium.js';

const SAMPLE = join(ROOT, 'examples', 'data', 'toolbench-run');
const SHOTS = join(ROOT, 'test-output', 'report');
const tmp = mkdtempSync(join(tmpdir(), 'report-render-'));

/** Injected into a copy of the page: layout numbers only a browser knows. */
const MEASURE = `<script>addEventListener('load', function () {
  var main = document.querySelector('main').getBoundingClientRect().width;
  var bodies = Array.from(document.querySelectorAll('details.conversation[open] .msg .body')).map(function (e) { return e.getBoundingClientRect().width; });
  var episodes = Array.from(document.querySelectorAll('.episode')).map(function (e) { return e.getBoundingClientRect().width; });
  document.body.setAttribute('data-measure', JSON.stringify({ main: main, bodies: bodies, episodes: episodes }));
});</script>`;

interface Rendered {
  html: string;
  dom: string;
  bytes: number;
  measure: { main: number; bodies: number[]; episodes: number[] };
}

async function render(name: string, input: string): Promise<Rendered> {
  const out = join(tmp, `${name}.html`);
  const replay = await runCliAsync(['replay', input, '--sink', 'report', '--out', out, '-q']);
  if (replay.code !== 0) throw new Error(`replay ${name}: ${replay.stderr}`);
  const html = readFileSync(out, 'utf8');
  const measured = join(tmp, `${name}.measure.html`);
  writeFileSync(measured, html.replace('</body>', `${MEASURE}</body>`));
  const dom = await renderedDom(measured);
  const measure = JSON.parse(/data-measure="([^"]*)"/.exec(dom)![1].replace(/&quot;/g, '"'));
  mkdirSync(SHOTS, { recursive: true });
  // One picture per part of the page (a copy showing only that section: headless screenshots cannot scroll).
  for (const [view, sections, height] of [
    ['overview', ['overview', 'curves'], 1500],
    ['curves', ['curves'], 1700],
    ['episodes', ['episodes'], 1500],
    ['tables', ['tasks', 'iterations'], 1200],
  ] as const) {
    const only = join(tmp, `${name}.${view}.html`);
    writeFileSync(
      only,
      html.replace(
        '</head>',
        `<style>main > section:not(${sections.map((s) => `#${s}`).join(', ')}), footer { display: none }</style></head>`,
      ),
    );
    const png = await screenshot(only, join(SHOTS, `${name}-${view}.png`), 1400, height);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  }
  return { html, dom, bytes: statSync(out).size, measure };
}

/** The panels of a page: id, scale, the series its marks belong to, its legend entries, its y tick labels. */
function panels(dom: string) {
  return [...dom.matchAll(/<figure class="panel[^"]*" id="([^"]+)" data-scale="([^"]+)">([\s\S]*?)<\/figure>/g)].map(
    ([, id, scale, body]) => {
      const [legend, svg] = body.split('<svg');
      return {
        id,
        scale,
        marks: new Set([...svg.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])),
        legend: new Set([...legend.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])),
        yTicks: [...svg.matchAll(/<text class="tick y"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]),
        yLabels: [...svg.matchAll(/<text class="axis" transform="[^"]*rotate\(-90\)"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]),
        laneMarks: [...svg.matchAll(/class="lane-mark"/g)].length,
        svg,
      };
    },
  );
}

const toNumber = (label: string) => Number(label.replace('−', '-').replace('%', ''));

const RUNS = [
  { iterations: 3, episodes: 4 },
  { iterations: 20, episodes: 6 },
  { iterations: 200, episodes: 6 },
  { iterations: 2000, episodes: 3 },
] as const;
const pages = new Map<string, Rendered>();

beforeAll(async () => {
  const { events } = await collect(SAMPLE);
  for (const run of RUNS) {
    const file = join(tmp, `run-${run.iterations}.ndjson`);
    generateLearningRun(events, file, { iterations: run.iterations, episodesPerIteration: run.episodes });
    pages.set(`run-${run.iterations}`, await render(`run-${run.iterations}`, file));
  }
  pages.set('sample', await render('sample', SAMPLE));
  const onlyLogs = join(tmp, 'experiment-and-evolution');
  mkdirSync(onlyLogs);
  for (const f of ['experiment.jsonl', 'evolution.jsonl']) copyFileSync(join(SAMPLE, f), join(onlyLogs, f));
  pages.set('experiment-only', await render('experiment-only', onlyLogs));
  // ClawLoop's own output without the bridge: the archive's episode summaries (no messages) beside the two logs.
  const archived = join(tmp, 'archive-only');
  cpSync(join(SAMPLE, 'archive'), join(archived, 'archive'), { recursive: true });
  for (const f of ['experiment.jsonl', 'evolution.jsonl']) copyFileSync(join(SAMPLE, f), join(archived, f));
  pages.set('archive-only', await render('archive-only', archived));
}, 600_000);
// The generated inputs are large (the 2 000-iteration run is ~45 MB); the screenshots stay in test-output/.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each([...RUNS.map((r) => `run-${r.iterations}`), 'sample'])('report of %s', (name) => {
  it('has one scale per panel: effective reward and avg_reward never share an axis, fixed scales hold their ticks', () => {
    const all = panels(pages.get(name)!.dom);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const p of all) {
      expect(p.yLabels, p.id).toEqual([p.scale]);
      const kinds = [[...p.marks].some((m) => m.startsWith('reward.')), [...p.marks].some((m) => m.startsWith('raw.'))];
      expect(kinds.filter(Boolean).length, `${p.id} mixes effective reward and avg_reward`).toBeLessThanOrEqual(1);
    }
    const effective = all.find((p) => p.id === 'chart-effective-reward')!;
    expect(effective.scale).toBe('effective reward, −1…1');
    expect(effective.yTicks.map(toNumber)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(
      all
        .find((p) => p.id === 'chart-avg-reward')!
        .yTicks.map(toNumber)
        .every((t) => t >= 0 && t <= 1),
    ).toBe(true);
    expect(
      all
        .find((p) => p.id === 'chart-success-rate')!
        .yTicks.map(toNumber)
        .every((t) => t >= 0 && t <= 100),
    ).toBe(true);
  });

  it('has a legend entry for every kind of mark in every panel', () => {
    for (const p of panels(pages.get(name)!.dom)) {
      expect(p.marks.size, p.id).toBeGreaterThan(0);
      expect(
        [...p.marks].filter((m) => !p.legend.has(m)),
        p.id,
      ).toEqual([]);
    }
  });

  it('draws evolution as a lane under the reward panel, never as a line per step', () => {
    const { dom } = pages.get(name)!;
    expect(dom).not.toMatch(/class="marker"/);
    const [effective, ...others] = panels(dom);
    expect(effective.id).toBe('chart-effective-reward');
    expect(effective.legend.has('evolution.reflect')).toBe(true);
    expect(effective.legend.has('state.changed')).toBe(true);
    // Consecutive iterations merge into one mark: a lane never holds more marks than the plot has pixels.
    expect(effective.laneMarks).toBeGreaterThan(0);
    expect(effective.laneMarks).toBeLessThan(4 * 1100);
    for (const p of others) expect(p.laneMarks, p.id).toBe(0);
  });

  it('shows the lowest- and highest-reward episodes with readable, full-width conversations', () => {
    const { dom, measure } = pages.get(name)!;
    expect(dom).not.toContain('messages not available');
    const worst = /<div class="episodes worst">([\s\S]*?)<\/div>\s*<h3>/.exec(dom)![1];
    const best = /<div class="episodes best">([\s\S]*?)<\/section>/.exec(dom)![1];
    const ids = (html: string) => [...html.matchAll(/data-episode="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(worst).length).toBeGreaterThan(0);
    expect(ids(best).length).toBeGreaterThan(0);
    expect(ids(worst).filter((id) => ids(best).includes(id))).toEqual([]);
    const rewards = (html: string) =>
      [...html.matchAll(/<span class="reward[^"]*" title="effective reward[^"]*">([^<]+)<\/span>/g)].map((m) => toNumber(m[1]));
    expect(Math.max(...rewards(worst))).toBeLessThanOrEqual(Math.min(...rewards(best)));
    // The first conversation is open and spans the page: its message bodies use most of the content width.
    expect(measure.bodies.length).toBeGreaterThan(0);
    expect(Math.min(...measure.bodies)).toBeGreaterThan(measure.main - 220);
    expect(Math.min(...measure.episodes)).toBeGreaterThan(measure.main * 0.95);
  });

  it('explains every number and works without the network (no external script, style, font or image)', () => {
    const { html } = pages.get(name)!;
    expect(html).toContain('What the numbers mean');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/);
  });
});

describe('report at scale', () => {
  it('stays bounded at 2 000 iterations', () => {
    const small = pages.get('run-200')!.bytes;
    const large = pages.get('run-2000')!.bytes;
    expect(large).toBeLessThan(1_000_000);
    // Curves are thinned and tables capped: ten times the iterations is not ten times the page.
    expect(large).toBeLessThan(small * 3);
  });

  it('smooths long runs by default, with the slider the page script drives', () => {
    const { dom } = pages.get('run-200')!;
    expect(dom).toMatch(/<input type="range" id="smoothing"[^>]*value="0\.8"/);
    expect(dom).toMatch(/<body class="smoothed"/);
    expect(dom.match(/<path class="smooth"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(pages.get('run-3')!.dom).toMatch(/<input type="range" id="smoothing"[^>]*value="0"/);
  });
});

describe('report of a run with only experiment.jsonl and evolution.jsonl', () => {
  it('compares like with like: avg_reward start → end with its real change and best, no effective-reward card', () => {
    const { dom } = pages.get('experiment-only')!;
    const card = /<div class="card" data-scale="mean raw reward per iteration · 0…1">([\s\S]*?)<\/div>\n<\/div>/.exec(dom)![1];
    expect(card).toContain('<span class="start" title="iteration 0">0.25</span> → <span class="end" title="iteration 2">0.50</span>');
    expect(card).toContain('+0.25');
    expect(card).toContain('best <b>0.50</b> at iteration 2');
    expect(dom).not.toContain('data-scale="mean per iteration · −1…1"');
  });

  it('counts state changes from the evolution hashes and draws avg_reward with the lane; nothing untitled', () => {
    const { dom } = pages.get('experiment-only')!;
    expect(dom).toMatch(/3 steps<\/div><div class="sub">reflect 3 · 3 state changes/);
    const all = panels(dom);
    expect(all[0].id).toBe('chart-avg-reward');
    expect(all[0].legend.has('state.changed')).toBe(true);
    expect(dom).not.toMatch(/>no data</);
    expect(dom).toContain('Not drawn: effective reward, success rate, signal, token and latency curves');
    for (const p of all) expect(p.svg).toMatch(/<path|<circle/);
  });
});

describe('report of a run with the archive but no after_iteration dump', () => {
  it('shows summary-level episodes with their numbers and says where their conversations would come from', () => {
    const { dom } = pages.get('archive-only')!;
    const episodes = [...dom.matchAll(/<article class="episode"[\s\S]*?<\/article>/g)].map((m) => m[0]);
    expect(episodes.length).toBeGreaterThan(0);
    for (const e of episodes) {
      expect(e).toMatch(/<span class="reward[^"]*" title="effective reward[^"]*">[^<]+<\/span>/);
      expect(e).toContain("This record has no messages: ClawLoop's archive keeps episode summaries only");
    }
    expect(dom).not.toContain('messages not available');
    expect(panels(dom)[0].id).toBe('chart-effective-reward');
  });
});
