/**
 * Follows a JSON-lines file that another process is still appending to: only complete lines are read (a partial
 * last line waits for its newline), a truncated file is read again from the start, a replaced (rotated) file too.
 */
import { statSync } from 'node:fs';
import { readLines } from './lines.js';
import type { ProblemHandler } from './problems.js';
import { checkLine, type Validator } from './records.js';

export class FileFollower<T> {
  private offset = 0;
  private nextLine = 1;
  private inode: number | undefined;

  constructor(
    readonly path: string,
    private readonly validate: Validator<T>,
    private readonly onProblem: ProblemHandler,
    private readonly onNotice: (message: string) => void = () => {},
  ) {}

  /** Whether the file exists now. */
  exists(): boolean {
    try {
      statSync(this.path);
      return true;
    } catch {
      return false;
    }
  }

  /** New complete records since the last poll (empty when the file is missing or unchanged). */
  async poll(): Promise<T[]> {
    let stat;
    try {
      stat = statSync(this.path);
    } catch {
      return [];
    }
    if (this.inode !== undefined && stat.ino !== this.inode) {
      this.onNotice(`${this.path} was replaced; reading the new file from the start`);
      this.offset = 0;
      this.nextLine = 1;
    } else if (stat.size < this.offset) {
      this.onNotice(`${this.path} was truncated; reading it again from the start`);
      this.offset = 0;
      this.nextLine = 1;
    }
    this.inode = stat.ino;
    if (stat.size === this.offset) return [];
    const out: T[] = [];
    for await (const raw of readLines(this.path, { start: this.offset, firstLine: this.nextLine, includePartialLast: false })) {
      this.offset = raw.endOffset;
      this.nextLine = raw.line + 1;
      const checked = checkLine(raw, this.validate, this.path);
      if (!checked) continue;
      for (const problem of checked.problems) this.onProblem(problem);
      if ('value' in checked) out.push(checked.value);
    }
    return out;
  }
}
