/**
 * ClawLoop's reward rules, implemented once (clawloop/core/episode.py EpisodeSummary and
 * learning_layers/harness.py PlaybookEntry). Every sink reads rewards through these.
 */

export interface SignalLike {
  readonly value: number;
  readonly confidence: number;
}

/** Signals in the order EpisodeSummary.effective_reward() consults them. */
const PRIORITY = ['user', 'outcome', 'execution', 'judge'] as const;

/** Execution signals count only when at least this confident. */
export const EXECUTION_MIN_CONFIDENCE = 0.7;

/** EpisodeSummary.effective_reward(): user > outcome > execution (confidence ≥ 0.7) > judge, else 0.0. */
export function effectiveReward(signals: Readonly<Record<string, SignalLike>>): number {
  for (const name of PRIORITY) {
    const signal = signals[name];
    if (!signal) continue;
    if (!countsForEffectiveReward(name, signal.confidence)) continue;
    return signal.value;
  }
  return 0;
}

/** EpisodeSummary.normalized_reward(): (effective + 1) / 2, in [0, 1]. */
export function normalizedReward(signals: Readonly<Record<string, SignalLike>>): number {
  return (effectiveReward(signals) + 1) / 2;
}

export interface PlaybookEntryLike {
  readonly helpful: number;
  readonly harmful: number;
  readonly decay_rate?: number;
  readonly last_activated?: number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * PlaybookEntry.effective_score(): (helpful − harmful) · exp(−decay_rate · days since last_activated), evaluated at
 * `atSeconds` (the iteration's timestamp, so a replay gives the same numbers as the live run). Entries without decay
 * fields (experiment.jsonl's short form) score helpful − harmful.
 */
export function playbookEffectiveScore(entry: PlaybookEntryLike, atSeconds: number): number {
  const raw = entry.helpful - entry.harmful;
  if (entry.decay_rate === undefined || entry.last_activated === undefined) return raw;
  const days = Math.max(0, atSeconds - entry.last_activated) / SECONDS_PER_DAY;
  return raw * Math.exp(-entry.decay_rate * days);
}

/** ClawLoop's priority rule in words, for explanations a backend shows next to the effective reward. */
export const EFFECTIVE_REWARD_RULE = PRIORITY.map((name) =>
  name === 'execution' ? `execution (confidence ≥ ${EXECUTION_MIN_CONFIDENCE})` : name,
).join(' > ');

/** Who produced a reward signal: a person (user feedback), a model (judge), or code (outcome, execution, others). */
export type SignalSource = 'human' | 'llm' | 'code';

/** The source of signal `name`: each backend maps it to its own annotator / source kinds. */
export function signalSource(name: string): SignalSource {
  if (name === 'user') return 'human';
  if (name === 'judge') return 'llm';
  return 'code';
}

/** Whether a signal takes part in the effective reward (an execution signal must be confident enough). */
export function countsForEffectiveReward(name: string, confidence: number): boolean {
  return name !== 'execution' || confidence >= EXECUTION_MIN_CONFIDENCE;
}
