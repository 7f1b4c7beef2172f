/**
 * The HTML report renders in a real browser (headless Chromium, network disabled): charts, timeline and the worst
 * episodes are there, and a screenshot is taken (kept under test-output/report/ for a human to look at).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { requireSample, ROOT } from '../helpers/paths.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

function chromium(args: string[]) {
  if (!existsSync(CHROMIUM)) throw new Error(`headless Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // No name resolves: the page must need nothing from the network.
    '--host-resolver-rules=MAP * ~NOTFOUND', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`];
  return spawnSync(CHROMIUM, [...flags, ...args], { encoding: 'buffer', timeout: 90_000 });
}

describe('report rendered in headless Chromium', () => {
  it('shows the run, four charts, the timeline and the worst episodes; a screenshot is written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'report-render-')), 'report.html');
    const replay = runCli(['replay', requireSample(), '--sink', 'report', '--out', out, '--quiet']);
    expect(replay.code, replay.stderr).toBe(0);

    const dom = chromium(['--dump-dom', `file://${out}`]).stdout.toString('utf8');
    expect(dom).toContain('ClawLoop run · toolbench · d26eec5899634d30b2cdd37918f49dd5');
    expect(dom.match(/<svg class="chart"/g)).toHaveLength(4);
    expect(dom).toContain('Reward per iteration');
    expect(dom.match(/<tr><td class="num">\d+<\/td>/g)?.length).toBe(3);
    expect(dom).toContain('context_length_exceeded');

    // Kept for a human to look at, in the gitignored test-output/.
    mkdirSync(join(ROOT, 'test-output', 'report'), { recursive: true });
    const png = join(ROOT, 'test-output', 'report', 'sample.png');
    const shot = chromium(['--window-size=1280,2000', `--screenshot=${png}`, `file://${out}`]);
    expect(shot.status, shot.stderr.toString()).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1280);
    // A blank page compresses to a few KB; the charts and tables make it far larger.
    expect(bytes.length).toBeGreaterThan(60_000);
  });
});
