/**
 * Send a ClawLoop run to Langfuse: one trace per episode (search by task, session, model or reward), every reward
 * signal as a score, and a run trace with per-iteration reward scores.
 *
 *   LANGFUSE_PUBLIC_KEY=pk-lf-… LANGFUSE_SECRET_KEY=sk-lf-… LANGFUSE_BASE_URL=https://cloud.langfuse.com \
 *     pnpm exec tsx examples/observability/langfuse.ts [path/to/clawloop/output]
 */
import { Hub } from '../../src/core/hub.js';
import { openSource } from '../../src/sources/open-source.js';
import { formatProblem } from '../../src/sources/problems.js';
import { createLangfuseSink } from '../../src/transports/langfuse/index.js';

const path = process.argv[2] ?? 'examples/data/toolbench-run';
const hub = new Hub([await createLangfuseSink()]);
for await (const event of openSource(path, { onProblem: (p) => console.error(formatProblem(p)) })) hub.emit(event);
const report = await hub.close({ timeoutMs: 30_000 });
console.log(report.sinks.langfuse);
process.exitCode = report.complete ? 0 : 3;
