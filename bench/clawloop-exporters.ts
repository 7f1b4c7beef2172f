/**
 * ClawLoop's own exporters as benchmark anchors: checks that a ClawLoop checkout and a Python able to run it are
 * there (saying exactly what is missing otherwise), and runs bench/clawloop_anchor.py on a run. Nothing of ClawLoop is
 * copied into the project: the checkout is put on PYTHONPATH.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MLFLOW } from '../scripts/backends/python.js';

export interface ClawLoop {
  checkout: string;
  python: string;
}

const NEEDS =
  'Python >= 3.12 with pydantic, python-dotenv, wandb==0.31.0, opentelemetry-sdk and opentelemetry-exporter-otlp-proto-http ' +
  '(python3.12 -m venv <venv> && <venv>/bin/pip install pydantic python-dotenv wandb==0.31.0 opentelemetry-sdk ' +
  'opentelemetry-exporter-otlp-proto-http), given with --anchors-python <python> or $CLAWLOOP_PYTHON';

const PROBE = `import sys
assert sys.version_info >= (3, 12), "Python %d.%d is too old (ClawLoop needs >= 3.12)" % sys.version_info[:2]
import pydantic, wandb, opentelemetry.sdk.trace, opentelemetry.exporter.otlp.proto.http.trace_exporter
import clawloop.core.episode, clawloop.integrations.wandb, clawloop.exporters.otel
print(wandb.__version__)`;

/** The checkout and Python, checked; throws with what is missing and how to provide it. */
export function findClawLoop(checkout: string, python = process.env.CLAWLOOP_PYTHON ?? 'python3'): ClawLoop {
  const root = resolve(checkout);
  if (!existsSync(join(root, 'clawloop', 'exporters', 'otel.py')) || !existsSync(join(root, 'clawloop', 'integrations', 'wandb.py')))
    throw new Error(`--anchors ${checkout}: not a ClawLoop checkout (no clawloop/exporters/otel.py or clawloop/integrations/wandb.py)`);
  const probe = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: root } });
  if (probe.status !== 0) {
    const why = probe.error ? `${python} not found` : (probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`);
    throw new Error(`--anchors: ${why}.\nClawLoop's exporters need ${NEEDS}.`);
  }
  return { checkout: root, python };
}

/**
 * Why ClawLoop's MLflow sink cannot be run, or undefined when it can: it is in ClawLoop's PR #61 (not in every
 * checkout) and needs the MLflow client, which the W&B and OTel anchors do not.
 */
export function mlflowMissing(c: ClawLoop): string | undefined {
  if (!existsSync(join(c.checkout, 'clawloop', 'integrations', 'mlflow.py')))
    return 'no MLflow sink in this ClawLoop checkout (clawloop/integrations/mlflow.py, ClawLoop PR #61)';
  const probe = spawnSync(c.python, ['-c', 'import mlflow, clawloop.integrations.mlflow; print(mlflow.__version__)'], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: c.checkout },
  });
  if (probe.status !== 0)
    return `${c.python} cannot import mlflow (${probe.stderr.trim().split('\n').at(-1)}); install the client matching the server: <venv>/bin/pip install ${MLFLOW.requirements[0].replace('mlflow', 'mlflow-skinny')}`;
  return undefined;
}

export interface AnchorResult {
  sink: string;
  episodes: number;
  iterations: number;
  /** Time inside the exporter's calls (per iteration, then finish / flush + shutdown). */
  seconds: number;
  cpu_seconds: number;
  /** The exporter's construction (wandb.init starts W&B's service process; MlflowSink starts its run). */
  init_seconds: number;
  run_dir?: string;
  run_id?: string;
}

export async function runAnchor(
  c: ClawLoop,
  sink: 'wandb' | 'otel' | 'mlflow',
  input: string,
  options: { endpoint?: string; service?: string; project?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<AnchorResult> {
  const args = [resolve('bench', 'clawloop_anchor.py'), '--input', resolve(input), '--sink', sink];
  for (const [flag, value] of [
    ['--endpoint', options.endpoint],
    ['--service', options.service],
    ['--project', options.project],
  ] as const)
    if (value) args.push(flag, value);
  const child = spawn(c.python, args, {
    cwd: c.checkout,
    env: { ...process.env, PYTHONPATH: c.checkout, WANDB_SILENT: 'true', WANDB_MODE: 'offline', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const last = stdout.trim().split('\n').at(-1);
  if (code !== 0 || !last?.startsWith('{')) throw new Error(`ClawLoop ${sink} anchor exited ${code}:\n${stderr.slice(-3000)}`);
  return JSON.parse(last) as AnchorResult;
}
