/** Phoenix's own configuration: PHOENIX_COLLECTOR_ENDPOINT, PHOENIX_API_KEY, PHOENIX_PROJECT_NAME. */

export interface PhoenixOptions {
  /** Phoenix base URL. @default $PHOENIX_COLLECTOR_ENDPOINT, else http://localhost:6006 */
  endpoint?: string;
  /** Sent as `Authorization: Bearer …` when Phoenix runs with auth. @default $PHOENIX_API_KEY */
  apiKey?: string;
  /** Project for every run. @default $PHOENIX_PROJECT_NAME, else `clawloop-<bench>` per run */
  projectName?: string;
  /** Time limit of one HTTP call. @default 10000 */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface PhoenixConfig {
  endpoint: string;
  headers: Record<string, string>;
  projectName?: string;
  timeoutMs: number;
}

export function resolvePhoenixConfig(options: PhoenixOptions = {}): PhoenixConfig {
  const env = options.env ?? process.env;
  // PHOENIX_COLLECTOR_ENDPOINT may name the base URL or its /v1/traces path; both are accepted, as Phoenix's clients do.
  const endpoint = (options.endpoint ?? (env.PHOENIX_COLLECTOR_ENDPOINT || 'http://localhost:6006'))
    .replace(/\/v1\/traces\/?$/, '')
    .replace(/\/+$/, '');
  const apiKey = options.apiKey ?? env.PHOENIX_API_KEY;
  return {
    endpoint,
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    projectName: options.projectName ?? (env.PHOENIX_PROJECT_NAME || undefined),
    timeoutMs: options.timeoutMs ?? 10_000,
  };
}

/** The project a run lands in: the configured name, else `clawloop-<bench>`. Phoenix forbids / ? # in names. */
export function projectFor(config: PhoenixConfig, bench: string | undefined): string {
  return (config.projectName ?? (bench ? `clawloop-${bench}` : 'clawloop')).replace(/[/?#]/g, '-');
}
