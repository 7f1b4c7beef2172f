/**
 * The per-iteration merge of `watch` (src/sources/watch-run.ts): lines of ClawLoop's files held by iteration, an
 * iteration sent when the caller says it is due (its episodes, the iteration, its evolution steps — a replay's order),
 * and a line for an iteration already sent delivered where it still can be, or named in a notice where it cannot.
 */
import type {
  ArchiveEpisodeRecord,
  ArchiveIterationRecord,
  CallbackLine,
  CanonicalEvent,
  EpisodeEvent,
  EvolutionEvent,
  EvolutionLine,
  ExperimentLine,
  IterationEvent,
  Playbook,
} from '../../generated/types.gen.js';
import type { BridgeIteration } from './bridge-events.js';
import { uniqueEpisodes } from './clawloop-run.js';
import { episodeFromArchive, episodesFromCallback, evolutionFrom, iterationFrom } from './convert.js';

/**
 * The files written to in every iteration (evolution.jsonl skips iterations where nothing changed): ClawLoop's, and the
 * bridge's events.ndjson, which has reached an iteration once its iteration event is there.
 */
export type DenseFile = 'experiment' | 'callback' | 'archive' | 'events';

/** The bridge's events of one iteration. */
export type BridgeEvent = EpisodeEvent | IterationEvent | EvolutionEvent;

/** What the files hold of an iteration not sent yet. */
interface Held {
  experiment?: ExperimentLine;
  callback?: CallbackLine;
  archive?: ArchiveIterationRecord;
  bridge: BridgeIteration;
  /** The archive's summaries of the iteration's episodes (sent for those neither the bridge nor the dump has). */
  summaries: ArchiveEpisodeRecord[];
  evolution: EvolutionLine[];
  firstSeen: number;
}

type Parts = Partial<Pick<Held, 'experiment' | 'callback' | 'archive'>> & { bridge?: IterationEvent };

/** What went out for an iteration already sent. */
interface Sent {
  iteration: boolean;
  /**
   * Where its episodes and evolution steps came from. The dump and the bridge hold the same episodes, evolution.jsonl
   * and the bridge the same steps: what one sent, the other's late copy does not send again (a replay keeps one too).
   * The archive's summaries go out only when no full episode did; a late full copy still goes out (same ids: it
   * replaces the summary).
   */
  episodesFrom?: 'dump' | 'bridge' | 'archive';
  evolutionFrom?: 'file' | 'bridge';
}

/** Both written from ClawLoop's after_iteration callback. */
const AFTER_ITERATION: readonly DenseFile[] = ['callback', 'events'];

export class IterationMerge {
  private readonly held = new Map<number, Held>();
  /** Iterations sent, and what went out for each. */
  private readonly sent = new Map<number, Sent>();
  private readonly reached: Record<DenseFile, number> = { experiment: -1, callback: -1, archive: -1, events: -1 };
  private newest = -1;
  /** The first iteration seen. */
  private first = Number.POSITIVE_INFINITY;
  /** Whether a notice said that episodes went out as the archive's summaries (once per watch). */
  private saidSummaries = false;
  /** Iteration events sent. */
  iterations = 0;

  constructor(
    /** The run's id, known by the time the first iteration is released. */
    private readonly runIdOf: () => string,
    private readonly notice: (message: string) => void,
    /** Whether experiment.jsonl exists (an iteration sent without its line is then worth a notice). */
    private readonly experimentExists: () => boolean,
    /** The playbook of an archive variant read so far, by hash (for an iteration neither the dump nor the bridge has). */
    private readonly variantPlaybook: (hash: string | null | undefined) => Playbook | undefined,
  ) {}

  /** Takes one line of a per-iteration file; yields at once what a line for an iteration already sent still delivers. */
  *add(
    file: Exclude<DenseFile, 'events'>,
    iteration: number,
    line: NonNullable<Parts[Exclude<DenseFile, 'events'>]>,
  ): Generator<CanonicalEvent> {
    this.newest = Math.max(this.newest, iteration);
    this.reached[file] = Math.max(this.reached[file], iteration);
    if (this.sent.has(iteration)) yield* this.late(iteration, { [file]: line });
    else Object.assign(this.hold(iteration), { [file]: line });
  }

  *addEvolution(line: EvolutionLine): Generator<CanonicalEvent> {
    this.newest = Math.max(this.newest, line.iteration);
    const sent = this.sent.get(line.iteration);
    if (!sent) this.hold(line.iteration).evolution.push(line);
    else if (sent.evolutionFrom !== 'bridge') {
      sent.evolutionFrom = 'file';
      yield evolutionFrom(this.runIdOf(), line);
    }
  }

  /** Takes the archive's summary of an episode (written at the start of its iteration, before any other file's line). */
  *addSummary(record: ArchiveEpisodeRecord): Generator<CanonicalEvent> {
    const i = record.iteration_num;
    this.newest = Math.max(this.newest, i);
    const sent = this.sent.get(i);
    if (!sent) this.hold(i).summaries.push(record);
    else if (sent.episodesFrom === undefined || sent.episodesFrom === 'archive') {
      sent.episodesFrom = 'archive';
      yield episodeFromArchive(this.runIdOf(), record);
    }
  }

  /** Takes one of the bridge's events of this run (episode, iteration or evolution step). */
  *addBridge(event: BridgeEvent): Generator<CanonicalEvent> {
    const i = event.iteration;
    this.newest = Math.max(this.newest, i);
    // Episodes come before their iteration event (live mode sends them while the iteration runs).
    if (event.type === 'iteration') this.reached.events = Math.max(this.reached.events, i);
    const sent = this.sent.get(i);
    if (!sent) {
      const held = this.hold(i).bridge;
      if (event.type === 'episode') held.episodes.push(event);
      else if (event.type === 'iteration') held.iteration = event;
      else held.evolution.push(event);
    } else if (event.type === 'iteration') yield* this.late(i, { bridge: event });
    else if (event.type === 'episode' && sent.episodesFrom !== 'dump') {
      // A full copy of an episode sent as the archive's summary goes out: the same id, the full conversation.
      sent.episodesFrom = 'bridge';
      yield event;
    } else if (event.type === 'evolution' && sent.evolutionFrom !== 'file') {
      sent.evolutionFrom = 'bridge';
      yield event;
    }
  }

  /**
   * The highest iteration that is done being written, from what was taken so far: any below the newest iteration seen
   * (ClawLoop writes iteration i completely before i + 1), and the newest once every per-iteration file has it — a file
   * that does not exist is waited for `graceMs` from when the iteration was first seen.
   */
  doneUpTo(exists: (file: DenseFile) => boolean, graceMs: number): number {
    const newest = this.held.get(this.newest);
    if (!newest) return this.newest - 1;
    const has = (file: DenseFile) => this.reached[file] >= this.newest;
    const waiting = (Object.keys(this.reached) as DenseFile[]).filter(
      (file) =>
        !has(file) &&
        // The dump and the bridge write from the same callback: once one has the newest iteration, the other is not
        // awaited while it does not exist — after the first iteration, which creates the file of each that writes.
        // (At the first, it waits `graceMs` like any missing file: the bridge's first write carries run.started.)
        !(
          this.newest > this.first &&
          AFTER_ITERATION.includes(file) &&
          !exists(file) &&
          AFTER_ITERATION.some((other) => other !== file && has(other))
        ),
    );
    const ready = waiting.length === 0 || (waiting.every((file) => !exists(file)) && Date.now() - newest.firstSeen >= graceMs);
    return ready ? this.newest : this.newest - 1;
  }

  /** Whether an iteration up to `upTo` is held (a release would send something). */
  holdsUpTo(upTo: number): boolean {
    for (const i of this.held.keys()) if (i <= upTo) return true;
    return false;
  }

  /** Sends every held iteration up to `upTo`, in order. */
  *release(upTo: number): Generator<CanonicalEvent> {
    for (const i of [...this.held.keys()].sort((a, b) => a - b)) {
      if (i > upTo) break;
      const h = this.held.get(i)!;
      this.held.delete(i);
      const summaries = h.summaries.map((record) => episodeFromArchive(this.runIdOf(), record));
      yield* uniqueEpisodes([h.bridge.episodes, h.callback ? episodesFromCallback(this.runIdOf(), h.callback) : [], summaries]);
      const iteration = iterationFrom({
        runId: this.runIdOf(),
        iteration: i,
        experiment: h.experiment,
        callback: h.callback,
        archive: h.archive,
        bridge: h.bridge.iteration,
        variantPlaybook: h.callback || h.bridge.iteration?.playbook ? undefined : this.variantPlaybook(h.archive?.child_variant_hash),
      });
      if (!h.experiment && this.experimentExists())
        this.notice(
          `iteration ${i}: its experiment.jsonl line did not arrive (a refused line is listed with the input errors); ${iteration ? 'the iteration was sent from the archive record' : 'no other file gives it a time, so no iteration event was sent'}${h.callback ? '; its episodes were sent' : ''}`,
        );
      if (iteration) {
        yield iteration;
        this.iterations += 1;
      }
      if (summaries.length > 0 && h.bridge.episodes.length === 0 && !h.callback && !this.saidSummaries) {
        this.saidSummaries = true;
        this.notice(
          `iteration ${i}: its episodes went out as the archive's summaries (rewards, tokens, latency), not conversations; full episodes come from the bridge (events.ndjson) or the after_iteration dump (episodes.ndjson)`,
        );
      }
      this.sent.set(i, {
        iteration: iteration !== undefined,
        episodesFrom: h.bridge.episodes.length > 0 ? 'bridge' : h.callback ? 'dump' : summaries.length > 0 ? 'archive' : undefined,
        evolutionFrom: h.evolution.length > 0 ? 'file' : h.bridge.evolution.length > 0 ? 'bridge' : undefined,
      });
      for (const line of h.evolution) yield evolutionFrom(this.runIdOf(), line);
      if (h.evolution.length === 0) yield* h.bridge.evolution;
    }
  }

  private hold(i: number): Held {
    this.first = Math.min(this.first, i);
    let h = this.held.get(i);
    if (!h) this.held.set(i, (h = { bridge: { episodes: [], evolution: [] }, summaries: [], evolution: [], firstSeen: Date.now() }));
    return h;
  }

  /** A line for an iteration already sent: delivered where it still can be, else said. */
  private *late(i: number, line: Parts): Generator<CanonicalEvent> {
    const sent = this.sent.get(i)!;
    const fromBridge = sent.episodesFrom === 'bridge';
    if (line.callback && !fromBridge) {
      sent.episodesFrom = 'dump';
      yield* episodesFromCallback(this.runIdOf(), line.callback);
    }
    if (!sent.iteration) {
      const iteration = iterationFrom({ runId: this.runIdOf(), iteration: i, ...line });
      if (iteration) {
        sent.iteration = true;
        this.iterations += 1;
        yield iteration;
      }
      return;
    }
    const what = line.experiment
      ? 'its experiment.jsonl line came again (a second run written into the same directory?); it was not sent again'
      : line.callback
        ? `its after_iteration dump line came after the iteration was sent; ${fromBridge ? "its episodes had come from the bridge's events" : 'its episodes were sent'}, its playbook and state hashes were not`
        : line.bridge
          ? "the bridge's iteration event came after the iteration was sent; its playbook and state hashes were not sent"
          : 'its archive record came after the iteration was sent; its harness snapshot hash was not sent';
    this.notice(`iteration ${i}: ${what}`);
  }
}
