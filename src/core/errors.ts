/** Errors a transport throws to tell the hub what to do next. */

export interface SinkErrorOptions {
  /** Whether sending the same batch again may succeed (network errors, 429, 5xx). */
  retryable: boolean;
  /** Server-requested wait before the next attempt (from Retry-After), in ms. */
  retryAfterMs?: number;
  /** HTTP status, when there was a response. */
  status?: number;
  cause?: unknown;
}

export class SinkError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(message: string, options: SinkErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'SinkError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
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

/** Whether an HTTP status is worth retrying (as the official Python clients of these backends do). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
