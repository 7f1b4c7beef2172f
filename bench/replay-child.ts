/**
 * Child process of the sink benchmarks: replays one input through `--sink` exactly as `clawloop-sinks replay` does
 * (the CLI's own session: sinks from the registry and the environment, the CLI's hub settings and end), measuring only
 * the replay: wall and CPU time from the first event to the closing summary, after every module is loaded and the sinks
 * are created. With $CPU_PROFILE_FILE it writes a V8 CPU profile of that span (bench/cpu-profile-top.ts reads it).
 * Prints one JSON line on stdout: { exitCode, wallSeconds, cpuSeconds, events, maxRssMb }.
 *
 *   node --import tsx bench/replay-child.ts <input> <sink[,sink]> [--out report.html]
 */
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { REPLAY_MAX_QUEUED } from '../src/cli/replay.js';
import { openSession } from '../src/cli/run-sinks.js';
import { openSource } from '../src/sources/open-source.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const [input, sink] = positionals;
const session = await openSession({ sink, out: values.out, quiet: true }, process.stderr, { mode: 'replay' });
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
for await (const event of openSource(input, { onProblem: session.onProblem, onNotice: session.onNotice })) {
  session.hub.emit(event);
  events += 1;
  await session.hub.waitForCapacity(REPLAY_MAX_QUEUED, { untilStalled: true });
}
const exitCode = await session.finish();
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
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
process.exitCode = exitCode;
