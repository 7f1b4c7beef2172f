/**
 * What a user would otherwise write, measured on the same data: the official Python MLflow client logging each
 * iteration's metrics, the official Python W&B client writing the same history offline, and the OpenTelemetry JS SDK
 * (BatchSpanProcessor + OTLP exporter) fed by a plain per-episode loop.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mapMlflowEvent } from '../generated/mlflow/adapter.gen.js';
import { mapWandbEvent } from '../generated/wandb/adapter.gen.js';
import { DerivedContext } from '../src/core/derived-context.js';
import { openSource } from '../src/sources/open-source.js';
import { pythonSeconds } from './throughput.js';

/** Per-iteration metric rows as our mappings compute them, for the Python baselines to log. */
export async function metricRows(input: string, path: { mlflow: string; wandb: string }): Promise<void> {
  const mlflowCtx = new DerivedContext();
  const wandbCtx = new DerivedContext();
  const mlflow: unknown[] = [];
  const wandb: unknown[] = [];
  for await (const event of openSource(input, { onProblem: () => {} })) {
    mlflowCtx.observe(event);
    wandbCtx.observe(event);
    const m = mapMlflowEvent(event, mlflowCtx);
    const w = mapWandbEvent(event, wandbCtx);
    if (m.type === 'iteration') mlflow.push({ step: m.event.iteration, metrics: m.metrics });
    if (w.type === 'iteration') wandb.push({ step: w.event.iteration, row: w.history });
    mlflowCtx.release(event);
    wandbCtx.release(event);
  }
  writeFileSync(path.mlflow, mlflow.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(path.wandb, wandb.map((r) => JSON.stringify(r)).join('\n'));
}

export function mlflowPython(python: string, trackingUri: string, rows: string): number {
  return pythonSeconds(
    python,
    `import json, sys, time
import mlflow
mlflow.set_tracking_uri(sys.argv[1])
mlflow.set_experiment("baseline-python")
rows = [json.loads(l) for l in open(sys.argv[2])]
t = time.perf_counter()
with mlflow.start_run():
    for r in rows:
        mlflow.log_metrics({k: v for k, v in r["metrics"].items() if isinstance(v, (int, float))}, step=r["step"])
print(json.dumps({"seconds": time.perf_counter() - t}))
`,
    [trackingUri, rows],
  );
}

export function wandbPython(python: string, rows: string): number {
  return pythonSeconds(
    python,
    `import json, sys, time
import wandb
rows = [json.loads(l) for l in open(sys.argv[1])]
t = time.perf_counter()
run = wandb.init(project="baseline", mode="offline", dir=".")
for r in rows:
    run.log(r["row"], step=r["step"])
run.finish()
print(json.dumps({"seconds": time.perf_counter() - t}))
`,
    [rows],
  );
}

/** The OTel JS SDK the plain way: one tracer, a span per episode / assistant message / tool call, batch export. */
export async function otelSdkNaive(input: string, otlpBase: string): Promise<number> {
  const { TracerProvider, BatchSpanProcessor } = await import('@opentelemetry/sdk-trace');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  const api = await import('@opentelemetry/api');
  const provider = new TracerProvider({
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${otlpBase}/v1/traces` }),
        maxQueueSize: 100_000,
        maxExportBatchSize: 512,
      }),
    ],
  });
  const tracer = provider.getTracer('naive');
  const started = performance.now();
  for await (const event of openSource(input, { onProblem: () => {} })) {
    if (event.type !== 'episode') continue;
    const { episode } = event;
    const root = tracer.startSpan(`episode:${episode.id}`, {
      startTime: (episode.created_at ?? 0) * 1000,
      attributes: { 'clawloop.episode.id': episode.id, 'clawloop.task.id': episode.task_id },
    });
    const ctx = api.trace.setSpan(api.context.active(), root);
    for (const m of episode.messages ?? []) {
      if (m.role !== 'assistant') continue;
      const llm = tracer.startSpan(
        'llm',
        { attributes: { 'gen_ai.request.model': m.model ?? '', 'output.value': typeof m.content === 'string' ? m.content : '' } },
        ctx,
      );
      const llmCtx = api.trace.setSpan(ctx, llm);
      for (const call of m.tool_calls ?? [])
        tracer.startSpan(`tool:${call.name}`, { attributes: { 'tool.parameters': call.arguments } }, llmCtx).end();
      llm.end();
    }
    root.end();
  }
  await provider.forceFlush();
  await provider.shutdown();
  return (performance.now() - started) / 1000;
}
