/**
 * Configuration errors up front: a backend sink with nothing configured, whose default address does not answer, fails
 * at once (exit 3, one line naming the variables to set) instead of retrying for minutes; a sink that failed to
 * deliver ends its summary line with what to check; wandb says where the offline run is and how to upload it; no
 * absolute local path reaches a backend.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWandbAdapter } from '../../generated/wandb/adapter.gen.js';
import { addressAnswers, SinkConfigError } from '../../src/core/preflight.js';
import { SINKS, type SinkEntry, type SinkName } from '../../src/sinks/registry.js';
import { WandbTransportImpl, type RunWriter } from '../../src/transports/wandb/index.js';
import { runCli } from '../helpers/cli.js';
import { collect } from '../helpers/collect.js';
import { ROOT } from '../helpers/paths.js';

const RUN = join(ROOT, 'examples', 'data', 'toolbench-run');

/** Every variable these sinks read, emptied: the run must behave as on a machine where nothing is configured. */
const NOTHING_CONFIGURED: NodeJS.ProcessEnv = Object.fromEntries(
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'OTEL_EXPORTER_OTLP_HEADERS',
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'PHOENIX_COLLECTOR_ENDPOINT',
    'PHOENIX_API_KEY',
    'MLFLOW_TRACKING_URI',
    'MLFLOW_TRACKING_TOKEN',
    'LANGFUSE_PUBLIC_KEY',
    'LANGFUSE_SECRET_KEY',
    'LANGFUSE_BASE_URL',
    'LANGFUSE_HOST',
    'WANDB_API_KEY',
    'WANDB_MODE',
    'WANDB_BASE_URL',
  ].map((v) => [v, '']),
);

/** The default addresses must be free here, or "nothing answers" cannot be tested. */
const DEFAULTS = { otel: 'http://localhost:4318', phoenix: 'http://localhost:6006', mlflow: 'http://localhost:5000' };

beforeAll(async () => {
  for (const [sink, url] of Object.entries(DEFAULTS)) {
    if (await addressAnswers(url))
      throw new Error(
        `${url} answers on this machine, so the ${sink} test cannot check the "nothing configured" case; stop what listens there`,
      );
  }
});

const CASES: Array<{ sink: string; env?: NodeJS.ProcessEnv; names: RegExp }> = [
  {
    sink: 'otel',
    names:
      /^clawloop-sinks: otel: no OTLP endpoint configured and nothing answers at the default http:\/\/localhost:4318\/v1\/traces; set OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT$/,
  },
  {
    sink: 'phoenix',
    names:
      /^clawloop-sinks: phoenix: no Phoenix endpoint configured and nothing answers at the default http:\/\/localhost:6006; set PHOENIX_COLLECTOR_ENDPOINT$/,
  },
  {
    sink: 'mlflow',
    names:
      /^clawloop-sinks: mlflow: no tracking server configured and nothing answers at the default http:\/\/localhost:5000; set MLFLOW_TRACKING_URI$/,
  },
  {
    sink: 'langfuse',
    names:
      /^clawloop-sinks: langfuse: LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY not set; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY .*LANGFUSE_BASE_URL$/,
  },
  {
    sink: 'wandb',
    env: { WANDB_MODE: 'online' },
    names: /^clawloop-sinks: wandb: WANDB_MODE=online but WANDB_API_KEY is not set; set WANDB_API_KEY .*WANDB_MODE=offline/,
  },
];

describe('a backend sink with nothing configured', () => {
  it.each(CASES)('$sink fails up front: exit 3 and one line naming the variables, nothing sent', ({ sink, env, names }) => {
    const out = join(mkdtempSync(join(tmpdir(), 'clawloop-config-')), 'report.html');
    const result = runCli(['replay', RUN, '--sink', `report,${sink}`, '--out', out], { ...NOTHING_CONFIGURED, ...env });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(names);
    // Checked before any work: not even the report was written.
    expect(existsSync(out)).toBe(false);
  });

  it.each(CASES)('$sink: its preflight rejects within 2 s with a SinkConfigError', async ({ sink, env }) => {
    const started = performance.now();
    // The registry's check, as createSinks() runs it (createSinks itself first looks for peer packages, which
    // import.meta.resolve cannot see inside vitest's module runner; the CLI cases above go through it).
    const entry: SinkEntry = SINKS[sink as SinkName];
    const check = await entry.preflight!();
    const error = await check.preflight({ ...NOTHING_CONFIGURED, ...env }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SinkConfigError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports every sink that cannot work, a line each', () => {
    const result = runCli(['replay', RUN, '--sink', 'otel,mlflow,langfuse'], NOTHING_CONFIGURED);
    expect(result.code).toBe(3);
    expect(
      result.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.split(':').slice(0, 2).join(':')),
    ).toEqual(['clawloop-sinks: otel', 'clawloop-sinks: mlflow', 'clawloop-sinks: langfuse']);
  });

  it('gives up on an address that never answers within the probe timeout (1 s)', async () => {
    const started = performance.now();
    // TEST-NET-1 (RFC 5737): never routed, so the connection attempt hangs or fails, never connects.
    expect(await addressAnswers('http://192.0.2.1:4318')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('passes once an endpoint is configured, even one that is down (a backend may come up later; retries cover it)', async () => {
    const configured = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      PHOENIX_COLLECTOR_ENDPOINT: 'http://127.0.0.1:9',
      MLFLOW_TRACKING_URI: 'http://127.0.0.1:9',
    };
    for (const sink of ['otel', 'phoenix', 'mlflow'] as const) {
      await expect((await SINKS[sink].preflight()).preflight({ ...NOTHING_CONFIGURED, ...configured }, {})).resolves.toBeUndefined();
    }
    await expect((await SINKS.wandb.preflight()).preflight(NOTHING_CONFIGURED, {})).resolves.toBeUndefined();
  });

  it('rejects a configuration that cannot work even when set (an unsupported protocol, a non-HTTP tracking URI)', async () => {
    await expect(
      (await SINKS.otel.preflight()).preflight(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
        {},
      ),
    ).rejects.toThrow(/^otel: OTEL_EXPORTER_OTLP_PROTOCOL "grpc" is not supported/);
    await expect((await SINKS.mlflow.preflight()).preflight({ MLFLOW_TRACKING_URI: 'sqlite:///mlflow.db' }, {})).rejects.toThrow(
      /^mlflow: MLFLOW_TRACKING_URI must be an http\(s\) tracking server URL/,
    );
  });
});

describe('closing lines', () => {
  it('a sink that did not deliver says what to check, naming its address and variables', () => {
    const result = runCli(['replay', RUN, '--sink', 'mlflow', '-q', '--timeout', '1500', '--retry-for', '300'], {
      ...NOTHING_CONFIGURED,
      MLFLOW_TRACKING_URI: 'http://127.0.0.1:9',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^mlflow\s+INCOMPLETE .* → check that the MLflow tracking server answers at http:\/\/127\.0\.0\.1:9 \(MLFLOW_TRACKING_URI; /m,
    );
  });

  it('wandb says where the offline run is and prints the wandb sync command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clawloop-wandb-notes-'));
    const result = runCli(['replay', RUN, '--sink', 'wandb', '-q'], { ...NOTHING_CONFIGURED, WANDB_DIR: dir });
    expect(result.code, result.stderr).toBe(0);
    const runDir = /^wandb: offline run written to (\S+)$/m.exec(result.stderr)?.[1];
    expect(runDir).toMatch(new RegExp(`^${dir}/wandb/offline-run-\\d{8}_\\d{6}-d26eec5899634d30b2cdd37918f49dd5$`));
    expect(existsSync(join(runDir!, 'run-d26eec5899634d30b2cdd37918f49dd5.wandb'))).toBe(true);
    expect(result.stderr).toContain(`wandb: upload it with: wandb sync ${runDir}`);
  });

  it('the W&B run config names the replayed folder by its base name, never its absolute path', async () => {
    const configs: Record<string, unknown>[] = [];
    const writer: RunWriter = { config: (v) => void configs.push(v), history() {}, table: () => ({}), finish() {}, abandon() {} };
    const sink = createWandbAdapter(new WandbTransportImpl({ env: {} }, () => writer));
    await sink.handle((await collect(RUN)).events);
    const merged = Object.assign({}, ...configs);
    expect(merged.clawloop_source).toBe('toolbench-run');
    expect(JSON.stringify(configs)).not.toContain(ROOT);
  });
});
