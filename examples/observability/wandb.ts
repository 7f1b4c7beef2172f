/**
 * Send a ClawLoop run to Weights & Biases.
 *
 * Offline (default without WANDB_API_KEY; the way clusters without internet work): writes
 * $WANDB_DIR/wandb/offline-run-<time>-<run id>/ — upload it later with the official CLI: `wandb sync <that dir>`.
 *   WANDB_DIR=runs WANDB_PROJECT=my-agent pnpm exec tsx examples/observability/wandb.ts [path/to/clawloop/output]
 *
 * Online: WANDB_API_KEY=… WANDB_PROJECT=my-agent pnpm exec tsx examples/observability/wandb.ts
 */
import { Hub } from '../../src/core/hub.js';
import { openSource } from '../../src/sources/open-source.js';
import { formatProblem } from '../../src/sources/problems.js';
import { createWandbSink } from '../../src/transports/wandb/index.js';

const path = process.argv[2] ?? 'examples/data/toolbench-run';
const hub = new Hub([createWandbSink()]);
for await (const event of openSource(path, { onProblem: (p) => console.error(formatProblem(p)) })) hub.emit(event);
const report = await hub.close({ timeoutMs: 60_000 });
console.log(report.sinks.wandb);
process.exitCode = report.complete ? 0 : 3;
