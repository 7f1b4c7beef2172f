/**
 * The top self-time functions of a V8 CPU profile (`node --cpu-prof` writes one per process): where a replay spends
 * its CPU, as a markdown table. Self time is summed per function (name + file + line) over the profile's samples.
 *
 *   pnpm exec tsx bench/cpu-profile-top.ts <file.cpuprofile> [--top 20]
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  share: number;
}

/** Where a frame lives, short: a path relative to the working directory, or the package's name and file. */
function location(url: string, line: number): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  const short = pkg ? `${pkg[1]}/${pkg[2].split('/').slice(-1)[0]}` : path.startsWith('/') ? relative(process.cwd(), path) : path;
  return `${short}:${line + 1}`;
}

/** Self time per function, largest first; `(idle)` and `(program)` stay in, named as V8 names them. */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, { fn: string; where: string; ms: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    total += delta;
    const where = location(node.callFrame.url, node.callFrame.lineNumber);
    const fn = node.callFrame.functionName || '(anonymous)';
    const key = `${fn}\u0000${where}`;
    const entry = ms.get(key) ?? { fn, where, ms: 0 };
    entry.ms += delta;
    ms.set(key, entry);
  });
  return [...ms.values()].sort((a, b) => b.ms - a.ms).map((e) => ({ ...e, share: total > 0 ? e.ms / total : 0 }));
}

/** Busy time of the profile (everything but `(idle)`), ms. */
export function busyMs(times: readonly SelfTime[]): number {
  return times.filter((t) => t.fn !== '(idle)').reduce((n, t) => n + t.ms, 0);
}

export function formatSelfTimes(times: readonly SelfTime[], top = 20): string[] {
  const busy = busyMs(times);
  return [
    `busy ${(busy / 1000).toFixed(2)} s (idle excluded)`,
    '',
    '| self ms | % of busy | function | where |',
    '|---|---|---|---|',
    ...times
      .filter((t) => t.fn !== '(idle)')
      .slice(0, top)
      .map((t) => `| ${t.ms.toFixed(0)} | ${((t.ms / busy) * 100).toFixed(1)} | \`${t.fn}\` | ${t.where} |`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '20' } } });
  for (const file of positionals) {
    process.stdout.write(
      `${file}\n\n${formatSelfTimes(selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), Number(values.top)).join('\n')}\n\n`,
    );
  }
}
