/**
 * Seeded chaos for the fault proxy (test/helpers/fault-proxy.ts): a fraction of a backend's requests fail in the ways
 * backends and networks fail — 502, 503, a reset connection, a reply cut short after the backend stored the request,
 * a short delay — and, above all, an early error answer while another request of the same batch is still slow. That
 * last one is what once crashed the CLI: a transport started a request, awaited it behind a slower one, and the
 * error that arrived meanwhile had no handler when the tick ended (Node ends the process). Every fault here is
 * transient, so a run through it must end with everything delivered, exit 0, and nothing the backend keeps twice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CanonicalEvent } from '../../generated/types.gen.js';
import type { Fault } from './fault-proxy.js';
import { seeded } from './seeded.js';

export interface ChaosOptions {
  /** Share of requests delayed (a slow backend), each by 200–1200 ms. @default 0.12 */
  slow?: number;
  /** Share of the other requests that fail (502, 503, reset, truncate). @default 0.12 */
  fail?: number;
  /**
   * Chance that a delayed request arms an early error: the next request that arrives while it is still pending is
   * answered at once with a failure. @default 0.8
   */
  earlyWhileSlow?: number;
  /**
   * Chance that requests sent together (arriving within a few ms: one call's requests side by side) are split into a
   * slow first one and a second one that fails at once — the error answer arriving while its sibling is still
   * pending, which a transport awaiting them in order meets first. @default 0.6
   */
  siblings?: number;
}

export interface Chaos {
  decide: (n: number, path: string) => Promise<Fault>;
  /** What was injected, by kind (a run that injected nothing proves nothing). */
  injected: Record<string, number>;
}

/** Requests arriving within this many ms of the first of a group are taken as sent together. */
const GROUP_MS = 5;

/** A decide() for startFaultProxy with seeded faults. */
export function chaos(seed: number, options: ChaosOptions = {}): Chaos {
  const random = seeded(seed);
  const { slow = 0.12, fail = 0.12, earlyWhileSlow = 0.8, siblings = 0.6 } = options;
  const injected: Record<string, number> = {};
  /** Early errors owed to requests arriving while a delayed one is pending; each expires with its delay. */
  const armed = new Set<{ until: number }>();
  const count = (kind: string) => (injected[kind] = (injected[kind] ?? 0) + 1);
  const failure = (): Fault => {
    const pick = random();
    if (pick < 0.35) return { status: 502, body: 'Bad Gateway' };
    if (pick < 0.6) return { status: 503, body: 'Service Unavailable' };
    if (pick < 0.85) return 'reset';
    return 'truncate';
  };
  const label = (fault: Fault) => (typeof fault === 'string' ? fault : 'status' in fault ? String(fault.status) : 'slow');
  const delayed = (arm: boolean): Fault => {
    const delayMs = 200 + Math.floor(random() * 1000);
    if (arm) armed.add({ until: performance.now() + delayMs });
    count('slow');
    return { delayMs };
  };
  const early = (): Fault => {
    const fault = failure();
    count(`early ${label(fault)}`);
    return fault;
  };
  const one = (): Fault => {
    const now = performance.now();
    for (const a of armed) if (a.until <= now) armed.delete(a);
    const [owed] = armed;
    if (owed) {
      armed.delete(owed);
      return early();
    }
    const [a, c] = [random(), random()];
    if (a < slow) return delayed(c < earlyWhileSlow);
    if (a < slow + fail) {
      const fault = failure();
      count(label(fault));
      return fault;
    }
    return 'forward';
  };
  // Decisions are made per group of requests that arrived together, in arrival order.
  let group: Array<(fault: Fault) => void> | undefined;
  const decideGroup = (members: Array<(fault: Fault) => void>) => {
    let rest = members;
    if (members.length >= 2 && random() < siblings) {
      members[0](delayed(false));
      members[1](early());
      rest = members.slice(2);
    }
    for (const answer of rest) answer(one());
  };
  const decide = (): Promise<Fault> =>
    new Promise((resolve) => {
      if (!group) {
        const members: Array<(fault: Fault) => void> = [];
        group = members;
        setTimeout(() => {
          group = undefined;
          decideGroup(members);
        }, GROUP_MS);
      }
      group.push(resolve);
    });
  return { decide, injected };
}

/** The CLI ended on its own terms: no crash, no unhandled rejection, no last-resort report, exit 0. */
export function expectCleanExit(result: { code: number | null; stderr: string }): void {
  expect(result.stderr).not.toMatch(/Node\.js v\d|Unhandled|unhandled|uncaught|internal error/i);
  expect(result.code, result.stderr).toBe(0);
}

/** One line in the test output saying what a run went through (a seed that injected little proves little). */
export function logChaos(name: string, faults: Chaos, requests: number, stderr = ''): void {
  const kinds = Object.entries(faults.injected)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const summary = stderr.split('\n').find((l) => /\s(ok|INCOMPLETE)\s+sent /.test(l));
  process.stdout.write(`chaos ${name}: ${requests} requests; injected ${kinds || 'nothing'}${summary ? `; ${summary.trim()}` : ''}\n`);
  if (process.env.CHAOS_VERBOSE) process.stdout.write(stderr);
}

/**
 * An events file holding `events` (the sample) once per run id `<prefix>-0` … `<prefix>-<runs - 1>`, run after run:
 * enough calls, and calls side by side, for the faults to meet a sink's concurrent requests (the sample alone is one
 * call for most sinks).
 */
export function repeatedRuns(events: readonly CanonicalEvent[], runs: number, prefix: string): { file: string; runIds: string[] } {
  const runIds = Array.from({ length: runs }, (_, i) => `${prefix}-${i}`);
  const file = join(mkdtempSync(join(tmpdir(), 'chaos-')), 'events.ndjson');
  writeFileSync(file, runIds.flatMap((runId) => events.map((e) => JSON.stringify({ ...e, run_id: runId }))).join('\n') + '\n');
  return { file, runIds };
}
