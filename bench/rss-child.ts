/** Child process of the RSS benchmark: streams one big events file into the report sink, prints peak RSS (MB). */
import { REPLAY_MAX_QUEUED } from '../src/cli/replay.js';
import { Hub } from '../src/core/hub.js';
import { openSource } from '../src/sources/open-source.js';
import { createReportSink } from '../src/transports/report/index.js';

const [path, out] = process.argv.slice(2);
const hub = new Hub([createReportSink({ out })], { onWarning: () => {} });
let events = 0;
for await (const event of openSource(path, { onProblem: () => {} })) {
  hub.emit(event);
  events += 1;
  await hub.waitForCapacity(REPLAY_MAX_QUEUED);
}
const report = await hub.close({ timeoutMs: 600_000 });
process.stdout.write(JSON.stringify({ events, sent: report.sinks.report.sent, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
