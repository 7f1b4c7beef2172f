/** Rate-limited, secret-free, one-line warnings: one line per (sink, kind) per interval, with a count of what was held back. */
import { safeLine } from './safe-text.js';

export type WarningSink = (line: string) => void;

export interface WarningsOptions {
  /** Where lines go. @default a line on stderr */
  write?: WarningSink;
  /** Minimum time between two lines of the same kind, in ms. @default 10000 */
  intervalMs?: number;
  now?: () => number;
}

export class Warnings {
  private readonly write: WarningSink;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(options: WarningsOptions = {}) {
    this.write = options.write ?? ((line) => process.stderr.write(line + '\n'));
    this.intervalMs = options.intervalMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Writes a one-off line (not rate-limited: for findings that happen once, such as what a spool repaired). Never throws. */
  note(sink: string, message: string): void {
    try {
      this.write(safeLine(`clawloop-sinks: ${sink}: ${message}`));
    } catch {
      // A warning must never become an error in the caller.
    }
  }

  /** Warns about `kind` for `sink`, unless the same kind was reported within the interval. Never throws. */
  warn(sink: string, kind: string, message: string): void {
    try {
      const key = `${sink}\u0000${kind}`;
      const now = this.now();
      const seen = this.last.get(key);
      if (seen && now - seen.at < this.intervalMs) {
        seen.suppressed += 1;
        return;
      }
      const held = seen?.suppressed ? ` (${seen.suppressed} similar warnings held back)` : '';
      this.last.set(key, { at: now, suppressed: 0 });
      this.write(safeLine(`clawloop-sinks: ${sink}: ${message}${held}`));
    } catch {
      // A warning must never become an error in the caller.
    }
  }
}
