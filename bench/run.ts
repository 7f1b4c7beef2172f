/** `pnpm bench`: runs the benchmarks and writes bench/results/results.json and results.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { CanonicalEvent } from '../generated/types.gen.js';
import { openSource } from '../src/sources/open-source.js';
import { benchEmit } from './emit.js';

const sample = process.argv[2] ?? 'examples/data/toolbench-run';
const events: CanonicalEvent[] = [];
for await (const e of openSource(sample, { onProblem: (p) => console.error(p) })) events.push(e);

const emit = await benchEmit(events);
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
const results = { machine, emit };
const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const fmt = (n: number) => n.toFixed(2);
const table = [
  '| emit() scenario | calls | p50 µs | p99 µs | max µs | dropped |',
  '|---|---|---|---|---|---|',
  ...emit.map((r) => `| ${r.scenario} | ${r.calls} | ${fmt(r.p50_us)} | ${fmt(r.p99_us)} | ${fmt(r.max_us)} | ${r.dropped} |`),
].join('\n');
writeFileSync(join(dir, 'results.md'), `# Benchmarks\n\nNode ${machine.node}, ${machine.cpus} × ${machine.cpu}\n\n${table}\n\nTarget: emit p99 ≤ 20 µs with 5 sinks attached, one hanging.\n`);
console.log(table);
