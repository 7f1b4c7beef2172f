/**
 * Follows a JSON-lines file that another process is still appending to, without losing a line to rotation:
 * - only complete lines are read while following (a partial last line waits for its newline); `poll({ final: true })`
 *   at the end also takes an unterminated last line, delivered when it is a complete value and reported when not;
 * - the file is read through an open handle, so a file renamed away (rename rotation) is still drained: lines its
 *   writer adds after the rename are read until the writer has visibly moved to the new file and the old one is quiet;
 * - a file truncated in place (copy-truncate rotation) is recognised by size and by its bytes (the last bytes read
 *   must still be where they were), and the lines that went only into the copy are read from the copy, found among
 *   the file's siblings by content (its start and the bytes before the offset equal what was read), not by name.
 */
import { readdirSync, statSync } from 'node:fs';
import { constants, open, stat as fsStat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readLines, type Line } from './lines.js';
import { LineSplitter } from './line-splitter.js';
import type { ProblemHandler } from './problems.js';
import { checkLine, type Validator } from './records.js';

const CHUNK_BYTES = 64 * 1024;
/** Bytes at the start and just before the offset that identify what was read (a copy, or the file itself after truncation). */
const IDENTITY_BYTES = 4096;
/** A renamed-away file is closed once the new file has grown and the old one has been quiet this long. @default 5 s */
export const RETIRE_QUIET_MS = 5000;

/** One open file being followed. */
interface Followed {
  handle: FileHandle;
  ino: number;
  dev: number;
  /** Byte offset just past the last complete line read. */
  offset: number;
  nextLine: number;
  /** The first and the last IDENTITY_BYTES read (before `offset`). */
  head: Buffer;
  tail: Buffer;
  /** File size at the last poll (the bytes are checked again only when it changes). */
  sizeSeen: number;
  /** When new bytes last arrived. */
  grewAt: number;
}

export interface FollowOptions {
  /** See RETIRE_QUIET_MS. */
  retireQuietMs?: number;
}

export class FileFollower<T> {
  private current: Followed | undefined;
  /** Files renamed away while their writer may still append to them (rename rotation). */
  private renamed: Followed[] = [];
  /** The path could not be followed (a directory, a FIFO): reported once per inode. */
  private refusedIno: number | undefined;

  constructor(
    readonly path: string,
    private readonly validate: Validator<T>,
    private readonly onProblem: ProblemHandler,
    private readonly onNotice: (message: string) => void = () => {},
    private readonly options: FollowOptions = {},
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

  /**
   * New records since the last poll (empty when the file is missing or unchanged). `final`: the writer is done (end of
   * the run, or the watch stops): an unterminated last line is taken too, and files renamed away are closed.
   */
  async poll(options: { final?: boolean } = {}): Promise<T[]> {
    const final = options.final ?? false;
    const out: T[] = [];
    await this.followPath(out, final);
    // Renamed-away files after the current one's check, so a writer's move to the new file is seen first.
    for (const old of [...this.renamed]) {
      const grew = await this.read(old, out, final, `${this.path} (renamed away)`);
      // Closed once the writer visibly moved (the new file has bytes) and the old file has been quiet since.
      const moved = this.current !== undefined && this.current.sizeSeen > 0;
      const quiet = !grew && Date.now() - old.grewAt >= (this.options.retireQuietMs ?? RETIRE_QUIET_MS);
      if (final || (moved && quiet)) {
        this.renamed.splice(this.renamed.indexOf(old), 1);
        await old.handle.close().catch(() => {});
      }
    }
    if (final && this.current) {
      await this.current.handle.close().catch(() => {});
      this.current = undefined;
    }
    return out;
  }

  /** Follows the file the path names now: a different file there (rename rotation) is read from its start. */
  private async followPath(out: T[], final: boolean): Promise<void> {
    const opened = await this.openByName();
    if (opened && 'error' in opened) {
      if (this.refusedIno !== opened.ino) this.onProblem({ file: this.path, line: 0, field: '', problem: opened.error });
      this.refusedIno = opened.ino;
    } else if (opened) {
      if (this.current) {
        // The old file is kept open and drained while its writer may still append to it (see poll).
        this.onNotice(`${this.path} was replaced; reading the new file from the start, and the old one until its writer moves on`);
        this.renamed.push(this.current);
      }
      this.current = opened;
    }
    if (this.current) await this.read(this.current, out, final, this.path);
  }

  /**
   * Opens the file the path names when it is not the one followed already (undefined when it is, or when there is
   * none); an error names what the path is when it is not a readable regular file (opened without blocking on a FIFO).
   */
  private async openByName(): Promise<Followed | { error: string; ino: number } | undefined> {
    let stat;
    try {
      stat = await fsStat(this.path);
    } catch {
      return undefined;
    }
    if (this.current && this.current.ino === stat.ino && this.current.dev === stat.dev) return undefined;
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO (named pipe)' : 'not a regular file';
      return { error: `is ${kind}, expected a regular file`, ino: stat.ino };
    }
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      return {
        error: `cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}`,
        ino: stat.ino,
      };
    }
    // The inode of the handle itself: the name may have been replaced between the stat and the open.
    const opened = await handle.stat();
    if (this.current && this.current.ino === opened.ino && this.current.dev === opened.dev) {
      await handle.close();
      return undefined;
    }
    const empty = Buffer.alloc(0);
    return { handle, ino: opened.ino, dev: opened.dev, offset: 0, nextLine: 1, head: empty, tail: empty, sizeSeen: 0, grewAt: Date.now() };
  }

  /** Reads what is new in `file` into `out`; whether any byte was new. Checks first that the file was not truncated. */
  private async read(file: Followed, out: T[], final: boolean, label: string): Promise<boolean> {
    const size = (await file.handle.stat()).size;
    if (size === file.sizeSeen && size === file.offset && !final) return false;
    if (size !== file.sizeSeen && file.offset > 0 && !(size >= file.offset && (await this.sameBytes(file.handle, file)))) {
      await this.recoverTruncated(file, out);
    }
    const grew = size !== file.sizeSeen;
    file.sizeSeen = size;
    if (grew) file.grewAt = Date.now();
    await this.readRange(file.handle, file, size, out, final, label);
    return grew;
  }

  /** Whether `handle` holds, where `file` says, the bytes that were read from `file` (its start and before its offset). */
  private async sameBytes(handle: FileHandle, file: Followed): Promise<boolean> {
    const at = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    return (
      (await at(0, file.head.length)).equals(file.head) && (await at(file.offset - file.tail.length, file.tail.length)).equals(file.tail)
    );
  }

  /**
   * The file was truncated (copy-truncate rotation): the lines after `offset` that went only into the copy are read
   * from it, then the file is followed again from its start. Said in a notice either way, with what was lost if no copy holds them.
   */
  private async recoverTruncated(file: Followed, out: T[]): Promise<void> {
    const copy = await this.findCopy(file);
    if (copy) {
      const label = join(dirname(this.path), copy);
      for await (const raw of readLines(label, { start: file.offset, firstLine: file.nextLine })) this.take(raw, out, label);
      this.onNotice(`${this.path} was truncated (rotated); the lines after line ${file.nextLine - 1} were read from its copy ${copy}`);
    } else {
      this.onNotice(
        `${this.path} was truncated; no copy holding what followed line ${file.nextLine - 1} was found beside it: lines written between the last read and the truncation, if any, are missing`,
      );
    }
    Object.assign(file, { offset: 0, nextLine: 1, head: Buffer.alloc(0), tail: Buffer.alloc(0), sizeSeen: 0 });
  }

  /** A sibling whose content starts with what was read (`<name>.1`, `<name>-20261206`, …), or undefined. */
  private async findCopy(file: Followed): Promise<string | undefined> {
    const dir = dirname(this.path);
    const name = basename(this.path);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n !== name && n.startsWith(name));
    } catch {
      return undefined;
    }
    for (const candidate of names.sort()) {
      let handle: FileHandle | undefined;
      try {
        handle = await open(join(dir, candidate), constants.O_RDONLY | constants.O_NONBLOCK);
        const stat = await handle.stat();
        if (stat.isFile() && stat.ino !== file.ino && stat.size >= file.offset && (await this.sameBytes(handle, file))) return candidate;
      } catch {
        // Unreadable sibling: not the copy.
      } finally {
        await handle?.close().catch(() => {});
      }
    }
    return undefined;
  }

  /** Reads complete lines of `file` from its offset up to `size` (and the unterminated rest when `final`). */
  private async readRange(handle: FileHandle, file: Followed, size: number, out: T[], final: boolean, label: string): Promise<void> {
    const splitter = new LineSplitter();
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = file.offset;
    const start = file.offset;
    while (position < size) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (bytesRead === 0) break;
      const base = position;
      splitter.push(buf.subarray(0, bytesRead), (line, end) => {
        this.take({ ...line, line: file.nextLine }, out, label);
        file.nextLine += 1;
        file.offset = base + end;
      });
      position += bytesRead;
    }
    if (final) {
      const last = splitter.end();
      if (last) {
        this.take({ ...last, line: file.nextLine }, out, label);
        file.nextLine += 1;
        file.offset = position;
      }
    }
    if (file.offset > start) await this.remember(handle, file);
  }

  /** Keeps the bytes that identify what was read: the file's start and the bytes just before the offset. */
  private async remember(handle: FileHandle, file: Followed): Promise<void> {
    if (file.head.length < IDENTITY_BYTES) {
      const head = Buffer.alloc(Math.min(IDENTITY_BYTES, file.offset));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      file.head = head.subarray(0, bytesRead);
    }
    const length = Math.min(IDENTITY_BYTES, file.offset);
    const tail = Buffer.alloc(length);
    const { bytesRead } = await handle.read(tail, 0, length, file.offset - length);
    file.tail = tail.subarray(0, bytesRead);
  }

  private take(raw: Line, out: T[], file: string): void {
    const checked = checkLine(raw, this.validate, file);
    if (!checked) return;
    for (const problem of checked.problems) this.onProblem(problem);
    if ('value' in checked) out.push(checked.value);
  }
}
