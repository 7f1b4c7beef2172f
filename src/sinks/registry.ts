/**
 * The sinks the CLI and `createSinks()` know, by name. Each entry loads its transport lazily, so importing the core
 * never loads a backend SDK, and says which optional peer packages it needs. `pnpm new-sink` adds entries here.
 */
import { MissingPeerError, OTLP_PEERS, peerInstalled } from '../core/peers.js';
import type { Sink } from '../core/sink.js';

export { MissingPeerError, OTLP_PEERS, peerInstalled } from '../core/peers.js';

export interface SinkContext {
  /** Environment to read the backend's own variables from. */
  env: NodeJS.ProcessEnv;
  /** CLI flags that apply to sinks (e.g. `out` for the report). */
  options: Record<string, string | undefined>;
}

export interface SinkEntry {
  description: string;
  /** Optional peer packages the sink needs at run time. */
  peers: readonly string[];
  create(context: SinkContext): Promise<Sink>;
}

export const SINKS = {
  report: {
    description: 'Self-contained HTML report: reward curves, signals, playbook growth, timeline, worst episodes (no server).',
    peers: [],
    create: async ({ options }) => (await import('../transports/report/index.js')).createReportSink({ out: options.out }),
  },
  console: {
    description: 'One line per iteration on stderr.',
    peers: [],
    create: async () => (await import('../transports/console/index.js')).createConsoleSink(),
  },
  otel: {
    description: 'OpenTelemetry spans to any OTLP backend (OTEL_EXPORTER_OTLP_ENDPOINT, _HEADERS, _PROTOCOL, OTEL_SERVICE_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/otel/index.js')).createOtelSink({ env }),
  },
  mlflow: {
    description: 'MLflow: parent run + nested run per iteration, metrics, playbook artifacts, episode traces (MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/mlflow/index.js')).createMlflowSink({ env }),
  },
  langfuse: {
    description: 'Langfuse: episodes as traces (OTLP), rewards as scores (LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/langfuse/index.js')).createLangfuseSink({ env }),
  },
  wandb: {
    description: 'Weights & Biases offline run (wandb sync uploads it): ClawLoop WandbSink metrics, config, episodes table (WANDB_PROJECT, WANDB_DIR, WANDB_RUN_ID).',
    peers: [],
    create: async ({ env }) => (await import('../transports/wandb/index.js')).createWandbSink({ env }),
  },
  phoenix: {
    description: 'Arize Phoenix: OpenInference traces + reward annotations (PHOENIX_COLLECTOR_ENDPOINT, PHOENIX_API_KEY, PHOENIX_PROJECT_NAME).',
    peers: OTLP_PEERS,
    create: async ({ env }) => (await import('../transports/phoenix/index.js')).createPhoenixSink({ env }),
  },
} satisfies Record<string, SinkEntry>;

export type SinkName = keyof typeof SINKS;

export function isSinkName(name: string): name is SinkName {
  return Object.hasOwn(SINKS, name);
}

/** Creates the named sinks; throws a clear error for an unknown name or a missing peer package. */
export async function createSinks(names: readonly string[], context: SinkContext): Promise<Sink[]> {
  const sinks: Sink[] = [];
  for (const name of names) {
    if (!isSinkName(name)) throw new Error(`unknown sink "${name}" (available: ${Object.keys(SINKS).join(', ')})`);
    const entry: SinkEntry = SINKS[name];
    const missing = entry.peers.filter((p) => !peerInstalled(p));
    if (missing.length > 0) throw new MissingPeerError(name, missing);
    sinks.push(await entry.create(context));
  }
  return sinks;
}
