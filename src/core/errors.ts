/**
 * Errors a transport throws to tell the hub what to do next, and the one classifier of failures: a busy backend
 * (slow down, no circuit breaker) is not a dead one (outage: the breaker spaces out calls), and a refused request
 * is neither (not retried; the hub splits a batch to find the event that caused it).
 */
import { errorText } from './error-text.js';

/**
 * What a failed call means for the next one.
 * - `busy`: back-pressure from a live backend (429, 503, "at capacity", 408 / 504, a call that timed out): retry
 *   later with fewer requests in flight and smaller batches, honour Retry-After; never trips the breaker.
 * - `outage`: the backend is unreachable or failing (connection refused or reset, DNS, TLS, other 5xx): retry with
 *   backoff; repeated outages open the circuit breaker.
 * - `too-large`: the request was too big (413): retry the batch in halves.
 * - `rejected`: the backend (or the transport itself) refused this content (other 4xx, a data error such as a name
 *   no filesystem accepts): not retried; a batch of several events is split until the event at fault is found.
 */
export type FailureKind = 'busy' | 'outage' | 'too-large' | 'rejected';

export interface SinkErrorOptions {
  /** Whether sending the same batch again may succeed (network errors, 429, 5xx). */
  retryable: boolean;
  /** What the failure means; derived from `retryable`, `status`, the message and `cause` when not given. */
  kind?: FailureKind;
  /** Server-requested wait before the next attempt (from Retry-After), in ms. */
  retryAfterMs?: number;
  /** HTTP status, when there was a response. */
  status?: number;
  cause?: unknown;
}

export class SinkError extends Error {
  readonly retryable: boolean;
  readonly kind: FailureKind;
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(message: string, options: SinkErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'SinkError';
    this.kind = options.kind ?? deriveKind(message, options);
    this.retryable = this.kind === 'busy' || this.kind === 'outage';
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/** A call the hub timed out (and aborted): the backend is slow, which is back-pressure. */
export class CallTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallTimeoutError';
  }
}

const BUSY_TEXT =
  /at capacity|overloaded|too many requests|rate.?limit|temporarily unavailable|try again later|server is busy|REQUEST_LIMIT_EXCEEDED|RESOURCE_EXHAUSTED|TEMPORARILY_UNAVAILABLE|DEADLINE_EXCEEDED|database is locked/i;

/** Classifies an HTTP answer by status (and, for 500s that say so, by body text: "at capacity" is busy). */
export function classifyStatus(status: number, text = ''): FailureKind {
  if (status === 429 || status === 503 || status === 408 || status === 504) return 'busy';
  if (status === 413) return 'too-large';
  if (status >= 500) return BUSY_TEXT.test(text) ? 'busy' : 'outage';
  if (status >= 400) return 'rejected';
  return 'outage';
}

/** Node / undici error codes of a network that did not carry the request: an outage. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ENOSPC',
  'EMFILE',
  'EBUSY',
]);
/** Codes of a slow peer (a timeout on the way): back-pressure. */
const SLOW_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ESOCKETTIMEDOUT']);
/** Codes that say the content itself cannot be handled (a name or value no API accepts): retrying cannot help. */
const DATA_CODES = new Set([
  'ENAMETOOLONG',
  'EINVAL',
  'EILSEQ',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_CHAR',
  'ERR_OUT_OF_RANGE',
  'ERR_STRING_TOO_LONG',
  'ERR_BUFFER_TOO_LARGE',
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/**
 * Classifies anything a sink threw. SinkErrors carry their kind; timeouts are busy; network failures are outages;
 * data errors (TypeError, RangeError, a path no filesystem accepts) are rejections of the content; anything else is
 * treated as an outage (retried), as before.
 */
export function classifyError(error: unknown): FailureKind {
  if (error instanceof SinkError) return error.kind;
  if (error instanceof CallTimeoutError) return 'busy';
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'busy';
  const codes = codesOf(error);
  if (codes.some((c) => SLOW_CODES.has(c))) return 'busy';
  if (codes.some((c) => NETWORK_CODES.has(c))) return 'outage';
  if (codes.some((c) => DATA_CODES.has(c))) return 'rejected';
  const message = errorText(error);
  if (/fetch failed|socket hang up|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN/.test(message)) return 'outage';
  if (/timed? ?out|timeout/i.test(message)) return 'busy';
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) return 'rejected';
  return 'outage';
}

function deriveKind(message: string, options: SinkErrorOptions): FailureKind {
  if (!options.retryable) return options.status === 413 ? 'too-large' : 'rejected';
  if (options.status !== undefined) {
    const kind = classifyStatus(options.status, message);
    // The transport said a retry can help (e.g. a 404 while the backend is still ingesting): the backend is up, just not ready.
    return kind === 'rejected' || kind === 'too-large' ? 'busy' : kind;
  }
  if (options.cause !== undefined) {
    const kind = classifyError(options.cause);
    return kind === 'rejected' || kind === 'too-large' ? 'outage' : kind;
  }
  return BUSY_TEXT.test(message) || /timed? ?out|timeout/i.test(message) ? 'busy' : 'outage';
}

/** Parses an HTTP Retry-After header (seconds or HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
