/**
 * Child process of bench/mlflow-profile.ts: replays one input into the mlflow sink exactly as `clawloop-sinks replay`
 * does (same hub settings: retries for 10 minutes per batch, 30 s to finish at the end, waits at 500 queued events),
 * with traces on or off. Prints the close report as JSON on stdout.
 */
import { REPLAY_MAX_QUEUED } from '../src/cli/replay.js';
import { Hub } from '../src/core/hub.js';
import { openSource } from '../src/sources/open-source.js';
import { createMlflowSink } from '../src/transports/mlflow/index.js';

const [input, traces] = process.argv.slice(2);
const sink = createMlflowSink({ traces: traces === 'true' });
const hub = new Hub([sink], { onWarning: (w) => process.stderr.write(`${w}\n`), retry: { maxElapsedMs: 600_000 } });
for await (const event of openSource(input, { onProblem: () => {} })) {
  hub.emit(event);
  await hub.waitForCapacity(REPLAY_MAX_QUEUED);
}
const report = await hub.close({ timeoutMs: 30_000 });
process.stdout.write(JSON.stringify({ complete: report.complete, counters: report.sinks[sink.name] }) + '\n');
process.exitCode = report.complete ? 0 : 3;
