/** clawloop-sinks/langfuse: checks the optional OpenTelemetry peers, then loads the langfuse sink. */
import { OTLP_PEERS, requirePeers } from './peers.js';

requirePeers('langfuse', OTLP_PEERS);
const sink = await import('../transports/langfuse/index.js');

export const createLangfuseSink = sink.createLangfuseSink;
export const runTraceId = sink.runTraceId;
export const resolveLangfuseConfig = sink.resolveLangfuseConfig;
export type * from '../transports/langfuse/index.js';
