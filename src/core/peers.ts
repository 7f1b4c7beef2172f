/**
 * Optional peer packages (backend SDKs): whether one is installed, and the one clear error naming what to install.
 * Lives in core so the registry, the backend entries and the OTLP layer can all use it without importing each other.
 */
import { installCommand } from './install-command.js';

/** Optional peers of the sinks built on OpenTelemetry's OTLP exporter (otel, phoenix, mlflow, langfuse). */
export const OTLP_PEERS = ['@opentelemetry/api', '@opentelemetry/resources', '@opentelemetry/exporter-trace-otlp-proto'] as const;

/** Whether a peer package resolves from here. */
export function peerInstalled(name: string): boolean {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** A sink needs optional packages that are not installed; the message says how to install them with the user's package manager. */
export class MissingPeerError extends Error {
  constructor(sink: string, missing: readonly string[], env: NodeJS.ProcessEnv = process.env) {
    super(`the ${sink} sink needs ${missing.join(', ')}; install with: ${installCommand(missing, env)}`);
    this.name = 'MissingPeerError';
  }
}

/** Throws MissingPeerError when any of `peers` is missing. */
export function requirePeers(sink: string, peers: readonly string[]): void {
  const missing = peers.filter((p) => !peerInstalled(p));
  if (missing.length > 0) throw new MissingPeerError(sink, missing);
}
