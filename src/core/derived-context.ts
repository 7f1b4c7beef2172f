/**
 * Run state that derived values need beyond the event at hand: the episode being mapped (for lookups across its
 * messages) and per-iteration reward statistics gathered from the episode events seen so far.
 * One context per sink; memory is bounded by the iterations still open (released when their iteration event is mapped).
 */
import type { CanonicalEvent, EpisodeEvent } from '../../generated/types.gen.js';
import { effectiveReward, normalizedReward } from './rewards.js';

export interface IterationStats {
  count: number;
  effectiveSum: number;
  effectiveMin: number;
  effectiveMax: number;
  normalizedSum: number;
  /** Per signal: sum of values and count of episodes that had it. */
  signals: Map<string, { sum: number; count: number }>;
}

/** Most open iterations kept per context; older ones are forgotten first (a source that never sends iteration events). */
const MAX_OPEN_ITERATIONS = 64;

export class DerivedContext {
  /** The episode event currently being mapped. */
  episode: EpisodeEvent['episode'] | undefined;
  /**
   * Where each message of the current episode is, made on the first lookup: the span sinks ask for every message,
   * the file sinks (W&B, report) never, and a map of every message per episode was theirs to pay for nothing.
   */
  private messageIndex: Map<object, number> | undefined;
  /** Values derived from the current episode, computed once each (reset per episode): see memo(). */
  private memos = new Map<string, Map<number, unknown>>();
  private readonly open = new Map<string, IterationStats>();

  /** Records what later derived values need; call before mapping `event`. */
  observe(event: CanonicalEvent): void {
    if (event.type !== 'episode') return;
    this.episode = event.episode;
    this.messageIndex = undefined;
    if (this.memos.size > 0) this.memos = new Map();
    const key = `${event.run_id}\u0000${event.iteration}`;
    let stats = this.open.get(key);
    if (!stats) {
      stats = { count: 0, effectiveSum: 0, effectiveMin: Infinity, effectiveMax: -Infinity, normalizedSum: 0, signals: new Map() };
      this.open.set(key, stats);
      if (this.open.size > MAX_OPEN_ITERATIONS) this.open.delete(this.open.keys().next().value!);
    }
    const signals = event.episode.summary.signals;
    const effective = effectiveReward(signals);
    stats.count += 1;
    stats.effectiveSum += effective;
    stats.effectiveMin = Math.min(stats.effectiveMin, effective);
    stats.effectiveMax = Math.max(stats.effectiveMax, effective);
    stats.normalizedSum += normalizedReward(signals);
    for (const [name, signal] of Object.entries(signals)) {
      const acc = stats.signals.get(name) ?? { sum: 0, count: 0 };
      acc.sum += signal.value;
      acc.count += 1;
      stats.signals.set(name, acc);
    }
  }

  /** Statistics of the episodes seen for (run, iteration), if any. */
  iterationStats(runId: string, iteration: number): IterationStats | undefined {
    return this.open.get(`${runId}\u0000${iteration}`);
  }

  /** Forgets an iteration's statistics once its iteration event has been mapped. */
  release(event: CanonicalEvent): void {
    if (event.type === 'iteration') this.open.delete(`${event.run_id}\u0000${event.iteration}`);
  }

  /**
   * The value `kind` #`index` of the current episode, computed by `compute` the first time it is asked for and reused
   * until the next episode. Values that every later message would otherwise recompute (a message's JSON text, the
   * conversation before it) are made once per episode, and two keys mapped from one derived value share one string.
   */
  memo<T>(kind: string, index: number, compute: () => T): T {
    let values = this.memos.get(kind);
    if (!values) {
      values = new Map();
      this.memos.set(kind, values);
    }
    const found = values.get(index);
    if (found !== undefined || values.has(index)) return found as T;
    const value = compute();
    values.set(index, value);
    return value;
  }

  /** Index of `message` in the current episode, or -1. */
  indexOfMessage(message: object): number {
    this.messageIndex ??= new Map((this.episode?.messages ?? []).map((m, i) => [m, i]));
    return this.messageIndex.get(message) ?? -1;
  }
}
