/**
 * The one HTTP layer of the transports: a request with a time limit that also ends when the hub aborts the call, one
 * result type (ok, or a failure that is retryable or fatal, with the reason), one classification of statuses,
 * Retry-After and network errors (src/core/errors.ts), and error text free of secrets. Retries are not made here:
 * they live in the hub's worker, which sees the SinkError a failure becomes.
 */
import { callSignal, requestLimit } from './call-signal.js';
import { classifyError, classifyStatus, parseRetryAfter, SinkError, type FailureKind } from './errors.js';
import { fetchExchange, nodeExchange, type Answer } from './http-exchange.js';
import { redactSecrets } from './redact.js';

export interface HttpRequest {
  /** Names the request in messages, e.g. `mlflow POST /api/2.0/mlflow/runs/create`. */
  what: string;
  url: string | URL;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Time limit of this request, in ms. */
  timeoutMs: number;
  /** The hub's signal for the call in progress. @default the call's signal (src/core/call-signal.ts), if any */
  signal?: AbortSignal;
  /**
   * What a failed answer means when the status alone does not say (MLflow's `error_code`, Phoenix's 404 while a span
   * is still being ingested); undefined leaves it to the status.
   */
  classify?: (status: number, text: string) => FailureKind | undefined;
  /**
   * A large body sent many times a run (the OTLP exports): sent by node:http instead of fetch, at a third of the CPU
   * per request; redirects are not followed (src/core/http-exchange.ts).
   */
  bulk?: boolean;
}

/** Most characters of a response body kept in a failure's message. */
const MAX_DETAIL = 500;

export type HttpResult =
  | { ok: true; status: number; text: string; headers: Headers }
  | {
      ok: false;
      /** busy / outage may be retried by the hub; too-large asks for smaller batches; rejected is fatal. */
      kind: FailureKind;
      retryable: boolean;
      /** One line saying what failed and why, secrets removed. */
      reason: string;
      status?: number;
      retryAfterMs?: number;
      /** The response body, when there was a response. */
      text?: string;
      cause?: unknown;
    };

const retryableKind = (kind: FailureKind) => kind === 'busy' || kind === 'outage';

/**
 * Sends one request. Resolves with the result whatever the server said or the network did (never throws): a call the
 * hub aborted, or one with no answer within its time limit, is `busy` (the backend was too slow for the call).
 */
export async function httpRequest(request: HttpRequest): Promise<HttpResult> {
  const hub = request.signal ?? callSignal();
  const limit = requestLimit(request.timeoutMs, hub);
  const signal = limit.signal;
  let res: Answer;
  try {
    const exchange = request.bulk ? nodeExchange : fetchExchange;
    res = await exchange({ url: request.url, method: request.method ?? 'GET', headers: request.headers, body: request.body, signal });
  } catch (error) {
    // The hub gave up on the call (its time limit, close): the request is over; what it says is for the record only.
    const aborted = hub?.aborted === true;
    const timedOut = !aborted && signal.aborted;
    const kind = aborted || timedOut ? 'busy' : classifyError(error);
    const why = aborted
      ? `aborted: ${(hub.reason as Error | undefined)?.message ?? 'the call was abandoned'}`
      : timedOut
        ? `no answer within ${request.timeoutMs} ms`
        : (error as Error).message;
    return {
      ok: false,
      kind,
      retryable: retryableKind(kind),
      reason: redactSecrets(`${request.what}: ${why}`),
      cause: aborted ? (hub.reason ?? error) : error,
    };
  } finally {
    limit.done();
  }
  const { text } = res;
  if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, text, headers: res.headers };
  const detail = text.slice(0, MAX_DETAIL);
  const kind = request.classify?.(res.status, text) ?? classifyStatus(res.status, text);
  return {
    ok: false,
    kind,
    retryable: retryableKind(kind),
    reason: redactSecrets(`${request.what}: HTTP ${res.status}: ${detail || res.statusText}`),
    status: res.status,
    retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    text,
  };
}

/** The SinkError a failed result becomes (what the hub retries, backs off from or gives up on). */
export function httpFailure(result: Extract<HttpResult, { ok: false }>, reason = result.reason): SinkError {
  return new SinkError(reason, {
    retryable: result.retryable,
    kind: result.kind,
    status: result.status,
    retryAfterMs: result.retryAfterMs,
    cause: result.cause,
  });
}

/** Sends one request and returns the answer's body; a failure throws its SinkError. */
export async function httpText(request: HttpRequest): Promise<string> {
  const result = await httpRequest(request);
  if (!result.ok) throw httpFailure(result);
  return result.text;
}

/** Sends one request and parses the answer as JSON (an empty body is `{}`); a failure throws its SinkError. */
export async function httpJson<T>(request: HttpRequest): Promise<T> {
  const text = await httpText(request);
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch (error) {
    throw new SinkError(redactSecrets(`${request.what}: the answer is not JSON: ${text.slice(0, 200)}`), {
      retryable: true,
      kind: 'outage',
      cause: error,
    });
  }
}
