/** Shared by replay, watch and serve: build the hub from `--sink`, print problems, close with a summary and an exit code. */
import { Hub } from '../core/hub.js';
import type { Sink } from '../core/sink.js';
import { SinkConfigError } from '../core/preflight.js';
import { createSinks, failureHints, type SinkContext } from '../sinks/registry.js';
import { formatProblem, ProblemTally, type InputProblem } from '../sources/problems.js';
import { EXIT } from './exit-codes.js';
import { say } from './output.js';
import { formatSummary } from './summary.js';

export interface SinkFlags {
  sink: string;
  out?: string;
  /** A fixed deadline for the end of the run (watch / serve: default 30 s; replay: none unless given). */
  timeout?: string;
  /** Replay: how long a sink may make no progress before the replay gives up on it. */
  stallTimeout?: string;
  quiet?: boolean;
  spool?: string;
  retryFor?: string;
  /** Per-sink switches for the expensive parts (commander's --no-… flags: false when switched off). */
  mlflowTraces?: boolean;
  mlflowAssessments?: boolean;
  phoenixAnnotations?: boolean;
  wandbTables?: boolean;
}

/** The per-sink switches as sink options ('off' when switched off). */
function switches(flags: SinkFlags): Record<string, string | undefined> {
  const off = (on: boolean | undefined) => (on === false ? 'off' : undefined);
  return {
    mlflowTraces: off(flags.mlflowTraces),
    mlflowAssessments: off(flags.mlflowAssessments),
    phoenixAnnotations: off(flags.phoenixAnnotations),
    wandbTables: off(flags.wandbTables),
  };
}

/** How a session ends: a replay waits while its sinks make progress; watch and serve keep a fixed deadline. */
export type SessionMode = 'replay' | 'live';

/** Default of --stall-timeout: five minutes without a single delivery. */
export const DEFAULT_STALL_MS = 300_000;
/** Default of --timeout for watch and serve. */
export const DEFAULT_LIVE_TIMEOUT_MS = 30_000;

function positiveMs(flag: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms <= 0) throw new UsageError(`${flag} must be a positive number of milliseconds, got "${value}"`);
  return ms;
}

export interface Session {
  hub: Hub;
  sinks: Sink[];
  /** Lines skipped and lines delivered with a field dropped or coerced. */
  problems: ProblemTally;
  // Properties, not methods: the sources take them as callbacks.
  onProblem: (problem: InputProblem) => void;
  onNotice: (message: string) => void;
  /** Closes the hub, prints the summary, returns the exit code. */
  finish(): Promise<number>;
}

export class UsageError extends Error {}

export function parseSinkNames(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('--sink needs at least one sink name');
  return [...new Set(names)];
}

export interface SessionOptions {
  /** How the closing summary names skipped lines (serve: `refused`). @default 'skipped' */
  skippedWord?: string;
  /** How the session ends: a replay waits while its sinks make progress; watch and serve keep a fixed deadline. @default 'live' */
  mode?: SessionMode;
}

export async function openSession(
  flags: SinkFlags,
  err: NodeJS.WriteStream = process.stderr,
  options: SessionOptions = {},
): Promise<Session> {
  const mode = options.mode ?? 'live';
  let sinks: Sink[];
  const names = parseSinkNames(flags.sink);
  // Live modes (watch, serve) keep the report current while the run goes, for a browser tab to follow.
  const context: SinkContext = {
    env: process.env,
    options: { out: flags.out, quiet: flags.quiet ? 'yes' : undefined, live: mode === 'live' ? 'yes' : undefined, ...switches(flags) },
  };
  try {
    sinks = await createSinks(names, context);
  } catch (error) {
    // A configuration that cannot work is a sink failure (exit 3), named up front; anything else is a usage error.
    if (error instanceof SinkConfigError) throw error;
    throw new UsageError((error as Error).message);
  }
  const timeoutMs = positiveMs('--timeout', flags.timeout, mode === 'replay' ? undefined : DEFAULT_LIVE_TIMEOUT_MS);
  const stallMs = positiveMs('--stall-timeout', flags.stallTimeout, DEFAULT_STALL_MS)!;
  const retryFor = positiveMs('--retry-for', flags.retryFor, 600_000)!;
  const hub = new Hub(sinks, {
    onWarning: (line) => say(err, line),
    spool: flags.spool ? { dir: flags.spool } : undefined,
    retry: { maxElapsedMs: retryFor },
    stallMs,
  });
  const recovered = Object.values(hub.spoolPendingAtStart()).reduce((n, c) => n + c, 0);
  if (recovered > 0 && !flags.quiet) say(err, `spool: redelivering ${recovered} event deliveries an earlier run left pending`);
  const started = Date.now();
  const session: Session = {
    hub,
    sinks,
    problems: new ProblemTally(),
    onProblem(problem) {
      session.problems.add(problem);
      say(err, `${problem.kept ? 'input problem' : 'input error'}: ${formatProblem(problem)}`);
    },
    onNotice(message) {
      if (!flags.quiet) say(err, `note: ${message}`);
    },
    async finish() {
      // A replay ends when everything is delivered or a sink stopped making progress; live modes keep their deadline.
      const report = await hub.close(mode === 'replay' ? { stallMs, timeoutMs } : { timeoutMs });
      const failed = names.filter(
        (n) => report.sinks[n] && (report.sinks[n].undelivered > 0 || report.sinks[n].closeError || report.sinks[n].spooled),
      );
      const hints = failed.length > 0 ? await failureHints(failed, context) : {};
      for (const line of formatSummary(report, (Date.now() - started) / 1000, Date.now(), hints)) say(err, line);
      for (const sink of sinks) for (const note of sink.closingNotes?.() ?? []) say(err, note);
      if (session.problems.any) say(err, session.problems.describe(options.skippedWord));
      if (!report.complete) return EXIT.sinkFailed;
      return session.problems.any ? EXIT.inputErrors : EXIT.ok;
    },
  };
  return session;
}
