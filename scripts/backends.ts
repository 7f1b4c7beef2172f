/**
 * `pnpm backends`: installs the real backends the integration tests start (loopback only, stopped by the tests):
 * Jaeger, the Collector and the Python backends into .cache/backends/, Langfuse into a user-level cache shared by
 * every clone on the machine. Idempotent: what is there is reused, so only the first run on a machine pays.
 */
import { join } from 'node:path';
import { installJaeger } from './backends/jaeger.js';
import { installLangfuse } from './backends/langfuse.js';
import { installOtelcol } from './backends/otelcol.js';
import { installPython, MLFLOW, PHOENIX, PYTEST, WANDB } from './backends/python.js';

export const BACKENDS_CACHE = join(process.cwd(), '.cache', 'backends');

const log = (line: string) => process.stderr.write(`backends: ${line}\n`);
const started = Date.now();
try {
  const jaeger = installJaeger(BACKENDS_CACHE, log);
  log(`jaeger ready at ${jaeger}`);
  log(`OpenTelemetry Collector ready at ${installOtelcol(BACKENDS_CACHE, log)}`);
  log(`phoenix ready in ${installPython(BACKENDS_CACHE, PHOENIX, log)}`);
  log(`mlflow ready in ${installPython(BACKENDS_CACHE, MLFLOW, log)}`);
  log(`wandb ready in ${installPython(BACKENDS_CACHE, WANDB, log)}`);
  log(`pytest ready in ${installPython(BACKENDS_CACHE, PYTEST, log)}`);
  log(`langfuse ready in ${installLangfuse(process.cwd(), log)}`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  log(`FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
}
