/** Shared by replay, watch and serve: build the hub from `--sink`, print problems, close with a summary and an exit code. */
import { Hub } from '../core/hub.js';
import type { Sink } from '../core/sink.js';
import { createSinks } from '../sinks/registry.js';
import { formatProblem, ProblemTally, type InputProblem } from '../sources/problems.js';
import { EXIT } from './exit-codes.js';
import { say } from './output.js';
import { formatSummary } from './summary.js';

export interface SinkFlags {
  sink: string;
  out?: string;
  timeout: string;
  quiet?: boolean;
  spool?: string;
  retryFor?: string;
}

export interface Session {
  hub: Hub;
  sinks: Sink[];
  /** Lines skipped and lines delivered with a field dropped or coerced. */
  problems: ProblemTally;
  onProblem(problem: InputProblem): void;
  onNotice(message: string): void;
  /** Closes the hub, prints the summary, returns the exit code. */
  finish(): Promise<number>;
}

export class UsageError extends Error {}

export function parseSinkNames(value: string): string[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--sink needs at least one sink name');
  return [...new Set(names)];
}

export interface SessionOptions {
  /** How the closing summary names skipped lines (serve: `refused`). @default 'skipped' */
  skippedWord?: string;
}

export async function openSession(flags: SinkFlags, err: NodeJS.WriteStream = process.stderr, options: SessionOptions = {}): Promise<Session> {
  let sinks: Sink[];
  try {
    sinks = await createSinks(parseSinkNames(flags.sink), { env: process.env, options: { out: flags.out } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const timeoutMs = Number(flags.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got "${flags.timeout}"`);
  const retryFor = Number(flags.retryFor ?? 600_000);
  if (!Number.isFinite(retryFor) || retryFor <= 0) throw new UsageError(`--retry-for must be a positive number of milliseconds, got "${flags.retryFor}"`);
  const hub = new Hub(sinks, { onWarning: (line) => say(err, line), spool: flags.spool ? { dir: flags.spool } : undefined, retry: { maxElapsedMs: retryFor } });
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
      const report = await hub.close({ timeoutMs });
      for (const line of formatSummary(report, (Date.now() - started) / 1000)) say(err, line);
      for (const sink of sinks) if ('out' in sink && typeof sink.out === 'string') say(err, `report written to ${sink.out}`);
      if (session.problems.any) say(err, session.problems.describe(options.skippedWord));
      if (!report.complete) return EXIT.sinkFailed;
      return session.problems.any ? EXIT.inputErrors : EXIT.ok;
    },
  };
  return session;
}
