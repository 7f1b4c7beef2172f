/**
 * Send a ClawLoop run to any OTLP backend (Jaeger, Grafana Tempo, Honeycomb, an OpenTelemetry Collector, Phoenix…).
 *
 *   OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 OTEL_SERVICE_NAME=my-agent \
 *     pnpm exec tsx examples/observability/otel.ts [path/to/clawloop/output]
 *
 * Standard variables apply: OTEL_EXPORTER_OTLP_HEADERS (auth), OTEL_EXPORTER_OTLP_PROTOCOL (http/protobuf or
 * http/json), OTEL_RESOURCE_ATTRIBUTES. Each episode becomes a trace episode:{id} → llm:step{N} → tool:{name}.
 */
import { Hub } from '../../src/core/hub.js';
import { openSource } from '../../src/sources/open-source.js';
import { formatProblem } from '../../src/sources/problems.js';
import { createOtelSink } from '../../src/transports/otel/index.js';

const path = process.argv[2] ?? 'examples/data/toolbench-run';
const hub = new Hub([await createOtelSink()]);
for await (const event of openSource(path, { onProblem: (p) => console.error(formatProblem(p)) })) hub.emit(event);
const report = await hub.close({ timeoutMs: 15_000 });
console.log(report.sinks.otel);
process.exitCode = report.complete ? 0 : 3;
