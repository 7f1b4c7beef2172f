/**
 * Up-front configuration checks, run when a sink is created from the CLI or `createSinks()`: a sink that cannot work
 * as configured fails at once, naming the variables to set, instead of retrying against a default address for
 * minutes and ending with counters. Each transport's preflight.ts uses these helpers.
 */
import { connect } from 'node:net';

/** A sink's configuration cannot work; the message (`<sink>: <reason>`, one line per sink) names what to set. */
export class SinkConfigError extends Error {
  constructor(
    readonly sink: string,
    reason: string,
  ) {
    super(`${sink}: ${reason}`);
    this.name = 'SinkConfigError';
  }

  /** One error for several sinks, a line each. */
  static combine(errors: readonly SinkConfigError[]): SinkConfigError {
    if (errors.length === 1) return errors[0];
    const combined = new SinkConfigError(errors.map((e) => e.sink).join(','), '');
    combined.message = errors.map((e) => e.message).join('\n');
    return combined;
  }
}

/** What a sink's preflight module exports. */
export interface SinkPreflight {
  /** Throws a SinkConfigError when the configuration in `env` (and CLI `options`) cannot work. */
  preflight(env: NodeJS.ProcessEnv, options: Readonly<Record<string, string | undefined>>): Promise<void>;
  /** One sentence for the closing summary of a sink that did not deliver everything: where it sent, what to check. */
  failureHint(env: NodeJS.ProcessEnv, options: Readonly<Record<string, string | undefined>>): string;
}

/** How long a default address gets to accept a TCP connection. */
export const PROBE_TIMEOUT_MS = 1000;

/** Whether something accepts TCP connections at the URL's host and port within `timeoutMs`. */
export function addressAnswers(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    // on, not once: an error after the first (the socket torn down mid-handshake) must not find no listener and crash.
    socket.on('error', () => done(false));
  });
}

/**
 * Passes when any of `variables` is set in `env`, or when nothing is set and the default address answers (a local
 * backend on its usual port); otherwise fails naming the variables.
 */
export async function requireConfiguredOrAnswering(
  sink: string,
  env: NodeJS.ProcessEnv,
  variables: readonly string[],
  defaultUrl: string,
  what: string,
): Promise<void> {
  if (variables.some((v) => env[v])) return;
  if (await addressAnswers(defaultUrl)) return;
  throw new SinkConfigError(sink, `no ${what} configured and nothing answers at the default ${defaultUrl}; set ${variables.join(' or ')}`);
}

/** Runs `check`, turning a plain configuration error it throws into a SinkConfigError for `sink`. */
export function asConfigError(sink: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof SinkConfigError) throw error;
    throw new SinkConfigError(sink, (error as Error).message.replace(new RegExp(`^(the )?${sink}( sink)?:? `), ''));
  }
}
