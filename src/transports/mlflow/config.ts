/** MLflow's own configuration: MLFLOW_TRACKING_URI, _TOKEN, _USERNAME / _PASSWORD, MLFLOW_EXPERIMENT_NAME / _ID. */

export interface MlflowOptions {
  /** Tracking server. @default $MLFLOW_TRACKING_URI, else http://localhost:5000 */
  trackingUri?: string;
  /** Bearer token. @default $MLFLOW_TRACKING_TOKEN */
  token?: string;
  /** Basic auth. @default $MLFLOW_TRACKING_USERNAME / $MLFLOW_TRACKING_PASSWORD */
  username?: string;
  password?: string;
  /** Experiment by id (wins over the name). @default $MLFLOW_EXPERIMENT_ID */
  experimentId?: string;
  /** Experiment by name, created when missing. @default $MLFLOW_EXPERIMENT_NAME, else "clawloop" */
  experimentName?: string;
  /** Time limit of one HTTP call. @default 15000 */
  timeoutMs?: number;
  /**
   * Requests in flight at once: independent runs, artifacts and assessments go out side by side. MLflow's sqlite store
   * writes one at a time, so more buys little there; a server on Postgres or MySQL takes more. @default 8
   */
  concurrency?: number;
  /**
   * How long the sink must be quiet before the parent run's waiting curve points are logged (while batches keep
   * coming, as in a replay, they wait for 1000 points or a minute: one request per 1000 points); 0 logs them with
   * each batch. @default 5000
   */
  lingerMs?: number;
  /** Send episodes as traces (OTLP to /v1/traces, MLflow ≥ 3.6) with reward assessments. @default true */
  traces?: boolean;
  /** With traces: each reward signal as a feedback assessment on its trace (MLflow takes one request per assessment). @default true */
  assessments?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface MlflowConfig {
  baseUrl: string;
  headers: Record<string, string>;
  experimentId?: string;
  experimentName: string;
  timeoutMs: number;
  concurrency: number;
  lingerMs: number;
  traces: boolean;
  assessments: boolean;
}

export function resolveMlflowConfig(options: MlflowOptions = {}): MlflowConfig {
  const env = options.env ?? process.env;
  const uri = options.trackingUri ?? (env.MLFLOW_TRACKING_URI || 'http://localhost:5000');
  if (!/^https?:\/\//.test(uri)) {
    throw new Error(
      `MLFLOW_TRACKING_URI must be an http(s) tracking server URL, got "${uri}" (file and database URIs need the Python client)`,
    );
  }
  const token = options.token ?? env.MLFLOW_TRACKING_TOKEN;
  const username = options.username ?? env.MLFLOW_TRACKING_USERNAME;
  const password = options.password ?? env.MLFLOW_TRACKING_PASSWORD;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  else if (username && password) headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return {
    baseUrl: uri.replace(/\/+$/, ''),
    headers,
    experimentId: options.experimentId ?? (env.MLFLOW_EXPERIMENT_ID || undefined),
    experimentName: options.experimentName ?? (env.MLFLOW_EXPERIMENT_NAME || 'clawloop'),
    timeoutMs: options.timeoutMs ?? 15_000,
    concurrency: Math.max(1, Math.floor(options.concurrency ?? 8)),
    lingerMs: Math.max(0, options.lingerMs ?? 5000),
    traces: options.traces ?? true,
    assessments: options.assessments ?? true,
  };
}
