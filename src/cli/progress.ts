/**
 * Replay progress: a bar on a terminal (cli-progress), plain lines elsewhere (CI logs). Iterations are named as
 * ClawLoop numbers them (0-based, like the console sink and the report); the count of iterations done only grows, so
 * the display never jumps back or skips ahead of what was replayed.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Called per event; `iteration` when the event closes an iteration (0-based, as in experiment.jsonl). */
  tick(events: number, iteration?: number, totalIterations?: number): void;
  stop(): void;
}

/** Plain lines per run: about 20 (every iteration for short runs), plus the last. */
const PLAIN_LINES = 20;

/** "iteration 2 (3 of 3 done)": the iteration ClawLoop calls 2 is the third one replayed. */
export function describeIteration(iteration: number, done: number, total?: number): string {
  return `iteration ${iteration} (${done}${total ? ` of ${total}` : ''} done)`;
}

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  let done = 0;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'replay [{bar}] {where} | {events} events', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      tick(events, iteration, total) {
        if (iteration !== undefined) done += 1;
        if (!started && total) {
          bar.start(total, 0, { events, where: 'starting' });
          started = true;
        }
        if (!started) return;
        if (iteration !== undefined)
          bar.update(Math.min(done, total ?? done), { events, where: describeIteration(iteration, done, total) });
        else bar.update({ events });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastLine = 0;
  return {
    tick(events, iteration, total) {
      if (iteration === undefined) return;
      done += 1;
      // With a known total, lines fall on fixed steps (never time-dependent); without one, at most one a second.
      const due = total
        ? done % Math.max(1, Math.ceil(total / PLAIN_LINES)) === 0 || done === total || done === 1
        : now() - lastLine >= 1000;
      if (!due) return;
      lastLine = now();
      stream.write(`replay: ${describeIteration(iteration, done, total)}, ${events} events\n`);
    },
    stop() {},
  };
}
