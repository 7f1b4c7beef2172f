/** clawloop-sinks/mlflow: checks the optional OpenTelemetry peers, then loads the mlflow sink. */
import { OTLP_PEERS, requirePeers } from './peers.js';

requirePeers('mlflow', OTLP_PEERS);
const sink = await import('../transports/mlflow/index.js');

export const createMlflowSink = sink.createMlflowSink;
export const MlflowClient = sink.MlflowClient;
export const MlflowError = sink.MlflowError;
export const MlflowTraces = sink.MlflowTraces;
export const planBatches = sink.planBatches;
export const sanitizeKey = sink.sanitizeKey;
export const LIMITS = sink.LIMITS;
export const TAG = sink.TAG;
export type * from '../transports/mlflow/index.js';
