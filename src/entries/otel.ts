/** clawloop-sinks/otel: checks the optional OpenTelemetry peers, then loads the otel sink. */
import { OTLP_PEERS, requirePeers } from './peers.js';

requirePeers('otel', OTLP_PEERS);
const sink = await import('../transports/otel/index.js');

export const createOtelSink = sink.createOtelSink;
export const episodeSpanIds = sink.episodeSpanIds;
export const iterationSpanIds = sink.iterationSpanIds;
export const SpanAssembler = sink.SpanAssembler;
export type * from '../transports/otel/index.js';
