/** Shared by replay, watch and serve: build the hub from `--sink`, print problems, close with a summary and an exit code. */
import { Hub } from '../core/hub.js';
import type { Sink } from '../core/sink.js';
import { createSinks } from '../sinks/registry.js';
import { formatProblem, type InputProblem } from '../sources/problems.js';
import { EXIT } from './exit-codes.js';
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
  problems: number;
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

export async function openSession(flags: SinkFlags, err: NodeJS.WriteStream = process.stderr): Promise<Session> {
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
  const hub = new Hub(sinks, { onWarning: (line) => err.write(line + '\n'), spool: flags.spool ? { dir: flags.spool } : undefined, retry: { maxElapsedMs: retryFor } });
  const recovered = Object.values(hub.counters()).reduce((n, c) => n + c.recovered, 0);
  if (recovered > 0 && !flags.quiet) err.write(`spool: redelivering ${recovered} event deliveries an earlier run left pending\n`);
  const started = Date.now();
  const session: Session = {
    hub,
    sinks,
    problems: 0,
    onProblem(problem) {
      session.problems += 1;
      err.write(`input error: ${formatProblem(problem)}\n`);
    },
    onNotice(message) {
      if (!flags.quiet) err.write(`note: ${message}\n`);
    },
    async finish() {
      const report = await hub.close({ timeoutMs });
      for (const line of formatSummary(report, (Date.now() - started) / 1000)) err.write(line + '\n');
      for (const sink of sinks) if ('out' in sink && typeof sink.out === 'string') err.write(`report written to ${sink.out}\n`);
      if (session.problems > 0) err.write(`${session.problems} bad input line(s) were skipped (listed above)\n`);
      if (!report.complete) return EXIT.sinkFailed;
      return session.problems > 0 ? EXIT.inputErrors : EXIT.ok;
    },
  };
  return session;
}
