/**
 * The sinks the CLI and `createSinks()` know, by name. Each entry loads its transport lazily, so importing the core
 * never loads a backend SDK, and says which optional peer packages it needs. `pnpm new-sink` adds entries here.
 */
import { MissingPeerError, OTLP_PEERS, peerInstalled } from '../core/peers.js';
import { SinkConfigError, type SinkPreflight } from '../core/preflight.js';
import type { Sink } from '../core/sink.js';

export { MissingPeerError, OTLP_PEERS, peerInstalled } from '../core/peers.js';

export interface SinkContext {
  /** Environment to read the backend's own variables from. */
  env: NodeJS.ProcessEnv;
  /**
   * CLI flags that apply to sinks (`out` for the report, `live` keeps it current; `quiet` mutes the console sink;
   * `mlflowTraces`, `mlflowAssessments`, `phoenixAnnotations`, `wandbTables`: 'off' switches that part off).
   */
  options: Record<string, string | undefined>;
}

export interface SinkEntry {
  description: string;
  /** Optional peer packages the sink needs at run time. */
  peers: readonly string[];
  create(context: SinkContext): Promise<Sink>;
  /** Its up-front check and failure hint, when it has configuration to check (loaded lazily; never loads a backend SDK). */
  preflight?(): Promise<SinkPreflight>;
}

export const SINKS = {
  report: {
    description:
      'Self-contained HTML report: reward, success, signal, playbook, token and latency curves with an evolution lane, per-task table, lowest/highest-reward episodes (no server; live in watch/serve).',
    peers: [],
    create: async ({ options }) => {
      const report = await import('../transports/report/index.js');
      return report.createReportSink({ out: options.out, liveIntervalMs: options.live ? report.LIVE_INTERVAL_MS : undefined });
    },
    preflight: async () => (await import('../transports/report/preflight.js')).reportPreflight,
  },
  console: {
    description: 'One line per iteration on stderr.',
    peers: [],
    create: async ({ options }) =>
      (await import('../transports/console/index.js')).createConsoleSink(options.quiet ? { write: () => {} } : {}),
  },
  otel: {
    description: 'OpenTelemetry spans to any OTLP backend (OTEL_EXPORTER_OTLP_ENDPOINT, _HEADERS, _PROTOCOL, OTEL_SERVICE_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/otel/index.js')).createOtelSink({ env }),
    preflight: async () => (await import('../transports/otel/preflight.js')).otelPreflight,
  },
  mlflow: {
    description:
      'MLflow: parent run + nested run per iteration, metrics, playbook artifacts, episode traces (MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env, options }) =>
      (await import('../transports/mlflow/index.js')).createMlflowSink({
        env,
        traces: options.mlflowTraces !== 'off',
        assessments: options.mlflowAssessments !== 'off',
      }),
    preflight: async () => (await import('../transports/mlflow/preflight.js')).mlflowPreflight,
  },
  langfuse: {
    description: 'Langfuse: episodes as traces (OTLP), rewards as scores (LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/langfuse/index.js')).createLangfuseSink({ env }),
    preflight: async () => (await import('../transports/langfuse/preflight.js')).langfusePreflight,
  },
  wandb: {
    description:
      'Weights & Biases offline run (wandb sync uploads it): ClawLoop WandbSink metrics, config, episodes table (WANDB_PROJECT, WANDB_DIR, WANDB_RUN_ID).',
    peers: [],
    create: async ({ env, options }) =>
      (await import('../transports/wandb/index.js')).createWandbSink({ env, tables: options.wandbTables !== 'off' }),
    preflight: async () => (await import('../transports/wandb/preflight.js')).wandbPreflight,
  },
  phoenix: {
    description:
      'Arize Phoenix: OpenInference traces + reward annotations (PHOENIX_COLLECTOR_ENDPOINT, PHOENIX_API_KEY, PHOENIX_PROJECT_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env, options }) =>
      (await import('../transports/phoenix/index.js')).createPhoenixSink({
        env,
        ...(options.phoenixAnnotations === 'off' ? { annotations: 'off' as const } : {}),
      }),
    preflight: async () => (await import('../transports/phoenix/preflight.js')).phoenixPreflight,
  },
} satisfies Record<string, SinkEntry>;

export type SinkName = keyof typeof SINKS;

export function isSinkName(name: string): name is SinkName {
  return Object.hasOwn(SINKS, name);
}

function entryFor(name: string): SinkEntry {
  if (!isSinkName(name)) throw new Error(`unknown sink "${name}" (available: ${Object.keys(SINKS).join(', ')})`);
  return SINKS[name];
}

/**
 * Creates the named sinks. Before any is created: an unknown name or a missing peer package throws a plain Error, and
 * every sink's configuration is checked (in parallel, about a second at most) — those that cannot work throw one
 * SinkConfigError, a line per sink, naming the variables to set.
 */
export async function createSinks(names: readonly string[], context: SinkContext): Promise<Sink[]> {
  for (const name of names) {
    const missing = entryFor(name).peers.filter((p) => !peerInstalled(p));
    if (missing.length > 0) throw new MissingPeerError(name, missing, context.env);
  }
  const checks = await Promise.allSettled(
    names.map(async (name) => (await entryFor(name).preflight?.())?.preflight(context.env, context.options)),
  );
  const failures = checks.flatMap((c) => (c.status === 'rejected' ? [c.reason as unknown] : []));
  const unexpected = failures.find((f) => !(f instanceof SinkConfigError));
  if (unexpected) throw unexpected as Error; // a preflight's own error, rethrown as it came
  if (failures.length > 0) throw SinkConfigError.combine(failures as SinkConfigError[]);
  const sinks: Sink[] = [];
  for (const name of names) sinks.push(await entryFor(name).create(context));
  return sinks;
}

/** For the closing summary: what to check, per named sink that did not deliver everything. */
export async function failureHints(names: readonly string[], context: SinkContext): Promise<Record<string, string>> {
  const hints: Record<string, string> = {};
  for (const name of names) {
    try {
      const hint = (await entryFor(name).preflight?.())?.failureHint(context.env, context.options);
      if (hint) hints[name] = hint;
    } catch {
      // A hint is a courtesy; a configuration that cannot even describe itself was reported up front.
    }
  }
  return hints;
}
