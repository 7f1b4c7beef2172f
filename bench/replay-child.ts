/**
 * Child process of the sink benchmarks: replays one input through `--sink` exactly as `clawloop-sinks replay` does
 * (the CLI's own session: sinks from the registry and the environment, the CLI's hub settings and end), measuring only
 * the replay: wall and CPU time from the first event to the closing summary, after every module is loaded and the sinks
 * are created. With $CPU_PROFILE_FILE it writes a V8 CPU profile of that span (bench/cpu-profile-top.ts reads it).
 * Prints one JSON line on stdout: { exitCode, wallSeconds, cpuSeconds, events, maxRssMb, rss }.
 * With --max-seconds, reading stops after that long (as Ctrl-C stops a replay) and what was read is delivered: a
 * backend too slow to take a whole 1 GB input in a bench still shows its memory under steady back-pressure. `rss`
 * samples the resident set and the heap every half second (MB): its peak, and its level at each quarter of the
 * replay, so a growth that a time cap would hide shows as a slope.
 *
 * --no-mlflow-traces is the CLI's switch of that name (runs, metrics and artifacts only).
 *
 *   node --import tsx bench/replay-child.ts <input> <sink[,sink]> [--out report.html] [--max-seconds N] [--no-mlflow-traces]
 */
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { REPLAY_MAX_QUEUED } from '../src/cli/replay.js';
import { openSession } from '../src/cli/run-sinks.js';
import { openSource } from '../src/sources/open-source.js';
import { setFlagsFromString } from 'node:v8';
for (const f of (process.env.BENCH_V8_FLAGS ?? '').split(' ').filter(Boolean)) setFlagsFromString(f);

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, 'max-seconds': { type: 'string' }, 'no-mlflow-traces': { type: 'boolean' } },
});
const maxMs = values['max-seconds'] ? Number(values['max-seconds']) * 1000 : Infinity;
const [input, sink] = positionals;
const session = await openSession({ sink, out: values.out, quiet: true, mlflowTraces: !values['no-mlflow-traces'] }, process.stderr, {
  mode: 'replay',
});
const profileFile = process.env.CPU_PROFILE_FILE;
const inspector = profileFile ? new Inspector() : undefined;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
let events = 0;
let capped = false;
const samples: Array<{ at: number; rss: number; heap: number; external: number }> = [];
const sample = () => {
  const m = process.memoryUsage();
  samples.push({ at: performance.now() - started, rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, external: m.external / 2 ** 20 });
};
const sampler = setInterval(sample, 500);
for await (const event of openSource(input, { onProblem: session.onProblem, onNotice: session.onNotice })) {
  session.hub.emit(event);
  events += 1;
  if (performance.now() - started > maxMs) {
    capped = true;
    break;
  }
  await session.hub.waitForCapacity(REPLAY_MAX_QUEUED, { untilStalled: true });
}
const exitCode = await session.finish();
sample();
clearInterval(sampler);
const quarter = (q: number) => samples.find((s) => s.at >= q * samples.at(-1)!.at) ?? samples.at(-1)!;
const rss = {
  peakRss: Math.max(...samples.map((s) => s.rss)),
  peakHeap: Math.max(...samples.map((s) => s.heap)),
  peakExternal: Math.max(...samples.map((s) => s.external)),
  rssAtQuarters: [0.25, 0.5, 0.75, 1].map((q) => Math.round(quarter(q).rss)),
};
const cpu = process.cpuUsage(cpuBefore);
const wallSeconds = (performance.now() - started) / 1000;
if (inspector) {
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(profileFile!, JSON.stringify(profile));
  inspector.disconnect();
}
process.stdout.write(
  JSON.stringify({
    exitCode,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    events,
    capped,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rss,
  }) + '\n',
);
process.exitCode = exitCode;
