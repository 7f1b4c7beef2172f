/**
 * The per-iteration merge of `watch` (src/sources/watch-run.ts): lines of ClawLoop's files held by iteration, an
 * iteration sent when the caller says it is due (its episodes, the iteration, its evolution steps — a replay's order),
 * and a line for an iteration already sent delivered where it still can be, or named in a notice where it cannot.
 */
import type { ArchiveIterationRecord, CallbackLine, CanonicalEvent, EvolutionLine, ExperimentLine } from '../../generated/types.gen.js';
import { episodesFromCallback, evolutionFrom, iterationFrom } from './convert.js';

/** The files ClawLoop writes a line to in every iteration (evolution.jsonl skips iterations where nothing changed). */
export type DenseFile = 'experiment' | 'callback' | 'archive';

/** What the files hold of an iteration not sent yet. */
interface Held {
  experiment?: ExperimentLine;
  callback?: CallbackLine;
  archive?: ArchiveIterationRecord;
  evolution: EvolutionLine[];
  firstSeen: number;
}

type Parts = Partial<Pick<Held, DenseFile>>;

export class IterationMerge {
  private readonly held = new Map<number, Held>();
  /** Iterations sent, and whether an iteration event went out for each. */
  private readonly sent = new Map<number, boolean>();
  private readonly reached: Record<DenseFile, number> = { experiment: -1, callback: -1, archive: -1 };
  private newest = -1;
  /** Iteration events sent. */
  iterations = 0;

  constructor(
    private readonly runId: string,
    private readonly notice: (message: string) => void,
    /** Whether experiment.jsonl exists (an iteration sent without its line is then worth a notice). */
    private readonly experimentExists: () => boolean,
  ) {}

  /** Takes one line of a per-iteration file; yields at once what a line for an iteration already sent still delivers. */
  *add(file: DenseFile, iteration: number, line: NonNullable<Parts[DenseFile]>): Generator<CanonicalEvent> {
    this.newest = Math.max(this.newest, iteration);
    this.reached[file] = Math.max(this.reached[file], iteration);
    if (this.sent.has(iteration)) yield* this.late(iteration, { [file]: line });
    else Object.assign(this.hold(iteration), { [file]: line });
  }

  *addEvolution(line: EvolutionLine): Generator<CanonicalEvent> {
    this.newest = Math.max(this.newest, line.iteration);
    if (this.sent.has(line.iteration)) yield evolutionFrom(this.runId, line);
    else this.hold(line.iteration).evolution.push(line);
  }

  /**
   * The highest iteration that is done being written, from what was taken so far: any below the newest iteration seen
   * (ClawLoop writes iteration i completely before i + 1), and the newest once every per-iteration file has it — a file
   * that does not exist is waited for `graceMs` from when the iteration was first seen.
   */
  doneUpTo(exists: (file: DenseFile) => boolean, graceMs: number): number {
    const newest = this.held.get(this.newest);
    if (!newest) return this.newest - 1;
    const waiting = (Object.keys(this.reached) as DenseFile[]).filter((file) => this.reached[file] < this.newest);
    const ready = waiting.length === 0 || (waiting.every((file) => !exists(file)) && Date.now() - newest.firstSeen >= graceMs);
    return ready ? this.newest : this.newest - 1;
  }

  /** Sends every held iteration up to `upTo`, in order. */
  *release(upTo: number): Generator<CanonicalEvent> {
    for (const i of [...this.held.keys()].sort((a, b) => a - b)) {
      if (i > upTo) break;
      const h = this.held.get(i)!;
      this.held.delete(i);
      if (h.callback) yield* episodesFromCallback(this.runId, h.callback);
      const iteration = iterationFrom({
        runId: this.runId,
        iteration: i,
        experiment: h.experiment,
        callback: h.callback,
        archive: h.archive,
      });
      if (!h.experiment && this.experimentExists())
        this.notice(
          `iteration ${i}: its experiment.jsonl line did not arrive (a refused line is listed with the input errors); ${iteration ? 'the iteration was sent from the archive record' : 'no other file gives it a time, so no iteration event was sent'}${h.callback ? '; its episodes were sent' : ''}`,
        );
      if (iteration) {
        yield iteration;
        this.iterations += 1;
      }
      this.sent.set(i, iteration !== undefined);
      for (const line of h.evolution) yield evolutionFrom(this.runId, line);
    }
  }

  private hold(i: number): Held {
    let h = this.held.get(i);
    if (!h) this.held.set(i, (h = { evolution: [], firstSeen: Date.now() }));
    return h;
  }

  /** A line for an iteration already sent: delivered where it still can be, else said. */
  private *late(i: number, line: Parts): Generator<CanonicalEvent> {
    if (line.callback) yield* episodesFromCallback(this.runId, line.callback);
    if (!this.sent.get(i)) {
      const iteration = iterationFrom({ runId: this.runId, iteration: i, ...line });
      if (iteration) {
        this.sent.set(i, true);
        this.iterations += 1;
        yield iteration;
      }
      return;
    }
    const what = line.experiment
      ? 'its experiment.jsonl line came again (a second run written into the same directory?); it was not sent again'
      : line.callback
        ? 'its after_iteration dump line came after the iteration was sent; its episodes were sent, its playbook and state hashes were not'
        : 'its archive record came after the iteration was sent; its harness snapshot hash was not sent';
    this.notice(`iteration ${i}: ${what}`);
  }
}
