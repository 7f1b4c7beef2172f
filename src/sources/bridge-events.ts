/**
 * The bridge's events.ndjson found in an output directory, read alongside ClawLoop's own files: its events of the
 * replayed run come out grouped by iteration for the merge (src/sources/clawloop-run.ts); events of other runs are
 * counted on the way and replayed afterwards as their own runs, so nothing the bridge wrote is lost.
 */
import type {
  CanonicalEvent,
  EpisodeEvent,
  EvolutionEvent,
  IterationEvent,
  RunFinishedEvent,
  RunStartedEvent,
} from '../../generated/types.gen.js';
import { readLines } from './lines.js';
import { readEventFile } from './ndjson-events.js';
import { parseJsonLine } from './parse-json-line.js';
import { Peekable } from './peekable.js';
import type { ProblemHandler } from './problems.js';

/** What the bridge wrote for one iteration. */
export interface BridgeIteration {
  episodes: EpisodeEvent[];
  iteration?: IterationEvent;
  evolution: EvolutionEvent[];
}

function iterationOf(event: CanonicalEvent): number | undefined {
  return event.type === 'episode' || event.type === 'iteration' || event.type === 'evolution' ? event.iteration : undefined;
}

export class BridgeEvents {
  private readonly stream: Peekable<CanonicalEvent>;
  private others = 0;
  private finished: RunFinishedEvent | undefined;

  constructor(
    private readonly path: string | undefined,
    private readonly runId: string,
    onProblem: ProblemHandler,
  ) {
    this.stream = Peekable.of(path ? this.ofRun(readEventFile(path, onProblem)) : undefined);
  }

  /** The run id of the first event in `path` that has one (without reporting problems: the full read does). */
  static async firstRunId(path: string): Promise<string | undefined> {
    for await (const line of readLines(path)) {
      if ('error' in line) continue;
      const parsed = parseJsonLine(line.text);
      const runId = parsed.ok ? (parsed.value as { run_id?: unknown } | null)?.run_id : undefined;
      if (typeof runId === 'string' && runId !== '') return runId;
    }
    return undefined;
  }

  private async *ofRun(events: AsyncIterable<CanonicalEvent>): AsyncGenerator<CanonicalEvent> {
    for await (const event of events) {
      if (event.run_id === this.runId) yield event;
      else this.others += 1;
    }
  }

  /** Moves past what the merge does not group by iteration: keeps run.finished, drops repeated run.started. */
  private async skipRunEvents(): Promise<CanonicalEvent | undefined> {
    for (let head = await this.stream.peek(); head !== undefined; head = await this.stream.peek()) {
      if (head.type === 'run.finished') this.finished = head;
      else if (head.type !== 'run.started') return head;
      await this.stream.next();
    }
    return undefined;
  }

  /** The bridge's run.started, when the file begins with one. */
  async runStarted(): Promise<RunStartedEvent | undefined> {
    const head = await this.stream.peek();
    if (head?.type !== 'run.started') return undefined;
    await this.stream.next();
    return head;
  }

  /** Iteration of the next grouped event, or undefined at the end. */
  async nextIteration(): Promise<number | undefined> {
    const head = await this.skipRunEvents();
    return head ? iterationOf(head) : undefined;
  }

  /** Takes the events of iteration `i` at the front of the file. */
  async takeIteration(i: number): Promise<BridgeIteration> {
    const out: BridgeIteration = { episodes: [], evolution: [] };
    for (let head = await this.skipRunEvents(); head !== undefined && iterationOf(head) === i; head = await this.skipRunEvents()) {
      await this.stream.next();
      if (head.type === 'episode') out.episodes.push(head);
      else if (head.type === 'iteration') out.iteration = head;
      else if (head.type === 'evolution') out.evolution.push(head);
    }
    return out;
  }

  /** The bridge's run.finished (reads to the end of the file). */
  async runFinished(): Promise<RunFinishedEvent | undefined> {
    while ((await this.skipRunEvents()) !== undefined) await this.stream.next();
    return this.finished;
  }

  /** Events of other runs seen so far (all of them once runFinished() has read to the end). */
  get otherRuns(): number {
    return this.others;
  }

  /** Reads the file again for the events of other runs, as they are (their problems were reported on the first read). */
  async *replayOtherRuns(): AsyncGenerator<CanonicalEvent> {
    if (!this.path) return;
    for await (const event of readEventFile(this.path, () => {})) if (event.run_id !== this.runId) yield event;
  }
}
