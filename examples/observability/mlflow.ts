/**
 * Send a ClawLoop run to an MLflow tracking server: a run per ClawLoop run, a nested run per iteration, the learning
 * curve as metrics, playbook snapshots as artifacts, episodes as traces with reward assessments.
 *
 *   mlflow server --backend-store-uri sqlite:///mlflow.db &
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 MLFLOW_EXPERIMENT_NAME=my-agent \
 *     pnpm exec tsx examples/observability/mlflow.ts [path/to/clawloop/output]
 *
 * Auth: MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.
 */
import { Hub } from '../../src/core/hub.js';
import { openSource } from '../../src/sources/open-source.js';
import { formatProblem } from '../../src/sources/problems.js';
import { createMlflowSink } from '../../src/transports/mlflow/index.js';

const path = process.argv[2] ?? 'examples/data/toolbench-run';
const sink = createMlflowSink();
const hub = new Hub([sink]);
for await (const event of openSource(path, { onProblem: (p) => console.error(formatProblem(p)) })) hub.emit(event);
const report = await hub.close({ timeoutMs: 60_000 });
console.log(report.sinks.mlflow, Object.fromEntries(sink.transport.client.requests));
process.exitCode = report.complete ? 0 : 3;
