/**
 * Send a ClawLoop run to Arize Phoenix: readable agent conversations (AGENT → LLM → TOOL spans) and every reward
 * signal as a span annotation you can filter and chart in Phoenix's UI.
 *
 *   phoenix serve &   # or a hosted Phoenix: PHOENIX_COLLECTOR_ENDPOINT=https://… PHOENIX_API_KEY=…
 *   PHOENIX_COLLECTOR_ENDPOINT=http://127.0.0.1:6006 pnpm exec tsx examples/observability/phoenix.ts [path]
 *
 * The project is PHOENIX_PROJECT_NAME, else clawloop-<bench>.
 */
import { Hub } from '../../src/core/hub.js';
import { openSource } from '../../src/sources/open-source.js';
import { formatProblem } from '../../src/sources/problems.js';
import { createPhoenixSink } from '../../src/transports/phoenix/index.js';

const path = process.argv[2] ?? 'examples/data/toolbench-run';
const hub = new Hub([await createPhoenixSink()]);
for await (const event of openSource(path, { onProblem: (p) => console.error(formatProblem(p)) })) hub.emit(event);
const report = await hub.close({ timeoutMs: 30_000 });
console.log(report.sinks.phoenix);
process.exitCode = report.complete ? 0 : 3;
