/**
 * A problem in the input, reported as `file:line: field: problem`. Either the line was skipped (it could not be an
 * event) or, with `kept`, the line was still delivered after the named field was dropped or coerced.
 */
export interface InputProblem {
  file: string;
  line: number;
  /** Dotted path of the offending field (`episodes[0].messages[2].role`), or '' when the line as a whole is bad. */
  field: string;
  problem: string;
  /** The line was still delivered (the field was dropped or coerced, as `problem` says); absent when it was skipped. */
  kept?: boolean;
}

export type ProblemHandler = (problem: InputProblem) => void;

/** Skipped lines the closing summary names by place. */
const SKIPPED_NAMED = 5;

export function formatProblem(p: InputProblem): string {
  // Line 0: the file as a whole (a directory, a FIFO, unreadable).
  return `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.field ? `${p.field}: ` : ''}${p.problem}`;
}

/**
 * Counts problem lines without remembering them: the problems of one line arrive together, so a line is new when its
 * file or number differs from the previous problem's.
 */
export class ProblemTally {
  /** Lines skipped because they could not be an event. */
  skippedLines = 0;
  /** Lines delivered after a field was dropped or coerced. */
  keptLines = 0;
  /** Where the first skipped lines were (the closing summary names them; bounded). */
  private readonly skippedAt: string[] = [];
  private last = '';

  add(problem: InputProblem): void {
    const key = `${problem.kept ? 'k' : 's'}\u0000${problem.file}\u0000${problem.line}`;
    if (key === this.last) return;
    this.last = key;
    if (problem.kept) this.keptLines += 1;
    else {
      this.skippedLines += 1;
      if (this.skippedAt.length < SKIPPED_NAMED) this.skippedAt.push(`${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}`);
    }
  }

  get any(): boolean {
    return this.skippedLines + this.keptLines > 0;
  }

  /**
   * `3 bad input line(s) were skipped (a.jsonl:3, a.jsonl:9, b.jsonl:1); 2 line(s) were delivered with a field dropped
   * or coerced (listed above)`.
   */
  describe(skipped = 'skipped'): string {
    const more = this.skippedLines - this.skippedAt.length;
    const where = `${this.skippedAt.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    const parts = [
      this.skippedLines ? `${this.skippedLines} bad input line(s) were ${skipped} (${where})` : '',
      this.keptLines ? `${this.keptLines} line(s) were delivered with a field dropped or coerced` : '',
    ].filter(Boolean);
    return `${parts.join('; ')} (listed above)`;
  }
}
