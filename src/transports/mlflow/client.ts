/**
 * A small typed client for MLflow's tracking REST API (there is no maintained JavaScript one). Errors branch on
 * MLflow's `error_code`, not only the HTTP status (400 covers both INVALID_PARAMETER_VALUE and RESOURCE_ALREADY_EXISTS),
 * and carry the server's message.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { SinkError, type FailureKind } from '../../core/errors.js';
import { httpRequest } from '../../core/http.js';
import { redactSecrets } from '../../core/redact.js';
import type { MlflowConfig } from './config.js';

/**
 * error_codes worth retrying, as MLflow's own client treats them: a busy server (limits, sqlite locked, timeouts) or
 * an internal error. Any other code leaves the decision to the HTTP status (400 INVALID_PARAMETER_VALUE: refused).
 */
function kindOfCode(code: string | undefined): FailureKind | undefined {
  if (code === 'INTERNAL_ERROR') return 'outage';
  if (code && ['TEMPORARILY_UNAVAILABLE', 'REQUEST_LIMIT_EXCEEDED', 'RESOURCE_EXHAUSTED', 'DEADLINE_EXCEEDED', 'ABORTED'].includes(code))
    return 'busy';
  return undefined;
}

/** MLflow's JSON error body (`error_code`, `message`), or nothing for a proxy's page or an empty 502. */
function errorOf(text: string): { errorCode?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as { error_code?: string; message?: string };
    return { errorCode: parsed.error_code, message: parsed.message };
  } catch {
    return {};
  }
}

export class MlflowError extends SinkError {
  constructor(
    message: string,
    readonly errorCode: string | undefined,
    status: number | undefined,
    retryable: boolean,
    retryAfterMs?: number,
    cause?: unknown,
    kind?: FailureKind,
  ) {
    super(message, { retryable, status, retryAfterMs, cause, kind });
    this.name = 'MlflowError';
  }
}

export interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface RunInfo {
  run_id: string;
  experiment_id: string;
  artifact_uri: string;
  status: string;
  start_time?: number;
}

export interface RunData {
  info: RunInfo;
  data: { params?: KeyValue[]; tags?: KeyValue[]; metrics?: Array<Metric> };
}

/** The endpoint a path belongs to, without run, experiment and trace ids or artifact paths (for request counts). */
export function endpointOf(path: string): string {
  return path.replace(/^(\/api\/2\.0\/mlflow-artifacts\/artifacts)\/.*$/, '$1').replace(/\/traces\/tr-[0-9a-f]+/, '/traces/{trace_id}');
}

export class MlflowClient {
  /** Requests sent, by endpoint (for request-count figures). */
  readonly requests: Map<string, number>;
  /** At most `config.concurrency` requests in flight; the rest wait their turn in order. */
  private readonly limit: LimitFunction;

  constructor(
    readonly config: MlflowConfig,
    /** Ends every request of this client (the hub's signal for one call), on top of the per-request time limit. */
    readonly signal?: AbortSignal,
    shared?: { limit: LimitFunction; requests: Map<string, number> },
  ) {
    this.limit = shared?.limit ?? pLimit(config.concurrency);
    this.requests = shared?.requests ?? new Map<string, number>();
  }

  /** The same client (same request limit and counts) whose requests also end when `signal` aborts. */
  withSignal(signal: AbortSignal | undefined): MlflowClient {
    return signal ? new MlflowClient(this.config, signal, { limit: this.limit, requests: this.requests }) : this;
  }

  call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: unknown,
    query?: Record<string, string>,
    raw?: { body: string; contentType: string },
  ): Promise<T> {
    return this.limit(() => {
      // Aborted while waiting for its turn: never sent.
      this.signal?.throwIfAborted();
      return this.request<T>(method, path, body, query, raw);
    });
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: unknown,
    query?: Record<string, string>,
    raw?: { body: string; contentType: string },
  ): Promise<T> {
    const url = new URL(`${this.config.baseUrl}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const endpoint = endpointOf(path);
    this.requests.set(endpoint, (this.requests.get(endpoint) ?? 0) + 1);
    const result = await httpRequest({
      what: `mlflow ${method} ${path}`,
      url,
      method,
      headers: { ...this.config.headers, ...(body !== undefined || raw ? { 'content-type': raw?.contentType ?? 'application/json' } : {}) },
      body: raw ? raw.body : body !== undefined ? JSON.stringify(body) : undefined,
      timeoutMs: this.config.timeoutMs,
      signal: this.signal,
      classify: (_status, text) => kindOfCode(errorOf(text).errorCode),
    });
    if (result.ok) return (result.text ? JSON.parse(result.text) : {}) as T;
    if (result.status === undefined)
      throw new MlflowError(result.reason, undefined, undefined, result.retryable, undefined, result.cause, result.kind);
    const { errorCode, message } = errorOf(result.text ?? '');
    throw new MlflowError(
      redactSecrets(
        `mlflow ${method} ${path}: HTTP ${result.status}${errorCode ? ` ${errorCode}` : ''}: ${message ?? (result.text ?? '').slice(0, 500)}`,
      ),
      errorCode,
      result.status,
      result.retryable,
      result.retryAfterMs,
      undefined,
      result.kind,
    );
  }

  /** Get-or-create, safe against a concurrent creator (RESOURCE_ALREADY_EXISTS → get by name). */
  async experimentId(name: string): Promise<string> {
    const get = async () => {
      try {
        const { experiment } = await this.call<{ experiment: { experiment_id: string; lifecycle_stage: string } }>(
          'GET',
          '/api/2.0/mlflow/experiments/get-by-name',
          undefined,
          { experiment_name: name },
        );
        if (experiment.lifecycle_stage === 'deleted')
          await this.call('POST', '/api/2.0/mlflow/experiments/restore', { experiment_id: experiment.experiment_id });
        return experiment.experiment_id;
      } catch (error) {
        if (error instanceof MlflowError && error.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
        throw error;
      }
    };
    const existing = await get();
    if (existing) return existing;
    try {
      return (await this.call<{ experiment_id: string }>('POST', '/api/2.0/mlflow/experiments/create', { name })).experiment_id;
    } catch (error) {
      if (error instanceof MlflowError && (error.errorCode === 'RESOURCE_ALREADY_EXISTS' || error.errorCode === 'ALREADY_EXISTS')) {
        const raced = await get();
        if (raced) return raced;
      }
      throw error;
    }
  }

  async searchRuns(experimentId: string, filter: string): Promise<RunData[]> {
    const out: RunData[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.call<{ runs?: RunData[]; next_page_token?: string }>('POST', '/api/2.0/mlflow/runs/search', {
        experiment_ids: [experimentId],
        filter,
        max_results: 1000,
        ...(pageToken ? { page_token: pageToken } : {}),
      });
      out.push(...(page.runs ?? []));
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    return out;
  }

  async createRun(experimentId: string, runName: string, startTime: number, tags: KeyValue[]): Promise<RunData> {
    return (
      await this.call<{ run: RunData }>('POST', '/api/2.0/mlflow/runs/create', {
        experiment_id: experimentId,
        run_name: runName,
        start_time: startTime,
        tags,
      })
    ).run;
  }

  async getRun(runId: string): Promise<RunData> {
    return (await this.call<{ run: RunData }>('GET', '/api/2.0/mlflow/runs/get', undefined, { run_id: runId })).run;
  }

  async logBatch(runId: string, batch: { metrics?: Metric[]; params?: KeyValue[]; tags?: KeyValue[] }): Promise<void> {
    await this.call('POST', '/api/2.0/mlflow/runs/log-batch', {
      run_id: runId,
      metrics: batch.metrics ?? [],
      params: batch.params ?? [],
      tags: batch.tags ?? [],
    });
  }

  async updateRun(runId: string, status: 'FINISHED' | 'FAILED' | 'RUNNING', endTime?: number): Promise<void> {
    await this.call('POST', '/api/2.0/mlflow/runs/update', {
      run_id: runId,
      status,
      ...(endTime !== undefined ? { end_time: endTime } : {}),
    });
  }

  /** Uploads through the tracking server's artifact proxy (mlflow-artifacts:/ roots). */
  async putArtifact(run: RunInfo, path: string, content: string): Promise<void> {
    const root = run.artifact_uri.replace(/^mlflow-artifacts:(\/\/[^/]*)?\/?/, '');
    if (root === run.artifact_uri)
      throw new MlflowError(
        `mlflow: run ${run.run_id} stores artifacts at ${run.artifact_uri}, which the REST API cannot write; start the server with --serve-artifacts (the default) and a fresh experiment`,
        undefined,
        undefined,
        false,
      );
    await this.call('PUT', `/api/2.0/mlflow-artifacts/artifacts/${root}/${path}`, undefined, undefined, {
      body: content,
      contentType: 'application/json',
    });
  }
}
