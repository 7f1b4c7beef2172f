/**
 * Entry points of backend subpaths (clawloop-sinks/otel, …) load their implementation only after checking that the
 * optional peer packages are installed, so a missing SDK gives one clear message naming what to install instead of a
 * resolution error from deep inside a dependency.
 */
import { MissingPeerError, peerInstalled } from '../sinks/registry.js';

export { OTLP_PEERS } from '../sinks/registry.js';

export function requirePeers(sink: string, peers: readonly string[]): void {
  const missing = peers.filter((p) => !peerInstalled(p));
  if (missing.length > 0) throw new MissingPeerError(sink, missing);
}
