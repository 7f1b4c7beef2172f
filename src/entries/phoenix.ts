/** clawloop-sinks/phoenix: checks the optional OpenTelemetry peers, then loads the phoenix sink. */
import { OTLP_PEERS, requirePeers } from './peers.js';

requirePeers('phoenix', OTLP_PEERS);
const sink = await import('../transports/phoenix/index.js');

export const createPhoenixSink = sink.createPhoenixSink;
export const ANNOTATION_IDENTIFIER = sink.ANNOTATION_IDENTIFIER;
export const projectFor = sink.projectFor;
export type * from '../transports/phoenix/index.js';
