/** Replay progress: a bar on a terminal (cli-progress), a plain line per step elsewhere (CI logs). */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Called per event; `iteration` when the event closes an iteration. */
  tick(events: number, iteration?: number, totalIterations?: number): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'replay [{bar}] {value}/{total} iterations | {events} events', hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      tick(events, iteration, total) {
        if (!started && total) {
          bar.start(total, 0, { events });
          started = true;
        }
        if (started) bar.update(iteration !== undefined ? iteration + 1 : bar.getProgress() * bar.getTotal(), { events });
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
      const now = Date.now();
      if (now - lastLine < 1000 && !(total && iteration + 1 === total)) return;
      lastLine = now;
      stream.write(`replay: iteration ${iteration + 1}${total ? `/${total}` : ''}, ${events} events\n`);
    },
    stop() {},
  };
}
