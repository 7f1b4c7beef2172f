/**
 * Entry points of backend subpaths (clawloop-sinks/otel, …) load their implementation only after checking that the
 * optional peer packages are installed, so a missing SDK gives one clear message naming what to install instead of a
 * resolution error from deep inside a dependency.
 */
export { OTLP_PEERS, requirePeers } from '../core/peers.js';
