/** Retry timing and the circuit breaker, as pure state machines (the worker owns the clock). */

export interface RetryPolicy {
  /**
   * How long a batch is retried, from its first attempt, before it is given up on (as the OpenTelemetry Collector's
   * retry_on_failure.max_elapsed_time). A burst of errors is ridden out; a backend that stays down is given up on.
   * @default 120000
   */
  maxElapsedMs: number;
  /** Attempts per batch, the first included. @default Infinity (the elapsed time decides) */
  maxAttempts: number;
  /** First backoff, in ms. @default 250 */
  baseMs: number;
  /** Longest computed backoff, in ms. @default 30000 */
  maxMs: number;
  /** Longest wait a server's Retry-After may ask for, in ms. @default 120000 */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxElapsedMs: 120_000,
  maxAttempts: Number.POSITIVE_INFINITY,
  baseMs: 250,
  maxMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/**
 * Wait before attempt `attempt + 1` (attempt counts from 1): exponential with "equal jitter" (half fixed, half random),
 * or the server's Retry-After when it gave one (capped at maxRetryAfterMs).
 */
export function backoffMs(policy: RetryPolicy, attempt: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(policy.maxRetryAfterMs, Math.max(0, retryAfterMs));
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return exp / 2 + (exp / 2) * random();
}

export interface BreakerPolicy {
  /** Consecutive failed attempts that open the breaker. @default 5 */
  failureThreshold: number;
  /** How long it stays open before one trial attempt, in ms. @default 30000 */
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { failureThreshold: 5, cooldownMs: 30_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * closed → (threshold failures) → open → (cooldown) → half-open → success: closed / failure: open. Only outages count
 * (src/core/errors.ts): a backend that answers "busy" is up, and is slowed down instead (src/core/adaptive-limit.ts).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private state: BreakerState = 'closed';

  constructor(private readonly policy: BreakerPolicy) {}

  /** Current state at `now`; an open breaker past its cooldown lets one trial through. */
  stateAt(now: number): BreakerState {
    if (this.state === 'open' && now - this.openedAt >= this.policy.cooldownMs) this.state = 'half-open';
    return this.state;
  }

  /** Milliseconds until a trial is allowed (0 when not open). */
  waitMs(now: number): number {
    return this.stateAt(now) === 'open' ? this.policy.cooldownMs - (now - this.openedAt) : 0;
  }

  success(): void {
    this.failures = 0;
    this.state = 'closed';
  }

  /** The backend answered, even if only to say it is busy: it is up, so the outage count starts over. */
  alive(): void {
    this.success();
  }

  /** Records a failed attempt; returns true when this failure opened the breaker. */
  failure(now: number): boolean {
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.policy.failureThreshold) {
      const opened = this.state !== 'open';
      this.state = 'open';
      this.openedAt = now;
      return opened;
    }
    return false;
  }
}
