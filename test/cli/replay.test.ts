/** `clawloop-sinks replay` end to end on the real sample: exit codes, summary, report, problems. */
import { cpSync, mkdtempSync, readFileSync, appendFileSync, chmodSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { requireSample } from '../helpers/paths.js';

const sample = requireSample();
const tmp = () => mkdtempSync(join(tmpdir(), 'clawloop-cli-'));

describe('clawloop-sinks replay', () => {
  it('replays the sample into the report sink: exit 0, every event sent, a report with the run in it', () => {
    const out = join(tmp(), 'report.html');
    const { code, stderr } = runCli(['replay', sample, '--sink', 'report', '--out', out]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/report\s+ok\s+sent 20\/20, retried 0, dropped 0, failed 0/);
    expect(stderr).toContain(`report written to ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('d26eec5899634d30b2cdd37918f49dd5');
    expect(html).toContain('Lowest effective reward');
    expect(html).toContain('<svg class="chart"');
    // The one inline script is the smoothing slider; nothing is loaded from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/(?!github)/);
  });

  it('exits 2 and lists each bad line when input errors were skipped', () => {
    const dir = tmp();
    cpSync(sample, dir, { recursive: true });
    for (const f of ['', ...(readdirSync(dir, { recursive: true }) as string[])]) chmodSync(join(dir, f), 0o755);
    appendFileSync(join(dir, 'experiment.jsonl'), '{"iteration": 3, "timestamp": 1\n');
    const { code, stderr } = runCli(['replay', dir, '--sink', 'report', '--out', join(dir, 'r.html'), '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toContain(`input error: ${dir}/experiment.jsonl:4: not valid JSON`);
    expect(stderr).toMatch(/report\s+ok\s+sent 20\/20/);
  });

  it('exits 1 on an unknown sink or a missing path', () => {
    const unknown = runCli(['replay', sample, '--sink', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown sink "nope" (available: report, console');
    const missing = runCli(['replay', join(tmp(), 'absent')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file or directory');
  });

  it('documents its exit codes in --help and lists sinks', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('3  some sink failed to deliver');
    const sinks = runCli(['sinks']);
    expect(sinks.stdout).toMatch(/^report\s+ready/m);
  });
});
